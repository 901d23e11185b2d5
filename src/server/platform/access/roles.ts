/**
 * Roles and what they grant. A role is always held within a subtree of the
 * administrative tree (see `Grant`), so these permissions apply only under that node.
 */
import { Permission as P, allPermissions, supervisionPermissions, type Permission } from './permission.js';

export const roles = [
  'resident',
  'grid_worker',
  'party_member',
  'cadre',
  'dispatcher',
  'dept_staff',
  'discipline_inspector',
  'custodian',
  'assessor',
  'admin',
] as const;

export type Role = (typeof roles)[number];

const staffRead: Permission[] = [P.OrgRead, P.PeopleRead, P.ResponsibilityRead];
const handler: Permission[] = [P.CasesRead, P.CasesHandle, P.ReplyTemplatesWrite];
/** 信访: registrars (信访登记) route and answer reviews; handling bodies' staff accept and conclude. */
const petitionRegistrar: Permission[] = [P.PetitionsRead, P.PetitionsRegister];
const petitionHandler: Permission[] = [P.PetitionsRead, P.PetitionsHandle];

/** Role → permissions. Kept as data so the authorization test can walk it. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  resident: [],
  party_member: [P.OrgRead],
  grid_worker: [...staffRead, P.PeopleWrite, ...handler, P.CasesIntake, ...petitionHandler],
  cadre: [...staffRead, P.PeopleWrite, P.OrgWrite, P.AuditRead, ...handler, P.CasesVerify, P.CasesExport, ...petitionRegistrar, P.PetitionsHandle],
  dispatcher: [...staffRead, P.CasesRead, P.CasesIntake, P.CasesDispatch, P.CasesVerify, P.CasesExport, P.ReplyTemplatesWrite, ...petitionRegistrar],
  dept_staff: [P.OrgRead, P.ResponsibilityRead, ...handler, ...petitionHandler],
  discipline_inspector: [...staffRead, P.CasesRead, P.SupervisionRead, P.SupervisionHandle, P.AccountabilityRead, P.AccountabilityWrite],
  // 保密员: holds the escrow of report keys (approves identity requests, recovers keys); reads no report
  custodian: [P.OrgRead, P.SupervisionCustody],
  assessor: [...staffRead, P.CasesRead, P.CasesExport, P.PetitionsRead, P.AssessmentRead],
  // Administrators run the system, not discipline work: no report, no identity (DOMAIN.md §4).
  admin: allPermissions.filter((p) => !supervisionPermissions.includes(p)),
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
