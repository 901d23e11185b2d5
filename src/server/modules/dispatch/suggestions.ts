/**
 * 智能派单 suggestions for one case: the likeliest three first-level categories, the
 * likeliest three second-level ones (when the model has that head), and the likeliest three
 * lead units — each with its confidence and the words that drove it.
 *
 * Units come from two places: the unit head (what dispatchers chose for such texts), kept to
 * the units over the case's place (a street's office only for its own street); and the responsibility list, the unit it names for a suggested category at
 * the case's place, with that category's confidence. A unit named by both keeps the higher.
 */
import type { Executor } from '../../platform/db/database.js';
import { routeUnit, usableCategoriesByPath, type WaitingCase } from '../cases/case.exports.js';
import { unitsByIds } from '../org/org.exports.js';
import type { Suggestion } from './model/model.js';
import { currentModel } from './model-store.js';
import type { Heads } from './training/heads.js';

export interface CategorySuggestion {
  categoryId: number;
  path: string;
  confidence: number;
  words: string[];
}

export type UnitSource = 'model' | 'direct' | 'territorial';

export interface UnitSuggestion {
  orgId: number;
  name: string;
  confidence: number;
  words: string[];
  /** model: learned from dispatch history; direct: the responsibility list for `categoryPath`; territorial: the place's own unit. */
  source: UnitSource;
  categoryPath: string | null;
}

export interface DispatchSuggestions {
  /** The model version that answered (null: none trained yet). */
  modelVersion: number | null;
  categories: CategorySuggestion[];
  deeper: CategorySuggestion[];
  units: UnitSuggestion[];
}

const TOP = 3;
const round = (p: number) => Number(p.toFixed(4));

/** The suggestions of a head whose labels are category paths, kept to the usable categories. */
async function categorySuggestions(ex: Executor, found: readonly Suggestion[]): Promise<CategorySuggestion[]> {
  const known = await usableCategoriesByPath(ex, found.map((s) => s.label));
  return found.flatMap((s) => {
    const c = known.get(s.label);
    return c ? [{ categoryId: c.id, path: s.label, confidence: round(s.confidence), words: s.words }] : [];
  });
}

/**
 * The unit head's suggestions among the active units over the case's place, with the
 * model's probabilities as they are (not renormalized over the units left: a unit would look
 * sure only because the likelier ones are elsewhere).
 */
async function modelUnits(ex: Executor, heads: Heads, c: WaitingCase): Promise<UnitSuggestion[]> {
  if (!heads.unit) return [];
  const all = heads.unit.classify(c.title, c.description, heads.unit.labels.length, 5);
  const units = await unitsByIds(ex, all.map((s) => Number(s.label)));
  const here = all.filter((s) => {
    const u = units.get(Number(s.label));
    return u?.active && c.areaPath.startsWith(u.nodePath);
  });
  return here.slice(0, TOP).map((s) => ({ orgId: Number(s.label), name: units.get(Number(s.label))!.name, confidence: round(s.confidence), words: s.words, source: 'model' as const, categoryPath: null }));
}

/** The units the responsibility list routes the suggested categories to at the case's place. */
async function routedUnits(ex: Executor, c: WaitingCase, categories: readonly CategorySuggestion[]): Promise<UnitSuggestion[]> {
  const out: UnitSuggestion[] = [];
  for (const s of categories) {
    const route = await routeUnit(ex, s.path, c.areaPath);
    if (route) out.push({ orgId: route.orgId, name: route.name, confidence: s.confidence, words: s.words, source: route.mode, categoryPath: s.path });
  }
  return out;
}

function bestPerUnit(candidates: readonly UnitSuggestion[]): UnitSuggestion[] {
  const best = new Map<number, UnitSuggestion>();
  for (const u of candidates) if ((best.get(u.orgId)?.confidence ?? -1) < u.confidence) best.set(u.orgId, u);
  return [...best.values()].sort((a, b) => b.confidence - a.confidence || a.orgId - b.orgId).slice(0, TOP);
}

export async function suggestDispatch(ex: Executor, c: WaitingCase): Promise<DispatchSuggestions> {
  const model = await currentModel(ex);
  if (!model) return { modelVersion: null, categories: [], deeper: [], units: [] };
  const { heads } = model;
  const categories = await categorySuggestions(ex, heads.category1.classify(c.title, c.description, TOP));
  const deeper = heads.category2 ? await categorySuggestions(ex, heads.category2.classify(c.title, c.description, TOP)) : [];
  const routed = await routedUnits(ex, c, deeper.length > 0 ? deeper : categories);
  const units = bestPerUnit([...(await modelUnits(ex, heads, c)), ...routed]);
  return { modelVersion: model.version, categories, deeper, units };
}
