/**
 * The CI browser test of the issue: an administrator signs in, edits an organization's
 * name, and finds that edit in the audit log.
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

test('admin edits an organization and sees the edit in the audit log', async () => {
  const context = await newContext(browser, inject('baseUrl'));
  const page = await context.newPage();
  const errors = watchErrors(page);

  await login(page, 'admin', DEMO_PASSWORD);
  await page.waitForURL('**/console');
  await expect(page.getByTestId('user-name').textContent()).resolves.toBe('系统管理员');
  await page.getByTestId('console-home').waitFor();
  await screenshot(page, 'console-home');

  // 组织架构 → 组织
  await page.getByTestId('nav-organizations').click();
  await page.waitForURL('**/console/org/organizations');
  const table = page.getByTestId('org-table');
  const firstEdit = table.locator('[data-testid$="-edit"]').first();
  await firstEdit.waitFor();
  await screenshot(page, 'console-organizations');

  await firstEdit.click();
  const drawer = page.getByTestId('org-form');
  const nameInput = drawer.getByTestId('org-name');
  await nameInput.waitFor();
  const oldName = await nameInput.inputValue();
  expect(oldName).not.toBe('');
  const newName = `${oldName}（改）${Date.now() % 10000}`;
  await nameInput.fill(newName);
  await screenshot(page, 'console-organization-edit');
  await page.getByTestId('org-form-save').click();
  await drawer.waitFor({ state: 'hidden' });
  await table.getByText(newName, { exact: true }).waitFor();

  // 审计日志: the update is there, newest first, with the new name among its changes.
  await page.getByTestId('nav-audit').click();
  await page.waitForURL('**/console/audit');
  await page.getByTestId('audit-filter-action').locator('input').fill('org.organization.update');
  await page.getByTestId('audit-apply').click();
  const row = page.getByTestId('audit-table').locator('tr', { hasText: 'org.organization.update' }).first();
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain(newName);
  await expect(row.textContent()).resolves.toContain(oldName);
  await screenshot(page, 'console-audit');

  expect(errors).toEqual([]);
  await context.close();
});
