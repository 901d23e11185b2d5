CREATE SEQUENCE "public"."people_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "code" text DEFAULT ('P' || lpad(nextval('people_code_seq')::text, 8, '0')) NOT NULL;--> statement-breakpoint
CREATE INDEX "organizations_charter_node_idx" ON "organizations" USING btree ("charter_node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_code_key" ON "people" USING btree ("code");--> statement-breakpoint
CREATE INDEX "responsibilities_node_idx" ON "responsibilities" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "responsibilities_post_idx" ON "responsibilities" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "role_assignments_node_idx" ON "role_assignments" USING btree ("node_id");