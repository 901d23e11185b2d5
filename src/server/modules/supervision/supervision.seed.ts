/**
 * Demo reports, so the demo's inspector (`inspector`) finds work in the 举报件 console at
 * once: four reports about cadres in the demo's communities, anonymous and real-name, at
 * different steps. Filed and moved through the same commands as real ones (sealed, audited);
 * their receipts are not kept — the demo's own reporter files one to try the follow-up.
 */
import type { CommandContext } from '../../platform/context.js';
import { loadActorFromOrg } from '../org/org.actor.js';
import { nodesOfLevel } from '../org/org.exports.js';
import { reportAction } from './report-actions.js';
import { fileReport, type ReportInput } from './report-intake.js';
import type { Disposal } from './supervision.tables.js';

interface Sample {
  report: Pick<ReportInput, 'anonymous' | 'accused' | 'content' | 'happenedAt' | 'reporter'>;
  /** How far the inspector has taken it. */
  steps: Array<'accept' | Disposal | 'conclude'>;
}

const samples: Sample[] = [
  { report: { anonymous: true, accused: '社区居委会副主任', content: '在低保资格评定中优亲厚友，将不符合条件的亲属纳入低保，群众意见很大。', happenedAt: '今年3月' }, steps: [] },
  {
    report: { anonymous: false, accused: '街道城管执法队员', content: '多次向沿街商户索要“管理费”，不给就以占道经营为由罚款，有转账记录。', reporter: { name: '刘建华', phone: '13800138001' } },
    steps: ['accept'],
  },
  { report: { anonymous: true, accused: '社区党支部书记', content: '社区公共用房出租收入未入账，去向不明，财务公开栏长期未更新。' }, steps: ['accept', 'preliminary_check'] },
  { report: { anonymous: true, accused: '社区工作人员', content: '上班时间长期在外从事个人经营，居民办事经常找不到人。' }, steps: ['accept', 'talk_inquiry', 'conclude'] },
];

/** Files the samples in the first communities under `rootPath` and takes each to its step as `inspectorId`. */
export async function seedDemoReports(ctx: CommandContext, rootPath: string, inspectorId: number): Promise<void> {
  const places = await nodesOfLevel(ctx.tx, rootPath, 'community', samples.length);
  if (places.length === 0) return;
  const inspector = { ctx: { ...ctx, actor: { userId: inspectorId, displayName: 'demo', ...(await loadActorFromOrg(ctx.tx, inspectorId)) } } };
  for (const [i, sample] of samples.entries()) {
    const { id } = await fileReport(ctx, { ...sample.report, nodeId: places[i % places.length]!.id, lineSuperiors: 'exclude' });
    for (const step of sample.steps) {
      if (step === 'accept') await reportAction(inspector.ctx, { reportId: id, event: 'accept' });
      else if (step === 'conclude') await reportAction(inspector.ctx, { reportId: id, event: 'conclude', text: '经谈话函询，本人如实说明情况并作出检查，予以批评教育。' });
      else await reportAction(inspector.ctx, { reportId: id, event: 'dispose', disposal: step });
    }
  }
}
