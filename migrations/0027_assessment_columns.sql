CREATE TABLE "assessment_daily" (
	"kind" text NOT NULL,
	"ref" bigint NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"intake_done" integer DEFAULT 0 NOT NULL,
	"intake_on_time" integer DEFAULT 0 NOT NULL,
	"sign_due" integer DEFAULT 0 NOT NULL,
	"sign_on_time" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"feedback_due" integer DEFAULT 0 NOT NULL,
	"feedback_on_time" integer DEFAULT 0 NOT NULL,
	"deferred" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basic" integer DEFAULT 0 NOT NULL,
	"redone" integer DEFAULT 0 NOT NULL,
	"resolved_asked" integer DEFAULT 0 NOT NULL,
	"resolved_yes" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"objections" integer DEFAULT 0 NOT NULL,
	"objections_upheld" integer DEFAULT 0 NOT NULL,
	"objections_rejected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assessment_daily_kind_ref_day_pk" PRIMARY KEY("kind","ref","day"),
	CONSTRAINT "assessment_daily_kind_check" CHECK ("assessment_daily"."kind" IN ('area', 'org', 'user'))
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "taken_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "intake_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "sign_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deferred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "resolved" boolean;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "return_count" integer DEFAULT 0 NOT NULL;