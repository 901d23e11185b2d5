/**
 * Chromium through playwright-core, using Debian's /usr/bin/chromium (no browser download),
 * and small helpers the tests share.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './server.js';

export const CHROMIUM = process.env.GONGZHI_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = join(repoRoot, '.tmp', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh context (no cookies, no localStorage) in Chinese, Shanghai time, as a user there would
 * have. It asks for reduced motion, which the console honours by turning antd's animations off:
 * a click on an option that lands while a list is still sliding open then cannot miss.
 */
export async function newContext(browser: Browser, baseURL: string, viewport = { width: 1440, height: 900 }, mobile = false): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: mobile ? 2 : 1,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Collects uncaught page errors and console errors, so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A 401 from /api/me on the sign-in page is an answer, but Chromium logs every failed request.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-name').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Picks the option showing `text` in the antd select with `testId` (typing it first into a
 * searching select), and waits until the select shows it chosen.
 */
export async function choose(page: Page, testId: string, text: string, type = false): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  if (type) await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await expect.poll(() => select.textContent()).toContain(text);
}
