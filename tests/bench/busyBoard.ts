/**
 * A busy workshop board for the client benchmark: the work-plan format's ten steps, and 2,000
 * sticky notes shared out among them, each note inside its step's frame and piled in the step's
 * labelled areas the way a room of people leaves them (overlapping, in rows).
 */
import { connectStockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { createBoard } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import type { CreateBoardResponse } from '../../shared/api';

const NOTE = 200;
const IDEAS = [
  'Krótsze spotkania w poniedziałki',
  'Wspólny kalendarz dla całego zespołu',
  'Kto odpowiada za kontakt z mieszkańcami?',
  'Za mało czasu na przygotowanie wniosku',
  'Budżet na szkolenia — zapytać zarząd',
  'Dyżury w bibliotece także w soboty',
  'Lepsza informacja na stronie gminy',
  'Zaprosić młodzież do rady programowej',
  'Mapa potrzeb sołectw do końca marca',
  'Jedna skrzynka na zgłoszenia zamiast trzech',
];

interface Shape {
  id: string;
  type?: string;
  parentId?: string;
  x: number;
  y: number;
  meta?: Record<string, unknown>;
  props?: { w?: number; h?: number };
}

/** Creates the board and writes the notes; resolves once the server holds them all. */
export async function busyBoard(baseUrl: string, notes: number): Promise<CreateBoardResponse> {
  const board = await createBoard(baseUrl, { title: 'Plan pracy — duża sala', formatId: 'workplan', locale: 'pl' });
  const writer = connectStockClient(baseUrl, board.id, board.tokens.facilitator);
  await writer.synced();
  const shapes = [...writer.records.map.values()].map((entry) => (entry as { val: Shape }).val);
  const frames = shapes.filter((s) => s.type === 'frame' && typeof s.meta?.stepId === 'string').sort((a, b) => a.x - b.x);
  let written = 0;
  frames.forEach((frame, f) => {
    const count = Math.floor(notes / frames.length) + (f < notes % frames.length ? 1 : 0);
    const areas = shapes.filter((s) => s.parentId === frame.id && s.meta?.part === 'area');
    const width = areas.reduce((sum, a) => sum + (a.props?.w ?? 0), 0);
    writer.doc.transact(() => {
      let left = count;
      areas.forEach((area, a) => {
        const w = area.props?.w ?? NOTE;
        const h = area.props?.h ?? NOTE;
        const here = a === areas.length - 1 ? left : Math.round((count * w) / width);
        left -= here;
        // Rows and columns in the area's proportions, overlapping as far as they must to fit.
        const cols = Math.max(1, Math.round(Math.sqrt((here * w) / h)));
        const rows = Math.ceil(here / cols);
        const dx = cols > 1 ? Math.max(0, w - NOTE) / (cols - 1) : 0;
        const dy = rows > 1 ? Math.max(0, h - NOTE) / (rows - 1) : 0;
        for (let i = 0; i < here; i++) {
          const id = `shape:bench-${written++}`;
          const text = `${IDEAS[written % IDEAS.length]} (${written})`;
          writer.records.set(id, noteRecord(id, text, { parentId: frame.id, x: area.x + (i % cols) * dx, y: area.y + Math.floor(i / cols) * dy }));
        }
      });
    });
  });
  // The server holds them all when another client sees them all.
  const reader = connectStockClient(baseUrl, board.id, board.tokens.facilitator);
  await reader.synced();
  const seen = () => [...reader.records.map.keys()].filter((k) => k.startsWith('shape:bench-')).length;
  await waitFor(() => seen() === notes, `the server to hold all ${notes} notes`, 30_000);
  reader.destroy();
  writer.destroy();
  return board;
}
