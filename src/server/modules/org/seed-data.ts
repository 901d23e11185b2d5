/**
 * The demo district as data: 青川区 (110199) with an urban street (东城街道) and a town
 * (青石镇), their communities and villages, the district's departments, social
 * organizations, and the responsibility list. Fictional, but shaped like the real thing.
 */
export interface DemoCommunity {
  name: string;
  kind: '社区' | '村';
  grids: number;
  /** 党委 for large communities, 党总支 for middle ones, 党支部 for villages. */
  party: 'committee' | 'general_branch' | 'branch';
}

export interface DemoStreet {
  code: string;
  name: string;
  kind: '街道' | '乡镇';
  partyName: string;
  officeName: string;
  communities: DemoCommunity[];
}

export const demoDistrict = { code: '110199', name: '青川区', kind: '区', partyName: '中共青川区委员会' } as const;

export const demoStreets: DemoStreet[] = [
  {
    code: '110199001',
    name: '东城街道',
    kind: '街道',
    partyName: '中共青川区东城街道工作委员会',
    officeName: '青川区东城街道办事处',
    communities: [
      { name: '幸福社区', kind: '社区', grids: 4, party: 'committee' },
      { name: '和平社区', kind: '社区', grids: 4, party: 'general_branch' },
      { name: '光明社区', kind: '社区', grids: 4, party: 'general_branch' },
      { name: '朝阳社区', kind: '社区', grids: 4, party: 'general_branch' },
    ],
  },
  {
    code: '110199002',
    name: '青石镇',
    kind: '乡镇',
    partyName: '中共青川区青石镇委员会',
    officeName: '青川区青石镇人民政府',
    communities: [
      { name: '柳河村', kind: '村', grids: 3, party: 'branch' },
      { name: '石桥村', kind: '村', grids: 3, party: 'branch' },
      { name: '杏花村', kind: '村', grids: 3, party: 'branch' },
    ],
  },
];

export const gridNames = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格'];

/** District departments: code suffix, name, head's post title. */
export const demoDepartments: Array<{ key: string; name: string; head: string }> = [
  { key: 'CG', name: '青川区城市管理委员会（城管）', head: '主任' },
  { key: 'SJ', name: '青川区市场监督管理局', head: '局长' },
  { key: 'WJ', name: '青川区卫生健康委员会', head: '主任' },
  { key: 'JW', name: '青川区教育委员会', head: '主任' },
  { key: 'ZJ', name: '青川区住房和城乡建设委员会', head: '主任' },
  { key: 'JT', name: '青川区交通局', head: '局长' },
  { key: 'MZ', name: '青川区民政局', head: '局长' },
  { key: 'RS', name: '青川区人力资源和社会保障局', head: '局长' },
  { key: 'GA', name: '青川区公安分局', head: '局长' },
  { key: 'YJ', name: '青川区应急管理局', head: '局长' },
  { key: 'HB', name: '青川区生态环境局', head: '局长' },
  { key: 'JJ', name: '青川区纪律检查委员会（监察委员会）', head: '书记' },
  { key: 'KH', name: '青川区委督查考核办公室', head: '主任' },
  { key: 'ZX', name: '青川区接诉即办服务中心（12345）', head: '主任' },
];

export interface DemoSocialOrg {
  key: string;
  name: string;
  /** Code of the node it is attached to; its charter area is the same node. */
  nodeCode: string;
  categories: string[];
}

export const demoSocialOrgs: DemoSocialOrg[] = [
  { key: 'LN', name: '青川区老年人协会', nodeCode: '110199', categories: ['民政', '卫生计生'] },
  { key: 'SG', name: '东城街道社会工作服务站', nodeCode: '110199001', categories: ['民政', '劳动和社会保障'] },
  { key: 'ZY', name: '幸福社区志愿服务队', nodeCode: '110199001001', categories: ['市容环境', '民政', '环境保护'] },
  { key: 'XX', name: '柳河村乡贤理事会', nodeCode: '110199002001', categories: ['农村农业', '民政'] },
];

/** District-wide entries of the responsibility list: category → department key. */
export const districtResponsibilities: Array<[category: string, department: string]> = [
  ['市容环境', 'CG'],
  ['街面秩序', 'CG'],
  ['宣传广告', 'CG'],
  ['施工管理', 'ZJ'],
  ['城乡建设', 'ZJ'],
  ['交通运输', 'JT'],
  ['卫生计生', 'WJ'],
  ['教育文体', 'JW'],
  ['民政', 'MZ'],
  ['劳动和社会保障', 'RS'],
  ['政法', 'GA'],
  ['经济管理', 'SJ'],
  ['商贸旅游', 'SJ'],
  ['环境保护', 'HB'],
  ['突发事件', 'YJ'],
  ['纪检监察', 'JJ'],
];

/** Local entries: category, area code, organization code, post title (or null). */
export const localResponsibilities: Array<{ category: string; nodeCode: string; orgCode: string; post: string | null }> = [
  { category: '民政', nodeCode: '110199001001', orgCode: '110199001001-JW', post: '主任' },
  { category: '市容环境', nodeCode: '110199001001', orgCode: '110199-S-ZY', post: '负责人' },
  { category: '民政', nodeCode: '110199001', orgCode: '110199-S-SG', post: '负责人' },
  { category: '农村农业', nodeCode: '110199002001', orgCode: '110199-S-XX', post: '负责人' },
  { category: '民政', nodeCode: '110199002001', orgCode: '110199002001-JW', post: '主任' },
];

export const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
export const givenNames = [
  '建国', '秀英', '桂英', '志强', '丽华', '海燕', '春梅', '国庆', '永刚', '淑珍', '建华', '玉兰', '明', '静', '磊', '洋',
  '艳', '勇', '军', '杰', '娟', '涛', '超', '霞', '平', '刚', '桂兰', '文', '辉', '鹏', '红梅', '晓东', '雪梅', '子涵',
  '浩然', '欣怡', '宇轩', '思雨', '俊杰', '佳琪', '梓萱', '一诺', '志明', '美玲', '德华', '秀兰', '玉珍', '凤英',
];

/** A small deterministic generator, so every demo database is the same. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
