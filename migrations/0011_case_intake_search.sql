-- Intake also indexes the new case for full-text search (issue #4): the segmented words
-- come from the submitter (platform/text/segmenter.ts), PostgreSQL only parses them.
-- Records a new case from the JSON the submitter builds (case-submitter.ts):
--   {"day": "2026-11-29", "case": {…columns…}, "event": {"actor_user_id", "actor_label", "data"},
--    "audit": {"body", "prefix"}, "receipt": {…outbox columns…} | null,
--    "search": {"title": <words>, "body": <words>}}
-- It checks the category is usable (active, and its ancestors), takes the day's next
-- number, routes the case, inserts it and its first timeline entry, queues the receipt
-- (its params gain "number" and "caseId"), indexes its words for search (case_search:
-- title weight A, description and address B) and appends the audit entry, whose slots "id",
-- "number", "routeMode" and "routeOrgId" it fills. It returns {"case": <the row>,
-- "routeUnit": <unit name>} — or {"error": "category"}, having written nothing.
CREATE OR REPLACE FUNCTION case_intake(p_body text) RETURNS jsonb LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
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
  INSERT INTO case_search (case_id, vector)
  VALUES (created.id, setweight(to_tsvector('simple', coalesce(p->'search'->>'title', '')), 'A')
                      || setweight(to_tsvector('simple', coalesce(p->'search'->>'body', '')), 'B'));
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
