/**
 * The state machine as a document (docs/case-states.md), rendered from the same table
 * the API and the console read; a test keeps the committed file in step with the table.
 */
import { caseEvents, caseStates, transitions } from './case.workflow.js';

const stateLabels: Record<string, string> = {
  submitted: '待受理', accepted: '已受理', dispatched: '已派单', objected: '派单异议', signed: '已签收', in_progress: '办理中',
  replied: '已反馈', answered: '即时答复', verified: '已核查', rated: '已评价', closed: '已结案', merged: '已合并', refused: '不予受理',
};
const eventLabels: Record<string, string> = {
  accept: '受理', refuse: '不予受理', answer_now: '即时答复', merge: '合并', dispatch: '派单', redispatch: '改派', object: '派单异议',
  uphold_objection: '异议成立', reject_objection: '异议不成立', sign: '签收', start: '开始办理', request_extension: '申请延期',
  decide_extension: '延期审批', reply: '办理反馈', verify_pass: '核查通过', verify_fail: '核查不通过（返工）', rate: '评价', redo: '重办',
  close: '结案', reopen: '重新打开',
};

export function renderStateDoc(): string {
  const lines = [
    '# 工单状态机 / The case state machine',
    '',
    'Generated from `src/server/modules/cases/case.workflow.ts` by `npm run gen:docs`; the API serves the same table at',
    '`GET /api/public/cases/states` and the console builds its action buttons from it. Do not edit by hand.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '  [*] --> submitted',
  ];
  for (const e of caseEvents) {
    const t = transitions[e];
    for (const from of t.from) {
      const to = t.to === null || t.keep.includes(from) ? from : t.to;
      lines.push(`  ${from} --> ${to}: ${e}`);
    }
  }
  lines.push('  closed --> [*]', '  merged --> [*]', '  refused --> [*]', '```', '', '| state | 状态 |', '|---|---|');
  for (const s of caseStates) lines.push(`| \`${s}\` | ${stateLabels[s] ?? s} |`);
  lines.push('', '| event | 操作 | from | to | reason required |', '|---|---|---|---|---|');
  for (const e of caseEvents) {
    const t = transitions[e];
    const to = t.to === null ? '(stays)' : `\`${t.to}\`${t.keep.length ? ` (stays in ${t.keep.map((k) => `\`${k}\``).join(', ')})` : ''}`;
    lines.push(`| \`${e}\` | ${eventLabels[e] ?? e} | ${t.from.map((f) => `\`${f}\``).join(', ')} | ${to} | ${t.needsReason ? 'yes' : 'no'} |`);
  }
  return `${lines.join('\n')}\n`;
}
