/**
 * What the demo board holds: a Format 2 session ("generating solutions") of a fictional network
 * of cities on communicating with residents in social media. The network, the people and the
 * notes are invented; the kinds of problems are real.
 */
export const DEMO_TITLE = 'Sieć Miast na rzecz Otwartej Komunikacji — spotkanie nr 2';

export const DEMO_MEETING = {
  network: 'Sieć Miast na rzecz Otwartej Komunikacji z Mieszkańcami',
  meetingTitle: 'Skuteczna komunikacja z mieszkańcami w mediach społecznościowych',
  meetingNumber: '2',
  date: '2026-11-24',
  place: 'Starachowice, Urząd Miejski',
  mode: 'hybrid' as const,
  hosts: ['Joanna Wrzosek (koordynatorka-facylitatorka)', 'Michał Jaworczak (ekspert-moderator)'],
  nextMeeting: 'Luty 2027, Cieszyn — studia przypadków: komunikacja kryzysowa',
};

export const DEMO_PEOPLE: [string, string][] = [
  ['Alicja Brzezińska-Tur', 'Starachowice'],
  ['Olgierd Maciejak', 'Cieszyn'],
  ['Renata Wilczopolska', 'Przemyśl'],
  ['Damian Ostrowicz', 'Jarosław'],
  ['Halina Pstrągowska', 'Opoczno'],
  ['Kacper Zieleniewicz', 'Zawiercie'],
  ['Wiktoria Smolarek-Bąk', 'Ostrów Wielkopolski'],
];

/** Notes per step and area: [text, agreed?, votes?]. */
export const DEMO_NOTES: Record<string, Record<string, [string, boolean?, number?][]>> = {
  '2.1': { challenge: [['Jak docierać do mieszkańców przez media społecznościowe i słuchać ich głosu, nie tylko ogłaszać?', true]] },
  '2.2': {
    barriers: [
      ['Brak osoby, która w urzędzie odpowiada tylko za media społecznościowe'],
      ['Długa ścieżka akceptacji każdego wpisu'],
      ['Hejt i trudne komentarze pod postami'],
      ['Seniorzy nie korzystają z Facebooka'],
      ['Wydziały nie przekazują informacji na czas'],
      ['Brak budżetu na grafikę i promocję'],
    ],
  },
  '2.3': {
    clusters: [
      ['Długa ścieżka akceptacji wpisów', true, 7],
      ['Brak przepływu informacji między wydziałami', true, 6],
      ['Obawa przed hejtem', false, 4],
      ['Brak budżetu', false, 2],
    ],
  },
  '2.4': {
    'barrier-1': [['Zasady komunikacji przyjęte zarządzeniem: kto publikuje bez akceptacji'], ['Kalendarz wpisów na tydzień do przodu']],
    'barrier-2': [['Łącznik ds. komunikacji w każdym wydziale'], ['Cotygodniowe 15 minut z wydziałami']],
    'barrier-3': [['Regulamin komentowania i wspólna odpowiedź na hejt']],
  },
  '2.5': {
    'low-effort-high-impact': [['Kalendarz wpisów'], ['Łącznicy w wydziałach']],
    'high-effort-high-impact': [['Zarządzenie o zasadach komunikacji']],
    'low-effort-low-impact': [['Newsletter SMS dla seniorów']],
  },
  '2.6': {
    'agreed-solutions': [
      ['Każde miasto wyznacza łączników ds. komunikacji w wydziałach', true],
      ['Wspólny wzór zasad publikacji bez akceptacji dla prostych komunikatów', true],
    ],
  },
  '2.7': {
    conclusions: [['Szybkość komunikacji zależy bardziej od organizacji pracy urzędu niż od narzędzi', true]],
  },
};

/** Agreed actions: the date as the date picker gives it (ISO), shown the Polish way. */
export const DEMO_ACTIONS: { what: string; who: string; due: string }[] = [
  { what: 'Przygotować wzór zasad publikacji w mediach społecznościowych', who: 'Cieszyn i Przemyśl', due: '2027-01-15' },
  { what: 'Zebrać przykłady regulaminów komentowania', who: 'Starachowice', due: '2026-12-31' },
];
