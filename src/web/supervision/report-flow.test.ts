import { describe, expect, test } from 'vitest';
import { reportEvents as serverEvents } from '../../server/modules/supervision/report-workflow.js';
import { disposals as serverDisposals, messageKinds, reportStates as serverStates } from '../../server/modules/supervision/supervision.tables.js';
import { enUS } from '../i18n/en-US.js';
import { zhCN } from '../i18n/zh-CN.js';
import { actionText, canMessage, canTransfer, clockStatus, conclusionOf, disposals, openQuestions, reportBody, reportClocks, reportEvents, reportStates, stateColors, threadOrder, type ClockFacts, type ThreadMessage } from './report-flow.js';

describe('the report’s way, as the console mirrors it', () => {
  test('the same states, events and disposals as the server', () => {
    expect([...reportStates]).toEqual([...serverStates]);
    expect([...reportEvents]).toEqual([...serverEvents]);
    expect([...disposals]).toEqual([...serverDisposals]);
  });

  test('messages and transfers as the server allows them', () => {
    expect(canMessage('closed')).toBe(true);
    expect(canMessage('archived')).toBe(false);
    expect(reportStates.filter(canTransfer)).toEqual(['received', 'accepted']);
  });

  test('a note may go with every step; 办结 requires the conclusion', () => {
    expect(reportEvents.map((e) => [e, actionText(e)])).toEqual([['accept', 'note'], ['dispose', 'note'], ['conclude', 'required'], ['close', 'note'], ['archive', 'note']]);
  });

  test('every state, disposal, event and message kind has words in both languages, and a colour', () => {
    for (const messages of [zhCN, enUS]) {
      const s = messages.supervision;
      for (const state of serverStates) {
        expect(s.states, state).toHaveProperty(state);
        expect(s.followUp.stateHints, state).toHaveProperty(state);
        expect(stateColors, state).toHaveProperty(state);
      }
      for (const d of serverDisposals) expect(s.disposals, d).toHaveProperty(d);
      for (const e of [...serverEvents, 'transfer']) expect(s.events, e).toHaveProperty(e);
      for (const k of messageKinds) expect(s.kinds, k).toHaveProperty(k);
    }
    expect(zhCN.supervision.states).toMatchObject({ received: '已接收', accepted: '已受理', disposed: '已处置', investigating: '初步核实中', concluded: '已办结', closed: '已结案', archived: '已归档' });
    expect(zhCN.supervision.disposals).toEqual({ talk_inquiry: '谈话函询', preliminary_check: '初步核实', shelve: '暂存待查', close_out: '予以了结' });
    expect(zhCN.supervision.receipt.warning).toBe('请妥善保存回执码，丢失后无法找回；平台不保存可还原的回执码。');
  });
});

describe('the body of a report', () => {
  test('anonymous: trimmed, empty optional fields left out, no reporter even if one was typed', () => {
    expect(reportBody({ anonymous: true, accused: '  张某某 ', content: ' 收受好处费两万元。 ', happenedAt: ' ', place: '', nodePath: [1, 2, 7], reporter: { name: '王五', phone: '13800000000' } })).toEqual({
      anonymous: true,
      accused: '张某某',
      content: '收受好处费两万元。',
      nodeId: 7,
    });
  });

  test('real-name: the reporter goes along; an empty ID number is left out', () => {
    expect(reportBody({ anonymous: false, accused: '张某某', content: '收受好处费两万元。', happenedAt: '2026年3月', place: '幸福社区', reporter: { name: ' 王五 ', phone: ' 13800000000 ', idNumber: ' ' } })).toEqual({
      anonymous: false,
      accused: '张某某',
      content: '收受好处费两万元。',
      happenedAt: '2026年3月',
      place: '幸福社区',
      reporter: { name: '王五', phone: '13800000000' },
    });
  });
});

describe('the thread', () => {
  const m = (id: number, author: ThreadMessage['author'], kind: ThreadMessage['kind'], at: string): ThreadMessage => ({ id, author, kind, body: `${kind} ${id}`, createdAt: `2026-03-0${at}T08:00:00.000Z` });

  test('oldest first; ids break ties', () => {
    expect(threadOrder([m(3, 'system', 'notice', '2'), m(1, 'inspector', 'question', '1'), m(2, 'reporter', 'answer', '2')]).map((x) => x.id)).toEqual([1, 2, 3]);
  });

  test('questions asked after the reporter last wrote are open', () => {
    expect(openQuestions([m(1, 'inspector', 'question', '1')]).map((x) => x.id)).toEqual([1]);
    expect(openQuestions([m(1, 'inspector', 'question', '1'), m(2, 'reporter', 'answer', '2')])).toEqual([]);
    expect(openQuestions([m(1, 'inspector', 'question', '1'), m(2, 'reporter', 'material', '2'), m(3, 'system', 'notice', '3'), m(4, 'inspector', 'question', '4')]).map((x) => x.id)).toEqual([4]);
  });

  test('the conclusion is the latest one', () => {
    expect(conclusionOf([m(1, 'inspector', 'question', '1')])).toBeUndefined();
    expect(conclusionOf([m(5, 'inspector', 'conclusion', '5'), m(2, 'inspector', 'conclusion', '2')])?.id).toBe(5);
  });
});

describe('the clocks', () => {
  const now = Date.parse('2026-03-10T08:00:00.000Z');
  const before = '2026-03-09T08:00:00.000Z';
  const after = '2026-03-11T08:00:00.000Z';
  const r = (state: ClockFacts['state'], due: string | null, overdue = false): ClockFacts => ({ state, overdue, acceptDueAt: due, transferDueAt: due, feedbackDueAt: due });

  test('keeping or transferring and the acceptance notice run while the report is received, and are late once passed', () => {
    for (const clock of ['transfer', 'accept'] as const) {
      expect(clockStatus(clock, r('received', after), now), clock).toBe('running');
      expect(clockStatus(clock, r('received', before), now), clock).toBe('late');
      expect(clockStatus(clock, r('accepted', before, true), now), clock).toBe('stopped');
      expect(clockStatus(clock, r('received', null), now), clock).toBe('none');
    }
  });

  test('the result is owed once closed; passed, it is late only while the server still flags the report', () => {
    expect(clockStatus('feedback', r('concluded', after), now)).toBe('stopped');
    expect(clockStatus('feedback', r('closed', after), now)).toBe('running');
    expect(clockStatus('feedback', r('archived', before, true), now)).toBe('late');
    expect(clockStatus('feedback', r('closed', before, false), now)).toBe('stopped');
    expect(clockStatus('feedback', r('closed', null), now)).toBe('none');
  });

  test('every clock has a label and a hint in both languages', () => {
    const labels = { transfer: ['transferDue', 'transferDueHint'], accept: ['acceptDue', 'acceptDueHint'], feedback: ['feedbackDue', 'feedbackDueHint'] } as const;
    for (const messages of [zhCN, enUS]) for (const clock of reportClocks) for (const key of labels[clock]) expect(messages.supervision.console[key], key).toBeTruthy();
  });
});
