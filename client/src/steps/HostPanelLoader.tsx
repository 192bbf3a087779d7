/**
 * The hosts' panel, fetched only by hosts. Everything under it — the run sheet, exports, the
 * report, invitation cards and QR codes — sits in chunks of its own that a participant's page
 * never asks for; a host's page starts fetching them as soon as it knows the role, while the
 * board is still syncing. If the fetch fails (the connection dropped, or the server was updated
 * and the old chunk is gone), the panel says so and the board keeps working.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n';

let loading: Promise<typeof import('./HostPanel')> | null = null;

/** Starts fetching the panel's code (once; again after a failure); call it only for hosts. */
export function preloadHostPanel(): Promise<typeof import('./HostPanel')> {
  loading ??= import('./HostPanel').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

const LazyHostPanel = lazy(() => preloadHostPanel().then((module) => ({ default: module.HostPanel })));

export function HostPanelLoader() {
  // Until the code arrives, an empty, unnamed panel holds its place so the canvas does not jump.
  return (
    <PanelFailure>
      <Suspense fallback={<aside className="host-panel" aria-busy="true" />}>
        <LazyHostPanel />
      </Suspense>
    </PanelFailure>
  );
}

/** Keeps a failed fetch of the panel's code from taking the whole page down. */
class PanelFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <FailedPanel /> : this.props.children;
  }
}

function FailedPanel() {
  const { t } = useI18n();
  return (
    <aside className="host-panel" aria-label={t('hostPanel')}>
      <p role="alert">{t('hostPanelFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('reload')}
      </button>
    </aside>
  );
}
