-- 党建考核 rollups (issue #6): assessment_daily keeps, per subject and local day, the counts
-- of src/server/modules/assessment/counters.ts. Every count is a function of one row of
-- `cases` or `case_objections` (the *_facts functions below), so a trigger keeps the rollups
-- exact by adding the facts of the new row and taking away those of the old one, in the
-- transaction that changes it — whatever changes it (commands, the sweeper, intake, seeds).
-- The rollups therefore always equal assessment_rebuild()'s recomputation from the raw rows.

-- The local day of an instant: the platform's days are Beijing time (GONGZHI_TIME_ZONE's default).
CREATE FUNCTION assessment_day(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (at AT TIME ZONE 'Asia/Shanghai')::date $$;
--> statement-breakpoint

-- What one case counts, as (day, metric, n) with n <> 0. The definitions are the ones the
-- indicators state (src/server/modules/assessment/indicators.ts).
CREATE FUNCTION assessment_case_facts(c cases) RETURNS TABLE (day date, metric text, n int)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
  -- Three parallel arrays (instant, metric, count), not a VALUES list: a VALUES list reading
  -- the row trips the planner ("variable not found in subplan target list") once inlined.
  SELECT assessment_day(f.at), f.metric, f.n
    FROM (SELECT CASE WHEN c.rating IS NOT NULL THEN c.rated_at END AS at) AS r,
         (SELECT c.replied_at IS NOT NULL AND c.state IN ('replied', 'verified', 'rated', 'closed') AS standing) AS a,
    LATERAL unnest(
      ARRAY[c.submitted_at, c.submitted_at, c.submitted_at,
            c.taken_at, c.taken_at,
            c.sign_due_at, c.sign_due_at, c.signed_at,
            CASE WHEN NOT c.deferred THEN c.feedback_due_at END, CASE WHEN NOT c.deferred THEN c.feedback_due_at END, CASE WHEN c.deferred THEN c.feedback_due_at END,
            r.at, r.at, r.at, r.at, r.at, r.at,
            c.verified_at, c.verified_at]::timestamptz[],
      ARRAY['received', 'handled', 'closed',
            'intake_done', 'intake_on_time',
            'sign_due', 'sign_on_time', 'signed',
            'feedback_due', 'feedback_on_time', 'deferred',
            'rated', 'satisfied', 'basic', 'redone', 'resolved_asked', 'resolved_yes',
            'verified', 'returned'],
      ARRAY[(c.state <> 'merged')::int, (c.state NOT IN ('merged', 'refused'))::int, (c.state = 'closed')::int,
            1, (NOT c.intake_late)::int,
            -- signed, or still unsigned after the deadline (the sweeper marked it overdue)
            (c.signed_at IS NOT NULL OR (c.step = 'sign' AND c.overdue))::int, coalesce(c.signed_at <= c.sign_due_at, false)::int, 1,
            -- a standing reply (not one sent back by verification or a 重办), or none after the deadline
            (a.standing OR (c.step = 'feedback' AND c.overdue))::int, (a.standing AND c.replied_at <= c.feedback_due_at)::int, 1,
            1, (c.rating = 'satisfied')::int, (c.rating = 'basic')::int, (c.redo_count > 0)::int, (c.resolved IS NOT NULL)::int, coalesce(c.resolved, false)::int,
            1, (c.return_count > 0)::int]
    ) AS f(at, metric, n)
   WHERE f.at IS NOT NULL AND f.n <> 0
  $$;
--> statement-breakpoint

-- Whom one case counts for: every node from the tree's root down to its own (so a node's row
-- covers its subtree), its lead unit, and the account that signed for it.
CREATE FUNCTION assessment_case_subjects(c cases) RETURNS TABLE (kind text, ref bigint)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  -- Arrays again, not UNION ALL: the planner fails on the union of outer references once inlined.
  SELECT s.kind, s.ref
    FROM (SELECT string_to_array(trim(both '/' from c.area_path), '/')::bigint[] AS ids) AS p,
    LATERAL unnest(array_fill('area'::text, ARRAY[cardinality(p.ids)]) || ARRAY['org', 'user'], p.ids || ARRAY[c.lead_org_id, c.handler_user_id]) AS s(kind, ref)
   WHERE s.ref IS NOT NULL
  $$;
--> statement-breakpoint

-- What one objection counts: for the case's areas, the objecting unit and the account that filed it.
CREATE FUNCTION assessment_objection_facts(o case_objections) RETURNS TABLE (kind text, ref bigint, day date, metric text, n int)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
  SELECT s.kind, s.ref, assessment_day(o.filed_at), f.metric, f.n
    FROM (SELECT string_to_array(trim(both '/' from c.area_path), '/')::bigint[] AS ids FROM cases c WHERE c.id = o.case_id) AS p,
    LATERAL unnest(array_fill('area'::text, ARRAY[cardinality(p.ids)]) || ARRAY['org', 'user'], p.ids || ARRAY[o.org_id, o.filed_by]) AS s(kind, ref),
    LATERAL unnest(ARRAY['objections', 'objections_upheld', 'objections_rejected'],
                   ARRAY[1, coalesce(o.decision = 'upheld', false)::int, coalesce(o.decision = 'rejected', false)::int]) AS f(metric, n)
   WHERE f.n <> 0
  $$;
--> statement-breakpoint

-- What a change of one case adds (+) and takes away (−), per subject, day and metric; only
-- what does not cancel out. `old` is null for a new case.
CREATE FUNCTION assessment_case_delta(new cases, old cases) RETURNS TABLE (kind text, ref bigint, day date, metric text, n int)
  LANGUAGE sql STABLE
  AS $$
  SELECT s.kind, s.ref, f.day, f.metric, sum(f.n * x.sign)::int
    FROM (SELECT new AS c, 1 AS sign UNION ALL SELECT old, -1 WHERE NOT (old IS NULL)) AS x,
         LATERAL assessment_case_facts(x.c) AS f,
         LATERAL assessment_case_subjects(x.c) AS s
   GROUP BY s.kind, s.ref, f.day, f.metric
  HAVING sum(f.n * x.sign) <> 0
  $$;
--> statement-breakpoint

CREATE FUNCTION assessment_objection_delta(new case_objections, old case_objections) RETURNS TABLE (kind text, ref bigint, day date, metric text, n int)
  LANGUAGE sql STABLE
  AS $$
  SELECT f.kind, f.ref, f.day, f.metric, sum(f.n * x.sign)::int
    FROM (SELECT new AS o, 1 AS sign UNION ALL SELECT old, -1 WHERE NOT (old IS NULL)) AS x,
         LATERAL assessment_objection_facts(x.o) AS f
   GROUP BY f.kind, f.ref, f.day, f.metric
  HAVING sum(f.n * x.sign) <> 0
  $$;
--> statement-breakpoint

-- The triggers add a delta to the rollups: one row per subject and day, in key order, so
-- concurrent writers lock the rows they share in the same order.
CREATE FUNCTION assessment_case_rollup() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO assessment_daily AS d (kind, ref, day, received, handled, closed, intake_done, intake_on_time, sign_due, sign_on_time, signed, feedback_due, feedback_on_time, deferred, rated, satisfied, basic, redone, resolved_asked, resolved_yes, verified, returned, objections, objections_upheld, objections_rejected)
  SELECT kind, ref, day,
         coalesce(sum(n) FILTER (WHERE metric = 'received'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'handled'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'closed'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'intake_done'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'intake_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'sign_due'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'sign_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'signed'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'feedback_due'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'feedback_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'deferred'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'rated'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'satisfied'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'basic'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'redone'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'resolved_asked'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'resolved_yes'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'verified'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'returned'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections_upheld'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections_rejected'), 0)
    FROM assessment_case_delta(NEW, CASE WHEN TG_OP = 'UPDATE' THEN OLD END)
   GROUP BY kind, ref, day
   ORDER BY kind, ref, day
  ON CONFLICT (kind, ref, day) DO UPDATE SET
    received = d.received + EXCLUDED.received,
    handled = d.handled + EXCLUDED.handled,
    closed = d.closed + EXCLUDED.closed,
    intake_done = d.intake_done + EXCLUDED.intake_done,
    intake_on_time = d.intake_on_time + EXCLUDED.intake_on_time,
    sign_due = d.sign_due + EXCLUDED.sign_due,
    sign_on_time = d.sign_on_time + EXCLUDED.sign_on_time,
    signed = d.signed + EXCLUDED.signed,
    feedback_due = d.feedback_due + EXCLUDED.feedback_due,
    feedback_on_time = d.feedback_on_time + EXCLUDED.feedback_on_time,
    deferred = d.deferred + EXCLUDED.deferred,
    rated = d.rated + EXCLUDED.rated,
    satisfied = d.satisfied + EXCLUDED.satisfied,
    basic = d.basic + EXCLUDED.basic,
    redone = d.redone + EXCLUDED.redone,
    resolved_asked = d.resolved_asked + EXCLUDED.resolved_asked,
    resolved_yes = d.resolved_yes + EXCLUDED.resolved_yes,
    verified = d.verified + EXCLUDED.verified,
    returned = d.returned + EXCLUDED.returned,
    objections = d.objections + EXCLUDED.objections,
    objections_upheld = d.objections_upheld + EXCLUDED.objections_upheld,
    objections_rejected = d.objections_rejected + EXCLUDED.objections_rejected;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE FUNCTION assessment_objection_rollup() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO assessment_daily AS d (kind, ref, day, received, handled, closed, intake_done, intake_on_time, sign_due, sign_on_time, signed, feedback_due, feedback_on_time, deferred, rated, satisfied, basic, redone, resolved_asked, resolved_yes, verified, returned, objections, objections_upheld, objections_rejected)
  SELECT kind, ref, day,
         coalesce(sum(n) FILTER (WHERE metric = 'received'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'handled'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'closed'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'intake_done'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'intake_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'sign_due'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'sign_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'signed'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'feedback_due'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'feedback_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'deferred'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'rated'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'satisfied'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'basic'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'redone'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'resolved_asked'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'resolved_yes'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'verified'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'returned'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections_upheld'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections_rejected'), 0)
    FROM assessment_objection_delta(NEW, CASE WHEN TG_OP = 'UPDATE' THEN OLD END)
   GROUP BY kind, ref, day
   ORDER BY kind, ref, day
  ON CONFLICT (kind, ref, day) DO UPDATE SET
    received = d.received + EXCLUDED.received,
    handled = d.handled + EXCLUDED.handled,
    closed = d.closed + EXCLUDED.closed,
    intake_done = d.intake_done + EXCLUDED.intake_done,
    intake_on_time = d.intake_on_time + EXCLUDED.intake_on_time,
    sign_due = d.sign_due + EXCLUDED.sign_due,
    sign_on_time = d.sign_on_time + EXCLUDED.sign_on_time,
    signed = d.signed + EXCLUDED.signed,
    feedback_due = d.feedback_due + EXCLUDED.feedback_due,
    feedback_on_time = d.feedback_on_time + EXCLUDED.feedback_on_time,
    deferred = d.deferred + EXCLUDED.deferred,
    rated = d.rated + EXCLUDED.rated,
    satisfied = d.satisfied + EXCLUDED.satisfied,
    basic = d.basic + EXCLUDED.basic,
    redone = d.redone + EXCLUDED.redone,
    resolved_asked = d.resolved_asked + EXCLUDED.resolved_asked,
    resolved_yes = d.resolved_yes + EXCLUDED.resolved_yes,
    verified = d.verified + EXCLUDED.verified,
    returned = d.returned + EXCLUDED.returned,
    objections = d.objections + EXCLUDED.objections,
    objections_upheld = d.objections_upheld + EXCLUDED.objections_upheld,
    objections_rejected = d.objections_rejected + EXCLUDED.objections_rejected;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Only the columns the facts read fire it: a "我也遇到" or a version bump adds nothing.
CREATE TRIGGER cases_assessment_rollup
  AFTER INSERT OR UPDATE OF state, submitted_at, area_path, lead_org_id, handler_user_id, taken_at, intake_late, sign_due_at, signed_at, step, overdue,
                            feedback_due_at, replied_at, deferred, rating, rated_at, redo_count, resolved, verified_at, return_count
  ON cases FOR EACH ROW EXECUTE FUNCTION assessment_case_rollup();
--> statement-breakpoint

CREATE TRIGGER case_objections_assessment_rollup
  AFTER INSERT OR UPDATE OF decision, org_id, filed_by, filed_at
  ON case_objections FOR EACH ROW EXECUTE FUNCTION assessment_objection_rollup();
--> statement-breakpoint

-- Recomputes every rollup from the raw rows, set-based: `gongzhi assessment rebuild`, the
-- benchmark's bulk load (which runs with the triggers off) and the property test use it.
-- Facts are summed per place, unit and account before a place is spread over its ancestors,
-- so the work grows with places × days, not with cases × ancestors.
CREATE FUNCTION assessment_rebuild() RETURNS void
  LANGUAGE sql
  AS $$
  DELETE FROM assessment_daily;
  WITH f AS MATERIALIZED (
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, x.day, x.metric, x.n
      FROM cases c, LATERAL assessment_case_facts(c) x
  ), places AS (
    SELECT area_path, day, metric, sum(n)::int AS n FROM f GROUP BY area_path, day, metric
  ), parts AS (
    SELECT 'area' AS kind, p::bigint AS ref, pl.day, pl.metric, pl.n
      FROM places pl, unnest(string_to_array(trim(both '/' from pl.area_path), '/')) AS p
    UNION ALL
    SELECT 'org', lead_org_id, day, metric, sum(n)::int FROM f WHERE lead_org_id IS NOT NULL GROUP BY lead_org_id, day, metric
    UNION ALL
    SELECT 'user', handler_user_id, day, metric, sum(n)::int FROM f WHERE handler_user_id IS NOT NULL GROUP BY handler_user_id, day, metric
    UNION ALL
    SELECT x.kind, x.ref, x.day, x.metric, x.n FROM case_objections o, LATERAL assessment_objection_facts(o) x
  )
  INSERT INTO assessment_daily (kind, ref, day, received, handled, closed, intake_done, intake_on_time, sign_due, sign_on_time, signed, feedback_due, feedback_on_time, deferred, rated, satisfied, basic, redone, resolved_asked, resolved_yes, verified, returned, objections, objections_upheld, objections_rejected)
  SELECT kind, ref, day,
         coalesce(sum(n) FILTER (WHERE metric = 'received'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'handled'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'closed'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'intake_done'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'intake_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'sign_due'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'sign_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'signed'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'feedback_due'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'feedback_on_time'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'deferred'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'rated'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'satisfied'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'basic'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'redone'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'resolved_asked'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'resolved_yes'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'verified'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'returned'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections_upheld'), 0),
         coalesce(sum(n) FILTER (WHERE metric = 'objections_rejected'), 0)
    FROM parts
   GROUP BY kind, ref, day;
  $$;
--> statement-breakpoint

-- Cases recorded before this migration: what their timelines tell of the new columns.
UPDATE cases c SET
  taken_at = (SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.from_state = 'submitted' AND e.to_state <> 'submitted'),
  signed_at = CASE WHEN c.state IN ('signed', 'in_progress', 'replied', 'verified', 'rated', 'closed') THEN (SELECT max(e.at) FROM case_events e WHERE e.case_id = c.id AND e.event = 'sign') END,
  rated_at = CASE WHEN c.rating IS NOT NULL THEN (SELECT max(e.at) FROM case_events e WHERE e.case_id = c.id AND e.event = 'rate') END,
  verified_at = CASE WHEN c.state IN ('verified', 'rated', 'closed') THEN (SELECT max(e.at) FROM case_events e WHERE e.case_id = c.id AND e.event = 'verify_pass') END,
  return_count = (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.event = 'verify_fail'),
  deferred = EXISTS (SELECT 1 FROM case_extensions x WHERE x.case_id = c.id AND x.decision = 'approved');
--> statement-breakpoint
SELECT assessment_rebuild();
