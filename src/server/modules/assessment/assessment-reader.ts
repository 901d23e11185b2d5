/**
 * Who may read assessment figures, and where: a session holding `assessment.read` (assessors,
 * administrators) within its subtrees, or an API key with that scope (a tool of the
 * assessment office) over the whole tree, presented as `Authorization: Bearer gz_…`.
 */
import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { actorOfApiKey, apiKeyActor, hasScope } from '../../platform/auth/api-keys.js';
import { DomainError, Forbidden, Unauthenticated } from '../../platform/http/errors.js';

/** The subtree prefixes the caller may read figures of; throws 401/403 otherwise. */
export async function assessmentScopes(request: FastifyRequest): Promise<string[]> {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const [scheme, presented] = auth.split(' ', 2);
    const key = scheme === 'Bearer' ? await apiKeyActor(request.server.gz.db, presented?.trim(), request.server.gz.clock()) : undefined;
    if (!key) throw new DomainError(401, 'assessment_api_key_invalid');
    if (!hasScope(key, Permission.AssessmentRead)) throw new DomainError(403, 'assessment_api_key_scope');
    request.apiKey = key;
    request.actor = actorOfApiKey(key);
    return ['/'];
  }
  if (!request.actor) throw new Unauthenticated();
  const scopes = scopeOf(request.actor, Permission.AssessmentRead);
  if (scopes.length === 0) throw new Forbidden();
  return scopes;
}
