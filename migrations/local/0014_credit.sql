-- Sales on credit (madeni). A credit sale is an order paid by the
-- `credit` method (a payment row like any other); what is paid back is a
-- repayment, only ever inserted, synced as `credit_payment`. A customer
-- may have a limit on what they owe, which travels with the customer row.
ALTER TABLE customers ADD COLUMN credit_limit_minor INTEGER CHECK (credit_limit_minor >= 0);

CREATE TABLE credit_payments (
    id           TEXT PRIMARY KEY NOT NULL,
    -- No foreign key: a customer merged away keeps their repayments
    -- (`customer_merges` leads to who they became).
    customer_id  TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'mpesa')),
    receipt      TEXT,
    staff_name   TEXT NOT NULL,
    at           INTEGER NOT NULL,
    -- 1: taken at this till (its cash goes into this drawer); 0: pulled.
    -- Not synced.
    here         INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX credit_payments_customer ON credit_payments (customer_id, at);
CREATE INDEX credit_payments_taken ON credit_payments (here, at);
-- Not UNIQUE: two tills may take the same M-Pesa code offline, and a pull
-- must never fail on it (the code is checked when a repayment is taken).
CREATE INDEX credit_payments_receipt ON credit_payments (receipt) WHERE receipt IS NOT NULL;

-- Two tills met the same customer before syncing; the loser's id was
-- merged into the winner's. Rows that keep the loser's id for good (the
-- insert-only repayments) are counted for the winner through this.
CREATE TABLE customer_merges (
    loser  TEXT PRIMARY KEY NOT NULL,
    winner TEXT NOT NULL
) STRICT;

-- Reminders of credit sent from this till on WhatsApp (at most one a
-- customer every three days from here). Local: a reminder is a message in
-- the customer's chat, which lives on the till that holds the chat.
CREATE TABLE credit_reminders (
    customer_id TEXT NOT NULL,
    at          INTEGER NOT NULL,
    staff_name  TEXT NOT NULL
) STRICT;
CREATE INDEX credit_reminders_customer ON credit_reminders (customer_id, at);
