-- DukaDesk's hosted database: every till of every shop syncs here.
--
-- Each shop is a tenant. Each till logs in as its own role; row-level
-- security derives the shop from that login (session_user, looked up in
-- `devices` by SECURITY DEFINER functions), never from anything a client can
-- set. Tenant rows carry the till's JSON (`body`) plus the columns the
-- conflict rules and reports need, generated from it. `change_seq` is
-- assigned by the server at write time and is what tills pull by.
--
-- Applied by `dukadesk-admin migrate` as the database owner, which needs
-- CREATEROLE (device roles are created and revoked by the admin command).

REVOKE ALL ON SCHEMA public FROM PUBLIC;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dukadesk_device') THEN
        CREATE ROLE dukadesk_device NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO dukadesk_device;

CREATE FUNCTION hosted_schema_version() RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;

CREATE TABLE shops (
    id         uuid PRIMARY KEY,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
    shop_id       uuid NOT NULL REFERENCES shops (id),
    id            uuid NOT NULL,
    role_name     name NOT NULL UNIQUE,
    label         text NOT NULL,
    -- The last digit of this till's order numbers (1-9), so tills never
    -- hand out the same number.
    device_no     smallint NOT NULL CHECK (device_no BETWEEN 1 AND 9),
    -- The highest outbox seq of this till already applied: a replayed batch
    -- applies nothing twice.
    applied_seq   bigint NOT NULL DEFAULT 0,
    enrolled_at   timestamptz NOT NULL DEFAULT now(),
    enrol_expires timestamptz NOT NULL,
    first_seen_at timestamptz,
    last_seen_at  timestamptz,
    revoked_at    timestamptz,
    PRIMARY KEY (shop_id, id),
    UNIQUE (id)
);
CREATE UNIQUE INDEX devices_active_no ON devices (shop_id, device_no) WHERE revoked_at IS NULL;

-- The shop of the logged-in till, or NULL for anyone else.
CREATE FUNCTION current_shop_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT shop_id FROM public.devices WHERE role_name = session_user AND revoked_at IS NULL
$$;

CREATE FUNCTION current_device_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT id FROM public.devices WHERE role_name = session_user AND revoked_at IS NULL
$$;

CREATE SEQUENCE change_seq;

CREATE FUNCTION stamp_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    NEW.change_seq := nextval('public.change_seq');
    RETURN NEW;
END
$$;

-- Order of an order's status: it only moves forward.
CREATE FUNCTION order_rank(body jsonb) RETURNS smallint
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE body->>'status'
        WHEN 'Draft' THEN 0
        WHEN 'AwaitingPayment' THEN 1
        WHEN 'PaymentFailed' THEN 1
        WHEN 'Paid' THEN 2
        WHEN 'Preparing' THEN 3
        WHEN 'OutForDelivery' THEN 4
        WHEN 'Delivered' THEN 5
        WHEN 'Cancelled' THEN 5
        ELSE 0 END::smallint
$$;

-- Order of a payment attempt's state: final states never change.
CREATE FUNCTION payment_rank(body jsonb) RETURNS smallint
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE body->>'state'
        WHEN 'Pending' THEN 0
        WHEN 'Unknown' THEN 1
        WHEN 'Failed' THEN 2
        WHEN 'Succeeded' THEN 2
        ELSE 0 END::smallint
$$;

-- Tenant tables. Every key starts with shop_id.
CREATE TABLE shop_profiles (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    name           text GENERATED ALWAYS AS (body->>'name') STORED,
    PRIMARY KEY (shop_id, id)
);

CREATE TABLE delivery_zones (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    name           text GENERATED ALWAYS AS (body->>'name') STORED,
    fee_minor      bigint GENERATED ALWAYS AS ((body->'fee'->>'minor')::bigint) STORED,
    PRIMARY KEY (shop_id, id)
);

CREATE TABLE categories (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    name           text GENERATED ALWAYS AS (body->>'name') STORED,
    PRIMARY KEY (shop_id, id)
);

CREATE TABLE items (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    name           text GENERATED ALWAYS AS (body->>'name') STORED,
    price_minor    bigint GENERATED ALWAYS AS ((body->'price'->>'minor')::bigint) STORED,
    archived       boolean GENERATED ALWAYS AS ((body->>'archived')::boolean) STORED,
    PRIMARY KEY (shop_id, id)
);

CREATE TABLE customers (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    phone          text GENERATED ALWAYS AS (body->>'phone') STORED,
    PRIMARY KEY (shop_id, id)
);

CREATE TABLE orders (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    number         bigint GENERATED ALWAYS AS ((body->>'number')::bigint) STORED,
    status         text GENERATED ALWAYS AS (body->>'status') STORED,
    status_rank    smallint GENERATED ALWAYS AS (order_rank(body)) STORED,
    total_minor    bigint GENERATED ALWAYS AS ((body->'total'->>'minor')::bigint) STORED,
    currency       text GENERATED ALWAYS AS (body->'total'->>'currency') STORED,
    PRIMARY KEY (shop_id, id)
);
CREATE INDEX orders_number ON orders (shop_id, number);

-- The lines of each order, written once when the order first arrives.
CREATE TABLE order_items (
    shop_id          uuid NOT NULL,
    order_id         uuid NOT NULL,
    position         integer NOT NULL,
    item_id          uuid NOT NULL,
    name             text NOT NULL,
    unit_price_minor bigint NOT NULL,
    qty              integer NOT NULL CHECK (qty > 0),
    PRIMARY KEY (shop_id, order_id, position),
    FOREIGN KEY (shop_id, order_id) REFERENCES orders (shop_id, id)
);

CREATE TABLE payments (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    order_id       uuid GENERATED ALWAYS AS ((body->>'order_id')::uuid) STORED,
    state          text GENERATED ALWAYS AS (body->>'state') STORED,
    amount_minor   bigint GENERATED ALWAYS AS ((body->'amount'->>'minor')::bigint) STORED,
    receipt        text GENERATED ALWAYS AS (body->>'receipt') STORED,
    PRIMARY KEY (shop_id, id)
);
-- An M-Pesa receipt code is money that moved once: one payment per code.
CREATE UNIQUE INDEX payments_receipt ON payments (shop_id, receipt) WHERE receipt IS NOT NULL;

CREATE FUNCTION write_order_items() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_items (shop_id, order_id, position, item_id, name, unit_price_minor, qty)
    SELECT NEW.shop_id, NEW.id, (l.ord - 1)::integer, (l.line->>'item_id')::uuid, l.line->>'name',
           (l.line->'unit_price'->>'minor')::bigint, (l.line->>'qty')::integer
    FROM jsonb_array_elements(NEW.body->'lines') WITH ORDINALITY AS l(line, ord)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER orders_items AFTER INSERT ON orders
    FOR EACH ROW EXECUTE FUNCTION write_order_items();

-- Which till runs the WhatsApp bot: one per shop, held until it expires.
CREATE TABLE bot_leases (
    shop_id      uuid PRIMARY KEY REFERENCES shops (id),
    device_id    uuid NOT NULL,
    device_label text NOT NULL,
    expires_at   timestamptz NOT NULL
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['shop_profiles', 'delivery_zones', 'categories', 'items',
                             'customers', 'orders', 'payments']
    LOOP
        EXECUTE format('CREATE INDEX %I ON %I (shop_id, change_seq)', t || '_change', t);
        EXECUTE format('CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION stamp_change()', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO dukadesk_device', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['shop_profiles', 'delivery_zones', 'categories', 'items',
                             'customers', 'orders', 'order_items', 'payments', 'bot_leases']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        -- (SELECT ...) makes the shop an InitPlan: looked up once per
        -- statement, not once per row.
        EXECUTE format('CREATE POLICY tenant ON %I TO dukadesk_device
                        USING (shop_id = (SELECT current_shop_id()))
                        WITH CHECK (shop_id = (SELECT current_shop_id()))', t);
        EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
    END LOOP;
END
$$;

-- Tills may read their own shop and its devices; nothing else. Policies
-- name their roles: the owner (the admin command, and the SECURITY DEFINER
-- functions that run as it) sees every row, device roles their shop's.
ALTER TABLE shops ENABLE ROW LEVEL SECURITY;
ALTER TABLE shops FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON shops TO dukadesk_device USING (id = (SELECT current_shop_id()));
ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE devices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON devices TO dukadesk_device USING (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON shops TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON devices TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT ON shops TO dukadesk_device;
GRANT SELECT (shop_id, id, label, device_no, enrolled_at, last_seen_at, revoked_at)
    ON devices TO dukadesk_device;
GRANT SELECT, INSERT ON order_items TO dukadesk_device;
GRANT SELECT ON bot_leases TO dukadesk_device;

-- Everything a till pulls, in server order. security_invoker keeps the
-- tables' row-level security in force for the caller.
CREATE VIEW changes WITH (security_invoker = true) AS
          SELECT 'shop'::text AS entity, id, body, deleted, version_at, version_device, change_seq FROM shop_profiles
UNION ALL SELECT 'delivery_zone', id, body, deleted, version_at, version_device, change_seq FROM delivery_zones
UNION ALL SELECT 'category', id, body, deleted, version_at, version_device, change_seq FROM categories
UNION ALL SELECT 'item', id, body, deleted, version_at, version_device, change_seq FROM items
UNION ALL SELECT 'customer', id, body, deleted, version_at, version_device, change_seq FROM customers
UNION ALL SELECT 'order', id, body, deleted, version_at, version_device, change_seq FROM orders
UNION ALL SELECT 'payment', id, body, deleted, version_at, version_device, change_seq FROM payments;
GRANT SELECT ON changes TO dukadesk_device;

-- Starts an upload: serialises the shop's writers (so change_seq order is
-- commit order within a shop and a pull cursor never skips a row) and
-- returns the till's last applied outbox seq.
CREATE FUNCTION sync_begin() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    shop uuid := public.current_shop_id();
    applied bigint;
BEGIN
    IF shop IS NULL THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('dukadesk-shop:' || shop::text, 0));
    UPDATE public.devices SET last_seen_at = now()
        WHERE role_name = session_user RETURNING applied_seq INTO applied;
    RETURN applied;
END
$$;

-- Ends an upload: records the applied outbox seq (same transaction as the
-- rows) and wakes the shop's other tills at commit.
CREATE FUNCTION sync_ack(seq bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    shop uuid := public.current_shop_id();
    device uuid := public.current_device_id();
BEGIN
    IF shop IS NULL THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    UPDATE public.devices SET applied_seq = greatest(applied_seq, seq)
        WHERE role_name = session_user;
    PERFORM pg_notify('dukadesk_' || replace(shop::text, '-', ''), device::text);
END
$$;

-- Where a till waits for changes (LISTEN).
CREATE FUNCTION sync_channel() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT 'dukadesk_' || replace(public.current_shop_id()::text, '-', '')
$$;

-- First login of a newly enrolled till: swap the one-time password for the
-- till's own, so the enrolment string cannot be used again.
CREATE FUNCTION complete_enrolment(new_password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF public.current_shop_id() IS NULL THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    IF length(new_password) < 32 THEN
        RAISE EXCEPTION 'password too short' USING ERRCODE = '22023';
    END IF;
    IF (SELECT first_seen_at FROM public.devices WHERE role_name = session_user) IS NOT NULL THEN
        RAISE EXCEPTION 'this enrolment string was already used' USING ERRCODE = '42501';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', session_user, new_password, 'infinity');
    UPDATE public.devices SET first_seen_at = now(), last_seen_at = now()
        WHERE role_name = session_user;
END
$$;

-- Takes (or renews) the shop's bot lease for `ttl_seconds` if it is free,
-- expired, already ours, or `take_over` is asked for and it has expired.
-- Returns the holder after the attempt.
CREATE FUNCTION take_bot_lease(ttl_seconds integer)
    RETURNS TABLE (device_id uuid, device_label text, expires_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    shop uuid := public.current_shop_id();
    me uuid := public.current_device_id();
    my_label text;
BEGIN
    IF shop IS NULL THEN
        RAISE EXCEPTION 'this login is not an enrolled till' USING ERRCODE = '42501';
    END IF;
    SELECT label INTO my_label FROM public.devices WHERE id = me;
    INSERT INTO public.bot_leases AS l (shop_id, device_id, device_label, expires_at)
    VALUES (shop, me, my_label, now() + make_interval(secs => ttl_seconds))
    ON CONFLICT (shop_id) DO UPDATE
        SET device_id = EXCLUDED.device_id, device_label = EXCLUDED.device_label,
            expires_at = EXCLUDED.expires_at
        WHERE l.device_id = EXCLUDED.device_id OR l.expires_at < now();
    RETURN QUERY SELECT l.device_id, l.device_label, l.expires_at
        FROM public.bot_leases l WHERE l.shop_id = shop;
END
$$;

-- Gives the lease up (on quit), so another till can take it at once.
CREATE FUNCTION release_bot_lease() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DELETE FROM public.bot_leases
    WHERE shop_id = public.current_shop_id() AND device_id = public.current_device_id()
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hosted_schema_version(), current_shop_id(), current_device_id(),
    order_rank(jsonb), payment_rank(jsonb), sync_begin(), sync_ack(bigint), sync_channel(),
    complete_enrolment(text), take_bot_lease(integer), release_bot_lease()
    TO dukadesk_device;
REVOKE ALL ON SEQUENCE change_seq FROM PUBLIC;
