import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, login, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { seedDemo } from '../../seed.js';
import { DEMO_PASSWORD } from './demo-logins.js';
import { orgImporter } from './commands/org-importer.js';
import { columnsOf, type Entity, type Format } from './transfer/columns.js';
import { readSheet } from './transfer/sheet-reader.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

let a: TestApp;
let b: TestApp;
let admin: Client;

beforeAll(async () => {
  [a, b] = await Promise.all([buildTestApp(), buildTestApp()]);
  await seedDemo(a.db, new Date());
  admin = await login(a.app, 'admin', DEMO_PASSWORD);
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const upload = (c: Client, entity: Entity, body: Buffer | string, type = CSV) => c.post(`/api/org/import/${entity}`, body, { 'content-type': type });
const exported = async (c: Client, entity: Entity, format: Format) => {
  const res = await c.get(`/api/org/export/${entity}?format=${format}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};
async function counts(t: TestApp) {
  const [row] = await queryRows<{ nodes: number; orgs: number; people: number; audit: number }>(
    t.db,
    sql`SELECT (SELECT count(*) FROM admin_nodes)::int AS nodes, (SELECT count(*) FROM organizations)::int AS orgs,
               (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  return row!;
}
const HEAD = columnsOf.nodes.map((c) => c.header).join(',');

describe('export', () => {
  it('sends XLSX and CSV with Chinese headers, codes as text, and is audited', async () => {
    const res = await admin.get('/api/org/export/nodes?format=xlsx');
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '编码', '名称', '层级', '类型', '上级编码', '户数']);
    const grid = ws.getRows(2, ws.rowCount - 1)!.find((r) => String(r.getCell(1).value).length === 15)!;
    expect(typeof grid.getCell(1).value).toBe('string');
    const csv = (await admin.get('/api/org/export/people?format=csv')).rawPayload;
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).toContain('编号,姓名,所属节点编码,电话,性别,党员,备注');
    const [entry] = await queryRows<{ changes: { rows: number } }>(a.db, sql`SELECT changes FROM audit_log WHERE action = 'org.export' AND subject_type = 'people' LIMIT 1`);
    expect(entry!.changes.rows).toBeGreaterThan(180);
  });

  it('exports only what the caller may see', async () => {
    const cadre = await login(a.app, 'cadre', DEMO_PASSWORD);
    const rows = (await readSheet(await exported(cadre, 'nodes', 'csv'), 'csv', columnsOf.nodes)).rows;
    expect(rows.every((r) => r.cells.code!.startsWith('110199001'))).toBe(true);
    const partyMember = await login(a.app, 'partymember', DEMO_PASSWORD);
    expect((await partyMember.get('/api/org/export/people')).statusCode).toBe(403);
    expect((await partyMember.get('/api/org/export/organizations')).statusCode).toBe(200);
    expect((await (await login(a.app, 'resident', DEMO_PASSWORD)).get('/api/org/export/nodes')).statusCode).toBe(403);
  });
});

describe('round trip', () => {
  it('imports an export into a fresh database and exports the same files again', async () => {
    const files = {
      nodes: await exported(admin, 'nodes', 'csv'),
      organizations: await exported(admin, 'organizations', 'xlsx'),
      people: await exported(admin, 'people', 'csv'),
    };
    // A fresh installation has no accounts yet: the first import runs as the operator (command line).
    for (const [entity, format] of [['nodes', 'csv'], ['organizations', 'xlsx'], ['people', 'csv']] as const) {
      const data = files[entity];
      const sheet = await readSheet(data, format, columnsOf[entity]);
      const result = await b.db.transaction((tx) => orgImporter({ tx, actor: null, requestId: 'cli', ip: null, now: new Date() }, { entity, format, sheet, data, system: true }));
      expect(result.created).toBe(sheet.rows.length);
    }
    const [root] = await queryRows<{ id: number }>(b.db, sql`SELECT id FROM admin_nodes WHERE code = '110199'`);
    await makeUser(b.db, { username: 'admin_b', roles: [{ role: 'admin', nodeId: root!.id }] });
    const adminB = await login(b.app, 'admin_b');
    expect(await exported(adminB, 'nodes', 'csv')).toEqual(files.nodes);
    expect(await exported(adminB, 'people', 'csv')).toEqual(files.people);
    expect(await exported(adminB, 'organizations', 'csv')).toEqual(await exported(admin, 'organizations', 'csv'));
    // Importing the same file again changes nothing.
    const again = await upload(adminB, 'organizations', files.organizations, XLSX);
    expect(again.json()).toMatchObject({ imported: 0, created: 0, updated: 0 });
    expect((await verifyAudit(b.db)).ok).toBe(true);
  });

  it('updates existing rows by code and records the changed fields with the file digest', async () => {
    const csv = `${HEAD}\n110199001001,幸福里社区,社区/村,社区,110199001,1800\n`;
    const res = await upload(admin, 'nodes', csv);
    expect(res.json()).toMatchObject({ imported: 1, created: 0, updated: 1 });
    const [entry] = await queryRows<{ changes: { sha256: string; updated: Record<string, unknown> } }>(a.db, sql`SELECT changes FROM audit_log WHERE action = 'org.import' ORDER BY seq DESC LIMIT 1`);
    expect(entry!.changes.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entry!.changes.updated['110199001001']).toMatchObject({ name: ['幸福社区', '幸福里社区'] });
  });
});

describe('bad files change nothing', () => {
  it('lists every bad row with its column, and writes none of the good ones', async () => {
    const before = await counts(a);
    const csv = [
      HEAD,
      '110199001005,新社区,社区/村,社区,110199001,100', // fine on its own
      '110199001006,,社区/村,社区,110199001,', // row 3: name missing
      '110199001007,坏层级,省,社区,110199001,', // row 4: level
      '110199001008,跳级,网格,网格,110199001,', // row 5: grid under a street
      '110199001009,孤儿,社区/村,社区,NOPE,', // row 6: unknown parent
      '110199001005,重复,社区/村,社区,110199001,', // row 7: duplicate code
      '110199001010,负户数,社区/村,社区,110199001,-3', // row 8: households
      '110199001001,搬家,社区/村,社区,110199002,', // row 9: cannot move
    ].join('\n');
    const res = await upload(admin, 'nodes', csv);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('import_invalid');
    expect(res.json().errors.map((e: { path: string; code: string }) => `${e.path}: ${e.code}`)).toEqual([
      'row 3 / 名称: import_required',
      'row 4 / 层级: import_bad_value',
      'row 5 / 层级: node_level_mismatch',
      'row 6 / 上级编码: import_unknown_code',
      'row 7 / 编码: import_duplicate_code',
      'row 8 / 户数: import_bad_number',
      'row 9 / 上级编码: import_cannot_move',
    ]);
    expect(res.json().errors[0].message).toContain('row 3 / 名称');
    expect(await counts(a)).toEqual(before);
  });

  it('refuses parent cycles and party chains that break the rules', async () => {
    const head = columnsOf.organizations.map((c) => c.header).join(',');
    const cycle = `${head}\nX1,甲,政府部门,,110199,X2,,,,启用\nX2,乙,政府部门,,110199,X1,,,,启用\n`;
    const res = await upload(admin, 'organizations', cycle);
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual(['org_parent_cycle', 'org_parent_cycle']);
    const chain = `${head}\nX3,小组,党组织,党小组,110199001,,,,,启用\nX4,支部,党组织,党支部,110199001001,X3,,,,启用\nX5,社会,社会组织,,110199001,,,,,启用\n`;
    expect((await upload(admin, 'organizations', chain)).json().errors.map((e: { code: string }) => e.code)).toEqual(['party_parent_level', 'charter_categories_required']);
  });

  it('treats hostile files as problems, never crashes', async () => {
    const before = await counts(a);
    const cases: Array<[Buffer | string, string, string]> = [
      ['', CSV, 'import_empty'],
      ['名字,编号\n1,2\n', CSV, 'import_headers'],
      [Buffer.from([0x81, 0x30, 0xff, 0xfe, 0x00, 0x81]), CSV, 'import_encoding'],
      [Buffer.from('this is not a spreadsheet'), XLSX, 'import_unreadable'],
      [`${HEAD}\n"broken,quote\n`, CSV, 'import_csv_malformed'],
      [`${HEAD}\nA\u0007,名称,网格,网格,110199001001,1\n`, CSV, 'import_invalid'],
    ];
    for (const [body, type, code] of cases) {
      const res = await upload(admin, 'nodes', body, type);
      expect([res.statusCode, res.json().code]).toEqual([422, code]);
    }
    expect((await admin.post('/api/org/import/nodes', { not: 'a file' })).statusCode).toBe(415);
    expect((await upload(admin, 'nodes', Buffer.alloc(11 * 1024 * 1024, 0x41))).statusCode).toBe(413);
    expect((await admin.post('/api/org/import/elsewhere', 'x', { 'content-type': CSV })).statusCode).toBe(400);
    expect(await counts(a)).toEqual(before);
  });

  it('reads GBK files as Excel on Chinese Windows writes them', async () => {
    const gbk = Buffer.from(
      'b1e0c2eb2cc3fbb3c62cb2e3bcb62cc0e0d0cd2cc9cfbcb6b1e0c2eb2cbba7cafd0d0a47424b30312cb2e2cad4c9e7c7f82cc9e7c7f82fb4e52cc9e7c7f82c3131303139393030312c3130300d0a',
      'hex',
    );
    expect((await upload(admin, 'nodes', gbk)).json()).toMatchObject({ created: 1 });
    expect((await admin.get('/api/org/nodes?q=GBK01')).json().items[0].name).toBe('测试社区');
  });

  it('refuses XLSX formula cells, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(columnsOf.people.map((c) => c.header));
    ws.addRow(['', { formula: 'HYPERLINK("http://evil","点我")', result: '点我' }, '110199001001001', '', '', '', '']);
    const res = await upload(admin, 'people', Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(res.json().errors[0]).toMatchObject({ path: 'row 2 / 姓名', code: 'import_formula' });
  });

  it('keeps names that look like formulas safe in CSV and intact after a round trip', async () => {
    const head = columnsOf.people.map((c) => c.header).join(',');
    expect((await upload(admin, 'people', `${head}\nEVIL1,=1+2,110199001001001,,,否,\n`)).statusCode).toBe(200);
    const csv = (await exported(admin, 'people', 'csv')).toString('utf8');
    expect(csv).toContain("EVIL1,'=1+2,");
    const again = await upload(admin, 'people', csv);
    expect(again.json().updated).toBe(0);
  });
});

describe('organizations and people by import', () => {
  const head = columnsOf.organizations.map((c) => c.header).join(',');

  it('creates a chain whose parents come later in the same file', async () => {
    const csv = `${head}\nNEW-G,幸福社区第一网格新党小组,党组织,党小组,110199001001001,NEW-B,,,,启用\nNEW-B,幸福社区新党支部,党组织,党支部,110199001001,110199001001-DW,,,,启用\n`;
    expect((await upload(admin, 'organizations', csv)).json()).toMatchObject({ created: 2 });
    const group = (await admin.get('/api/org/organizations?q=NEW-G')).json().items[0];
    expect(group).toMatchObject({ partyLevel: 'group', parentOrgName: '幸福社区新党支部' });
  });

  it('re-checks what depends on an existing organization', async () => {
    const cg = `${head}\n110199-B-CG,青川区城市管理委员会（城管）,政府部门,,110199,,,,,停用\n`;
    expect((await upload(admin, 'organizations', cg)).json().errors[0]).toMatchObject({ path: 'row 2 / 状态', code: 'org_has_responsibilities' });
    const zy = `${head}\n110199-S-ZY,幸福社区志愿服务队,社会组织,,110199001001,,民政,110199001001,,启用\n`;
    expect((await upload(admin, 'organizations', zy)).json().errors[0]).toMatchObject({ path: 'row 2 / 章程事项', code: 'charter_in_use' });
    const moved = `${head}\n110199-B-CG,城管,政府部门,,110199001,,,,,启用\n`;
    expect((await upload(admin, 'organizations', moved)).json().errors[0].code).toBe('import_cannot_move');
  });

  it('moves a person between grids by code and never touches accounts', async () => {
    const ph = columnsOf.people.map((c) => c.header).join(',');
    const person = (await admin.get('/api/org/people?limit=1')).json().items[0];
    const res = await upload(admin, 'people', `${ph}\n${person.code},${person.name},110199001002001,13912345678,男,是,搬家\n`);
    expect(res.json()).toMatchObject({ updated: 1 });
    expect((await admin.get(`/api/org/people/${person.id}`)).json()).toMatchObject({ phone: '13912345678', gender: 'male', partyMember: true, note: '搬家', userId: person.userId });
  });
});

describe('scope and scale', () => {
  it('lets only importers write, and only within their subtrees', async () => {
    const cadre = await login(a.app, 'cadre', DEMO_PASSWORD);
    expect((await upload(cadre, 'nodes', `${HEAD}\nQ1,某社区,社区/村,社区,110199001,\n`)).statusCode).toBe(403);
    const [street] = await queryRows<{ id: number }>(a.db, sql`SELECT id FROM admin_nodes WHERE code = '110199002'`);
    await makeUser(a.db, { username: 'town_admin', roles: [{ role: 'admin', nodeId: street!.id }] });
    const town = await login(a.app, 'town_admin');
    const res = await upload(town, 'nodes', `${HEAD}\nQ2,某社区,社区/村,社区,110199001,\n110199001001,改名,社区/村,社区,110199001,\nQ3,新区,区/县,区,,\n`);
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual(['import_unknown_code', 'import_code_unavailable', 'import_root_forbidden']);
  });

  it('imports 10,000 people in one go, and refuses all of them for one bad row', async () => {
    const head = columnsOf.people.map((c) => c.header).join(',');
    const rows = Array.from({ length: 10_000 }, (_, i) => `BULK${i},居民${i},110199002001001,139${String(i).padStart(8, '0')},${i % 2 ? '男' : '女'},否,`);
    const before = await counts(a);
    const bad = await upload(admin, 'people', [head, ...rows, 'BULK-X,坏人,110199002001001,not-a-phone,,否,'].join('\n'));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'row 10002 / 电话', code: 'import_bad_phone' })]);
    expect(await counts(a)).toEqual(before);
    const started = Date.now();
    const ok = await upload(admin, 'people', [head, ...rows].join('\n'));
    expect(ok.json()).toMatchObject({ created: 10_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await counts(a)).people).toBe(before.people + 10_000);
    const many = await upload(admin, 'people', [head, ...rows.map((r) => r.replace(',否,', ',也许,'))].join('\n'));
    expect(many.json().errors).toHaveLength(1001);
    expect(many.json().errors[1000]).toMatchObject({ path: 'file', code: 'import_more_errors' });
  }, 120_000);

  it('leaves a verifiable audit chain', async () => {
    expect((await verifyAudit(a.db)).ok).toBe(true);
  });
});
