/**
 * 问责 in a real browser, on the demo district: the discipline inspector records a measure
 * (诫勉) on the demo cadre 王建国 → the cadre finds it under 我的问责记录 and appeals → the
 * inspector reviews the appeal (变更决定) and the cadre sees the outcome. Then the inspector
 * opens a 问责复核事项 the demo seeded (a failing scorecard of 刘洋), escalates it with the
 * prefilled record form, and the record carries the item as its ground.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo-logins.js';
import { choose, launchBrowser, login, newContext, screenshot, watchErrors } from './helpers/browser.js';

let browser: Browser;
/** How long a page may take to show what the server answered (lazy chunks, refetches). */
const WAIT = { timeout: 15_000 };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function staff(username: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, inject('baseUrl'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL('**/console');
  return { context, page, errors };
}

test('an inspector records 诫勉 on a cadre; the cadre appeals once; the inspector reviews it', async () => {
  const inspector = await staff('inspector');
  const ip = inspector.page;
  // The 问责管理 group of the menu is open from the start.
  await ip.getByTestId('nav-records').click();
  await ip.getByTestId('acc-records-page').waitFor();

  await ip.getByTestId('acc-record-new').click();
  await choose(ip, 'acc-person', '王建国', true);
  await choose(ip, 'acc-measure', '诫勉');
  await ip.getByTestId('acc-ground-ref-0').fill('20261101-000001');
  await ip.getByTestId('acc-summary').fill('分管领域多件群众诉求超期未办结，经提醒后仍未整改，予以诫勉。');
  await ip.getByTestId('acc-decided-by').fill('青川区纪委监委');
  await screenshot(ip, 'console-accountability-record-form');
  await ip.getByTestId('acc-record-form-save').click();
  await ip.waitForURL('**/console/accountability/records/*');
  const recordId = Number(new URL(ip.url()).pathname.split('/').pop());
  await expect(ip.getByTestId('acc-record-person').textContent()).resolves.toBe('王建国');
  await expect(ip.getByTestId('acc-measure-tag').textContent()).resolves.toContain('诫勉');
  await expect(ip.getByTestId('acc-review-open').count()).resolves.toBe(0);

  // The cadre finds it under 我的问责记录 (the account menu) and appeals it, once.
  const cadre = await staff('cadre');
  const cp = cadre.page;
  await cp.getByTestId('user-menu').click();
  await cp.getByTestId('menu-my-accountability').click();
  const card = cp.getByTestId(`acc-mine-${recordId}`);
  await card.waitFor();
  await card.getByTestId('acc-appeal-open').click();
  await cp.getByTestId('acc-appeal-text').fill('超期工单系上级部门派单延误所致，本人已多次督办，请求复查。');
  await cp.getByTestId('acc-appeal-ok').click();
  await expect.poll(() => card.getByTestId('acc-appeal-state').getAttribute('data-state'), WAIT).toBe('pending');
  await expect(card.getByTestId('acc-appeal-open').count()).resolves.toBe(0);
  await screenshot(cp, 'console-accountability-mine');

  // The inspector reviews the pending appeal: the decision is changed.
  await ip.reload();
  await ip.getByTestId('acc-review-open').click();
  await ip.getByTestId('acc-outcome-changed').click();
  await ip.getByTestId('acc-review-note').fill('经复查，部分超期系派单延误，改为谈话提醒。');
  await ip.getByTestId('acc-review-ok').click();
  await expect.poll(() => ip.getByTestId('acc-appeal-state').getAttribute('data-state'), WAIT).toBe('changed');
  await expect(ip.getByTestId('acc-review-open').count()).resolves.toBe(0);

  await cp.reload();
  await expect.poll(() => cp.getByTestId(`acc-mine-${recordId}`).getByTestId('acc-appeal-state').getAttribute('data-state'), WAIT).toBe('changed');
  await expect(cp.getByTestId(`acc-mine-${recordId}`).getByTestId('acc-review-note-shown').textContent()).resolves.toContain('改为谈话提醒');

  expect(inspector.errors).toEqual([]);
  expect(cadre.errors).toEqual([]);
  await Promise.all([inspector.context.close(), cadre.context.close()]);
});

test('a review item is escalated into a record with the item as its ground', async () => {
  const inspector = await staff('inspector');
  const ip = inspector.page;
  await ip.goto('/console/accountability/review-items');
  await ip.getByTestId('acc-items-page').waitFor();

  // Evaluating the last month again opens nothing twice (the demo's cases are all recent).
  await ip.getByTestId('acc-evaluate').click();
  await ip.getByTestId('acc-evaluate-ok').click();
  await ip.locator('.ant-message', { hasText: '评估完成' }).waitFor();

  await screenshot(ip, 'console-accountability-review-items');
  await ip.locator('[data-testid^="acc-item-"]', { hasText: '刘洋' }).first().click();
  await ip.waitForURL('**/console/accountability/review-items/*');
  const itemUrl = ip.url();
  await expect(ip.getByTestId('acc-item-state').getAttribute('data-state')).resolves.toBe('open');
  await expect(ip.getByTestId('acc-item-figure').textContent()).resolves.toBe('58 < 60');
  await screenshot(ip, 'console-accountability-review-item');

  await ip.getByTestId('acc-escalate').click();
  // Prefilled: the item's person (locked) and a first summary.
  await expect(ip.getByTestId('acc-record-form').locator('.ant-select-disabled', { hasText: '刘洋' }).count()).resolves.toBe(1);
  await expect(ip.getByTestId('acc-summary').inputValue()).resolves.toContain('考核不合格');
  await choose(ip, 'acc-measure', '谈话提醒');
  await ip.getByTestId('acc-decided-by').fill('青川区纪委监委');
  await ip.getByTestId('acc-record-form-save').click();
  await ip.waitForURL('**/console/accountability/records/*');
  await expect(ip.getByTestId('acc-record-person').textContent()).resolves.toBe('刘洋');
  await expect(ip.getByTestId('acc-ground').first().textContent()).resolves.toContain('复核事项');

  await ip.goto(itemUrl);
  await expect.poll(() => ip.getByTestId('acc-item-state').getAttribute('data-state'), WAIT).toBe('escalated');
  await expect(ip.getByTestId('acc-escalate').count()).resolves.toBe(0);
  await ip.getByTestId('acc-item-record').waitFor();

  // The thresholds that open items: the four triggers, for the deployment.
  await ip.goto('/console/accountability/settings');
  const rows = ip.getByTestId('acc-settings-page').locator('tr.ant-table-row');
  await rows.nth(3).waitFor();
  await expect(rows.count()).resolves.toBe(4);
  await screenshot(ip, 'console-accountability-settings');

  expect(inspector.errors).toEqual([]);
  await inspector.context.close();
});
