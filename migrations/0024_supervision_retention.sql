ALTER TABLE "supervision_reports" ALTER COLUMN "receipt_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_reports" ALTER COLUMN "receipt_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "transfer_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "shredded_at" timestamp with time zone;