/**
 * A 举报 about a cadre or official never becomes a case (its words would reach the
 * dispatchers and units, and perhaps the person reported): it is handed to the protected
 * supervision channel, which answers a receipt (issue #5 point 1). The supervision module
 * registers itself here, so cases does not depend on it; without it, intake refuses such a
 * report with a pointer to the channel.
 */
import type { Config } from '../../../config.js';
import type { CommandContext } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/database.js';
import { knownCategory } from '../catalogue/catalogue.queries.js';
import { isSupervisionCategory } from '../catalogue/supervision.js';
import type { CaseSubmitterProps } from './case-submitter.js';

export type ReportHandoff = (ctx: CommandContext, props: CaseSubmitterProps, config: Config) => Promise<{ receipt: string }>;

let handoff: ReportHandoff | undefined;

/** Called once by the supervision module when it loads. */
export function handReportsTo(fn: ReportHandoff): void {
  handoff = fn;
}

export function reportHandoff(): ReportHandoff | undefined {
  return handoff;
}

/** Whether the matter is a 举报 about an official: marked so, or filed under a 纪检监察 category. */
export async function belongsToSupervision(ex: Executor, props: Pick<CaseSubmitterProps, 'type' | 'aboutOfficial' | 'categoryId'>): Promise<boolean> {
  if (props.type !== 'report') return false;
  if (props.aboutOfficial) return true;
  const category = props.categoryId === null ? undefined : await knownCategory(ex, props.categoryId);
  return category !== undefined && isSupervisionCategory(category.path);
}
