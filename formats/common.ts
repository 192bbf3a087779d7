/** Pieces the format files share: laying areas out in columns, and the closing summary step. */
import type { AreaInput, Localized, StepInput } from '../shared/formats/schema';

/** The usual grid: twelve units wide, so it splits evenly into 2, 3, 4 or 6 columns. */
export const COLS = 12;
export const ROWS = 6;

interface ColumnSpec {
  id: string;
  label: Localized;
  /** Width in grid units; columns without one share what is left equally. */
  w?: number;
  placeholder?: AreaInput['placeholder'];
}

/** Full-height columns side by side across the grid, left to right. */
export function columns(specs: ColumnSpec[], rows = ROWS, cols = COLS): AreaInput[] {
  const fixed = specs.reduce((sum, s) => sum + (s.w ?? 0), 0);
  const flexible = specs.filter((s) => s.w === undefined).length;
  const share = flexible === 0 ? 0 : (cols - fixed) / flexible;
  if (!Number.isInteger(share)) throw new Error(`columns ${specs.map((s) => s.id).join(', ')} do not split ${cols} units evenly`);
  let x = 0;
  return specs.map(({ w, ...spec }) => {
    const area: AreaInput = { ...spec, x, y: 0, w: w ?? share, h: rows };
    x += area.w;
    return area;
  });
}

/** The last step of every format: conclusions, actions and the next meeting, shown to observers. */
export function summaryStep(id: string): StepInput {
  return {
    id,
    title: { pl: 'Podsumowanie i kolejne kroki', en: 'Summary and next steps' },
    goal: {
      pl: 'Grupa zatwierdza wnioski ze spotkania, działania i termin kolejnego spotkania.',
      en: "The group confirms the meeting's conclusions, the actions and the date of the next meeting.",
    },
    instructions: {
      pl: 'Zbierzcie najważniejsze wnioski z dzisiejszej pracy. Każde działanie zapiszcie w formie: co, kto, do kiedy. Ustalcie termin i miejsce kolejnego spotkania – to, co tu zatwierdzicie, trafi do notatki podsumowującej.',
      en: "Gather the key conclusions of today's work. Write each action as: what, who, by when. Agree the date and place of the next meeting – what you confirm here goes into the summary note.",
    },
    tip: {
      pl: 'Przeczytajcie wnioski na głos i zapytajcie, czy ktoś się z czymś nie zgadza – dopiero potem oznaczcie je jako uzgodnione. Termin kolejnego spotkania zapiszcie na karteczce w polu „Kolejne spotkanie”, a działania dodajcie z panelu, żeby notatka odczytała je dokładnie.',
      en: 'Read the conclusions out loud and ask whether anyone disagrees before you mark them agreed. Put the date of the next meeting on a note in the "Next meeting" area, and add the actions from the panel so that the note reads them back exactly.',
    },
    timeboxMinutes: 10,
    public: true,
    layout: {
      cols: COLS,
      rows: ROWS,
      areas: columns([
        { id: 'conclusions', label: { pl: 'Wnioski', en: 'Conclusions' }, w: 4 },
        { id: 'actions', label: { pl: 'Działania (co, kto, do kiedy)', en: 'Actions (what, who, by when)' }, w: 5 },
        { id: 'next-meeting', label: { pl: 'Kolejne spotkanie', en: 'Next meeting' }, w: 3 },
      ]),
    },
    summary: {
      feeds: 'all',
      description: {
        pl: 'wnioski, działania (co, kto, do kiedy) i kolejne spotkanie',
        en: 'conclusions, actions (what, who, by when) and the next meeting',
      },
      nextMeetingArea: 'next-meeting',
    },
  };
}
