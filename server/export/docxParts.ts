/**
 * The pieces both Word documents are built from, set up the way a Polish office expects them:
 * the document's language is the note's (pl-PL, so spelling and hyphenation are Polish), no
 * paragraph leaves a single line behind at a page break (widow control) and a heading always
 * stays with what follows it (keep with next).
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions } from 'docx';
import type { Locale } from '../../shared/api';

const LANGUAGE: Record<Locale, string> = { pl: 'pl-PL', en: 'en-GB' };

const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const borders = { top: border, bottom: border, left: border, right: border };

export function paragraph(options: IParagraphOptions | string): Paragraph {
  return new Paragraph({ widowControl: true, ...(typeof options === 'string' ? { children: [new TextRun(options)] } : options) });
}

/** Text with its line breaks kept, as runs. */
export function lines(text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }));
}

export function title(text: string): Paragraph {
  return paragraph({ heading: HeadingLevel.TITLE, keepNext: true, keepLines: true, children: [new TextRun(text)] });
}

export function heading(level: 1 | 2 | 3, text: string): Paragraph {
  const style = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[level];
  return paragraph({ heading: style, keepNext: true, keepLines: true, children: [new TextRun(text)] });
}

export function bullet(children: TextRun[]): Paragraph {
  return paragraph({ bullet: { level: 0 }, keepLines: true, children });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ borders, children: text.split('\n').map((line) => paragraph({ children: [new TextRun({ text: line, bold })] })) });
}

/** A table with a header row that repeats on every page. */
export function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) }))],
  });
}

/** Label and value rows, the label in bold. */
export function twoColumns(rows: [string, string][]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map(([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, true), cell(v)] })) });
}

export async function packDocument(locale: Locale, documentTitle: string, body: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Tablica',
    title: documentTitle,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: LANGUAGE[locale], eastAsia: LANGUAGE[locale], bidirectional: LANGUAGE[locale] } } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
