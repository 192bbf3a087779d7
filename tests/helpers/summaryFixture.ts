/** A small finished session: what the summary note tests build from. */
import type { CanvasRecord } from '../../shared/projection';
import { documentRecord, frameRecord, noteRecord, pageRecord } from './records';

export const AGREED_TEXTS = ['Wspólny kalendarz naborów', 'Jedna osoba kontaktowa w urzędzie', 'Mapa barier w 3 miastach'];
export const NOT_AGREED_TEXTS = ['SZKIC-NIEUZGODNIONY-1', 'SZKIC-NIEUZGODNIONY-2'];

export function finishedSessionRecords(): CanvasRecord[] {
  const step = (id: string, stepId: string, x: number) => frameRecord(id, `Krok ${stepId}`, { x, meta: { stepId, template: true } });
  return [
    documentRecord(),
    pageRecord(),
    step('shape:s23', '2.3', 0),
    step('shape:s26', '2.6', 1000),
    step('shape:s27', '2.7', 2000),
    noteRecord('shape:a1', AGREED_TEXTS[0]!, { parentId: 'shape:s23', y: 10, meta: { agreed: true } }),
    noteRecord('shape:a2', AGREED_TEXTS[1]!, { parentId: 'shape:s23', y: 20, meta: { agreed: true } }),
    noteRecord('shape:x1', NOT_AGREED_TEXTS[0]!, { parentId: 'shape:s23', y: 30 }),
    noteRecord('shape:a3', AGREED_TEXTS[2]!, { parentId: 'shape:s26', meta: { agreed: true } }),
    noteRecord('shape:x2', NOT_AGREED_TEXTS[1]!, { parentId: 'shape:s26' }),
    noteRecord('shape:act', 'Kalendarz — Gdynia — do 31 stycznia', {
      parentId: 'shape:s27',
      meta: { agreed: true, action: { what: 'Przygotować kalendarz naborów', who: 'Gdynia', due: '31 stycznia' } },
    }),
    noteRecord('shape:act2', 'niezatwierdzone działanie', { parentId: 'shape:s27', meta: { action: { what: 'SZKIC-DZIALANIE', who: 'x', due: 'y' } } }),
  ];
}

export function finishedSession(): Record<string, unknown> {
  return {
    title: 'Sieć Przedsiębiorczość',
    locale: 'pl',
    meeting: { network: 'Sieć Przedsiębiorczość', meetingNumber: '3', date: '2026-11-24', place: 'Starachowice', mode: 'hybrid', hosts: ['Anna Nowak', 'Jan Kowalski'], nextMeeting: 'Luty 2027, online' },
    attendance: {
      k1: { name: 'Ewa Zielińska', city: 'Gdynia', role: 'participant', optOut: false },
      k2: { name: 'Piotr Wiśniewski', city: 'Starachowice', role: 'participant', optOut: false },
      k3: { name: 'Adam Ukryty', city: 'Gdynia', role: 'participant', optOut: true },
      k4: { name: 'Olga Obserwatorka', city: 'Kraków', role: 'observer', optOut: false },
      k5: { name: 'Marta Lis', city: 'Gdynia', role: 'participant', optOut: false },
    },
    voteResults: { v1: { stepId: '2.3', frameId: 'shape:s23', counts: { 'shape:a2': 5, 'shape:a1': 2, 'shape:x1': 7 } } },
  };
}
