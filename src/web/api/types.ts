/**
 * Entity types the pages use, read off the API paths so they follow the generated schema
 * once a route is generated.
 */
import type { ApiPaths } from './paths.js';

/** The JSON a route answers with (for status `S`, 200 unless named). */
export type JsonOf<P extends keyof ApiPaths, M extends keyof ApiPaths[P], S extends number = 200> = ApiPaths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer R } } } } ? R : never;

export type Me = JsonOf<'/api/me', 'get'>;
export type Grant = Me['grants'][number];
export type AuditPage = JsonOf<'/api/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];
export type AdminNode = JsonOf<'/api/org/nodes/{id}', 'get'>;
export type PublicNode = JsonOf<'/api/public/nodes', 'get'>['items'][number];
export type Organization = JsonOf<'/api/org/organizations/{id}', 'get'>;
export type Person = JsonOf<'/api/org/people/{id}', 'get'>;
export type Post = JsonOf<'/api/org/posts/{id}', 'get'>;
export type RoleAssignment = JsonOf<'/api/org/roles', 'get'>['items'][number];
export type Account = JsonOf<'/api/org/accounts/{id}', 'get'>;
export type Responsibility = JsonOf<'/api/org/responsibilities/{id}', 'get'>;
export type NodeLevel = AdminNode['level'];
export type OrgKind = Organization['kind'];
export type PartyLevel = NonNullable<Organization['partyLevel']>;
export type ImportResult = JsonOf<'/api/org/import/{entity}', 'post'>;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type OpOf<P extends keyof ApiPaths, M extends Method> = M extends keyof ApiPaths[P] ? ApiPaths[P][M] : never;
/** The JSON body a route takes. */
export type BodyOf<P extends keyof ApiPaths, M extends Method> = OpOf<P, M> extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
/** The query parameters a route takes. */
export type QueryOf<P extends keyof ApiPaths, M extends Method> = OpOf<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type NodeInput = BodyOf<'/api/org/nodes', 'post'>;
export type NodePatch = BodyOf<'/api/org/nodes/{id}', 'patch'>;
export type OrganizationInput = BodyOf<'/api/org/organizations', 'post'>;
export type OrganizationPatch = BodyOf<'/api/org/organizations/{id}', 'patch'>;
export type OrganizationQuery = QueryOf<'/api/org/organizations', 'get'>;
export type PersonInput = BodyOf<'/api/org/people', 'post'>;
export type PersonPatch = BodyOf<'/api/org/people/{id}', 'patch'>;
export type PeopleQuery = QueryOf<'/api/org/people', 'get'>;
export type PostInput = BodyOf<'/api/org/posts', 'post'>;
export type PostPatch = BodyOf<'/api/org/posts/{id}', 'patch'>;
export type RoleAssignmentInput = BodyOf<'/api/org/roles', 'post'>;
export type AccountInput = BodyOf<'/api/org/accounts', 'post'>;
export type AccountPatch = BodyOf<'/api/org/accounts/{id}', 'patch'>;
export type ResponsibilityInput = BodyOf<'/api/org/responsibilities', 'post'>;
export type ResponsibilityPatch = BodyOf<'/api/org/responsibilities/{id}', 'patch'>;
export type ResponsibilityQuery = QueryOf<'/api/org/responsibilities', 'get'>;
export type AuditQuery = QueryOf<'/api/audit', 'get'>;
export type RegisterInput = BodyOf<'/api/register', 'post'>;

/** Boolean query parameters travel as the strings the server's `z.stringbool()` accepts. */
export function boolParam(value: boolean): 'true' | 'false' {
  return value ? 'true' : 'false';
}
