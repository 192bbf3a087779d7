/** The network's work plan as files: Markdown and Word, in the network's language. */
import { escapeMarkdown } from '../../shared/summary/markdown';
import { planBlocks, type PlanSnapshot } from '../../shared/network/workplan';
import { formatDate } from '../../shared/text/dates';
import type { Locale } from '../../shared/api';
import { packDocument, title } from '../export/docxParts';
import { planParagraphs } from '../export/docx';

export function planMarkdown(plan: PlanSnapshot, networkTitle: string, locale: Locale): string {
  const blocks = planBlocks(plan, locale, formatDate(plan.asOf, locale));
  const out = [`# ${escapeMarkdown(`${blocks.title}: ${networkTitle}`)}`, '', `_${escapeMarkdown(blocks.subtitle)}_`, ''];
  if (blocks.empty) out.push(escapeMarkdown(blocks.empty), '');
  for (const block of blocks.blocks) out.push(`## ${escapeMarkdown(block.heading)}`, '', ...block.items.map((i) => `- ${escapeMarkdown(i)}`), '');
  return out.join('\n');
}

export async function planDocx(plan: PlanSnapshot, networkTitle: string, locale: Locale): Promise<Buffer> {
  const blocks = planBlocks(plan, locale, formatDate(plan.asOf, locale));
  const heading = `${blocks.title}: ${networkTitle}`;
  // The document's title is the plan's; its sections sit one level below.
  const [, ...body] = planParagraphs(blocks, 1);
  return packDocument(locale, heading, [title(heading), ...body]);
}
