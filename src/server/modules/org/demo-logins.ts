/**
 * One demo account per role, created by `gongzhi seed --demo` and listed in README and
 * at start-up. Demo only: the password is public.
 */
import type { Role } from '../../platform/access/roles.js';

export const DEMO_PASSWORD = 'Gongzhi@2026';

export interface DemoLogin {
  username: string;
  role: Role;
  /** Where the role is held: the code of an administrative node of the demo tree. */
  nodeCode: string;
  displayName: string;
}

/** Node codes follow the demo tree: district 110199, street 110199001, community 110199001001 … */
export const demoLogins: DemoLogin[] = [
  { username: 'admin', role: 'admin', nodeCode: '110199', displayName: '系统管理员' },
  { username: 'cadre', role: 'cadre', nodeCode: '110199001', displayName: '王建国（街道干部）' },
  { username: 'dispatcher', role: 'dispatcher', nodeCode: '110199', displayName: '李娜（派单员）' },
  { username: 'gridworker', role: 'grid_worker', nodeCode: '110199001001001', displayName: '张伟（网格员）' },
  { username: 'deptstaff', role: 'dept_staff', nodeCode: '110199', displayName: '刘洋（城管局）' },
  { username: 'inspector', role: 'discipline_inspector', nodeCode: '110199', displayName: '陈静（纪检）' },
  { username: 'custodian', role: 'custodian', nodeCode: '110199', displayName: '吴敏（保密员）' },
  { username: 'assessor', role: 'assessor', nodeCode: '110199', displayName: '赵敏（考核办）' },
  { username: 'partymember', role: 'party_member', nodeCode: '110199001001', displayName: '孙丽（党员）' },
  { username: 'resident', role: 'resident', nodeCode: '110199001001001', displayName: '周强（居民）' },
];
