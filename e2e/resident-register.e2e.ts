/** A resident registers on a phone-sized screen and lands on the mobile home page. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, screenshot, watchErrors } from './helpers/browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('a resident registers with a phone number and lands on /m', async () => {
  const context = await newContext(browser, inject('baseUrl'), { width: 390, height: 844 }, true);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const phone = `139${String(Date.now()).slice(-8)}`;

  await page.goto('/login');
  await page.getByTestId('register-link').click();
  await page.waitForURL('**/register');
  await page.getByTestId('register-phone').fill(phone);
  await page.getByTestId('register-name').fill('王女士');
  await screenshot(page, 'mobile-register');
  // Community, then grid, in the cascader.
  await page.getByTestId('register-area').click();
  const firstColumn = page.locator('.ant-cascader-menu').first();
  await firstColumn.locator('.ant-cascader-menu-item').first().click();
  await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item').first().click();
  await page.getByTestId('register-password').fill('Juming#2026');
  await page.getByTestId('register-submit').click();

  await page.waitForURL('**/m');
  await page.getByTestId('mobile-home').waitFor();
  await expect(page.getByTestId('mobile-greeting').textContent()).resolves.toContain('王女士');
  await expect(page.getByTestId('home-new').isVisible()).resolves.toBe(true);
  // Nothing wider than the screen: no sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'mobile-home');

  expect(errors).toEqual([]);
  await context.close();
});
