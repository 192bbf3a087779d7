/** Format 3 – model practices: synthesising and updating case studies (Vademecum, chapter IV). */
import { FORMAT_SCHEMA_VERSION, type AreaInput, type FormatInput } from '../shared/formats/schema';
import { COLS, ROWS, columns, summaryStep } from './common';

const CASES = ['A', 'B', 'C', 'D'] as const;

const CRITERIA = [
  { id: 'context', pl: 'Kontekst', en: 'Context' },
  { id: 'goal', pl: 'Cel', en: 'Goal' },
  { id: 'steps', pl: 'Kroki', en: 'Steps' },
  { id: 'costs', pl: 'Koszty', en: 'Costs' },
  { id: 'results', pl: 'Rezultaty', en: 'Results' },
  { id: 'pitfalls', pl: 'Pułapki', en: 'Pitfalls' },
] as const;

/** Cases down, criteria across: each cell two units square, room for one note and its label. */
const comparisonGrid: AreaInput[] = CASES.flatMap((c, row) =>
  CRITERIA.map((k, col) => ({
    id: `${c.toLowerCase()}-${k.id}`,
    label: { pl: `${c} · ${k.pl}`, en: `${c} · ${k.en}` },
    x: col * 2,
    y: row * 2,
    w: 2,
    h: 2,
  })),
);

export const practices: FormatInput = {
  schemaVersion: FORMAT_SCHEMA_VERSION,
  id: 'practices',
  title: {
    pl: 'Modelowe praktyki – synteza i aktualizacja studiów przypadków',
    en: 'Model practices: synthesising and updating case studies',
  },
  goal: {
    pl: 'Zebranie kilku podobnych rozwiązań, ich porównanie i wypracowanie nowszej wersji gotowej do wdrożenia, dostosowanej do potrzeb różnych typów miast.',
    en: 'Collect several similar solutions, compare them and work out a newer version ready to implement, adapted to the needs of different types of city.',
  },
  when: {
    pl: 'Gdy miasta w sieci rozwiązały już podobny problem na różne sposoby.',
    en: 'When cities in the network have already solved a similar problem in different ways.',
  },
  result: {
    pl: 'Uzgodniona wersja modelowa praktyki, jej warianty dla małych, średnich i dużych miast oraz rekomendacje.',
    en: 'An agreed model version of the practice, its variants for small, medium and large cities, and recommendations.',
  },
  steps: [
    {
      id: '3.1',
      title: { pl: 'Prezentacje studiów przypadków', en: 'Case-study presentations' },
      goal: {
        pl: 'Wszyscy znają przypadki, które będziemy porównywać.',
        en: 'Everyone knows the cases we are going to compare.',
      },
      instructions: {
        pl: 'Przedstawiciele miast prezentują swoje przypadki, każdy w kilka minut: kontekst, co zrobiono i z jakim skutkiem. Na górze strefy przypadku zapiszcie jego tytuł i miasto. Ta część może być transmitowana, dlatego pytania zadajemy na koniec, na głos.',
        en: "City representatives present their cases, a few minutes each: the context, what was done and with what result. At the top of the case's zone, write its title and city. This part may be transmitted, so questions are asked at the end, out loud.",
      },
      timeboxMinutes: 30,
      public: true,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns(
          CASES.map((c) => ({
            id: `case-${c.toLowerCase()}`,
            label: { pl: `Przypadek ${c}`, en: `Case ${c}` },
            placeholder: 'case' as const,
          })),
        ),
      },
      summary: { feeds: 'agreed', description: { pl: 'tytuły przypadków i miasta', en: 'case titles and cities' } },
    },
    {
      id: '3.2',
      title: { pl: 'Porównanie', en: 'Comparison' },
      goal: {
        pl: 'Widzimy podobieństwa i różnice między przypadkami według tych samych kryteriów.',
        en: 'We see the similarities and differences between the cases against the same criteria.',
      },
      instructions: {
        pl: 'Dla każdego przypadku uzupełnijcie jego wiersz: kontekst, cel, kroki, koszty, rezultaty i pułapki. Pracujcie w parach z autorami przypadków, jedna para na wiersz. Na koniec przeczytajcie siatkę kolumnami i zaznaczcie, co się powtarza.',
        en: 'For each case, fill in its row: context, goal, steps, costs, results and pitfalls. Work in pairs with the case authors, one pair per row. Finally read the grid column by column and mark what recurs.',
      },
      timeboxMinutes: 30,
      public: false,
      layout: { cols: COLS, rows: CASES.length * 2, areas: comparisonGrid },
      summary: { feeds: 'none' },
    },
    {
      id: '3.3',
      title: { pl: 'Co działa i dlaczego', en: 'What works and why' },
      goal: {
        pl: 'Znamy czynniki, od których zależy sukces praktyki, i typowe pułapki.',
        en: "We know the factors the practice's success depends on, and the typical pitfalls.",
      },
      instructions: {
        pl: 'Na podstawie porównania zapiszcie, dzięki czemu rozwiązanie działało – jeden czynnik na karteczce. Osobno zapiszcie pułapki, które powtarzały się w kilku miastach. Prowadzący oznaczają czynniki, co do których grupa jest zgodna.',
        en: 'Based on the comparison, write down what made the solution work, one factor per note. Separately, write down the pitfalls that recurred in several cities. The hosts mark the factors the group agrees on.',
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'success-factors', label: { pl: 'Czynniki sukcesu', en: 'Success factors' } },
          { id: 'pitfalls', label: { pl: 'Pułapki', en: 'Pitfalls' } },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione czynniki sukcesu', en: 'the agreed success factors' } },
    },
    {
      id: '3.4',
      title: { pl: 'Wersja modelowa', en: 'The model version' },
      goal: {
        pl: 'Mamy zsyntetyzowaną praktykę opisaną krok po kroku, gotową do wdrożenia.',
        en: 'We have the synthesised practice, described step by step and ready to implement.',
      },
      instructions: {
        pl: 'Ułóżcie kroki wersji modelowej od lewej do prawej, korzystając z tego, co działało w porównanych przypadkach. Przy każdym kroku zaznaczcie, który czynnik sukcesu wspiera i jakiej pułapki pozwala uniknąć. Przeczytajcie całość razem i wprowadźcie ostatnie poprawki.',
        en: 'Lay out the steps of the model version from left to right, using what worked in the compared cases. At each step, note which success factor it supports and which pitfall it avoids. Read the whole thing together and make the last corrections.',
      },
      timeboxMinutes: 30,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns(
          Array.from({ length: 6 }, (_, i) => ({
            id: `model-step-${i + 1}`,
            label: { pl: `Krok ${i + 1}`, en: `Step ${i + 1}` },
            placeholder: 'step' as const,
          })),
        ),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodniona wersja modelowa', en: 'the agreed model version' } },
    },
    {
      id: '3.5',
      title: { pl: 'Dostosowanie do typu miasta', en: 'Adapting to the type of city' },
      goal: {
        pl: 'Wiemy, co zmienić w wersji modelowej, by pasowała do miast o różnej wielkości i specyfice.',
        en: 'We know what to change in the model version so that it suits cities of different size and character.',
      },
      instructions: {
        pl: 'Podzielcie się na grupy według wielkości waszych miast. Każda grupa zapisuje, co w wersji modelowej trzeba u niej uprościć, rozbudować albo zrobić inaczej. Na koniec grupy krótko przedstawiają swoje dostosowania.',
        en: 'Split into groups by the size of your cities. Each group writes down what in the model version it needs to simplify, extend or do differently. Finally the groups briefly present their adaptations.',
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'small-city', label: { pl: 'Małe miasto', en: 'Small city' } },
          { id: 'medium-city', label: { pl: 'Średnie miasto', en: 'Medium-sized city' } },
          { id: 'large-city', label: { pl: 'Duże miasto', en: 'Large city' } },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione dostosowania', en: 'the agreed adaptations' } },
    },
    {
      id: '3.6',
      title: { pl: 'Rekomendacje', en: 'Recommendations' },
      goal: {
        pl: 'Grupa formułuje rekomendacje dla szczebla lokalnego i wyższych.',
        en: 'The group makes recommendations for the local level and above.',
      },
      instructions: {
        pl: 'Zapiszcie, co poleca sieć: miastom, które chcą wdrożyć praktykę, oraz instytucjom szczebla regionalnego i krajowego. Każdą rekomendację ujmijcie w jednym zdaniu, z adresatem. Prowadzący oznaczają te, pod którymi podpisuje się cała grupa.',
        en: 'Write down what the network recommends to cities that want to implement the practice, and to regional and national institutions. Put each recommendation in one sentence, with its addressee. The hosts mark the ones the whole group stands behind.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'local-level', label: { pl: 'Szczebel lokalny', en: 'Local level' } },
          { id: 'higher-level', label: { pl: 'Szczebel regionalny i krajowy', en: 'Regional and national level' } },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione rekomendacje', en: 'the agreed recommendations' } },
    },
    summaryStep('3.7'),
  ],
};
