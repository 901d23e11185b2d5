import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { areasHeight, areasShown, categoriesOption, clickedCategory, formatCount, statesShown } from './insight-charts.js';

// The words do not matter here: the key stands for them.
const t = ((key: string) => key) as unknown as TFunction;

describe('the dashboard charts', () => {
  test('states and areas with cases, most first (the order clicks are read in)', () => {
    expect(statesShown([{ state: 'closed', count: 3 }, { state: 'submitted', count: 0 }, { state: 'dispatched', count: 7 }]).map((s) => s.state)).toEqual(['dispatched', 'closed']);
    const area = (id: number, count: number, open = 0) => ({ id, name: `a${id}`, count, open, overdue: 0, dissatisfied: 0 });
    expect(areasShown([area(1, 2), area(2, 0), area(3, 9), area(4, 0, 1)]).map((a) => a.id)).toEqual([3, 1, 4]);
    expect(areasHeight(1)).toBe(220);
    expect(areasHeight(100)).toBe(1200);
  });

  test('the treemap: second-level rectangles carry their category, a first level keeps its own cases as “other”', () => {
    const option = categoriesOption(
      [
        { name: '市容环境', count: 10, children: [{ id: 141, name: '积存垃圾渣土', count: 6 }, { id: 142, name: '道路不洁', count: 0 }] },
        { name: '未分类', count: 4, children: [] },
        { name: '空', count: 0, children: [] },
      ],
      t,
      'zh-CN',
    );
    const data = (option.series as { data: unknown[] }[])[0]!.data;
    expect(data).toEqual([
      { name: '市容环境', value: 10, children: [{ id: 'category-141', name: '积存垃圾渣土', value: 6 }, { name: 'insight.dashboard.otherInCategory', value: 4 }] },
      { name: '未分类', value: 4 },
    ]);
  });

  test('a treemap click names a category by id, or a first level by name', () => {
    expect(clickedCategory({ data: { id: 'category-141' }, treePathInfo: [{ name: '' }, { name: '市容环境' }, { name: '积存垃圾渣土' }] })).toEqual({ id: 141 });
    expect(clickedCategory({ data: { name: 'x' }, treePathInfo: [{ name: '' }, { name: '市容环境' }, { name: 'x' }] })).toEqual({ rootName: '市容环境' });
    expect(clickedCategory({ data: { id: 'category-x' }, treePathInfo: [{ name: '' }] })).toBeNull();
  });

  test('counts in the language’s grouping', () => {
    expect(formatCount(2560, 'zh-CN')).toBe('2,560');
    expect(formatCount(1200, 'en-US')).toBe('1,200');
    expect(formatCount(2.25, 'en-US')).toBe('2.3');
  });
});

describe('warning labels', () => {
  test('every warning kind and status the server knows has words in both languages, and each kind a rule sentence', async () => {
    const { warningKinds, warningStatuses } = await import('../../server/modules/insight/insight.schema.js');
    const { zhCN } = await import('../i18n/zh-CN.js');
    const { enUS } = await import('../i18n/en-US.js');
    for (const m of [zhCN, enUS]) {
      for (const k of warningKinds) {
        expect(m.insight.warnings.kinds, k).toHaveProperty(k);
        expect(m.insight.warnings.measure, k).toHaveProperty(k);
        expect(m.insight.rules.explain[k], k).toMatch(/\{\{count\}\}.*|.*\{\{count\}\}/);
        expect(m.insight.rules.count, k).toHaveProperty(k);
      }
      for (const s of warningStatuses) expect(m.insight.warnings.statuses, s).toHaveProperty(s);
    }
  });
});
