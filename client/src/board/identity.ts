/** The person's name and city (and a random id for requests), remembered in this browser. */
import type { Person } from '../sync/presence';

const PERSON_KEY = 'tablica.person';
const ID_KEY = 'tablica.personId';
const COLORS = ['#e03131', '#2f9e44', '#1971c2', '#f08c00', '#9c36b5', '#0c8599', '#e8590c', '#6741d9'];

export function rememberedPerson(): Person | null {
  try {
    const saved = JSON.parse(localStorage.getItem(PERSON_KEY) ?? 'null') as Person | null;
    return saved && typeof saved.name === 'string' && saved.name.trim() ? saved : null;
  } catch {
    return null;
  }
}

export function rememberPerson(name: string, city: string): Person {
  const person = { name: name.trim(), city: city.trim(), color: rememberedPerson()?.color ?? COLORS[Math.floor(Math.random() * COLORS.length)]! };
  localStorage.setItem(PERSON_KEY, JSON.stringify(person));
  return person;
}

/** A random id for votes, polls and the attendance list; never tied to the name on the server. */
export function personId(): string {
  let id = localStorage.getItem(ID_KEY);
  if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    localStorage.setItem(ID_KEY, id);
  }
  return id;
}
