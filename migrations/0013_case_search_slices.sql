-- A case's indexed words plus its id slice: the lexeme '~k' for ids k·1000 … k·1000+999.
-- A search asks for its words AND the newest slices first, so the GIN index itself narrows
-- the matches to the newest cases, and only those rows are read (search/case-search.ts).
-- No word of a text can be '~k': the 'simple' parser never keeps the '~'.
CREATE FUNCTION case_words(words tsvector, case_id bigint) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN words || array_to_tsvector(ARRAY['~' || (case_id / 1000)::text]);
--> statement-breakpoint
DROP INDEX "case_search_vector_idx";--> statement-breakpoint
CREATE INDEX "case_search_vector_idx" ON "case_search" USING gin (case_words("vector", "case_id"));
