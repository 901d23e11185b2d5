/** HTTP shapes of the 监督微平台 (issue #5): the public report and follow-up contract, inspectors' views. */
import { z } from 'zod';
import { Id, line, MULTI_LINE, phone } from '../../platform/http/fields.js';
import { disposals, messageKinds, reportStates } from './supervision.tables.js';
import { reportEvents } from './report-workflow.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max).regex(MULTI_LINE);

export const ReportBody = z
  .object({
    anonymous: z.boolean(),
    /** The person reported, in the reporter's words. */
    accused: line(200),
    accusedPersonId: Id.optional(),
    content: text(10, 10_000),
    happenedAt: line(100).optional(),
    place: line(200).optional(),
    /** Where the matter is (default: the top of the tree). */
    nodeId: Id.optional(),
    reporter: z.object({ name: line(50), phone: phone.pipe(z.string().min(5)), idNumber: line(30).optional() }).optional(),
  })
  .refine((b) => b.anonymous || b.reporter !== undefined, { path: ['reporter'], message: 'a real-name report needs the reporter' });

export const ReceiptOut = z.object({ receipt: z.string().regex(/^\d{16}$/) });

export const ReceiptBody = z.object({ receipt: z.string().max(40) });

const Message = z.object({ id: z.number(), author: z.enum(['reporter', 'inspector', 'system']), kind: z.enum(messageKinds), body: z.string(), createdAt: z.string() });

const Attachment = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), messageId: z.number().nullable(), createdAt: z.string() });

export const FollowUpOut = z.object({
  state: z.enum(reportStates),
  receivedAt: z.string(),
  matter: z.object({ accused: z.string(), content: z.string(), happenedAt: z.string().optional(), place: z.string().optional() }),
  messages: z.array(Message),
  attachments: z.array(Attachment),
});

export const ReportOut = z.object({
  id: z.number(),
  number: z.string(),
  state: z.enum(reportStates),
  anonymous: z.boolean(),
  disposal: z.enum(disposals).nullable(),
  receivedAt: z.string(),
  acceptDueAt: z.string().nullable(),
  transferDueAt: z.string().nullable(),
  feedbackDueAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
  actions: z.array(z.enum(reportEvents)),
  matter: z.object({ accused: z.string(), accusedPersonId: z.number().optional(), content: z.string(), happenedAt: z.string().optional(), place: z.string().optional(), nodeId: z.number() }),
  messages: z.array(Message),
  attachments: z.array(Attachment),
});

export const ReportListOut = z.object({ items: z.array(z.object({ id: z.number(), number: z.string(), state: z.enum(reportStates), anonymous: z.boolean(), overdue: z.boolean(), receivedAt: z.string() })) });

export const ReportActionBody = z.object({
  version: z.number().int().positive().optional(),
  /** 处置: 谈话函询, 初步核实, 暂存待查, 予以了结. */
  disposal: z.enum(disposals).optional(),
  /** 办结: the conclusion; otherwise a note to the reporter. Sealed. */
  text: text(1, 10_000).optional(),
});

export const ActionOut = z.object({ id: z.number(), state: z.enum(reportStates), version: z.number() });

export const InspectorMessageBody = z.object({ kind: z.enum(['question', 'answer']), body: text(1, 10_000) });

export const ReporterMessageBody = z.object({ receipt: z.string().max(40), kind: z.enum(['answer', 'material']), body: text(1, 10_000) });

export const IdentityRequestBody = z.object({ reason: text(5, 2000) });
export const AttachmentParams = z.object({ id: Id, attachmentId: Id });
export const CreatedOut = z.object({ id: z.number() });
export const IdentityRequestsOut = z.object({
  items: z.array(z.object({ id: z.number(), reportId: z.number(), reportNumber: z.string(), inspectorId: z.number(), inspectorName: z.string(), reason: z.string(), status: z.enum(['pending', 'approved', 'denied']), createdAt: z.string() })),
});
export const IdentityDecisionBody = z.object({ approve: z.boolean() });
export const IdentityOut = z.object({ name: z.string(), phone: z.string(), idNumber: z.string().optional(), userId: z.number().nullable() });

export const RecuseBody = z.object({ reason: text(2, 2000) });
export const KeyStateOut = z.object({ state: z.enum(['ready', 'recovery_pending', 'recovery_approved', 'none']) });
export const KeyRecoveriesOut = z.object({ items: z.array(z.object({ userId: z.number(), name: z.string(), status: z.enum(['pending', 'approved']), requestedAt: z.string() })) });
const Count = z.number().nullable().describe('null: 1 or 2, withheld');
export const CountsQuery = z.object({ nodeId: Id.optional() });
export const CountsOut = z.object({ nodeId: z.number(), total: Count, byState: z.record(z.enum(reportStates), Count), byMonth: z.array(z.object({ month: z.string(), count: Count })) });
export const TransferBody = z.object({ version: z.number().int().positive().optional(), nodeId: Id, reason: text(2, 2000) });
export const MyIdentityRequestsOut = z.object({ items: z.array(z.object({ id: z.number(), status: z.enum(['pending', 'approved', 'denied']), createdAt: z.string() })) });
