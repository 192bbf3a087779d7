/**
 * Presence through awareness: this person's cursor, page and name go out (at most every 50 ms);
 * other people's come back as tldraw presence records, put and removed as remote changes so they
 * never reach the shared document. Presence is ephemeral — never stored anywhere.
 */
import { computed, createPresenceStateDerivation, InstancePresenceRecordType, react, type TLInstancePresence, type TLStore } from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '../../../shared/roles';

export interface Person {
  name: string;
  city: string;
  color: string;
}

/** What each awareness state holds; `role` is stamped by the server from the token. */
export interface PresenceState {
  user?: Person;
  presence?: TLInstancePresence | null;
  role?: Role;
}

const SEND_EVERY_MS = 50;

export function bindPresence(store: TLStore, awareness: Awareness, person: Person): () => void {
  const ownId = InstancePresenceRecordType.createId(String(awareness.clientID));
  const user = computed('presence user', () => ({ id: String(awareness.clientID), name: person.city ? `${person.name} (${person.city})` : person.name, color: person.color }));
  const presence = createPresenceStateDerivation(user, ownId)(store);

  awareness.setLocalState({ user: person, presence: presence.get() });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopReact = react('send presence', () => {
    presence.get();
    timer ??= setTimeout(() => {
      timer = undefined;
      awareness.setLocalStateField('presence', presence.get());
    }, SEND_EVERY_MS);
  });

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const states = awareness.getStates() as Map<number, PresenceState>;
    const put: TLInstancePresence[] = [];
    const remove: TLInstancePresence['id'][] = [];
    for (const clientId of [...added, ...updated]) {
      const record = states.get(clientId)?.presence;
      if (clientId === awareness.clientID) continue;
      if (record && record.typeName === 'instance_presence') put.push(record);
      else remove.push(InstancePresenceRecordType.createId(String(clientId)));
    }
    for (const clientId of removed) remove.push(InstancePresenceRecordType.createId(String(clientId)));
    store.mergeRemoteChanges(() => {
      const gone = remove.filter((id) => store.has(id));
      if (gone.length > 0) store.remove(gone);
      if (put.length > 0) {
        try {
          store.put(put);
        } catch {
          // A presence another tldraw version wrote: skip it rather than stop syncing.
        }
      }
    });
  };
  awareness.on('change', onChange);

  return () => {
    stopReact();
    clearTimeout(timer);
    awareness.off('change', onChange);
    awareness.setLocalState(null);
    // Other people's cursors came with this awareness; a new one (after a reset) brings its own.
    const shown = store.allRecords().filter((r) => r.typeName === 'instance_presence').map((r) => r.id);
    if (shown.length > 0) store.mergeRemoteChanges(() => store.remove(shown));
  };
}

/** The people on the board, from awareness: name, city and the role the server stamped. */
export function peopleOf(awareness: Awareness): { clientId: number; person: Person; role: Role | undefined; self: boolean; shared: boolean }[] {
  const out: { clientId: number; person: Person; role: Role | undefined; self: boolean; shared: boolean }[] = [];
  for (const [clientId, state] of awareness.getStates() as Map<number, PresenceState>) {
    // The server stamps the kind of link; a participant on the shared link is counted for hosts.
    const shared = (state as { link?: unknown }).link === 'shared';
    if (state.user?.name) out.push({ clientId, person: state.user, role: state.role, self: clientId === awareness.clientID, shared });
  }
  return out;
}
