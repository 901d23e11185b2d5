import type { TFunction } from 'i18next';
import type { Organization } from '../../api/types.js';

/** 党组织 · 党支部, 政府部门 … */
export function orgKindLabel(o: Pick<Organization, 'kind' | 'partyLevel'>, t: TFunction): string {
  return o.kind === 'party' && o.partyLevel ? t(`partyLevels.${o.partyLevel}`) : t(`orgKinds.${o.kind}`);
}

export const orgKindColors: Record<Organization['kind'], string> = { party: 'red', department: 'blue', committee: 'green', social: 'purple' };
