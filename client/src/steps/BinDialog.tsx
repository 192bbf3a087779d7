/**
 * The hosts' bin ("Kosz"): what was deleted from the canvas during this meeting, by anyone, with a
 * button to put each back (with whatever went with it). The server keeps it in memory only.
 */
import { useEffect, useState } from 'react';
import type { BinItem } from '../../../shared/requests';
import { DialogButton } from '../board/DialogButton';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

const SHAPE_LABEL: Record<string, MessageKey> = {
  note: 'shapeNote',
  text: 'shapeText',
  geo: 'shapeGeo',
  arrow: 'shapeArrow',
  frame: 'shapeFrame',
  draw: 'shapeDraw',
  highlight: 'shapeDraw',
  line: 'shapeLine',
  image: 'shapeImage',
};

export function BinButton() {
  const { t } = useI18n();
  return (
    <DialogButton label={t('binOpen')} labelledBy="bin-heading" className="bin-dialog">
      {(close) => <BinContent onClose={close} />}
    </DialogButton>
  );
}

function BinContent({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const { request } = useBoardTools();
  const [items, setItems] = useState<BinItem[] | null>(null);
  const [status, setStatus] = useState('');
  const load = async () => {
    const reply = await request({ t: 'bin-list' });
    setItems(reply.t === 'bin' ? reply.items : []);
    if (reply.t !== 'bin') setStatus(t('binUnavailable'));
  };
  useEffect(() => void load(), []);
  const restore = async (id: string) => {
    const reply = await request({ t: 'bin-restore', recordId: id });
    setStatus(reply.t === 'ok' ? t('binRestored') : t('binRestoreFailed'));
    await load();
  };
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale === 'pl' ? 'pl-PL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

  return (
    <div className="bin">
      <div className="row spread">
        <h2 id="bin-heading">{t('binHeading')}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="hint">{t('binExplain')}</p>
      {items === null ? (
        <p aria-busy="true">{t('binLoading')}</p>
      ) : items.length === 0 ? (
        <p>{t('binEmpty')}</p>
      ) : (
        <ul className="bin-list">
          {items.map((item, i) => (
            <li key={item.id} data-shape={item.id}>
              <div className="bin-item" id={`bin-item-${i}`}>
                <strong className="bin-preview">{item.preview || t('binNoText')}</strong>
                <span className="bin-facts">
                  {t(SHAPE_LABEL[item.shapeType] ?? 'shapeOther')}
                  {item.frameName && ` · ${item.frameName}`} · {t('binDeleted')} {time(item.deletedAt)}
                  {item.alsoRestores > 0 && ` · +${item.alsoRestores} ${t('binWithIt')}`}
                </span>
              </div>
              <button type="button" aria-describedby={`bin-item-${i}`} onClick={() => void restore(item.id)}>
                {t('binRestore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{status}</p>
    </div>
  );
}
