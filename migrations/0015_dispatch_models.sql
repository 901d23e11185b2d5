CREATE TABLE "dispatch_decisions" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"model_version" integer NOT NULL,
	"org_id" bigint,
	"category_id" bigint,
	"confidence" real NOT NULL,
	"dispatched" boolean NOT NULL,
	"reason" text,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_models" (
	"version" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispatch_models_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"trained_at" timestamp with time zone NOT NULL,
	"trained_by" bigint,
	"trigger" text NOT NULL,
	"stats" jsonb NOT NULL,
	"model" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"auto_dispatch" boolean DEFAULT false NOT NULL,
	"min_confidence" real DEFAULT 0.9 NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatch_settings_one_row" CHECK ("dispatch_settings"."id" = 1),
	CONSTRAINT "dispatch_settings_confidence" CHECK ("dispatch_settings"."min_confidence" >= 0.5 AND "dispatch_settings"."min_confidence" <= 1)
);
--> statement-breakpoint
ALTER TABLE "dispatch_decisions" ADD CONSTRAINT "dispatch_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_decisions" ADD CONSTRAINT "dispatch_decisions_model_version_dispatch_models_version_fk" FOREIGN KEY ("model_version") REFERENCES "public"."dispatch_models"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_models" ADD CONSTRAINT "dispatch_models_trained_by_users_id_fk" FOREIGN KEY ("trained_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_settings" ADD CONSTRAINT "dispatch_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_decisions_decided_idx" ON "dispatch_decisions" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "dispatch_models_trained_idx" ON "dispatch_models" USING btree ("trained_at");--> statement-breakpoint
-- The one row of settings: auto-dispatch off until a configurator turns it on.
INSERT INTO "dispatch_settings" ("id") VALUES (1);
