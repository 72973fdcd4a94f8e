-- Repayments of credit (madeni): money a customer paid back, in cash or by
-- M-Pesa, with who took it. Only ever inserted, like stock movements and
-- cash-ups: the first version of an id the server receives stays. The
-- customer is named by id only (no phone, no name): erasure leaves them
-- alone. A customer's credit limit travels in the customer's body.

CREATE TABLE credit_payments (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false CHECK (NOT deleted),
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    customer_id    uuid GENERATED ALWAYS AS ((body->>'customer_id')::uuid) STORED,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX credit_payments_change ON credit_payments (shop_id, change_seq);
CREATE INDEX credit_payments_customer ON credit_payments (shop_id, customer_id);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON credit_payments
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE credit_payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE credit_payments FORCE ROW LEVEL SECURITY;
CREATE POLICY server_tenant ON credit_payments TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON credit_payments TO CURRENT_USER USING (true) WITH CHECK (true);
-- Insert-only: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON credit_payments TO dukadesk_server;

-- Everything a till pulls, now with the repayments.
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
UNION ALL SELECT 'credit_payment', id, body, deleted, version_at, version_device, change_seq FROM credit_payments;
