/**
 * The sub-kinds each level accepts (区 or 县, 街道 or 乡镇 …). The values are the Chinese
 * terms the server stores and checks (org.rules.ts `nodeKindsByLevel`); the English names
 * are for display only.
 */
import type { NodeLevel } from '../../api/types.js';

export const nodeKinds: Record<NodeLevel, readonly { value: string; en: string }[]> = {
  district: [
    { value: '区', en: 'District' },
    { value: '县', en: 'County' },
    { value: '县级市', en: 'County-level city' },
    { value: '旗', en: 'Banner' },
    { value: '自治县', en: 'Autonomous county' },
  ],
  street: [
    { value: '街道', en: 'Subdistrict' },
    { value: '乡镇', en: 'Township' },
    { value: '镇', en: 'Town' },
    { value: '乡', en: 'Township (xiang)' },
    { value: '民族乡', en: 'Ethnic township' },
    { value: '苏木', en: 'Sumu' },
  ],
  community: [
    { value: '社区', en: 'Community' },
    { value: '村', en: 'Village' },
    { value: '嘎查', en: 'Gacha' },
  ],
  grid: [{ value: '网格', en: 'Grid' }],
};

const levelOrder: readonly NodeLevel[] = ['district', 'street', 'community', 'grid'];

/** The level of a new child of `parent` (district for a root; null below a grid). */
export function childLevelOf(parent: NodeLevel | null): NodeLevel | null {
  if (parent === null) return 'district';
  return levelOrder[levelOrder.indexOf(parent) + 1] ?? null;
}

export function kindLabel(kind: string, lang: string): string {
  if (lang !== 'en-US') return kind;
  for (const list of Object.values(nodeKinds)) {
    const hit = list.find((k) => k.value === kind);
    if (hit) return hit.en;
  }
  return kind;
}
