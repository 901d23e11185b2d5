/**
 * Pure rules of the organization model: the levels of the administrative tree, the
 * party chain (党委 → 党总支 → 党支部 → 党小组), social-organization charters and what a
 * responsibility-list entry may point to. No database here, so every rule is unit-tested.
 */
import { nodeLevels, partyLevels, type NodeLevel, type OrgKind, type PartyLevel } from './org.tables.js';

/** Sub-kinds users may give each level (区 or 县, 街道 or 乡镇, 社区 or 村 …). */
export const nodeKindsByLevel: Record<NodeLevel, readonly string[]> = {
  district: ['区', '县', '县级市', '旗', '自治县'],
  street: ['街道', '乡镇', '镇', '乡', '民族乡', '苏木'],
  community: ['社区', '村', '嘎查'],
  grid: ['网格'],
};

/** The level a child of `parent` must have; `district` for a root; null below a grid. */
export function childLevelOf(parent: NodeLevel | null): NodeLevel | null {
  if (parent === null) return 'district';
  return nodeLevels[nodeLevels.indexOf(parent) + 1] ?? null;
}

/** Why a node of `level` may not sit under a parent of `parentLevel` (null: it may). */
export function nodeLevelProblem(level: NodeLevel, parentLevel: NodeLevel | null): string | null {
  if (parentLevel === null) return level === 'district' ? null : 'node_root_level';
  return childLevelOf(parentLevel) === level ? null : 'node_level_mismatch';
}

/** Whether `kind` is one of the sub-kinds of `level`. */
export function nodeKindAllowed(level: NodeLevel, kind: string): boolean {
  return nodeKindsByLevel[level].includes(kind);
}

/** Rank in the party chain: a parent must outrank its child. */
export function partyRank(level: PartyLevel): number {
  return partyLevels.length - 1 - partyLevels.indexOf(level);
}

/** What the chain rules need to know of an organization. */
export interface ChainOrg {
  kind: OrgKind;
  partyLevel: PartyLevel | null;
  /** Tree path of the node the organization is attached to. */
  nodePath: string;
}

/**
 * Why `parent` may not be the chain parent of `child` (null: it may). A parent sits on the
 * child's node or an ancestor. Party organizations need a party parent of a higher level;
 * a 党委 may also report to a 党委 on a strictly higher node (街道党工委 under 区委).
 * Other organizations may only chain to their own kind (局 → 执法队).
 */
export function chainParentProblem(child: ChainOrg, parent: ChainOrg): string | null {
  if (!child.nodePath.startsWith(parent.nodePath)) return 'org_parent_not_above';
  if (child.kind !== 'party') return parent.kind === child.kind ? null : 'org_parent_kind';
  if (parent.kind !== 'party' || !parent.partyLevel || !child.partyLevel) return 'party_parent_not_party';
  if (partyRank(parent.partyLevel) > partyRank(child.partyLevel)) return null;
  const committees = parent.partyLevel === 'committee' && child.partyLevel === 'committee';
  return committees && parent.nodePath !== child.nodePath ? null : 'party_parent_level';
}

/** `partyLevel` must be given for party organizations and only for them. */
export function partyLevelProblem(kind: OrgKind, partyLevel: PartyLevel | null): string | null {
  if (kind === 'party') return partyLevel ? null : 'party_level_required';
  return partyLevel ? 'party_level_only_party' : null;
}

export interface Charter {
  categories: readonly string[];
  /** Path of the charter's area node, or null when none is set. */
  areaPath: string | null;
}

/** A charter problem names the offending field and the message code. */
export interface RuleProblem {
  field: 'charterCategories' | 'charterNodeId';
  code: string;
}

/**
 * Social organizations act only within an explicit charter: at least one category and an
 * area inside (or equal to) their own node's subtree. Other kinds carry no charter.
 */
export function charterProblem(kind: OrgKind, charter: Charter, nodePath: string): RuleProblem | null {
  if (kind !== 'social') {
    if (charter.categories.length > 0) return { field: 'charterCategories', code: 'charter_only_social' };
    return charter.areaPath ? { field: 'charterNodeId', code: 'charter_only_social' } : null;
  }
  if (charter.categories.length === 0) return { field: 'charterCategories', code: 'charter_categories_required' };
  if (!charter.areaPath) return { field: 'charterNodeId', code: 'charter_area_required' };
  return charter.areaPath.startsWith(nodePath) ? null : { field: 'charterNodeId', code: 'charter_area_outside' };
}

/** What a responsibility-list entry needs to know of its organization. */
export interface ResponsibleOrg {
  kind: OrgKind;
  active: boolean;
  nodePath: string;
  charterCategories: readonly string[];
  charterPath: string | null;
}

/**
 * Why `org` may not be listed as responsible for `category` in the area at `areaPath`
 * (null: it may). An organization answers only for its own territory; a social
 * organization only within its charter's categories and area.
 */
export function responsibilityProblem(org: ResponsibleOrg, areaPath: string, category: string): string | null {
  if (!org.active) return 'responsibility_org_inactive';
  if (org.kind !== 'social') return areaPath.startsWith(org.nodePath) ? null : 'responsibility_area_outside_org';
  if (!org.charterCategories.includes(category)) return 'responsibility_outside_charter';
  return org.charterPath && areaPath.startsWith(org.charterPath) ? null : 'responsibility_outside_charter_area';
}

/** Splits a charter cell ("民政；环境保护、教育") into distinct, trimmed categories. */
export function splitCategories(text: string): string[] {
  const parts = text
    .split(/[;；,，、|\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return [...new Set(parts)];
}

/** Depth of a materialized path: `/1/` → 1, `/1/5/` → 2. */
export function pathDepth(path: string): number {
  return path.split('/').filter(Boolean).length;
}
