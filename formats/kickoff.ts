/** Format 0 – the network's first meeting (Vademecum, chapter IV). */
import { FORMAT_SCHEMA_VERSION, type AreaInput, type FormatInput } from '../shared/formats/schema';
import { COLS, ROWS, columns, summaryStep } from './common';

/** Eight zones, one per city, filled in at the meeting: four across, two down. */
const cityZones: AreaInput[] = Array.from({ length: 8 }, (_, i) => ({
  id: `city-${i + 1}`,
  label: { pl: `Miasto ${i + 1}`, en: `City ${i + 1}` },
  x: (i % 4) * 3,
  y: Math.floor(i / 4) * 3,
  w: 3,
  h: 3,
  placeholder: 'city' as const,
}));

export const kickoff: FormatInput = {
  schemaVersion: FORMAT_SCHEMA_VERSION,
  id: 'kickoff',
  title: { pl: 'Spotkanie wprowadzające („kick-off”)', en: 'Kick-off meeting' },
  goal: {
    pl: 'Poznanie się, integracja grupy, wspólne rozumienie tematyki sieci i wstępny wybór 2–3 tematów.',
    en: "Get to know each other, integrate the group, build a shared understanding of the network's theme and make a first choice of 2–3 topics.",
  },
  when: { pl: 'Na samym początku działania sieci.', en: "At the very start of the network's work." },
  result: {
    pl: 'Uczestnicy i duet prowadzących znają się; grupa ma kontrakt – zasady współpracy; wskazane są 2–3 tematy; jest pomysł na format pracy.',
    en: 'Participants and the host pair know each other; the group has a contract – its rules of cooperation; 2–3 topics are chosen; there is an idea of the working format.',
  },
  steps: [
    {
      id: '0.1',
      title: { pl: 'Powitanie i cel spotkania', en: 'Welcome and purpose' },
      goal: {
        pl: 'Wszyscy wiedzą, po co się spotykamy, jak przebiegnie dzień i kto prowadzi.',
        en: 'Everyone knows why we are meeting, how the day will run and who is hosting.',
      },
      instructions: {
        pl: 'Koordynator-facylitator i ekspert-moderator przedstawiają się i mówią, po co powstała sieć. Przejdźcie razem przez plan dnia. Pytania zadawajcie od razu, na głos.',
        en: 'The coordinator-facilitator and the expert-moderator introduce themselves and say why the network was set up. Walk through the plan of the day together. Ask your questions straight away, out loud.',
      },
      timeboxMinutes: 10,
      public: true,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'agenda', label: { pl: 'Plan dnia', en: 'Agenda' }, w: 7 },
          { id: 'purpose', label: { pl: 'Cel spotkania', en: 'Purpose of the meeting' }, w: 5 },
        ]),
      },
      summary: { feeds: 'none' },
      starterNotes: [
        { areaId: 'purpose', text: { pl: 'Poznajemy się i zawieramy kontrakt', en: 'We get to know each other and agree a contract' } },
        { areaId: 'purpose', text: { pl: 'Wybieramy 2–3 tematy pracy sieci', en: "We choose 2–3 topics for the network's work" } },
      ],
    },
    {
      id: '0.2',
      title: { pl: 'Poznajmy się', en: 'Introductions' },
      goal: {
        pl: 'Każdy wie, kto jest w sieci, skąd przychodzi i jakie doświadczenie wnosi.',
        en: 'Everyone knows who is in the network, where they come from and what experience they bring.',
      },
      instructions: {
        pl: 'Każda osoba przykleja karteczkę w strefie swojego miasta: imię, miasto, rola i jedno doświadczenie, które wnosi do sieci. Pierwsza osoba z danego miasta wpisuje jego nazwę na karteczce na górze strefy. Potem przedstawiacie się po kolei, każdy w minutę.',
        en: "Each person puts a note in their city's zone: name, city, role and one experience they bring to the network. The first person from a city writes its name on a note at the top of the zone. Then introduce yourselves in turn, a minute each.",
      },
      timeboxMinutes: 20,
      public: false,
      layout: { cols: COLS, rows: ROWS, areas: cityZones },
      summary: { feeds: 'attendance', description: { pl: 'lista obecności: miasta i osoby', en: 'attendance: cities and people' } },
    },
    {
      id: '0.3',
      title: { pl: 'Oczekiwania i obawy', en: 'Expectations and concerns' },
      goal: {
        pl: 'Znamy nadzieje i obawy grupy i wiemy, na co prowadzący powinni zwracać uwagę.',
        en: "We know the group's hopes and worries and what the hosts should keep an eye on.",
      },
      instructions: {
        pl: 'Każdy zapisuje po jednej myśli na karteczce: czego oczekuję od sieci i czego się obawiam. Przyklejcie karteczki w odpowiedniej kolumnie i zestawcie te, które mówią to samo. Na koniec prowadzący oznaczają to, co grupa uznaje za wspólne.',
        en: 'Each person writes one thought per note: what I expect from the network and what I am concerned about. Put the notes in the matching column and bring together those that say the same. Finally the hosts mark what the group agrees it shares.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'expectations', label: { pl: 'Oczekiwania', en: 'Expectations' } },
          { id: 'concerns', label: { pl: 'Obawy', en: 'Concerns' } },
        ]),
      },
      summary: {
        feeds: 'agreed',
        description: { pl: 'oczekiwania i obawy uznane przez grupę za wspólne', en: 'expectations and concerns the group agreed it shares' },
      },
    },
    {
      id: '0.4',
      title: { pl: 'Kontrakt – zasady współpracy', en: 'Contract: our rules of cooperation' },
      goal: {
        pl: 'Grupa ma spisany kontrakt – zasady, na które wszyscy się zgadzają.',
        en: 'The group has a written contract: rules that everyone agrees to.',
      },
      instructions: {
        pl: 'Zaproponujcie zasady, które pomogą wam dobrze pracować razem – jedna zasada na karteczce. Omówcie propozycje i przenieście do kolumny „Przyjęte zasady” te, na które zgadzają się wszyscy. Kontrakt można uzupełniać na kolejnych spotkaniach.',
        en: 'Propose rules that will help you work well together, one rule per note. Discuss the proposals and move the ones everyone agrees to into the "Agreed rules" column. The contract can be added to at later meetings.',
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'proposed', label: { pl: 'Proponowane zasady', en: 'Proposed rules' } },
          { id: 'agreed', label: { pl: 'Przyjęte zasady', en: 'Agreed rules' } },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'przyjęte zasady współpracy', en: 'the agreed rules of cooperation' } },
      starterNotes: [
        {
          areaId: 'proposed',
          text: {
            pl: 'Nie nagrywamy wewnętrznej części pracy; do notatki trafia tylko to, co uzgodnimy',
            en: 'We do not record the internal part of our work; only what we agree goes into the note',
          },
        },
        { areaId: 'proposed', text: { pl: 'Mówimy we własnym imieniu i słuchamy do końca', en: 'We speak for ourselves and listen to the end' } },
        { areaId: 'proposed', text: { pl: 'Zaczynamy i kończymy o czasie', en: 'We start and finish on time' } },
      ],
    },
    {
      id: '0.5',
      title: { pl: 'Mapa tematu', en: 'Theme map' },
      goal: {
        pl: 'Wspólnie rozumiemy, co temat sieci oznacza dla naszych miast i z jakimi wyzwaniami się mierzymy.',
        en: "We share an understanding of what the network's theme means for our cities and which challenges we face.",
      },
      instructions: {
        pl: 'Zapiszcie wyzwania, z którymi w tym temacie mierzą się wasze miasta – jedno wyzwanie na karteczce. Przeczytajcie je razem i ułóżcie podobne obok siebie. Każdej grupie karteczek nadajcie krótką nazwę.',
        en: 'Write down the challenges your cities face in this theme, one challenge per note. Read them together and place similar ones next to each other. Give each cluster of notes a short name.',
      },
      timeboxMinutes: 30,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'challenges', label: { pl: 'Wyzwania – grupujcie podobne', en: 'Challenges – cluster similar ones' } }]),
      },
      summary: { feeds: 'none' },
    },
    {
      id: '0.6',
      title: { pl: 'Wybór 2–3 tematów', en: 'Choosing 2–3 topics' },
      goal: {
        pl: 'Grupa wybiera 2–3 tematy, którymi sieć zajmie się w pierwszej kolejności.',
        en: 'The group chooses the 2–3 topics the network will take up first.',
      },
      instructions: {
        pl: 'Na podstawie mapy tematu zaproponujcie kandydatów na tematy – jeden temat na karteczce. Każdy ma 3 głosy i rozdaje je tematom, które uważa za najważniejsze. Prowadzący oznaczają tematy z największą liczbą głosów jako wybrane.',
        en: 'Drawing on the theme map, put forward candidate topics, one per note. Everyone has 3 votes to give to the topics they find most important. The hosts mark the topics with the most votes as chosen.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'candidates', label: { pl: 'Kandydaci na tematy', en: 'Candidate topics' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'wybrane tematy z liczbą głosów', en: 'chosen topics with votes' } },
      tools: [{ kind: 'dotVoting', votesPerPerson: 3, capPerNote: null }],
    },
    {
      id: '0.7',
      title: { pl: 'Jak będziemy pracować', en: 'How we will work' },
      goal: {
        pl: 'Wiemy, jak często i w jakiej formie się spotykamy oraz jakimi formatami będziemy pracować.',
        en: 'We know how often and in what form we meet, and which working formats we will use.',
      },
      instructions: {
        pl: 'Zaproponujcie rytm spotkań, podział na spotkania na żywo i online oraz narzędzia do pracy między spotkaniami. W kolumnie „Formaty pracy” wskażcie, który format pasuje do wybranych tematów. Prowadzący oznaczają ustalenia, na które zgadza się grupa.',
        en: 'Propose how often to meet, the split between in-person and online meetings, and the tools for work between meetings. In the "Working formats" column, say which format suits the chosen topics. The hosts mark the arrangements the group agrees on.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'rhythm', label: { pl: 'Rytm spotkań', en: 'Rhythm of meetings' } },
          { id: 'tools', label: { pl: 'Na żywo, online, narzędzia', en: 'In person, online, tools' } },
          { id: 'formats', label: { pl: 'Formaty pracy', en: 'Working formats' } },
        ]),
      },
      summary: {
        feeds: 'agreed',
        description: { pl: 'ustalenia co do rytmu, narzędzi i formatów pracy', en: 'arrangements for rhythm, tools and working formats' },
      },
      starterNotes: [
        { areaId: 'formats', text: { pl: 'Planowanie – uporządkowanie sposobu pracy', en: 'Planning – organising how we work' } },
        { areaId: 'formats', text: { pl: 'Generowanie rozwiązań', en: 'Generating solutions' } },
        { areaId: 'formats', text: { pl: 'Modelowe praktyki – synteza studiów przypadków', en: 'Model practices – synthesising case studies' } },
      ],
    },
    summaryStep('0.8'),
  ],
};
