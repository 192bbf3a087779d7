/**
 * The network's work plan (Vademecum, chapter II.6): not one of the four formats but a board
 * template with one area per element of the plan, walked through as steps.
 */
import { FORMAT_SCHEMA_VERSION, type FormatInput } from '../shared/formats/schema';
import { COLS, ROWS, columns } from './common';

export const workplan: FormatInput = {
  schemaVersion: FORMAT_SCHEMA_VERSION,
  id: 'workplan',
  title: { pl: 'Plan pracy sieci', en: "The network's work plan" },
  goal: {
    pl: 'Wspólne zaplanowanie pracy sieci przez wszystkich uczestników razem z duetem prowadzących – to etap samoorganizacji sieci.',
    en: "Plan the network's work together – all participants with the host pair; this is the network's stage of self-organisation.",
  },
  when: {
    pl: 'Na pierwszych spotkaniach sieci; plan jest dokumentem roboczym i aktualizuje się go w trakcie działania sieci.',
    en: "At the network's first meetings; the plan is a working document, updated as the network goes on.",
  },
  result: {
    pl: 'Plan pracy sieci: skład, zasoby, partnerzy lokalni, wyzwania, cele, działania, wdrażanie, dzielenie się wiedzą i sprawy organizacyjne.',
    en: "The network's work plan: members, resources, local partners, challenges, goals, actions, implementation, knowledge sharing and organisational matters.",
  },
  steps: [
    {
      id: 'W.1',
      title: { pl: 'Skład sieci i inwentaryzacja zasobów', en: 'Members and inventory of resources' },
      goal: {
        pl: 'Wiemy, kto tworzy sieć i jakie doświadczenia oraz przykłady mamy do dyspozycji.',
        en: 'We know who makes up the network and which experience and examples we can draw on.',
      },
      instructions: {
        pl: 'Uzupełnijcie skład sieci: miasto, osoba, rola. Zapiszcie doświadczenia, które wnosicie, oraz znane wam przykłady z Norwegii i Islandii – z nazwą miasta lub źródłem. Ten opis jest roboczy i może się zmieniać w trakcie działania sieci.',
        en: 'Fill in the network members: city, person, role. Write down the experience you bring and the examples from Norway and Iceland you know of, with the city or source. This description is a working one and may change as the network goes on.',
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'members', label: { pl: 'Skład sieci', en: 'Network members' } },
          {
            id: 'inventory',
            label: {
              pl: 'Inwentaryzacja zasobów: doświadczenia uczestników, przykłady z Norwegii i Islandii',
              en: "Inventory of resources: participants' experience, examples from Norway and Iceland",
            },
          },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'skład sieci i zasoby', en: 'members and resources' } },
    },
    {
      id: 'W.2',
      title: { pl: 'Partnerzy lokalni', en: 'Local partners' },
      goal: {
        pl: 'Wiemy, z kim pracujemy lokalnie i kto jest naszym sojusznikiem.',
        en: 'We know whom we work with locally and who our allies are.',
      },
      instructions: {
        pl: 'Każde miasto zapisuje partnerów lokalnych, których może zaangażować: wydziały urzędu, instytucje miejskie, organizacje, mieszkańców. Przy każdym partnerze dopiszcie, co może wnieść. Skład zależy od tematu sieci, więc wracajcie do tej listy, gdy temat się doprecyzuje.',
        en: "Each city writes down the local partners it can involve: city hall departments, municipal institutions, organisations, residents. Next to each partner, note what they can bring. Who they are depends on the network's theme, so come back to this list as the theme becomes clearer.",
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'local-partners', label: { pl: 'Partnerzy lokalni – z kim pracujemy?', en: 'Local partners – whom do we work with?' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'partnerzy lokalni', en: 'local partners' } },
    },
    {
      id: 'W.3',
      title: { pl: 'Zidentyfikowane wyzwania', en: 'Identified challenges' },
      goal: {
        pl: 'Rozumiemy, co jest naszym problemem – w całej sieci i w gronie partnerów lokalnych.',
        en: 'We understand what our problem is – across the network and with our local partners.',
      },
      instructions: {
        pl: 'Zapiszcie, z czym mierzycie się w temacie sieci – jedno wyzwanie na karteczce, najlepiej poparte danymi, także nieformalnymi. Połączcie podobne wyzwania i sprawdźcie, czy wszystkie miasta rozumieją je tak samo. Do tej części wrócimy w trakcie pracy sieci.',
        en: "Write down what you are up against in the network's theme, one challenge per note, ideally backed by data, informal data included. Bring similar challenges together and check that all cities understand them the same way. We will come back to this part as the network works.",
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'challenges', label: { pl: 'Wyzwania – z czym się mierzymy?', en: 'Challenges – what are we up against?' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'zidentyfikowane wyzwania', en: 'the identified challenges' } },
    },
    {
      id: 'W.4',
      title: { pl: 'Cele i założenia', en: 'Goals and assumptions' },
      goal: { pl: 'Wiemy, co chcemy osiągnąć.', en: 'We know what we want to achieve.' },
      instructions: {
        pl: 'Na podstawie wyzwań sformułujcie cele sieci: co ma się zmienić i po czym to poznamy. Dopiszcie założenia, na których opierają się te cele. Prowadzący oznaczają cele przyjęte przez grupę.',
        en: "Based on the challenges, state the network's goals: what should change and how we will know it has. Add the assumptions the goals rest on. The hosts mark the goals the group adopts.",
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'goals', label: { pl: 'Cele i założenia – co chcemy osiągnąć?', en: 'Goals and assumptions – what do we want to achieve?' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'przyjęte cele i założenia', en: 'the adopted goals and assumptions' } },
    },
    {
      id: 'W.5',
      title: { pl: 'Działania do realizacji', en: 'Actions to carry out' },
      goal: {
        pl: 'Wiemy, jak chcemy osiągnąć cele – to sedno pracy sieci.',
        en: "We know how we want to reach the goals – the core of the network's work.",
      },
      instructions: {
        pl: 'Dla każdego celu zaplanujcie działania, zaczynając od przekrojowych, wspólnych dla wszystkich miast. Przy każdym działaniu zapiszcie, kto za nie odpowiada i do kiedy. Sprawdźcie, czy każdy cel ma co najmniej jedno działanie.',
        en: 'For each goal, plan the actions, starting with the cross-cutting ones shared by all cities. For each action, note who is responsible and by when. Check that every goal has at least one action.',
      },
      timeboxMinutes: 30,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'actions', label: { pl: 'Działania – jak chcemy to osiągnąć?', en: 'Actions – how do we want to achieve it?' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione działania', en: 'the agreed actions' } },
    },
    {
      id: 'W.6',
      title: { pl: 'Wdrażanie i dzielenie się wiedzą', en: 'Implementation and knowledge sharing' },
      goal: {
        pl: 'Wiemy, jak sprawdzimy, czy nam się udaje, i komu przekażemy nasze doświadczenia.',
        en: 'We know how we will check whether we are succeeding, and whom we will pass our experience on to.',
      },
      instructions: {
        pl: 'Ustalcie, jak będziecie monitorować realizację działań i osiąganie celów oraz których interesariuszy trzeba zaangażować. W drugim polu zapiszcie, komu i do czego mogą służyć wasze doświadczenia: plany lokalne, rekomendacje, publikacje, komunikacja. Prowadzący oznaczają uzgodnienia.',
        en: 'Agree how you will monitor the actions and progress towards the goals, and which stakeholders need to be involved. In the second area, write down whom your experience can serve and how: local plans, recommendations, publications, communication. The hosts mark what is agreed.',
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'implementation', label: { pl: 'Wdrażanie: interesariusze, monitorowanie', en: 'Implementation: stakeholders, monitoring' } },
          {
            id: 'knowledge-sharing',
            label: { pl: 'Dzielenie się wiedzą: komu służą nasze doświadczenia, publikacje, PR', en: 'Knowledge sharing: whom our experience serves, publications, PR' },
          },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'ustalenia o wdrażaniu i dzieleniu się wiedzą', en: 'arrangements for implementation and knowledge sharing' } },
    },
    {
      id: 'W.7',
      title: { pl: 'Sprawy organizacyjne', en: 'Organisational matters' },
      goal: {
        pl: 'Wiemy, kiedy, jak długo i jak często pracujemy razem.',
        en: 'We know when, for how long and how often we work together.',
      },
      instructions: {
        pl: 'Ustalcie, jak często i jak długo się spotykacie, w jakich godzinach pracujecie i jak kontaktujecie się między spotkaniami. Zapiszcie termin najbliższego spotkania. Prowadzący oznaczają ustalenia jako uzgodnione.',
        en: 'Agree how often and for how long you meet, at what hours you work and how you keep in touch between meetings. Write down the date of the next meeting. The hosts mark the arrangements as agreed.',
      },
      timeboxMinutes: 10,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          {
            id: 'organisation',
            label: { pl: 'Czas pracy, długość i częstotliwość spotkań', en: 'Working time, length and frequency of meetings' },
          },
        ]),
      },
      summary: {
        feeds: 'all',
        description: { pl: 'ustalenia organizacyjne i kolejne spotkanie', en: 'organisational arrangements and the next meeting' },
      },
    },
  ],
};
