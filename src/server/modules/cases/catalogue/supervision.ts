/**
 * Matters of the supervision channel (纪检监察): they never become public cases and are
 * not offered to outside systems (case-submitter refuses 举报 in them; a dispatcher cannot
 * move a case into them).
 */
import { sql, type SQL } from 'drizzle-orm';

export const SUPERVISION_ROOT = '纪检监察';

export function isSupervisionCategory(path: string): boolean {
  return path === SUPERVISION_ROOT || path.startsWith(`${SUPERVISION_ROOT}/`);
}

/** The SQL twin of `isSupervisionCategory` for a category-path column or expression. */
export function supervisionPathSql(path: SQL): SQL {
  return sql`(${path} = ${SUPERVISION_ROOT} OR ${path} LIKE ${SUPERVISION_ROOT + '/%'})`;
}
