-- Resellers (agents, affiliates) and their commissions. Synced: a reseller
-- as `reseller` (last writer wins), the crediting of an order to one as
-- `reseller_credit` (insert-only; its id is the order's), and payouts as
-- `reseller_payout` (insert-only). A credit's state is read from its
-- order: earned once paid, payable after the hold, reversed if cancelled.
CREATE TABLE resellers (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    phone          TEXT NOT NULL,
    code           TEXT NOT NULL,
    rule           TEXT NOT NULL,
    active         INTEGER NOT NULL CHECK (active IN (0, 1)),
    -- 1: only a customer's first order through them earns commission.
    first_order_only INTEGER NOT NULL DEFAULT 0 CHECK (first_order_only IN (0, 1)),
    updated_at     INTEGER NOT NULL,
    version_device TEXT
) STRICT;
-- Not UNIQUE: two tills may give the same code offline; the store checks
-- it when one is saved, and the older reseller keeps it.
CREATE INDEX resellers_code ON resellers (code);
CREATE INDEX resellers_phone ON resellers (phone);

CREATE TABLE reseller_credits (
    -- The order's id: an order is credited once.
    id               TEXT PRIMARY KEY NOT NULL,
    reseller_id      TEXT NOT NULL,
    commission_minor INTEGER NOT NULL CHECK (commission_minor >= 0),
    currency         TEXT NOT NULL,
    at               INTEGER NOT NULL
) STRICT;
CREATE INDEX reseller_credits_reseller ON reseller_credits (reseller_id, at);

CREATE TABLE reseller_payouts (
    id           TEXT PRIMARY KEY NOT NULL,
    reseller_id  TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'mpesa')),
    receipt      TEXT,
    staff_name   TEXT NOT NULL,
    at           INTEGER NOT NULL
) STRICT;
CREATE INDEX reseller_payouts_reseller ON reseller_payouts (reseller_id, at);

-- The reseller whose code a chat carried, and when (local: the chat lives
-- on one till; its orders' credits travel).
ALTER TABLE conversations ADD COLUMN reseller_id TEXT;
ALTER TABLE conversations ADD COLUMN reseller_at INTEGER;
