/**
 * HTTP routes of role assignments and staff accounts (administrators).
 */
import { z } from 'zod';
import { Permission } from '../../platform/access/permission.js';
import { readContext } from '../../platform/http/command.js';
import { hashPassword, passwordProblem } from '../../platform/auth/password.js';
import type { GzApp } from '../../platform/module.js';
import { accountPasswordResetter } from './commands/account-password-resetter.js';
import { accountUpdater } from './commands/account-updater.js';
import { roleAssigner } from './commands/role-assigner.js';
import { roleRevoker } from './commands/role-revoker.js';
import { staffAccountCreator } from './commands/staff-account-creator.js';
import { invalidField } from './commands/guard.js';
import { findAccounts, findRoleAssignments, getAccount } from './access.queries.js';
import { presentAccount, presentRoleAssignment } from './org.presenter.js';
import { blankToNull, runOrgCommand } from './org.errors.js';
import { IdParams, page } from './org.schema.js';
import { AccountCreateBody, AccountOut, AccountPatchBody, AccountQuery, PasswordResetBody, RoleAssignmentOut, RoleGrantBody, RoleQuery } from './access.schema.js';

const tags = ['org'];

/** Hashes a new password after checking the platform's rules (before any transaction opens). */
export async function acceptablePasswordHash(password: string, field: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw invalidField(field, problem);
  return hashPassword(password);
}

/** Registers role-assignment routes. */
export function roleRoutes(app: GzApp): void {
  app.get('/api/org/roles', {
    config: { access: Permission.PeopleRead },
    schema: { tags, summary: '角色授予列表 Role assignments', querystring: RoleQuery, response: { 200: page(RoleAssignmentOut) } },
    handler: async (request) => findRoleAssignments(readContext(request), request.query),
  });

  app.post('/api/org/roles', {
    config: { access: Permission.RolesAssign, idempotent: true },
    schema: { tags, summary: '授予角色 Grant a role within a subtree', body: RoleGrantBody, response: { 201: RoleAssignmentOut } },
    handler: async (request, reply) => {
      const grant = await runOrgCommand(request, (ctx) => roleAssigner(ctx, request.body));
      return reply.code(201).send(presentRoleAssignment(request.actor, grant));
    },
  });

  app.delete('/api/org/roles/:id', {
    config: { access: Permission.RolesAssign },
    schema: { tags, summary: '撤销角色 Revoke a role', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runOrgCommand(request, (ctx) => roleRevoker(ctx, { id: request.params.id }));
      return reply.code(204).send(null);
    },
  });
}

/** Registers staff-account routes. */
export function accountRoutes(app: GzApp): void {
  app.get('/api/org/accounts', {
    config: { access: Permission.UsersManage },
    schema: { tags, summary: '账号列表 Accounts', querystring: AccountQuery, response: { 200: page(AccountOut) } },
    handler: async (request) => findAccounts(readContext(request), request.query),
  });

  app.get('/api/org/accounts/:id', {
    config: { access: Permission.UsersManage },
    schema: { tags, summary: '账号详情 An account', params: IdParams, response: { 200: AccountOut } },
    handler: async (request) => getAccount(readContext(request), request.params.id),
  });

  app.post('/api/org/accounts', {
    config: { access: Permission.UsersManage, idempotent: true },
    schema: { tags, summary: '新建工作人员账号 Create a staff account', body: AccountCreateBody, response: { 201: AccountOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const passwordHash = await acceptablePasswordHash(b.initialPassword, 'body.initialPassword');
      const account = await runOrgCommand(request, (ctx) =>
        staffAccountCreator(ctx, { username: b.username, phone: blankToNull(b.phone), displayName: b.displayName, passwordHash, personId: b.personId ?? null, roles: b.roles }),
      );
      return reply.code(201).send(presentAccount(request.actor, account));
    },
  });

  app.patch('/api/org/accounts/:id', {
    config: { access: Permission.UsersManage },
    schema: { tags, summary: '修改或停用账号 Rename or (de)activate an account', params: IdParams, body: AccountPatchBody, response: { 200: AccountOut } },
    handler: async (request) => {
      const account = await runOrgCommand(request, (ctx) => accountUpdater(ctx, { id: request.params.id, ...request.body }));
      return presentAccount(request.actor, account);
    },
  });

  app.post('/api/org/accounts/:id/password', {
    config: { access: Permission.UsersManage },
    schema: { tags, summary: '重置密码 Reset an account password', params: IdParams, body: PasswordResetBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const passwordHash = await acceptablePasswordHash(request.body.newPassword, 'body.newPassword');
      await runOrgCommand(request, (ctx) => accountPasswordResetter(ctx, { id: request.params.id, passwordHash }));
      return reply.code(204).send(null);
    },
  });
}
