/**
 * Data of the API keys page (typed from the generated API schema): the list, issuing a key
 * (its secret comes back once) and revoking one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { BodyOf, JsonOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';


export type ApiKeyList = JsonOf<'/api/admin/api-keys', 'get'>;
export type ApiKey = ApiKeyList['items'][number];
export type ApiKeyInput = BodyOf<'/api/admin/api-keys', 'post'>;
export type ApiKeyScope = ApiKeyInput['scopes'][number];
export type IssuedKey = JsonOf<'/api/admin/api-keys', 'post', 201>;

const apiKeysKey = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: apiKeysKey, queryFn: () => call(api.GET('/api/admin/api-keys')) });
}

/** Issue and revoke; both refresh the list and the audit log. */
export function useApiKeyMutations() {
  const qc = useQueryClient();
  const onSuccess = () => refreshAfterWrite(qc, apiKeysKey);
  return {
    issue: useMutation({ mutationFn: (body: ApiKeyInput) => call(api.POST('/api/admin/api-keys', { body })) as Promise<IssuedKey>, onSuccess }),
    revoke: useMutation({ mutationFn: (id: number) => call(api.POST('/api/admin/api-keys/{id}/revoke', { params: { path: { id } } })), onSuccess }),
  };
}
