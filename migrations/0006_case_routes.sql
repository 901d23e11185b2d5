ALTER TABLE "cases" ADD COLUMN "route_org_id" bigint;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "route_post_id" bigint;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "route_mode" text;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_route_org_id_organizations_id_fk" FOREIGN KEY ("route_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_route_post_id_posts_id_fk" FOREIGN KEY ("route_post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;