/**
 * `gongzhi seed --demo`: a realistic district (1 district, 2 streets, 7 communities and
 * villages, 25 grids), party organizations at every level, departments, committees,
 * social organizations, about 220 people with their posts, one login per role (see
 * demo-logins.ts) and the responsibility list. Written with the repositories directly
 * (there is no acting user yet) and audited as one system entry.
 */
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import { hashPassword } from '../../platform/auth/password.js';
import { insertUser } from '../../platform/auth/users.js';
import { insertRole } from './account.repo.js';
import { DEMO_PASSWORD, demoLogins } from './demo-logins.js';
import { insertNodes, type NewNode, type NodeRow } from './org.repo.js';
import { insertOrgs, type NewOrg } from './organization.repo.js';
import { insertPeople, insertPost, updatePerson, type NewPerson } from './people.repo.js';
import { insertResponsibility } from './responsibility.repo.js';
import type { NodeLevel } from './org.tables.js';
import {
  demoDepartments,
  demoDistrict,
  demoSocialOrgs,
  demoStreets,
  districtResponsibilities,
  givenNames,
  gridNames,
  localResponsibilities,
  seededRandom,
  surnames,
} from './seed-data.js';

type Rand = () => number;
const pad3 = (n: number) => String(n).padStart(3, '0');

/** The demo tree as rows per level, with households summed upwards from the grids. */
type SeedNode = NewNode & { parentCode: string | null };

function demoTree(rand: Rand): SeedNode[][] {
  const levels: SeedNode[][] = [[], [], [], []];
  let districtTotal = 0;
  for (const street of demoStreets) {
    let streetTotal = 0;
    street.communities.forEach((c, ci) => {
      const code = `${street.code}${pad3(ci + 1)}`;
      let total = 0;
      for (let g = 0; g < c.grids; g++) {
        const households = 300 + Math.floor(rand() * 201);
        total += households;
        levels[3]!.push({ parentId: null, parentCode: code, level: 'grid', kind: '网格', code: `${code}${pad3(g + 1)}`, name: gridNames[g]!, households });
      }
      streetTotal += total;
      levels[2]!.push({ parentId: null, parentCode: street.code, level: 'community', kind: c.kind, code, name: c.name, households: total });
    });
    districtTotal += streetTotal;
    levels[1]!.push({ parentId: null, parentCode: demoDistrict.code, level: 'street', kind: street.kind, code: street.code, name: street.name, households: streetTotal });
  }
  levels[0]!.push({ parentId: null, parentCode: null, level: 'district', kind: demoDistrict.kind, code: demoDistrict.code, name: demoDistrict.name, households: districtTotal });
  return levels;
}

async function seedTree(ctx: CommandContext, rand: Rand): Promise<Map<string, NodeRow>> {
  const byCode = new Map<string, NodeRow>();
  for (const level of demoTree(rand)) {
    const rows = level.map(({ parentCode, ...n }) => ({ ...n, parentId: parentCode ? byCode.get(parentCode)!.id : null }));
    for (const row of await insertNodes(ctx.tx, rows, ctx.now)) byCode.set(row.code, row);
  }
  return byCode;
}

type OrgSeed = Omit<NewOrg, 'nodeId' | 'parentOrgId' | 'charterNodeId'> & { nodeCode: string; parentCode: string | null; charterCode: string | null };

const partyOrg = (nodeCode: string, name: string, level: NewOrg['partyLevel'], parentCode: string | null, code = `${nodeCode}-DW`): OrgSeed => ({
  nodeCode, kind: 'party', partyLevel: level, parentCode, code, name, charterCategories: [], charterCode: null, phone: null,
});
let phoneSeq = 0;
const plainOrg = (nodeCode: string, kind: 'department' | 'committee', code: string, name: string): OrgSeed => ({
  nodeCode, kind, partyLevel: null, parentCode: null, code, name, charterCategories: [], charterCode: null, phone: `010-6${String(8100000 + 137 * ++phoneSeq)}`,
});

/** Organizations in insertion waves: each wave's chain parents are in an earlier one. */
function demoOrganizations(): OrgSeed[][] {
  const district = demoDistrict.code;
  const waves: OrgSeed[][] = [[partyOrg(district, demoDistrict.partyName, 'committee', null)], [], [], []];
  for (const d of demoDepartments) waves[0]!.push(plainOrg(district, 'department', `${district}-B-${d.key}`, d.name));
  for (const s of demoStreets) {
    waves[1]!.push(partyOrg(s.code, s.partyName, 'committee', `${district}-DW`), plainOrg(s.code, 'department', `${s.code}-ZF`, s.officeName));
    s.communities.forEach((c, ci) => {
      const code = `${s.code}${pad3(ci + 1)}`;
      const title = { committee: '委员会', general_branch: '总支部委员会', branch: '支部委员会' }[c.party];
      waves[2]!.push(partyOrg(code, `中共${c.name}${title}`, c.party, `${s.code}-DW`));
      waves[2]!.push(plainOrg(code, 'committee', `${code}-JW`, c.kind === '村' ? `${c.name}村民委员会` : `${c.name}居民委员会`));
      for (let g = 0; g < c.grids; g++) {
        const grid = `${code}${pad3(g + 1)}`;
        const branch = c.party === 'branch';
        waves[3]!.push(partyOrg(grid, `${c.name}${gridNames[g]}党${branch ? '小组' : '支部'}`, branch ? 'group' : 'branch', `${code}-DW`, `${grid}-DZ`));
      }
    });
  }
  for (const so of demoSocialOrgs) {
    waves[0]!.push({ nodeCode: so.nodeCode, kind: 'social', partyLevel: null, parentCode: null, code: `${district}-S-${so.key}`, name: so.name, charterCategories: so.categories, charterCode: so.nodeCode, phone: null });
  }
  return waves;
}

async function seedOrganizations(ctx: CommandContext, nodes: Map<string, NodeRow>): Promise<Map<string, { id: number; seed: OrgSeed }>> {
  const byCode = new Map<string, { id: number; seed: OrgSeed }>();
  for (const wave of demoOrganizations()) {
    const rows = wave.map(({ nodeCode, parentCode, charterCode, ...o }) => ({
      ...o,
      nodeId: nodes.get(nodeCode)!.id,
      parentOrgId: parentCode ? byCode.get(parentCode)!.id : null,
      charterNodeId: charterCode ? nodes.get(charterCode)!.id : null,
    }));
    const inserted = await insertOrgs(ctx.tx, rows, ctx.now);
    inserted.forEach((r) => byCode.set(r.code, { id: r.id, seed: wave.find((w) => w.code === r.code)! }));
  }
  return byCode;
}

/** People to insert, and the posts they hold: [organization code, title]. */
interface PersonSeed extends NewPerson {
  posts: Array<[string, string]>;
  login?: string;
}

function personMaker(rand: Rand) {
  const used = new Set<string>();
  return (nodeId: number, extra: Partial<PersonSeed> = {}): PersonSeed => {
    let name = '';
    for (let i = 0; i < 20 && (!name || used.has(name)); i++) name = surnames[Math.floor(rand() * surnames.length)]! + givenNames[Math.floor(rand() * givenNames.length)]!;
    used.add(name);
    const phone = `13${Math.floor(rand() * 1e9).toString().padStart(9, '0')}`;
    return { nodeId, name, phone, gender: rand() < 0.5 ? 'male' : 'female', partyMember: false, note: null, posts: [], ...extra };
  };
}

function headTitle(seed: OrgSeed): string {
  if (seed.kind === 'party') return seed.partyLevel === 'group' ? '组长' : '书记';
  if (seed.kind === 'committee') return '主任';
  if (seed.kind === 'social') return '负责人';
  return demoDepartments.find((d) => seed.code.endsWith(`-B-${d.key}`))?.head ?? (seed.code.endsWith('-ZF') ? '主任' : '负责人');
}

/** Demo persons: name from the display name (without the role in brackets) and the post they hold. */
const demoPosts: Record<string, [string, string] | null> = {
  cadre: ['110199001-DW', '副书记'],
  dispatcher: ['110199-B-ZX', '派单员'],
  gridworker: ['110199001001-JW', '第一网格网格员'],
  deptstaff: ['110199-B-CG', '执法队员'],
  inspector: ['110199-B-JJ', '纪检监察员'],
  assessor: ['110199-B-KH', '考核专员'],
  partymember: null,
  resident: null,
};

function demoPeople(rand: Rand, nodes: Map<string, NodeRow>, orgs: Map<string, { id: number; seed: OrgSeed }>): PersonSeed[] {
  const make = personMaker(rand);
  const out: PersonSeed[] = [];
  for (const [code, org] of orgs) {
    if (org.seed.kind === 'party' && org.seed.partyLevel !== 'committee' && nodes.get(org.seed.nodeCode)!.level === 'grid') continue;
    out.push(make(nodes.get(org.seed.nodeCode)!.id, { partyMember: org.seed.kind === 'party', posts: [[code, headTitle(org.seed)]] }));
  }
  for (const node of nodes.values()) {
    if (node.level !== 'grid') continue;
    const community = node.code.slice(0, 12);
    const gridName = node.name;
    if (node.code !== '110199001001001') out.push(make(node.id, { posts: [[`${community}-JW`, `${gridName}网格员`]] }));
    const gridParty = orgs.get(`${node.code}-DZ`)!.seed;
    for (let i = 0; i < 6; i++) {
      const leader = i === 0;
      // Party members each keep in touch with 5–20 households (党员联系户).
      const member = leader || rand() < 0.2;
      const note = member ? `党员联系户 ${5 + Math.floor(rand() * 16)} 户` : null;
      out.push(make(node.id, { partyMember: member, note, posts: leader ? [[gridParty.code, headTitle(gridParty)]] : [] }));
    }
  }
  for (const l of demoLogins) {
    if (l.role === 'admin') continue;
    const name = l.displayName.replace(/（.*）$/, '');
    const post = demoPosts[l.username];
    out.push({ ...make(nodes.get(l.nodeCode)!.id), name, partyMember: l.role === 'party_member' || l.role === 'cadre', posts: post ? [post] : [], login: l.username });
  }
  return out;
}

async function seedPeopleAndPosts(ctx: CommandContext, seeds: PersonSeed[], orgs: Map<string, { id: number }>) {
  const inserted = (await insertPeople(ctx.tx, seeds.map(({ posts: _p, login: _l, ...p }) => p), ctx.now)).sort((a, b) => a.id - b.id);
  const postIds = new Map<string, number>();
  const personOfLogin = new Map<string, number>();
  for (const [i, seed] of seeds.entries()) {
    const personId = inserted[i]!.id;
    if (seed.login) personOfLogin.set(seed.login, personId);
    for (const [orgCode, title] of seed.posts) postIds.set(`${orgCode}/${title}`, await insertPost(ctx.tx, { orgId: orgs.get(orgCode)!.id, title, personId }, ctx.now));
  }
  return { postIds, personOfLogin, people: inserted.length };
}

async function seedLogins(ctx: CommandContext, nodes: Map<string, NodeRow>, personOfLogin: Map<string, number>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const l of demoLogins) {
    const kind = l.role === 'resident' ? 'resident' : 'staff';
    const user = await insertUser(ctx.tx, { username: l.username, displayName: l.displayName, passwordHash, kind });
    await insertRole(ctx.tx, { userId: user.id, role: l.role, nodeId: nodes.get(l.nodeCode)!.id }, ctx.now);
    const personId = personOfLogin.get(l.username);
    if (personId) await updatePerson(ctx.tx, personId, { userId: user.id }, ctx.now);
  }
}

async function seedResponsibilities(ctx: CommandContext, nodes: Map<string, NodeRow>, orgs: Map<string, { id: number; seed: OrgSeed }>, posts: Map<string, number>) {
  const entries = [
    ...districtResponsibilities.map(([category, key]) => ({ category, nodeCode: demoDistrict.code, orgCode: `${demoDistrict.code}-B-${key}`, post: null as string | null })),
    ...localResponsibilities,
  ];
  for (const e of entries) {
    const postId = e.post ? (posts.get(`${e.orgCode}/${e.post}`) ?? null) : null;
    await insertResponsibility(ctx.tx, { category: e.category, nodeId: nodes.get(e.nodeCode)!.id, orgId: orgs.get(e.orgCode)!.id, postId, note: null }, ctx.now);
  }
  return entries.length;
}

/** Loads the demo district into an empty database (the caller checks emptiness). */
export async function seedOrgDemo(ctx: CommandContext): Promise<void> {
  const rand = seededRandom(110199);
  const nodes = await seedTree(ctx, rand);
  const orgs = await seedOrganizations(ctx, nodes);
  const { postIds, personOfLogin, people } = await seedPeopleAndPosts(ctx, demoPeople(rand, nodes, orgs), orgs);
  await seedLogins(ctx, nodes, personOfLogin);
  const responsibilities = await seedResponsibilities(ctx, nodes, orgs, postIds);
  const count = (level: NodeLevel) => [...nodes.values()].filter((n) => n.level === level).length;
  await audit(ctx, {
    action: 'org.seed_demo',
    subjectType: 'system',
    changes: { districts: count('district'), streets: count('street'), communities: count('community'), grids: count('grid'), organizations: orgs.size, people, posts: postIds.size, logins: demoLogins.length, responsibilities },
    scopePath: nodes.get(demoDistrict.code)!.path,
  });
}
