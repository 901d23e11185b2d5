/**
 * Data of the 信访 pages (console and resident): the list in the caller's scope (or their own),
 * one petition with its timeline and the caller's actions, filing, and each action with the
 * version the caller was looking at — typed from the generated API schema. Every rule is the
 * server's; the pages show what `actions` lists.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { BodyOf, JsonOf, QueryOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';

export type Petition = JsonOf<'/api/petitions/{id}', 'get'>;
export type PetitionListItem = JsonOf<'/api/petitions', 'get'>['items'][number];
export type PetitionQuery = QueryOf<'/api/petitions', 'get'>;
export type PetitionInput = BodyOf<'/api/petitions', 'post'>;
export type PetitionState = Petition['state'];
export type PetitionAction = Petition['actions'][number];
export type PetitionClock = NonNullable<Petition['clock']>;
export type Opinion = NonNullable<Petition['opinion']>;
export type Channel = Petition['channel'];

export const petitionsKey = ['petitions'] as const;
const listKey = (q: PetitionQuery) => [...petitionsKey, 'list', q] as const;
const petitionKey = (id: number) => [...petitionsKey, 'one', id] as const;

export function usePetitions(query: PetitionQuery) {
  return useQuery({ queryKey: listKey(query), queryFn: () => call(api.GET('/api/petitions', { params: { query } })), placeholderData: keepPreviousData });
}

export function usePetition(id: number) {
  return useQuery({ queryKey: petitionKey(id), queryFn: () => call(api.GET('/api/petitions/{id}', { params: { path: { id } } })), enabled: id > 0 });
}

/** 网上信访 (a resident) or 登记来信来访 (a registrar). */
export function useFilePetition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PetitionInput) => call(api.POST('/api/petitions', { body })),
    onSuccess: () => refreshAfterWrite(qc, petitionsKey),
  });
}

const actionPaths = {
  link: '/api/petitions/{id}/link',
  register: '/api/petitions/{id}/register',
  refuse: '/api/petitions/{id}/refuse',
  accept: '/api/petitions/{id}/accept',
  object: '/api/petitions/{id}/object',
  conclude: '/api/petitions/{id}/conclude',
  extend: '/api/petitions/{id}/extend',
  decide_extension: '/api/petitions/{id}/decide-extension',
  request_review: '/api/petitions/{id}/request-review',
  answer_review: '/api/petitions/{id}/answer-review',
} as const satisfies Record<PetitionAction, string>;

/** The body of each action (all carry `version`). */
export type ActionBodies = { [A in PetitionAction]: BodyOf<(typeof actionPaths)[A], 'post'> };
/** An action with its body. */
export type ActionCall = { [A in PetitionAction]: { action: A; body: ActionBodies[A] } }[PetitionAction];

/** One action on a petition; the answer is the petition as the caller now sees it. */
export function usePetitionAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: ActionCall) =>
      // openapi-fetch wants one literal path per call; the table above keeps path and body together.
      call(api.POST(actionPaths[action] as '/api/petitions/{id}/accept', { params: { path: { id } }, body: body as ActionBodies['accept'] })),
    onSuccess: (p) => {
      qc.setQueryData(petitionKey(id), p);
      return refreshAfterWrite(qc, petitionsKey);
    },
  });
}
