/**
 * tldraw's toolbar for participants. In the phone mode it offers what a participant needs first —
 * note, select, hand — and keeps the drawing tools behind "more"; elsewhere it is tldraw's own.
 */
import { useState } from 'react';
import {
  ArrowToolbarItem,
  DefaultToolbar,
  DrawToolbarItem,
  EraserToolbarItem,
  HandToolbarItem,
  NoteToolbarItem,
  SelectToolbarItem,
  TextToolbarItem,
  TldrawUiMenuItem,
} from 'tldraw';
import { useI18n } from '../i18n';
import { usePhoneMode } from './phoneMode';

export function PhoneToolbar() {
  const { t } = useI18n();
  const phone = usePhoneMode();
  const [more, setMore] = useState(false);
  if (!phone) return <DefaultToolbar />;
  return (
    <DefaultToolbar>
      <NoteToolbarItem />
      <SelectToolbarItem />
      <HandToolbarItem />
      {/* The toggle comes before the drawing tools, so tldraw's overflow never hides it. */}
      <TldrawUiMenuItem id="tablica-more-tools" label={more ? t('fewerTools') : t('moreTools')} icon="dots-horizontal" isSelected={more} onSelect={() => setMore(!more)} />
      {more && (
        <>
          <DrawToolbarItem />
          <EraserToolbarItem />
          <ArrowToolbarItem />
          <TextToolbarItem />
        </>
      )}
    </DefaultToolbar>
  );
}
