-- Product photos: one per item (the row's id is the item's), last writer
-- wins like items; a removed photo is a tombstone (`deleted`). The body
-- carries the JPEG as base64 with its SHA-256, width and height; tills
-- check it before they take it. No customer data: erasure and the purge
-- leave photos alone.

CREATE TABLE item_photos (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    sha256         text GENERATED ALWAYS AS (body->>'sha256') STORED,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX item_photos_change ON item_photos (shop_id, change_seq);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON item_photos
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE item_photos ENABLE ROW LEVEL SECURITY;
ALTER TABLE item_photos FORCE ROW LEVEL SECURITY;
CREATE POLICY server_tenant ON item_photos TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON item_photos TO CURRENT_USER USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON item_photos TO dukadesk_server;

-- Everything a till pulls, now with the photos.
CREATE OR REPLACE VIEW changes WITH (security_invoker = true) AS
          SELECT 'shop'::text AS entity, id, body, deleted, version_at, version_device, change_seq FROM shop_profiles
UNION ALL SELECT 'delivery_zone', id, body, deleted, version_at, version_device, change_seq FROM delivery_zones
UNION ALL SELECT 'category', id, body, deleted, version_at, version_device, change_seq FROM categories
UNION ALL SELECT 'item', id, body, deleted, version_at, version_device, change_seq FROM items
UNION ALL SELECT 'customer', id, body, deleted, version_at, version_device, change_seq FROM customers
UNION ALL SELECT 'order', id, body, deleted, version_at, version_device, change_seq FROM orders
UNION ALL SELECT 'payment', id, body, deleted, version_at, version_device, change_seq FROM payments
UNION ALL SELECT 'stock_movement', id, body, deleted, version_at, version_device, change_seq FROM stock_movements
UNION ALL SELECT 'cash_up', id, body, deleted, version_at, version_device, change_seq FROM cash_ups
UNION ALL SELECT 'credit_payment', id, body, deleted, version_at, version_device, change_seq FROM credit_payments
UNION ALL SELECT 'item_photo', id, body, deleted, version_at, version_device, change_seq FROM item_photos;
