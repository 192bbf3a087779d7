/** A link to a hosts' file that sends the host token in a header (hostDownload.ts), never in its URL. */
import type { ReactNode } from 'react';
import { downloadAsHost, openAsHost } from './hostDownload';

export function HostFileLink({ path, token, open = false, className = 'button', children }: { path: string; token: string; open?: boolean; className?: string; children: ReactNode }) {
  return (
    <a
      className={className}
      href={path}
      onClick={(event) => {
        event.preventDefault();
        void (open ? openAsHost(path, token) : downloadAsHost(path, token));
      }}
    >
      {children}
    </a>
  );
}
