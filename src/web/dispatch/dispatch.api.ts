/**
 * Data of 智能派单: a case's suggestions (for the dispatch form), the auto-dispatch settings,
 * the model's versions and 立即训练 — typed from the generated API schema.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { BodyOf, JsonOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';

export type DispatchSuggestions = JsonOf<'/api/cases/{id}/dispatch-suggestions', 'get'>;
export type UnitSuggestion = DispatchSuggestions['units'][number];
export type CategorySuggestion = DispatchSuggestions['categories'][number];
export type UnitSource = UnitSuggestion['source'];
export type DispatchSettings = JsonOf<'/api/dispatch/settings', 'get'>;
export type DispatchSettingsInput = BodyOf<'/api/dispatch/settings', 'put'>;
export type ModelVersions = JsonOf<'/api/dispatch/models', 'get'>;
export type ModelVersion = ModelVersions['items'][number];
export type TrainTrigger = ModelVersion['trigger'];
export type Trained = JsonOf<'/api/dispatch/models', 'post', 201>;

export const dispatchKey = ['dispatch'] as const;
const settingsKey = [...dispatchKey, 'settings'] as const;
const modelsKey = [...dispatchKey, 'models'] as const;

/**
 * The model's suggestions for one case. Cheap on the server (a fraction of a millisecond),
 * so each opening of the dispatch form asks again; one retry, since the form works without them.
 */
export function useDispatchSuggestions(caseId: number) {
  return useQuery({
    queryKey: [...dispatchKey, 'suggestions', caseId],
    queryFn: () => call(api.GET('/api/cases/{id}/dispatch-suggestions', { params: { path: { id: caseId } } })),
    staleTime: 30_000,
    retry: 1,
  });
}

export function useDispatchSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => call(api.GET('/api/dispatch/settings')) });
}

export function useSaveDispatchSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DispatchSettingsInput) => call(api.PUT('/api/dispatch/settings', { body })),
    onSuccess: async (saved) => {
      qc.setQueryData(settingsKey, saved);
      await refreshAfterWrite(qc, settingsKey);
    },
  });
}

/**
 * The trained versions (configurators only: the page asks only for them). While a console
 * training runs on the server, the list is polled so the new version shows when done.
 */
export function useModelVersions() {
  return useQuery({
    queryKey: modelsKey,
    queryFn: () => call(api.GET('/api/dispatch/models')),
    retry: false,
    refetchInterval: (q) => (q.state.data?.training ? 5_000 : false),
  });
}

/**
 * 立即训练: answers only when the new version is stored (10–40 s, sometimes a minute). The
 * client sets no timeout (fetch has none), so nothing cuts it short. Afterwards the versions
 * and every case's suggestions are stale.
 */
export function useTrainModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/dispatch/models')),
    onSettled: () => refreshAfterWrite(qc, dispatchKey),
  });
}
