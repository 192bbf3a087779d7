/**
 * The report for spreadsheets as a Polish office opens them: semicolons between cells (the list
 * separator where the decimal mark is a comma), labels and values in the report's language, and
 * no cell a spreadsheet would run as a formula. The UTF-8 BOM, which tells Excel the encoding, is
 * the caller's to put in front.
 */
import { REPORT_LABELS } from './labels';
import type { HostReport } from './hostReport';
import { reportRows } from './reportRows';

/** A cell starting with one of these is a formula to a spreadsheet (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function hostReportCsv(report: HostReport): string {
  const l = REPORT_LABELS[report.locale];
  const rows: [string, string][] = [[l.field, l.value], ...reportRows(report)];
  return rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
