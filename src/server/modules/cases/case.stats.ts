/**
 * Figures the cases module keeps for assessment: objections per unit (filed, upheld,
 * rejected, pending) over the cases the caller may read.
 */
import { sql } from 'drizzle-orm';
import { scopeOf } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { queryRows } from '../../platform/db/database.js';
import { underAny } from '../../platform/db/like.js';
import { unitNames } from '../org/org.exports.js';
import type { ReadContext } from './case.queries.js';

export async function objectionStats(rc: ReadContext) {
  const scope = scopeOf(rc.actor, Permission.CasesRead);
  const rows = await queryRows<{ org_id: number; filed: number; upheld: number; rejected: number; pending: number }>(
    rc.db,
    sql`SELECT o.org_id, count(*)::int AS filed,
               count(*) FILTER (WHERE o.decision = 'upheld')::int AS upheld,
               count(*) FILTER (WHERE o.decision = 'rejected')::int AS rejected,
               count(*) FILTER (WHERE o.decision IS NULL)::int AS pending
          FROM case_objections o JOIN cases c ON c.id = o.case_id
         WHERE ${underAny(sql`c.area_path`, scope)}
         GROUP BY o.org_id ORDER BY filed DESC, o.org_id`,
  );
  const units = await unitNames(rc.db, rows.map((r) => r.org_id));
  return { items: rows.map((r) => ({ orgId: r.org_id, orgName: units.get(r.org_id) ?? '', filed: r.filed, upheld: r.upheld, rejected: r.rejected, pending: r.pending })) };
}
