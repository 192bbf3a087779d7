/**
 * The registry of formats. Every file is parsed with the shared schema when this module loads, so
 * a format with a missing translation or a broken layout never reaches a board.
 */
import { Format, FORMAT_KEYS, type FormatInput, type FormatKey } from '../shared/formats/schema';
import { CITY_ZONES } from '../shared/api';
import { kickoff, kickoffFor } from './kickoff';
import { planning } from './planning';
import { solutions } from './solutions';
import { practices } from './practices';
import { workplan } from './workplan';

/** The format files as written, before parsing (tests change copies of them). */
export const FORMAT_SOURCES: Readonly<Record<FormatKey, FormatInput>> = { kickoff, planning, solutions, practices, workplan };

function load(key: FormatKey, source: FormatInput = FORMAT_SOURCES[key]): Format {
  const result = Format.safeParse(source);
  if (!result.success) throw new Error(`format ${key} is invalid: ${result.error.message}`);
  if (result.data.id !== key) throw new Error(`format file ${key} declares id ${result.data.id}`);
  return result.data;
}

export const FORMATS: Readonly<Record<FormatKey, Format>> = Object.fromEntries(FORMAT_KEYS.map((key) => [key, load(key)])) as Record<FormatKey, Format>;

export function isFormatKey(id: string): id is FormatKey {
  return (FORMAT_KEYS as readonly string[]).includes(id);
}

export function getFormat(id: FormatKey): Format;
export function getFormat(id: string): Format | undefined;
export function getFormat(id: string): Format | undefined {
  return isFormatKey(id) ? FORMATS[id] : undefined;
}

const kickoffs = new Map<number, Format>();

/**
 * The format as laid out for one network: the kick-off's city zones follow the number of cities
 * (10–20, chosen when the board is made); every other format is the same for all.
 */
export function formatFor(id: FormatKey, options: { cities?: number } = {}): Format {
  const cities = options.cities ?? CITY_ZONES.default;
  if (id !== 'kickoff' || cities === CITY_ZONES.default) return FORMATS[id];
  if (!kickoffs.has(cities)) kickoffs.set(cities, load('kickoff', kickoffFor(cities)));
  return kickoffs.get(cities)!;
}
