/**
 * The spreadsheet layout of each exported/imported entity: Chinese headers (the English
 * keys are accepted too), and the labels used for enumerations. Rows refer to their
 * parents by code, so a file exported from one database imports into another.
 */
import type { NodeLevel, OrgKind, PartyLevel } from '../org.tables.js';

export const entities = ['nodes', 'organizations', 'people'] as const;
export type Entity = (typeof entities)[number];
import type { ColumnDef } from '../../../platform/data/sheet-writer.js';

export { formats, type ColumnDef, type Format } from '../../../platform/data/sheet-writer.js';

export const columnsOf: Record<Entity, readonly ColumnDef[]> = {
  nodes: [
    { key: 'code', header: '编码' },
    { key: 'name', header: '名称' },
    { key: 'level', header: '层级' },
    { key: 'kind', header: '类型' },
    { key: 'parentCode', header: '上级编码' },
    { key: 'households', header: '户数', numeric: true },
  ],
  organizations: [
    { key: 'code', header: '编码' },
    { key: 'name', header: '名称' },
    { key: 'kind', header: '类别' },
    { key: 'partyLevel', header: '党组织层级' },
    { key: 'nodeCode', header: '所属节点编码' },
    { key: 'parentCode', header: '上级组织编码' },
    { key: 'charterCategories', header: '章程事项' },
    { key: 'charterNodeCode', header: '章程区域编码' },
    { key: 'phone', header: '电话' },
    { key: 'active', header: '状态' },
  ],
  people: [
    { key: 'code', header: '编号' },
    { key: 'name', header: '姓名' },
    { key: 'nodeCode', header: '所属节点编码' },
    { key: 'phone', header: '电话' },
    { key: 'gender', header: '性别' },
    { key: 'partyMember', header: '党员' },
    { key: 'note', header: '备注' },
  ],
};

export const sheetNames: Record<Entity, string> = { nodes: '行政区划', organizations: '组织', people: '人员' };

export const levelLabels: Record<NodeLevel, string> = { district: '区/县', street: '街道/乡镇', community: '社区/村', grid: '网格' };
export const orgKindLabels: Record<OrgKind, string> = { party: '党组织', department: '政府部门', committee: '村(居)委会', social: '社会组织' };
export const partyLevelLabels: Record<PartyLevel, string> = { committee: '党委', general_branch: '党总支', branch: '党支部', group: '党小组' };
export const genderLabels: Record<'male' | 'female', string> = { male: '男', female: '女' };
export const YES = '是';
export const NO = '否';
export const ACTIVE = '启用';
export const INACTIVE = '停用';

/** Full-width brackets and spaces as people type them in Chinese spreadsheets. */
function normalizeLabel(text: string): string {
  return text.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').toLowerCase();
}

/** The enum value a cell names, by its Chinese label or its English key; undefined if none. */
export function parseLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const wanted = normalizeLabel(text);
  for (const [key, label] of Object.entries(labels) as Array<[T, string]>) {
    if (normalizeLabel(label) === wanted || key.toLowerCase() === wanted) return key;
  }
  return undefined;
}

/** 是/否, yes/no, true/false, 1/0, y/n; empty means false. Undefined when unrecognized. */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['', NO, 'no', 'n', 'false', '0'].includes(t)) return false;
  if ([YES, 'yes', 'y', 'true', '1'].includes(t)) return true;
  return undefined;
}
