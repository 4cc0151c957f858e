ALTER TABLE "conversations" ADD COLUMN "agent_checkpoint_id" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "agent_turns" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Conversations that already have agent memory point at their newest checkpoint (the turn count only paces pruning).
UPDATE "conversations" c SET "agent_checkpoint_id" = k.newest, "agent_turns" = k.n
FROM (SELECT thread_id, max(checkpoint_id) AS newest, count(*)::int AS n FROM "agent_checkpoints" WHERE checkpoint_ns = '' GROUP BY thread_id) k
WHERE k.thread_id = c.id::text;
