-- Direct database mode is gone: tills sync only through the DukaDesk
-- server (`dukadesk-server`) and hold no database login. Only the owner
-- (migrations and the admin subcommands) and `dukadesk_server` log in.
--
-- 1. Every till that had a login of its own is revoked and its login
--    dropped. Such a till enrols again with the server (Settings tells it
--    so); its unsent changes wait in its outbox until then.
-- 2. The shop and device of a session come only from the settings the
--    server sets per transaction (`current_shop_id()`); no role name maps
--    to a shop any more.
-- 3. The tills' group role `dukadesk_device` loses every right and policy
--    and is dropped (left as an empty NOLOGIN role if another database of
--    the cluster still uses it).
--
-- Tills see no change on the wire, so `hosted_schema_version()` stays 3.

DO $$
DECLARE
    r text;
BEGIN
    UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE role_name IS NOT NULL;
    DELETE FROM bot_leases l USING devices d WHERE d.id = l.device_id AND d.role_name IS NOT NULL;
    FOR r IN SELECT role_name FROM devices WHERE role_name IS NOT NULL LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('DROP ROLE %I', r);
            EXCEPTION WHEN OTHERS THEN
                EXECUTE format('ALTER ROLE %I NOLOGIN', r);
            END;
        END IF;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION current_shop_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT d.shop_id FROM public.devices d
    WHERE session_user = 'dukadesk_server'
      AND d.id = NULLIF(pg_catalog.current_setting('dukadesk.device_id', true), '')::pg_catalog.uuid
      AND d.shop_id = NULLIF(pg_catalog.current_setting('dukadesk.shop_id', true), '')::pg_catalog.uuid
      AND d.revoked_at IS NULL
$$;

CREATE OR REPLACE FUNCTION current_device_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT d.id FROM public.devices d
    WHERE session_user = 'dukadesk_server'
      AND d.id = NULLIF(pg_catalog.current_setting('dukadesk.device_id', true), '')::pg_catalog.uuid
      AND d.shop_id = NULLIF(pg_catalog.current_setting('dukadesk.shop_id', true), '')::pg_catalog.uuid
      AND d.revoked_at IS NULL
$$;

DROP FUNCTION complete_enrolment(text);
DROP FUNCTION sync_channel();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['shop_profiles', 'delivery_zones', 'categories', 'items',
                             'customers', 'orders', 'order_items', 'payments', 'bot_leases',
                             'shops', 'devices', 'stock_movements']
    LOOP
        EXECUTE format('DROP POLICY IF EXISTS tenant ON %I', t);
    END LOOP;
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM dukadesk_device;
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM dukadesk_device;
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM dukadesk_device;
    REVOKE ALL ON SCHEMA public FROM dukadesk_device;
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM dukadesk_device', current_database());
    BEGIN
        DROP ROLE dukadesk_device;
    EXCEPTION WHEN OTHERS THEN
        NULL;
    END;
END
$$;
