-- Which index settings the live search index was built with (see src/search/settings-record.ts).
-- The revision only moves forward, so an older instance in a rolling deploy leaves newer settings alone.
CREATE TABLE "search_index_state" (
    "index_name" TEXT NOT NULL,
    "settings_revision" INTEGER NOT NULL,
    "settings_hash" TEXT NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_index_state_pkey" PRIMARY KEY ("index_name")
);

-- Every committed outbox insert wakes the instance that drains the outbox, whichever instance
-- (or CLI) wrote it: NOTIFY is delivered at commit, never for a rolled-back transaction
-- (src/search/index-sync.ts listens on this channel).
CREATE FUNCTION "search_outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('search_outbox', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "search_outbox_notify" AFTER INSERT ON "search_outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_outbox_notify"();
