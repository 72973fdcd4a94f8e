-- Hardening, and the first part of the DukaDesk server (`dukadesk-server`).
--
-- 1. No session can shadow what the SECURITY DEFINER functions use: every
--    one pins `search_path = pg_catalog, public, pg_temp` (pg_temp last:
--    left out, PostgreSQL searches it FIRST for types and tables) and names
--    its types and tables schema-qualified; TEMPORARY on the database is
--    revoked from PUBLIC, so a till cannot create temporary objects at all.
-- 2. The functions are owned by `dukadesk_definer`, a NOLOGIN role without
--    CREATEROLE, holding only the rights they need. One exception:
--    `complete_enrolment` sets a till's login to never expire, which only a
--    role with CREATEROLE may do; it stays with the migrating owner until
--    direct database mode (each till its own login) is removed.
-- 3. The server: `dukadesk_server` (given LOGIN and a password by
--    `dukadesk-server migrate`) reaches a shop's rows only through the
--    settings `dukadesk.shop_id` and `dukadesk.device_id`, which it sets per
--    transaction; a setting counts only when `session_user` is that role and
--    the device is enrolled in that shop and not revoked. A till's own login
--    gains nothing from setting them. Device credentials are stored as
--    SHA-256 hashes; enrolment codes too.
--
-- Tills in direct mode see no change, so `hosted_schema_version()` stays 2.

-- The functions' owner.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dukadesk_definer') THEN
        CREATE ROLE dukadesk_definer NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dukadesk_server') THEN
        CREATE ROLE dukadesk_server NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
    END IF;
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM dukadesk_definer', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO dukadesk_server', current_database());
END
$$;
-- ALTER ... OWNER needs the migrating owner to be a member of the new owner
-- (CREATEROLE allows granting it) and the new owner to hold CREATE on the
-- schema; CREATE is taken back at the end.
GRANT dukadesk_definer TO CURRENT_USER;
GRANT USAGE, CREATE ON SCHEMA public TO dukadesk_definer;
GRANT USAGE ON SCHEMA public TO dukadesk_server;

-- What the functions read and write, and nothing else.
GRANT SELECT, UPDATE ON devices TO dukadesk_definer;
GRANT SELECT ON shops, order_purges, orders TO dukadesk_definer;
GRANT SELECT, INSERT, UPDATE, DELETE ON bot_leases TO dukadesk_definer;
GRANT USAGE ON SEQUENCE change_seq TO dukadesk_definer;
CREATE POLICY definer_all ON devices TO dukadesk_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_all ON shops TO dukadesk_definer USING (true);
CREATE POLICY definer_all ON order_purges TO dukadesk_definer USING (true);
CREATE POLICY definer_all ON orders TO dukadesk_definer USING (true);
CREATE POLICY definer_all ON bot_leases TO dukadesk_definer USING (true) WITH CHECK (true);

-- Tills enrolled with the server have no login of their own.
ALTER TABLE devices ALTER COLUMN role_name DROP NOT NULL;
-- SHA-256 of the one-time enrolment code (server enrolment only).
ALTER TABLE devices ADD COLUMN enrol_code_hash bytea UNIQUE CHECK (length(enrol_code_hash) = 32);

-- A device's credential: only its SHA-256 is kept; the till holds the
-- credential itself. One per device.
CREATE TABLE device_credentials (
    hash       bytea PRIMARY KEY CHECK (length(hash) = 32),
    shop_id    uuid NOT NULL,
    device_id  uuid NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (shop_id, device_id) REFERENCES devices (shop_id, id)
);
ALTER TABLE device_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE device_credentials FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON device_credentials TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY definer_all ON device_credentials TO dukadesk_definer USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON device_credentials TO dukadesk_definer;

-- The shop of the caller: a till's own login (direct mode), or the
-- server's login with the shop and device it set for this transaction.
-- NULL for anyone else, and for a revoked device.
CREATE OR REPLACE FUNCTION current_shop_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN session_user = 'dukadesk_server' THEN
        (SELECT d.shop_id FROM public.devices d
         WHERE d.id = NULLIF(pg_catalog.current_setting('dukadesk.device_id', true), '')::pg_catalog.uuid
           AND d.shop_id = NULLIF(pg_catalog.current_setting('dukadesk.shop_id', true), '')::pg_catalog.uuid
           AND d.revoked_at IS NULL)
    ELSE
        (SELECT d.shop_id FROM public.devices d
         WHERE d.role_name = session_user AND d.revoked_at IS NULL)
    END
$$;

CREATE OR REPLACE FUNCTION current_device_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN session_user = 'dukadesk_server' THEN
        (SELECT d.id FROM public.devices d
         WHERE d.id = NULLIF(pg_catalog.current_setting('dukadesk.device_id', true), '')::pg_catalog.uuid
           AND d.shop_id = NULLIF(pg_catalog.current_setting('dukadesk.shop_id', true), '')::pg_catalog.uuid
           AND d.revoked_at IS NULL)
    ELSE
        (SELECT d.id FROM public.devices d
         WHERE d.role_name = session_user AND d.revoked_at IS NULL)
    END
$$;

CREATE OR REPLACE FUNCTION stamp_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    NEW.change_seq := pg_catalog.nextval('public.change_seq'::pg_catalog.regclass);
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION sync_begin() RETURNS bigint
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
    UPDATE public.devices SET last_seen_at = pg_catalog.now()
        WHERE id = me RETURNING applied_seq INTO applied;
    RETURN applied;
END
$$;

CREATE OR REPLACE FUNCTION sync_ack(seq bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    shop pg_catalog.uuid := public.current_shop_id();
    me pg_catalog.uuid := public.current_device_id();
BEGIN
    IF shop IS NULL OR me IS NULL THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    UPDATE public.devices SET applied_seq = GREATEST(applied_seq, seq)
        WHERE id = me;
    PERFORM pg_catalog.pg_notify(
        'dukadesk_' || pg_catalog.replace(shop::pg_catalog.text, '-', ''), me::pg_catalog.text);
END
$$;

CREATE OR REPLACE FUNCTION sync_channel() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT 'dukadesk_' || pg_catalog.replace(public.current_shop_id()::pg_catalog.text, '-', '')
$$;

CREATE OR REPLACE FUNCTION complete_enrolment(new_password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF public.current_shop_id() IS NULL OR session_user = 'dukadesk_server' THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    IF pg_catalog.length(new_password) < 32 THEN
        RAISE EXCEPTION 'password too short' USING ERRCODE = '22023';
    END IF;
    IF (SELECT d.first_seen_at FROM public.devices d WHERE d.role_name = session_user) IS NOT NULL THEN
        RAISE EXCEPTION 'this enrolment string was already used' USING ERRCODE = '42501';
    END IF;
    EXECUTE pg_catalog.format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L',
                              session_user, new_password, 'infinity');
    UPDATE public.devices SET first_seen_at = pg_catalog.now(), last_seen_at = pg_catalog.now()
        WHERE role_name = session_user;
END
$$;

CREATE OR REPLACE FUNCTION take_bot_lease(ttl_seconds integer)
    RETURNS TABLE (device_id uuid, device_label text, expires_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    shop pg_catalog.uuid := public.current_shop_id();
    me pg_catalog.uuid := public.current_device_id();
    my_label pg_catalog.text;
BEGIN
    IF shop IS NULL OR me IS NULL THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    SELECT d.label INTO my_label FROM public.devices d WHERE d.id = me;
    INSERT INTO public.bot_leases AS l (shop_id, device_id, device_label, expires_at)
    VALUES (shop, me, my_label, pg_catalog.now() + pg_catalog.make_interval(secs => ttl_seconds))
    ON CONFLICT (shop_id) DO UPDATE
        SET device_id = EXCLUDED.device_id, device_label = EXCLUDED.device_label,
            expires_at = EXCLUDED.expires_at
        WHERE l.device_id = EXCLUDED.device_id OR l.expires_at < pg_catalog.now();
    RETURN QUERY SELECT l.device_id, l.device_label, l.expires_at
        FROM public.bot_leases l WHERE l.shop_id = shop;
END
$$;

CREATE OR REPLACE FUNCTION release_bot_lease() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    DELETE FROM public.bot_leases
    WHERE shop_id = public.current_shop_id() AND device_id = public.current_device_id()
$$;

CREATE OR REPLACE FUNCTION purged_before(shop uuid) RETURNS timestamptz
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT pg_catalog.max(p.cutoff) FROM public.order_purges p WHERE p.shop_id = shop
$$;

CREATE OR REPLACE FUNCTION skip_purged_order() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF (NEW.body->>'created_at')::pg_catalog.timestamptz < public.purged_before(NEW.shop_id) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION skip_purged_payment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF (NEW.body->>'created_at')::pg_catalog.timestamptz < public.purged_before(NEW.shop_id)
       AND NOT EXISTS (SELECT 1 FROM public.orders o
                       WHERE o.shop_id = NEW.shop_id
                         AND o.id = (NEW.body->>'order_id')::pg_catalog.uuid) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;

-- The server's own functions. Only `dukadesk_server` may run them, and
-- they check that it is the caller.

-- The device a credential hash belongs to (revoked or not), or no row.
CREATE FUNCTION server_device(credential_hash bytea)
    RETURNS TABLE (shop_id uuid, device_id uuid, revoked boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT d.shop_id, d.id, d.revoked_at IS NOT NULL
    FROM public.device_credentials c
    JOIN public.devices d ON d.shop_id = c.shop_id AND d.id = c.device_id
    WHERE c.hash = credential_hash AND session_user = 'dukadesk_server'
$$;

-- Exchanges a one-time enrolment code (its hash) for a device credential
-- (its hash). `outcome` is ok, unknown, expired, used or revoked; the
-- device's details come with ok only.
CREATE FUNCTION server_enrol(code_hash bytea, credential_hash bytea)
    RETURNS TABLE (outcome text, shop_id uuid, shop_name text, device_id uuid,
                   device_no smallint, label text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    d public.devices%ROWTYPE;
BEGIN
    IF session_user <> 'dukadesk_server' THEN
        RAISE EXCEPTION 'only the DukaDesk server enrols devices' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO d FROM public.devices x WHERE x.enrol_code_hash = code_hash FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unknown'::pg_catalog.text, NULL::pg_catalog.uuid, NULL::pg_catalog.text,
            NULL::pg_catalog.uuid, NULL::pg_catalog.int2, NULL::pg_catalog.text;
        RETURN;
    END IF;
    IF d.revoked_at IS NOT NULL THEN
        outcome := 'revoked';
    ELSIF d.first_seen_at IS NOT NULL THEN
        outcome := 'used';
    ELSIF d.enrol_expires < pg_catalog.now() THEN
        outcome := 'expired';
    ELSE
        outcome := 'ok';
    END IF;
    IF outcome <> 'ok' THEN
        RETURN QUERY SELECT outcome, NULL::pg_catalog.uuid, NULL::pg_catalog.text,
            NULL::pg_catalog.uuid, NULL::pg_catalog.int2, NULL::pg_catalog.text;
        RETURN;
    END IF;
    INSERT INTO public.device_credentials (hash, shop_id, device_id)
        VALUES (credential_hash, d.shop_id, d.id);
    UPDATE public.devices SET first_seen_at = pg_catalog.now(), last_seen_at = pg_catalog.now()
        WHERE id = d.id;
    RETURN QUERY SELECT 'ok'::pg_catalog.text, d.shop_id, s.name, d.id, d.device_no, d.label
        FROM public.shops s WHERE s.id = d.shop_id;
END
$$;

-- Of `ids`, the devices that are revoked (or unknown): the server closes
-- their live streams when it may have missed a revocation.
CREATE FUNCTION server_revoked(ids uuid[]) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT i FROM pg_catalog.unnest(ids) AS i
    WHERE session_user = 'dukadesk_server'
      AND NOT EXISTS (SELECT 1 FROM public.devices d WHERE d.id = i AND d.revoked_at IS NULL)
$$;

ALTER FUNCTION current_shop_id() OWNER TO dukadesk_definer;
ALTER FUNCTION current_device_id() OWNER TO dukadesk_definer;
ALTER FUNCTION stamp_change() OWNER TO dukadesk_definer;
ALTER FUNCTION sync_begin() OWNER TO dukadesk_definer;
ALTER FUNCTION sync_ack(bigint) OWNER TO dukadesk_definer;
ALTER FUNCTION sync_channel() OWNER TO dukadesk_definer;
ALTER FUNCTION take_bot_lease(integer) OWNER TO dukadesk_definer;
ALTER FUNCTION release_bot_lease() OWNER TO dukadesk_definer;
ALTER FUNCTION purged_before(uuid) OWNER TO dukadesk_definer;
ALTER FUNCTION skip_purged_order() OWNER TO dukadesk_definer;
ALTER FUNCTION skip_purged_payment() OWNER TO dukadesk_definer;
ALTER FUNCTION server_device(bytea) OWNER TO dukadesk_definer;
ALTER FUNCTION server_enrol(bytea, bytea) OWNER TO dukadesk_definer;
ALTER FUNCTION server_revoked(uuid[]) OWNER TO dukadesk_definer;
-- The owner stays a member, so later migrations can replace them.
REVOKE CREATE ON SCHEMA public FROM dukadesk_definer;

REVOKE ALL ON FUNCTION server_device(bytea), server_enrol(bytea, bytea), server_revoked(uuid[])
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION server_device(bytea), server_enrol(bytea, bytea), server_revoked(uuid[])
    TO dukadesk_server;

-- The server: what a till's role may do, for the shop it set.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['shop_profiles', 'delivery_zones', 'categories', 'items',
                             'customers', 'orders', 'payments']
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO dukadesk_server', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['shop_profiles', 'delivery_zones', 'categories', 'items',
                             'customers', 'orders', 'order_items', 'payments', 'bot_leases']
    LOOP
        EXECUTE format('CREATE POLICY server_tenant ON %I TO dukadesk_server
                        USING (shop_id = (SELECT current_shop_id()))
                        WITH CHECK (shop_id = (SELECT current_shop_id()))', t);
    END LOOP;
END
$$;
CREATE POLICY server_tenant ON shops TO dukadesk_server USING (id = (SELECT current_shop_id()));
CREATE POLICY server_tenant ON devices TO dukadesk_server USING (shop_id = (SELECT current_shop_id()));
GRANT SELECT ON shops TO dukadesk_server;
GRANT SELECT (shop_id, id, label, device_no, enrolled_at, last_seen_at, revoked_at)
    ON devices TO dukadesk_server;
GRANT SELECT, INSERT ON order_items TO dukadesk_server;
GRANT SELECT ON bot_leases TO dukadesk_server;
GRANT SELECT ON changes TO dukadesk_server;
GRANT EXECUTE ON FUNCTION hosted_schema_version(), current_shop_id(), current_device_id(),
    order_rank(jsonb), payment_rank(jsonb), sync_begin(), sync_ack(bigint),
    take_bot_lease(integer), release_bot_lease(), scrub_order_body(jsonb),
    customer_is_erased(uuid, text)
    TO dukadesk_server;
