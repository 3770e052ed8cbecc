-- A verification (or another audited action) can carry the note of the person who made it.
ALTER TABLE "audit_entries" ADD COLUMN "note" TEXT;
