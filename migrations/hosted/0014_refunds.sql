-- Refunds: money given back to a customer for an order, all or part of
-- it, with how (cash or M-Pesa), why and who. Only ever inserted, like
-- repayments: the first version of an id the server receives stays. The
-- order is named by id (no phone, no name): erasure leaves refunds alone,
-- and the purge of old orders takes their refunds with them.
--
-- Schema 5: a till of schema 4 would pull refunds it cannot read and count
-- refunded sales, cash and commissions in full; the server tells it to
-- update before it syncs again.

CREATE TABLE refunds (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false CHECK (NOT deleted),
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    order_id       uuid GENERATED ALWAYS AS ((body->>'order_id')::uuid) STORED,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX refunds_change ON refunds (shop_id, change_seq);
CREATE INDEX refunds_order ON refunds (shop_id, order_id);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON refunds
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY server_tenant ON refunds TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON refunds TO CURRENT_USER USING (true) WITH CHECK (true);
-- Insert-only: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON refunds TO dukadesk_server;
-- Read by sync_pull alone.
GRANT SELECT ON refunds TO dukadesk_definer;
CREATE POLICY definer_read ON refunds FOR SELECT TO dukadesk_definer USING (true);

CREATE OR REPLACE FUNCTION hosted_schema_version() RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT 5 $$;

-- Everything a till fetches, now with the refunds.
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
UNION ALL SELECT 'reseller_payout', id, body, deleted, version_at, version_device, change_seq FROM reseller_payouts
UNION ALL SELECT 'refund', id, body, deleted, version_at, version_device, change_seq FROM refunds;

-- A pull, now with the refunds (as in 0013, one more table).
DROP FUNCTION sync_pull(bytea, bigint, bigint, bigint);
CREATE FUNCTION sync_pull(credential_hash bytea, after bigint, page bigint, max_bytes bigint)
    RETURNS TABLE (entity text, id uuid, body jsonb, deleted boolean, version_at timestamptz,
                   version_device uuid, change_seq bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    -- Planned once per session: a custom plan of fifteen tables for every
    -- pull cost more than the pull.
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    till_shop pg_catalog.uuid;
BEGIN
    IF session_user = 'dukadesk_server' THEN
        SELECT d.shop_id INTO till_shop
        FROM public.device_credentials c
        JOIN public.devices d ON d.shop_id = c.shop_id AND d.id = c.device_id
        WHERE c.hash = credential_hash AND d.revoked_at IS NULL;
    END IF;
    IF till_shop IS NULL THEN
        RAISE EXCEPTION 'this till is not enrolled, or was revoked' USING ERRCODE = '42501';
    END IF;
    -- Every column below is named with its table's alias: a name that
    -- could be read as a variable as well is an error, never a guess.
    -- The page stops before max_bytes of bodies (one larger row still
    -- comes alone).
    RETURN QUERY
    SELECT s.entity, s.id, s.body, s.deleted, s.version_at, s.version_device, s.change_seq FROM (
        SELECT p.*, pg_catalog.sum(pg_catalog.pg_column_size(p.body)) OVER (ORDER BY p.change_seq)
                    - pg_catalog.pg_column_size(p.body) AS before
        FROM (SELECT c.* FROM (
                      SELECT 'shop'::pg_catalog.text AS entity, t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.shop_profiles t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'delivery_zone', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.delivery_zones t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'category', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.categories t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'item', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.items t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'customer', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.customers t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'order', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.orders t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'payment', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.payments t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'refund', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.refunds t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'stock_movement', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.stock_movements t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'cash_up', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.cash_ups t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'credit_payment', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.credit_payments t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'item_photo', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.item_photos t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'reseller', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.resellers t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'reseller_credit', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.reseller_credits t WHERE t.shop_id = till_shop AND t.change_seq > after
            UNION ALL SELECT 'reseller_payout', t.id, t.body, t.deleted, t.version_at, t.version_device, t.change_seq
                      FROM public.reseller_payouts t WHERE t.shop_id = till_shop AND t.change_seq > after
              ) c ORDER BY c.change_seq LIMIT page) p
    ) s
    WHERE s.before < max_bytes
    ORDER BY s.change_seq;
END
$$;

GRANT CREATE ON SCHEMA public TO dukadesk_definer;
ALTER FUNCTION sync_pull(bytea, bigint, bigint, bigint) OWNER TO dukadesk_definer;
REVOKE CREATE ON SCHEMA public FROM dukadesk_definer;
REVOKE ALL ON FUNCTION sync_pull(bytea, bigint, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync_pull(bytea, bigint, bigint, bigint) TO dukadesk_server;
