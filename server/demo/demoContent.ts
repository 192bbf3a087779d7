/**
 * What the demo board holds: a Format 2 session ("generating solutions") of a network of cities
 * on communicating with residents in social media — the theme of the network's meeting in
 * Starachowice described in the sources. Invented notes, real kinds of problems.
 */
export const DEMO_TITLE = 'Sieć Wymiany Doświadczeń — komunikacja z mieszkańcami';

export const DEMO_MEETING = {
  network: 'Sieć Wymiany Doświadczeń „Empirie”',
  meetingTitle: 'Skuteczna komunikacja z mieszkańcami w mediach społecznościowych',
  meetingNumber: '2',
  date: '2026-11-24',
  place: 'Starachowice, Urząd Miejski',
  mode: 'hybrid' as const,
  hosts: ['Przemysław Cichocki (koordynator-facylitator)', 'Tomasz Kayser (ekspert-moderator)'],
  nextMeeting: 'Luty 2027, Cieszyn — studia przypadków: komunikacja kryzysowa',
};

export const DEMO_PEOPLE: [string, string][] = [
  ['Anna Materek', 'Starachowice'],
  ['Jan Staszkiewicz', 'Cieszyn'],
  ['Ewa Bakun', 'Przemyśl'],
  ['Piotr Paluch', 'Jarosław'],
  ['Katarzyna Kosno', 'Opoczno'],
  ['Marek Konarski', 'Zawiercie'],
  ['Beata Klimek', 'Ostrów Wielkopolski'],
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

export const DEMO_ACTIONS: { what: string; who: string; due: string }[] = [
  { what: 'Przygotować wzór zasad publikacji w mediach społecznościowych', who: 'Cieszyn i Przemyśl', due: '15 stycznia 2027' },
  { what: 'Zebrać przykłady regulaminów komentowania', who: 'Starachowice', due: '31 grudnia 2026' },
];
