/** Tells the person, in their language and by rule, that a write of theirs did not reach the board. */
import { useEffect, useState } from 'react';
import type { WriteRule } from '../../../shared/writeRules';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { WriteNotice as Notice } from '../sync/canvasSession';

/** Long enough to read twice; the board itself shows what happened. */
const SHOWN_MS = 9000;

const TEXT: Record<WriteRule, MessageKey> = {
  G1: 'refusedHostMeta',
  G2: 'refusedTemplate',
  G3: 'refusedOther',
  G4: 'refusedLocked',
  G5: 'refusedAgreed',
  G6: 'refusedBulkDelete',
  G7: 'refusedPages',
  G8: 'refusedOther',
  G9: 'refusedSize',
  G10: 'refusedOther',
  G11: 'refusedMissing',
};

export function WriteNotice({ notice }: { notice: Notice | null }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<WriteRule | null>(null);
  useEffect(() => {
    if (!notice) return;
    setShown(notice.rule);
    const timer = setTimeout(() => setShown(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice?.id]);
  // The live region stays in the page so that screen readers hear each new notice.
  return (
    <div className="write-notice" role="status" aria-live="polite">
      {shown && (
        <p data-rule={shown}>
          {t(TEXT[shown])}
        </p>
      )}
    </div>
  );
}
