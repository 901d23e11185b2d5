/**
 * 信访 in a real browser, on the demo district: the demo resident files a 网上信访 from a phone
 * → the registrar (派单员, district) registers it and 转送 it to the 城管委 → its staff accept
 * it and conclude with a 处理意见 (部分支持) → the resident reads the answer on the phone and
 * asks for 复查 → the registrar answers the 复查 (维持) and the resident sees it. Then the
 * registrar records a group visit: 6 representatives are refused on the field with the
 * statute's words, 5 are recorded.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo-logins.js';
import { choose, launchBrowser, login, newContext, screenshot, watchErrors } from './helpers/browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };

async function signIn(username: string, mobile = false): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, inject('baseUrl'), mobile ? PHONE : undefined, mobile);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL(mobile ? '**/m' : '**/console');
  return { context, page, errors };
}

/** One action through its modal; waits for the state the server answers. */
async function act(page: Page, action: string, state: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`petition-action-${action}`).click();
  await page.getByTestId('petition-action-ok').waitFor();
  if (fill) await fill(page);
  await page.getByTestId('petition-action-ok').click();
  await expect.poll(() => page.getByTestId('petition-state').getAttribute('data-state')).toBe(state);
}

/** Opens a petition from the console list by its number. */
async function openPetition(page: Page, number: string): Promise<void> {
  await page.goto('/console/petitions');
  await page.getByTestId(`petition-row-${number}`).click();
  await page.getByTestId('petition-state').waitFor();
}

test('网上信访 → 登记转送 → 受理 → 办结 → the resident asks for 复查 → 复查意见', async () => {
  // 1. The resident files on a phone, from the home page.
  const resident = await signIn('resident', true);
  const rp = resident.page;
  await rp.getByTestId('home-petition-new').click();
  await rp.getByTestId('new-petition-title').fill('小区消防通道被长期占用');
  await rp.getByTestId('new-petition-content').fill('5号楼北侧消防通道被私家车长期占用，多次向物业反映无果，存在安全隐患，请求依法处理。');
  await rp.getByTestId('new-petition-phone').fill('13800138000');
  await screenshot(rp, 'mobile-petition-new');
  await rp.getByTestId('new-petition-submit').click();
  await rp.waitForURL('**/m/petitions/*');
  const number = (await rp.getByTestId('my-petition-number').textContent())!.trim();
  expect(number).toMatch(/^XF\d{8}-\d{4}$/);
  await expect(rp.getByTestId('my-petition-state').getAttribute('data-state')).resolves.toBe('received');

  // 2. The registrar sees it with its 15-day clock, and routes it to the 城管委.
  const registrar = await signIn('dispatcher');
  const gp = registrar.page;
  await gp.getByTestId('nav-petitions').click();
  await gp.getByTestId('petitions-page').waitFor();
  await expect(gp.getByTestId(`petition-clock-${number}`).getAttribute('data-clock')).resolves.toBe('register');
  await screenshot(gp, 'console-petitions');
  await gp.getByTestId(`petition-row-${number}`).click();
  await gp.getByTestId('petition-state').waitFor();
  await act(gp, 'register', 'routed', async (p) => {
    await choose(p, 'petition-field-orgId', '城市管理委员会', true);
  });
  await expect(gp.getByTestId('petition-handler').textContent()).resolves.toContain('城市管理委员会');
  await expect(gp.getByTestId('petition-clock').getAttribute('data-clock')).resolves.toBe('objection');

  // 3. The 城管委's staff accept it (60 days start) and conclude with a 处理意见.
  const handler = await signIn('deptstaff');
  const hp = handler.page;
  await openPetition(hp, number);
  await act(hp, 'accept', 'accepted');
  await expect(hp.getByTestId('petition-clock').getAttribute('data-clock')).resolves.toBe('conclude');
  await act(hp, 'conclude', 'concluded', async (p) => {
    await p.getByTestId('petition-opinion-partial').click();
    await p.getByTestId('petition-field-text').fill('已对占用车辆贴单告知并安装阻车桩；物业管理问题已转房管部门督促整改。');
  });
  await screenshot(hp, 'console-petition-detail');

  // 4. The resident reads the answer and asks for 复查 within 30 days.
  await rp.reload();
  await expect(rp.getByTestId('my-petition-opinion').textContent()).resolves.toContain('安装阻车桩');
  await rp.getByTestId('my-petition-request-text').fill('占用情况夜间仍然存在，请求复查。');
  await screenshot(rp, 'mobile-petition-answer');
  await rp.getByTestId('my-petition-request-submit').click();
  await expect.poll(() => rp.getByTestId('my-petition-state').getAttribute('data-state')).toBe('review_requested');
  await expect(rp.getByTestId('my-petition-request').count()).resolves.toBe(0);

  // 5. The level above the 城管委 (the district's registrar) answers the 复查.
  await openPetition(gp, number);
  await act(gp, 'answer_review', 'reviewed', async (p) => {
    await p.getByTestId('petition-outcome-upheld').click();
    await p.getByTestId('petition-field-text').fill('经复查，原处理意见已落实，维持。');
  });
  await expect(gp.getByTestId('petition-review-review-answer').textContent()).resolves.toContain('维持');
  await rp.reload();
  await expect(rp.getByTestId('petition-review-review-answer').textContent()).resolves.toContain('原处理意见已落实');
  // The resident's timeline has no staff names or internal entries.
  await expect(rp.getByTestId('petition-timeline').textContent()).resolves.not.toContain('李娜');

  for (const errors of [resident.errors, registrar.errors, handler.errors]) expect(errors).toEqual([]);
  for (const c of [resident.context, registrar.context, handler.context]) await c.close();
});

test('a group visit of more than 5 representatives is refused; 5 are recorded', async () => {
  const registrar = await signIn('dispatcher');
  const page = registrar.page;
  await page.goto('/console/petitions');
  await page.getByTestId('petition-record').click();
  await page.getByTestId('petition-channel-visit').click();
  await page.getByTestId('petition-record-title').fill('村民集体反映征地补偿标准');
  await page.getByTestId('petition-record-content').fill('村民认为征地补偿标准低于公布的区片综合地价，集体来访。');
  await page.getByTestId('petition-record-name').fill('钱某某');
  await page.getByTestId('petition-record-phone').fill('13912345678');
  await page.getByTestId('petition-record-representatives').fill('6');
  await page.getByTestId('petition-record-ok').click();
  const field = page.locator('.ant-form-item-explain-error', { hasText: '不超过 5 人' });
  await field.waitFor();
  await screenshot(page, 'console-petition-visit-refused');
  await page.getByTestId('petition-record-representatives').fill('5');
  await page.getByTestId('petition-record-ok').click();
  await page.waitForURL('**/console/petitions/*');
  await expect(page.getByTestId('petition-state').getAttribute('data-state')).resolves.toBe('received');
  await expect(page.getByTestId('petition-petitioner').textContent()).resolves.toContain('13912345678');
  expect(registrar.errors).toEqual([]);
  await registrar.context.close();
});
