/**
 * The formats as a host meets them in real Chromium: the home page tells each format's goal,
 * timing and result from the format's own data, the kick-off asks for the network's size and lays
 * out that many city zones, and the host panel gives the current step's facilitation tip.
 */
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../formats';
import { FORMAT_IDS } from '../../shared/api';
import { formatMinutes } from '../../shared/formats/schema';
import { stepFrameId } from '../../shared/formats/layout';
import { formatDuration } from '../../shared/text/dates';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { connectStockClient } from '../helpers/clients';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('formats on the home page and in the host panel', () => {
  const e2e = useServerAndBrowser();

  it('shows each format’s goal, timing and result, and makes a kick-off for a network of 14 cities', async () => {
    const page = await (await trackedContext(e2e.browser)).context.newPage();
    await page.goto(e2e.server.url);
    const format = page.getByLabel('Format pracy');
    for (const id of FORMAT_IDS) {
      const data = FORMATS[id];
      await format.selectOption({ label: data.shortTitle.pl });
      const guide = page.locator(`.format-guide[data-format="${id}"]`);
      await guide.waitFor();
      expect(await guide.locator('dd').allTextContents()).toEqual([data.goal.pl, data.when.pl, formatDuration(formatMinutes(data), 'pl'), data.result.pl]);
    }
    expect(await page.getByLabel('Liczba miast w sieci').count()).toBe(0);

    await format.selectOption({ label: FORMATS.kickoff.shortTitle.pl });
    await page.getByLabel('Tytuł spotkania').fill('Pierwsze spotkanie sieci');
    await page.getByLabel('Liczba miast w sieci').fill('14');
    await page.getByRole('button', { name: 'Utwórz tablicę' }).click();
    const link = await page.locator('li[data-role="facilitator"] input').inputValue();
    const [, boardId, token] = /\/b\/([^#]+)#t=(.+)$/.exec(link)!;

    const canvas = connectStockClient(e2e.server.url, boardId!, token!);
    await canvas.synced();
    const zones = [...canvas.records.map.values()].map((e) => e.val as { parentId?: string; meta?: Record<string, unknown> }).filter((r) => r.parentId === stepFrameId('kickoff', '0.2') && r.meta?.areaId);
    expect(zones).toHaveLength(14);
    canvas.destroy();

    const host = new BoardPageObject(page);
    await host.open(link, { name: 'Anna Nowak', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^0\.2 / }).click();
    const tip = FORMATS.kickoff.steps.find((s) => s.id === '0.2')!.tip.pl;
    await expect.poll(() => panel.getByTestId('step-tip').textContent()).toBe(`Wskazówka dla osób prowadzących: ${tip}`);
    await panel.getByRole('button', { name: /^0\.3 / }).click();
    await expect.poll(() => panel.getByTestId('step-tip').textContent()).toContain(FORMATS.kickoff.steps.find((s) => s.id === '0.3')!.tip.pl);
  });
});
