-- A case's indexed words plus its id slices: lexemes naming the block of ids it is in at
-- four sizes — '~k' (ids k·1000 … k·1000+999), '~~k' (16,000 ids), '~~~k' (256,000),
-- '~~~~k' (4,096,000). A search asks for its words AND the newest blocks first, so the GIN
-- index itself narrows the matches to the newest cases, and only those rows are read
-- (search/case-search.ts); the sizes keep any window to a few blocks.
-- No word of a text can be one of these: the 'simple' parser never keeps the '~'.
CREATE FUNCTION case_words(words tsvector, case_id bigint) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN words || array_to_tsvector(ARRAY['~' || (case_id / 1000)::text, '~~' || (case_id / 16000)::text,
                                          '~~~' || (case_id / 256000)::text, '~~~~' || (case_id / 4096000)::text]);
--> statement-breakpoint
DROP INDEX "case_search_vector_idx";--> statement-breakpoint
CREATE INDEX "case_search_vector_idx" ON "case_search" USING gin (case_words("vector", "case_id"));
