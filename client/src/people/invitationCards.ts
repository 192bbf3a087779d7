/**
 * The printable A4 sheet of invitation cards: for each person their name, city and function, the
 * QR code of their personal link and short instructions — eight cards a page, to cut and hand out.
 * A self-contained HTML page made in the browser (the links never pass through another server).
 */
import QRCode from 'qrcode';
import type { PersonalLink } from '../../../shared/invitations';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function invitationCardsHtml(people: PersonalLink[], labels: { title: string; help: string; lang: string }): Promise<string> {
  const cards = await Promise.all(
    people.map(async (person) => {
      // The SVG is made here from the link alone, by the qrcode library.
      const qr = await QRCode.toString(person.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return `<section class="card">
  <div class="qr">${qr}</div>
  <div class="who">
    <p class="name">${escape(person.name)}</p>
    <p class="city">${escape([person.city, person.function].filter(Boolean).join(' · '))}</p>
    <p class="help">${escape(labels.help)}</p>
  </div>
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="${escape(labels.lang)}"><head><meta charset="utf-8"><title>${escape(labels.title)}</title>
<style>
  @page { size: A4; margin: 10mm; }
  body { font-family: system-ui, sans-serif; margin: 0; }
  .sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
  .card { break-inside: avoid; border: 1px dashed #888; padding: 4mm; height: 62mm; box-sizing: border-box; display: flex; gap: 4mm; align-items: center; }
  .qr { width: 40mm; flex: none; } .qr svg { width: 100%; height: auto; }
  .name { font-size: 14pt; font-weight: 700; margin: 0 0 2mm; }
  .city { font-size: 11pt; margin: 0 0 3mm; }
  .help { font-size: 9pt; margin: 0; color: #333; }
</style></head>
<body><main class="sheet">
${cards.join('\n')}
</main><script>window.addEventListener('load', () => window.print());</script></body></html>`;
}
