/**
 * Who may see and do what, through HTTP on a real database: role × subtree for registrars,
 * handlers and readers (another street's staff are told the petition does not exist); a
 * resident sees their own petitions and nobody else's; the petitioner's name and phone only
 * for staff over the petition; a letter, visit or call only from a registrar of the place; a
 * group visit of more than 5 representatives refused with a clear 422; stale versions 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildPetitionWorld, type PetitionWorld, type Who } from '../../../../test/helpers/petitions.js';

let t: TestApp;
let w: PetitionWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildPetitionWorld(t);
  w.setNow('2026-11-02T02:00:00Z');
});
afterAll(async () => {
  await w?.close();
  await t.close();
});

const CONTACT = { name: '钱某某', phone: '13912345678' };
const visit = (representatives: number) => ({ channel: 'visit', title: '集体反映征地补偿标准', content: '村民集体来访，反映征地补偿标准偏低。', nodeId: w.community.id, petitioner: CONTACT, representatives });
const ids = (res: { json(): { items: Array<{ id: number }> } }) => res.json().items.map((i) => i.id);

describe('group visits', () => {
  it('refuses more than 5 representatives with a 422 problem in the caller’s language', async () => {
    const zh = await w.call('registrar', 'POST', '/api/petitions', visit(6));
    expect(zh.statusCode).toBe(422);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'petitions_too_many_representatives', detail: expect.stringContaining('不超过 5 人'), errors: [{ path: 'body.representatives', code: 'petitions_too_many_representatives' }] });
    const en = await w.call('registrar', 'POST', '/api/petitions', visit(6), { 'accept-language': 'en-US' });
    expect(en.json().detail).toContain('A group visit sends at most 5 representatives');
    const five = await w.call('registrar', 'POST', '/api/petitions', visit(5));
    expect(five.statusCode, five.body).toBe(201);
    expect(five.json()).toMatchObject({ channel: 'visit', representatives: 5, petitioner: CONTACT });
  });
});

describe('role × subtree', () => {
  let letterId: number;
  let letterVersion: number;
  let mineId: number;

  beforeAll(async () => {
    const letter = await w.call('registrar', 'POST', '/api/petitions', { channel: 'letter', title: '农村低保评定不公', content: '本村低保评定未公示，请求核查。', nodeId: w.community.id, petitioner: CONTACT });
    ({ id: letterId, version: letterVersion } = letter.json());
    mineId = (await w.call('resident', 'POST', '/api/petitions', { channel: 'online', title: '路灯长期不亮', content: '小区北侧路灯一个月不亮。' })).json().id;
  });

  it('records letters, visits and calls only for a registrar of the place', async () => {
    const body = { channel: 'letter', title: '来信', content: '来信内容', nodeId: w.community.id, petitioner: CONTACT };
    expect((await w.call('elsewhere', 'POST', '/api/petitions', body)).statusCode).toBe(403);
    expect((await w.call('handler', 'POST', '/api/petitions', body)).statusCode).toBe(403);
    expect((await w.call('resident', 'POST', '/api/petitions', body)).statusCode).toBe(403);
    expect((await w.call('resident', 'POST', '/api/petitions', { channel: 'online', title: '网上信访', content: '内容', caseNumber: '20261101-000001' })).statusCode).toBe(403);
    const nameless = await w.call('registrar', 'POST', '/api/petitions', { ...body, petitioner: { phone: '13800000000' } });
    expect(nameless.statusCode).toBe(422);
    expect(nameless.json().code).toBe('petitions_petitioner_required');
  });

  it('shows a petition to staff over its places and to its petitioner, and hides it from everyone else', async () => {
    // Every staff member holding petitions.read over the community (the street's handler too).
    for (const who of ['registrar', 'upper', 'handler', 'streetHandler', 'reader'] as Who[]) {
      const res = await w.call(who, 'GET', `/api/petitions/${letterId}`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().petitioner, who).toEqual(CONTACT);
    }
    for (const who of ['elsewhere', 'otherHandler', 'resident', 'resident2'] as Who[]) {
      expect((await w.call(who, 'GET', `/api/petitions/${letterId}`)).statusCode, who).toBe(404);
    }
    expect((await w.call('resident2', 'GET', `/api/petitions/${mineId}`)).statusCode).toBe(404);
    expect((await w.call('elsewhere', 'GET', `/api/petitions/${mineId}`)).statusCode).toBe(404);
  });

  it('lists the caller’s scope, and a resident’s own petitions only', async () => {
    expect(ids(await w.call('registrar', 'GET', '/api/petitions?limit=200'))).toEqual(expect.arrayContaining([letterId, mineId]));
    expect(ids(await w.call('elsewhere', 'GET', '/api/petitions'))).toEqual([]);
    expect(ids(await w.call('otherHandler', 'GET', '/api/petitions'))).toEqual([]);
    expect(ids(await w.call('resident', 'GET', '/api/petitions'))).toEqual([mineId]);
    expect(ids(await w.call('resident2', 'GET', '/api/petitions'))).toEqual([]);
    // The resident sees their own name, never anyone else's petitions or contacts.
    expect((await w.call('resident', 'GET', '/api/petitions')).json().items[0].petitioner.name).toBeTruthy();
    // `mine` narrows a staff member's list to what they filed themselves.
    expect(ids(await w.call('registrar', 'GET', '/api/petitions?mine=true'))).toEqual([]);
  });

  it('lets only the place’s registrars register, and only the handling unit’s staff accept', async () => {
    const register = { version: letterVersion, orgId: w.units.streetDept, routeKind: 'transfer' };
    expect((await w.call('elsewhere', 'POST', `/api/petitions/${letterId}/register`, register)).statusCode).toBe(404);
    expect((await w.call('handler', 'POST', `/api/petitions/${letterId}/register`, register)).statusCode).toBe(403);
    expect((await w.call('reader', 'POST', `/api/petitions/${letterId}/register`, register)).statusCode).toBe(403);
    const routed = await w.call('registrar', 'POST', `/api/petitions/${letterId}/register`, register);
    expect(routed.statusCode, routed.body).toBe(200);
    const version = routed.json().version;
    // Routed to the street's unit: its handler may accept; the community's handler reads but may not.
    expect((await w.call('streetHandler', 'GET', `/api/petitions/${letterId}`)).json().actions).toEqual(['accept', 'object']);
    expect((await w.call('handler', 'GET', `/api/petitions/${letterId}`)).json().actions).toEqual([]);
    expect((await w.call('handler', 'POST', `/api/petitions/${letterId}/accept`, { version })).statusCode).toBe(403);
    expect((await w.call('otherHandler', 'POST', `/api/petitions/${letterId}/accept`, { version })).statusCode).toBe(404);
    expect((await w.call('registrar', 'POST', `/api/petitions/${letterId}/accept`, { version })).statusCode).toBe(403);
    expect((await w.call('resident', 'POST', `/api/petitions/${letterId}/accept`, { version })).statusCode).toBe(404);
    // A stale version is a conflict, not a silent overwrite.
    const stale = await w.call('streetHandler', 'POST', `/api/petitions/${letterId}/accept`, { version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('petitions_version_conflict');
    expect((await w.call('streetHandler', 'POST', `/api/petitions/${letterId}/accept`, { version })).statusCode).toBe(200);
    // A step the state no longer allows.
    const twice = await w.call('streetHandler', 'POST', `/api/petitions/${letterId}/accept`, { version: version + 1 });
    expect(twice.json().code).toBe('petitions_transition_not_allowed');
  });

  it('keeps the resident’s view to the public timeline, without staff names', async () => {
    const staff = await w.call('registrar', 'POST', `/api/petitions/${mineId}/register`, { version: 1, orgId: w.units.committee, routeKind: 'assign', note: '请居委会尽快处理' });
    expect(staff.statusCode, staff.body).toBe(200);
    const mine = (await w.call('resident', 'GET', `/api/petitions/${mineId}`)).json();
    expect(mine.timeline.every((e: { public: boolean; actor: string }) => e.public && e.actor === '')).toBe(true);
    expect(mine.caseId).toBeNull();
    expect(mine.actions).toEqual([]);
    const staffView = (await w.call('handler', 'GET', `/api/petitions/${mineId}`)).json();
    expect(staffView.timeline.map((e: { actor: string }) => e.actor)).toEqual(expect.arrayContaining([expect.stringContaining('registrar')]));
  });
});
