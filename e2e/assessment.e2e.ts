/**
 * 考核指标 in a real browser: the assessor opens 党建考核 → 考核指标 and reads every indicator of
 * the demo district over the last 12 months (the demo's history of real messages) with its
 * value, numerator / denominator and definition, and 三率 by month; the figures are the API's;
 * changing the weight of 基本满意 changes 满意率 and the address; English; a phone.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo-logins.js';
import { launchBrowser, login, newContext, screenshot, watchErrors } from './helpers/browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Figures {
  area: { id: number };
  indicators: Array<{ key: string; numerator: number; denominator: number; value: number | null }>;
}

test('the assessor reads the indicators of the district with their definitions and the 三率 trend', async () => {
  const context = await newContext(browser, inject('baseUrl'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, 'assessor', DEMO_PASSWORD);
  await page.waitForURL('**/console');

  const answer = page.waitForResponse((r) => r.url().includes('/api/assessment/figures'));
  await page.getByTestId('nav-assessment').click();
  await page.getByTestId('nav-figures').click();
  await page.waitForURL('**/console/assessment');
  const figures = (await (await answer).json()) as Figures;
  const satisfaction = figures.indicators.find((i) => i.key === 'satisfactionRate')!;
  expect(satisfaction.denominator).toBeGreaterThan(1000); // the demo's rated history

  const card = page.getByTestId('indicator-satisfactionRate');
  await expect.poll(() => card.textContent()).toContain('满意率');
  await expect(card.textContent()).resolves.toContain(`${(satisfaction.value! * 100).toFixed(1)}%`);
  await expect(page.getByTestId('indicator-satisfactionRate-ratio').textContent()).resolves.toBe(`${satisfaction.numerator.toLocaleString('zh-CN')} / ${satisfaction.denominator.toLocaleString('zh-CN')}`);
  await expect(card.textContent()).resolves.toContain('基本满意');
  await expect(page.getByTestId('assessment-indicators').locator('[data-testid$="-ratio"]').count()).resolves.toBe(figures.indicators.length);
  await expect(page.getByTestId('indicator-responseRate').textContent()).resolves.toContain('响应率');
  await page.getByTestId('assessment-trend').locator('svg').waitFor();
  await expect(page.getByTestId('assessment-trend').locator('svg text').allTextContents()).resolves.toContain('满意率');
  await screenshot(page, 'console-assessment');

  // 基本满意 counted as 0.5: 满意率 falls, and the address keeps the weight.
  const weight = page.locator('input[data-testid="assessment-weight"], [data-testid="assessment-weight"] input');
  await weight.fill('0.5');
  await weight.press('Enter');
  await page.waitForURL(/basicWeight=0\.5/);
  await expect.poll(async () => Number(await card.getAttribute('data-value'))).toBeLessThan(satisfaction.value!);

  await page.getByTestId('lang-en-US').click();
  await expect.poll(() => card.textContent()).toContain('Satisfaction rate');
  expect(errors).toEqual([]);
  await context.close();
});

test('考核指标 fits a phone', async () => {
  const context = await newContext(browser, inject('baseUrl'), { width: 390, height: 844 }, true);
  const page = await context.newPage();
  await login(page, 'assessor', DEMO_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/console/assessment');
  await page.getByTestId('indicator-responseRate').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'mobile-console-assessment');
  await context.close();
});
