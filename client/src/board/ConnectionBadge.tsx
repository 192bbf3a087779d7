/** Always-visible connection state: connected, connecting, offline. */
import { useI18n } from '../i18n';
import type { ConnectionState } from '../sync/boardConnection';

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  const text = state === 'connected' ? t('statusConnected') : state === 'offline' ? t('statusOffline') : t('statusConnecting');
  return (
    <div className={`connection connection-${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {text}
    </div>
  );
}
