/**
 * Where documents rest between meetings: one compacted Yjs state per document name, nothing else
 * (no update log, no history). Every implementation passes tests/integration/storage-contract.
 */
export interface DocumentStore {
  /** The stored state of a document, or null when it was never stored. */
  load(name: string): Promise<Uint8Array | null>;
  /** Replaces the document's stored state with this compacted state. */
  store(name: string, state: Uint8Array): Promise<void>;
  /** Throws when the storage cannot be used (for /healthz). */
  check(): Promise<void>;
  close(): Promise<void>;
}
