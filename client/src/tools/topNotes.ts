/**
 * The top N notes of a vote, with the tie at the cut laid open: the notes surely in, and — when
 * several share the last place — the tied ones, of which the hosts choose the remaining places.
 */
export interface TopChoice {
  sure: string[];
  tied: string[];
  /** How many of the tied notes fit in the top N. */
  places: number;
}

export function topNotes(counts: Record<string, number>, n: number): TopChoice {
  const ranked = Object.entries(counts)
    .filter(([, c]) => c > 0)
    .sort(([, a], [, b]) => b - a);
  if (ranked.length <= n) return { sure: ranked.map(([id]) => id), tied: [], places: 0 };
  const cut = ranked[n - 1]![1];
  const sure = ranked.filter(([, c]) => c > cut).map(([id]) => id);
  const atCut = ranked.filter(([, c]) => c === cut).map(([id]) => id);
  const places = n - sure.length;
  return atCut.length <= places ? { sure: [...sure, ...atCut], tied: [], places: 0 } : { sure, tied: atCut, places };
}
