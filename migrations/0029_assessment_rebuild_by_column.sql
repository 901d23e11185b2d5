-- A faster assessment_rebuild() (issue #6 point 9): 0028's narrow facts (a row per case,
-- metric and subject before grouping) took 200 s per million cases. This one counts each day
-- column of `cases` in one grouped scan per column — the definitions of assessment_case_facts
-- written as aggregates — and spreads places over their ancestors only once summed. The
-- property test checks that it reproduces exactly what the triggers keep.
CREATE OR REPLACE FUNCTION assessment_rebuild() RETURNS void
  LANGUAGE sql
  AS $$
  DELETE FROM assessment_daily;
  WITH g (area_path, org, usr, day, received, handled, closed, intake_done, intake_on_time, sign_due, sign_on_time, signed, feedback_due, feedback_on_time, deferred, rated, satisfied, basic, redone, resolved_asked, resolved_yes, verified, returned) AS MATERIALIZED (
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(c.submitted_at) AS day,
           (count(*) FILTER (WHERE c.state <> 'merged'))::int, (count(*) FILTER (WHERE c.state NOT IN ('merged', 'refused')))::int, (count(*) FILTER (WHERE c.state = 'closed'))::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM cases c WHERE c.submitted_at IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(c.taken_at) AS day,
           0, 0, 0, count(*)::int, (count(*) FILTER (WHERE NOT c.intake_late))::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM cases c WHERE c.taken_at IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(c.sign_due_at) AS day,
           0, 0, 0, 0, 0, (count(*) FILTER (WHERE c.signed_at IS NOT NULL OR (c.step = 'sign' AND c.overdue)))::int, (count(*) FILTER (WHERE c.signed_at <= c.sign_due_at))::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM cases c WHERE c.sign_due_at IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(c.signed_at) AS day,
           0, 0, 0, 0, 0, 0, 0, count(*)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM cases c WHERE c.signed_at IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(CASE WHEN NOT c.deferred THEN c.feedback_due_at END) AS day,
           0, 0, 0, 0, 0, 0, 0, 0, (count(*) FILTER (WHERE (c.replied_at IS NOT NULL AND c.state IN ('replied', 'verified', 'rated', 'closed')) OR (c.step = 'feedback' AND c.overdue)))::int, (count(*) FILTER (WHERE (c.replied_at IS NOT NULL AND c.state IN ('replied', 'verified', 'rated', 'closed')) AND c.replied_at <= c.feedback_due_at))::int, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM cases c WHERE CASE WHEN NOT c.deferred THEN c.feedback_due_at END IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(CASE WHEN c.deferred THEN c.feedback_due_at END) AS day,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)::int, 0, 0, 0, 0, 0, 0, 0, 0
      FROM cases c WHERE CASE WHEN c.deferred THEN c.feedback_due_at END IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(CASE WHEN c.rating IS NOT NULL THEN c.rated_at END) AS day,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)::int, (count(*) FILTER (WHERE c.rating = 'satisfied'))::int, (count(*) FILTER (WHERE c.rating = 'basic'))::int, (count(*) FILTER (WHERE c.redo_count > 0))::int, (count(*) FILTER (WHERE c.resolved IS NOT NULL))::int, (count(*) FILTER (WHERE c.resolved))::int, 0, 0
      FROM cases c WHERE CASE WHEN c.rating IS NOT NULL THEN c.rated_at END IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT c.area_path, c.lead_org_id, c.handler_user_id, assessment_day(c.verified_at) AS day,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)::int, (count(*) FILTER (WHERE c.return_count > 0))::int
      FROM cases c WHERE c.verified_at IS NOT NULL GROUP BY 1, 2, 3, 4
  ), parts (kind, ref, day, received, handled, closed, intake_done, intake_on_time, sign_due, sign_on_time, signed, feedback_due, feedback_on_time, deferred, rated, satisfied, basic, redone, resolved_asked, resolved_yes, verified, returned, objections, objections_upheld, objections_rejected) AS (
    SELECT 'area' AS kind, p::bigint AS ref, s.day, s.received, s.handled, s.closed, s.intake_done, s.intake_on_time, s.sign_due, s.sign_on_time, s.signed, s.feedback_due, s.feedback_on_time, s.deferred, s.rated, s.satisfied, s.basic, s.redone, s.resolved_asked, s.resolved_yes, s.verified, s.returned, 0, 0, 0
      FROM (SELECT area_path, day, sum(received)::int, sum(handled)::int, sum(closed)::int, sum(intake_done)::int, sum(intake_on_time)::int, sum(sign_due)::int, sum(sign_on_time)::int, sum(signed)::int, sum(feedback_due)::int, sum(feedback_on_time)::int, sum(deferred)::int, sum(rated)::int, sum(satisfied)::int, sum(basic)::int, sum(redone)::int, sum(resolved_asked)::int, sum(resolved_yes)::int, sum(verified)::int, sum(returned)::int FROM g GROUP BY area_path, day) AS s(area_path, day, received, handled, closed, intake_done, intake_on_time, sign_due, sign_on_time, signed, feedback_due, feedback_on_time, deferred, rated, satisfied, basic, redone, resolved_asked, resolved_yes, verified, returned),
           unnest(string_to_array(trim(both '/' from s.area_path), '/')) AS p
    UNION ALL
    SELECT 'org', org, day, sum(received)::int, sum(handled)::int, sum(closed)::int, sum(intake_done)::int, sum(intake_on_time)::int, sum(sign_due)::int, sum(sign_on_time)::int, sum(signed)::int, sum(feedback_due)::int, sum(feedback_on_time)::int, sum(deferred)::int, sum(rated)::int, sum(satisfied)::int, sum(basic)::int, sum(redone)::int, sum(resolved_asked)::int, sum(resolved_yes)::int, sum(verified)::int, sum(returned)::int, 0, 0, 0 FROM g WHERE org IS NOT NULL GROUP BY org, day
    UNION ALL
    SELECT 'user', usr, day, sum(received)::int, sum(handled)::int, sum(closed)::int, sum(intake_done)::int, sum(intake_on_time)::int, sum(sign_due)::int, sum(sign_on_time)::int, sum(signed)::int, sum(feedback_due)::int, sum(feedback_on_time)::int, sum(deferred)::int, sum(rated)::int, sum(satisfied)::int, sum(basic)::int, sum(redone)::int, sum(resolved_asked)::int, sum(resolved_yes)::int, sum(verified)::int, sum(returned)::int, 0, 0, 0 FROM g WHERE usr IS NOT NULL GROUP BY usr, day
    UNION ALL
    SELECT x.kind, x.ref, x.day, coalesce(sum(n) FILTER (WHERE metric = 'received'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'handled'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'closed'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'intake_done'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'intake_on_time'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'sign_due'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'sign_on_time'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'signed'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'feedback_due'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'feedback_on_time'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'deferred'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'rated'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'satisfied'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'basic'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'redone'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'resolved_asked'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'resolved_yes'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'verified'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'returned'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'objections'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'objections_upheld'), 0)::int, coalesce(sum(n) FILTER (WHERE metric = 'objections_rejected'), 0)::int
      FROM case_objections o, LATERAL assessment_objection_facts(o) x GROUP BY x.kind, x.ref, x.day
  )
  INSERT INTO assessment_daily (kind, ref, day, received, handled, closed, intake_done, intake_on_time, sign_due, sign_on_time, signed, feedback_due, feedback_on_time, deferred, rated, satisfied, basic, redone, resolved_asked, resolved_yes, verified, returned, objections, objections_upheld, objections_rejected)
  SELECT kind, ref, day, sum(received)::int, sum(handled)::int, sum(closed)::int, sum(intake_done)::int, sum(intake_on_time)::int, sum(sign_due)::int, sum(sign_on_time)::int, sum(signed)::int, sum(feedback_due)::int, sum(feedback_on_time)::int, sum(deferred)::int, sum(rated)::int, sum(satisfied)::int, sum(basic)::int, sum(redone)::int, sum(resolved_asked)::int, sum(resolved_yes)::int, sum(verified)::int, sum(returned)::int, sum(objections)::int, sum(objections_upheld)::int, sum(objections_rejected)::int
    FROM parts
   GROUP BY kind, ref, day
  HAVING sum(received) <> 0 OR sum(handled) <> 0 OR sum(closed) <> 0 OR sum(intake_done) <> 0 OR sum(intake_on_time) <> 0 OR sum(sign_due) <> 0 OR sum(sign_on_time) <> 0 OR sum(signed) <> 0 OR sum(feedback_due) <> 0 OR sum(feedback_on_time) <> 0 OR sum(deferred) <> 0 OR sum(rated) <> 0 OR sum(satisfied) <> 0 OR sum(basic) <> 0 OR sum(redone) <> 0 OR sum(resolved_asked) <> 0 OR sum(resolved_yes) <> 0 OR sum(verified) <> 0 OR sum(returned) <> 0 OR sum(objections) <> 0 OR sum(objections_upheld) <> 0 OR sum(objections_rejected) <> 0;
  $$;
