/**
 * Pure facts of a report's attachments on the pages: the server's limits (attachment-kinds.ts,
 * report-form.ts), which picked files the page keeps before sending, the multipart bodies of
 * a report and of added material, sizes as people read them, and the inspector's list grouped
 * by the message each file came with.
 *
 * The server decides what it accepts by the bytes; the checks here only spare the reporter a
 * refused upload on a slow phone connection (an empty file, one too large, one whose name says
 * it is of a type never accepted, too many at once).
 */
import type { TFunction } from 'i18next';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import type { ReportBody } from './report-flow.js';

/** Per file (10 MiB), per request, over a report's whole life — as the server counts them. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_SEND = 5;
export const MAX_FILES_PER_REPORT = 20;

/** Extensions of the kinds the server accepts: photos, PDF, Office, plain text, audio and video. */
const EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'mp3', 'm4a', 'wav', 'amr', 'mp4', 'mov', '3gp'] as const;
const MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain', 'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'];
const MIME_PREFIXES = ['application/vnd.openxmlformats-officedocument.', 'audio/', 'video/'];

/** The file picker's `accept`: a phone shows the gallery, the recorder and documents, and hides the rest. */
export const FILE_ACCEPT = [...EXTENSIONS.map((e) => `.${e}`), 'image/jpeg', 'image/png', 'image/webp', 'audio/*', 'video/*'].join(',');

/** What the checks read of a File (so tests need no browser). */
export interface FileLike {
  name: string;
  size: number;
  type: string;
}

export type RefusalReason = 'empty' | 'too_large' | 'type' | 'too_many' | 'duplicate';

export interface FileRefusal {
  name: string;
  reason: RefusalReason;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * Whether a file looks like one of the accepted kinds, by its name or its declared type (a
 * gallery on some phones gives names without an extension). The server still checks the bytes.
 */
export function looksAccepted(file: Pick<FileLike, 'name' | 'type'>): boolean {
  const ext = extensionOf(file.name);
  if ((EXTENSIONS as readonly string[]).includes(ext)) return true;
  const type = file.type.toLowerCase();
  return MIME_TYPES.includes(type) || MIME_PREFIXES.some((p) => type.startsWith(p));
}

/**
 * Adds newly picked files to those already chosen, at most `max` in all: empty files, files
 * over 10 MiB, kinds never accepted and a file picked twice are left out, each with the reason
 * the page shows.
 */
export function addFiles<F extends FileLike>(chosen: readonly F[], picked: readonly F[], max: number): { files: F[]; refused: FileRefusal[] } {
  const files = [...chosen];
  const refused: FileRefusal[] = [];
  for (const f of picked) {
    const reason: RefusalReason | null =
      f.size === 0 ? 'empty'
      : f.size > MAX_FILE_BYTES ? 'too_large'
      : !looksAccepted(f) ? 'type'
      : files.some((c) => c.name === f.name && c.size === f.size) ? 'duplicate'
      : files.length >= max ? 'too_many'
      : null;
    if (reason) refused.push({ name: f.name, reason });
    else files.push(f);
  }
  return { files, refused };
}

/** How many more files one request may carry on a report that already has `held`. */
export function filesAllowed(held: number): number {
  return Math.max(0, Math.min(MAX_FILES_PER_SEND, MAX_FILES_PER_REPORT - held));
}

/**
 * The multipart body of POST /api/supervision/reports, field for field as the server's
 * `reportBodyOf` reads it (report-form.ts); every file is a part named `files`. The body comes
 * from `reportBody`, so an anonymous report carries no reporter fields here either.
 */
export function reportFormData(body: ReportBody & { accusedPersonId?: number }, files: readonly File[]): FormData {
  const form = new FormData();
  form.append('anonymous', body.anonymous ? 'true' : 'false');
  form.append('accused', body.accused);
  if (body.accusedPersonId !== undefined) form.append('accusedPersonId', String(body.accusedPersonId));
  form.append('content', body.content);
  if (body.happenedAt !== undefined) form.append('happenedAt', body.happenedAt);
  if (body.place !== undefined) form.append('place', body.place);
  if (body.nodeId !== undefined) form.append('nodeId', String(body.nodeId));
  if (body.reporter) {
    form.append('reporter.name', body.reporter.name);
    form.append('reporter.phone', body.reporter.phone);
    if (body.reporter.idNumber !== undefined) form.append('reporter.idNumber', body.reporter.idNumber);
  }
  for (const f of files) form.append('files', f, f.name);
  return form;
}

/** The multipart body of POST /api/supervision/follow-up/messages: the words may be left out when files go. */
export function materialFormData(m: { receipt: string; kind: 'answer' | 'material'; body: string }, files: readonly File[]): FormData {
  const form = new FormData();
  form.append('receipt', m.receipt);
  form.append('kind', m.kind);
  if (m.body.trim()) form.append('body', m.body);
  for (const f of files) form.append('files', f, f.name);
  return form;
}

/**
 * The sentence for a failed send with files: the server's own problems (413 too large or too
 * many, 415 a type not accepted — localized, naming the file's position) as they are; a bare
 * 413 from a proxy in front of the server, which has no problem body, in our words.
 */
export function sendProblemText(error: unknown, t: TFunction): string {
  if (isApiProblem(error) && error.status === 413 && error.code === 'http') return t('supervision.files.tooLargeForServer', { mib: MAX_FILE_BYTES / 1024 / 1024, max: MAX_FILES_PER_SEND });
  return problemText(error, t);
}

/** "812 B", "12.4 KB", "3.1 MB" (binary units, as the 10 MB limit is counted). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** What the grouping reads of an attachment and of a message. */
interface AttachmentLike {
  id: number;
  messageId: number | null;
  createdAt: string;
}
interface MessageLike {
  id: number;
  createdAt: string;
}

export interface AttachmentGroup<A, M> {
  /** null: attached when the report was filed. */
  messageId: number | null;
  /** The message the files came with (undefined when filed with the report, or not in the thread shown). */
  message: M | undefined;
  items: A[];
}

/**
 * Attachments grouped by the message they came with: those filed with the report first, then
 * each later message's, in the order things were said; within a group, the order sent.
 */
export function groupAttachments<A extends AttachmentLike, M extends MessageLike>(attachments: readonly A[], messages: readonly M[]): AttachmentGroup<A, M>[] {
  const byKey = new Map<number | null, AttachmentGroup<A, M>>();
  const sorted = [...attachments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  for (const a of sorted) {
    let group = byKey.get(a.messageId);
    if (!group) {
      group = { messageId: a.messageId, message: a.messageId === null ? undefined : messages.find((m) => m.id === a.messageId), items: [] };
      byKey.set(a.messageId, group);
    }
    group.items.push(a);
  }
  const when = (g: AttachmentGroup<A, M>) => g.message?.createdAt ?? g.items[0]!.createdAt;
  return [...byKey.values()].sort((a, b) => (a.messageId === null ? -1 : b.messageId === null ? 1 : when(a).localeCompare(when(b)) || a.messageId - b.messageId));
}
