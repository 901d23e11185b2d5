/**
 * A report's attachments: checked by their bytes (attachment-kinds.ts), sealed — name,
 * type, size and content — to the report's public key, and opened only with the report's
 * key (an inspector's, or the reporter's receipt for the list of what they sent).
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { seal, unseal, utf8, type KeyPair } from '../../platform/crypto/sealing.js';
import { DomainError, NotFound } from '../../platform/http/errors.js';
import { attachmentKind, cleanFileName, MAX_ATTACHMENTS_PER_REPORT, nameForKind } from './attachment-kinds.js';
import type { Upload } from './report-form.js';
import { supervisionAttachments } from './supervision.tables.js';

export interface AttachmentMeta {
  id: number;
  name: string;
  mime: string;
  size: number;
  /** The material message it came with; null when attached at filing. */
  messageId: number | null;
  createdAt: string;
}

const STATUS = { supervision_attachment_type: 415, supervision_attachment_empty: 422 } as const;

/** Checks every upload first (nothing is written if one is refused), then seals and stores them. */
export async function storeAttachments(ctx: CommandContext, report: { id: number; publicKey: Uint8Array }, uploads: Upload[], messageId: number | null = null): Promise<number> {
  if (uploads.length === 0) return 0;
  const [held] = await ctx.tx.select({ n: count() }).from(supervisionAttachments).where(eq(supervisionAttachments.reportId, report.id));
  if (Number(held?.n ?? 0) + uploads.length > MAX_ATTACHMENTS_PER_REPORT) throw new DomainError(413, 'supervision_attachments_full', { max: MAX_ATTACHMENTS_PER_REPORT });
  const checked = uploads.map((u, i) => {
    const kind = attachmentKind(u.bytes);
    if ('refused' in kind) throw new DomainError(STATUS[kind.refused], kind.refused, { n: i + 1 });
    return { name: nameForKind(cleanFileName(u.name), kind.mime), ...kind };
  });
  for (const a of checked) {
    const meta = JSON.stringify({ name: a.name, mime: a.mime, size: a.bytes.length });
    await ctx.tx.insert(supervisionAttachments).values({ reportId: report.id, messageId, meta: await seal(meta, report.publicKey), body: await seal(a.bytes, report.publicKey), createdAt: ctx.now });
  }
  return checked.length;
}

/** What is attached to a report (without the bytes), oldest first. */
export async function attachmentsOf(ex: Executor, reportId: number, keys: KeyPair): Promise<AttachmentMeta[]> {
  const rows = await ex
    .select({ id: supervisionAttachments.id, meta: supervisionAttachments.meta, messageId: supervisionAttachments.messageId, createdAt: supervisionAttachments.createdAt })
    .from(supervisionAttachments)
    .where(eq(supervisionAttachments.reportId, reportId))
    .orderBy(asc(supervisionAttachments.id));
  return Promise.all(rows.map(async (r) => ({ id: r.id, ...(JSON.parse(utf8(await unseal(r.meta, keys))) as { name: string; mime: string; size: number }), messageId: r.messageId, createdAt: r.createdAt.toISOString() })));
}

/** One attachment opened: its name, type and bytes. */
export async function attachmentFile(ex: Executor, reportId: number, attachmentId: number, keys: KeyPair): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const [row] = await ex.select().from(supervisionAttachments).where(and(eq(supervisionAttachments.reportId, reportId), eq(supervisionAttachments.id, attachmentId)));
  if (!row) throw new NotFound();
  const meta = JSON.parse(utf8(await unseal(row.meta, keys))) as { name: string; mime: string };
  return { name: meta.name, mime: meta.mime, bytes: Buffer.from(await unseal(row.body, keys)) };
}
