import { describe, expect, test } from 'vitest';
import { caseEvents, caseStates } from '../../server/modules/cases/case.workflow.js';
import { caseTypes, ratings } from '../../server/modules/cases/cases.tables.js';
import { enUS } from '../i18n/en-US.js';
import { zhCN } from '../i18n/zh-CN.js';
import { cascaderOptions, dueOf, isOverdue, MAX_PHOTO_BYTES, pathTo, photoRefusal, placeName, placeOptions, similarProbe } from './case-helpers.js';

describe('resident labels', () => {
  test('every state, event, type and rating the server knows has a resident label in both languages', () => {
    for (const messages of [zhCN, enUS]) {
      const r = messages.resident;
      for (const s of caseStates) expect(r.states, s).toHaveProperty(s);
      for (const e of caseEvents) expect(r.events, e).toHaveProperty(e);
      for (const ty of caseTypes) expect(r.types, ty).toHaveProperty(ty);
      for (const ra of ratings) expect(r.ratings, ra).toHaveProperty(ra);
    }
  });

  test('the words residents know', () => {
    const r = zhCN.resident;
    expect(Object.values(r.types)).toEqual(['咨询', '求助', '投诉', '举报', '建议']);
    expect(Object.values(r.ratings)).toEqual(['满意', '基本满意', '不满意']);
    expect(r.actors).toMatchObject({ reporter: '我', dispatch_center: '派单中心', handling_unit: '承办单位', verifier: '核查人员', system: '系统' });
  });
});

describe('deadline', () => {
  const base = { feedbackDueAt: null, stepDueAt: null, step: null, overdue: false };
  const now = new Date('2026-03-05T08:00:00Z');

  test('办理时限 is the feedback deadline, else the step deadline', () => {
    expect(dueOf({ ...base, stepDueAt: '2026-03-04T00:00:00Z' })).toBe('2026-03-04T00:00:00Z');
    expect(dueOf({ ...base, stepDueAt: '2026-03-04T00:00:00Z', feedbackDueAt: '2026-03-10T00:00:00Z' })).toBe('2026-03-10T00:00:00Z');
    expect(dueOf(base)).toBeNull();
  });

  test('overdue: the server flag, or a running step past its deadline', () => {
    expect(isOverdue({ ...base, overdue: true }, now)).toBe(true);
    expect(isOverdue({ ...base, step: 'feedback', feedbackDueAt: '2026-03-05T07:59:00Z' }, now)).toBe(true);
    expect(isOverdue({ ...base, step: 'feedback', feedbackDueAt: '2026-03-05T08:01:00Z' }, now)).toBe(false);
    // A finished step (answered, closed) stops the clock.
    expect(isOverdue({ ...base, step: null, feedbackDueAt: '2026-03-01T00:00:00Z' }, now)).toBe(false);
  });
});

describe('photos', () => {
  test('JPEG, PNG and WebP up to 8 MiB', () => {
    expect(photoRefusal({ name: 'a.jpg', type: 'image/jpeg', size: 1000 })).toBeNull();
    expect(photoRefusal({ name: 'a.webp', type: 'image/webp', size: MAX_PHOTO_BYTES })).toBeNull();
    expect(photoRefusal({ name: 'a.png', type: 'image/png', size: MAX_PHOTO_BYTES + 1 })).toBe('size');
    expect(photoRefusal({ name: 'a.heic', type: 'image/heic', size: 1000 })).toBe('type');
    expect(photoRefusal({ name: 'a.gif', type: 'image/gif', size: 1000 })).toBe('type');
    expect(photoRefusal({ name: 'a.png', type: 'image/png', size: 0 })).toBe('empty');
  });

  test('an empty MIME type falls back to the extension', () => {
    expect(photoRefusal({ name: 'IMG_1.JPEG', type: '', size: 10 })).toBeNull();
    expect(photoRefusal({ name: 'doc.pdf', type: '', size: 10 })).toBe('type');
  });
});

describe('place and category options', () => {
  const nodes = [
    { id: 1, parentId: null, name: '朝阳区' },
    { id: 2, parentId: 1, name: '望京街道' },
    { id: 3, parentId: 2, name: '花家地社区' },
    { id: 4, parentId: 3, name: '第一网格' },
    { id: 5, parentId: 2, name: '南湖社区' },
  ];

  test('lone levels at the top are skipped; leaves have no children', () => {
    const options = placeOptions(nodes);
    expect(options).toEqual([{ value: 3, label: '花家地社区', children: [{ value: 4, label: '第一网格' }] }, { value: 5, label: '南湖社区' }]);
    expect(pathTo(options, 4)).toEqual([3, 4]);
    expect(pathTo(options, 99)).toEqual([]);
    const twoStreets = placeOptions([...nodes, { id: 6, parentId: 1, name: '酒仙桥街道' }]);
    expect(twoStreets.map((o) => o.label)).toEqual(['望京街道', '酒仙桥街道']);
    expect(pathTo(twoStreets, 4)).toEqual([2, 3, 4]);
  });

  test('several roots are kept; orphans become roots', () => {
    expect(cascaderOptions([{ id: 1, parentId: null, name: 'A' }, { id: 2, parentId: null, name: 'B' }, { id: 3, parentId: 42, name: 'C' }]).map((o) => o.label)).toEqual(['A', 'B', 'C']);
  });

  test('place names read top-down without the lone root', () => {
    expect(placeName(nodes, 4)).toBe('望京街道 / 花家地社区 / 第一网格');
    expect(placeName(nodes, 1)).toBe('朝阳区');
    expect(placeName(nodes, 99)).toBeNull();
  });
});

describe('similar matters while writing one', () => {
  test('asks once the title has four characters and a place is chosen', () => {
    expect(similarProbe('路灯不', '', 7)).toBeNull();
    expect(similarProbe('  路灯不亮  ', undefined, undefined)).toBeNull();
    expect(similarProbe('  路灯不亮  ', ' 晚上很黑 ', 7)).toEqual({ title: '路灯不亮', description: '晚上很黑', nodeId: 7 });
  });

  test('counts characters, not UTF-16 units, and keeps to the server limits', () => {
    expect(similarProbe('𠀀𠀀𠀀', '', 7)).toBeNull();
    expect(similarProbe('𠀀'.repeat(120), '', 7)?.title).toBe('𠀀'.repeat(100));
    expect(similarProbe('路灯不亮', 'x'.repeat(6000), 7)?.description).toHaveLength(5000);
  });
});

