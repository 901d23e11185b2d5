CREATE TABLE "warning_rules" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warnings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"subject" text NOT NULL,
	"node_id" bigint NOT NULL,
	"count" integer NOT NULL,
	"params" jsonb NOT NULL,
	"case_ids" bigint[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"handled_by" bigint,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_rule_id_warning_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."warning_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_node_id_admin_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."admin_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "warning_rules_kind_key" ON "warning_rules" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_live_key" ON "warnings" USING btree ("rule_id","subject_key") WHERE "warnings"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "warnings_status_idx" ON "warnings" USING btree ("status","id");--> statement-breakpoint
-- The four rules every deployment starts with (figures editable by configurators).
INSERT INTO "warning_rules" ("kind", "params") VALUES
  ('repeat_reporter', '{"count": 3, "days": 30}'),
  ('escalation', '{"count": 5, "days": 7, "ratio": 2}'),
  ('dissatisfaction', '{"count": 3, "days": 30}'),
  ('group', '{"count": 5, "days": 30}');
