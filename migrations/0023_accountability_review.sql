CREATE TABLE "accountability_review_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accountability_review_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trigger_kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" bigint NOT NULL,
	"subject_name" text NOT NULL,
	"node_id" bigint NOT NULL,
	"node_path" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"figure" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"evidence" jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"note" text,
	"record_id" bigint,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"opened_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_review_settings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accountability_review_settings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trigger_kind" text NOT NULL,
	"node_id" bigint,
	"node_path" text NOT NULL,
	"enabled" boolean NOT NULL,
	"threshold" double precision,
	"min_cases" integer,
	"updated_by" bigint,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "publication" jsonb;--> statement-breakpoint
ALTER TABLE "accountability_review_items" ADD CONSTRAINT "accountability_review_items_node_id_admin_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."admin_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_review_items" ADD CONSTRAINT "accountability_review_items_record_id_accountability_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."accountability_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_review_items" ADD CONSTRAINT "accountability_review_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_review_items" ADD CONSTRAINT "accountability_review_items_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_review_settings" ADD CONSTRAINT "accountability_review_settings_node_id_admin_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."admin_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_review_settings" ADD CONSTRAINT "accountability_review_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_review_items_key" ON "accountability_review_items" USING btree ("trigger_kind","subject_kind","subject_id","period");--> statement-breakpoint
CREATE INDEX "accountability_review_items_path_idx" ON "accountability_review_items" USING btree ("node_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_review_settings_key" ON "accountability_review_settings" USING btree ("trigger_kind","node_path");