/**
 * The 接诉即办 loop in a real browser, one person per step, each on their own screen:
 * a resident submits on a phone → the dispatcher dispatches → the grid worker of the
 * territorial unit signs and replies → the street cadre verifies and closes → the
 * resident rates 满意. Every step shows on the timeline of the next person to look.
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

/** Signs in as a staff member in a fresh desktop context and opens the case. */
async function staffOpens(username: string, caseId: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await newContext(browser, inject('baseUrl'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto(`/console/cases/${caseId}`);
  await page.getByTestId('case-detail-state').waitFor();
  return { page, errors, close: () => context.close() };
}

/** Clicks an action button, fills the modal's text if asked, confirms, and waits for the new state. */
async function act(page: Page, event: string, expectedState: string, message?: string): Promise<void> {
  await page.getByTestId(`case-action-${event}`).click();
  if (message) await page.getByTestId('action-message').fill(message);
  await page.getByTestId('action-modal-ok').click();
  await expect.poll(() => page.getByTestId('case-detail-state').textContent()).toContain(expectedState);
}

test('resident → dispatcher → handler → verifier → resident rates 满意', async () => {
  // 1. The resident reports a broken street lamp from a phone.
  const phone = await newContext(browser, inject('baseUrl'), { width: 390, height: 844 }, true);
  const m = await phone.newPage();
  const residentErrors = watchErrors(m);
  await login(m, 'resident', DEMO_PASSWORD);
  await m.waitForURL('**/m');
  await m.getByTestId('m-new').click();
  await m.getByTestId('case-type-complaint').click();
  await m.getByTestId('case-title').fill('小区门口路灯不亮');
  await m.getByTestId('case-description').fill('幸福社区东门路灯已经一周不亮了，晚上老人出行不安全。');
  await screenshot(m, 'mobile-new-case');
  await m.getByTestId('case-submit').click();
  const number = (await m.getByTestId('case-number').textContent())!.trim();
  expect(number).toMatch(/\d{8}-\d{6}/);
  await expect(m.getByTestId('tracking-code').textContent()).resolves.toMatch(/[0-9A-Z]{4}-/);
  await screenshot(m, 'mobile-case-submitted');

  // 2. The dispatcher finds it in 待派单 and dispatches it to the unit the responsibility list names.
  const d = await newContext(browser, inject('baseUrl'));
  const dp = await d.newPage();
  const dispatcherErrors = watchErrors(dp);
  await login(dp, 'dispatcher', DEMO_PASSWORD);
  await dp.waitForURL('**/console');
  await dp.goto('/console/cases?box=to_dispatch');
  await dp.getByTestId(`case-row-${number}`).click();
  await dp.waitForURL('**/console/cases/*');
  const caseId = dp.url().split('/').pop()!.split('?')[0]!;
  await dp.getByTestId('timeline-item-submit').waitFor();
  await screenshot(dp, 'console-case-to-dispatch');
  await act(dp, 'dispatch', '已派单');
  await dp.getByTestId('timeline-item-dispatch').waitFor();
  await d.close();

  // 3. The grid worker of 幸福社区居委会 signs for it and replies.
  const h = await staffOpens('gridworker', caseId);
  await h.page.getByTestId('timeline-item-dispatch').waitFor();
  await act(h.page, 'sign', '已签收');
  await act(h.page, 'reply', '已反馈', '已联系供电所更换灯泡，东门路灯恢复照明。');
  await h.page.getByTestId('timeline-item-reply').waitFor();
  await screenshot(h.page, 'console-case-replied');
  expect(h.errors).toEqual([]);
  await h.close();

  // 4. The street cadre verifies the reply and closes the case.
  const v = await staffOpens('cadre', caseId);
  await v.page.getByTestId('timeline-item-reply').waitFor();
  await act(v.page, 'verify_pass', '已核查');
  await act(v.page, 'close', '已结案');
  expect(v.errors).toEqual([]);
  await v.close();

  // 5. The resident sees every step and rates 满意.
  await m.goto(`/m/cases/${caseId}`);
  await m.getByTestId('timeline').waitFor();
  for (const event of ['submit', 'dispatch', 'sign', 'reply', 'verify_pass', 'close']) await m.getByTestId(`timeline-item-${event}`).first().waitFor();
  await m.getByTestId('rate-satisfied').click();
  await m.getByTestId('rate-resolved-yes').click();
  await m.getByTestId('rate-comment').fill('修得很快，谢谢！');
  const rated = m.waitForRequest((r) => r.url().endsWith(`/api/cases/${caseId}/rate`));
  await m.getByTestId('rate-submit').click();
  expect((await rated).postDataJSON()).toMatchObject({ rating: 'satisfied', resolved: true, comment: '修得很快，谢谢！' });
  await m.getByTestId('timeline-item-rate').first().waitFor();
  await screenshot(m, 'mobile-case-rated');
  const overflow = await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  expect(dispatcherErrors).toEqual([]);
  expect(residentErrors).toEqual([]);
  await phone.close();
});
