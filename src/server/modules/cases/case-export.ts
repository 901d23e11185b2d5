/**
 * XLSX export of an inbox or lookup, with the filters of the list. Exports carry
 * residents' contact details, so each one is audited with its filter and row count.
 */
import type { FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit/audit.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { contentTypes, writeSheet, type ColumnDef } from '../../platform/data/sheet-writer.js';
import { listCases } from './case.queries.js';
import type { CaseListQuery, CaseOut } from './case.schema.js';

/** At most this many rows per file; narrow the filter for more. */
export const EXPORT_MAX_ROWS = 20_000;

const columns: ColumnDef[] = [
  { key: 'number', header: '工单号' },
  { key: 'type', header: '类型' },
  { key: 'title', header: '标题' },
  { key: 'category', header: '分类' },
  { key: 'address', header: '地址' },
  { key: 'contactName', header: '联系人' },
  { key: 'contactPhone', header: '联系电话' },
  { key: 'channel', header: '渠道' },
  { key: 'urgency', header: '紧急程度' },
  { key: 'state', header: '状态' },
  { key: 'lead', header: '承办单位' },
  { key: 'feedbackDueAt', header: '办理时限' },
  { key: 'overdue', header: '是否超期' },
  { key: 'rating', header: '评价' },
  { key: 'submittedAt', header: '提交时间' },
  { key: 'closedAt', header: '办结时间' },
];

function cells(c: CaseOut): Record<string, string> {
  return {
    number: c.number, type: c.type, title: c.title, category: c.category?.path ?? '', address: c.address ?? '',
    contactName: c.contactName ?? '', contactPhone: c.contactPhone ?? '', channel: c.channel, urgency: c.urgency, state: c.state,
    lead: c.lead?.name ?? '', feedbackDueAt: c.feedbackDueAt ?? '', overdue: c.overdue ? '是' : '否', rating: c.rating ?? '',
    submittedAt: c.submittedAt, closedAt: c.closedAt ?? '',
  };
}

export async function exportCases(request: FastifyRequest, q: Omit<CaseListQuery, 'limit' | 'offset'>): Promise<{ file: Buffer; type: string; name: string }> {
  const { items, total } = await listCases(readContext(request), { ...q, limit: EXPORT_MAX_ROWS, offset: 0 });
  await runCommand(request, (ctx) => audit(ctx, { action: 'case.export', subjectType: 'case', changes: { filter: q, rows: items.length, total } }));
  const file = await writeSheet('xlsx', '工单', columns, items.map(cells));
  return { file, type: contentTypes.xlsx, name: 'cases.xlsx' };
}
