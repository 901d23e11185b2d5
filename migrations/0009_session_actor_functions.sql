-- Every signed-in request looks up its session and its actor. As PL/pgSQL functions of one
-- text argument (callTextFunction) their plans are kept and, on PGlite, each look-up is
-- one simple-protocol step instead of a parse-plan-bind-execute of a joined query.

-- The live session of a cookie's hash at a time, with its active user:
--   {"id": <sha-256 hex>, "now": <ISO time>} → {"id", "userId", "csrfToken", "expiresAt",
--   "displayName", "kind", "mustChangePassword", "username", "phone"}, or null.
CREATE FUNCTION session_lookup(p_body text) RETURNS jsonb
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  p jsonb := p_body::jsonb;
  found jsonb;
BEGIN
  SELECT jsonb_build_object('id', s.id, 'userId', s.user_id, 'csrfToken', s.csrf_token, 'expiresAt', s.expires_at,
                            'displayName', u.display_name, 'kind', u.kind, 'mustChangePassword', u.must_change_password,
                            'username', u.username, 'phone', u.phone)
    INTO found
    FROM sessions s
    JOIN users u ON u.id = s.user_id
   WHERE s.id = p->>'id' AND s.expires_at > (p->>'now')::timestamptz AND u.active;
  RETURN found;
END;
$$;
--> statement-breakpoint

-- What the organization model knows of an account (org.actor.ts): its person, its role
-- grants with their subtree paths, and the units where its person holds a post.
--   '<user id>' → {"personId", "grants": [{"role", "nodeId", "path", "nodeName"}], "unitIds"}
CREATE FUNCTION actor_of_user(p_user text) RETURNS jsonb
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  uid bigint := p_user::bigint;
BEGIN
  RETURN jsonb_build_object(
    'personId', (SELECT p.id FROM people p WHERE p.user_id = uid ORDER BY p.id LIMIT 1),
    'grants', coalesce((SELECT jsonb_agg(jsonb_build_object('role', ra.role, 'nodeId', ra.node_id, 'path', n.path, 'nodeName', n.name) ORDER BY ra.id)
                          FROM role_assignments ra JOIN admin_nodes n ON n.id = ra.node_id
                         WHERE ra.user_id = uid), '[]'::jsonb),
    'unitIds', coalesce((SELECT jsonb_agg(DISTINCT po.org_id) FROM posts po JOIN people p ON p.id = po.person_id WHERE p.user_id = uid), '[]'::jsonb));
END;
$$;
