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
  shortTitle: { pl: 'Format 3 — Modelowe praktyki', en: 'Format 3 — Model practices' },
  goal: {
    pl: 'Zebranie kilku podobnych rozwiązań, ich porównanie i wypracowanie nowszej wersji gotowej do wdrożenia, dostosowanej do potrzeb miast różnego typu – ich wielkości i specyfiki.',
    en: 'Collect several similar solutions, compare them and work out a newer version ready to implement, adapted to the needs of different types of city – their size and specific character.',
  },
  when: {
    pl: 'Gdy miasta w sieci rozwiązały już podobny problem na różne sposoby albo gdy trzeba zaktualizować istniejące studium przypadku.',
    en: 'When cities in the network have already solved a similar problem in different ways, or when an existing case study needs updating.',
  },
  result: {
    pl: 'Uzgodniona wersja modelowa praktyki (nowa albo zaktualizowana), jej warianty dla miast różnej wielkości i o różnej specyfice oraz rekomendacje.',
    en: 'An agreed model version of the practice (new or updated), its variants for cities of different size and character, and recommendations.',
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
        pl: 'Osoby reprezentujące miasta prezentują swoje przypadki, każda w kilka minut: kontekst, co zrobiono i z jakim skutkiem. Na górze strefy przypadku zapiszcie jego tytuł i miasto. Jeśli aktualizujecie istniejące studium przypadku, streśćcie jego dotychczasową wersję w polu „Aktualizacja”. Ta część może być transmitowana, dlatego pytania zadajemy na koniec, na głos.',
        en: "City representatives present their cases, a few minutes each: the context, what was done and with what result. At the top of the case's zone, write its title and city. If you are updating an existing case study, sum up its current version in the \"Update\" area. This part may be transmitted, so questions are asked at the end, out loud.",
      },
      tip: {
        pl: 'Pilnujcie czasu prezentacji – najlepiej z minutnikiem widocznym dla wszystkich. Przed transmisją sprawdźcie, że ta ramka jest publiczna, a pozostałe nie.',
        en: 'Keep the presentations to time, ideally with a timer everyone can see. Before transmitting, check that this frame is public and the others are not.',
      },
      timeboxMinutes: 30,
      public: true,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: [
          ...columns(
            CASES.map((c) => ({
              id: `case-${c.toLowerCase()}`,
              label: { pl: `Przypadek ${c}`, en: `Case ${c}` },
              placeholder: 'case' as const,
            })),
            ROWS - 2,
          ),
          {
            id: 'update',
            label: { pl: 'Aktualizacja: dotychczasowa wersja studium przypadku', en: 'Update: the current version of the case study' },
            x: 0,
            y: ROWS - 2,
            w: COLS,
            h: 2,
          },
        ],
      },
      summary: {
        feeds: 'agreed',
        description: { pl: 'tytuły przypadków i miasta', en: 'case titles and cities' },
        topicAreas: CASES.map((c) => `case-${c.toLowerCase()}`),
      },
    },
    {
      id: '3.2',
      title: { pl: 'Porównanie', en: 'Comparison' },
      goal: {
        pl: 'Widzimy podobieństwa i różnice między przypadkami według tych samych kryteriów.',
        en: 'We see the similarities and differences between the cases against the same criteria.',
      },
      instructions: {
        pl: 'Dla każdego przypadku uzupełnijcie jego wiersz: kontekst, cel, kroki, koszty, rezultaty i pułapki. Pracujcie w parach z osobami, które przedstawiły przypadki – jedna para na wiersz. Na koniec przeczytajcie siatkę kolumnami i zaznaczcie, co się powtarza.',
        en: 'For each case, fill in its row: context, goal, steps, costs, results and pitfalls. Work in pairs with the people who presented the cases, one pair per row. Finally read the grid column by column and mark what recurs.',
      },
      tip: {
        pl: 'Puste pole w siatce to też informacja – zapytajcie, czy danych brakuje, czy ich po prostu nie ma. Przy aktualizacji potraktujcie dotychczasową wersję studium jako jeden z przypadków.',
        en: 'An empty cell is information too – ask whether the data is missing or simply does not exist. When updating, treat the current version of the case study as one of the cases.',
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
        pl: 'Na podstawie porównania zapiszcie, dzięki czemu rozwiązanie działało – jeden czynnik na karteczce. Osobno zapiszcie pułapki, które powtarzały się w kilku miastach. Osoby prowadzące oznaczają czynniki, co do których grupa jest zgodna.',
        en: 'Based on the comparison, write down what made the solution work, one factor per note. Separately, write down the pitfalls that recurred in several cities. The hosts mark the factors the group agrees on.',
      },
      tip: {
        pl: 'Pytajcie „dlaczego zadziałało właśnie tam?”, żeby oddzielić czynniki sukcesu od szczęśliwego zbiegu okoliczności.',
        en: 'Ask "why did it work there in particular?" to tell success factors apart from lucky circumstances.',
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
        pl: 'Ułóżcie kroki wersji modelowej od lewej do prawej, korzystając z tego, co działało w porównanych przypadkach. Przy każdym kroku zaznaczcie, który czynnik sukcesu wspiera i jakiej pułapki pozwala uniknąć. Jeśli aktualizujecie studium, w dolnym polu zapiszcie, co zmieniacie względem dotychczasowej wersji i dlaczego. Przeczytajcie całość razem i wprowadźcie ostatnie poprawki.',
        en: 'Lay out the steps of the model version from left to right, using what worked in the compared cases. At each step, note which success factor it supports and which pitfall it avoids. If you are updating a case study, write in the bottom area what you change from the current version and why. Read the whole thing together and make the last corrections.',
      },
      tip: {
        pl: 'Wersja modelowa ma być wykonalna dla miasta, które zaczyna od zera – przeczytajcie kroki z perspektywy najmniejszego miasta w sieci.',
        en: 'The model version must be workable for a city starting from scratch – read the steps from the point of view of the smallest city in the network.',
      },
      timeboxMinutes: 30,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: [
          ...columns(
            Array.from({ length: 6 }, (_, i) => ({
              id: `model-step-${i + 1}`,
              label: { pl: `Krok ${i + 1}`, en: `Step ${i + 1}` },
              placeholder: 'step' as const,
            })),
            ROWS - 2,
          ),
          {
            id: 'changes',
            label: { pl: 'Zmiany względem dotychczasowej wersji (przy aktualizacji)', en: 'Changes from the current version (when updating)' },
            x: 0,
            y: ROWS - 2,
            w: COLS,
            h: 2,
          },
        ],
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodniona wersja modelowa', en: 'the agreed model version' } },
    },
    {
      id: '3.5',
      title: { pl: 'Dostosowanie do typu miasta', en: 'Adapting to the type of city' },
      goal: {
        pl: 'Wiemy, co zmienić w wersji modelowej, by pasowała do miast różnej wielkości i o różnej specyfice.',
        en: 'We know what to change in the model version so that it suits cities of different size and character.',
      },
      instructions: {
        pl: 'Podzielcie się na grupy według wielkości waszych miast, a osobną grupę utwórzcie dla miast o szczególnej specyfice – na przykład uzdrowiskowych, akademickich czy poprzemysłowych. Każda grupa zapisuje, co w wersji modelowej trzeba u niej uprościć, rozbudować albo zrobić inaczej. Na koniec grupy krótko przedstawiają swoje dostosowania.',
        en: 'Split into groups by the size of your cities, and form a separate group for cities with a particular character – spa towns, university cities or post-industrial ones, for example. Each group writes down what in the model version it needs to simplify, extend or do differently. Finally the groups briefly present their adaptations.',
      },
      tip: {
        pl: 'Jeśli miasta w sieci są podobnej wielkości, pracujcie głównie w polu „Specyfika miasta”. W każdej grupie wskażcie osobę, która przedstawi wyniki.',
        en: 'If the cities in the network are of a similar size, work mainly in the "Specific character" area. In each group, name the person who will present the results.',
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
          { id: 'city-character', label: { pl: 'Specyfika miasta', en: 'Specific character' } },
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
        pl: 'Zapiszcie, co poleca sieć: miastom, które chcą wdrożyć praktykę, oraz instytucjom szczebla regionalnego i krajowego. Każdą rekomendację ujmijcie w jednym zdaniu, z adresatem. Osoby prowadzące oznaczają te, pod którymi podpisuje się cała grupa.',
        en: 'Write down what the network recommends to cities that want to implement the practice, and to regional and national institutions. Put each recommendation in one sentence, with its addressee. The hosts mark the ones the whole group stands behind.',
      },
      tip: {
        pl: 'Dopilnujcie, żeby każda rekomendacja miała adresata i dała się wysłać bez dodatkowego komentarza.',
        en: 'Make sure each recommendation has an addressee and could be sent on without further comment.',
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
