/**
 * The demo cases' stories: for each scenario (closed after 回访, 返工, 重办, an objection,
 * an extension, …, or left in an open state), the intake of a real message and the steps
 * that follow, acted by the demo logins through the real commands.
 */
import type { Actor } from '../../../platform/access/actor.js';
import { surnames } from '../../org/seed-data.js';
import type { CaseChannel, Rating } from '../cases.tables.js';
import { caseDispatcher } from '../commands/case-dispatcher.js';
import { caseSubmitter } from '../commands/case-submitter.js';
import { extensionDecider, extensionRequester } from '../commands/extensions.js';
import { caseReplier, caseSigner, caseStarter } from '../commands/handling.js';
import { caseAcceptor, caseAnswerer, caseMerger, caseRefuser } from '../commands/intake-decisions.js';
import { objectionFiler, objectionReviewer } from '../commands/objections.js';
import { caseRater, caseSupporter, redoRequester } from '../commands/resident-actions.js';
import { caseCloser, caseVerifier } from '../commands/verification.js';
import { HOUR, Script, type Start, type Who } from './demo-clock.js';
import { demoMessages, MessagePicker, type DemoMessage, type Pool } from './demo-messages.js';

export interface Grid {
  id: number;
  code: string;
  /** 幸福社区 (110199001001): its committee handles 民政 and property matters, volunteers 市容环境. */
  happy: boolean;
  /** In 东城街道, where the `cadre` login verifies. */
  dongcheng: boolean;
  /** A plausible address in the grid's community or village. */
  place: string;
  village: boolean;
}

export interface World {
  actors: Record<Who, Actor>;
  units: { cg: number; committee: number; zj: number };
  grids: Grid[];
  /** Category path → id. */
  categories: Map<string, number>;
  /** The grid where the `resident` and `gridworker` logins live and patrol. */
  homeGrid: string;
}

export type Scenario =
  | 'closed' // rated 满意 / 基本满意 at 回访, which closes it
  | 'closed_then_rated' // closed by the verifier, rated afterwards
  | 'closed_patrol' // a grid worker's report, closed after verification
  | 'closed_returned' // 返工 once, then passed
  | 'closed_redo' // 不满意 → 重办 → 满意
  | 'closed_late' // replied after the feedback deadline (the sweeper marked it)
  | 'closed_objection' // the unit objected, the objection was rejected
  | 'closed_extension' // an approved extension
  | 'submitted'
  | 'submitted_overdue'
  | 'accepted'
  | 'dispatched'
  | 'dispatched_overdue'
  | 'objected'
  | 'signed'
  | 'in_progress'
  | 'in_progress_overdue'
  | 'in_progress_extension' // an extension request waits for its decision
  | 'in_progress_redo' // closed, rated 不满意 afterwards, redone
  | 'replied'
  | 'verified'
  | 'rated' // 不满意, the redo not asked yet
  | 'answered'
  | 'refused';

export interface Entry {
  scenario: Scenario;
  pool: Pool;
  n: number;
  /** A demo resident reporting on the web, or the grid worker on patrol; else hotline or the message board. */
  reporter?: 'resident' | 'partymember' | 'gridworker';
  /** Keep for the merge: the duplicate joins this case. */
  mergeTarget?: boolean;
  /** Supported ("我也遇到") by these residents. */
  supporters?: Array<'resident' | 'partymember'>;
}

/** When each story starts: open cases recently (so most are on time), closed ones over 60 days. */
function startOf(s: Scenario, rand: () => number, clock: number): Start {
  const hours = (a: number, b: number): Start => ({ hoursAgo: a + rand() * (b - a) });
  const days = (a: number, b: number): Start => ({ daysAgo: a + rand() * (b - a), clock });
  switch (s) {
    case 'submitted': return hours(0.5, 16);
    case 'submitted_overdue': return hours(28, 34);
    case 'accepted': return hours(3, 18);
    case 'dispatched': return hours(3, 18);
    case 'dispatched_overdue': return hours(50, 90);
    case 'objected': return hours(5, 16);
    case 'signed': return hours(8, 40);
    case 'in_progress': return hours(30, 96);
    case 'in_progress_overdue': return days(30, 36);
    case 'in_progress_extension': return hours(72, 120);
    case 'in_progress_redo': return hours(150, 200);
    case 'replied': return hours(40, 110);
    case 'verified': return hours(60, 140);
    case 'rated': return days(5, 9);
    case 'answered': return hours(30, 70);
    case 'refused': return days(5, 40);
    default: return days(6, 60);
  }
}

const satisfiedComments = ['处理及时，问题已解决，谢谢！', '工作人员很负责，满意。', '已经整改到位，感谢。', null, null];
const basicComments = ['基本解决了，希望长期保持。', '处理得有点慢，但问题解决了。'];
const followUp: Record<Pool, string> = {
  street: '已再次组织执法队员现场核查，占道问题已彻底清理，并纳入日常巡查，发现反弹立即处置。',
  cityscape: '已再次组织执法队员现场核查，问题已彻底整改，并纳入日常巡查，发现反弹立即处置。',
  civil: '社区已再次上门了解情况，会同相关部门落实帮扶措施，将持续跟踪。',
  property: '社区已约谈物业服务企业，督促其落实整改，并将持续跟踪整改情况。',
  other: '已再次核查处理。',
};

export interface Built {
  script: Script;
  msg: DemoMessage;
}

/** Writes the stories: intake, then the steps of the scenario, as ops on a script. */
export class Storyteller {
  private readonly picker: MessagePicker;
  private readonly usedOther = new Set<string>();
  private phoneSeq = 0;

  constructor(
    private readonly w: World,
    private readonly rand: () => number,
  ) {
    this.picker = new MessagePicker(demoMessages(), rand);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  private message(entry: Entry): DemoMessage {
    if (entry.scenario === 'answered') return this.picker.take('other', (m) => m.type === 'enquiry' && m.reply.length < 600);
    if (entry.scenario === 'refused') return this.picker.take('other', (m) => m.categoryPath.startsWith('经济管理/'));
    // Enquiries about 民政 matters are the committee's daily work; elsewhere they are answered at once.
    if (entry.pool !== 'other') return this.picker.take(entry.pool, (m) => m.type !== 'enquiry' || entry.pool === 'civil');
    // Other departments: vary the department, so the console shows several units waiting.
    // Water, power and gas have 1–2 hour limits: they would all be overdue by now.
    const first = (m: DemoMessage) => m.categoryPath.split('/')[0]!;
    const m = this.picker.take('other', (x) => x.type !== 'enquiry' && x.type !== 'report' && x.urgency !== 'utility' && !this.usedOther.has(first(x)));
    this.usedOther.add(first(m));
    if (this.usedOther.size >= 6) this.usedOther.clear();
    return m;
  }

  private grid(entry: Entry): Grid {
    if (entry.reporter === 'resident' || entry.reporter === 'gridworker' || entry.mergeTarget) return this.w.grids.find((g) => g.code === this.w.homeGrid)!;
    if (entry.pool === 'civil' || entry.pool === 'property') return this.pick(this.w.grids.filter((g) => g.happy));
    if (entry.pool === 'cityscape') return this.pick(this.w.grids.filter((g) => !g.happy));
    return this.pick(this.w.grids);
  }

  /** The unit that ends up leading the case, and who acts for it. */
  private lead(pool: Pool): { orgId: number | undefined; handler: Who } | null {
    if (pool === 'street' || pool === 'cityscape') return { orgId: undefined, handler: 'deptstaff' }; // the list routes it to 城管
    if (pool === 'civil') return { orgId: undefined, handler: 'gridworker' }; // the list routes 民政 in 幸福社区 to its committee
    if (pool === 'property') return { orgId: this.w.units.committee, handler: 'gridworker' }; // 属地: the dispatcher sends it to the committee
    return null;
  }

  build(entry: Entry, msg: DemoMessage = this.message(entry), start?: Start): Built {
    const rand = this.rand;
    const s = entry.scenario;
    const script = new Script(rand, start ?? startOf(s, rand, msg.clock));
    const grid = this.grid(entry);
    const channel: CaseChannel = entry.reporter === 'gridworker' ? 'patrol' : entry.reporter ? 'web' : rand() < 0.6 ? 'hotline' : 'api';
    const reporter = entry.reporter ?? null;
    const contactName = channel === 'hotline' ? `${this.pick(surnames)}${rand() < 0.5 ? '先生' : '女士'}` : channel === 'api' ? `网友${msg.user}` : null;
    const contactPhone = channel === 'hotline' ? `1${this.pick(['3', '5', '8'])}${String(10_000_000 + (++this.phoneSeq * 7_919_357) % 90_000_000).padStart(9, '0')}` : null;
    // Callers may keep a matter off the public list (often personal 民政 ones); followed cases are public.
    const isPublic = (entry.supporters?.length ?? 0) > 0 || entry.mergeTarget === true || (msg.pool === 'civil' ? rand() < 0.4 : rand() < 0.9);
    const address = grid.village ? `${grid.place}${1 + Math.floor(rand() * 9)}组` : `${grid.place}${1 + Math.floor(rand() * 30)}号楼附近`;
    const submitter: Who | null = channel === 'hotline' ? 'dispatcher' : channel === 'api' ? null : reporter;
    script.then(0, 0, submitter, async (ctx, live) => {
      const { row } = await caseSubmitter(ctx, {
        type: msg.type,
        title: msg.title,
        description: msg.body,
        categoryId: this.w.categories.get(msg.categoryPath) ?? null,
        nodeId: grid.id,
        address,
        latitude: null,
        longitude: null,
        contactName,
        contactPhone,
        urgency: msg.urgency,
        channel,
        isPublic,
        reporterUserId: channel === 'hotline' || channel === 'api' ? null : ctx.actor!.userId,
      });
      live.id = row.id;
    }, channel === 'patrol');
    this.story(script, s, msg, grid, reporter);
    for (const who of entry.supporters ?? []) if (who !== reporter) script.sometime(who, (ctx, live) => caseSupporter(ctx, live.id));
    return { script, msg };
  }

  /** The steps after intake. */
  private story(script: Script, s: Scenario, msg: DemoMessage, grid: Grid, reporter: Who | null): void {
    const rand = this.rand;
    const lead = this.lead(msg.pool);
    const rater: Who = reporter === 'resident' || reporter === 'partymember' ? reporter : 'dispatcher'; // 回访 on behalf of callers
    const verifier: Who = grid.dongcheng && rand() < 0.5 ? 'cadre' : 'dispatcher';
    const handler: Who = lead?.handler ?? 'deptstaff';
    const utility = msg.urgency === 'utility';

    if (s === 'submitted' || s === 'submitted_overdue') return;
    if (s === 'answered') {
      script.then(3, 20, 'dispatcher', (ctx, live) => caseAnswerer(ctx, { caseId: live.id, answer: msg.reply }), false);
      return;
    }
    if (s === 'refused') {
      script.then(20, 240, 'dispatcher', (ctx, live) => caseRefuser(ctx, { caseId: live.id, reason: '属于民事合同纠纷，不属于接诉即办受理范围', channel: '人民调解委员会或人民法院' }));
      return;
    }
    // 受理 (most), then 派单 by the list's route or to the unit the dispatcher picks.
    if (s === 'accepted' || rand() < 0.4) script.then(5, 60, 'dispatcher', (ctx, live) => caseAcceptor(ctx, { caseId: live.id }), !utility);
    if (s === 'accepted') return;
    script.then(10, 120, 'dispatcher', (ctx, live) => caseDispatcher(ctx, { caseId: live.id, orgId: lead?.orgId }), !utility);
    if (s === 'dispatched' || s === 'dispatched_overdue' || !lead) return;

    const sign = () => script.then(20, 300, handler, (ctx, live) => caseSigner(ctx, { caseId: live.id }));
    const startWork = () => script.then(10, 480, handler, (ctx, live) => caseStarter(ctx, { caseId: live.id }));
    const reply = (text: string, minDays = 1, maxDays = 4) => script.then(minDays * 1440, maxDays * 1440, handler, (ctx, live) => caseReplier(ctx, { caseId: live.id, message: text }));
    const verify = (passed = true, reason: string | null = null) => script.then(60, 1440, verifier, (ctx, live) => caseVerifier(ctx, { caseId: live.id, passed, reason }));
    const close = () => script.then(30, 600, verifier, (ctx, live) => caseCloser(ctx, { caseId: live.id }));
    const rate = (rating: Rating, comment: string | null) => script.then(60, 2880, rater, (ctx, live) => caseRater(ctx, { caseId: live.id, rating, comment }));
    const rateWell = () => (rand() < 0.8 ? rate('satisfied', this.pick(satisfiedComments)) : rate('basic', this.pick(basicComments)));
    const redo = () => script.then(60, 1440, rater, (ctx, live) => redoRequester(ctx, { caseId: live.id, reason: '问题没有彻底解决，仍然存在，要求重新办理。' }));

    if (s === 'objected' || s === 'closed_objection') {
      const reason = s === 'objected' ? '经现场核实，该处搭建位于在建工地围挡内，属施工管理范畴，建议改派区住房和城乡建设委员会。' : '该处属小区内部管理事项，应由物业服务企业处理。';
      script.then(30, 240, handler, (ctx, live) => objectionFiler(ctx, { caseId: live.id, reason, suggestedOrgId: s === 'objected' ? this.w.units.zj : null }));
      if (s === 'objected') return;
      script.then(30, 300, 'dispatcher', (ctx, live) => objectionReviewer(ctx, { caseId: live.id, decision: 'rejected', reason: '经核实，该问题位于公共区域，属城管执法职责，请按时办理。' }));
    }
    sign();
    if (s === 'signed') return;
    if (s.startsWith('in_progress') || rand() < 0.4) startWork(); // many units reply straight after signing
    switch (s) {
      case 'in_progress':
      case 'in_progress_overdue': // nothing more happens: the sweeper marks it overdue
        return;
      case 'in_progress_extension':
        script.then(600, 1440, handler, (ctx, live) => extensionRequester(ctx, { caseId: live.id, workingDays: 5, reason: '需等待业主提供产权资料后统一处理，申请延期。' }));
        return;
      case 'closed_extension':
        script.then(1440, 2880, handler, (ctx, live) => extensionRequester(ctx, { caseId: live.id, workingDays: 5, reason: '涉及多个产权单位，需协调后统一拆除，申请延期。' }));
        script.then(60, 600, 'dispatcher', (ctx, live) => extensionDecider(ctx, { caseId: live.id, approved: true, reason: '情况属实，同意延期。' }));
        reply(msg.reply, 2, 5);
        verify();
        rateWell();
        return;
      case 'closed_late':
        reply(msg.reply, 16, 18);
        verify();
        rate('basic', '问题解决了，但办理时间太长。');
        return;
      case 'closed_returned':
        reply('已安排工作人员现场查看，正在处理。', 1, 2);
        verify(false, '答复未说明处理结果，请补充现场核查和整改情况后重新反馈。');
        reply(msg.reply, 1, 2);
        verify();
        rateWell();
        return;
      default:
        break;
    }
    reply(msg.reply);
    if (s === 'replied') return;
    verify();
    if (s === 'verified') return;
    switch (s) {
      case 'rated':
        rate('dissatisfied', '处理不彻底，问题反复出现。');
        return;
      case 'closed_redo':
        rate('dissatisfied', '处理不彻底，问题反复出现。');
        redo();
        reply(followUp[msg.pool], 1, 3);
        verify();
        rate('satisfied', '重办后问题解决了，谢谢。');
        return;
      case 'in_progress_redo':
        close();
        rate('dissatisfied', '答复与实际情况不符，问题没有解决。');
        redo();
        return;
      case 'closed_then_rated':
        close();
        rateWell();
        return;
      case 'closed_patrol':
        close();
        return;
      default:
        rateWell(); // closed
    }
  }
}

/** The resident reports the merge target's matter again on the web; the dispatcher merges it. */
export function mergeDuplicate(teller: Storyteller, target: Script, msg: DemoMessage, rand: () => number): Built {
  const built = teller.build({ scenario: 'submitted', pool: msg.pool, n: 1, reporter: 'resident' }, msg, { after: target, op: 2, delay: (2 + rand() * 20) * HOUR });
  built.script.then(20, 180, 'dispatcher', (ctx, live) => caseMerger(ctx, { caseId: live.id, intoCaseId: target.live.id }));
  return built;
}
