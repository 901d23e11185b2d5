/**
 * 监督举报 in a real browser: a reporter with no account files an anonymous report on a phone
 * and gets the receipt once → the discipline inspector accepts it, disposes of it (初步核实)
 * and asks a question → the reporter, back with the receipt, answers → the inspector
 * concludes and closes → the reporter sees the conclusion. Then a real-name report whose
 * reporter's identity the inspector sees only after the custodian approves.
 *
 * Throughout: the receipt never reaches the address bar, the browser's storage or cookies,
 * and every supervision API answer is `Cache-Control: no-store`.
 *
 * The anonymous report goes with a text file (multipart): the inspector sees it with the
 * report and downloads it; the reporter later adds a photo alone as material and sees both
 * listed. The inspector's key is ready (no notice), the report's clocks show, and 回避 is
 * refused while nobody else at the level holds the report.
 *
 * A report is sealed only to inspectors (and custodians) who have keys; an inspector's keys
 * are made when they sign in (the demo seeds its inspector's and custodian's), so they sign in
 * before anything is filed either way.
 */
import { readFile } from 'node:fs/promises';
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

/** A phone with no session, recording every address it shows and every supervision API answer. */
interface Answer {
  url: string;
  status: number;
  cacheControl: string | undefined;
  cookie: string | undefined;
  /** The request's content type (JSON, or multipart with files). */
  sentAs: string | undefined;
}

async function reporterPhone(): Promise<{ context: BrowserContext; page: Page; errors: string[]; urls: string[]; answers: Answer[] }> {
  const context = await newContext(browser, inject('baseUrl'), PHONE, true);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const urls: string[] = [];
  const answers: Answer[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/supervision/')) return;
    const request = response.request();
    answers.push({ url: response.url(), status: response.status(), cacheControl: response.headers()['cache-control'], cookie: request.headers()['cookie'], sentAs: request.headers()['content-type'] });
  });
  return { context, page, errors, urls, answers };
}

/** Signs a staff member in, in a desktop context of their own (which makes their keys). */
async function staff(username: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, inject('baseUrl'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL('**/console');
  return { context, page, errors };
}

/** The receipt shown after filing: four groups of four, returned as the 16 digits. */
async function readReceipt(page: Page): Promise<string> {
  const shown = (await page.getByTestId('sv-receipt').textContent())!.trim();
  expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  await expect(page.getByTestId('sv-receipt-warning').textContent()).resolves.toContain('请妥善保存回执码，丢失后无法找回；平台不保存可还原的回执码');
  return shown.replaceAll(' ', '');
}

/** Nothing the browser keeps holds the receipt: not the addresses shown, storage or cookies. */
async function expectReceiptNowhere(context: BrowserContext, page: Page, urls: readonly string[], receipt: string): Promise<void> {
  const grouped = receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
  for (const url of [...urls, page.url()]) {
    const plain = decodeURIComponent(url).replace(/[\s-]/g, '');
    expect(plain, url).not.toContain(receipt);
  }
  const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
  expect(stored.replace(/[\s-]/g, '')).not.toContain(receipt);
  expect(stored).not.toContain(grouped);
  for (const c of await context.cookies()) expect(c.value.replace(/[\s-]/g, '')).not.toContain(receipt);
}

/** Opens the newest report sealed to the inspector (the list is newest first). */
async function openNewestReport(page: Page): Promise<void> {
  await page.goto('/console/supervision/reports');
  await page.locator('[data-testid^="sv-row-"]').first().click();
  await page.waitForURL('**/console/supervision/reports/*');
  await page.getByTestId('sv-detail-state').waitFor();
}

/** One action through its modal; waits for the state the server answers. */
async function act(page: Page, event: string, expectedState: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`sv-action-${event}`).click();
  await page.getByTestId('sv-action-ok').waitFor();
  if (fill) await fill(page);
  await page.getByTestId('sv-action-ok').click();
  await expect.poll(() => page.getByTestId('sv-detail-state').getAttribute('data-state')).toBe(expectedState);
}

/** A small text file as evidence, and a 1×1 PNG photo. */
const EVIDENCE = { name: '转账记录.txt', mimeType: 'text/plain', buffer: Buffer.from('2026-02-14 微信转账 2000 元，收款人：某某科长\n') };
const PHOTO = { name: '收据照片.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64') };

/** Enters the receipt on the follow-up page (as typed: any grouping) and waits for the report. */
async function followUp(page: Page, typed: string): Promise<void> {
  await page.getByTestId('sv-receipt-input').fill(typed);
  await page.getByTestId('sv-receipt-submit').click();
  await page.getByTestId('sv-status').waitFor();
}

test('anonymous report: filed without an account → 受理 → 处置 (初步核实) → question ⇄ answer → 办结 → 结案', async () => {
  // The inspector signs in first: that makes the keys the report is sealed to.
  const inspector = await staff('inspector');
  await inspector.page.getByTestId('nav-supervision').waitFor();

  // 1. A reporter with no account files from a phone; anonymous is the default.
  const r = await reporterPhone();
  await r.page.goto('/m/supervision/report');
  const reportUrl = r.page.url();
  await expect(r.page.getByTestId('sv-anonymous').getAttribute('aria-checked')).resolves.toBe('true');
  await r.page.getByTestId('sv-accused').fill('东城街道 某某科长');
  await r.page.getByTestId('sv-content').fill('2026年2月在办理低保审批时收受申请人好处费两千元，有转账记录。');
  await r.page.getByTestId('sv-happened-at').fill('2026年2月中旬');
  await r.page.getByTestId('sv-place').fill('东城街道办事处');
  // The transfer record goes with it; the page says what happens to a file's hidden details.
  await expect(r.page.getByTestId('sv-files-privacy').textContent()).resolves.toContain('拍摄地点');
  await r.page.getByTestId('sv-files-input').setInputFiles(EVIDENCE);
  await expect.poll(() => r.page.getByTestId('sv-file').count()).toBe(1);
  await expect(r.page.getByTestId('sv-file').textContent()).resolves.toContain(EVIDENCE.name);
  await screenshot(r.page, 'mobile-supervision-report');
  await r.page.getByTestId('sv-files').scrollIntoViewIfNeeded();
  await screenshot(r.page, 'mobile-supervision-report-files');
  await r.page.getByTestId('sv-submit').click();
  const receipt = await readReceipt(r.page);
  expect(receipt).toMatch(/^\d{16}$/);
  await screenshot(r.page, 'mobile-supervision-receipt');
  // Leaving while the receipt is on screen asks first; staying keeps it.
  await r.page.getByTestId('m-track').click();
  await r.page.locator('.ant-modal-confirm').getByRole('button', { name: '留在本页' }).click();
  await r.page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
  await expect(r.page.getByTestId('sv-receipt').textContent()).resolves.toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  // Filing changed no address, and the report went out without any cookie.
  expect(r.page.url()).toBe(reportUrl);
  const filing = r.answers.find((a) => a.url.endsWith('/api/supervision/reports'));
  expect(filing?.status).toBe(201);
  expect(filing?.cookie).toBeUndefined();
  expect(filing?.sentAs).toMatch(/^multipart\/form-data; boundary=/);
  await r.page.getByTestId('sv-receipt-done').click();
  await r.page.getByTestId('sv-saved').waitFor();
  await expect(r.page.getByTestId('sv-receipt').count()).resolves.toBe(0);

  // 2. The inspector (whose key is open: no notice) opens it, downloads the file that came with
  // it, cannot step aside as the only one holding it, accepts it, disposes of it as 初步核实,
  // and asks a question.
  const ip = inspector.page;
  const keyStatus = ip.waitForResponse((res) => res.url().endsWith('/api/supervision/key-status'));
  await ip.goto('/console/supervision/reports');
  await expect((await keyStatus).json()).resolves.toEqual({ state: 'ready' });
  await expect(ip.getByTestId('sv-key-notice').count()).resolves.toBe(0);
  await openNewestReport(ip);
  await expect(ip.getByTestId('sv-matter-accused').textContent()).resolves.toBe('东城街道 某某科长');
  await expect(ip.getByTestId('sv-detail-state').getAttribute('data-state')).resolves.toBe('received');
  await expect(ip.getByTestId('sv-clock-transfer').getAttribute('data-status')).resolves.toBe('running');
  await expect(ip.getByTestId('sv-clock-accept').getAttribute('data-status')).resolves.toBe('none');
  const filed = ip.getByTestId('sv-attachments-report');
  await expect(filed.textContent()).resolves.toContain(EVIDENCE.name);
  const [download] = await Promise.all([ip.waitForEvent('download'), filed.getByRole('link', { name: EVIDENCE.name, exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(EVIDENCE.name);
  expect((await readFile((await download.path())!)).equals(EVIDENCE.buffer)).toBe(true);
  await ip.getByTestId('sv-action-recuse').click();
  await ip.getByTestId('sv-recuse-reason').fill('被举报人系本人亲属');
  await ip.getByTestId('sv-recuse-ok').click();
  await expect(ip.getByTestId('sv-recuse-refused').textContent()).resolves.toContain('请先转交再回避');
  await ip.locator('.ant-modal').filter({ has: ip.getByTestId('sv-recuse-reason') }).getByRole('button', { name: /^取\s*消$/ }).click();
  await ip.getByTestId('sv-recuse-reason').waitFor({ state: 'detached' });
  expect(ip.url()).toMatch(/\/console\/supervision\/reports\/\d+$/);
  await act(ip, 'accept', 'accepted');
  await expect(ip.getByTestId('sv-clock-transfer').getAttribute('data-status')).resolves.toBe('stopped');
  await act(ip, 'dispose', 'investigating', async (p) => {
    await choose(p, 'sv-action-disposal', '初步核实');
  });
  await expect(ip.getByTestId('sv-disposal').textContent()).resolves.toBe('初步核实');
  const question = '请问转账记录的日期和金额分别是多少？是否还有其他知情人？';
  await ip.getByTestId('sv-message-body').fill(question);
  await ip.getByTestId('sv-message-send').click();
  await expect.poll(() => ip.getByTestId('sv-msg-question').textContent()).toContain(question);
  await screenshot(ip, 'console-supervision-report');

  // 3. The reporter comes back with the receipt (typed with dashes), sees the question and answers.
  await r.page.goto('/m/supervision/follow-up');
  const followUpUrl = r.page.url();
  await followUp(r.page, receipt.replace(/(\d{4})(?=\d)/g, '$1-'));
  expect(r.page.url()).toBe(followUpUrl);
  await expect(r.page.getByTestId('sv-state').getAttribute('data-state')).resolves.toBe('investigating');
  await r.page.getByTestId('sv-open-question').waitFor();
  await expect(r.page.getByTestId('sv-msg-question').textContent()).resolves.toContain(question);
  await expect(r.page.getByTestId('sv-matter-accused').textContent()).resolves.toBe('东城街道 某某科长');
  await expect(r.page.getByTestId('sv-attachment-name').allTextContents()).resolves.toEqual([EVIDENCE.name]);
  const answer = '转账是2026年2月14日，金额两千元；同村的李某也知情。';
  await r.page.getByTestId('sv-write-body').fill(answer);
  await r.page.getByTestId('sv-write-send').click();
  await expect.poll(() => r.page.locator('[data-testid="sv-msg-answer"][data-author="reporter"]').textContent()).toContain(answer);
  await expect(r.page.getByTestId('sv-open-question').count()).resolves.toBe(0);
  // Then a photo alone, as added material: no words needed.
  await r.page.getByTestId('sv-write-material').click();
  await r.page.getByTestId('sv-files-input').setInputFiles(PHOTO);
  await expect.poll(() => r.page.getByTestId('sv-file').count()).toBe(1);
  await r.page.getByTestId('sv-write-send').click();
  await expect.poll(() => r.page.getByTestId('sv-attachment-name').allTextContents()).toEqual([EVIDENCE.name, PHOTO.name]);
  await expect(r.page.getByTestId('sv-file').count()).resolves.toBe(0);
  const material = r.answers.filter((a) => a.url.endsWith('/api/supervision/follow-up/messages'));
  expect(material.map((a) => [a.status, a.sentAs?.split(';')[0]])).toEqual([[204, 'application/json'], [204, 'multipart/form-data']]);
  await screenshot(r.page, 'mobile-supervision-follow-up');

  // 4. The inspector sees the answer, concludes and closes.
  await ip.getByTestId('sv-reload').click();
  await expect.poll(() => ip.locator('[data-testid="sv-msg-answer"][data-author="reporter"]').textContent()).toContain(answer);
  // The photo is listed under the material it came with.
  await expect.poll(() => ip.locator('[data-testid^="sv-attachments-msg-"]').textContent()).toContain(PHOTO.name);
  const conclusion = '经初步核实，反映的收受好处费问题属实，已移送立案审查。';
  await act(ip, 'conclude', 'concluded', (p) => p.getByTestId('sv-action-text').fill(conclusion));
  await act(ip, 'close', 'closed');
  await expect.poll(() => ip.getByTestId('sv-msg-conclusion').textContent()).toContain(conclusion);

  // 5. The reporter, having left (退出 forgets the receipt), enters it again and sees the conclusion.
  await r.page.getByTestId('sv-exit').click();
  await r.page.getByTestId('sv-receipt-input').waitFor();
  await expect(r.page.getByTestId('sv-receipt-input').inputValue()).resolves.toBe('');
  await followUp(r.page, receipt.replace(/(\d{4})(?=\d)/g, '$1 '));
  await expect(r.page.getByTestId('sv-state').getAttribute('data-state')).resolves.toBe('closed');
  await expect(r.page.getByTestId('sv-msg-conclusion').textContent()).resolves.toContain(conclusion);
  const overflow = await r.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Never cached, never in the address or the browser's storage; the reporter never sent a cookie.
  expect(r.answers.length).toBeGreaterThanOrEqual(5);
  for (const a of [...r.answers]) {
    expect(a.cacheControl, a.url).toBe('no-store');
    expect(a.cookie, a.url).toBeUndefined();
  }
  await expectReceiptNowhere(r.context, r.page, r.urls, receipt);

  expect(r.errors).toEqual([]);
  expect(inspector.errors).toEqual([]);
  await r.context.close();
  await inspector.context.close();
});

test('real-name report: the reporter’s identity is shown to the inspector only after the custodian approves', async () => {
  const inspector = await staff('inspector');
  const custodian = await staff('custodian');
  await custodian.page.getByTestId('nav-identityRequests').waitFor();

  // The reporter files under their name (still without an account).
  const r = await reporterPhone();
  await r.page.goto('/m/supervision/report');
  await r.page.getByTestId('sv-anonymous').click();
  await r.page.getByTestId('sv-reporter-name').fill('王小明');
  await r.page.getByTestId('sv-reporter-phone').fill('13800001234');
  await r.page.getByTestId('sv-accused').fill('幸福社区 某某主任');
  await r.page.getByTestId('sv-content').fill('社区主任在分配公益性岗位时优亲厚友，安排其亲属上岗。');
  await r.page.getByTestId('sv-submit').click();
  const receipt = await readReceipt(r.page);
  await r.page.getByTestId('sv-receipt-done').click();

  // The inspector sees a real-name report without the name, and asks for it with a reason.
  const ip = inspector.page;
  await openNewestReport(ip);
  await expect(ip.getByTestId('sv-matter-accused').textContent()).resolves.toBe('幸福社区 某某主任');
  await expect(ip.getByTestId('sv-identity').count()).resolves.toBe(0);
  await ip.getByTestId('sv-identity-request').click();
  await ip.getByTestId('sv-identity-reason').fill('核实岗位分配情况需向举报人当面了解细节。');
  await ip.getByTestId('sv-identity-ok').click();
  await ip.getByTestId('sv-identity-requested').waitFor();

  // The custodian approves (after confirming).
  const cp = custodian.page;
  await cp.goto('/console/supervision/identity-requests');
  await cp.locator('[data-testid$="-approve"]').first().click();
  // antd spaces out a two-character Chinese button label: "同 意".
  await cp.locator('.ant-modal-confirm').getByRole('button', { name: /^同\s*意$/ }).click();
  await cp.getByTestId('sv-request-status-approved').first().waitFor();
  await cp.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
  await screenshot(cp, 'console-supervision-identity-requests');
  // The custodian's other queue: nobody's key awaits recovery in the demo.
  await cp.getByTestId('sv-custody-tab-keys').click();
  await expect.poll(() => cp.getByTestId('sv-recoveries-table').textContent()).toContain('暂无密钥恢复申请');
  expect(new URL(cp.url()).search).toBe('?tab=keys');

  // Now the inspector sees who reported.
  await ip.reload();
  await expect.poll(() => ip.getByTestId('sv-identity').textContent()).toContain('王小明');

  // The reporter is told their identity was given.
  await r.page.goto('/m/supervision/follow-up');
  await followUp(r.page, receipt);
  await expect(r.page.getByTestId('sv-thread').textContent()).resolves.toContain('您的身份信息已提供给本件办理人员');
  await expectReceiptNowhere(r.context, r.page, r.urls, receipt);

  expect(r.errors).toEqual([]);
  expect(inspector.errors).toEqual([]);
  expect(custodian.errors).toEqual([]);
  await Promise.all([r.context.close(), inspector.context.close(), custodian.context.close()]);
});
