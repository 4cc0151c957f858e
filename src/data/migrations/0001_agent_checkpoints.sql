CREATE TABLE "agent_checkpoint_writes" (
	"thread_id" text NOT NULL,
	"checkpoint_ns" text DEFAULT '' NOT NULL,
	"checkpoint_id" text NOT NULL,
	"task_id" text NOT NULL,
	"idx" integer NOT NULL,
	"task_path" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"value_type" text NOT NULL,
	"value" "bytea" NOT NULL,
	CONSTRAINT "agent_checkpoint_writes_thread_id_checkpoint_ns_checkpoint_id_task_id_idx_pk" PRIMARY KEY("thread_id","checkpoint_ns","checkpoint_id","task_id","idx")
);
--> statement-breakpoint
CREATE TABLE "agent_checkpoints" (
	"thread_id" text NOT NULL,
	"checkpoint_ns" text DEFAULT '' NOT NULL,
	"checkpoint_id" text NOT NULL,
	"parent_id" text,
	"checkpoint_type" text NOT NULL,
	"checkpoint" "bytea" NOT NULL,
	"metadata_type" text NOT NULL,
	"metadata" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_checkpoints_thread_id_checkpoint_ns_checkpoint_id_pk" PRIMARY KEY("thread_id","checkpoint_ns","checkpoint_id")
);
--> statement-breakpoint
CREATE INDEX "agent_writes_checkpoint_idx" ON "agent_checkpoint_writes" USING btree ("thread_id","checkpoint_ns","checkpoint_id");