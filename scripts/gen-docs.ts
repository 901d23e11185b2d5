/** Writes the documents generated from code: docs/case-states.md (the case state machine), docs/assessment.md (the indicators). */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStateDoc } from '../src/server/modules/cases/case-states.doc.js';
import { renderIndicatorDoc } from '../src/server/modules/assessment/indicators.doc.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await writeFile(join(root, 'docs', 'case-states.md'), renderStateDoc());
process.stdout.write('wrote docs/case-states.md\n');
await writeFile(join(root, 'docs', 'assessment.md'), renderIndicatorDoc());
process.stdout.write('wrote docs/assessment.md\n');
