/**
 * Entity types the pages use, read off the API paths so they follow the generated schema
 * once a route is generated.
 */
import type { ApiPaths } from './paths.js';

type Json200<P extends keyof ApiPaths, M extends keyof ApiPaths[P]> = ApiPaths[P][M] extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

export type Me = Json200<'/api/me', 'get'>;
export type Grant = Me['grants'][number];
export type AuditPage = Json200<'/api/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];
export type AdminNode = Json200<'/api/org/nodes/{id}', 'get'>;
export type PublicNode = Json200<'/api/public/nodes', 'get'>['items'][number];
export type Organization = Json200<'/api/org/organizations/{id}', 'get'>;
export type Person = Json200<'/api/org/people/{id}', 'get'>;
export type Post = Json200<'/api/org/posts/{id}', 'get'>;
export type RoleAssignment = Json200<'/api/org/roles', 'get'>['items'][number];
export type Account = Json200<'/api/org/accounts/{id}', 'get'>;
export type Responsibility = Json200<'/api/org/responsibilities/{id}', 'get'>;
export type NodeLevel = AdminNode['level'];
export type OrgKind = Organization['kind'];
export type PartyLevel = NonNullable<Organization['partyLevel']>;
export type ImportResult = Json200<'/api/org/import/{entity}', 'post'>;

type Method = 'get' | 'post' | 'patch' | 'delete';
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
