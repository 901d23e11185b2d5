/**
 * What comes in and goes out of the access part of the organization API: role
 * assignments, accounts, resident registration and the responsibility list (职责清单).
 */
import { z } from 'zod';
import { roles } from '../../platform/access/roles.js';
import { Actions, Id, Paging, flag, line, note, search } from './org.schema.js';

export const RoleSchema = z.enum(roles);

/** 11-digit mainland mobile number, the phone residents sign in with ('' means none). */
export const mobile = z
  .string()
  .trim()
  .regex(/^(1\d{10})?$/);
/** Login names: 3–32 of a-z, 0-9, _ and never all digits (those would read as phone numbers). */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?![0-9]+$)[a-z0-9_]{3,32}$/);
/** An optional login name in forms that also accept a phone ('' means none). */
export const optionalUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^((?![0-9]+$)[a-z0-9_]{3,32})?$/);
export const password = z.string().min(1).max(256);

// ---- role assignments ----
export const RoleAssignmentOut = z.object({
  id: z.number(),
  userId: z.number(),
  userName: z.string(),
  role: RoleSchema,
  nodeId: z.number(),
  nodeName: z.string(),
  actions: Actions,
});
export type RoleAssignmentOut = z.infer<typeof RoleAssignmentOut>;

export const RoleQuery = z.object({ userId: Id.optional(), nodeId: Id.optional(), ...Paging });
export const RoleGrantBody = z.object({ userId: Id, role: RoleSchema, nodeId: Id });
export type RoleGrantBody = z.infer<typeof RoleGrantBody>;

// ---- accounts ----
export const AccountOut = z.object({
  id: z.number(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  displayName: z.string(),
  kind: z.enum(['resident', 'staff']),
  active: z.boolean(),
  personId: z.number().nullable(),
  roles: z.array(z.object({ id: z.number(), role: RoleSchema, nodeId: z.number(), nodeName: z.string() })),
  actions: Actions,
});
export type AccountOut = z.infer<typeof AccountOut>;

export const AccountQuery = z.object({ q: search, ...Paging });

export const AccountCreateBody = z.object({
  username,
  phone: mobile.nullable().optional(),
  displayName: line(50),
  initialPassword: password,
  personId: Id.nullable().optional(),
  roles: z.array(z.object({ role: RoleSchema, nodeId: Id })).min(1).max(20),
});
export type AccountCreateBody = z.infer<typeof AccountCreateBody>;

export const AccountPatchBody = z.object({ displayName: line(50).optional(), active: z.boolean().optional() });
export type AccountPatchBody = z.infer<typeof AccountPatchBody>;

export const PasswordResetBody = z.object({ newPassword: password });

// ---- resident registration ----
export const RegisterBody = z.object({
  username: optionalUsername.nullable().optional(),
  phone: mobile.nullable().optional(),
  password,
  displayName: line(50),
  nodeId: Id,
});
export type RegisterBody = z.infer<typeof RegisterBody>;

// ---- responsibility list ----
export const ResponsibilityOut = z.object({
  id: z.number(),
  category: z.string(),
  nodeId: z.number(),
  nodeName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  postId: z.number().nullable(),
  postTitle: z.string().nullable(),
  note: z.string().nullable(),
  actions: Actions,
});
export type ResponsibilityOut = z.infer<typeof ResponsibilityOut>;

export const ResponsibilityQuery = z.object({
  nodeId: Id.optional(),
  category: line(100).optional(),
  orgId: Id.optional(),
  subtree: flag,
  ...Paging,
});

export const ResponsibilityCreateBody = z.object({
  category: line(100),
  nodeId: Id,
  orgId: Id,
  postId: Id.nullable().optional(),
  note: note.optional(),
});
export type ResponsibilityCreateBody = z.infer<typeof ResponsibilityCreateBody>;

export const ResponsibilityPatchBody = ResponsibilityCreateBody.partial();
export type ResponsibilityPatchBody = z.infer<typeof ResponsibilityPatchBody>;
