/**
 * The network's work plan (Vademecum, chapters II.5–II.7): not one of the four formats but a
 * board template with one area per element of the plan — with the topics, the kinds of product
 * the network means to make and its meeting schedule — walked through as steps and closed like
 * every meeting.
 */
import { FORMAT_SCHEMA_VERSION, type FormatInput } from '../shared/formats/schema';
import { COLS, ROWS, columns, summaryStep } from './common';

export const workplan: FormatInput = {
  schemaVersion: FORMAT_SCHEMA_VERSION,
  id: 'workplan',
  title: { pl: 'Plan pracy sieci', en: "The network's work plan" },
  shortTitle: { pl: 'Plan pracy sieci', en: "Network's work plan" },
  goal: {
    pl: 'Wspólne zaplanowanie pracy sieci przez wszystkie osoby uczestniczące razem z koordynatorem-facylitatorem i ekspertem-moderatorem – to etap samoorganizacji sieci.',
    en: "Plan the network's work together – all participants with the host pair; this is the network's stage of self-organisation.",
  },
  when: {
    pl: 'Na pierwszych spotkaniach sieci; plan jest dokumentem roboczym i aktualizuje się go w trakcie działania sieci.',
    en: "At the network's first meetings; the plan is a working document, updated as the network goes on.",
  },
  result: {
    pl: 'Plan pracy sieci: skład, zasoby, partnerzy lokalni, wyzwania, cele, działania, wdrażanie, dzielenie się wiedzą, sprawy organizacyjne, tematy, rodzaje produktów i harmonogram spotkań.',
    en: "The network's work plan: members, resources, local partners, challenges, goals, actions, implementation, knowledge sharing, organisational matters, topics, kinds of product and the meeting schedule.",
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
      tip: {
        pl: 'Skład sieci uzupełnijcie przed spotkaniem na podstawie zgłoszeń miast – na spotkaniu tylko go sprawdźcie. Przykłady z Norwegii i Islandii zapisujcie ze źródłem, żeby dało się do nich wrócić.',
        en: "Fill in the members before the meeting from the cities' applications – at the meeting just check them. Write down the examples from Norway and Iceland with their source so that you can go back to them.",
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
              pl: 'Inwentaryzacja zasobów: doświadczenia osób uczestniczących, przykłady z Norwegii i Islandii',
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
      tip: {
        pl: 'Nie szukajcie pełnej listy – wystarczą dwa, trzy podmioty na miasto. Przy każdym partnerze zapytajcie, kto w urzędzie ma z nim kontakt.',
        en: 'Do not aim for a full list – two or three per city are enough. For each partner, ask who in the city hall is in touch with them.',
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
      tip: {
        pl: 'Dane nieformalne też się liczą – pytajcie, skąd wiadomo, że to problem. Wyzwania, których grupa nie rozumie tak samo, zostawcie do doprecyzowania na kolejnym spotkaniu.',
        en: 'Informal data counts too – ask how you know it is a problem. Leave the challenges the group does not understand the same way to be clarified at the next meeting.',
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
        pl: 'Na podstawie wyzwań sformułujcie cele sieci: co ma się zmienić i po czym to poznamy. Dopiszcie założenia, na których opierają się te cele. Osoby prowadzące oznaczają cele przyjęte przez grupę.',
        en: "Based on the challenges, state the network's goals: what should change and how we will know it has. Add the assumptions the goals rest on. The hosts mark the goals the group adopts.",
      },
      tip: {
        pl: 'Każdy cel sprawdźcie pytaniem: po czym za rok poznamy, że się udało? Cele bez odpowiedzi sformułujcie na nowo.',
        en: 'Test each goal with the question: how will we know in a year that it worked? Reword the goals that have no answer.',
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
      tip: {
        pl: 'Zacznijcie od działań wspólnych dla wszystkich miast, a dopiero potem przejdźcie do lokalnych. Działanie bez osoby odpowiedzialnej nie jest jeszcze uzgodnione.',
        en: 'Start with the actions shared by all cities and only then move to local ones. An action without a person responsible is not agreed yet.',
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
        pl: 'Ustalcie, jak będziecie monitorować realizację działań i osiąganie celów oraz których interesariuszy trzeba zaangażować. W drugim polu zapiszcie, komu i do czego mogą służyć wasze doświadczenia: plany lokalne, rekomendacje, publikacje, komunikacja. Osoby prowadzące oznaczają uzgodnienia.',
        en: 'Agree how you will monitor the actions and progress towards the goals, and which stakeholders need to be involved. In the second area, write down whom your experience can serve and how: local plans, recommendations, publications, communication. The hosts mark what is agreed.',
      },
      tip: {
        pl: 'Monitorowanie ustalcie możliwie prosto – na przykład krótki przegląd planu na początku każdego spotkania.',
        en: 'Keep the monitoring as simple as possible – a short review of the plan at the start of each meeting, for example.',
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
        pl: 'Ustalcie, jak często i jak długo się spotykacie, w jakich godzinach pracujecie i jak kontaktujecie się między spotkaniami. Osoby prowadzące oznaczają ustalenia jako uzgodnione.',
        en: 'Agree how often and for how long you meet, at what hours you work and how you keep in touch between meetings. The hosts mark the arrangements as agreed.',
      },
      tip: {
        pl: 'Przypomnijcie, że spotkania trwają od 4 do 9 godzin, a dłuższe wymagają przerwy. Ustalcie kanał kontaktu między spotkaniami, z którego wszyscy naprawdę korzystają.',
        en: 'Remind the group that meetings last 4 to 9 hours and that longer ones need a break. Agree on a channel for keeping in touch between meetings that everyone really uses.',
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
      summary: { feeds: 'agreed', description: { pl: 'ustalenia organizacyjne', en: 'organisational arrangements' } },
    },
    {
      id: 'W.8',
      title: { pl: 'Tematy i produkty sieci', en: "The network's topics and products" },
      goal: {
        pl: 'Wiemy, nad jakimi tematami pracuje sieć i jakie produkty chce wypracować.',
        en: 'We know which topics the network works on and which products it means to make.',
      },
      instructions: {
        pl: 'Wpiszcie tematy, którymi sieć zajmie się w pierwszej kolejności – jeden temat na karteczce. Przy każdym temacie zaznaczcie, jaki produkt chcecie wypracować: schemat działania, dobrą praktykę, rekomendacje, propozycję zmian prawnych albo projekt innowacyjny. Osoby prowadzące oznaczają tematy i produkty, na które zgadza się grupa.',
        en: 'Write down the topics the network will take up first, one per note. For each topic, say which product you mean to make: a scheme of action, a good practice, recommendations, a proposal for legal change or an innovative project. The hosts mark the topics and products the group agrees on.',
      },
      tip: {
        pl: 'Rodzaj produktu ustalcie od razu, bo od niego zależy, którego formatu użyjecie na kolejnych spotkaniach. Karteczki z rodzajami produktów można przesuwać do tematów albo usuwać.',
        en: 'Settle the kind of product straight away, as it decides which format you use at the next meetings. The notes with the kinds of product can be moved next to the topics or removed.',
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'topics', label: { pl: 'Tematy pracy sieci', en: "The network's topics" }, w: 7 },
          { id: 'product-types', label: { pl: 'Rodzaje produktów', en: 'Kinds of product' }, w: 5 },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'tematy i rodzaje produktów', en: 'topics and kinds of product' }, topicAreas: ['topics'] },
      starterNotes: [
        { areaId: 'product-types', text: { pl: 'Schemat (metoda) działania', en: 'Scheme (method) of action' } },
        { areaId: 'product-types', text: { pl: 'Dobra praktyka – rozwiązanie', en: 'Good practice – a solution' } },
        { areaId: 'product-types', text: { pl: 'Rekomendacje dla miast', en: 'Recommendations for cities' } },
        { areaId: 'product-types', text: { pl: 'Propozycje zmian prawnych do krajowej polityki miejskiej', en: 'Proposals for legal change in national urban policy' } },
        { areaId: 'product-types', text: { pl: 'Projekt uznany za innowacyjny', en: 'A project recognised as innovative' } },
      ],
    },
    {
      id: 'W.9',
      title: { pl: 'Harmonogram spotkań', en: 'Meeting schedule' },
      goal: {
        pl: 'Wiemy, kiedy, gdzie i w jakiej formie spotykamy się przez najbliższy rok.',
        en: 'We know when, where and in what form we meet over the coming year.',
      },
      instructions: {
        pl: 'Zaplanujcie spotkania sieci na najbliższy rok – średnio jedno na kwartał: data, forma (stacjonarnie albo online), miasto gospodarz i temat. Między nimi możecie dodać krótsze spotkania online. Osoby prowadzące oznaczają uzgodniony harmonogram.',
        en: "Plan the network's meetings for the coming year – about one a quarter: the date, the form (in person or online), the host city and the topic. You may add shorter online meetings in between. The hosts mark the agreed schedule.",
      },
      tip: {
        pl: 'Terminy spotkań stacjonarnych uzgodnijcie z miastami gospodarzami jeszcze przed spotkaniem. Harmonogram jest roboczy – wracajcie do niego na początku kolejnych spotkań.',
        en: 'Agree the dates of in-person meetings with the host cities before the meeting. The schedule is a working one – come back to it at the start of later meetings.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns(
          (['I', 'II', 'III', 'IV'] as const).map((q, i) => ({
            id: `quarter-${i + 1}`,
            label: { pl: `${q} kwartał`, en: `Quarter ${i + 1}` },
          })),
        ),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodniony harmonogram spotkań', en: 'the agreed meeting schedule' } },
    },
    summaryStep('W.10'),
  ],
};
