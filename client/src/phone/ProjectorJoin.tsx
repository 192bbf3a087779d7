/** On the room's screen: the short join code, its short URL and their QR code, large enough to read and scan from the back. */
import { useEffect, useState } from 'react';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import type { JoinInfo } from '../../../shared/joinCode';
import { fetchJoinInfo } from './meetingInfo';

export function ShortJoin({ join, svg, className }: { join: JoinInfo; svg: string; className: string }) {
  const { t } = useI18n();
  return (
    <section className={className} aria-label={t('joinCodeLabel')}>
      {/* The SVG is made here from the short URL alone, by the qrcode library. */}
      <div className="qr" role="img" aria-label={`${t('qrHeading')}: ${join.link}`} dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="join-code-help">{t('joinCodeHelp')}</p>
      <p className="qr-link">{join.link}</p>
      <p className="join-code">
        <span className="join-code-label">{t('joinCodeLabel')}:</span> <strong data-testid="join-code">{join.code}</strong>
      </p>
    </section>
  );
}

export function ProjectorJoin() {
  const { board, token } = useBoardTools();
  const [shown, setShown] = useState<{ join: JoinInfo; svg: string } | null>(null);
  useEffect(() => {
    let live = true;
    // The QR library comes only to the room's screen, not to every participant's page with the canvas.
    void Promise.all([fetchJoinInfo(board.boardId, token), import('../people/shortLinkQr')])
      .then(async ([join, { shortLinkQrSvg }]) => ({ join, svg: await shortLinkQrSvg(join.link) }))
      .then((next) => live && setShown(next), () => live && setShown(null));
    return () => void (live = false);
  }, [board, token]);
  return shown ? <ShortJoin join={shown.join} svg={shown.svg} className="projector-join" /> : null;
}
