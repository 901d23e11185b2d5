import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { moduleBoundaries } from './module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } });
const inOrg = '/repo/src/server/modules/org/commands/node-creator.ts';

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    { code: "import { x } from '../org.repo.js';", filename: inOrg },
    { code: "import { t } from '../org.tables.js';", filename: inOrg },
    { code: "import { caseCreator } from '../../cases/commands/case-creator.js';", filename: inOrg },
    { code: "import { audit } from '../../../platform/audit/audit.js';", filename: inOrg },
    { code: "import { x } from '../modules/org/org.repo.js';", filename: '/repo/src/server/seed.ts' },
    { code: "import { people } from '../org/org.tables.js';", filename: '/repo/src/server/modules/cases/cases.tables.ts' },
  ],
  invalid: [
    { code: "import { people } from '../org/org.repo.js';", filename: '/repo/src/server/modules/cases/cases.tables.ts', errors: [{ messageId: 'crossRepo' }] },
    { code: "import { findCase } from '../../cases/case.repo.js';", filename: inOrg, errors: [{ messageId: 'crossRepo' }] },
    { code: "import { cases } from '../cases/case.tables.js';", filename: '/repo/src/server/modules/org/org.routes.ts', errors: [{ messageId: 'crossRepo' }] },
  ],
});
