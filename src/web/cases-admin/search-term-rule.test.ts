import { expect, test } from 'vitest';
import { searchTermProblem } from './search-term-rule.js';

test('a dictionary word: 2–40 characters by code point, no white space, trimmed first', () => {
  expect(searchTermProblem('一刻钟便民生活圈')).toBeNull();
  expect(searchTermProblem('  垃圾分类  ')).toBeNull();
  expect(searchTermProblem('𠮷野')).toBeNull(); // two code points, three UTF-16 units
  expect(searchTermProblem('')).toBe('required');
  expect(searchTermProblem('   ')).toBe('required');
  expect(searchTermProblem('垃')).toBe('length');
  expect(searchTermProblem('𠮷')).toBe('length'); // two UTF-16 units, one character
  expect(searchTermProblem('字'.repeat(40))).toBeNull();
  expect(searchTermProblem('字'.repeat(41))).toBe('length');
  expect(searchTermProblem('垃圾 分类')).toBe('spaces');
  expect(searchTermProblem('垃圾\u3000分类')).toBe('spaces');
});
