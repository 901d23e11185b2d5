/**
 * 智能派单 in a real browser: the administrator trains the dispatch model from 智能派单设置
 * (立即训练) and a new version row appears; the dispatcher reads the settings without being
 * able to change them, opens a case waiting for dispatch, sees 智能派单建议 (three units with
 * percentages, categories), takes the second unit and a suggested category, and dispatches;
 * the panel fits a phone; the administrator turns auto-dispatch on at 95 %, sees it after a
 * reload, and turns it off again. Written against whatever the demo and the model hold:
 * the case is chosen by reading the suggestions, not assumed.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo-logins.js';
import { launchBrowser, login, newContext, screenshot, watchErrors } from './helpers/browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(username: string, viewport?: { width: number; height: number }, mobile = false) {
  const context = await newContext(browser, inject('baseUrl'), viewport, mobile);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL('**/console');
  return { context, page, errors };
}

/** A GET of the API with the page's session (reads need no CSRF token). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return res.json();
  }, path) as Promise<T>;
}

interface Versions {
  items: { version: number; trigger: string }[];
  training: boolean;
}

interface CaseRow {
  id: number;
  number: string;
  actions: string[];
  lead: { id: number } | null;
  category: { id: number; path: string } | null;
  route: { unit: { id: number; name: string } | null };
}

interface Suggestion {
  categoryId: number;
  path: string;
  confidence: number;
}

interface Suggestions {
  modelVersion: number | null;
  categories: Suggestion[];
  deeper: Suggestion[];
  units: { orgId: number; name: string; confidence: number }[];
}

/**
 * A case the dispatcher may dispatch whose suggestions name three units, the second not the
 * unit the form starts with (the responsibility list's), so taking it visibly changes the form.
 */
async function caseWithThreeUnits(page: Page): Promise<{ c: CaseRow; s: Suggestions }> {
  const list = await apiGet<{ items: CaseRow[] }>(page, '/api/cases?box=to_dispatch&limit=100');
  for (const c of list.items) {
    if (c.lead !== null || !c.actions.includes('dispatch')) continue;
    const s = await apiGet<Suggestions>(page, `/api/cases/${c.id}/dispatch-suggestions`);
    if (s.units.length === 3 && s.units[1]!.orgId !== c.route.unit?.id) return { c, s };
  }
  throw new Error(`none of the ${list.items.length} cases waiting for dispatch has three suggested units`);
}

test('the administrator trains the dispatch model from 智能派单设置 and a new version appears', async () => {
  const { context, page, errors } = await signIn('admin');

  // 主动治理 → 智能派单设置
  await page.getByTestId('nav-dispatchSettings').click();
  await page.waitForURL('**/console/dispatch/settings');
  await page.getByTestId('dispatch-models-table').waitFor();
  await expect(page.getByTestId('dispatch-recent').textContent()).resolves.toMatch(/近 30 天：自动派单 \d+ 件 \/ 判断 \d+ 件/);

  // The server trains once at start when no version is recent: while it does, the page says so
  // and the button spins (it cannot be pressed), as it would for another console's training.
  await page.getByTestId('dispatch-training').waitFor({ state: 'detached', timeout: 150_000 });
  const before = (await apiGet<Versions>(page, '/api/dispatch/models')).items[0]?.version ?? 0;

  // 立即训练: the button spins while the server trains, then says which version it made.
  await page.getByTestId('dispatch-train').click();
  await page.getByTestId('dispatch-training').waitFor();
  await page.locator('.ant-message').getByText(`已训练出第 ${before + 1} 版`).waitFor({ timeout: 120_000 });
  await page.getByTestId(`model-version-${before + 1}`).waitFor({ timeout: 120_000 });
  await page.getByTestId('dispatch-training').waitFor({ state: 'detached', timeout: 120_000 });
  // The newest version is the one in use; its row reads as the figures the server keeps.
  const newest = (await apiGet<Versions>(page, '/api/dispatch/models')).items[0]!;
  expect(newest.version).toBe(before + 1);
  const first = page.getByTestId('dispatch-models-table').locator('.ant-table-row').first();
  await expect.poll(() => first.getByTestId(`model-version-${newest.version}`).textContent()).toContain('在用');
  await expect(first.textContent()).resolves.toMatch(/内置标注 \d+ · 已派工单 \d+（其中更正 \d+）/);
  await expect(first.textContent()).resolves.toMatch(/一级分类 \d+/);
  await expect(first.textContent()).resolves.toMatch(/\d+\.\d{2} MB/);
  await screenshot(page, 'console-dispatch-settings');
  expect(errors).toEqual([]);
  await context.close();
}, 300_000);

test('the dispatcher reads the settings, takes the second suggested unit and a suggested category, and dispatches', async () => {
  const { context, page, errors } = await signIn('dispatcher');

  // The settings are the dispatcher's to read, not to change; the versions are not shown.
  await page.getByTestId('nav-dispatchSettings').click();
  await page.getByTestId('dispatch-settings-readonly').waitFor();
  await expect(page.getByTestId('dispatch-auto').isDisabled()).resolves.toBe(true);
  await expect(page.getByTestId('dispatch-settings-save').isDisabled()).resolves.toBe(true);
  expect(await page.getByTestId('dispatch-models').count()).toBe(0);

  const { c, s } = await caseWithThreeUnits(page);
  expect(s.modelVersion).not.toBeNull();
  await page.goto(`/console/cases/${c.id}`);
  await page.getByTestId('case-action-dispatch').click();
  const panel = page.getByTestId('dispatch-suggestions');
  await panel.getByTestId('suggest-unit-3').waitFor();
  expect(await panel.locator('[data-testid^="suggest-unit-"][aria-pressed]').count()).toBe(3);
  for (let i = 1; i <= 3; i++) {
    await expect(panel.getByTestId(`suggest-unit-${i}-percent`).textContent()).resolves.toMatch(/^(\d{1,3}|<1)%$/);
    await expect(panel.getByTestId(`suggest-unit-${i}-name`).textContent()).resolves.toBe(s.units[i - 1]!.name);
  }
  await expect(panel.textContent()).resolves.toMatch(/模型学习|职责清单|属地/);

  // The second unit fills the form's unit.
  const unit = page.getByTestId('action-unit');
  await expect(unit.textContent()).resolves.not.toContain(s.units[1]!.name);
  await panel.getByTestId('suggest-unit-2').click();
  await expect.poll(() => unit.textContent()).toContain(s.units[1]!.name);
  await expect(panel.getByTestId('suggest-unit-2').getAttribute('aria-pressed')).resolves.toBe('true');

  // A suggested category (the finer one when there is one) corrects the case's category, if it differs.
  const choices = [...s.deeper.map((x, i) => ({ ...x, testId: `suggest-deeper-${i + 1}` })), ...s.categories.map((x, i) => ({ ...x, testId: `suggest-category-${i + 1}` }))];
  const correction = choices.find((x) => x.categoryId !== c.category?.id);
  if (correction) {
    await panel.getByTestId(correction.testId).click();
    await expect.poll(() => page.getByTestId('action-category').textContent()).toContain(correction.path.split('/').pop()!);
    await page.getByText(/已更正（原分类：/).waitFor();
  }
  await screenshot(page, 'console-dispatch-suggestions');

  await page.getByTestId('action-modal-ok').click();
  await expect.poll(() => page.getByTestId('case-detail-state').textContent()).toContain('已派单');
  const after = await apiGet<CaseRow>(page, `/api/cases/${c.id}`);
  expect(after.lead?.id).toBe(s.units[1]!.orgId);
  expect(after.category?.id).toBe(correction ? correction.categoryId : c.category?.id);
  expect(errors).toEqual([]);
  await context.close();
});

test('智能派单建议 fits a phone', async () => {
  const { context, page, errors } = await signIn('dispatcher', { width: 390, height: 844 }, true);
  const { c } = await caseWithThreeUnits(page);
  await page.goto(`/console/cases/${c.id}`);
  await page.getByTestId('case-action-dispatch').click();
  await page.getByTestId('dispatch-suggestions').getByTestId('suggest-unit-3').waitFor();
  await screenshot(page, 'mobile-console-dispatch-suggestions');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const panelOverflow = await page.getByTestId('dispatch-suggestions').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(panelOverflow).toBeLessThanOrEqual(0);
  await page.getByTestId('action-modal-cancel').click();
  expect(errors).toEqual([]);
  await context.close();
});

test('the administrator turns auto-dispatch on at 95 %, sees it after a reload, and turns it off again', async () => {
  const { context, page, errors } = await signIn('admin');
  await page.goto('/console/dispatch/settings');
  const auto = page.getByTestId('dispatch-auto');
  const min = page.getByTestId('dispatch-min-confidence');
  await auto.waitFor();
  // Off by default.
  await expect(auto.getAttribute('aria-checked')).resolves.toBe('false');
  await expect(page.getByTestId('dispatch-auto-status').textContent()).resolves.toBe('已关闭');

  await auto.click();
  await min.fill('95');
  await page.getByTestId('dispatch-settings-save').click();
  await page.getByText('智能派单设置已保存').waitFor();
  await page.reload();
  await expect.poll(() => page.getByTestId('dispatch-auto').getAttribute('aria-checked')).toBe('true');
  await expect(page.getByTestId('dispatch-min-confidence').inputValue()).resolves.toBe('95');
  await expect(page.getByTestId('dispatch-auto-status').textContent()).resolves.toBe('已开启');
  expect(await apiGet<{ autoDispatch: boolean; minConfidence: number }>(page, '/api/dispatch/settings')).toMatchObject({ autoDispatch: true, minConfidence: 0.95 });

  // Off again, so the other browser tests' cases stay with the dispatchers.
  await page.getByTestId('dispatch-auto').click();
  await page.getByTestId('dispatch-settings-save').click();
  await expect.poll(async () => (await apiGet<{ autoDispatch: boolean }>(page, '/api/dispatch/settings')).autoDispatch).toBe(false);
  await expect.poll(() => page.getByTestId('dispatch-auto-status').textContent()).toBe('已关闭');
  expect(errors).toEqual([]);
  await context.close();
});
