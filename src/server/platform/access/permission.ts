/**
 * The one Permission enum: routes declare one, roles grant them, API-key scopes name them.
 * Grouped by capability; a new module adds its permissions here.
 */
export const Permission = {
  // organization model
  OrgRead: 'org.read',
  OrgWrite: 'org.write',
  OrgImport: 'org.import',
  PeopleRead: 'people.read',
  PeopleWrite: 'people.write',
  RolesAssign: 'roles.assign',
  ResponsibilityRead: 'responsibility.read',
  ResponsibilityWrite: 'responsibility.write',
  // 接诉即办 cases
  CasesRead: 'cases.read', // staff: read cases of the subtree
  CasesIntake: 'cases.intake', // record a case for someone else (hotline, patrol)
  CasesDispatch: 'cases.dispatch', // accept, refuse, answer, merge, dispatch, review objections
  CasesHandle: 'cases.handle', // sign, handle, reply, object, ask for an extension (as a unit's member)
  CasesVerify: 'cases.verify', // verify, close, decide extensions
  CasesExport: 'cases.export',
  CasesConfigure: 'cases.configure', // catalogue, calendar, deadline rules
  ReplyTemplatesWrite: 'cases.templates',
  // 监督微平台 reports about cadres: never granted to administrators (roles.ts)
  SupervisionRead: 'supervision.read', // read the reports sealed to one's own key (competent inspectors)
  SupervisionHandle: 'supervision.handle', // accept, dispose, ask, answer, transfer, conclude
  SupervisionCustody: 'supervision.custody', // custodian: decide identity requests, recover inspectors' keys
  // accountability: the four forms and 通报批评, kept on the cadre's record
  AccountabilityRead: 'accountability.read',
  AccountabilityWrite: 'accountability.write', // record a measure, review an appeal
  // 党建考核 assessment: figures, schemes, scorecards
  AssessmentRead: 'assessment.read',
  // 信访 petitions (信访工作条例 2022)
  PetitionsRead: 'petitions.read', // read petitions of the subtree, with the petitioner's contact
  PetitionsRegister: 'petitions.register', // 登记, 转送/交办, 不予受理, decide extensions, answer 复查/复核
  PetitionsHandle: 'petitions.handle', // the handling body: accept, object (out of remit), conclude, ask for an extension
  // notifications and integrations
  OutboxRead: 'outbox.read',
  ApiKeysManage: 'apikeys.manage',
  // accounts
  UsersManage: 'users.manage',
  // platform
  AuditRead: 'audit.read',
  SystemBackup: 'system.backup',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

export const allPermissions: readonly Permission[] = Object.values(Permission);

/** Permissions over reports about cadres: only discipline roles hold them, never an administrator. */
export const supervisionPermissions: readonly Permission[] = allPermissions.filter((p) => p.startsWith('supervision.'));

/**
 * What a route asks of its caller: `public` (anyone), `authenticated` (any signed-in
 * account), or a Permission held somewhere in the tree (the handler then checks the subtree).
 */
export type RouteAccess = Permission | 'public' | 'authenticated';
