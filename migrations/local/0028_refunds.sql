-- Refunds: money given back to a customer for an order, all or part of
-- it. Only ever inserted, synced as `refund` (hosted migration 0014).
-- Sales, the cash-up and resellers' commissions read them.
CREATE TABLE refunds (
    id           TEXT PRIMARY KEY NOT NULL,
    -- Retention removes it with its order; a pulled refund's order is
    -- fetched first, as a payment's is.
    order_id     TEXT NOT NULL REFERENCES orders (id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'mpesa')),
    receipt      TEXT,
    reason       TEXT NOT NULL,
    staff_name   TEXT NOT NULL,
    at           INTEGER NOT NULL,
    -- 1: given back at this till (its cash left this drawer); 0: pulled.
    -- Not synced.
    here         INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX refunds_order ON refunds (order_id);
CREATE INDEX refunds_at ON refunds (at);
CREATE INDEX refunds_given ON refunds (here, at);

-- The cash a cash-up's period gave back from the drawer (NULL on cash-ups
-- counted before refunds existed).
ALTER TABLE cash_ups ADD COLUMN cash_refunds_minor INTEGER CHECK (cash_refunds_minor >= 0);
