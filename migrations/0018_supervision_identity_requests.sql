CREATE TABLE "supervision_identity_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_identity_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" bigint NOT NULL,
	"inspector_id" bigint NOT NULL,
	"reason" "bytea" NOT NULL,
	"status" text NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_identity_requests" ADD CONSTRAINT "supervision_identity_requests_report_id_supervision_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."supervision_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_identity_requests" ADD CONSTRAINT "supervision_identity_requests_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_identity_requests" ADD CONSTRAINT "supervision_identity_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_identity_requests_status_idx" ON "supervision_identity_requests" USING btree ("status","id");