import type { TFunction } from 'i18next';
import type { zhCN } from '../../i18n/zh-CN.js';

/** The roles staff can be granted, in the server's order (platform/access/roles.ts). */
export const grantableRoles = ['grid_worker', 'party_member', 'cadre', 'dispatcher', 'dept_staff', 'discipline_inspector', 'custodian', 'assessor', 'admin', 'resident'] as const satisfies readonly (keyof typeof zhCN.roles)[];
export type GrantableRole = (typeof grantableRoles)[number];

export function roleOptions(t: TFunction) {
  return grantableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}
