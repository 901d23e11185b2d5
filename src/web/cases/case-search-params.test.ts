import { describe, expect, test } from 'vitest';
import { readSearchState, searchQueryOf, searchStateParams } from './case-search-params.js';

const read = (qs: string) => readSearchState(new URLSearchParams(qs));

describe('the 全文检索 address', () => {
  test('round-trips a full search', () => {
    const qs = 'q=%E5%9E%83%E5%9C%BE+%E6%B8%85%E8%BF%90&state=closed&categoryId=12&nodeId=3&from=2026-03-01&to=2026-03-31&page=2';
    const s = read(qs);
    expect(s).toEqual({ q: '垃圾 清运', state: 'closed', categoryId: 12, nodeId: 3, from: '2026-03-01', to: '2026-03-31', page: 2 });
    expect(searchStateParams(s).toString()).toBe(qs);
  });

  test('an empty address is an empty search on page 1, and writes back empty', () => {
    expect(read('')).toEqual({ q: '', page: 1 });
    expect(searchStateParams(read('')).toString()).toBe('');
    expect(searchQueryOf(read(''))).toBeNull();
    expect(searchQueryOf(read('q=%20%20'))).toBeNull();
  });

  test('drops what the server would refuse, keeps the words for the server to judge', () => {
    expect(read('q=a&state=lost&categoryId=x&nodeId=-1&from=2026-13-01&to=yesterday&page=0')).toEqual({ q: 'a', page: 1 });
    expect(read(`q=${'长'.repeat(150)}`).q).toHaveLength(150);
  });

  test('asks the server for the page shown', () => {
    expect(searchQueryOf(read('q=路灯&nodeId=7&page=3'), 20)).toEqual({ q: '路灯', nodeId: 7, limit: 20, offset: 40 });
  });
});
