import { describe, expect, it } from 'vitest';
import { readShippedJsonl } from './shipped.js';

describe('shipped data', () => {
  it('carries the real messages and the taxonomy, complete', () => {
    expect(readShippedJsonl('labelled-messages')).toHaveLength(298);
    expect(readShippedJsonl('messages-with-votes')).toHaveLength(4326);
    expect(readShippedJsonl('messages-with-replies')).toHaveLength(2816);
    const taxonomy = readShippedJsonl<{ level1: string; level2: string; level3: string }>('taxonomy');
    expect(taxonomy).toHaveLength(517);
    expect(new Set(taxonomy.map((t) => t.level1)).size).toBe(15);
    const [first] = readShippedJsonl<{ title: string; body: string; category: string }>('labelled-messages');
    expect(first!.title.length).toBeGreaterThan(0);
    expect(first!.category.length).toBeGreaterThan(0);
  });
});
