/**
 * `gongzhi seed --demo` for petitions: nine petitions of the demo district in every kind of
 * state — just received (online and a letter past its 15 days), routed to the 幸福社区居委会,
 * accepted with an extension pending, concluded and open to the resident's 复查, final after
 * 复核 and a later petition on the same facts refused, refused with where to go instead, and
 * one returned by the 城管局 as outside its remit. Each goes through the real commands,
 * acted by the demo logins with the clock set to each step's time (all steps in time order),
 * then the clocks' sweep runs once, so timelines, audit entries and reminders are real.
 */
import type { Actor } from '../../platform/access/actor.js';
import { findUserByLogin } from '../../platform/auth/users.js';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../platform/context.js';
import { addDays, localDateOf, startOfLocalDate } from '../../platform/time/zoned.js';
import { loadActorFromOrg } from '../org/org.actor.js';
import { nodesByCodes, unitsByCodes } from '../org/org.exports.js';
import { acceptPetition, concludePetition, objectPetition, requestExtension } from './petition-handling.js';
import { receivePetition, type PetitionInput } from './petition-intake.js';
import { linkSameFacts, refusePetition, registerPetition } from './petition-registry.js';
import { answerReview, requestReview } from './petition-reviews.js';
import { flagOverduePetitions } from './petition-sweeper.js';
import type { PetitionRow } from './petitions.repo.js';

type Who = 'dispatcher' | 'deptstaff' | 'cadre' | 'resident';
const logins: readonly Who[] = ['dispatcher', 'deptstaff', 'cadre', 'resident'];

const HAPPY = '110199001001'; // 幸福社区
const UNITS = { cg: '110199-B-CG', committee: `${HAPPY}-JW` };

interface Live {
  id: number;
  version: number;
  number: string;
}
/** A step's command; `named` holds the petitions of named stories (for a later petition on the same facts). */
type Run = (ctx: CommandContext, v: { id: number; version: number }, named: ReadonlyMap<string, Live>) => Promise<PetitionRow>;
interface Step {
  at: Date;
  who: Who;
  run: Run;
  live: Live;
  name: string | undefined;
}

function missing(what: string): never {
  throw new Error(`demo petitions: ${what} is missing (run the organization's demo seed first)`);
}

/** `days` days before `now`, at `hour` o'clock local time. */
function ago(now: Date, days: number, hour: number): Date {
  const day = addDays(localDateOf(now, DEFAULT_TIME_ZONE), -days);
  return new Date(startOfLocalDate(day, DEFAULT_TIME_ZONE).getTime() + hour * 3_600_000);
}

/** One petition's story: its steps at [days ago, hour], each acted by a demo login. */
function story(now: Date, steps: Array<[number, number, Who, Run]>, name?: string): Step[] {
  const live: Live = { id: 0, version: 0, number: '' };
  return steps.map(([days, hour, who, run]) => ({ at: ago(now, days, hour), who, run, live, name }));
}

const receive = (input: PetitionInput): Run => (ctx) => receivePetition(ctx, input);

function stories(now: Date, ids: { happy: number; cg: number; committee: number }): Step[] {
  const letter = (title: string, content: string, name: string): PetitionInput => ({ channel: 'letter', title, content, nodeId: ids.happy, petitioner: { name, phone: '13900001234' } });
  const finalLetter = letter('宅基地确权面积与实际不符', '本人宅基地确权登记面积比实际少 12 平方米，多次反映未予更正，请求重新测量。', '孙某某');
  return [
    story(now, [[2, 9, 'resident', receive({ channel: 'online', title: '3号楼电梯频繁故障，物业拖延维修', content: '小区3号楼电梯本月已停运四次，老人上下楼困难，物业一直说在等配件，请求督促尽快修复。' })]]),
    story(now, [[20, 10, 'dispatcher', receive(letter('拆迁补偿款至今未发放', '2025年旧村改造中本户房屋已拆除，约定的补偿款至今未到位，请求协调发放。', '郑某某'))]]),
    story(now, [
      [2, 15, 'dispatcher', receive({ channel: 'visit', title: '小区南门占道经营噪声扰民', content: '南门外夜市每晚经营至凌晨，噪声和油烟严重影响休息，三户居民推选代表来访。', nodeId: ids.happy, petitioner: { name: '冯某某', phone: '13700002222' }, representatives: 3 })],
      [1, 10, 'dispatcher', (ctx, v) => registerPetition(ctx, { ...v, orgId: ids.committee, routeKind: 'assign' })],
    ]),
    story(now, [
      [40, 9, 'dispatcher', receive({ channel: 'phone', title: '违建阳光房遮挡采光', content: '楼下住户加建阳光房，遮挡本户厨房采光，多次协商无果。', nodeId: ids.happy, petitioner: { name: '褚某某', phone: '13600003333' } })],
      [39, 10, 'dispatcher', (ctx, v) => registerPetition(ctx, { ...v, orgId: ids.cg, routeKind: 'transfer' })],
      [37, 14, 'deptstaff', (ctx, v) => acceptPetition(ctx, v)],
      [3, 11, 'deptstaff', (ctx, v) => requestExtension(ctx, { ...v, days: 20, reason: '需等待规划部门出具违建认定意见。' })],
    ]),
    story(now, [
      [50, 20, 'resident', receive({ channel: 'online', title: '小区垃圾站异味严重', content: '垃圾站紧邻5号楼，夏季异味严重，请求搬迁或加装除臭设施。' })],
      [49, 9, 'dispatcher', (ctx, v) => registerPetition(ctx, { ...v, orgId: ids.cg, routeKind: 'transfer' })],
      [48, 10, 'deptstaff', (ctx, v) => acceptPetition(ctx, v)],
      [10, 16, 'deptstaff', (ctx, v) => concludePetition(ctx, { ...v, opinion: 'partial', text: '已加装除臭设施并增加清运频次；垃圾站搬迁受用地条件限制，暂不具备条件。' })],
    ]),
    story(now, [
      [200, 9, 'dispatcher', receive(finalLetter)],
      [199, 10, 'dispatcher', (ctx, v) => registerPetition(ctx, { ...v, orgId: ids.committee, routeKind: 'assign' })],
      [197, 10, 'cadre', (ctx, v) => acceptPetition(ctx, v)],
      [150, 15, 'cadre', (ctx, v) => concludePetition(ctx, { ...v, opinion: 'reject', text: '经复测，确权面积与原始审批档案一致，不予更正。' })],
      [140, 9, 'dispatcher', (ctx, v) => requestReview(ctx, { ...v, text: '信访人来信称对复测结果不服，申请复查。' })],
      [120, 10, 'dispatcher', (ctx, v) => answerReview(ctx, { ...v, outcome: 'upheld', text: '经复查，原处理意见事实清楚，维持。' })],
      [110, 9, 'dispatcher', (ctx, v) => requestReview(ctx, { ...v, text: '信访人对复查意见不服，申请复核。' })],
      [95, 10, 'dispatcher', (ctx, v) => answerReview(ctx, { ...v, outcome: 'upheld', text: '经复核，维持复查意见。本意见为最终意见。' })],
    ], 'final'),
    story(now, [
      [3, 9, 'dispatcher', receive({ ...finalLetter, content: '再次反映宅基地确权面积少 12 平方米的问题，请求重新测量。' })],
      [2, 10, 'dispatcher', (ctx, v, named) => linkSameFacts(ctx, { ...v, earlierNumber: named.get('final')?.number ?? missing('the final petition') })],
      [2, 11, 'dispatcher', (ctx, v) => refusePetition(ctx, { ...v, reason: '同一事实和理由已经复核终结，不再受理', redirect: '原信访件的复核意见为最终意见；如有新的事实和理由，可另行提出' })],
    ]),
    story(now, [
      [8, 10, 'dispatcher', receive({ channel: 'visit', title: '公司拖欠三个月工资', content: '所在公司拖欠两名员工三个月工资共四万余元。', nodeId: ids.happy, petitioner: { name: '卫某某', phone: '13500004444' }, representatives: 2 })],
      [8, 11, 'dispatcher', (ctx, v) => refusePetition(ctx, { ...v, reason: '属于劳动争议，应通过仲裁、诉讼途径解决', redirect: '请向青川区劳动人事争议仲裁委员会申请仲裁' })],
    ]),
    story(now, [
      [9, 9, 'dispatcher', receive({ channel: 'phone', title: '社区活动室被长期占用', content: '社区活动室被个别人长期占用打牌，其他居民无法使用。', nodeId: ids.happy, petitioner: { name: '蒋某某', phone: '13400005555' } })],
      [8, 10, 'dispatcher', (ctx, v) => registerPetition(ctx, { ...v, orgId: ids.cg, routeKind: 'transfer' })],
      [7, 15, 'deptstaff', (ctx, v) => objectPetition(ctx, { ...v, reason: '社区活动室管理属社区居委会职责，不属城管执法范围。' })],
    ]),
  ].flat();
}

async function actors(ctx: CommandContext): Promise<Record<Who, Actor>> {
  const out = {} as Record<Who, Actor>;
  for (const username of logins) {
    const user = (await findUserByLogin(ctx.tx, username)) ?? missing(`the login ${username}`);
    out[username] = { userId: user.id, displayName: user.displayName, ...(await loadActorFromOrg(ctx.tx, user.id)) };
  }
  return out;
}

export async function seedPetitionsDemo(ctx: CommandContext): Promise<void> {
  const who = await actors(ctx);
  const units = await unitsByCodes(ctx.tx, Object.values(UNITS));
  const happy = (await nodesByCodes(ctx.tx, [HAPPY])).get(HAPPY) ?? missing(HAPPY);
  const ids = { happy: happy.id, cg: units.get(UNITS.cg)?.id ?? missing(UNITS.cg), committee: units.get(UNITS.committee)?.id ?? missing(UNITS.committee) };
  // Every step of every story in time order, as the days would have gone.
  const steps = stories(ctx.now, ids).sort((a, b) => a.at.getTime() - b.at.getTime());
  const named = new Map<string, Live>();
  for (const s of steps) {
    const row = await s.run({ ...ctx, actor: who[s.who], now: s.at }, { id: s.live.id, version: s.live.version }, named);
    Object.assign(s.live, { id: row.id, version: row.version, number: row.number });
    if (s.name) named.set(s.name, s.live);
  }
  await flagOverduePetitions(ctx);
}
