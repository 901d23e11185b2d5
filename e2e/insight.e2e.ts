/**
 * 主动治理 in a real browser (issue #4): the dispatcher opens 热点分析 — the ECharts charts
 * draw, a click on an area or a state opens 工单中心 filtered by it and by the period, a hot
 * issue opens its cases, the charts redraw in English — and the page fits a phone; the
 * dispatcher acknowledges a warning with a note on 矛盾预警 and reads the rules, which an
 * administrator changes; a resident writing a matter like an open one nearby is shown it
 * (附近已有类似诉求) and may still submit, and the dispatcher merges the new case into the
 * old one from 疑似重复. Written against whatever the demo holds: counts are read, not assumed.
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

async function signIn(username: string, home: string, viewport?: { width: number; height: number }, mobile = false) {
  const context = await newContext(browser, inject('baseUrl'), viewport, mobile);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL(home);
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

interface Overview {
  from: string;
  to: string;
  total: number;
  areas: { id: number; name: string; count: number }[];
}

/** A write to the API with the page's session and its CSRF token (from /api/me). */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ p, b }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(p, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(b) });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { p: path, b: body },
  ) as Promise<T>;
}

/** Waits until an ECharts chart has drawn (SVG renderer) and returns its text. */
async function chartText(page: Page, testId: string): Promise<string> {
  const svg = page.getByTestId(testId).locator('svg');
  await svg.first().waitFor();
  await expect.poll(() => svg.first().locator('path').count()).toBeGreaterThan(0);
  return (await svg.first().textContent()) ?? '';
}

test('the dispatcher reads 热点分析: charts, drill-down to the case list, hot issues, 每月一题, English', async () => {
  const { context, page, errors } = await signIn('dispatcher', '**/console');

  // 主动治理 (open in the menu) → 热点分析
  await page.getByTestId('nav-dashboard').click();
  await page.waitForURL('**/console/insight');
  const overview = await apiGet<Overview>(page, '/api/insight/overview');
  expect(overview.total, 'the demo has cases in the last 90 days').toBeGreaterThan(0);
  await expect.poll(async () => (await page.getByTestId('insight-total').textContent())?.replace(/\D/g, '')).toBe(String(overview.total));
  // The period the server chose (the last 90 days) shows in the picker.
  const period = page.getByTestId('insight-filters').locator('.ant-picker-range input');
  await expect.poll(() => period.nth(0).inputValue()).toBe(overview.from.slice(0, 10));
  await expect(period.nth(1).inputValue()).resolves.toBe(overview.to.slice(0, 10));

  // Every chart draws, in Chinese.
  await expect(chartText(page, 'chart-trend-canvas')).resolves.toContain('新增');
  await chartText(page, 'chart-states-canvas');
  await chartText(page, 'chart-categories-canvas');
  const area = [...overview.areas].sort((a, b) => b.count - a.count).find((a) => a.count > 0);
  expect(area, 'the district has streets with cases').toBeTruthy();
  await expect(chartText(page, 'chart-areas-canvas')).resolves.toContain(area!.name);

  // Hot issues: a ranked list with sparklines, or (a demo too small for them) the empty state.
  await page.getByTestId('hot-issues').locator('[data-testid="hot-issues-list"], [data-testid="hot-issues-empty"]').first().waitFor();
  const issues = page.getByTestId('hot-issues-list').locator(':scope > li');
  const issueCount = await issues.count();
  if (issueCount > 0) {
    await issues.first().getByTestId('sparkline').waitFor();
    const label = (await issues.first().getByTestId('hot-issue-label').textContent())!;
    await screenshot(page, 'console-insight');
    // Open the first issue: its chart and its cases, each a link to the case.
    await issues.first().click();
    const drawer = page.getByTestId('topic-drawer');
    await drawer.locator('.ant-drawer-title', { hasText: label }).waitFor();
    await chartText(page, 'topic-series-chart');
    const link = drawer.locator('[data-testid^="brief-case-"]').first();
    const number = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/\/console\/cases\/\d+$/);
    await page.getByTestId('case-detail-page').locator('.gz-mono', { hasText: number }).first().waitFor();
    await page.goBack();
    await page.waitForURL('**/console/insight');
  } else {
    await expect(page.getByTestId('hot-issues-empty').textContent()).resolves.toContain('尚未形成热点问题');
    await screenshot(page, 'console-insight');
  }

  // 每月一题 over the last year: candidates with a drill-down, or the empty state.
  await page.goto('/console/insight?bucket=month');
  await page.getByTestId('insight-period').first().click();
  await page.locator('.ant-picker-presets li', { hasText: '近 365 天' }).click();
  await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&bucket=month/);
  await page.locator('[data-testid="monthly-topics"][aria-busy="false"]').waitFor();
  const topics = page.getByTestId('monthly-topics-table');
  await topics.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
  if ((await topics.locator('.ant-table-row').count()) > 0) {
    await page.getByTestId('monthly-topic-1-view').click();
    await page.getByTestId('topic-drawer').locator('[data-testid^="brief-case-"]').first().waitFor();
    await page.keyboard.press('Escape');
  } else {
    await topics.getByText('没有跨月反复出现的问题').waitFor();
  }
  await page.goto('/console/insight');
  await chartText(page, 'chart-areas-canvas');

  // A click on an area (its name on the axis) opens 工单中心 with the area and the period.
  await page.getByTestId('chart-areas-canvas').locator('svg text', { hasText: area!.name }).first().click();
  await page.waitForURL(/\/console\/cases\?/);
  const drilled = new URL(page.url()).searchParams;
  expect(Object.fromEntries(drilled)).toEqual({ box: 'all', nodeId: String(area!.id), from: overview.from.slice(0, 10), to: overview.to.slice(0, 10) });
  await page.getByTestId('case-table').locator('.ant-table-row').first().waitFor();
  await expect(page.getByTestId('case-filter-area').textContent()).resolves.toContain(area!.name);
  const days = page.getByTestId('case-filters').locator('.ant-picker-range input');
  await expect(days.nth(0).inputValue()).resolves.toBe(overview.from.slice(0, 10));
  await page.goBack();
  await page.waitForURL('**/console/insight');

  // A click on a state: the list of that state.
  await chartText(page, 'chart-states-canvas');
  await page.getByTestId('chart-states-canvas').locator('svg text', { hasText: '已结案' }).first().click();
  await page.waitForURL(/state=closed/);
  await page.getByTestId('case-table').locator('.ant-table-row').first().waitFor();
  await page.goBack();
  await page.waitForURL('**/console/insight');

  // In English the charts draw again with English words.
  await page.getByTestId('lang-en-US').click();
  await expect.poll(() => chartText(page, 'chart-trend-canvas')).toContain('Submitted');
  await expect.poll(() => chartText(page, 'chart-states-canvas')).toContain('Closed');
  await page.getByTestId('lang-zh-CN').click();
  await expect.poll(() => chartText(page, 'chart-trend-canvas')).toContain('新增');

  expect(errors).toEqual([]);
  await context.close();
});

test('热点分析 fits a phone', async () => {
  const { context, page, errors } = await signIn('dispatcher', '**/console', { width: 390, height: 844 }, true);
  await page.goto('/console/insight');
  await chartText(page, 'chart-trend-canvas');
  await chartText(page, 'chart-areas-canvas');
  await page.getByTestId('hot-issues').locator('[data-testid="hot-issues-list"], [data-testid="hot-issues-empty"]').first().waitFor();
  await screenshot(page, 'mobile-console-insight');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  await context.close();
});

interface WarningsPage {
  items: { id: number; actions: string[] }[];
}

test('the dispatcher acknowledges a warning with a note; the rules read in words, an administrator changes one', async () => {
  const { context, page, errors } = await signIn('dispatcher', '**/console');
  // The rules are checked when the server starts and every ten minutes: wait for the first check.
  await expect
    .poll(async () => (await apiGet<WarningsPage>(page, '/api/insight/warnings?status=open')).items.length, { timeout: 60_000, interval: 2_000 })
    .toBeGreaterThan(0);
  const open = await apiGet<WarningsPage>(page, '/api/insight/warnings?status=open');
  const warning = open.items.find((w) => w.actions.includes('acknowledge'));
  expect(warning, 'the dispatcher may acknowledge a demo warning').toBeTruthy();

  await page.getByTestId('nav-warnings').click();
  await page.waitForURL('**/console/insight/warnings');
  const row = page.getByTestId(`warning-${warning!.id}`);
  await row.waitFor();
  await expect(row.getByTestId('warning-kind').textContent()).resolves.toMatch(/重复反映|问题激增|不满意集中|群体性诉求/);
  await screenshot(page, 'console-warnings');

  // Its cases, each a link.
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByTestId(`warning-${warning!.id}-cases`).locator('[data-testid^="brief-case-"]').first().waitFor();

  // 确认 with a note: it leaves 待处置 and shows under 已确认 with the note.
  await page.getByTestId(`warning-${warning!.id}-acknowledge`).click();
  await page.getByTestId('warning-note').fill('已交街道综治中心研判');
  await page.getByTestId('warning-modal-ok').click();
  await row.waitFor({ state: 'detached' });
  await page.getByTestId('warnings-tab-acknowledged').click();
  await page.waitForURL(/status=acknowledged/);
  await page.getByTestId(`warning-${warning!.id}`).getByText('已交街道综治中心研判').waitFor();
  // Acknowledged, it may still be closed (and no longer acknowledged).
  await page.getByTestId(`warning-${warning!.id}-close`).waitFor();
  expect(await page.getByTestId(`warning-${warning!.id}-acknowledge`).count()).toBe(0);

  // The rules in words; the dispatcher may only read them.
  await page.getByTestId('nav-warningRules').click();
  await page.waitForURL('**/console/insight/warning-rules');
  await page.getByTestId('warning-rules-readonly').waitFor();
  await expect(page.getByTestId('rule-repeat_reporter-text').textContent()).resolves.toMatch(/同一居民 \d+ 天内反映 ≥ \d+ 件/);
  expect(await page.getByTestId('rule-repeat_reporter-form').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();

  // An administrator changes the group rule's days; the sentence follows; then puts it back.
  const admin = await signIn('admin', '**/console');
  await admin.page.goto('/console/insight/warning-rules');
  const days = admin.page.getByTestId('rule-group-days');
  await days.waitFor();
  const before = await days.inputValue();
  const changed = before === '45' ? '46' : '45';
  await days.fill(changed);
  await expect.poll(() => admin.page.getByTestId('rule-group-preview').textContent()).toContain(`${changed} 天内`);
  await admin.page.getByTestId('rule-group-save').click();
  await admin.page.getByText('预警规则已保存').waitFor();
  await screenshot(admin.page, 'console-warning-rules');
  await admin.page.reload();
  await expect.poll(() => admin.page.getByTestId('rule-group-days').inputValue()).toBe(changed);
  await admin.page.getByTestId('rule-group-days').fill(before);
  await admin.page.getByTestId('rule-group-save').click();
  await expect.poll(async () => (await apiGet<{ items: { kind: string; params: { days: number } }[] }>(admin.page, '/api/insight/warning-rules')).items.find((r) => r.kind === 'group')?.params.days).toBe(Number(before));
  expect(admin.errors).toEqual([]);
  await admin.context.close();
});

interface PublicCase {
  id: number;
  number: string;
  title: string;
  description: string;
  nodeId: number;
  state: string;
  submittedAt: string;
  version: number;
}

/** Open and shown to residents (the public list leaves out 待受理), so it can be followed and merged into. */
const OPEN_PUBLIC = ['accepted', 'dispatched', 'objected', 'signed', 'in_progress'];

/**
 * An open public case of the last 50 days in the resident's community (similar matters are
 * looked for there): one of the demo's, or — should the demo have none — one the resident
 * files and the dispatcher accepts.
 */
async function openCaseNearby(resident: Page, dispatcher: Page): Promise<PublicCase> {
  const me = await apiGet<{ grants: { role: string; nodeId: number }[] }>(resident, '/api/me');
  const grid = me.grants.find((g) => g.role === 'resident')!.nodeId;
  const nodes = new Map((await apiGet<{ items: { id: number; parentId: number | null }[] }>(resident, '/api/public/nodes')).items.map((n) => [n.id, n.parentId]));
  const community = nodes.get(grid)!;
  const near = (id: number) => id === community || nodes.get(id) === community;
  const list = await apiGet<{ items: PublicCase[] }>(resident, '/api/public/cases?limit=100');
  const demo = list.items.find((c) => near(c.nodeId) && OPEN_PUBLIC.includes(c.state) && Date.now() - Date.parse(c.submittedAt) < 50 * 86_400_000);
  if (demo) return demo;
  const filed = await apiPost<{ case: PublicCase }>(resident, '/api/cases', {
    type: 'complaint', title: '小区健身器材损坏无人维修', description: '小区中心花园的健身器材扭腰器和单杠损坏一个多月，存在安全隐患，希望尽快维修。', nodeId: grid, isPublic: true,
  });
  return apiPost<PublicCase>(dispatcher, `/api/cases/${filed.case.id}/accept`, { version: filed.case.version, reason: null });
}

test('a resident writing a matter like an open one nearby is shown it, still submits, and the dispatcher merges the duplicate', async () => {
  const resident = await signIn('resident', '**/m', { width: 390, height: 844 }, true);
  const m = resident.page;
  const d = await signIn('dispatcher', '**/console');
  const original = await openCaseNearby(m, d.page);

  await m.getByTestId('m-new').click();
  await m.waitForURL('**/m/new');
  const form = m.getByTestId('case-form');
  await form.waitFor();
  await form.getByTestId('case-title').fill(original.title);
  await form.getByTestId('case-description').fill(original.description);
  const box = m.getByTestId('similar-box');
  await box.getByTestId(`similar-${original.number}`).waitFor();
  await expect(box.textContent()).resolves.toContain('附近已有类似诉求');
  await box.scrollIntoViewIfNeeded();
  await screenshot(m, 'mobile-new-case-similar');

  // Not the same after all: submitting is still possible.
  await m.getByTestId('case-submit').click();
  const number = (await m.getByTestId('case-number').textContent())!.trim();
  expect(number).toMatch(/\d{8}-\d{6}/);
  expect(resident.errors).toEqual([]);
  await resident.context.close();

  // The dispatcher sees the original under 疑似重复 and merges the new case into it.
  await d.page.goto('/console/cases?box=to_dispatch');
  await d.page.getByTestId(`case-row-${number}`).click();
  await d.page.waitForURL(/\/console\/cases\/\d+$/);
  const similar = d.page.getByTestId(`similar-case-${original.number}`);
  await similar.waitFor();
  await expect(similar.getByTestId('similar-score').textContent()).resolves.toMatch(/相似度 \d+%/);
  await screenshot(d.page, 'console-case-similar');
  await d.page.getByTestId(`similar-merge-${original.number}`).click();
  await expect(d.page.getByTestId('action-merge-into').inputValue()).resolves.toBe(original.number);
  await d.page.getByTestId('action-modal-ok').click();
  await expect.poll(() => d.page.getByTestId('case-detail-state').textContent()).toContain('已合并');
  expect(d.errors).toEqual([]);
  await d.context.close();
});
