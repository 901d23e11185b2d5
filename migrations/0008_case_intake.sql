-- Intake in one round trip (issue #3's intake benchmark). Every resident request runs the
-- same five steps; as one PL/pgSQL call their plans are kept for the connection's life,
-- and on PGlite the call takes the one-step simple protocol (callTextFunction).
-- The hot functions use generic plans: PL/pgSQL would otherwise plan its statements anew
-- for each call's values (custom plans), which on PGlite cost more than running them;
-- their look-ups are by key or over small tables, where one plan fits every value.

ALTER FUNCTION audit_append(text) SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint

-- The responsibility list's answer for a matter (职权法定), the single definition used by
-- intake: the entry of the most specific category prefix, nearest the place, of an active
-- organization (直派); else the 村(居)委会 of the nearest enclosing node that has one, else
-- the nearest government body (属地). No row when the tree has no unit at all.
CREATE FUNCTION case_route(p_category text, p_node_path text,
                           OUT org_id bigint, OUT post_id bigint, OUT org_name text, OUT mode text)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF p_category IS NOT NULL THEN
    SELECT r.org_id, r.post_id, o.name, 'direct' INTO org_id, post_id, org_name, mode
      FROM responsibilities r
      JOIN admin_nodes n ON n.id = r.node_id
      JOIN organizations o ON o.id = r.org_id AND o.active
     WHERE r.category = ANY (SELECT array_to_string(parts[1:i], '/')
                               FROM string_to_array(p_category, '/') AS parts, generate_series(1, cardinality(parts)) AS i)
       AND p_node_path LIKE n.path || '%'
     ORDER BY length(r.category) DESC, length(n.path) DESC
     LIMIT 1;
    IF FOUND THEN RETURN; END IF;
  END IF;
  SELECT o.id, NULL, o.name, 'territorial' INTO org_id, post_id, org_name, mode
    FROM organizations o
    JOIN admin_nodes n ON n.id = o.node_id
   WHERE o.active AND o.kind IN ('committee', 'department') AND p_node_path LIKE n.path || '%'
   ORDER BY length(n.path) DESC, (o.kind = 'committee') DESC, o.id
   LIMIT 1;
END;
$$;
--> statement-breakpoint

-- Fills one slot of an audit draft (audit.ts `draftAudit`): the JSON string
-- "<prefix><name>" becomes the JSON of `value` (null stays null).
CREATE FUNCTION audit_fill(p_body text, p_prefix text, p_name text, p_value jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT replace(p_body, to_json(p_prefix || p_name)::text, coalesce(p_value::text, 'null'))
$$;
--> statement-breakpoint

-- Records a new case from the JSON the submitter builds (case-submitter.ts):
--   {"day": "2026-11-29", "case": {…columns…}, "event": {"actor_user_id", "actor_label", "data"},
--    "audit": {"body", "prefix"}, "receipt": {…outbox columns…} | null}
-- It checks the category is usable (active, and its ancestors), takes the day's next
-- number, routes the case, inserts it and its first timeline entry, queues the receipt
-- (its params gain "number" and "caseId") and appends the audit entry, whose slots "id",
-- "number", "routeMode" and "routeOrgId" it fills. It returns {"case": <the row>,
-- "routeUnit": <unit name>} — or {"error": "category"}, having written nothing.
CREATE FUNCTION case_intake(p_body text) RETURNS jsonb LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  p jsonb := p_body::jsonb;
  c jsonb := p->'case';
  receipt jsonb := p->'receipt';
  category_path text;
  seq integer;
  route record;
  created cases;
  entry text := p->'audit'->>'body';
  prefix text := p->'audit'->>'prefix';
BEGIN
  IF c->>'category_id' IS NOT NULL THEN
    SELECT k.path INTO category_path
      FROM case_categories k
      LEFT JOIN case_categories up ON up.id = k.parent_id
      LEFT JOIN case_categories top ON top.id = up.parent_id
     WHERE k.id = (c->>'category_id')::bigint AND k.active AND coalesce(up.active, true) AND coalesce(top.active, true);
    IF NOT FOUND THEN
      RETURN jsonb_build_object('error', 'category');
    END IF;
  END IF;
  INSERT INTO case_number_days (day, last) VALUES ((p->>'day')::date, 1)
  ON CONFLICT (day) DO UPDATE SET last = case_number_days.last + 1
  RETURNING last INTO seq;
  SELECT * INTO route FROM case_route(category_path, c->>'area_path');
  INSERT INTO cases (number, tracking_hash, type, title, description, category_id, node_id, area_path, address,
                     latitude, longitude, contact_name, contact_phone, reporter_user_id, channel, urgency, is_public,
                     state, route_org_id, route_post_id, route_mode, step, step_due_at, submitted_at, updated_at)
  VALUES (
    -- 20261129-000123: the local day and the day's sequence, six digits at least.
    replace(p->>'day', '-', '') || '-' || CASE WHEN seq < 1000000 THEN lpad(seq::text, 6, '0') ELSE seq::text END,
    c->>'tracking_hash', c->>'type', c->>'title', c->>'description', (c->>'category_id')::bigint, (c->>'node_id')::bigint,
    c->>'area_path', c->>'address', (c->>'latitude')::double precision, (c->>'longitude')::double precision,
    c->>'contact_name', c->>'contact_phone', (c->>'reporter_user_id')::bigint, c->>'channel', c->>'urgency',
    (c->>'is_public')::boolean, 'submitted', route.org_id, route.post_id, route.mode, c->>'step',
    (c->>'step_due_at')::timestamptz, (c->>'submitted_at')::timestamptz, (c->>'submitted_at')::timestamptz)
  RETURNING * INTO created;
  INSERT INTO case_events (case_id, at, actor_user_id, actor_label, event, from_state, to_state, public, data)
  VALUES (created.id, created.submitted_at, (p->'event'->>'actor_user_id')::bigint, p->'event'->>'actor_label', 'submit',
          NULL, 'submitted', true,
          coalesce(p->'event'->'data', '{}'::jsonb) || jsonb_build_object('route', route.mode, 'routeUnit', route.org_name));
  IF jsonb_typeof(receipt) = 'object' THEN
    -- A receipt has no dedupe key (each case has one), so no conflict can arise.
    INSERT INTO outbox (channel, recipient, template, params, dedupe_key, next_attempt_at, created_at)
    VALUES (receipt->>'channel', receipt->>'recipient', receipt->>'template',
            coalesce(receipt->'params', '{}'::jsonb) || jsonb_build_object('number', created.number, 'caseId', created.id),
            receipt->>'dedupe_key', (receipt->>'next_attempt_at')::timestamptz, (receipt->>'created_at')::timestamptz);
  END IF;
  entry := audit_fill(entry, prefix, 'id', to_jsonb(created.id::text));
  entry := audit_fill(entry, prefix, 'number', to_jsonb(created.number));
  entry := audit_fill(entry, prefix, 'routeMode', to_jsonb(route.mode));
  entry := audit_fill(entry, prefix, 'routeOrgId', to_jsonb(route.org_id));
  PERFORM audit_append(entry);
  RETURN jsonb_build_object('case', to_jsonb(created), 'routeUnit', route.org_name);
END;
$$;
