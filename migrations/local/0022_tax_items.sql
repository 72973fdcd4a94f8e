-- Items registered with KRA (eTIMS `saveItem`) through this till's device:
-- KRA takes a sale only of items it knows. `item_id` is '' for the
-- delivery fee. `code` is this till's own (`KE2NTU` and a sequence with
-- the till's digit); registered again when the band, name or price
-- changed. The shop's item classification code (KRA's list) is on the
-- device row.
ALTER TABLE tax_device ADD COLUMN item_class TEXT NOT NULL DEFAULT '';

CREATE TABLE tax_items (
    item_id       TEXT PRIMARY KEY NOT NULL,
    code          TEXT NOT NULL UNIQUE,
    band          TEXT NOT NULL CHECK (band IN ('A', 'B', 'C', 'D', 'E')),
    name          TEXT NOT NULL,
    price_minor   INTEGER NOT NULL,
    device        TEXT NOT NULL,
    registered_at INTEGER NOT NULL
) STRICT;

INSERT INTO counters (name, value) VALUES ('tax_item_code', 0);
