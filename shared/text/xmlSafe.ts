/**
 * What XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return, U+FFFE,
 * U+FFFF and surrogates without their pair. A .docx with one of them does not open in Word or
 * LibreOffice, so every export passes its text through here first.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function withoutXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** The same value with every string in it (keys included) cleaned; other values as they are. */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return withoutXmlInvalid(value) as T;
  if (Array.isArray(value)) return value.map((item) => xmlSafe(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [withoutXmlInvalid(key), xmlSafe(item)])) as T;
  }
  return value;
}
