/**
 * Personal invitations for hosts: paste or type the invitation list (one person a line: name;
 * city; function), get a personal link and QR code for each person and a printable A4 sheet of
 * cards. The host token travels in `Authorization`; the list itself lives in the attendance list.
 */
import { useEffect, useRef, useState } from 'react';
import QRCode from 'qrcode';
import type { InvitationsResponse, PersonalLink } from '../../../shared/invitations';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { invitationCardsHtml } from './invitationCards';

async function invitations(boardId: string, token: string, text?: string): Promise<PersonalLink[]> {
  const res = await fetch(`/api/boards/${boardId}/invitations`, {
    method: text === undefined ? 'GET' : 'POST',
    cache: 'no-store',
    headers: { authorization: `Bearer ${token}`, ...(text === undefined ? {} : { 'content-type': 'application/json' }) },
    body: text === undefined ? undefined : JSON.stringify({ text }),
  });
  if (!res.ok) throw new Error(String(res.status));
  return ((await res.json()) as InvitationsResponse).people;
}

export function InvitationsButton() {
  const { t, locale } = useI18n();
  const { board, token } = useBoardTools();
  const dialog = useRef<HTMLDialogElement>(null);
  const [people, setPeople] = useState<PersonalLink[]>([]);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  const show = async (list: PersonalLink[]) => {
    setPeople(list);
    const made = await Promise.all(list.map(async (p) => [p.key, await QRCode.toString(p.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })] as const));
    setCodes(Object.fromEntries(made));
  };
  const open = async () => {
    dialog.current?.showModal();
    try {
      await show(await invitations(board.boardId, token));
      setError('');
    } catch {
      setError(t('invitationsFailed'));
    }
  };
  const create = async () => {
    if (!text.trim()) return;
    try {
      await show(await invitations(board.boardId, token, text));
      setText('');
      setError('');
    } catch {
      setError(t('invitationsFailed'));
    }
  };
  const print = async () => {
    const html = await invitationCardsHtml(people, { title: t('invitationsHeading'), help: t('invitationsCardHelp'), lang: locale });
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  useEffect(() => () => dialog.current?.close(), []);

  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('invitationsHeading')}…
      </button>
      <dialog ref={dialog} className="invitations-dialog" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('invitationsHeading')}</h2>
        <p className="hint">{t('invitationsHelp')}</p>
        <textarea aria-label={t('invitationsHeading')} rows={6} value={text} placeholder="Anna Kowalska; Gdynia; koordynatorka" onChange={(e) => setText(e.target.value)} />
        <div className="row wrap">
          <button type="button" onClick={() => void create()}>
            {t('invitationsCreate')}
          </button>
          <button type="button" className="secondary" disabled={people.length === 0} onClick={() => void print()}>
            {t('invitationsPrint')}
          </button>
        </div>
        {error && <p role="alert">{error}</p>}
        {people.length === 0 ? (
          <p>{t('invitationsNone')}</p>
        ) : (
          <ul className="invitations">
            {people.map((person) => (
              <li key={person.key} data-key={person.key}>
                <div className="qr-small" role="img" aria-label={person.name} dangerouslySetInnerHTML={{ __html: codes[person.key] ?? '' }} />
                <div>
                  <strong>{person.name}</strong>
                  {person.city && ` · ${person.city}`}
                  {person.function && ` · ${person.function}`}
                  {person.present && <span className="hint"> · {t('attendancePresent')}</span>}
                  <input readOnly className="invitation-link" aria-label={`${t('invitationsHeading')}: ${person.name}`} value={person.link} onFocus={(e) => e.target.select()} />
                </div>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </dialog>
    </>
  );
}
