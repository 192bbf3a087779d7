/**
 * The server's only logger: one JSON line per event. It takes an event name and plain fields —
 * never board content (no record, update or awareness payload ever goes in here).
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

type Field = string | number | boolean | null | undefined;

export interface Logger {
  debug(event: string, fields?: Record<string, Field>): void;
  info(event: string, fields?: Record<string, Field>): void;
  warn(event: string, fields?: Record<string, Field>): void;
  error(event: string, fields?: Record<string, Field>): void;
}

export function createLogger(level: Level | 'silent', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (lvl: Level) => (event: string, fields?: Record<string, Field>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ t: new Date().toISOString(), level: lvl, event, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Error details without payloads: the message is cut short, since library errors may quote input. */
export function errorFields(err: unknown): Record<string, Field> {
  if (err instanceof Error) return { error: err.name, message: err.message.slice(0, 120) };
  return { error: typeof err };
}
