/**
 * Data of the API keys page (typed from the generated API schema): the list, issuing a key
 * (its secret comes back once) and revoking one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { ApiPaths } from '../api/paths.js';

type Json<P extends keyof ApiPaths, M extends keyof ApiPaths[P], S extends number = 200> = ApiPaths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer R } } } } ? R : never;
type Body<P extends keyof ApiPaths, M extends keyof ApiPaths[P]> = ApiPaths[P][M] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

export type ApiKeyList = Json<'/api/admin/api-keys', 'get'>;
export type ApiKey = ApiKeyList['items'][number];
export type ApiKeyInput = Body<'/api/admin/api-keys', 'post'>;
export type ApiKeyScope = ApiKeyInput['scopes'][number];
export type IssuedKey = Json<'/api/admin/api-keys', 'post', 201>;

const apiKeysKey = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: apiKeysKey, queryFn: () => call(api.GET('/api/admin/api-keys')) });
}

/** Issue and revoke; both refresh the list and the audit log. */
export function useApiKeyMutations() {
  const qc = useQueryClient();
  const onSuccess = async () => {
    await qc.invalidateQueries({ queryKey: apiKeysKey });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
  return {
    issue: useMutation({ mutationFn: (body: ApiKeyInput) => call(api.POST('/api/admin/api-keys', { body })) as Promise<IssuedKey>, onSuccess }),
    revoke: useMutation({ mutationFn: (id: number) => call(api.POST('/api/admin/api-keys/{id}/revoke', { params: { path: { id } } })), onSuccess }),
  };
}
