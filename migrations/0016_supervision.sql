CREATE TABLE "supervision_identities" (
	"report_id" bigint NOT NULL,
	"holder_id" bigint NOT NULL,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "supervision_identities_report_id_holder_id_pk" PRIMARY KEY("report_id","holder_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_key_escrow" (
	"user_id" bigint NOT NULL,
	"custodian_id" bigint NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	CONSTRAINT "supervision_key_escrow_user_id_custodian_id_pk" PRIMARY KEY("user_id","custodian_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_keys" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"public_key" "bytea" NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" bigint NOT NULL,
	"author" text NOT NULL,
	"author_user_id" bigint,
	"kind" text NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_report_keys" (
	"report_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	"role" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_report_keys_report_id_user_id_pk" PRIMARY KEY("report_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"node_id" bigint NOT NULL,
	"competent_node_id" bigint NOT NULL,
	"competent_path" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"state" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"content" "bytea" NOT NULL,
	"receipt_hash" text NOT NULL,
	"receipt_key" "bytea" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_session_keys" (
	"session_id" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"locked_key" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"receipt_salt" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_identities" ADD CONSTRAINT "supervision_identities_report_id_supervision_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."supervision_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_identities" ADD CONSTRAINT "supervision_identities_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_key_escrow" ADD CONSTRAINT "supervision_key_escrow_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_key_escrow" ADD CONSTRAINT "supervision_key_escrow_custodian_id_users_id_fk" FOREIGN KEY ("custodian_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_keys" ADD CONSTRAINT "supervision_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_messages" ADD CONSTRAINT "supervision_messages_report_id_supervision_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."supervision_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_messages" ADD CONSTRAINT "supervision_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_report_keys" ADD CONSTRAINT "supervision_report_keys_report_id_supervision_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."supervision_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_report_keys" ADD CONSTRAINT "supervision_report_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD CONSTRAINT "supervision_reports_node_id_admin_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."admin_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD CONSTRAINT "supervision_reports_competent_node_id_admin_nodes_id_fk" FOREIGN KEY ("competent_node_id") REFERENCES "public"."admin_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_session_keys" ADD CONSTRAINT "supervision_session_keys_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_messages_report_idx" ON "supervision_messages" USING btree ("report_id","id");--> statement-breakpoint
CREATE INDEX "supervision_report_keys_user_idx" ON "supervision_report_keys" USING btree ("user_id","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_reports_number_key" ON "supervision_reports" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_reports_receipt_key" ON "supervision_reports" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "supervision_reports_competent_idx" ON "supervision_reports" USING btree ("competent_path","id");