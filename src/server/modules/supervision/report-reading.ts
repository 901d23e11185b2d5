/**
 * Reading a report: the reporter with the receipt (their report only: status, what they
 * filed, questions and answers), and an inspector whose key the report was sealed to (with
 * the private key their session unlocked). Nobody else has a way to the words: the server
 * holds no key of its own.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { publicKeyOf, unseal, unwrapKey, utf8, type KeyPair } from '../../platform/crypto/sealing.js';
import { NotFound } from '../../platform/http/errors.js';
import { attachmentFile, attachmentsOf, type AttachmentMeta } from './report-attachments.js';
import { heldReportKeys, reportOfReceipt } from './report-grants.js';
import { eventsFrom, type ReportEvent } from './report-workflow.js';
import { supervisionMessages, supervisionReportKeys, supervisionReports, type Disposal, type MessageKind, type ReportState } from './supervision.tables.js';

export interface ReportMessage {
  id: number;
  author: 'reporter' | 'inspector' | 'system';
  kind: MessageKind;
  body: string;
  createdAt: string;
}

export interface ReportView {
  id: number;
  number: string;
  state: ReportState;
  anonymous: boolean;
  disposal: Disposal | null;
  receivedAt: string;
  acceptDueAt: string | null;
  transferDueAt: string | null;
  feedbackDueAt: string | null;
  overdue: boolean;
  version: number;
  /** The steps the report's state allows next (the caller's permission aside). */
  actions: ReportEvent[];
  matter: { accused: string; accusedPersonId?: number; content: string; happenedAt?: string; place?: string; nodeId: number };
  messages: ReportMessage[];
  attachments: AttachmentMeta[];
}

type ReportRow = typeof supervisionReports.$inferSelect;

async function viewOf(ex: Executor, row: ReportRow, keys: KeyPair): Promise<ReportView> {
  const messages = await ex.select().from(supervisionMessages).where(eq(supervisionMessages.reportId, row.id)).orderBy(asc(supervisionMessages.id));
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    anonymous: row.anonymous,
    disposal: row.disposal,
    receivedAt: row.receivedAt.toISOString(),
    acceptDueAt: row.acceptDueAt?.toISOString() ?? null,
    transferDueAt: row.transferDueAt?.toISOString() ?? null,
    feedbackDueAt: row.feedbackDueAt?.toISOString() ?? null,
    overdue: row.overdue,
    version: row.version,
    actions: eventsFrom(row.state),
    matter: JSON.parse(utf8(await unseal(row.content, keys))) as ReportView['matter'],
    messages: await Promise.all(messages.map(async (m) => ({ id: m.id, author: m.author, kind: m.kind, body: utf8(await unseal(m.body, keys)), createdAt: m.createdAt.toISOString() }))),
    attachments: await attachmentsOf(ex, row.id, keys),
  };
}

/** The report a receipt belongs to, opened with it; NotFound for a receipt that is malformed or belongs to none. */
export async function reportByReceipt(ex: Executor, typed: string): Promise<ReportView> {
  const found = await reportOfReceipt(ex, typed);
  if (!found) throw new NotFound();
  const { row, receipt } = found;
  if (!row.receiptKey) throw new NotFound();
  const privateKey = await unwrapKey(row.receiptKey, receipt);
  return viewOf(ex, row, { privateKey, publicKey: await publicKeyOf(privateKey) });
}

/** An inspector's view of a report sealed to them; NotFound otherwise (whether it exists is not told). */
export async function reportForInspector(ex: Executor, reportId: number, userId: number, own: KeyPair | undefined): Promise<ReportView> {
  const [row] = await ex.select().from(supervisionReports).where(eq(supervisionReports.id, reportId));
  const keys = row ? await heldReportKeys(ex, reportId, userId, 'inspector', own) : undefined;
  if (!row || !keys) throw new NotFound();
  return viewOf(ex, row, keys);
}

/** The reports sealed to an inspector, newest first: numbers, states and dates only. */
export async function inspectorReports(ex: Executor, userId: number, limit = 100): Promise<Array<{ id: number; number: string; state: ReportState; anonymous: boolean; overdue: boolean; receivedAt: string }>> {
  const rows = await ex
    .select({ id: supervisionReports.id, number: supervisionReports.number, state: supervisionReports.state, anonymous: supervisionReports.anonymous, overdue: supervisionReports.overdue, receivedAt: supervisionReports.receivedAt })
    .from(supervisionReportKeys)
    .innerJoin(supervisionReports, eq(supervisionReports.id, supervisionReportKeys.reportId))
    .where(and(eq(supervisionReportKeys.userId, userId), eq(supervisionReportKeys.role, 'inspector')))
    .orderBy(desc(supervisionReports.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}

/** One attachment of a report sealed to the inspector, opened; NotFound otherwise. */
export async function attachmentForInspector(ex: Executor, reportId: number, attachmentId: number, userId: number, own: KeyPair | undefined): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const keys = await heldReportKeys(ex, reportId, userId, 'inspector', own);
  if (!keys) throw new NotFound();
  return attachmentFile(ex, reportId, attachmentId, keys);
}
