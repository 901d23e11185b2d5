import { describe, expect, test } from 'vitest';
import { correctedCategory } from './dispatch-category.js';

describe('the category a dispatch sends', () => {
  test('only when the dispatcher changed it', () => {
    expect(correctedCategory(12, 12)).toBeUndefined();
    expect(correctedCategory(12, 30)).toBe(30);
    expect(correctedCategory(null, 30)).toBe(30);
  });

  test('an emptied or untouched field leaves the category as it is', () => {
    expect(correctedCategory(12, null)).toBeUndefined();
    expect(correctedCategory(12, undefined)).toBeUndefined();
    expect(correctedCategory(null, null)).toBeUndefined();
  });
});
