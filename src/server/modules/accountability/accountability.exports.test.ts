/**
 * `openReviewItem`, as the assessment module will call it for a failing scorecard: one item
 * per (trigger, subject, period) however often it is called, audited and announced to the
 * accountability.write holders over the subject's place; nothing while the trigger is off
 * there; refused for an unknown subject or period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, makeNode, makeUser, type TestApp } from '../../../../test/helpers/app.js';
import type { CommandContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/database.js';
import { DomainError } from '../../platform/http/errors.js';
import { organizations, people } from '../org/org.tables.js';
import { openReviewItem, type OpenReviewItemProps } from './accountability.exports.js';
import { accountabilityReviewSettings } from './accountability.tables.js';

let t: TestApp;
let personId: number;
let unitId: number;
let inspectorId: number;
let community: { id: number; path: string };
const now = new Date('2026-04-03T02:00:00Z');

/** Runs `fn` in a transaction as the assessment job would (no acting user). */
const inTx = <T>(fn: (ctx: CommandContext) => Promise<T>) => t.db.transaction((tx) => fn({ tx, actor: null, requestId: 'assessment.test', ip: null, now, timeZone: 'Asia/Shanghai' }));

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  const street = await makeNode(t.db, { level: 'street', parent: district });
  community = await makeNode(t.db, { level: 'community', parent: street });
  inspectorId = (await makeUser(t.db, { username: `insp${district.id}`, roles: [{ role: 'discipline_inspector', nodeId: street.id }] })).id;
  const [p] = await t.db.insert(people).values({ nodeId: community.id, name: '孙书记' }).returning();
  personId = p!.id;
  const [o] = await t.db.insert(organizations).values({ nodeId: community.id, kind: 'committee', code: `JW${district.id}`, name: '和平社区居委会' }).returning();
  unitId = o!.id;
});
afterAll(() => t.close());

const scorecard = (extra: Partial<OpenReviewItemProps> = {}): OpenReviewItemProps => ({ kind: 'failing_scorecard', subject: { kind: 'person', id: personId }, period: '2026-Q1', figure: 52.5, threshold: 60, evidence: { scorecardId: 17, note: '一季度考核 52.5 分' }, ...extra });

describe('openReviewItem', () => {
  it('opens one item per subject and period, however often it is called', async () => {
    const first = await inTx((ctx) => openReviewItem(ctx, scorecard()));
    expect(first.opened).toBe(true);
    expect(first.item).toMatchObject({ triggerKind: 'failing_scorecard', subjectKind: 'person', subjectId: personId, subjectName: '孙书记', nodePath: community.path, period: '2026-Q1', periodStart: '2026-01-01', periodEnd: '2026-03-31', figure: 52.5, threshold: 60, state: 'open', openedBy: null });
    const again = await inTx((ctx) => openReviewItem(ctx, { ...scorecard(), figure: 40 }));
    expect(again).toEqual({ opened: false, item: first.item });
    const unit = await inTx((ctx) => openReviewItem(ctx, scorecard({ subject: { kind: 'unit', id: unitId }, period: '2026' })));
    expect(unit.item).toMatchObject({ subjectKind: 'unit', subjectName: '和平社区居委会', periodEnd: '2026-12-31' });
  });

  it('audits each opening and tells the inspectors over the place, once', async () => {
    const audits = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'accountability.review_item.open'`);
    expect(audits[0]!.n).toBe(2);
    const notices = await queryRows<{ recipient: string }>(t.db, sql`SELECT recipient FROM outbox WHERE template = 'accountability.review_item'`);
    expect(notices.map((n) => Number(n.recipient))).toEqual([inspectorId, inspectorId]);
  });

  it('opens nothing while the trigger is switched off for the subject’s place', async () => {
    await t.db.insert(accountabilityReviewSettings).values({ triggerKind: 'failing_scorecard', nodeId: community.id, nodePath: community.path, enabled: false, updatedAt: now });
    expect(await inTx((ctx) => openReviewItem(ctx, scorecard({ period: '2026-Q2' })))).toEqual({ opened: false, item: null });
  });

  it('refuses an unknown subject or period', async () => {
    const code = async (p: OpenReviewItemProps) => inTx((ctx) => openReviewItem(ctx, p)).then(() => 'opened', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));
    expect(await code(scorecard({ subject: { kind: 'person', id: 99_999_999 } }))).toBe('ref_not_found');
    expect(await code(scorecard({ period: '2026-Q5' }))).toBe('accountability_period');
    expect(await code(scorecard({ figure: Number.NaN }))).toBe('invalid');
  });
});
