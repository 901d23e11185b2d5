/** The language switch turns the console's menu into English, and the choice survives a reload. */
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

test('switching to English changes the menu', async () => {
  const context = await newContext(browser, inject('baseUrl'));
  const page = await context.newPage();
  const errors = watchErrors(page);

  await login(page, 'admin', DEMO_PASSWORD);
  await page.waitForURL('**/console');
  await expect(page.getByTestId('nav-org').textContent()).resolves.toBe('组织架构');
  await expect(page.getByTestId('nav-audit').textContent()).resolves.toBe('审计日志');

  await page.getByTestId('lang-en-US').click();
  await page.getByTestId('nav-audit').getByText('Audit log').waitFor();
  await expect(page.getByTestId('nav-org').textContent()).resolves.toBe('Organization');
  await expect(page.getByTestId('nav-organizations').textContent()).resolves.toBe('Organizations');
  await page.getByTestId('console-home').getByText('Hello', { exact: false }).waitFor();
  await screenshot(page, 'console-home-en');

  // Kept in localStorage: still English after a reload.
  await page.reload();
  await page.getByTestId('nav-audit').getByText('Audit log').waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-US');

  expect(errors).toEqual([]);
  await context.close();
});
