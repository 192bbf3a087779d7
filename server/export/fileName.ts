/**
 * Download names an office recognises: the meeting's date, what the file is and the meeting's
 * title ("2026-11-29 Notatka – Sieć Przedsiębiorczość.docx"), sent as RFC 6266 asks — an ASCII
 * fallback for old clients and the full name in UTF-8 (filename*).
 */
import { isIsoDate } from '../../shared/text/dates';
import { withoutXmlInvalid } from '../../shared/text/xmlSafe';

const MAX_LENGTH = 120;

/** The file's name without extension, from the date (YYYY-MM-DD), the kind and the title. */
export function exportBaseName(date: string, kind: string, title: string): string {
  const day = isIsoDate(date) ? date.trim() : '';
  const name = [day, kind].filter(Boolean).join(' ') + (title.trim() ? ` – ${title.trim()}` : '');
  // Characters no file system takes, control characters and runs of spaces out; no leading dot.
  const clean = withoutXmlInvalid(name)
    .replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return [...clean].slice(0, MAX_LENGTH).join('').trim();
}

/** Latin letters without their marks (ł and Ł have none to lose), anything else non-ASCII dropped. */
export function asciiFallback(name: string): string {
  return name
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[–—]/g, '-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/[%"\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** RFC 5987: what may stand unescaped in filename*; everything else percent-encoded as UTF-8. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Content-Disposition header for downloading `name` (with its extension). */
export function contentDisposition(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const fallback = asciiFallback(name.slice(0, dot > 0 ? dot : undefined)) || 'tablica';
  return `attachment; filename="${fallback}${ext}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
