/**
 * The hosts' panel, fetched only by hosts. Everything under it — the run sheet, exports, the
 * report, invitation cards and QR codes — sits in chunks of its own that a participant's page
 * never asks for; a host's page starts fetching them as soon as it knows the role, while the
 * board is still syncing.
 */
import { lazy, Suspense } from 'react';

let loading: Promise<typeof import('./HostPanel')> | null = null;

/** Starts fetching the panel's code (once); call it only for hosts. */
export function preloadHostPanel(): Promise<typeof import('./HostPanel')> {
  loading ??= import('./HostPanel');
  return loading;
}

const LazyHostPanel = lazy(() => preloadHostPanel().then((module) => ({ default: module.HostPanel })));

export function HostPanelLoader() {
  // Until the code arrives, an empty, unnamed panel holds its place so the canvas does not jump.
  return (
    <Suspense fallback={<aside className="host-panel" aria-busy="true" />}>
      <LazyHostPanel />
    </Suspense>
  );
}
