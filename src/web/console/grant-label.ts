import type { TFunction } from 'i18next';
import type { Grant } from '../api/types.js';
import { zhCN } from '../i18n/zh-CN.js';

type RoleKey = keyof typeof zhCN.roles;

function isRoleKey(role: string): role is RoleKey {
  return role in zhCN.roles;
}

/** A role's display name; unknown roles (added by a later module) show their code. */
export function roleLabel(role: string, t: TFunction): string {
  return isRoleKey(role) ? t(`roles.${role}`) : role;
}

/** "干部 · 某某街道" */
export function grantLabel(g: Grant, t: TFunction): string {
  return g.nodeName ? `${roleLabel(g.role, t)} · ${g.nodeName}` : roleLabel(g.role, t);
}
