/**
 * ESLint rule: a module may not import another module's repository or tables.
 * Modules talk through their exported commands or events (ARCHITECTURE.md), so a file
 * under src/server/modules/<a>/ importing src/server/modules/<b>/…(.repo|.tables) fails lint.
 * One exception: a tables file may import another module's tables file, because a foreign
 * key is part of the schema (the database enforces it), not a query into the other module.
 */
import { dirname, resolve, sep } from 'node:path';

const MODULES = `${sep}src${sep}server${sep}modules${sep}`;
const PRIVATE = /\.(repo|tables)(\.[cm]?[jt]s)?$/;
const TABLES = /\.tables(\.[cm]?[jt]s)?$/;

function moduleOf(file) {
  const at = file.indexOf(MODULES);
  if (at < 0) return undefined;
  return file.slice(at + MODULES.length).split(sep)[0];
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "forbid importing another module's repository or tables" },
    messages: { crossRepo: "Module '{{from}}' must not import '{{to}}' internals ({{source}}); call its exported commands instead." },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = moduleOf(file);
    if (!from || /\.test\.[jt]sx?$/.test(file)) return {};
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string' || !source.startsWith('.')) return;
        const target = resolve(dirname(file), source);
        const to = moduleOf(target);
        if (TABLES.test(file) && TABLES.test(target)) return; // foreign keys
        if (to && to !== from && PRIVATE.test(target)) context.report({ node, messageId: 'crossRepo', data: { from, to, source } });
      },
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
