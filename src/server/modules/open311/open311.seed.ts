/**
 * Demo data of Open311: one integration account with a fixed, published key, so that a
 * fresh demo can be tried with curl at once. Demo only, like the demo password: never
 * seed it into a real deployment (`gongzhi seed --demo` refuses a non-empty database).
 */
import type { CommandContext } from '../../platform/context.js';
import { apiKeyCreator } from '../../platform/auth/api-keys.js';
import { Permission } from '../../platform/access/permission.js';
import { rootNodes } from '../org/org.exports.js';

export const DEMO_API_KEY = 'gz_demo_open311_2026';
export const DEMO_API_KEY_NAME = '演示对接系统 Demo integration';

/** Runs after the org seed: the key serves the demo district (its code is the jurisdiction_id). */
export async function seedOpen311Demo(ctx: CommandContext): Promise<void> {
  const [district] = await rootNodes(ctx.tx);
  if (!district) return; // no district, nothing to report into
  await apiKeyCreator(ctx, { name: DEMO_API_KEY_NAME, scopes: [Permission.CasesIntake], key: DEMO_API_KEY });
}
