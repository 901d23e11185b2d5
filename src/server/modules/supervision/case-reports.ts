/**
 * A 举报 about an official written in the ordinary case form (or taken on the hotline) is
 * filed here instead of as a case: the title names the person reported, the description is
 * the facts. With the caller's name and phone it is a real-name report (their account, if
 * they filed it themselves, in the sealed identity); without them, anonymous.
 */
import type { Config } from '../../config.js';
import type { CommandContext } from '../../platform/context.js';
import type { ReportHandoff } from '../cases/case.exports.js';
import { fileReport } from './report-intake.js';

export const fileCaseReport: ReportHandoff = async (ctx: CommandContext, props, config: Config) => {
  const reporter = props.contactName && props.contactPhone ? { name: props.contactName, phone: props.contactPhone } : undefined;
  const filed = await fileReport(ctx, {
    anonymous: reporter === undefined,
    accused: props.title,
    content: props.description,
    place: props.address ?? undefined,
    nodeId: props.nodeId,
    reporter,
    reporterUserId: reporter ? props.reporterUserId : null,
    lineSuperiors: config.supervisionLineSuperiors,
  });
  return { receipt: filed.receipt };
};
