/**
 * The hosts' timer in real Chromium: a typed length, pause and resume seen by a participant, a
 * step change that leaves it running, a beep at the end only where the person allowed it (the
 * choice survives a reload), and a reset that asks first.
 */
import { describe, expect, it } from 'vitest';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

/** Counts the tones a page starts (Web Audio oscillators), without playing any. */
const COUNT_BEEPS = () => {
  const w = window as unknown as { beeps: number; AudioContext: typeof AudioContext };
  w.beeps = 0;
  const Original = w.AudioContext;
  w.AudioContext = class extends Original {
    override createOscillator(): OscillatorNode {
      const tone = super.createOscillator();
      const start = tone.start.bind(tone);
      tone.start = (when?: number) => {
        w.beeps += 1;
        start(when);
      };
      return tone;
    }
  } as typeof AudioContext;
};

describe('the timer', () => {
  const e2e = useServerAndBrowser();

  const personWithCounter = async (link: string, who: { name: string; city: string }) => {
    const { context } = await trackedContext(e2e.browser);
    await context.addInitScript(COUNT_BEEPS);
    const person = new BoardPageObject(await context.newPage());
    await person.open(link, who);
    return person;
  };
  const beeps = (person: BoardPageObject) => person.page.evaluate(() => (window as unknown as { beeps: number }).beeps);

  it('runs a typed length, pauses, resumes, survives a step change, beeps where allowed and resets only when confirmed', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Czas', formatId: 'solutions', locale: 'pl' });
    const host = await personWithCounter(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const listening = await personWithCounter(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const quiet = await personWithCounter(board.links.participant, { name: 'Jan Nowak', city: 'Kielce' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.1 / }).click();

    // The sound is each person's choice, remembered on their device.
    await listening.page.getByLabel('Dźwięk na koniec czasu').check();
    await listening.page.reload();
    await listening.canvas().waitFor();
    expect(await listening.page.getByLabel('Dźwięk na koniec czasu').isChecked()).toBe(true);
    expect(await quiet.page.getByLabel('Dźwięk na koniec czasu').isChecked()).toBe(false);

    // A length that is not a time is refused with the reason.
    await panel.getByLabel('Długość').fill('pół godziny');
    await panel.getByRole('button', { name: 'Ustaw' }).click();
    expect(await panel.getByLabel('Długość').getAttribute('aria-invalid')).toBe('true');
    // Resetting a timer that never ran is not offered, and the button says why.
    const reset = panel.getByRole('button', { name: 'Od nowa' });
    expect(await reset.isDisabled()).toBe(true);
    const why = await reset.getAttribute('aria-describedby');
    expect(await host.page.locator(`#${why}`).textContent()).toBe('Najpierw ustaw i uruchom czas.');

    await panel.getByLabel('Długość').fill('0:40');
    await panel.getByRole('button', { name: 'Ustaw' }).click();
    await panel.getByRole('button', { name: 'Uruchom' }).click();
    const timer = listening.page.getByRole('region', { name: 'Bieżący krok' }).getByRole('timer');
    const value = () => timer.locator('.timer-value').textContent();
    await expect.poll(value, { timeout: 5000 }).toMatch(/^0:[0-4]\d$/);

    await panel.getByRole('button', { name: 'Pauza' }).click();
    await timer.getByText('wstrzymany').waitFor({ timeout: 10_000 });
    const paused = await value();
    await listening.page.waitForTimeout(1500);
    expect(await value()).toBe(paused);

    // Resumed, then the group moves on: the time keeps running from where it was (not the step's 20:00).
    await panel.getByRole('button', { name: 'Wznów' }).click();
    await expect.poll(value, { timeout: 5000 }).not.toBe(paused);
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    await listening.page.getByRole('region', { name: 'Bieżący krok' }).getByRole('heading', { name: /^2\.2 / }).waitFor({ timeout: 5000 });
    await listening.page.waitForTimeout(500);
    expect(await value()).toMatch(/^0:[0-3]\d$/);
    expect(await timer.getAttribute('data-state')).toBe('running');

    // A reset asks first; cancelling leaves the time running.
    await reset.click();
    const confirm = panel.getByRole('group', { name: 'Ustawić czas od nowa?' });
    await confirm.getByRole('button', { name: 'Anuluj' }).click();
    await listening.page.waitForTimeout(500);
    expect(await timer.getAttribute('data-state')).toBe('running');
    await reset.click();
    await confirm.getByRole('button', { name: 'Tak, od nowa' }).click();
    await timer.waitFor({ state: 'detached', timeout: 5000 });

    // The end of the time: a beep only where the person allowed it.
    await panel.getByLabel('Długość').fill('0:02');
    await panel.getByRole('button', { name: 'Ustaw' }).click();
    await panel.getByRole('button', { name: 'Uruchom' }).click();
    await timer.getByText('Czas minął').waitFor({ timeout: 10_000 });
    await expect.poll(() => beeps(listening), { timeout: 3000 }).toBe(1);
    expect(await beeps(quiet)).toBe(0);
    expect(await beeps(host)).toBe(0);
  });
});
