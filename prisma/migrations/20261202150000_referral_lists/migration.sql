-- Referral sheets (GET /r/{token}): center ids, a language and dates only; keyed by the
-- SHA-256 of the token so the table alone cannot open a sheet.
-- CreateTable
CREATE TABLE "referral_lists" (
    "token_hash" TEXT NOT NULL,
    "center_ids" UUID[],
    "language" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_lists_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "referral_lists_expires_at_idx" ON "referral_lists"("expires_at");
