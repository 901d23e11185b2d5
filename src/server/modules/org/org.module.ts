/**
 * The organization module's manifest: the administrative tree, organizations, people,
 * posts, roles within subtrees, accounts, resident registration, the responsibility list,
 * import/export and the demo district.
 */
import { defineModule } from '../../platform/module.js';
import { hasNodes } from './org.repo.js';
import { orgMessages } from './org.messages.js';
import { orgRoutes } from './org.routes.js';
import { seedOrgDemo } from './org.seed.js';
import { transferMessages } from './transfer/transfer.messages.js';

export const orgModule = defineModule({
  name: 'org',
  routes: orgRoutes,
  messages: { ...orgMessages, ...transferMessages },
  seedDemo: seedOrgDemo,
  isEmpty: async (ex) => !(await hasNodes(ex)),
});
