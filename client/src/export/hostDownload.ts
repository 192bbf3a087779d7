/**
 * Hosts' files from the server with the host token in `Authorization`, never in a URL (a URL ends
 * up in history, logs and proxies): fetched, then handed to the browser as a blob — saved under
 * the server's file name, or opened in a new tab (the printable note).
 */

/** A GET with the host token in the Authorization header. */
export function hostFetch(path: string, token: string): Promise<Response> {
  return fetch(path, { cache: 'no-store', headers: { authorization: `Bearer ${token}` } });
}

/** The file name a Content-Disposition header gives (`filename*` first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      /* fall through */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Downloads the file at `path` as the server names it; false when the server refused. */
export async function downloadAsHost(path: string, token: string): Promise<boolean> {
  const res = await hostFetch(path, token);
  if (!res.ok) return false;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res.headers.get('content-disposition'), path.split('/').pop() ?? 'tablica');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/** Opens the page at `path` in a new tab (opened first, so the browser does not block it). */
export async function openAsHost(path: string, token: string): Promise<boolean> {
  const tab = window.open('', '_blank');
  const res = await hostFetch(path, token);
  if (!res.ok) {
    tab?.close();
    return false;
  }
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
