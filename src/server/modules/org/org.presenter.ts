/**
 * Rows → API shapes. Each shape carries the `actions` the caller may take on it, computed
 * by the policy, so the console shows exactly the buttons the server will accept.
 */
import type { Actor } from '../../platform/access/actor.js';
import { isRole, type Role } from '../../platform/access/roles.js';
import type { AccountOut, ResponsibilityOut, RoleAssignmentOut } from './access.schema.js';
import type { NodeOut, OrganizationOut, PersonOut, PostOut } from './org.schema.js';
import {
  accountActions,
  nodeActions,
  organizationActions,
  personActions,
  postActions,
  responsibilityActions,
  roleAssignmentActions,
} from './org.policy.js';
import type { AccountView, RoleView } from './account.repo.js';
import type { NodeView } from './org.repo.js';
import type { OrgView } from './organization.repo.js';
import type { PersonView, PostView } from './people.repo.js';
import type { ResponsibilityView } from './responsibility.repo.js';

/** A tree node as the API shows it. */
export function presentNode(actor: Actor | null, n: NodeView): NodeOut {
  return {
    id: n.id,
    parentId: n.parentId,
    level: n.level,
    kind: n.kind,
    code: n.code,
    name: n.name,
    path: n.path,
    households: n.households,
    childCount: n.childCount,
    actions: nodeActions(actor, n),
  };
}

/** An organization with its node and chain-parent names. */
export function presentOrganization(actor: Actor | null, o: OrgView): OrganizationOut {
  return {
    id: o.id,
    nodeId: o.nodeId,
    nodeName: o.nodeName,
    kind: o.kind,
    partyLevel: o.partyLevel,
    parentOrgId: o.parentOrgId,
    parentOrgName: o.parentOrgName,
    code: o.code,
    name: o.name,
    charterCategories: o.charterCategories,
    charterNodeId: o.charterNodeId,
    phone: o.phone,
    active: o.active,
    actions: organizationActions(actor, { path: o.nodePath }),
  };
}

/** A person record. */
export function presentPerson(actor: Actor | null, p: PersonView): PersonOut {
  return {
    id: p.id,
    code: p.code,
    nodeId: p.nodeId,
    nodeName: p.nodeName,
    name: p.name,
    phone: p.phone,
    gender: p.gender,
    partyMember: p.partyMember,
    userId: p.userId,
    note: p.note,
    actions: personActions(actor, { path: p.nodePath }),
  };
}

/** A post with its organization and holder names. */
export function presentPost(actor: Actor | null, p: PostView): PostOut {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: p.orgName,
    title: p.title,
    personId: p.personId,
    personName: p.personName,
    actions: postActions(actor, { path: p.nodePath }),
  };
}

/** Stored roles are checked on write; an unknown one (from an older release) is shown as resident and cannot be revoked here. */
function roleOf(value: string): Role {
  return isRole(value) ? value : 'resident';
}

export function presentRoleAssignment(actor: Actor | null, r: RoleView): RoleAssignmentOut {
  const role = roleOf(r.role);
  return {
    id: r.id,
    userId: r.userId,
    userName: r.userName,
    role,
    nodeId: r.nodeId,
    nodeName: r.nodeName,
    actions: roleAssignmentActions(actor, { role, path: r.nodePath }),
  };
}

/** The places an account acts or lives in (what account policies check). */
export function accountPlaces(a: AccountView): { paths: string[] } {
  return { paths: [...a.roles.map((r) => r.nodePath), ...(a.personPath ? [a.personPath] : [])] };
}

/** An account with its grants (never its password hash). */
export function presentAccount(actor: Actor | null, a: AccountView): AccountOut {
  return {
    id: a.id,
    username: a.username,
    phone: a.phone,
    displayName: a.displayName,
    kind: a.kind,
    active: a.active,
    personId: a.personId,
    roles: a.roles.map((r) => ({ id: r.id, role: roleOf(r.role), nodeId: r.nodeId, nodeName: r.nodeName })),
    actions: accountActions(actor, accountPlaces(a)),
  };
}

/** A responsibility-list entry with the names of its area, organization and post. */
export function presentResponsibility(actor: Actor | null, r: ResponsibilityView): ResponsibilityOut {
  return {
    id: r.id,
    category: r.category,
    nodeId: r.nodeId,
    nodeName: r.nodeName,
    orgId: r.orgId,
    orgName: r.orgName,
    postId: r.postId,
    postTitle: r.postTitle,
    note: r.note,
    actions: responsibilityActions(actor, { path: r.nodePath }),
  };
}
