/**
 * Rows of an export, as the caller may see them: the tree and organizations within
 * their org.read subtrees, people within their people.read subtrees. Parents are named
 * by code so the file imports into another database.
 */
import { scopeOf, type Actor } from '../../../platform/access/actor.js';
import { Permission } from '../../../platform/access/permission.js';
import type { Executor } from '../../../platform/db/database.js';
import { nodesInScope } from '../org.repo.js';
import { orgsInScope } from '../organization.repo.js';
import { peopleInScope } from '../people.repo.js';
import { ACTIVE, INACTIVE, NO, YES, genderLabels, levelLabels, orgKindLabels, partyLevelLabels, type Entity } from './columns.js';

export type ExportRow = Record<string, string>;

async function nodeRows(ex: Executor, actor: Actor | null): Promise<ExportRow[]> {
  const rows = await nodesInScope(ex, scopeOf(actor, Permission.OrgRead));
  return rows.map((n) => ({
    code: n.code,
    name: n.name,
    level: levelLabels[n.level],
    kind: n.kind,
    parentCode: n.parentCode ?? '',
    households: n.households === null ? '' : String(n.households),
  }));
}

async function organizationRows(ex: Executor, actor: Actor | null): Promise<ExportRow[]> {
  const rows = await orgsInScope(ex, scopeOf(actor, Permission.OrgRead));
  return rows.map((o) => ({
    code: o.code,
    name: o.name,
    kind: orgKindLabels[o.kind],
    partyLevel: o.partyLevel ? partyLevelLabels[o.partyLevel] : '',
    nodeCode: o.nodeCode,
    parentCode: o.parentOrgCode ?? '',
    charterCategories: o.charterCategories.join('；'),
    charterNodeCode: o.charterCode ?? '',
    phone: o.phone ?? '',
    active: o.active ? ACTIVE : INACTIVE,
  }));
}

async function peopleRows(ex: Executor, actor: Actor | null): Promise<ExportRow[]> {
  const rows = await peopleInScope(ex, scopeOf(actor, Permission.PeopleRead));
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    nodeCode: p.nodeCode,
    phone: p.phone ?? '',
    gender: p.gender ? genderLabels[p.gender] : '',
    partyMember: p.partyMember ? YES : NO,
    note: p.note ?? '',
  }));
}

/** The rows of `entity` the actor may see, in a stable order (parents before children). */
export function exportRows(ex: Executor, actor: Actor | null, entity: Entity): Promise<ExportRow[]> {
  return { nodes: nodeRows, organizations: organizationRows, people: peopleRows }[entity](ex, actor);
}
