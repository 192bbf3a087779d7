/**
 * The participant mode made for phones: one large "+ Karteczka" that puts a note into the current
 * step's area in view and opens it for typing; the rest of the mode (toolbar, folded banner, list
 * voting) follows `usePhoneMode` in the components concerned. Double-click makes notes in steps on
 * every screen, for hosts and participants alike.
 */
import { useEffect } from 'react';
import { useValue } from 'tldraw';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { createNoteForTyping, noteOnDoubleClick, placeForNewNote } from './newNote';
import { setPhoneMode, usePhoneMode } from './phoneMode';
import { useTabTitle } from './tabTitle';

/** What every writer's board gets: notes on double-click, the tab's title; participants the phone mode too. */
export function CanvasHelpers() {
  const { editor, role, isProjector } = useBoardTools();
  useTabTitle();
  useEffect(() => (role === 'observer' || isProjector ? undefined : noteOnDoubleClick(editor)), [editor, role, isProjector]);
  return role === 'participant' && !isProjector ? <PhoneLayer /> : null;
}

function PhoneLayer() {
  const phone = usePhoneMode();
  useEffect(() => {
    // The board's CSS reads it: banners fold, cards and controls make room for each other.
    document.documentElement.classList.toggle('phone-mode', phone);
    return () => document.documentElement.classList.remove('phone-mode');
  }, [phone]);
  return phone ? <AddNoteButton /> : null;
}

function AddNoteButton() {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor]);
  return (
    <button type="button" className="add-note" aria-label={`${t('addNote')} — ${t('addNoteLabel')}`} disabled={readOnly} onClick={() => createNoteForTyping(editor, placeForNewNote(editor, currentStepId), true)}>
      {t('addNote')}
    </button>
  );
}

/** Offered on every screen: switches the phone mode on or off on this device. */
export function PhoneModeSwitch() {
  const { t } = useI18n();
  const phone = usePhoneMode();
  return (
    <label className="check phone-switch">
      <input type="checkbox" checked={phone} onChange={(e) => setPhoneMode(e.target.checked)} /> {t('phoneMode')}
    </label>
  );
}
