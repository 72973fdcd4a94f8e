-- A push and a pull in fewer statements, with the same rules.
--
-- Measured with 300 tills on one server (pg_stat_statements): a pull read
-- the `changes` view, fourteen tables each with its own row-level security
-- check of the device (fourteen look-ups of `devices` a pull, more time
-- than its rows); a push called `sync_begin()` and `sync_ack()`, two round
-- trips and two updates of the device's row.
--
-- 1. `sync_push_begin(up_to)`: one call before a push's rows. It checks the
--    device, takes the shop's upload lock, reads the applied seq (what the
--    push skips as a replay) and records the new one, and announces the
--    push (NOTIFY is delivered at commit, so a push that fails announces
--    nothing; a push that brings nothing new announces nothing either).
--    The rows and the acknowledgement still commit or fail together.
-- 2. `sync_pull(credential, after, page, max_bytes)`: a pull in one
--    statement, outside any transaction of the server's. The till is found
--    by its credential's hash (only the server's login, only while the
--    device is not revoked: refused with 42501 otherwise) and the page read
--    by the definer, every table filtered by that till's shop. The definer
--    may read the synced tables for this, and only this function reads
--    them as the definer.
-- 3. `server_tenant(credential)`: the tenant of a transaction from the
--    till's credential, checked in the database on every request (the
--    server may remember which shop a credential belongs to, to share its
--    pool fairly, without trusting that memory for access): sets the
--    settings every policy reads, or empties them for an unknown or
--    revoked credential, so the transaction then sees and writes nothing.
--
-- `sync_begin()`, `sync_ack()` and the `changes` view stay for a server of
-- the version before.
--
-- 4. Schema 4: an order may be paid on delivery, and a reseller's
--    commission may cover one item or category. A till of schema 3 would
--    read such an order as waiting for its money (and take it before the
--    hand-over) and such a commission as on everything, so the server
--    tells it to update before it syncs again.
CREATE OR REPLACE FUNCTION hosted_schema_version() RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT 4 $$;

CREATE FUNCTION sync_push_begin(up_to bigint) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    shop pg_catalog.uuid := public.current_shop_id();
    me pg_catalog.uuid := public.current_device_id();
    applied pg_catalog.int8;
BEGIN
    IF shop IS NULL OR me IS NULL THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('dukadesk-shop:' || shop::pg_catalog.text, 0));
    -- Read after the lock: this device's pushes go one at a time.
    SELECT d.applied_seq INTO applied FROM public.devices d WHERE d.id = me;
    UPDATE public.devices
        SET last_seen_at = pg_catalog.now(),
            applied_seq = GREATEST(applied_seq, up_to)
        WHERE id = me;
    IF up_to > applied THEN
        PERFORM pg_catalog.pg_notify(
            'dukadesk_' || pg_catalog.replace(shop::pg_catalog.text, '-', ''), me::pg_catalog.text);
    END IF;
    RETURN applied;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['shop_profiles', 'delivery_zones', 'categories', 'items',
                             'customers', 'orders', 'payments', 'stock_movements', 'cash_ups',
                             'credit_payments', 'item_photos', 'resellers', 'reseller_credits',
                             'reseller_payouts']
    LOOP
        EXECUTE format('GRANT SELECT ON %I TO dukadesk_definer', t);
        EXECUTE format('DROP POLICY IF EXISTS definer_read ON %I', t);
        EXECUTE format('CREATE POLICY definer_read ON %I FOR SELECT TO dukadesk_definer USING (true)', t);
    END LOOP;
END
$$;

CREATE FUNCTION server_tenant(credential_hash bytea) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    shop pg_catalog.uuid;
    me pg_catalog.uuid;
BEGIN
    IF session_user = 'dukadesk_server' THEN
        SELECT d.shop_id, d.id INTO shop, me
        FROM public.device_credentials c
        JOIN public.devices d ON d.shop_id = c.shop_id AND d.id = c.device_id
        WHERE c.hash = credential_hash AND d.revoked_at IS NULL;
    END IF;
    PERFORM pg_catalog.set_config('dukadesk.shop_id', COALESCE(shop::pg_catalog.text, ''), true);
    PERFORM pg_catalog.set_config('dukadesk.device_id', COALESCE(me::pg_catalog.text, ''), true);
    RETURN shop IS NOT NULL;
END
$$;

CREATE FUNCTION sync_pull(credential_hash bytea, after bigint, page bigint, max_bytes bigint)
    RETURNS TABLE (entity text, id uuid, body jsonb, deleted boolean, version_at timestamptz,
                   version_device uuid, change_seq bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    -- Planned once per session: a custom plan of fourteen tables for every
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

-- Owned by the definer as the others (0004), which may create in the schema
-- only for this.
GRANT CREATE ON SCHEMA public TO dukadesk_definer;
ALTER FUNCTION sync_push_begin(bigint) OWNER TO dukadesk_definer;
ALTER FUNCTION server_tenant(bytea) OWNER TO dukadesk_definer;
ALTER FUNCTION sync_pull(bytea, bigint, bigint, bigint) OWNER TO dukadesk_definer;
REVOKE CREATE ON SCHEMA public FROM dukadesk_definer;
REVOKE ALL ON FUNCTION sync_push_begin(bigint), sync_pull(bytea, bigint, bigint, bigint),
    server_tenant(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync_push_begin(bigint), sync_pull(bytea, bigint, bigint, bigint),
    server_tenant(bytea) TO dukadesk_server;
