/**
 * Across networks, for whoever runs the programme: meetings held, average attendance and cities
 * taking part, per network and in total — from the counts the hosts' reports keep at closing
 * (never a name).
 */
export interface HeldMeeting {
  /** People present, as the report counts them. */
  people: number;
  /** The cities present (as written on the attendance list). */
  cities: string[];
}

export interface NetworkStats {
  id: string;
  title: string;
  meetingsHeld: number;
  /** People per held meeting, to one decimal; null before any meeting was held. */
  averageAttendance: number | null;
  cities: number;
}

export interface ProgrammeStats {
  networks: NetworkStats[];
  total: { networks: number; meetingsHeld: number; averageAttendance: number | null; cities: number };
}

const average = (meetings: HeldMeeting[]) => (meetings.length === 0 ? null : Math.round((meetings.reduce((sum, m) => sum + m.people, 0) / meetings.length) * 10) / 10);
const cityKey = (city: string) => city.normalize('NFC').trim().toLocaleLowerCase('pl');
const citiesOf = (meetings: HeldMeeting[]) => new Set(meetings.flatMap((m) => m.cities.map(cityKey)).filter(Boolean));

export function programmeStats(networks: { id: string; title: string; held: HeldMeeting[] }[]): ProgrammeStats {
  const all = networks.flatMap((n) => n.held);
  return {
    networks: networks.map((n) => ({ id: n.id, title: n.title, meetingsHeld: n.held.length, averageAttendance: average(n.held), cities: citiesOf(n.held).size })),
    total: { networks: networks.length, meetingsHeld: all.length, averageAttendance: average(all), cities: citiesOf(all).size },
  };
}
