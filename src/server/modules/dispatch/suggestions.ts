/**
 * 智能派单 suggestions for one case: the likeliest three first-level categories, the
 * likeliest three second-level ones (when the model has that head), and the likeliest three
 * lead units — each with its confidence and the words that drove it.
 *
 * A unit's confidence mixes two sources: the unit head (what dispatchers chose for such
 * texts) and the route intake would take (the responsibility list, else the place's own
 * unit) for each suggested category, weighed by that category's probability.
 */
import type { Executor } from '../../platform/db/database.js';
import { routeUnits, usableCategoriesByPath, type WaitingCase } from '../cases/case.exports.js';
import { unitsByIds } from '../org/org.exports.js';
import type { Analysis } from './model/model.js';
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

type Ranked = Analysis['ranked'];

/** The `TOP` likeliest of `ranked` (labels: category paths) that are usable categories, with their words. */
async function categorySuggestions(ex: Executor, ranked: Ranked, analysis: Analysis): Promise<CategorySuggestion[]> {
  const known = await usableCategoriesByPath(ex, ranked.slice(0, TOP * 2).map((s) => s.label));
  const top = ranked.filter((s) => known.has(s.label)).slice(0, TOP);
  const words = analysis.wordsFor(top.map((s) => s.label));
  return top.map((s, i) => ({ categoryId: known.get(s.label)!.id, path: s.label, confidence: round(s.confidence), words: words[i]! }));
}

/**
 * The unit head's probabilities, for the active units over the case's place only (a street's
 * office only for its own street), not renormalized: a unit must not look sure only because
 * the likelier ones are elsewhere.
 */
async function modelUnits(ex: Executor, heads: Heads, c: WaitingCase): Promise<UnitSuggestion[]> {
  if (!heads.unit) return [];
  const analysis = heads.unit.analyze(c.title, c.description);
  const units = await unitsByIds(ex, analysis.ranked.map((s) => Number(s.label)));
  const here = analysis.ranked.filter((s) => {
    const u = units.get(Number(s.label));
    return u?.active && c.areaPath.startsWith(u.nodePath);
  });
  // Words only for the few that can make the top three.
  const words = analysis.wordsFor(here.slice(0, TOP).map((s) => s.label));
  return here.map((s, i) => ({ orgId: Number(s.label), name: units.get(Number(s.label))!.name, confidence: s.confidence, words: words[i] ?? [], source: 'model' as const, categoryPath: null }));
}

/** The units intake would route the suggested categories to at the case's place, each with its category's probability. */
async function routedUnits(ex: Executor, c: WaitingCase, categories: readonly CategorySuggestion[]): Promise<UnitSuggestion[]> {
  const routes = await routeUnits(ex, categories.map((s) => s.path), c.areaPath);
  return categories.flatMap((s, i) => {
    const route = routes[i];
    return route ? [{ orgId: route.orgId, name: route.name, confidence: s.confidence, words: s.words, source: route.mode, categoryPath: s.path }] : [];
  });
}

/**
 * P(unit) as a mixture: half the unit head's probability and half the probability of the
 * categories routed to it (all of the latter without a unit head). A territorial route —
 * intake's fallback to the place's own unit when the responsibility list names none — is no
 * one's judgement that the unit fits, so it counts half. Each unit keeps the words and
 * source of the larger part.
 */
function mixUnits(fromModel: readonly UnitSuggestion[], routed: readonly UnitSuggestion[]): UnitSuggestion[] {
  const share = fromModel.length > 0 ? 0.5 : 1;
  const mixed = new Map<number, { total: number; best: UnitSuggestion; bestPart: number }>();
  const add = (u: UnitSuggestion, part: number) => {
    const m = mixed.get(u.orgId);
    if (!m) mixed.set(u.orgId, { total: part, best: u, bestPart: part });
    else {
      m.total += part;
      if (part > m.bestPart) Object.assign(m, { best: u, bestPart: part });
    }
  };
  for (const u of fromModel) add(u, u.confidence * 0.5);
  for (const u of routed) add(u, u.confidence * share * (u.source === 'territorial' ? 0.5 : 1));
  return [...mixed.values()]
    .map((m) => ({ ...m.best, confidence: round(m.total) }))
    .sort((a, b) => b.confidence - a.confidence || a.orgId - b.orgId)
    .slice(0, TOP);
}

/**
 * Second-level probabilities consistent with the first level: P(first) × P(second | first),
 * the second-level head's probabilities renormalized among the children of each first-level
 * category. (The second-level head knows only the paths dispatched cases had: alone it is
 * sure of one of them even for a text that belongs elsewhere.)
 */
function underFirstLevel(first: Ranked, second: Ranked): Ranked {
  const parentOf = (label: string) => label.split('/')[0]!;
  const p1 = new Map(first.map((s) => [s.label, s.confidence]));
  const siblings = new Map<string, number>();
  for (const s of second) siblings.set(parentOf(s.label), (siblings.get(parentOf(s.label)) ?? 0) + s.confidence);
  return second
    .map((s) => ({ ...s, confidence: ((p1.get(parentOf(s.label)) ?? 0) * s.confidence) / (siblings.get(parentOf(s.label)) || 1) }))
    .sort((a, b) => b.confidence - a.confidence);
}

export async function suggestDispatch(ex: Executor, c: WaitingCase): Promise<DispatchSuggestions> {
  const model = await currentModel(ex);
  if (!model) return { modelVersion: null, categories: [], deeper: [], units: [] };
  const { heads } = model;
  const first = heads.category1.analyze(c.title, c.description);
  const categories = await categorySuggestions(ex, first.ranked, first);
  const second = heads.category2?.analyze(c.title, c.description);
  const deeper = second ? await categorySuggestions(ex, underFirstLevel(first.ranked, second.ranked), second) : [];
  const routed = await routedUnits(ex, c, deeper.length > 0 ? deeper : categories);
  const units = mixUnits(await modelUnits(ex, heads, c), routed);
  return { modelVersion: model.version, categories, deeper, units };
}
