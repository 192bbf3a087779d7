/** The signature check both kinds of token share: `<body>.<mac>`, compared in constant time. */
import { timingSafeEqual } from 'node:crypto';
import { base64UrlDecode } from '../../shared/token';

/** Whether the token's signature is the one `mac` gives its body; false for anything malformed. */
export function signatureMatches(token: string, mac: (body: string) => string): boolean {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 2048) return false;
  const body = token.slice(0, dot);
  let given: Uint8Array;
  try {
    given = base64UrlDecode(token.slice(dot + 1));
  } catch {
    return false;
  }
  const expected = base64UrlDecode(mac(body));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
