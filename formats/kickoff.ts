/** Format 0 – the network's first meeting (Vademecum, chapter IV). */
import { CITY_ZONES } from '../shared/api';
import { FORMAT_SCHEMA_VERSION, type AreaInput, type FormatInput } from '../shared/formats/schema';
import { COLS, ROWS, columns, summaryStep } from './common';

const ZONES_PER_ROW = 5;
const ZONE_SIZE = 3;

/** One zone per city of the network, filled in at the meeting: five across, as many rows as needed. */
function cityZones(count: number): AreaInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `city-${i + 1}`,
    label: { pl: `Miasto ${i + 1}`, en: `City ${i + 1}` },
    x: (i % ZONES_PER_ROW) * ZONE_SIZE,
    y: Math.floor(i / ZONES_PER_ROW) * ZONE_SIZE,
    w: ZONE_SIZE,
    h: ZONE_SIZE,
    placeholder: 'city' as const,
  }));
}

/** The kick-off for a network of `cities` cities (10–20): step 0.2 has one zone for each. */
export function kickoffFor(cities: number = CITY_ZONES.default): FormatInput {
  return {
    schemaVersion: FORMAT_SCHEMA_VERSION,
    id: 'kickoff',
    title: { pl: 'Spotkanie wprowadzające („kick-off”)', en: 'Kick-off meeting' },
    shortTitle: { pl: 'Format 0 — Spotkanie wprowadzające', en: 'Format 0 — Kick-off meeting' },
    goal: {
      pl: 'Poznanie się, integracja grupy, wspólne rozumienie tematyki sieci i wstępny wybór 2–3 tematów.',
      en: "Get to know each other, integrate the group, build a shared understanding of the network's theme and make a first choice of 2–3 topics.",
    },
    when: { pl: 'Na samym początku działania sieci.', en: "At the very start of the network's work." },
    result: {
      pl: 'Osoby uczestniczące i duet prowadzący znają się; grupa ma kontrakt – zasady współpracy; wskazane są 2–3 tematy; jest pomysł na format pracy.',
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
        tip: {
          pl: 'Zacznijcie punktualnie i powiedzcie wprost, że robocza część spotkania nie jest nagrywana. Plan dnia przygotujcie na karteczkach wcześniej, zamiast pisać go na oczach grupy.',
          en: 'Start on time and say plainly that the working part of the meeting is not recorded. Prepare the plan of the day on notes beforehand rather than writing it in front of the group.',
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
          pl: 'Każda osoba wie, kto jest w sieci, skąd przychodzi i jakie doświadczenie wnosi.',
          en: 'Everyone knows who is in the network, where they come from and what experience they bring.',
        },
        instructions: {
          pl: 'Każda osoba przykleja karteczkę w strefie swojego miasta: imię, miasto, rola i jedno doświadczenie, które wnosi do sieci. Pierwsza osoba z danego miasta wpisuje jego nazwę na karteczce na górze strefy. Potem przedstawiacie się po kolei – każda osoba w minutę.',
          en: "Each person puts a note in their city's zone: name, city, role and one experience they bring to the network. The first person from a city writes its name on a note at the top of the zone. Then introduce yourselves in turn, a minute each.",
        },
        tip: {
          pl: 'Stref jest tyle, ile miast liczy sieć; niezajęte zostawcie puste. Pilnujcie minuty na osobę – lepiej wrócić do rozmów w przerwie, niż przeciągnąć rundę.',
          en: 'There are as many zones as the network has cities; leave the unused ones empty. Keep to a minute each – better to pick conversations up at the break than to let the round run over.',
        },
        timeboxMinutes: 20,
        public: false,
        layout: { cols: ZONES_PER_ROW * ZONE_SIZE, rows: Math.ceil(cities / ZONES_PER_ROW) * ZONE_SIZE, areas: cityZones(cities) },
        summary: { feeds: 'attendance', description: { pl: 'lista obecności: miasta i osoby', en: 'attendance: cities and people' } },
      },
      {
        id: '0.3',
        title: { pl: 'Oczekiwania i obawy', en: 'Expectations and concerns' },
        goal: {
          pl: 'Znamy nadzieje i obawy grupy i wiemy, na co osoby prowadzące powinny zwracać uwagę.',
          en: "We know the group's hopes and worries and what the hosts should keep an eye on.",
        },
        instructions: {
          pl: 'Każda osoba zapisuje po jednej myśli na karteczce: czego oczekuje od sieci i czego się obawia. Przyklejcie karteczki w odpowiedniej kolumnie i zestawcie te, które mówią to samo. Na koniec osoby prowadzące oznaczają to, co grupa uznaje za wspólne.',
          en: 'Each person writes one thought per note: what they expect from the network and what they are concerned about. Put the notes in the matching column and bring together those that say the same. Finally the hosts mark what the group agrees it shares.',
        },
        tip: {
          pl: 'Obaw nie komentujcie ani nie rozwiązujcie od razu – wystarczy je nazwać. Wróćcie do nich przy kontrakcie, bo często podpowiadają zasady.',
          en: 'Do not comment on the concerns or solve them straight away – naming them is enough. Come back to them for the contract; they often suggest its rules.',
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
          pl: 'Zaproponujcie zasady, które pomogą wam dobrze pracować razem – jedna zasada na karteczce. Omówcie propozycje i przenieście do kolumny „Przyjęte zasady” te, na które zgadza się cała grupa. Kontrakt można uzupełniać na kolejnych spotkaniach.',
          en: 'Propose rules that will help you work well together, one rule per note. Discuss the proposals and move the ones the whole group agrees to into the "Agreed rules" column. The contract can be added to at later meetings.',
        },
        tip: {
          pl: 'Zasada o nienagrywaniu jest już na tablicy – omówcie ją jako pierwszą. Zasadę przyjmijcie dopiero wtedy, gdy nikt nie zgłasza sprzeciwu, a osoby, które milczą, zapytajcie o zdanie wprost.',
          en: 'The rule about not recording is already on the board – discuss it first. Adopt a rule only when nobody objects, and ask the quiet ones for their view directly.',
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
        tip: {
          pl: 'Pytajcie o przykłady z konkretnych miast, a nie o ogólne opinie. Nazwy grup zapiszcie na karteczkach innego koloru – w następnym kroku posłużą za propozycje tematów.',
          en: 'Ask for examples from particular cities rather than general opinions. Write the cluster names on notes of another colour – they become the proposed topics in the next step.',
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
          pl: 'Na podstawie mapy tematu zaproponujcie tematy do wyboru – jeden temat na karteczce. Każda osoba ma 3 głosy i rozdaje je tematom, które uważa za najważniejsze. Osoby prowadzące oznaczają tematy z największą liczbą głosów jako uzgodnione.',
          en: 'Drawing on the theme map, put forward topics to choose from, one per note. Everyone has 3 votes to give to the topics they find most important. The hosts mark the topics with the most votes as agreed.',
        },
        tip: {
          pl: 'Głosowanie uruchomcie z panelu, gdy wszystkie propozycje są już na tablicy, i nie komentujcie głosów w trakcie. Przy remisie zapytajcie grupę, zamiast rozstrzygać samodzielnie.',
          en: 'Start the vote from the panel once all the proposals are on the board, and do not comment on the votes while it runs. On a tie, ask the group rather than deciding yourselves.',
        },
        timeboxMinutes: 15,
        public: false,
        layout: {
          cols: COLS,
          rows: ROWS,
          areas: columns([{ id: 'candidates', label: { pl: 'Propozycje tematów', en: 'Proposed topics' } }]),
        },
        summary: { feeds: 'agreed', description: { pl: 'wybrane tematy z liczbą głosów', en: 'chosen topics with votes' }, topicAreas: ['candidates'] },
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
          pl: 'Zaproponujcie rytm spotkań, podział na spotkania stacjonarne i online oraz narzędzia do pracy między spotkaniami. W kolumnie „Formaty pracy” wskażcie, który format pasuje do wybranych tematów. Osoby prowadzące oznaczają ustalenia, na które zgadza się grupa.',
          en: 'Propose how often to meet, the split between in-person and online meetings, and the tools for work between meetings. In the "Working formats" column, say which format suits the chosen topics. The hosts mark the arrangements the group agrees on.',
        },
        tip: {
          pl: 'Przypomnijcie, że sieć spotyka się średnio raz na kwartał, a część spotkań może się odbywać online. Zapiszcie też, które miasto będzie gospodarzem kolejnego spotkania stacjonarnego.',
          en: 'Remind the group that the network meets about once a quarter and that some meetings can be held online. Also note which city will host the next in-person meeting.',
        },
        timeboxMinutes: 15,
        public: false,
        layout: {
          cols: COLS,
          rows: ROWS,
          areas: columns([
            { id: 'rhythm', label: { pl: 'Rytm spotkań', en: 'Rhythm of meetings' } },
            { id: 'tools', label: { pl: 'Stacjonarnie, online, narzędzia', en: 'In person, online, tools' } },
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
}

export const kickoff: FormatInput = kickoffFor();
