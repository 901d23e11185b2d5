CREATE TABLE "supervision_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" bigint NOT NULL,
	"message_id" bigint,
	"meta" "bytea" NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_attachments" ADD CONSTRAINT "supervision_attachments_report_id_supervision_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."supervision_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_attachments" ADD CONSTRAINT "supervision_attachments_message_id_supervision_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."supervision_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_attachments_report_idx" ON "supervision_attachments" USING btree ("report_id","id");