/**
 * Held notes kept on this device (IndexedDB) while private writing lasts, so a reload or a
 * crashed tab loses nothing; cleared once they are published. Nothing here leaves the browser.
 */
import type { TLRecord } from 'tldraw';

const DB = 'tablica-private-writing';
const STORE = 'held';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = action(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export async function saveHeld(boardId: string, records: TLRecord[]): Promise<void> {
  try {
    if (records.length === 0) await run('readwrite', (s) => s.delete(boardId));
    else await run('readwrite', (s) => s.put(records, boardId));
  } catch {
    // No IndexedDB here (some private modes): the notes live in this tab only.
  }
}

export async function loadHeld(boardId: string): Promise<TLRecord[]> {
  try {
    const records = await run<unknown>('readonly', (s) => s.get(boardId));
    return Array.isArray(records) ? (records as TLRecord[]) : [];
  } catch {
    return [];
  }
}
