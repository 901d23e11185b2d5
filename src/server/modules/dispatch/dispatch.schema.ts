/** HTTP shapes of 智能派单 (issue #4 point 3): suggestions, model versions, auto-dispatch settings. */
import { z } from 'zod';

const Words = z.array(z.string());

const CategorySuggestion = z.object({ categoryId: z.number(), path: z.string(), confidence: z.number(), words: Words });

export const DispatchSuggestionsOut = z.object({
  modelVersion: z.number().nullable(),
  categories: z.array(CategorySuggestion),
  deeper: z.array(CategorySuggestion),
  units: z.array(
    z.object({
      orgId: z.number(),
      name: z.string(),
      confidence: z.number(),
      words: Words,
      source: z.enum(['model', 'direct', 'territorial']),
      categoryPath: z.string().nullable(),
    }),
  ),
});

const ModelStats = z.object({
  shipped: z.number(),
  history: z.number(),
  corrections: z.number(),
  unlabelled: z.number(),
  heads: z.record(z.string(), z.number()),
  seconds: z.number(),
});

export const ModelVersionOut = z.object({
  version: z.number(),
  trainedAt: z.string(),
  trainedBy: z.number().nullable(),
  trigger: z.enum(['schedule', 'console', 'cli']),
  stats: ModelStats,
  bytes: z.number(),
});

export const ModelVersionsOut = z.object({ items: z.array(ModelVersionOut), training: z.boolean() });

export const TrainedOut = z.object({ version: z.number(), stats: ModelStats });

export const DispatchSettingsOut = z.object({
  autoDispatch: z.boolean(),
  minConfidence: z.number(),
  updatedAt: z.string(),
  /** Auto-dispatch's decisions of the last 30 days. */
  recent: z.object({ looked: z.number(), dispatched: z.number() }),
});

export const DispatchSettingsBody = z.object({
  autoDispatch: z.boolean(),
  /** The unit's confidence at or above which a case is dispatched without a dispatcher: 0.5–1. */
  minConfidence: z.number().min(0.5).max(1),
});
