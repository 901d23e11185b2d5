/**
 * Whose figures a request asks for: an area's subtree (`area`, the default being the top of
 * the caller's subtrees), a unit (`org`) or a person's account (`user`) — one of them — and
 * the place it belongs to, which must lie in the caller's subtrees (else 404: the answer tells
 * nothing of other places).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import type { SubjectKind } from './assessment.tables.js';

export interface Subject {
  kind: SubjectKind;
  id: number;
  name: string;
  /** The area node the subject belongs to (an area: itself). */
  area: { id: number; name: string; path: string };
}

interface Row {
  id: number;
  name: string;
  node_id: number;
  node_name: string;
  path: string;
}

const lookups: Record<SubjectKind, (id: number) => ReturnType<typeof sql>> = {
  area: (id) => sql`SELECT n.id, n.name, n.id AS node_id, n.name AS node_name, n.path FROM admin_nodes n WHERE n.id = ${id}`,
  org: (id) => sql`SELECT o.id, o.name, n.id AS node_id, n.name AS node_name, n.path FROM organizations o JOIN admin_nodes n ON n.id = o.node_id WHERE o.id = ${id}`,
  user: (id) =>
    sql`SELECT u.id, coalesce(p.name, u.display_name) AS name, n.id AS node_id, n.name AS node_name, n.path
          FROM users u JOIN people p ON p.user_id = u.id JOIN admin_nodes n ON n.id = p.node_id WHERE u.id = ${id} ORDER BY p.id LIMIT 1`,
};

export async function subjectOf(ex: Executor, q: { area?: number | undefined; org?: number | undefined; user?: number | undefined }, scopes: readonly string[]): Promise<Subject> {
  const asked = (['area', 'org', 'user'] as const).filter((k) => q[k] !== undefined);
  if (asked.length > 1) throw new Invalid('assessment_subject_ambiguous', asked.map((k) => ({ path: `querystring.${k}`, code: 'assessment_subject_ambiguous' })));
  const kind = asked[0] ?? 'area';
  const id = q[kind];
  const [row] = await queryRows<Row>(
    ex,
    id !== undefined
      ? lookups[kind](id)
      : sql`SELECT n.id, n.name, n.id AS node_id, n.name AS node_name, n.path FROM admin_nodes n
             WHERE ${sql.join(scopes.map((s) => sql`n.path LIKE ${`${s}%`}`), sql` OR `)} ORDER BY length(n.path), n.path LIMIT 1`,
  );
  if (!row || !scopes.some((s) => row.path.startsWith(s))) throw new NotFound();
  return { kind, id: Number(row.id), name: row.name, area: { id: Number(row.node_id), name: row.node_name, path: row.path } };
}
