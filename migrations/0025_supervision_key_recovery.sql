CREATE TABLE "supervision_key_recoveries" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"transfer_public_key" "bytea" NOT NULL,
	"transfer_wrapped" "bytea" NOT NULL,
	"sealed_key" "bytea",
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "supervision_key_recoveries" ADD CONSTRAINT "supervision_key_recoveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_key_recoveries" ADD CONSTRAINT "supervision_key_recoveries_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;