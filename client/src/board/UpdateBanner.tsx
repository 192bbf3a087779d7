/** The server runs a newer tldraw than this page: the board stays read-only until a reload. */
import { useI18n } from '../i18n';

export function UpdateBanner() {
  const { t } = useI18n();
  return (
    <section className="update-banner" role="alert">
      <p>
        <strong>{t('boardUpdated')}</strong>
      </p>
      <p className="hint">{t('boardUpdatedHint')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('reload')}
      </button>
    </section>
  );
}
