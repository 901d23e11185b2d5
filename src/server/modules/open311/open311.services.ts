/**
 * GeoReport services: the usable leaf categories of the dispatch catalogue (service_code =
 * the category id), grouped by their first-level class, and their definition — the
 * attributes a request of any service carries (urgency, public or not, kind).
 */
import type { Executor } from '../../platform/db/database.js';
import { translate, type Lang } from '../../platform/http/messages.js';
import { categoryById, hasActiveSubcategories, isSupervisionCategory, listCategories, urgencies, type CategoryView, type CaseType } from '../cases/case.exports.js';

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface AttributeValue {
  key: string;
  name: string;
}

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: AttributeValue[];
}

/** Kinds of request an outside system may file (举报 about officials goes to the supervision channel). */
export const openCaseTypes = ['help', 'complaint', 'suggestion', 'enquiry'] as const satisfies readonly CaseType[];
export const DEFAULT_CASE_TYPE: CaseType = 'help';

/** The attributes of every service definition, in order. */
export function serviceAttributes(lang: Lang): Attribute[] {
  const t = (code: string) => translate(code, lang);
  return [
    {
      variable: true,
      code: 'urgency',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: t('open311.attr.urgency'),
      values: urgencies.map((u) => ({ key: u, name: t(`open311.urgency.${u}`) })),
    },
    {
      variable: true,
      code: 'is_public',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 2,
      description: t('open311.attr.is_public'),
      values: ['true', 'false'].map((v) => ({ key: v, name: t(`open311.public.${v}`) })),
    },
    {
      variable: true,
      code: 'case_type',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 3,
      description: t('open311.attr.case_type'),
      values: openCaseTypes.map((v) => ({ key: v, name: t(`open311.type.${v}`) })),
    },
  ];
}

/** A category offered as a service: usable, without usable subcategories, not the supervision channel. */
function isService(c: CategoryView, parents: ReadonlySet<number>): boolean {
  return c.usable && !parents.has(c.id) && !isSupervisionCategory(c.path);
}

function serviceOf(c: CategoryView): Service {
  const above = c.path.split('/').slice(0, -1);
  return {
    service_code: String(c.id),
    service_name: c.name,
    description: c.path,
    // Every service has attributes (urgency is required), so every one has a definition.
    metadata: true,
    type: 'realtime',
    keywords: above.join(','),
    group: above[0] ?? c.name,
  };
}

/** Every service, in catalogue order. */
export async function listServices(ex: Executor): Promise<Service[]> {
  const usable = await listCategories(ex, { activeOnly: true });
  const parents = new Set(usable.flatMap((c) => (c.parentId === null ? [] : [c.parentId])));
  return usable.filter((c) => isService(c, parents)).map(serviceOf);
}

/** The service of a service_code, or undefined when there is none (unknown, inactive, not a leaf). */
export async function serviceByCode(ex: Executor, code: string): Promise<(Service & { categoryId: number }) | undefined> {
  if (!/^[1-9]\d{0,15}$/.test(code)) return undefined;
  const id = Number(code);
  const category = await categoryById(ex, id);
  if (!category || !category.usable || isSupervisionCategory(category.path)) return undefined;
  if (await hasActiveSubcategories(ex, id)) return undefined;
  return { ...serviceOf(category), categoryId: id };
}
