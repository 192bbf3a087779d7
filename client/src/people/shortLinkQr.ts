/**
 * The QR code of a board's short URL, kept small enough to scan from the back of a room: level M
 * error correction while the URL fits QR version 4 (33×33 modules), level L for a longer host name.
 */
import QRCode from 'qrcode';

export const MAX_SHORT_QR_VERSION = 4;

export function shortLinkQrLevel(link: string): 'M' | 'L' {
  return QRCode.create(link, { errorCorrectionLevel: 'M' }).version <= MAX_SHORT_QR_VERSION ? 'M' : 'L';
}

/** The QR version the short URL gets (what the tests hold to MAX_SHORT_QR_VERSION). */
export function shortLinkQrVersion(link: string): number {
  return QRCode.create(link, { errorCorrectionLevel: shortLinkQrLevel(link) }).version;
}

export function shortLinkQrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: shortLinkQrLevel(link), margin: 2 });
}
