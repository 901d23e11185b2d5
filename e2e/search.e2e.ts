/**
 * 全文检索 and 检索词典 in a real browser (issue #4 point 7): the dispatcher searches the demo
 * cases for 垃圾, sees the word marked in the excerpts, narrows by state through the address,
 * opens a case and comes back to the same search; a refused query shows the server's message
 * in the current language; the page fits a phone. An administrator adds a word to the search
 * dictionary, is told a second time that it is there already, and removes it; the dispatcher
 * sees the dictionary without the add and remove controls.
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

/** Waits until the results on screen are the server's answer to `q` (not the previous search's). */
async function resultsFor(page: Page, q: string): Promise<void> {
  await page.locator(`[data-testid="case-search-results"][data-query="${q}"][aria-busy="false"]`).waitFor();
}

async function signIn(username: string, viewport?: { width: number; height: number }, mobile = false) {
  const context = await newContext(browser, inject('baseUrl'), viewport, mobile);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL('**/console');
  return { context, page, errors };
}

test('the dispatcher searches 垃圾, sees it marked, opens a case and comes back to the search', async () => {
  const { context, page, errors } = await signIn('dispatcher');

  // 接诉即办 → 全文检索: nothing searched yet.
  await page.getByTestId('nav-search').click();
  await page.waitForURL('**/console/cases/search');
  await page.getByTestId('case-search-idle').waitFor();
  // The search box (the test id is on antd's wrapper of the input and its button).
  const box = page.getByTestId('case-search-input').locator('input');

  await box.fill('垃圾');
  await box.press('Enter');
  await page.waitForURL(/\/console\/cases\/search\?q=/);
  expect(new URL(page.url()).searchParams.get('q')).toBe('垃圾');
  await resultsFor(page, '垃圾');
  const hits = page.getByTestId('case-search-hits').locator(':scope > li');
  expect(await hits.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('case-search-total').textContent()).resolves.toMatch(/找到 \d+ 件/);
  // Every hit marks the word it was found by; the marks are elements, not markup in text.
  const first = hits.first();
  await expect(first.locator('mark').first().textContent()).resolves.toBe('垃圾');
  expect(await first.getByTestId('search-hit-excerpt').innerHTML()).not.toContain('&lt;mark');
  await screenshot(page, 'console-case-search');

  // Filters in the address (a shared link): the pickers show them; clearing them leaves the words.
  await page.goto('/console/cases/search?q=垃圾&state=closed&from=2000-01-01&to=2099-12-31');
  await resultsFor(page, '垃圾');
  await expect(page.getByTestId('case-search-state').textContent()).resolves.toContain('已结案');
  const days = page.getByTestId('case-search-filters').locator('.ant-picker-range input');
  await expect(days.nth(0).inputValue()).resolves.toBe('2000-01-01');
  await expect(days.nth(1).inputValue()).resolves.toBe('2099-12-31');
  await page.getByTestId('case-search-clear-filters').click();
  await page.waitForURL((url) => url.search === `?q=${encodeURIComponent('垃圾')}`);
  await expect.poll(() => days.nth(0).inputValue()).toBe('');
  await page.goBack();
  await page.waitForURL(/state=closed/);
  await resultsFor(page, '垃圾');
  const states = await page.getByTestId('search-hit-state').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-state')));
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['closed']));

  // Open the first match, then the back button returns to the same search.
  const title = (await hits.first().getByTestId('search-hit-link').textContent())!;
  const caseId = await hits.first().getAttribute('data-case-id');
  await hits.first().getByTestId('search-hit-link').click();
  await page.waitForURL(`**/console/cases/${caseId}`);
  await page.getByTestId('case-detail-page').locator('h3', { hasText: title }).waitFor();
  await page.goBack();
  await page.waitForURL(/\/console\/cases\/search\?q=/);
  await resultsFor(page, '垃圾');
  await expect(box.inputValue()).resolves.toBe('垃圾');
  expect(new URL(page.url()).searchParams.get('state')).toBe('closed');

  // Nothing found.
  await box.fill('量子纠缠望远镜');
  await box.press('Enter');
  await page.getByTestId('case-search-empty').waitFor();
  await expect(page.getByTestId('case-search-empty').textContent()).resolves.toContain('没有找到与“量子纠缠望远镜”相关的工单');

  // A query the server refuses (longer than 100 characters): its problem message, in Chinese, then in English.
  await page.goto(`/console/cases/search?q=${'垃'.repeat(101)}`);
  const alert = page.getByTestId('problem-alert');
  await alert.getByText('提交的数据不符合要求', { exact: false }).waitFor();
  await page.getByTestId('lang-en-US').click();
  await alert.getByText('The submitted data is invalid', { exact: false }).waitFor();
  await page.getByTestId('lang-zh-CN').click();
  await alert.getByText('提交的数据不符合要求', { exact: false }).waitFor();

  expect(errors).toEqual([]);
  await context.close();
});

test('the search page fits a phone', async () => {
  const { context, page, errors } = await signIn('dispatcher', { width: 390, height: 844 }, true);
  await page.goto('/console/cases/search?q=垃圾');
  await resultsFor(page, '垃圾');
  await page.getByTestId('case-search-hits').locator('mark').first().waitFor();
  await screenshot(page, 'mobile-console-case-search');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('an administrator adds a word to the search dictionary, is refused a duplicate, and removes it', async () => {
  const admin = await signIn('admin');
  const page = admin.page;
  const word = `便民服务圈${Date.now() % 100000}`;

  // 接诉即办配置 → 检索词典
  await page.getByTestId('nav-cases-admin').click();
  await page.getByTestId('nav-searchTerms').click();
  await page.waitForURL('**/console/cases-admin/search-terms');
  await expect(page.getByTestId('search-terms-effect').textContent()).resolves.toContain('gongzhi search-reindex');

  // Refused before it is sent: a space.
  const input = page.getByTestId('search-term-word');
  const form = page.getByTestId('search-term-form');
  await input.fill('便民 服务');
  await page.getByTestId('search-term-add').click();
  await form.getByText('词语中不能有空格').waitFor();

  await input.fill(word);
  await page.getByTestId('search-term-add').click();
  await page.getByTestId(`search-term-${word}`).waitFor();
  await expect(input.inputValue()).resolves.toBe('');

  // The dispatcher reads the dictionary but may not change it.
  const dispatcher = await signIn('dispatcher');
  await dispatcher.page.goto('/console/cases-admin/search-terms');
  await dispatcher.page.getByTestId(`search-term-${word}`).waitFor();
  await dispatcher.page.getByTestId('search-terms-readonly').waitFor();
  expect(await dispatcher.page.getByTestId('search-term-form').count()).toBe(0);
  expect(await dispatcher.page.getByTestId(`search-term-${word}-delete`).count()).toBe(0);
  expect(dispatcher.errors).toEqual([]);
  await dispatcher.context.close();

  // The same word again: the server's problem, under the field.
  await input.fill(word);
  await page.getByTestId('search-term-add').click();
  await form.getByText('检索词典中已有该词').waitFor();
  await screenshot(page, 'console-search-terms');

  // Remove it, confirming first.
  await page.getByTestId(`search-term-${word}-delete`).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '是' }).click();
  await page.getByTestId(`search-term-${word}`).waitFor({ state: 'detached' });

  expect(admin.errors).toEqual([]);
  await admin.context.close();
});
