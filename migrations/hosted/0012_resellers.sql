-- Resellers and their commissions, synced between a shop's tills.

-- Resellers (agents, affiliates): last writer wins, like customers. The body
-- carries their name, WhatsApp number, code and commission rule.
CREATE TABLE resellers (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX resellers_change ON resellers (shop_id, change_seq);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON resellers
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE resellers ENABLE ROW LEVEL SECURITY;
ALTER TABLE resellers FORCE ROW LEVEL SECURITY;
CREATE POLICY server_tenant ON resellers TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON resellers TO CURRENT_USER USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON resellers TO dukadesk_server;

-- An order credited to a reseller (the row's id is the order's): insert-only,
-- the first version the server receives stays. Its commission counts while
-- its order is paid and not cancelled (read from the order).
CREATE TABLE reseller_credits (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false CHECK (NOT deleted),
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX reseller_credits_change ON reseller_credits (shop_id, change_seq);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON reseller_credits
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE reseller_credits ENABLE ROW LEVEL SECURITY;
ALTER TABLE reseller_credits FORCE ROW LEVEL SECURITY;
CREATE POLICY server_tenant ON reseller_credits TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON reseller_credits TO CURRENT_USER USING (true) WITH CHECK (true);
-- Insert-only: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON reseller_credits TO dukadesk_server;

-- Payouts of commission (cash or M-Pesa with its code): insert-only.
CREATE TABLE reseller_payouts (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false CHECK (NOT deleted),
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX reseller_payouts_change ON reseller_payouts (shop_id, change_seq);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON reseller_payouts
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE reseller_payouts ENABLE ROW LEVEL SECURITY;
ALTER TABLE reseller_payouts FORCE ROW LEVEL SECURITY;
CREATE POLICY server_tenant ON reseller_payouts TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON reseller_payouts TO CURRENT_USER USING (true) WITH CHECK (true);
-- Insert-only: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON reseller_payouts TO dukadesk_server;

-- Everything a till pulls, now with the resellers.
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
UNION ALL SELECT 'item_photo', id, body, deleted, version_at, version_device, change_seq FROM item_photos
UNION ALL SELECT 'reseller', id, body, deleted, version_at, version_device, change_seq FROM resellers
UNION ALL SELECT 'reseller_credit', id, body, deleted, version_at, version_device, change_seq FROM reseller_credits
UNION ALL SELECT 'reseller_payout', id, body, deleted, version_at, version_device, change_seq FROM reseller_payouts;
