/**
 * A report's clocks (DOMAIN.md §4, issue #5 point 5), set when it arrives at a level and
 * watched by the hourly `supervision.clocks` job:
 * - transfer: keep it (受理) or transfer it within 5 working days of its arrival;
 * - accept: a real-name reporter is told of acceptance within 15 working days;
 * - feedback: a real-name reporter is told the result within 15 working days of closing.
 * A day before a clock runs out its inspectors are reminded; when it has run out the report
 * is flagged overdue and they are told. Reminders name the report's number and the clock,
 * never its words, and each is sent once (the outbox's de-duplication key).
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/database.js';
import { enqueue } from '../../platform/notify/outbox.js';
import { registerTemplates } from '../../platform/notify/templates.js';
import { addWorkingDays } from '../../platform/time/working-days.js';
import { loadWorkCalendar } from '../cases/case.exports.js';
import { ACCEPT_NOTICE_WORKING_DAYS, TRANSFER_WORKING_DAYS } from './report-workflow.js';
import { supervisionReports } from './supervision.tables.js';

/**
 * The clocks of a report arriving at a level (filed, or transferred there): keep or transfer
 * within 5 working days; a real-name reporter is told of acceptance within 15.
 */
export async function arrivalClocks(ctx: CommandContext, anonymous: boolean): Promise<{ transferDueAt: Date; acceptDueAt: Date | null }> {
  const calendar = await loadWorkCalendar(ctx.tx, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  return { transferDueAt: addWorkingDays(calendar, ctx.now, TRANSFER_WORKING_DAYS), acceptDueAt: anonymous ? null : addWorkingDays(calendar, ctx.now, ACCEPT_NOTICE_WORKING_DAYS) };
}

/** Flags reports left undecided past the transfer clock, or whose acceptance notice or result is overdue; returns how many it flagged. */
export async function flagOverdueReports(ctx: CommandContext): Promise<number> {
  const flagged = await ctx.tx
    .update(supervisionReports)
    .set({ overdue: true })
    .where(
      sql`NOT ${supervisionReports.overdue} AND ((${supervisionReports.state} = 'received' AND (${supervisionReports.acceptDueAt} < ${ctx.now} OR ${supervisionReports.transferDueAt} < ${ctx.now}))
          OR (${supervisionReports.state} IN ('closed', 'archived') AND ${supervisionReports.feedbackAt} IS NULL AND ${supervisionReports.feedbackDueAt} < ${ctx.now}))`,
    )
    .returning({ id: supervisionReports.id });
  return flagged.length;
}

type Clock = 'transfer' | 'accept' | 'feedback';
const clockNames: Record<Clock, { zh: string; en: string }> = {
  transfer: { zh: '受理或转交', en: 'keeping or transferring it' },
  accept: { zh: '受理告知', en: 'the acceptance notice' },
  feedback: { zh: '结果反馈', en: 'telling the reporter the result' },
};

type P = Record<string, unknown>;
const str = (p: P, k: string) => String(p[k] ?? '');
const clockOf = (p: P) => clockNames[str(p, 'clock') as Clock] ?? { zh: str(p, 'clock'), en: str(p, 'clock') };
const link = (p: P) => `/console/supervision/reports/${str(p, 'reportId')}`;

registerTemplates({
  'supervision.remind': {
    'zh-CN': (p: P) => ({ title: `举报件临近时限 ${str(p, 'number')}`, body: `举报件 ${str(p, 'number')} 的${clockOf(p).zh}将于 ${str(p, 'due')} 到期。` }),
    'en-US': (p: P) => ({ title: `Report due soon ${str(p, 'number')}`, body: `Report ${str(p, 'number')}: ${clockOf(p).en} is due at ${str(p, 'due')}.` }),
    link,
  },
  'supervision.overdue': {
    'zh-CN': (p: P) => ({ title: `举报件已超期 ${str(p, 'number')}`, body: `举报件 ${str(p, 'number')} 的${clockOf(p).zh}已超过时限（${str(p, 'due')}）。` }),
    'en-US': (p: P) => ({ title: `Report overdue ${str(p, 'number')}`, body: `Report ${str(p, 'number')}: ${clockOf(p).en} passed its deadline (${str(p, 'due')}).` }),
    link,
  },
});

const REMIND_BEFORE_MS = 86_400_000;

/** Reminds, once per clock and kind, the inspectors of every report whose clock runs out within a day or has run out; returns how many messages were queued. */
export async function remindReportClocks(ctx: CommandContext): Promise<number> {
  const soon = new Date(ctx.now.getTime() + REMIND_BEFORE_MS);
  const rows = await queryRows<{ id: number; number: string; clock: Clock; due: Date; user_id: number }>(
    ctx.tx,
    sql`WITH clocks AS (
          SELECT id, number, 'transfer' AS clock, transfer_due_at AS due FROM supervision_reports WHERE state = 'received' AND transfer_due_at IS NOT NULL
          UNION ALL SELECT id, number, 'accept', accept_due_at FROM supervision_reports WHERE state = 'received' AND accept_due_at IS NOT NULL
          UNION ALL SELECT id, number, 'feedback', feedback_due_at FROM supervision_reports WHERE state IN ('closed', 'archived') AND feedback_at IS NULL AND feedback_due_at IS NOT NULL
        )
        SELECT c.id::int AS id, c.number, c.clock, c.due, k.user_id::int AS user_id
          FROM clocks c JOIN supervision_report_keys k ON k.report_id = c.id AND k.role = 'inspector'
         WHERE c.due <= ${soon}`,
  );
  const format = new Intl.DateTimeFormat('zh-CN', { timeZone: ctx.timeZone ?? DEFAULT_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
  const messages = rows.map((r) => {
    const due = new Date(r.due);
    const kind = due <= ctx.now ? 'overdue' : 'remind';
    return {
      channel: 'in_app' as const,
      recipient: String(r.user_id),
      template: `supervision.${kind}`,
      params: { reportId: r.id, number: r.number, clock: r.clock, due: format.format(due) },
      dedupeKey: `supervision:${r.id}:${kind}:${r.clock}:${due.toISOString()}`,
      now: ctx.now,
    };
  });
  return messages.length === 0 ? 0 : (await enqueue(ctx.tx, messages)).length;
}
