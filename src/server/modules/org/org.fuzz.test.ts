import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTestApp, login, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { seedDemo } from '../../seed.js';
import { DEMO_PASSWORD } from './demo-logins.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, new Date());
  admin = await login(t.app, 'admin', DEMO_PASSWORD);
});
afterAll(() => t.close());

// Values a careless or hostile client sends: wrong types, NUL bytes, huge and negative numbers, ids of real rows.
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '%', '_', '../x', "'; DROP TABLE people; --", '110199', '110199001001001', '党组织', 'social', 'party', 'admin', '13800000000'),
  fc.integer({ min: -5, max: 400 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, 2 ** 63, Number.MAX_SAFE_INTEGER, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer({ min: 1, max: 300 })), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);
const keys = ['parentId', 'nodeId', 'orgId', 'personId', 'userId', 'postId', 'charterNodeId', 'parentOrgId', 'level', 'kind', 'partyLevel', 'code', 'name', 'title', 'category', 'households', 'phone', 'gender', 'partyMember', 'note', 'charterCategories', 'role', 'roles', 'username', 'displayName', 'initialPassword', 'password', 'active'];
const body = fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: 8 });

const writes: Array<[method: 'post' | 'patch' | 'delete', url: string]> = [
  ['post', '/api/org/nodes'],
  ['patch', '/api/org/nodes/4'],
  ['post', '/api/org/organizations'],
  ['patch', '/api/org/organizations/5'],
  ['post', '/api/org/people'],
  ['patch', '/api/org/people/7'],
  ['post', '/api/org/posts'],
  ['patch', '/api/org/posts/3'],
  ['post', '/api/org/roles'],
  ['post', '/api/org/accounts'],
  ['patch', '/api/org/accounts/2'],
  ['post', '/api/org/responsibilities'],
  ['patch', '/api/org/responsibilities/2'],
];

describe('no 500 on bad input', () => {
  it.each(writes)('%s %s answers garbage with a 4xx (or a success), never a 500', async (method, url) => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = method === 'delete' ? await admin.delete(url) : await admin[method](url, b);
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('answers random query strings on the lists with a 4xx or 200', async () => {
    const lists = ['nodes', 'organizations', 'people', 'posts', 'roles', 'accounts', 'responsibilities'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), fc.dictionary(fc.constantFrom('parentId', 'nodeId', 'q', 'kind', 'subtree', 'limit', 'offset', 'orgId', 'userId', 'category'), fc.string()), async (list, query) => {
        const res = await admin.get(`/api/org/${list}?${new URLSearchParams(query).toString()}`);
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });

  it('answers random bytes uploaded as CSV or XLSX with a 422, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom('nodes', 'organizations', 'people'), fc.boolean(), async (bytes, entity, asCsv) => {
        const type = asCsv ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        const res = await admin.post(`/api/org/import/${entity}`, Buffer.from(bytes), { 'content-type': type });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
