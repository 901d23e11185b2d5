-- Appending to the audit chain as one function call with one argument: the entry's
-- canonical JSON (audit-hash.ts `entryBody`). The columns are read from the very text
-- that is hashed, so what is stored and what is hashed cannot drift apart.
-- PL/pgSQL keeps its statements' plans for the life of a connection, so an append costs
-- no parsing or planning (on PGlite that halves its cost). Each statement takes a fresh
-- snapshot (READ COMMITTED): the UPDATE of the head row waits for, then sees, the
-- latest committed head, and its row lock serializes appends across servers.
CREATE FUNCTION audit_append(p_body text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  h record;
  e jsonb := p_body::jsonb;
BEGIN
  UPDATE audit_head
     SET seq = seq + 1,
         prev_hash = hash,
         hash = encode(sha256(convert_to(hash || E'\n' || (seq + 1)::text || E'\n' || p_body, 'UTF8')), 'hex')
   WHERE id = 1
  RETURNING seq, prev_hash, hash INTO h;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_head is missing';
  END IF;
  INSERT INTO audit_log (seq, at, actor_id, actor_label, action, subject_type, subject_id, changes, request_id, ip, scope_path, prev_hash, hash)
  VALUES (h.seq, (e->>'at')::timestamptz, (e->>'actorId')::bigint, e->>'actorLabel', e->>'action', e->>'subjectType',
          e->>'subjectId', e->'changes', e->>'requestId', e->>'ip', e->>'scopePath', h.prev_hash, h.hash);
  RETURN h.seq;
END;
$$;
