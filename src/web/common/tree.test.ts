import { describe, expect, test } from 'vitest';
import { nestByParent } from './tree.js';

interface Item {
  id: number;
  parentId: number | null;
  name: string;
}
interface Node {
  name: string;
  children: Node[];
}

const toNode = (i: Item, children: Node[]): Node => ({ name: i.name, children });

describe('nestByParent', () => {
  test('nests children under their parents, in list order unless an order is given', () => {
    const items: Item[] = [
      { id: 1, parentId: null, name: 'root' },
      { id: 3, parentId: 1, name: 'b' },
      { id: 2, parentId: 1, name: 'a' },
      { id: 4, parentId: 2, name: 'a1' },
    ];
    expect(nestByParent(items, toNode)).toEqual([{ name: 'root', children: [{ name: 'b', children: [] }, { name: 'a', children: [{ name: 'a1', children: [] }] }] }]);
    const byName = nestByParent(items, toNode, (x, y) => x.name.localeCompare(y.name));
    expect(byName[0]?.children.map((c) => c.name)).toEqual(['a', 'b']);
  });

  test('an item whose parent is not in the list becomes a root', () => {
    const items: Item[] = [
      { id: 5, parentId: 99, name: 'community' },
      { id: 6, parentId: 5, name: 'grid' },
    ];
    expect(nestByParent(items, toNode)).toEqual([{ name: 'community', children: [{ name: 'grid', children: [] }] }]);
  });

  test('does not reorder the caller’s list', () => {
    const items: Item[] = [
      { id: 2, parentId: null, name: 'z' },
      { id: 1, parentId: null, name: 'y' },
    ];
    nestByParent(items, toNode, (a, b) => a.id - b.id);
    expect(items.map((i) => i.id)).toEqual([2, 1]);
  });
});
