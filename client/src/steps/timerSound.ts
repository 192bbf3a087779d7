/**
 * The sound at the end of the timer: a short Web Audio beep (no file is downloaded), played only
 * on devices whose person allowed it; the choice is remembered in this browser.
 */
import { useEffect, useState } from 'react';

const STORAGE_KEY = 'tablica.timerSound';
const listeners = new Set<(on: boolean) => void>();

export function soundAllowed(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function allowSound(on: boolean): void {
  try {
    if (on) localStorage.setItem(STORAGE_KEY, 'on');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  for (const listener of listeners) listener(on);
}

/** This device's choice, kept in step across the toggles on the page. */
export function useSoundAllowed(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(soundAllowed);
  useEffect(() => {
    listeners.add(setOn);
    return () => void listeners.delete(setOn);
  }, []);
  return [on, allowSound];
}

export function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.8);
    tone.onended = () => void audio.close();
  } catch {
    // No sound on this device: the visual signal stays.
  }
}
