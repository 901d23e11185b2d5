/**
 * The organization model: the administrative tree, organizations on it, people, posts,
 * roles held within a subtree, and the responsibility list (职责清单).
 * Tree paths are materialized as text (`/1/5/23/`) with a prefix index; ltree is not
 * used because it hangs PGlite together with pg_trgm (ARCHITECTURE.md).
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';

export const nodeLevels = ['district', 'street', 'community', 'grid'] as const;
export type NodeLevel = (typeof nodeLevels)[number];

export const adminNodes = pgTable(
  'admin_nodes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => adminNodes.id),
    level: text('level', { enum: nodeLevels }).notNull(),
    /** Sub-kind shown to users: 街道 or 乡镇, 社区 or 村, … */
    kind: text('kind').notNull(),
    /** Administrative code, e.g. the 15-digit grid code (6 district + 3 + 3 + 3). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    households: integer('households'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('admin_nodes_code_key').on(t.code),
    uniqueIndex('admin_nodes_path_key').on(t.path.op('text_pattern_ops')),
    index('admin_nodes_parent_idx').on(t.parentId),
  ],
);

export const orgKinds = ['party', 'department', 'committee', 'social'] as const;
export type OrgKind = (typeof orgKinds)[number];
/** 党委 / 党总支 / 党支部 / 党小组 */
export const partyLevels = ['committee', 'general_branch', 'branch', 'group'] as const;
export type PartyLevel = (typeof partyLevels)[number];

export const organizations = pgTable(
  'organizations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    nodeId: bigint('node_id', { mode: 'number' })
      .notNull()
      .references(() => adminNodes.id),
    kind: text('kind', { enum: orgKinds }).notNull(),
    partyLevel: text('party_level', { enum: partyLevels }),
    /** Parent in the organization's own chain (party organizations: 党委 → 党总支 → 党支部 → 党小组). */
    parentOrgId: bigint('parent_org_id', { mode: 'number' }).references((): AnyPgColumn => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Social organizations: categories of matters they may take (their charter). */
    charterCategories: text('charter_categories').array().notNull().default(sql`'{}'::text[]`),
    /** Social organizations: the area their charter covers. */
    charterNodeId: bigint('charter_node_id', { mode: 'number' }).references(() => adminNodes.id),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_code_key').on(t.code),
    index('organizations_node_idx').on(t.nodeId),
    index('organizations_parent_idx').on(t.parentOrgId),
    index('organizations_charter_node_idx').on(t.charterNodeId),
    check('organizations_party_level_check', sql`(${t.kind} = 'party') = (${t.partyLevel} IS NOT NULL)`),
  ],
);

/** Numbers the people who come without a code (人员编号 P00000001 …). */
export const peopleCodeSeq = pgSequence('people_code_seq', { startWith: 1 });

export const people = pgTable(
  'people',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Stable person number, the key of import/export (upsert by code). */
    code: text('code')
      .notNull()
      .default(sql`('P' || lpad(nextval('people_code_seq')::text, 8, '0'))`),
    /** Where the person lives or works (usually a grid or community). */
    nodeId: bigint('node_id', { mode: 'number' })
      .notNull()
      .references(() => adminNodes.id),
    name: text('name').notNull(),
    phone: text('phone'),
    gender: text('gender', { enum: ['male', 'female'] }),
    partyMember: boolean('party_member').notNull().default(false),
    /** The account of this person, when they have one. */
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('people_node_idx').on(t.nodeId),
    uniqueIndex('people_user_key').on(t.userId),
    index('people_phone_idx').on(t.phone),
    uniqueIndex('people_code_key').on(t.code),
  ],
);

/** A named post in an organization (书记, 网格员, 科长 …) and who holds it. */
export const posts = pgTable(
  'posts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    personId: bigint('person_id', { mode: 'number' }).references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('posts_org_idx').on(t.orgId), index('posts_person_idx').on(t.personId)],
);

/** A role held by an account within the subtree under `nodeId`. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    nodeId: bigint('node_id', { mode: 'number' })
      .notNull()
      .references(() => adminNodes.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('role_assignments_key').on(t.userId, t.role, t.nodeId), index('role_assignments_node_idx').on(t.nodeId)],
);

/** 职责清单: matters of `category` in the subtree of `nodeId` go to `orgId` (and `postId`). */
export const responsibilities = pgTable(
  'responsibilities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    category: text('category').notNull(),
    nodeId: bigint('node_id', { mode: 'number' })
      .notNull()
      .references(() => adminNodes.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => organizations.id),
    postId: bigint('post_id', { mode: 'number' }).references(() => posts.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('responsibilities_key').on(t.category, t.nodeId),
    index('responsibilities_org_idx').on(t.orgId),
    index('responsibilities_node_idx').on(t.nodeId),
    index('responsibilities_post_idx').on(t.postId),
  ],
);
