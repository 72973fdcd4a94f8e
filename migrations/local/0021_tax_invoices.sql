-- KRA eTIMS tax invoices (crates/core/src/tax).
--
-- Each item may carry its tax band; it travels in the item's body like its
-- other fields. NULL: the shop's default band (tax_device.default_band).
ALTER TABLE items ADD COLUMN tax_band TEXT CHECK (tax_band IN ('A', 'B', 'C', 'D', 'E'));

-- This till's eTIMS device (one row): set up in Settings → Tax by KRA's
-- initialisation. Its secrets (the consumer secret and the communication
-- key) are in the vault; nothing here is secret. Each till that takes
-- money is its own device with its own invoice numbers.
CREATE TABLE tax_device (
    id            INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    api_url       TEXT NOT NULL,
    token_url     TEXT NOT NULL,
    pin           TEXT NOT NULL,
    branch        TEXT NOT NULL,
    serial        TEXT NOT NULL,
    sdc_id        TEXT NOT NULL,
    mrc_no        TEXT NOT NULL,
    taxpayer_name TEXT NOT NULL,
    default_band  TEXT CHECK (default_band IN ('A', 'B', 'C', 'D', 'E')),
    -- KRA numbers each device's invoices from 1: an invoice's number at
    -- KRA is its number here less the base of the device that sends it
    -- (the invoices before this device was set up).
    number_base   INTEGER NOT NULL DEFAULT 0,
    enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    -- Sales paid before this moment are not invoiced.
    enabled_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

-- Invoices and credit notes, numbered 1, 2, 3… with no gap: a number is
-- taken in the sale's own transaction (the largest plus one), so a sale
-- and its invoice are written together or not at all. KRA signs them in
-- that order.
--   queued  -> waiting its turn (or for a reason in last_error: KRA
--              offline, a line with no tax band, KRA's refusal).
--   sending -> the request is about to leave or its answer was lost; sent
--              again under the same number, which KRA takes once.
--   signed  -> KRA's receipt number, internal data and signature saved
--              (signature NULL: KRA had the number already and its first
--              answer was lost).
-- Kept on the till that took the money: its device numbers them.
CREATE TABLE tax_invoices (
    number        INTEGER PRIMARY KEY NOT NULL CHECK (number > 0),
    order_id      TEXT NOT NULL REFERENCES orders (id),
    kind          TEXT NOT NULL CHECK (kind IN ('sale', 'credit_note')),
    original      INTEGER REFERENCES tax_invoices (number),
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
    UNIQUE (order_id, kind),
    CHECK ((kind = 'sale') = (original IS NULL))
) STRICT;

CREATE INDEX tax_invoices_unsigned ON tax_invoices (number) WHERE state <> 'signed';
