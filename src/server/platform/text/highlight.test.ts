import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from './highlight.js';

describe('excerpt', () => {
  it('marks every occurrence, longest word first', () => {
    expect(excerpt('垃圾清运不及时，垃圾堆放', ['垃圾', '垃圾清运'])).toEqual([
      { text: '垃圾清运', hit: true },
      { text: '不及时，', hit: false },
      { text: '垃圾', hit: true },
      { text: '堆放', hit: false },
    ]);
  });

  it('starts near the first hit in a long text and says what was cut', () => {
    const text = `${'前'.repeat(100)}路灯不亮${'后'.repeat(100)}`;
    const segs = excerpt(text, ['路灯'], 40);
    expect(segs[0]).toEqual({ text: '…', hit: false });
    expect(segs.at(-1)).toEqual({ text: '…', hit: false });
    expect(segs.some((s) => s.hit && s.text === '路灯')).toBe(true);
  });

  it('always gives back a slice of the text, whatever the needles', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }), (text, needles) => {
        const joined = excerpt(text, needles, 60)
          .filter((s) => s.text !== '…' || s.hit)
          .map((s) => s.text)
          .join('');
        expect(text).toContain(joined);
      }),
    );
  });

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), fc.nat(70), (text, needle, at) => {
        const chars = [...text]; // by code point, so the needle never goes in between a pair
        const withHit = [...chars.slice(0, at), needle, ...chars.slice(at)].join('');
        const joined = excerpt(withHit, [needle], 40).map((s) => s.text).join('');
        expect(joined).not.toMatch(lone);
      }),
    );
  });
});
