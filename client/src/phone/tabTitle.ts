/** The tab's title names the board (and, for hosts, the projector and observers, the view), so a host with several tabs tells them apart. */
import { useEffect } from 'react';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';

const APP = 'Tablica';

export function setTabTitle(title: string | undefined, view?: string): void {
  document.title = [title?.trim(), view, APP].filter(Boolean).join(' — ');
}

export function useTabTitle(): void {
  const { t } = useI18n();
  const { isHost, isProjector, role } = useBoardTools();
  const title = useSessionField<string>('title');
  const view = isProjector ? t('tabProjector') : isHost ? t('tabHost') : role === 'observer' ? t('tabObserver') : undefined;
  useEffect(() => {
    setTabTitle(title, view);
    return () => setTabTitle(undefined);
  }, [title, view]);
}
