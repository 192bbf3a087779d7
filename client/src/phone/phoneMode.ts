/**
 * Whether this device shows the participant mode made for phones: on by default on a narrow or
 * touch screen, and anyone can switch it on or off (the choice is remembered on the device). A
 * plain store rather than React context, because tldraw's toolbar (inside the canvas) reads it too.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'tablica.phoneMode';
const PHONE_SCREEN = '(max-width: 700px), (pointer: coarse)';

function initial(): boolean {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'on' || saved === 'off') return saved === 'on';
  return window.matchMedia(PHONE_SCREEN).matches;
}

let phoneMode: boolean | undefined;
const listeners = new Set<() => void>();

function current(): boolean {
  return (phoneMode ??= initial());
}

export function setPhoneMode(on: boolean): void {
  phoneMode = on;
  localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  for (const listener of listeners) listener();
}

export function usePhoneMode(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current,
  );
}
