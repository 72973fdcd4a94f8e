-- A sale's invoice can be issued again to a buyer who gives their KRA PIN
-- after the sale: the first invoice gets its credit note and a new invoice
-- carries the PIN. So an order may now have several sales and credit
-- notes; the rule that stays is one credit note per invoice, and the sale
-- that counts is the order's latest.
--
-- SQLite cannot drop a table constraint: the table is made again without
-- UNIQUE (order_id, kind). The new table's link to an invoice it credits
-- names the new table, and follows it through the rename.
CREATE TABLE tax_invoices_new (
    number        INTEGER PRIMARY KEY NOT NULL CHECK (number > 0),
    order_id      TEXT NOT NULL REFERENCES orders (id),
    kind          TEXT NOT NULL CHECK (kind IN ('sale', 'credit_note')),
    original      INTEGER REFERENCES tax_invoices_new (number),
    order_number  INTEGER NOT NULL,
    customer_name TEXT,
    -- A business buyer's KRA PIN (custTin), typed at the counter.
    customer_pin  TEXT,
    payment       TEXT NOT NULL,
    lines         TEXT NOT NULL,
    sold_at       INTEGER NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'signed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_try_at   INTEGER NOT NULL,
    last_error    TEXT,
    -- Its number at KRA (number less the device's base), once signed.
    kra_number    INTEGER,
    receipt_no    INTEGER,
    internal_data TEXT,
    signature     TEXT,
    kra_time      TEXT,
    sdc_id        TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK ((kind = 'sale') = (original IS NULL))
) STRICT;
INSERT INTO tax_invoices_new SELECT * FROM tax_invoices;
DROP TABLE tax_invoices;
ALTER TABLE tax_invoices_new RENAME TO tax_invoices;
CREATE INDEX tax_invoices_unsigned ON tax_invoices (number) WHERE state <> 'signed';
CREATE INDEX tax_invoices_order ON tax_invoices (order_id, number);
-- One credit note per invoice.
CREATE UNIQUE INDEX tax_invoices_credited ON tax_invoices (original) WHERE original IS NOT NULL;
