/** A large, projectable QR code of the participant link: the way in for phones and tablets in the room. */
import { useEffect, useRef, useState } from 'react';
import QRCode from 'qrcode';
import { CreateBoardResponse } from '../../../shared/api';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';

/** The board's current links, as a host may ask for them. */
export async function currentLinks(boardId: string, token: string) {
  const res = await fetch(`/api/boards/${boardId}/links`, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!res.ok) throw new Error(String(res.status));
  return CreateBoardResponse.parse(await res.json()).links;
}

/** Opens the room's screen view (participant rights, read-only, no editing tools) in a new tab. */
export function ProjectorButton() {
  const { t } = useI18n();
  const { board, token } = useBoardTools();
  const open = async () => {
    const link = (await currentLinks(board.boardId, token)).participant;
    const hash = link.indexOf('#');
    window.open(`${link.slice(0, hash)}?view=projector${link.slice(hash)}`, '_blank', 'noopener');
  };
  return (
    <button type="button" onClick={() => void open()}>
      {t('projector')}
    </button>
  );
}

export function JoinQrButton() {
  const { t } = useI18n();
  const { board, token } = useBoardTools();
  const dialog = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState('');
  const [svg, setSvg] = useState('');
  const [error, setError] = useState('');

  const open = async () => {
    dialog.current?.showModal();
    try {
      const links = await currentLinks(board.boardId, token);
      setLink(links.participant);
      setSvg(await QRCode.toString(links.participant, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      setError('');
    } catch {
      setError(t('errorGeneric'));
    }
  };
  useEffect(() => () => dialog.current?.close(), []);

  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('showQr')}
      </button>
      <dialog ref={dialog} className="qr-dialog" aria-labelledby="qr-heading">
        <h2 id="qr-heading">{t('qrHeading')}</h2>
        {error ? (
          <p role="alert">{error}</p>
        ) : (
          <>
            {/* The SVG is made here from the link alone, by the qrcode library. */}
            <div className="qr" role="img" aria-label={t('qrHeading')} dangerouslySetInnerHTML={{ __html: svg }} />
            <p className="qr-link">{link}</p>
          </>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </dialog>
    </>
  );
}
