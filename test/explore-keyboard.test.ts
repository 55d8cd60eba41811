/**
 * The what-if page with a keyboard only, in real Chromium (offline): every lever can be reached
 * with Tab, has a name a screen reader reads, shows where the focus is, and moves with the keys;
 * the copy buttons put exactly the `--set` command and the YAML overlay on the clipboard.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { texts } from '../viz/texts/index.js';
import { LEVER_IDS } from '../web/levers.js';
import { explorePages, pageState, QUICK_STEPS, setLever, settled as settledAt } from './explore-page.js';
import { cliInProcess, ROOT } from './helpers.js';

interface State { gen: number; shown: { gen: number; runs: number; sets: string[] } | null; command: string; overlay: string; error: string | null; pinned: string[] | null }

const T = texts('sv').explore;
const pages = explorePages({ 'halland.yaml': 'sv' }, QUICK_STEPS);

const state = (p: Page) => pageState<State>(p);
const settled = (p: Page) => settledAt<State>(p);

async function open(file = 'halland.html'): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await pages.context();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ctx.newPage();
  await page.goto('file://' + join(pages.dir(), file));
  await settled(page);
  return { ctx, page };
}

/** The focused element: its id, whether the focus ring shows, and its outline. */
const focused = (p: Page) => p.evaluate(() => {
  const e = document.activeElement as HTMLElement | null;
  const cs = e ? getComputedStyle(e) : null;
  return { id: e?.id ?? '', tag: e?.tagName ?? '', ring: !!e?.matches(':focus-visible'), outline: cs ? `${cs.outlineStyle} ${cs.outlineWidth}` : '' };
});

describe('explore: keyboard only', () => {
  it('Tab reaches every lever\'s slider, number field and reset button, each with a visible focus ring', async () => {
    const { ctx, page } = await open();
    const want = new Set(LEVER_IDS.flatMap((id) => [`in-${id}`, `num-${id}`, `reset-${id}`]).concat(['intake-shape', 'intake-from', 'reset-all', 'pin', 'copy-command', 'copy-overlay']));
    const seen = new Map<string, Awaited<ReturnType<typeof focused>>>();
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < 80 && seen.size < want.size; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (want.has(f.id)) seen.set(f.id, f);
    }
    expect([...want].filter((id) => !seen.has(id))).toEqual([]);
    for (const [id, f] of seen) {
      expect(f.ring, `${id}: :focus-visible`).toBe(true);
      expect(f.outline, `${id}: a visible outline`).toMatch(/^solid [2-9]/);
    }
    await ctx.close();
  }, 300_000);

  it('every lever has a label a screen reader reads, and moves with the arrow keys and End', async () => {
    const { ctx, page } = await open();
    for (const id of LEVER_IDS) {
      const name = T.lever(id);
      await expect.poll(() => page.getByRole('slider', { name, exact: true }).count(), { timeout: 5000 }).toBe(1);
      // A share's field takes a percentage and says so.
      expect(await page.getByRole('spinbutton', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}( \\(%\\))?$`) }).count(), name).toBe(1);
      expect(await page.getByRole('button', { name: `${T.reset()}: ${name}`, exact: true }).count(), name).toBe(1);
      const slider = page.getByRole('slider', { name, exact: true });
      const before = await state(page);
      await slider.focus();
      // Towards the end with room to move (the scenario's value may sit at either end).
      const [v, max] = await slider.evaluate((e: HTMLInputElement) => [Number(e.value), Number(e.max)]);
      await page.keyboard.press(v < max ? 'ArrowRight' : 'ArrowLeft');
      const moved = await settled(page);
      expect(moved.gen, `${id}: a key press is a change`).toBeGreaterThan(before.gen);
      expect(moved.shown!.sets, `${id}: moved by the keyboard`).not.toEqual([]);
      expect(await slider.evaluate((e: HTMLInputElement) => Number(e.value)), id).not.toBe(v);
      await page.keyboard.press('End');
      await expect.poll(async () => slider.evaluate((e: HTMLInputElement) => e.value), { timeout: 5000 }).toBe(String(max));
      // Reset with the keyboard: Tab to the number field, then to its reset button, and Enter.
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe(`num-${id}`);
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe(`reset-${id}`);
      await page.keyboard.press('Enter');
      expect((await settled(page)).shown!.sets, `${id}: reset by the keyboard`).toEqual([]);
    }
    await ctx.close();
  }, 600_000);

  it('a number typed into a lever\'s field and Enter sets it; the intake shape and pin work from the keyboard', async () => {
    const { ctx, page } = await open();
    await page.focus('#num-intake');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('37');
    await page.keyboard.press('Enter');
    let s = await settled(page);
    expect(s.shown!.sets.join(' ')).toMatch(/st\.intake=\{[^}]*: 37/);
    // The field is a spin button: ArrowUp steps the lever.
    await page.keyboard.press('ArrowUp');
    s = await settled(page);
    expect(s.shown!.sets.join(' ')).toMatch(/st\.intake=\{[^}]*: 38/);
    expect(await page.locator('#num-intake').inputValue()).toBe('38');
    // A share is typed as a percentage: 90 is 0.9.
    await page.fill('#num-retention', '90');
    await page.focus('#num-retention');
    await page.keyboard.press('Enter');
    s = await settled(page);
    expect(s.shown!.sets).toContain('st.retention=0.9');
    // The Swedish page's field takes and shows a decimal comma (a browser's number field would show "84.5").
    await page.fill('#num-retention', '84,5');
    await page.focus('#num-retention');
    await page.keyboard.press('Enter');
    s = await settled(page);
    expect(s.shown!.sets).toContain('st.retention=0.845');
    expect(await page.locator('#num-retention').inputValue()).toBe('84,5');
    // Text that is not a number is refused and the field shows the lever's value again.
    await page.fill('#num-retention', '84,5 %x');
    await page.focus('#num-retention');
    await page.keyboard.press('Enter');
    expect(await page.locator('#num-retention').inputValue()).toBe('84,5');
    expect((await state(page)).shown!.sets).toContain('st.retention=0.845');
    await page.focus('#intake-shape');
    await page.keyboard.press('ArrowDown');
    s = await settled(page);
    expect(await page.locator('#intake-shape').inputValue()).toBe('ramp');
    expect(await page.locator('#intake-step-row').isVisible()).toBe(true);
    await page.focus('#pin');
    await page.keyboard.press('Space');
    await settled(page);
    expect(await page.locator('#pin').getAttribute('aria-pressed')).toBe('true');
    expect((await state(page)).pinned).toEqual(s.shown!.sets);
    await ctx.close();
  }, 300_000);

  it('the copy buttons put exactly the shown command and YAML overlay on the clipboard (a page with the default steps)', async () => {
    const r = await cliInProcess(ROOT, 'explore', 'scenarios/halland.yaml', '--lang', 'sv', '--out', join(pages.dir(), 'halland-default.html'));
    expect(r.code, r.stderr).toBe(0);
    const { ctx, page } = await open('halland-default.html');
    await setLever(page, 'retention', 0.8);
    // The last refinement (5 000 runs): the shown command names the runs, so it must not change
    // between reading it here and pressing the button.
    const s = await settledAt<State>(page, 5000);
    expect(s.command).toContain('--set st.retention=0.8');
    for (const [button, text] of [['#copy-command', s.command], ['#copy-overlay', s.overlay]] as const) {
      await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
      await page.focus(button);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5000 }).toBe(text);
      expect(await page.locator(button).textContent()).toBe(T.copied());
    }
    expect(s.overlay).toMatch(/^extends: halland\.yaml\n/);
    expect(s.overlay).toContain('\nst:\n  retention: 0.8\n');
    await ctx.close();
  }, 300_000);
});
