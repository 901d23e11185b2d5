/**
 * The rules an organization must satisfy after any change, with the things they refer
 * to loaded: its chain parent (party chain or same-kind chain), its charter area, the
 * children that hang on it and the responsibility-list entries that name it.
 */
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { nodeById, type NodeView } from '../org.repo.js';
import { childOrgs, orgById, orgChainIds } from '../organization.repo.js';
import { responsibilitiesOfOrg } from '../responsibility.repo.js';
import { orgPolicy } from '../org.policy.js';
import { chainParentProblem, charterProblem, partyLevelProblem, responsibilityProblem } from '../org.rules.js';
import type { OrgKind, PartyLevel } from '../org.tables.js';
import { invalidField } from './guard.js';

/** An organization as it will be after the change. */
export interface OrgDraft {
  /** Set when the organization exists (updates), to find cycles and dependants. */
  id?: number;
  node: NodeView;
  kind: OrgKind;
  partyLevel: PartyLevel | null;
  parentOrgId: number | null;
  charterCategories: string[];
  charterNodeId: number | null;
  active: boolean;
}

async function checkParent(ctx: CommandContext, draft: OrgDraft): Promise<void> {
  if (draft.parentOrgId === null) return;
  const parent = await orgById(ctx.tx, draft.parentOrgId);
  // A parent above the node is referable even when the caller cannot browse it (a
  // community cadre links their 党支部 to the street 党工委); anything else stays unknown.
  const referable = parent && (draft.node.path.startsWith(parent.nodePath) || orgPolicy.readNode(ctx.actor, { path: parent.nodePath }));
  if (!parent || !referable) throw invalidField('body.parentOrgId', 'ref_not_found');
  const problem = chainParentProblem({ kind: draft.kind, partyLevel: draft.partyLevel, nodePath: draft.node.path }, parent);
  if (problem) throw invalidField('body.parentOrgId', problem);
  if (draft.active && !parent.active) throw invalidField('body.parentOrgId', 'org_parent_inactive');
  if (draft.id !== undefined && (await orgChainIds(ctx.tx, parent.id)).includes(draft.id)) throw invalidField('body.parentOrgId', 'org_parent_cycle');
}

/** The charter area's path when one is named (a 422 when the node does not exist). */
async function charterPathOf(ctx: CommandContext, draft: OrgDraft): Promise<string | null> {
  if (draft.charterNodeId === null) return null;
  const area = await nodeById(ctx.tx, draft.charterNodeId);
  if (!area) throw invalidField('body.charterNodeId', 'ref_not_found');
  return area.path;
}

/** Checks the organization's own fields: party level, chain parent, charter. */
export async function checkOrgDraft(ctx: CommandContext, draft: OrgDraft): Promise<{ charterPath: string | null }> {
  const levelProblem = partyLevelProblem(draft.kind, draft.partyLevel);
  if (levelProblem) throw invalidField('body.partyLevel', levelProblem);
  await checkParent(ctx, draft);
  const charterPath = await charterPathOf(ctx, draft);
  const charter = charterProblem(draft.kind, { categories: draft.charterCategories, areaPath: charterPath }, draft.node.path);
  if (charter) throw invalidField(`body.${charter.field}`, charter.code);
  return { charterPath };
}

/**
 * Checks what depends on an existing organization: its chain children must still fit
 * under it (and it cannot be deactivated while they are active), and the responsibility
 * entries naming it must stay within its (possibly new) charter.
 */
export async function checkOrgDependants(ctx: CommandContext, draft: OrgDraft & { id: number }, charterPath: string | null): Promise<void> {
  const children = await childOrgs(ctx.tx, [draft.id]);
  const self = { kind: draft.kind, partyLevel: draft.partyLevel, nodePath: draft.node.path };
  if (!draft.active && children.some((c) => c.active)) throw new Conflict('org_has_active_children');
  if (children.some((c) => chainParentProblem(c, self) !== null)) throw new Conflict('org_children_conflict');
  const entries = await responsibilitiesOfOrg(ctx.tx, draft.id);
  if (!draft.active && entries.length > 0) throw new Conflict('org_has_responsibilities', { count: entries.length });
  const org = { kind: draft.kind, active: true, nodePath: draft.node.path, charterCategories: draft.charterCategories, charterPath };
  if (entries.some((e) => responsibilityProblem(org, e.nodePath, e.category) !== null)) throw new Conflict('charter_in_use');
}
