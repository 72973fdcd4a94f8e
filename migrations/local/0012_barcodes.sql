-- An item's barcode, for the till's scanner. Not UNIQUE: two tills may give
-- one code to two items while offline, and a pulled item must still apply.
-- Saving refuses a code another item has; a scan takes the newest such item.
ALTER TABLE items ADD COLUMN barcode TEXT;
CREATE INDEX items_barcode ON items (barcode) WHERE barcode IS NOT NULL;
