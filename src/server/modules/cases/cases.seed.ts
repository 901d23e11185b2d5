/**
 * `gongzhi seed --demo` for 接诉即办: 120 cases in the demo district (青川区) made from
 * real messages and their official replies, spread over its grids and the last 60 days.
 *
 * Every case goes through the real commands (intake, 受理, 派单, 签收, 办理, 反馈, 核查,
 * 回访评价, 重办, 异议, 延期, 合并 …) acted by the demo logins, with the clock moved step
 * by step, so numbers, routes, deadlines, timelines, audit entries and messages are what
 * the system itself would have written. The deadline sweeper runs at 21:00 of every
 * simulated day and once at the end, so late cases carry genuine 催办 and 超期 marks.
 *
 * Handling needs a demo login in the lead unit: 城管 (`deptstaff`) and the 幸福社区
 * residents' committee (`gridworker`) take cases to the end; orders to other departments
 * wait for signing. The stories live in demo/ (messages, clock, stories).
 *
 * Runs after the organization's demo seed, in the same transaction: the district, its
 * units, the demo logins and the responsibility list exist.
 */
import { sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/access/actor.js';
import { findUserByLogin } from '../../platform/auth/users.js';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/database.js';
import { nodesByCodes, unitsByCodes } from '../org/org.exports.js';
import { loadActorFromOrg } from '../org/org.actor.js';
import { demoDistrict, demoStreets, seededRandom } from '../org/seed-data.js';
import { categoryIdsByPath } from './catalogue/catalogue.repo.js';
import { seedCaseHistory } from './demo/demo-history.js';
import { acting, MIN, runScripts, type Who } from './demo/demo-clock.js';
import { mergeDuplicate, Storyteller, type Built, type Entry, type World } from './demo/demo-stories.js';

const HAPPY = '110199001001'; // 幸福社区
const HOME_GRID = '110199001001001'; // its 第一网格: the `resident` lives there, the `gridworker` patrols it
const pad3 = (n: number) => String(n).padStart(3, '0');

/** The design: 120 cases, most closed, the rest spread over every open state and side path. */
const design: Entry[] = [
  { scenario: 'closed', pool: 'cityscape', n: 35 },
  { scenario: 'closed', pool: 'street', n: 3 },
  { scenario: 'closed', pool: 'civil', n: 5 },
  { scenario: 'closed', pool: 'property', n: 4 },
  { scenario: 'closed_then_rated', pool: 'cityscape', n: 5 },
  { scenario: 'closed_then_rated', pool: 'civil', n: 2 },
  { scenario: 'closed_returned', pool: 'cityscape', n: 2 },
  { scenario: 'closed_returned', pool: 'property', n: 1 },
  { scenario: 'closed_redo', pool: 'cityscape', n: 2 },
  { scenario: 'closed_late', pool: 'cityscape', n: 2 },
  { scenario: 'closed_objection', pool: 'cityscape', n: 1 },
  { scenario: 'closed_extension', pool: 'cityscape', n: 1 },
  { scenario: 'closed', pool: 'street', n: 1, reporter: 'resident' },
  { scenario: 'closed', pool: 'civil', n: 1, reporter: 'resident' },
  { scenario: 'closed_then_rated', pool: 'civil', n: 1, reporter: 'resident' },
  { scenario: 'closed_redo', pool: 'street', n: 1, reporter: 'resident' },
  { scenario: 'closed', pool: 'civil', n: 1, reporter: 'partymember' },
  { scenario: 'closed_patrol', pool: 'street', n: 5, reporter: 'gridworker' },
  { scenario: 'answered', pool: 'other', n: 1 },
  { scenario: 'refused', pool: 'other', n: 1 },
  { scenario: 'submitted', pool: 'other', n: 4 },
  { scenario: 'submitted_overdue', pool: 'other', n: 1 },
  { scenario: 'submitted', pool: 'other', n: 1, reporter: 'resident' },
  { scenario: 'accepted', pool: 'other', n: 3 },
  { scenario: 'dispatched', pool: 'other', n: 5 },
  { scenario: 'dispatched_overdue', pool: 'other', n: 2 },
  { scenario: 'dispatched', pool: 'cityscape', n: 2, supporters: ['resident'] },
  { scenario: 'dispatched', pool: 'civil', n: 1 },
  { scenario: 'objected', pool: 'cityscape', n: 1 },
  { scenario: 'signed', pool: 'cityscape', n: 3, supporters: ['partymember'] },
  { scenario: 'signed', pool: 'civil', n: 1 },
  { scenario: 'in_progress', pool: 'cityscape', n: 3, supporters: ['resident', 'partymember'] },
  { scenario: 'in_progress', pool: 'street', n: 1, mergeTarget: true, supporters: ['partymember'] },
  { scenario: 'in_progress', pool: 'civil', n: 1 },
  { scenario: 'in_progress', pool: 'street', n: 1, reporter: 'resident', supporters: ['partymember'] },
  { scenario: 'in_progress', pool: 'street', n: 1, reporter: 'gridworker' },
  { scenario: 'in_progress_overdue', pool: 'cityscape', n: 2 },
  { scenario: 'in_progress_extension', pool: 'cityscape', n: 1 },
  { scenario: 'in_progress_redo', pool: 'cityscape', n: 1 },
  { scenario: 'replied', pool: 'cityscape', n: 3, supporters: ['resident'] },
  { scenario: 'replied', pool: 'civil', n: 1 },
  { scenario: 'replied', pool: 'civil', n: 1, reporter: 'resident' },
  { scenario: 'verified', pool: 'cityscape', n: 2 },
  { scenario: 'verified', pool: 'property', n: 1, reporter: 'partymember' },
  { scenario: 'rated', pool: 'cityscape', n: 1 },
];
// …and one duplicate of the merge target, reported by the resident and merged (see `mergeDuplicate`).


function missing(code: string): never {
  throw new Error(`demo cases: ${code} is missing from the demo district (run the organization's demo seed first)`);
}

/** The demo logins as actors, the units that lead cases, the grids and the catalogue. */
async function loadWorld(ctx: CommandContext): Promise<World> {
  const actors = {} as Record<Who, Actor>;
  for (const username of acting) {
    const user = (await findUserByLogin(ctx.tx, username)) ?? missing(`the login ${username}`);
    actors[username] = { userId: user.id, displayName: user.displayName, ...(await loadActorFromOrg(ctx.tx, user.id)) };
  }
  const codes = { cg: `${demoDistrict.code}-B-CG`, committee: `${HAPPY}-JW`, zj: `${demoDistrict.code}-B-ZJ` };
  const units = await unitsByCodes(ctx.tx, Object.values(codes));
  const unit = (code: string) => units.get(code)?.id ?? missing(code);
  const gridCodes: Array<{ code: string; community: string; village: boolean }> = [];
  for (const s of demoStreets) {
    s.communities.forEach((c, ci) => {
      for (let g = 0; g < c.grids; g++) gridCodes.push({ code: `${s.code}${pad3(ci + 1)}${pad3(g + 1)}`, community: c.name, village: c.kind === '村' });
    });
  }
  const nodes = await nodesByCodes(ctx.tx, gridCodes.map((g) => g.code));
  const grids = gridCodes.map((g) => ({
    id: nodes.get(g.code)?.id ?? missing(g.code),
    code: g.code,
    happy: g.code.startsWith(HAPPY),
    dongcheng: g.code.startsWith(demoStreets[0]!.code),
    place: g.community,
    village: g.village,
  }));
  return {
    actors,
    units: { cg: unit(codes.cg), committee: unit(codes.committee), zj: unit(codes.zj) },
    grids,
    categories: await categoryIdsByPath(ctx.tx),
    homeGrid: HOME_GRID,
  };
}

/**
 * The stories of `design` (and the merged duplicate), each placed on the clock so that it
 * ends before `end`. Pure: nothing runs yet.
 */
export function planDemoCases(world: World, end: number, zone: string): Built[] {
  const rand = seededRandom(12345);
  const teller = new Storyteller(world, rand);
  const built: Built[] = [];
  let target: Built | undefined;
  for (const entry of design) {
    for (let i = 0; i < entry.n; i++) {
      const b = teller.build(entry);
      built.push(b);
      if (entry.mergeTarget) target = b;
    }
  }
  for (const b of built) b.script.place(end, zone);
  if (target) {
    const dup = mergeDuplicate(teller, target.script, target.msg, rand);
    dup.script.place(end, zone);
    built.push(dup);
  }
  return built;
}

/**
 * Loads the demo cases: the cases manifest's `seedDemo`, after the organization's. Plans
 * the stories over the last 60 days, runs them, and audits a summary.
 */
export async function seedCasesDemo(ctx: CommandContext): Promise<void> {
  const zone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const world = await loadWorld(ctx);
  const built = planDemoCases(world, ctx.now.getTime() - 5 * MIN, zone);
  await runScripts(ctx, world.actors, built.map((b) => b.script), zone);
  const byState = await queryRows<{ state: string; n: number }>(ctx.tx, sql`SELECT state, count(*)::int AS n FROM cases GROUP BY state ORDER BY state`);
  await audit(ctx, { action: 'cases.seed_demo', subjectType: 'system', changes: { cases: built.length, states: Object.fromEntries(byState.map((r) => [r.state, r.n])) } });
}

/**
 * The demo district's history (demo/demo-history.ts): the real messages of the votes file
 * as closed cases of the last twelve months, in the grids of the demo's streets.
 */
export async function seedCaseHistoryDemo(ctx: CommandContext): Promise<void> {
  const codes = demoStreets.flatMap((s, street) => s.communities.flatMap((c, ci) => Array.from({ length: c.grids }, (_, g) => ({ code: `${s.code}${pad3(ci + 1)}${pad3(g + 1)}`, street }))));
  const nodes = await nodesByCodes(ctx.tx, codes.map((c) => c.code));
  const grids = codes.map((c) => ({ id: nodes.get(c.code)?.id ?? missing(c.code), path: nodes.get(c.code)!.path, street: c.street }));
  const n = await seedCaseHistory(ctx.tx, grids, await categoryIdsByPath(ctx.tx), ctx.now);
  await audit(ctx, { action: 'cases.seed_history', subjectType: 'system', changes: { cases: n, source: 'assets/data/messages-with-votes.jsonl.gz' } });
}
