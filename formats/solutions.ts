/** Format 2 – generating solutions: barriers first, then solutions and testing (Vademecum, chapter IV). */
import { FORMAT_SCHEMA_VERSION, type FormatInput } from '../shared/formats/schema';
import { COLS, ROWS, columns, summaryStep } from './common';

export const solutions: FormatInput = {
  schemaVersion: FORMAT_SCHEMA_VERSION,
  id: 'solutions',
  title: { pl: 'Generowanie rozwiązań', en: 'Generating solutions' },
  shortTitle: { pl: 'Format 2 — Generowanie rozwiązań', en: 'Format 2 — Generating solutions' },
  goal: {
    pl: 'Zebranie barier i ograniczeń w wybranym obszarze, a następnie wspólne wypracowanie praktycznych rozwiązań i ich przetestowanie – tak, by trudne działania stały się łatwiejsze.',
    en: 'Collect the barriers and constraints in a chosen area, then work out practical solutions together and test them, so that hard actions become easier.',
  },
  when: {
    pl: 'Gdy grupa zna problem – choćby zgłoszony wcześniej przez miasta – ale utknęła na przeszkodach w jego rozwiązaniu.',
    en: 'When the group knows the problem – one the cities reported beforehand, say – but is stuck on the obstacles to solving it.',
  },
  result: {
    pl: 'Wybrane bariery i uzgodnione rozwiązania, sprawdzone pod kątem nakładu, efektu i sytuacji naszych miast.',
    en: "Chosen barriers and agreed solutions, checked for effort, impact and our cities' situations.",
  },
  steps: [
    {
      id: '2.1',
      title: { pl: 'Wyzwanie', en: 'The challenge' },
      goal: {
        pl: 'Grupa ma jedno, wspólnie rozumiane sformułowanie wyzwania.',
        en: 'The group has one statement of the challenge that everyone understands the same way.',
      },
      instructions: {
        pl: 'Zacznijcie od problemów, które miasta zgłosiły przed spotkaniem – są w lewym polu, a każde miasto może dopisać swój. Wybierzcie jeden z nich i doprecyzujcie go razem w formie pytania „Jak moglibyśmy…?”. Osoby prowadzące oznaczają ostateczne sformułowanie jako uzgodnione.',
        en: 'Start from the problems the cities reported before the meeting – they are in the left area, and each city may add its own. Choose one and refine it together into a "How might we…?" question. The hosts mark the final wording as agreed.',
      },
      tip: {
        pl: 'Problemy zgłoszone przez miasta wpiszcie na karteczki przed spotkaniem, żeby grupa zaczęła od swoich spraw, a nie od pustej tablicy. Pytanie powinno być na tyle wąskie, by dało się na nie odpowiedzieć w ciągu jednego dnia.',
        en: 'Put the problems the cities reported on notes before the meeting, so that the group starts from its own concerns rather than a blank board. Keep the question narrow enough to be answered in a single day.',
      },
      timeboxMinutes: 10,
      public: true,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([
          { id: 'reported-problems', label: { pl: 'Problemy zgłoszone przez miasta', en: 'Problems the cities reported' }, w: 7 },
          { id: 'challenge', label: { pl: 'Wyzwanie', en: 'The challenge' }, w: 5 },
        ]),
      },
      summary: { feeds: 'agreed', description: { pl: 'wyzwanie', en: 'the challenge' }, topicAreas: ['challenge'] },
      starterNotes: [{ areaId: 'challenge', text: { pl: 'Jak moglibyśmy…?', en: 'How might we…?' } }],
    },
    {
      id: '2.2',
      title: { pl: 'Bariery i ograniczenia', en: 'Barriers and constraints' },
      goal: {
        pl: 'Mamy pełną listę barier i ograniczeń, także tych, o których trudno mówić na głos.',
        en: 'We have a full list of barriers and constraints, including those that are hard to say out loud.',
      },
      instructions: {
        pl: 'Najpierw każda osoba pisze sama, w trybie prywatnym: jedna bariera na karteczce, konkretnie i z własnej praktyki. Potem osoby prowadzące odsłaniają wszystkie karteczki naraz. Przeczytajcie je w milczeniu i dopytajcie o te, które są niejasne.',
        en: 'First everyone writes alone, in private mode: one barrier per note, concrete and from your own practice. Then the hosts reveal all the notes at once. Read them in silence and ask about any that are unclear.',
      },
      tip: {
        pl: 'Pisanie indywidualne włączcie z panelu przed instrukcją, a nie po niej. Przy odsłanianiu nie oceniajcie barier – dopytujcie tylko o te niejasne.',
        en: 'Turn private writing on from the panel before giving the instructions, not after. When the notes are revealed, do not judge the barriers – only ask about the unclear ones.',
      },
      timeboxMinutes: 20,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'barriers', label: { pl: 'Bariery i ograniczenia', en: 'Barriers and constraints' } }]),
      },
      summary: { feeds: 'none' },
      tools: [{ kind: 'privateWriting' }],
    },
    {
      id: '2.3',
      title: { pl: 'Grupowanie i wybór barier', en: 'Clustering and choosing barriers' },
      goal: {
        pl: 'Wybieramy bariery, nad którymi warto pracować w pierwszej kolejności.',
        en: 'We choose the barriers most worth working on first.',
      },
      instructions: {
        pl: 'Ułóżcie podobne bariery obok siebie i każdej grupie nadajcie nazwę na osobnej karteczce. Każda osoba ma 3 głosy na te nazwy grup, które najbardziej utrudniają działanie. Osoby prowadzące oznaczają 2–3 bariery z największą liczbą głosów jako uzgodnione.',
        en: 'Place similar barriers next to each other and name each cluster on a separate note. Everyone has 3 votes for the cluster names that hold action back the most. The hosts mark the 2–3 barriers with the most votes as agreed.',
      },
      tip: {
        pl: 'Nazwy grup piszcie na karteczkach innego koloru i tylko nad nimi głosujcie. Barier nie wybierajcie więcej, niż jest kolumn w następnym kroku.',
        en: 'Write the cluster names on notes of another colour and vote on those only. Do not choose more barriers than there are columns in the next step.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'clusters', label: { pl: 'Grupy barier', en: 'Clusters of barriers' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'wybrane bariery z liczbą głosów', en: 'chosen barriers with votes' } },
      tools: [{ kind: 'dotVoting', votesPerPerson: 3, capPerNote: null }],
    },
    {
      id: '2.4',
      title: { pl: 'Rozwiązania', en: 'Solutions' },
      goal: {
        pl: 'Dla każdej wybranej bariery mamy kilka praktycznych pomysłów na rozwiązanie.',
        en: 'For each chosen barrier we have several practical ideas for a solution.',
      },
      instructions: {
        pl: 'Wpiszcie nazwy wybranych barier na karteczkach na górze kolumn. Pod każdą zapisujcie rozwiązania – najlepiej takie, które ktoś już wypróbował albo które da się sprawdzić w waszym mieście. Liczy się liczba pomysłów: oceniać będziemy w następnym kroku.',
        en: 'Write the names of the chosen barriers on notes at the top of the columns. Under each, write down solutions – preferably ones someone has already tried or that could be tested in your city. Quantity counts: we will judge them in the next step.',
      },
      tip: {
        pl: 'Nie pozwólcie oceniać pomysłów w tym kroku – na krytykę przyjdzie czas przy testowaniu. Gdy pomysły się kończą, zapytajcie: jak poradziło sobie z tym miasto, które znacie?',
        en: 'Do not let ideas be judged in this step – criticism has its time in the testing. When the ideas run out, ask: how did a city you know deal with this?',
      },
      timeboxMinutes: 30,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns(
          Array.from({ length: 3 }, (_, i) => ({
            id: `barrier-${i + 1}`,
            label: { pl: `Bariera ${i + 1}`, en: `Barrier ${i + 1}` },
            placeholder: 'barrier' as const,
          })),
        ),
      },
      summary: { feeds: 'none' },
    },
    {
      id: '2.5',
      title: { pl: 'Testowanie rozwiązań', en: 'Testing the solutions' },
      goal: {
        pl: 'Wiemy, które rozwiązania dają największy efekt przy rozsądnym nakładzie i czy sprawdzą się w naszych miastach.',
        en: 'We know which solutions give the most for a reasonable effort and whether they would work in our cities.',
      },
      instructions: {
        pl: 'Umieśćcie każde rozwiązanie na siatce według nakładu potrzebnego do wdrożenia i spodziewanego efektu. Rozwiązania z pola „Mały nakład, duży efekt” sprawdźcie na przypadkach z waszych miast: co by się stało u nas? Uwagi dopiszcie na karteczkach obok.',
        en: 'Place each solution on the grid according to the effort it takes and the impact you expect. Test the solutions in the "Low effort, high impact" field against cases from your cities: what would happen here? Add your remarks on notes beside them.',
      },
      tip: {
        pl: 'Przesuwajcie karteczki na siatce razem z grupą i pytajcie, czy miejsce się zgadza. Do testu wybierzcie przypadek miasta, które nie proponowało danego rozwiązania.',
        en: 'Move the notes on the grid together with the group and ask whether each place is right. For the test, pick the case of a city that did not propose the solution.',
      },
      timeboxMinutes: 25,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: [
          { id: 'low-effort-high-impact', label: { pl: 'Mały nakład, duży efekt', en: 'Low effort, high impact' }, x: 0, y: 0, w: 6, h: 3 },
          { id: 'high-effort-high-impact', label: { pl: 'Duży nakład, duży efekt', en: 'High effort, high impact' }, x: 6, y: 0, w: 6, h: 3 },
          { id: 'low-effort-low-impact', label: { pl: 'Mały nakład, mały efekt', en: 'Low effort, low impact' }, x: 0, y: 3, w: 6, h: 3 },
          { id: 'high-effort-low-impact', label: { pl: 'Duży nakład, mały efekt', en: 'High effort, low impact' }, x: 6, y: 3, w: 6, h: 3 },
        ],
      },
      summary: { feeds: 'none' },
    },
    {
      id: '2.6',
      title: { pl: 'Wnioski – uzgodnione rozwiązania', en: 'Conclusions: agreed solutions' },
      goal: {
        pl: 'Grupa przyjmuje rozwiązania, które poleca sobie i innym miastom.',
        en: 'The group adopts the solutions it recommends to itself and to other cities.',
      },
      instructions: {
        pl: 'Przenieście tu rozwiązania, które przeszły test, i przy każdym dopiszcie warunek, od którego zależy jego powodzenie. Omówcie je krótko i zgłoście zastrzeżenia. Osoby prowadzące oznaczają jako uzgodnione te, które grupa przyjmuje.',
        en: 'Move here the solutions that passed the test and add to each the condition its success depends on. Discuss them briefly and raise any reservations. The hosts mark as agreed the ones the group adopts.',
      },
      tip: {
        pl: 'Przy każdym rozwiązaniu zapytajcie, pod jakim warunkiem zadziała – ten warunek ma trafić na karteczkę. Oznaczajcie tylko to, co grupa naprawdę przyjmuje.',
        en: 'For each solution ask under what condition it will work – that condition belongs on the note. Mark only what the group really adopts.',
      },
      timeboxMinutes: 15,
      public: false,
      layout: {
        cols: COLS,
        rows: ROWS,
        areas: columns([{ id: 'agreed-solutions', label: { pl: 'Uzgodnione rozwiązania', en: 'Agreed solutions' } }]),
      },
      summary: { feeds: 'agreed', description: { pl: 'uzgodnione rozwiązania', en: 'the agreed solutions' } },
    },
    summaryStep('2.7'),
  ],
};
