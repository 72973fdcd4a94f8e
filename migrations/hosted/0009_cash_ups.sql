-- Cash-ups (Z reports): a till's drawer counted at the end of a day or
-- shift, with the cash and M-Pesa it took, the float, the count and who
-- counted. Only ever inserted, like stock movements: the first version of
-- an id the server receives stays (a recount is a new cash-up). No
-- personal data (a staff member's name at most), so erasure and the order
-- purge leave them alone.

CREATE TABLE cash_ups (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false CHECK (NOT deleted),
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX cash_ups_change ON cash_ups (shop_id, change_seq);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON cash_ups
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE cash_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE cash_ups FORCE ROW LEVEL SECURITY;
CREATE POLICY server_tenant ON cash_ups TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON cash_ups TO CURRENT_USER USING (true) WITH CHECK (true);
-- Insert-only: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON cash_ups TO dukadesk_server;

-- Everything a till pulls, now with the cash-ups.
CREATE OR REPLACE VIEW changes WITH (security_invoker = true) AS
          SELECT 'shop'::text AS entity, id, body, deleted, version_at, version_device, change_seq FROM shop_profiles
UNION ALL SELECT 'delivery_zone', id, body, deleted, version_at, version_device, change_seq FROM delivery_zones
UNION ALL SELECT 'category', id, body, deleted, version_at, version_device, change_seq FROM categories
UNION ALL SELECT 'item', id, body, deleted, version_at, version_device, change_seq FROM items
UNION ALL SELECT 'customer', id, body, deleted, version_at, version_device, change_seq FROM customers
UNION ALL SELECT 'order', id, body, deleted, version_at, version_device, change_seq FROM orders
UNION ALL SELECT 'payment', id, body, deleted, version_at, version_device, change_seq FROM payments
UNION ALL SELECT 'stock_movement', id, body, deleted, version_at, version_device, change_seq FROM stock_movements
UNION ALL SELECT 'cash_up', id, body, deleted, version_at, version_device, change_seq FROM cash_ups;
