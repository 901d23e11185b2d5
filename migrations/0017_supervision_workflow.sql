ALTER TABLE "supervision_reports" ADD COLUMN "disposal" text;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "accept_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "disposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "concluded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "feedback_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "feedback_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "overdue" boolean DEFAULT false NOT NULL;