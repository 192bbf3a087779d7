/** A large, projectable QR code of the board's short URL and its code: the way in for phones and tablets in the room. */
import { useEffect, useRef, useState } from 'react';
import { CreateBoardResponse } from '../../../shared/api';
import type { JoinInfo } from '../../../shared/joinCode';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { ShortJoin } from '../phone/ProjectorJoin';
import { fetchJoinInfo } from '../phone/meetingInfo';
import { shortLinkQrSvg } from './shortLinkQr';

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
  const [join, setJoin] = useState<JoinInfo | null>(null);
  const [svg, setSvg] = useState('');
  const [error, setError] = useState('');

  const open = async () => {
    dialog.current?.showModal();
    try {
      const next = await fetchJoinInfo(board.boardId, token);
      setSvg(await shortLinkQrSvg(next.link));
      setJoin(next);
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
          join && <ShortJoin join={join} svg={svg} className="qr-short" />
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </dialog>
    </>
  );
}
