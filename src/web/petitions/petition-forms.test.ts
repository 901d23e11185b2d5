/** The bodies the petition forms send: trimmed, optional fields left out when empty, the version always there. */
import { describe, expect, it } from 'vitest';
import { actionCall, actionFields, recordBody } from './petition-forms.js';
import { reviewLevel } from './petition-labels.js';

describe('action bodies', () => {
  it('carries the version and trims, leaving empty optional fields out', () => {
    expect(actionCall('accept', 3, { note: '   ' })).toEqual({ action: 'accept', body: { version: 3 } });
    expect(actionCall('register', 2, { orgId: 9, routeKind: 'assign', note: ' 请尽快 ' })).toEqual({ action: 'register', body: { version: 2, orgId: 9, routeKind: 'assign', note: '请尽快' } });
    expect(actionCall('refuse', 1, { reason: ' 不属受理范围 ', redirect: ' 请向法院起诉 ' }).body).toEqual({ version: 1, reason: '不属受理范围', redirect: '请向法院起诉' });
    expect(actionCall('decide_extension', 4, { approve: false }).body).toEqual({ version: 4, approve: false });
  });

  it('clears a same-facts link with an empty number', () => {
    expect(actionCall('link', 5, { earlierNumber: '' }).body).toEqual({ version: 5, earlierNumber: null });
    expect(actionCall('link', 5, { earlierNumber: ' XF20260601-0001 ' }).body).toEqual({ version: 5, earlierNumber: 'XF20260601-0001' });
  });

  it('asks every action for the fields its body needs', () => {
    expect(actionFields.conclude.map((f) => f.name)).toEqual(['opinion', 'text']);
    expect(actionFields.extend.filter((f) => f.required).map((f) => f.name)).toEqual(['days', 'reason']);
  });
});

describe('recording a letter or visit', () => {
  it('sends representatives for a visit only', () => {
    const base = { title: ' 征地补偿 ', content: ' 内容 ', name: ' 钱某 ', phone: '', nodeId: 7, representatives: 3 };
    expect(recordBody({ channel: 'visit', ...base })).toEqual({ channel: 'visit', title: '征地补偿', content: '内容', nodeId: 7, petitioner: { name: '钱某' }, representatives: 3 });
    expect(recordBody({ channel: 'letter', ...base, phone: '138 0000 0000' })).toEqual({ channel: 'letter', title: '征地补偿', content: '内容', nodeId: 7, petitioner: { name: '钱某', phone: '138 0000 0000' } });
  });

  it('names the review a request goes to by the state', () => {
    expect(reviewLevel('concluded')).toBe('review');
    expect(reviewLevel('reviewed')).toBe('recheck');
    expect(reviewLevel('recheck_requested')).toBe('recheck');
  });
});
