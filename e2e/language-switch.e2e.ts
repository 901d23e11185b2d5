/** The language switch turns the console's menu into English, and the choice survives a reload. */
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

/**
 * The longest animation or transition (in seconds) any element runs while the user menu opens:
 * each element antd's motion marks (`…-appear`, `…-enter`) is read as it is marked.
 */
async function motionWhileOpeningUserMenu(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { longestMotion: number };
    w.longestMotion = 0;
    const seconds = (list: string) => Math.max(...list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1)));
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (![...(el.classList ?? [])].some((c) => /-(appear|enter)(-|$)/.test(c))) continue;
        const style = getComputedStyle(el);
        w.longestMotion = Math.max(w.longestMotion, seconds(style.animationDuration), seconds(style.transitionDuration));
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-change-password').waitFor();
  await page.waitForTimeout(600); // longer than antd's slowest menu motion (0.3 s)
  return page.evaluate(() => (window as unknown as { longestMotion: number }).longestMotion);
}

test('a user who asked the system for less motion gets no animations; others do', async () => {
  const context = await newContext(browser, inject('baseUrl'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, 'admin', DEMO_PASSWORD);
  await page.waitForURL('**/console');

  // The tests' contexts ask for reduced motion.
  await expect(motionWhileOpeningUserMenu(page)).resolves.toBe(0);

  // The same page for someone who did not ask: the menu slides open.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.reload();
  await page.getByTestId('user-menu').waitFor();
  await expect(motionWhileOpeningUserMenu(page)).resolves.toBeGreaterThan(0.1);

  expect(errors).toEqual([]);
  await context.close();
});
