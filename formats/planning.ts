/** Format 1 – planning: organising how we work and how to carry out an action (Vademecum, chapter IV). */
import { FORMAT_SCHEMA_VERSION, type FormatInput } from '../shared/formats/schema';
import { COLS, ROWS, columns, summaryStep } from './common';

export const planning: FormatInput = {
  schemaVersion: FORMAT_SCHEMA_VERSION,
  id: 'planning',
  title: {
    pl: 'Planowanie – uporządkowanie sposobu pracy i metody realizacji działań',
    en: 'Planning: organising how we work and how to carry out an action',
  },
  shortTitle: { pl: 'Format 1 — Planowanie', en: 'Format 1 — Planning' },
  goal: {
    pl: 'Zebranie doświadczeń osób uczestniczących w wybranym obszarze i opracowanie schematu działań: kroków i ich kolejności, kluczowych zagrożeń i sposobów radzenia sobie z nimi, założeń i zasobów.',
    en: "Collect the participants' experience in a chosen area and work out a scheme of action: the steps and their sequence, the key risks and how to handle them, the assumptions and resources.",
  },
  when: {
    pl: 'Gdy sieć wybrała obszar działania i chce uporządkować, jak w nim pracować.',
    en: 'When the network has chosen an area of action and wants to put in order how to work in it.',
  },
  result: {
    pl: 'Uzgodniony przez grupę schemat działań: kroki w kolejności, zagrożenia wraz z odpowiedziami, założenia, zasoby i partnerzy.',
    en: 'A scheme of action agreed by the group: the steps in order, risks with responses, assumptions, resources and partners.',
  },
  steps: [
    {
      id: '1.1',
      title: { pl: 'Cel i zakres działania', en: 'Goal and scope of the action' },
      goal: {
        pl: 'Wszyscy tak samo rozumieją, co planujemy i czego ten plan nie obejmuje.',
        en: 'Everyone understands in the same way what we are planning and what the plan does not cover.',
      },
      instructions: {
        pl: 'Ekspert-moderator przedstawia działanie, które dziś planujemy. Zapiszcie w jednym zdaniu jego cel, a obok – co wchodzi w zakres, a co świadomie zostawiamy poza nim. Osoby prowadzące oznaczają uzgodnione sformułowanie celu.',
        en: 'The expert-moderator presents the action we are planning today. Write its goal in one sentence, and next to it what is in scope and what we deliberately leave out. The hosts mark the agreed wording of the goal.',
      },
      tip: {
        pl: 'Jedno zdanie celu to dobry sprawdzian: jeśli grupa nie potrafi go napisać, wróćcie do zakresu. Pole „Poza zakresem” oszczędzi wam później wielu dyskusji.',
        en: 'One sentence for the goal is a good test: if the group cannot write it, go back to the scope. The "Out of scope" area will save you many discussions later.',
      },
      timeboxMinutes: 10,
      public: true,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'goal', label: { pl: 'Cel', en: 'Goal' } },
          { id: 'scope', label: { pl: 'Zakres', en: 'Scope' } },
          { id: 'out-of-scope', label: { pl: 'Poza zakresem', en: 'Out of scope' } },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodniony cel', en: 'the agreed goal' }, topicAreas: ['goal'] },
    },
    {
      id: '1.2',
      title: { pl: 'Nasze doświadczenia', en: 'Our experience' },
      goal: {
        pl: 'Zbieramy to, czego nauczyliśmy się w naszych miastach – co się udało, a co nie.',
        en: 'We gather what we have learned in our cities – what succeeded and what did not.',
      },
      instructions: {
        pl: 'Przypomnijcie sobie podobne działania w waszych miastach. Na karteczkach zapiszcie, co zadziałało, a co nie – z krótkim „dlaczego” i nazwą miasta. Potem każde miasto w dwie minuty opowiada o swoim najważniejszym doświadczeniu.',
        en: 'Recall similar actions in your cities. On notes, write what worked and what did not, with a short "why" and the name of the city. Then each city takes two minutes to tell about its most important experience.',
      },
      tip: {
        pl: 'Dopilnujcie, żeby każde miasto zapisało też to, co nie zadziałało – to najcenniejsza część wymiany. Pilnujcie dwóch minut na miasto.',
        en: 'Make sure each city also writes down what did not work – that is the most valuable part of the exchange. Keep each city to two minutes.',
      },
      timeboxMinutes: 25,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'worked', label: { pl: 'Co zadziałało', en: 'What worked' } },
          { id: 'did-not-work', label: { pl: 'Co nie zadziałało', en: 'What did not work' } },
        ]),
      },
      summary: { feeds: 'none' },
    },
    {
      id: '1.3',
      title: { pl: 'Kroki i kolejność', en: 'Steps and sequence' },
      goal: {
        pl: 'Mamy ciąg kroków prowadzących do celu, ułożonych w kolejności.',
        en: 'We have a sequence of steps leading to the goal, in order.',
      },
      instructions: {
        pl: 'Na podstawie doświadczeń zapiszcie kroki potrzebne do osiągnięcia celu – jeden krok na karteczce. Ułóżcie je od lewej do prawej w kolejności realizacji; kroki równoległe umieśćcie jeden pod drugim. Sprawdźcie, czy między kolejnymi krokami niczego nie brakuje.',
        en: 'Drawing on your experience, write the steps needed to reach the goal, one step per note. Arrange them left to right in the order they happen; put parallel steps one below the other. Check that nothing is missing between consecutive steps.',
      },
      tip: {
        pl: 'Gdy grupa utknie, zacznijcie od końca: co musi się wydarzyć tuż przed osiągnięciem celu? Kroki równoległe układajcie w tej samej kolumnie – notatka odczyta je od góry.',
        en: 'If the group gets stuck, start from the end: what must happen just before the goal is reached? Put parallel steps in the same column – the note reads them from the top.',
      },
      timeboxMinutes: 30,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns(
          Array.from({ length: 6 }, (_, i) => ({
            id: `step-${i + 1}`,
            label: { pl: `Krok ${i + 1}`, en: `Step ${i + 1}` },
            placeholder: 'step' as const,
          })),
        ),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione kroki w kolejności', en: 'the agreed steps in order' } },
    },
    {
      id: '1.4',
      title: { pl: 'Zagrożenia i jak sobie z nimi radzić', en: 'Risks and responses' },
      goal: {
        pl: 'Dla kluczowych kroków znamy główne zagrożenia i wiemy, jak na nie odpowiemy.',
        en: 'For the key steps we know the main risks and how we will respond to them.',
      },
      instructions: {
        pl: 'Przejdźcie przez schemat krok po kroku i zapiszcie, co może pójść nie tak – z numerem kroku na karteczce. Obok każdego zagrożenia dopiszcie odpowiedź: jak mu zapobiec albo co zrobić, gdy wystąpi. Skupcie się na zagrożeniach, które naprawdę się zdarzały.',
        en: 'Go through the scheme step by step and write down what could go wrong, with the step number on the note. Next to each risk add a response: how to prevent it or what to do if it happens. Focus on risks that have actually occurred.',
      },
      tip: {
        pl: 'Pytajcie o zagrożenia, które naprawdę się zdarzyły, a nie o wszystkie możliwe. Zagrożenie bez odpowiedzi zaznaczcie i wróćcie do niego przed końcem kroku.',
        en: 'Ask about risks that have really occurred, not every possible one. Flag any risk without a response and come back to it before the step ends.',
      },
      timeboxMinutes: 25,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'risk', label: { pl: 'Zagrożenie (nr kroku)', en: 'Risk (step number)' } },
          { id: 'response', label: { pl: 'Jak sobie z nim radzimy', en: 'How we respond' } },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione zagrożenia wraz z odpowiedziami', en: 'the agreed risks with responses' } },
    },
    {
      id: '1.5',
      title: { pl: 'Założenia i zasoby', en: 'Assumptions and resources' },
      goal: {
        pl: 'Wiemy, na czym opiera się plan oraz czego i kogo potrzebujemy do jego realizacji.',
        en: 'We know what the plan rests on and what and whom we need to carry it out.',
      },
      instructions: {
        pl: 'Zapiszcie założenia, które muszą być spełnione, żeby plan zadziałał. Wypiszcie potrzebne zasoby – ludzi, czas, pieniądze, dane – oraz partnerów, których warto zaangażować. Osoby prowadzące oznaczają to, co grupa uzgodniła.',
        en: 'Write down the assumptions that must hold for the plan to work. List the resources it needs – people, time, money, data – and the partners worth involving. The hosts mark what the group agreed.',
      },
      tip: {
        pl: 'Przy zasobach pytajcie o konkrety: ile osób, ile czasu, skąd pieniądze. Partnerów zapisujcie z nazwy instytucji, a nie ogólnie.',
        en: 'For resources, ask for specifics: how many people, how much time, where the money comes from. Name partner institutions rather than describing them in general.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'assumptions', label: { pl: 'Założenia', en: 'Assumptions' } },
          { id: 'resources', label: { pl: 'Zasoby', en: 'Resources' } },
          { id: 'partners', label: { pl: 'Partnerzy', en: 'Partners' } },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione założenia, zasoby i partnerzy', en: 'the agreed assumptions, resources and partners' } },
    },
    {
      id: '1.6',
      title: { pl: 'Uzgodnienie schematu', en: 'Agreeing the scheme' },
      goal: {
        pl: 'Grupa przyjmuje schemat działań jako swój wspólny rezultat.',
        en: 'The group adopts the scheme of action as its shared result.',
      },
      instructions: {
        pl: 'Ułóżcie w polu „Schemat działań” ostateczną wersję: kroki w kolejności, a przy nich najważniejsze zagrożenia i zasoby. Przeczytajcie go razem od początku do końca i zgłoście ostatnie poprawki. Osoby prowadzące oznaczają schemat jako uzgodniony, gdy nikt nie zgłasza sprzeciwu.',
        en: 'In the "Scheme of action" area, lay out the final version: the steps in order, with their main risks and resources beside them. Read it through together from start to finish and raise any last corrections. The hosts mark the scheme as agreed when nobody objects.',
      },
      tip: {
        pl: 'Czytajcie schemat na głos krok po kroku i po każdym kroku zróbcie pauzę na uwagi. To, co tu oznaczycie, miasta zabiorą do swoich urzędów.',
        en: 'Read the scheme out loud step by step and pause for remarks after each one. What you mark here is what the cities take back to their offices.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'scheme', label: { pl: 'Schemat działań', en: 'Scheme of action' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodniony schemat działań', en: 'the agreed scheme of action' } },
    },
    summaryStep('1.7'),
  ],
};
