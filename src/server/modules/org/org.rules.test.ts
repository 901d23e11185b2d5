import { describe, expect, it } from 'vitest';
import {
  chainParentProblem,
  charterProblem,
  childLevelOf,
  nodeKindAllowed,
  nodeLevelProblem,
  partyLevelProblem,
  responsibilityProblem,
  splitCategories,
  type ChainOrg,
} from './org.rules.js';

const party = (partyLevel: ChainOrg['partyLevel'], nodePath: string): ChainOrg => ({ kind: 'party', partyLevel, nodePath });

describe('tree levels', () => {
  it('goes district → street → community → grid, roots only districts', () => {
    expect(childLevelOf(null)).toBe('district');
    expect(childLevelOf('district')).toBe('street');
    expect(childLevelOf('community')).toBe('grid');
    expect(childLevelOf('grid')).toBeNull();
    expect(nodeLevelProblem('district', null)).toBeNull();
    expect(nodeLevelProblem('street', null)).toBe('node_root_level');
    expect(nodeLevelProblem('grid', 'street')).toBe('node_level_mismatch');
    expect(nodeLevelProblem('grid', 'grid')).toBe('node_level_mismatch');
    expect(nodeLevelProblem('community', 'street')).toBeNull();
  });

  it('knows the sub-kinds of each level', () => {
    expect(nodeKindAllowed('street', '街道')).toBe(true);
    expect(nodeKindAllowed('street', '乡镇')).toBe(true);
    expect(nodeKindAllowed('community', '村')).toBe(true);
    expect(nodeKindAllowed('grid', '社区')).toBe(false);
  });
});

describe('party chain', () => {
  it('needs a higher-ranking party parent on the same node or above', () => {
    expect(chainParentProblem(party('branch', '/1/2/3/'), party('general_branch', '/1/2/3/'))).toBeNull();
    expect(chainParentProblem(party('group', '/1/2/3/4/'), party('branch', '/1/2/3/'))).toBeNull();
    expect(chainParentProblem(party('branch', '/1/2/3/'), party('branch', '/1/2/'))).toBe('party_parent_level');
    expect(chainParentProblem(party('committee', '/1/2/'), party('branch', '/1/'))).toBe('party_parent_level');
    expect(chainParentProblem(party('group', '/1/2/'), party('branch', '/1/2/3/'))).toBe('org_parent_not_above');
    expect(chainParentProblem(party('branch', '/1/2/'), party('branch', '/1/9/'))).toBe('org_parent_not_above');
    expect(chainParentProblem(party('branch', '/1/'), { kind: 'department', partyLevel: null, nodePath: '/1/' })).toBe('party_parent_not_party');
  });

  it('lets a 党委 report to a 党委 only on a strictly higher node', () => {
    expect(chainParentProblem(party('committee', '/1/2/'), party('committee', '/1/'))).toBeNull();
    expect(chainParentProblem(party('committee', '/1/'), party('committee', '/1/'))).toBe('party_parent_level');
  });

  it('chains other organizations only to their own kind', () => {
    const dept = (nodePath: string): ChainOrg => ({ kind: 'department', partyLevel: null, nodePath });
    expect(chainParentProblem(dept('/1/2/'), dept('/1/'))).toBeNull();
    expect(chainParentProblem(dept('/1/2/'), party('committee', '/1/'))).toBe('org_parent_kind');
    expect(partyLevelProblem('party', null)).toBe('party_level_required');
    expect(partyLevelProblem('social', 'branch')).toBe('party_level_only_party');
    expect(partyLevelProblem('department', null)).toBeNull();
  });
});

describe('charters and responsibilities', () => {
  it('requires a charter of social organizations only, within their node', () => {
    expect(charterProblem('social', { categories: ['民政'], areaPath: '/1/2/' }, '/1/')).toBeNull();
    expect(charterProblem('social', { categories: [], areaPath: '/1/' }, '/1/')?.code).toBe('charter_categories_required');
    expect(charterProblem('social', { categories: ['民政'], areaPath: null }, '/1/')?.code).toBe('charter_area_required');
    expect(charterProblem('social', { categories: ['民政'], areaPath: '/1/' }, '/1/2/')).toEqual({ field: 'charterNodeId', code: 'charter_area_outside' });
    expect(charterProblem('department', { categories: ['民政'], areaPath: null }, '/1/')?.code).toBe('charter_only_social');
    expect(charterProblem('party', { categories: [], areaPath: null }, '/1/')).toBeNull();
  });

  it('routes a category in an area only to an organization that answers for it', () => {
    const dept = { kind: 'department' as const, active: true, nodePath: '/1/', charterCategories: [], charterPath: null };
    expect(responsibilityProblem(dept, '/1/2/', '市容环境')).toBeNull();
    expect(responsibilityProblem({ ...dept, nodePath: '/1/2/' }, '/1/', '市容环境')).toBe('responsibility_area_outside_org');
    expect(responsibilityProblem({ ...dept, active: false }, '/1/', '市容环境')).toBe('responsibility_org_inactive');
    const social = { kind: 'social' as const, active: true, nodePath: '/1/', charterCategories: ['民政'], charterPath: '/1/2/' };
    expect(responsibilityProblem(social, '/1/2/3/', '民政')).toBeNull();
    expect(responsibilityProblem(social, '/1/2/', '教育文体')).toBe('responsibility_outside_charter');
    expect(responsibilityProblem(social, '/1/', '民政')).toBe('responsibility_outside_charter_area');
  });

  it('splits charter cells on Chinese and ASCII separators', () => {
    expect(splitCategories('民政；环境保护、教育文体, 民政|卫生计生')).toEqual(['民政', '环境保护', '教育文体', '卫生计生']);
    expect(splitCategories('  ')).toEqual([]);
  });
});
