CREATE TABLE "petition_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "petition_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"petition_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" bigint,
	"actor_label" text NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"public" boolean NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_reviews" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "petition_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"petition_id" bigint NOT NULL,
	"level" text NOT NULL,
	"node_path" text NOT NULL,
	"request_text" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" bigint,
	"answer_due_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" bigint
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "petitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"node_id" bigint NOT NULL,
	"node_path" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"petitioner_user_id" bigint,
	"petitioner_name" text NOT NULL,
	"petitioner_phone" text,
	"representatives" integer,
	"case_id" bigint,
	"same_facts_of_id" bigint,
	"recorded_by" bigint,
	"received_at" timestamp with time zone NOT NULL,
	"register_due_at" timestamp with time zone NOT NULL,
	"handler_org_id" bigint,
	"handler_path" text,
	"route_kind" text,
	"routed_at" timestamp with time zone,
	"objection_due_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"conclude_due_at" timestamp with time zone,
	"extension_state" text DEFAULT 'none' NOT NULL,
	"extension_days" integer,
	"extension_reason" text,
	"opinion" text,
	"opinion_text" text,
	"concluded_at" timestamp with time zone,
	"review_window_ends_at" timestamp with time zone,
	"review_path" text,
	"recheck_path" text,
	"refusal_reason" text,
	"refusal_redirect" text,
	"clock" text,
	"clock_due_at" timestamp with time zone,
	"overdue" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_node_id_admin_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."admin_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_petitioner_user_id_users_id_fk" FOREIGN KEY ("petitioner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_same_facts_of_id_petitions_id_fk" FOREIGN KEY ("same_facts_of_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_handler_org_id_organizations_id_fk" FOREIGN KEY ("handler_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_events_petition_idx" ON "petition_events" USING btree ("petition_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_reviews_level_key" ON "petition_reviews" USING btree ("petition_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_number_key" ON "petitions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "petitions_node_path_idx" ON "petitions" USING btree ("node_path","id");--> statement-breakpoint
CREATE INDEX "petitions_handler_path_idx" ON "petitions" USING btree ("handler_path","id");--> statement-breakpoint
CREATE INDEX "petitions_petitioner_idx" ON "petitions" USING btree ("petitioner_user_id","id");--> statement-breakpoint
CREATE INDEX "petitions_clock_due_idx" ON "petitions" USING btree ("clock_due_at");