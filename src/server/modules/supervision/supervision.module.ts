/**
 * 监督微平台 (issue #5): protected reports about cadres — sealed at rest, readable only by
 * the competent inspectors, followed up anonymously with a receipt.
 */
import { defineModule } from '../../platform/module.js';
import { handReportsTo } from '../cases/case.exports.js';
import { fileCaseReport } from './case-reports.js';
import { seedDemoReports } from './supervision.seed.js';
import { loadActorFromOrg } from '../org/org.actor.js';
import { holdersAbove, holdersWithin, rootNodes } from '../org/org.exports.js';
import { DEMO_PASSWORD } from '../org/demo-logins.js';
import { supervisionRoutes } from './supervision.routes.js';
import { flagOverdueReports, remindReportClocks } from './report-clocks.js';
import { expireReceipts, shredReports } from './report-retention.js';
import { forgetSpentChallenges } from '../../platform/http/proof-of-work.js';
import { needsKeys, publicKeysOf, rewrapAtPasswordChange, unlockAtSignIn, userKeyPair } from './user-keys.js';

// Reports about officials from the case intake land in this channel.
handReportsTo(fileCaseReport);

export const supervisionModule = defineModule({
  name: 'supervision',
  routes: async (app) => supervisionRoutes(app),
  messages: {
    supervision_reporter_required: { zh: '实名举报须填写举报人姓名和联系电话', en: 'A real-name report needs the reporter’s name and phone' },
    supervision_transition_not_allowed: { zh: '举报件当前状态（{state}）下不能执行此操作', en: 'The report ({state}) does not allow that' },
    supervision_disposal_required: { zh: '请选择处置方式（谈话函询、初步核实、暂存待查、予以了结）', en: 'Choose a disposal' },
    supervision_conclusion_required: { zh: '办结须填写办理结论', en: 'Concluding needs the conclusion' },
    supervision_anonymous_report: { zh: '匿名举报没有举报人身份信息', en: 'An anonymous report has no reporter identity' },
    supervision_request_decided: { zh: '该申请已审批（{status}）', en: 'This request was already decided ({status})' },
    supervision_same_level: { zh: '该地点的管辖机构即本级，无需转交', en: 'That place’s competent level is this one' },
    supervision_version_conflict: { zh: '举报件已被他人更新，请刷新后重试', en: 'The report was changed meanwhile; reload and try again' },
    supervision_attachment_too_large: { zh: '每次最多上传 {files} 个附件，每个不超过 {mib} MB', en: 'At most {files} files per upload, each at most {mib} MiB' },
    supervision_attachments_full: { zh: '每件举报最多 {max} 个附件', en: 'A report takes at most {max} attachments' },
    supervision_attachment_type: { zh: '第 {n} 个附件的类型不支持（可上传图片、PDF、Office 文档、文本、录音录像）', en: 'Attachment {n} is of a type not accepted (photos, PDF, Office documents, text, audio and video are)' },
    supervision_attachment_empty: { zh: '第 {n} 个附件是空文件', en: 'Attachment {n} is empty' },
    supervision_last_reader: { zh: '您是本级唯一可阅办该举报件的人员，请先转交再回避', en: 'You are the only inspector holding this report; transfer it before stepping aside' },
    supervision_form_malformed: { zh: '表单格式有误，请重新提交', en: 'The form could not be read; please send it again' },
  },
  onSignIn: async (ctx, s) => {
    const found = await loadActorFromOrg(ctx.tx, s.userId);
    const actor = { userId: s.userId, displayName: '', ...found };
    if (!needsKeys(actor)) return;
    const custodians = new Set<number>();
    for (const g of actor.grants) for (const id of await holdersAbove(ctx.tx, ['custodian'], g.path)) custodians.add(id);
    // Custodians with keys (made at their own first sign-in); userKeyPair skips one's own escrow.
    await unlockAtSignIn(ctx, s, actor, await publicKeysOf(ctx.tx, [...custodians]));
  },
  onPasswordChange: rewrapAtPasswordChange,
  // The demo's inspector and custodian get their keys now (their password is the public demo
  // one), so a report filed before either signs in is already sealed to them.
  seedDemo: async (ctx) => {
    const roots = await rootNodes(ctx.tx);
    const holders = async (role: string) => [...new Set((await Promise.all(roots.map((r) => holdersWithin(ctx.tx, [role], r.path)))).flat())];
    for (const id of await holders('custodian')) await userKeyPair(ctx, id, DEMO_PASSWORD, new Map());
    const custodians = await publicKeysOf(ctx.tx, await holders('custodian'));
    for (const id of await holders('discipline_inspector')) await userKeyPair(ctx, id, DEMO_PASSWORD, custodians);
    // A few reports for the demo's inspector to work on.
    for (const root of roots) {
      const [inspector] = await holdersWithin(ctx.tx, ['discipline_inspector'], root.path);
      if (inspector !== undefined) await seedDemoReports(ctx, root.path, inspector);
    }
  },
  jobs: [
    {
      name: 'supervision.clocks',
      everyMs: 3_600_000,
      run: async ({ db, now, config }) => {
        await forgetSpentChallenges(db, now);
        return db.transaction(async (tx) => {
          const ctx = { tx, actor: null, requestId: 'supervision.clocks', ip: null, now, timeZone: config.timeZone };
          return { flagged: await flagOverdueReports(ctx), reminders: await remindReportClocks(ctx) };
        });
      },
    },
    {
      name: 'supervision.retention',
      everyMs: 86_400_000,
      run: ({ db, now, config }) =>
        db.transaction(async (tx) => {
          const ctx = { tx, actor: null, requestId: 'supervision.retention', ip: null, now };
          return { receipts: await expireReceipts(ctx, config.supervisionReceiptDays), shredded: await shredReports(ctx, config.supervisionRetentionDays) };
        }),
    },
  ],
});
