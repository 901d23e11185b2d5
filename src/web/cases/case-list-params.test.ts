import { describe, expect, test } from 'vitest';
import { listParams, readListFilters } from './case-list-params.js';

describe('the 工单中心 address', () => {
  test('round-trips an inbox with filters', () => {
    const qs = 'box=all&q=%E8%B7%AF%E7%81%AF&state=closed&categoryId=12&nodeId=3&from=2026-09-01&to=2026-11-29';
    const params = new URLSearchParams(qs);
    const f = readListFilters(params);
    expect(f).toEqual({ q: '路灯', state: 'closed', categoryId: 12, nodeId: 3, from: '2026-09-01', to: '2026-11-29' });
    expect(listParams(params.get('box'), f).toString()).toBe(qs);
  });

  test('no inbox and no filters is an empty address; what the server would refuse is dropped', () => {
    expect(listParams(null, {}).toString()).toBe('');
    expect(readListFilters(new URLSearchParams('box=to_dispatch&nodeId=x&state=lost&page=3'))).toEqual({});
  });
});
