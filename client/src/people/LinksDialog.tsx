/**
 * The board's four links for the hosts at any time (GET /api/boards/{id}/links with the host's
 * token), and "replace links" (POST): the old ones stop working; this page reopens with the
 * host's new link.
 */
import { useEffect, useState } from 'react';
import { CreateBoardResponse } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { DialogButton } from '../board/DialogButton';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { currentLinks } from './JoinQr';
import { RoleLinkList } from './RoleLinks';

export function LinksButton() {
  const { t } = useI18n();
  return (
    <DialogButton label={t('linksOpen')} labelledBy="board-links-heading" className="links-dialog">
      {(close) => <LinksContent onClose={close} />}
    </DialogButton>
  );
}

function LinksContent({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { board, token, role } = useBoardTools();
  const [links, setLinks] = useState<Record<Role, string> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    currentLinks(board.boardId, token).then(setLinks, () => setError(t('errorGeneric')));
  }, [board, token]);
  const replace = async () => {
    if (!window.confirm(t('linksReplaceConfirm'))) return;
    try {
      const res = await fetch(`/api/boards/${board.boardId}/links`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(String(res.status));
      const fresh = CreateBoardResponse.parse(await res.json()).links;
      setLinks(fresh);
      // This page's own token was among the old ones.
      window.location.replace(fresh[role]);
      window.location.reload();
    } catch {
      setError(t('errorGeneric'));
    }
  };
  return (
    <div className="export">
      <h2 id="board-links-heading">{t('linksHeading')}</h2>
      {error && <p role="alert">{error}</p>}
      {links && <RoleLinkList links={links} />}
      <div className="row spread">
        <button type="button" className="danger" onClick={() => void replace()}>
          {t('linksReplace')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
