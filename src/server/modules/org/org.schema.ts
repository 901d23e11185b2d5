/**
 * What comes in and goes out of the organization API: the tree, organizations, people
 * and posts. Strings are trimmed and refuse control characters (PostgreSQL rejects NUL
 * bytes, which would otherwise surface as a 500).
 */
import { z } from 'zod';
import { nodeLevels, orgKinds, partyLevels } from './org.tables.js';

import { Actions, code, flag, Id, IdParams, line, MULTI_LINE, note, page, Paging, phone, search, SINGLE_LINE } from '../../platform/http/fields.js';

export { Actions, code, flag, Id, IdParams, line, MULTI_LINE, note, page, Paging, phone, search, SINGLE_LINE };

export const Level = z.enum(nodeLevels);
export const OrgKindSchema = z.enum(orgKinds);
export const PartyLevelSchema = z.enum(partyLevels);


// ---- administrative tree ----
export const NodeOut = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  level: Level,
  kind: z.string(),
  code: z.string(),
  name: z.string(),
  path: z.string(),
  households: z.number().nullable(),
  childCount: z.number(),
  actions: Actions,
});
export type NodeOut = z.infer<typeof NodeOut>;

export const PublicNodeOut = z.object({ id: z.number(), parentId: z.number().nullable(), level: Level, name: z.string() });

export const NodeQuery = z.object({ parentId: Id.optional(), q: search, ...Paging });

export const NodeCreateBody = z.object({
  parentId: Id.nullable().optional(),
  level: Level,
  kind: line(20),
  code,
  name: line(100),
  households: z.number().int().min(0).max(1_000_000).nullable().optional(),
});
export type NodeCreateBody = z.infer<typeof NodeCreateBody>;

export const NodePatchBody = z.object({
  name: line(100).optional(),
  code: code.optional(),
  kind: line(20).optional(),
  households: z.number().int().min(0).max(1_000_000).nullable().optional(),
});
export type NodePatchBody = z.infer<typeof NodePatchBody>;

// ---- organizations ----
export const OrganizationOut = z.object({
  id: z.number(),
  nodeId: z.number(),
  nodeName: z.string(),
  kind: OrgKindSchema,
  partyLevel: PartyLevelSchema.nullable(),
  parentOrgId: z.number().nullable(),
  parentOrgName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  charterCategories: z.array(z.string()),
  charterNodeId: z.number().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  actions: Actions,
});
export type OrganizationOut = z.infer<typeof OrganizationOut>;

export const OrganizationQuery = z.object({
  nodeId: Id.optional(),
  kind: OrgKindSchema.optional(),
  q: search,
  subtree: flag,
  ...Paging,
});

const categories = z.array(line(50)).max(50);

export const OrganizationCreateBody = z.object({
  nodeId: Id,
  kind: OrgKindSchema,
  partyLevel: PartyLevelSchema.nullable().optional(),
  parentOrgId: Id.nullable().optional(),
  code,
  name: line(100),
  charterCategories: categories.optional(),
  charterNodeId: Id.nullable().optional(),
  phone: phone.nullable().optional(),
});
export type OrganizationCreateBody = z.infer<typeof OrganizationCreateBody>;

export const OrganizationPatchBody = z.object({
  partyLevel: PartyLevelSchema.nullable().optional(),
  parentOrgId: Id.nullable().optional(),
  code: code.optional(),
  name: line(100).optional(),
  charterCategories: categories.optional(),
  charterNodeId: Id.nullable().optional(),
  phone: phone.nullable().optional(),
  active: z.boolean().optional(),
});
export type OrganizationPatchBody = z.infer<typeof OrganizationPatchBody>;

// ---- people ----
export const Gender = z.enum(['male', 'female']);

export const PersonOut = z.object({
  id: z.number(),
  code: z.string(),
  nodeId: z.number(),
  nodeName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  gender: Gender.nullable(),
  partyMember: z.boolean(),
  userId: z.number().nullable(),
  note: z.string().nullable(),
  actions: Actions,
});
export type PersonOut = z.infer<typeof PersonOut>;

export const PeopleQuery = z.object({ nodeId: Id.optional(), q: search, subtree: flag, ...Paging });

export const PersonCreateBody = z.object({
  nodeId: Id,
  code: code.optional(),
  name: line(50),
  phone: phone.nullable().optional(),
  gender: Gender.nullable().optional(),
  partyMember: z.boolean().optional(),
  note: note.optional(),
});
export type PersonCreateBody = z.infer<typeof PersonCreateBody>;

export const PersonPatchBody = PersonCreateBody.partial();
export type PersonPatchBody = z.infer<typeof PersonPatchBody>;

// ---- posts ----
export const PostOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  personId: z.number().nullable(),
  personName: z.string().nullable(),
  actions: Actions,
});
export type PostOut = z.infer<typeof PostOut>;

export const PostQuery = z.object({ orgId: Id.optional(), personId: Id.optional(), ...Paging });
export const PostCreateBody = z.object({ orgId: Id, title: line(50), personId: Id.nullable().optional() });
export type PostCreateBody = z.infer<typeof PostCreateBody>;
export const PostPatchBody = z.object({ title: line(50).optional(), personId: Id.nullable().optional() });
export type PostPatchBody = z.infer<typeof PostPatchBody>;
