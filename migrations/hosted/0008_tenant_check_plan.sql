-- The tenant check, planned once per session instead of once per call.
--
-- `current_shop_id()` and `current_device_id()` are called by every
-- row-level security policy a statement touches (the `changes` view a
-- pull reads has eight) and by the upload functions. As SQL functions
-- that cannot be inlined (SECURITY DEFINER), their query was planned again
-- on every call; in PL/pgSQL the plan is cached for the session. The rule
-- is unchanged: only the server's login, only a device of the shop it set,
-- only while that device is not revoked.

CREATE OR REPLACE FUNCTION current_shop_id() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF session_user <> 'dukadesk_server' THEN
        RETURN NULL;
    END IF;
    RETURN (SELECT d.shop_id FROM public.devices d
            WHERE d.id = NULLIF(pg_catalog.current_setting('dukadesk.device_id', true), '')::pg_catalog.uuid
              AND d.shop_id = NULLIF(pg_catalog.current_setting('dukadesk.shop_id', true), '')::pg_catalog.uuid
              AND d.revoked_at IS NULL);
END
$$;

CREATE OR REPLACE FUNCTION current_device_id() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF session_user <> 'dukadesk_server' THEN
        RETURN NULL;
    END IF;
    RETURN (SELECT d.id FROM public.devices d
            WHERE d.id = NULLIF(pg_catalog.current_setting('dukadesk.device_id', true), '')::pg_catalog.uuid
              AND d.shop_id = NULLIF(pg_catalog.current_setting('dukadesk.shop_id', true), '')::pg_catalog.uuid
              AND d.revoked_at IS NULL);
END
$$;

-- The same for the other functions called once per row or per request:
-- a purge's watermark (per order and payment uploaded), a customer's
-- erasure (per order and payment), a credential's device (per request).

CREATE OR REPLACE FUNCTION purged_before(shop uuid) RETURNS timestamptz
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN (SELECT pg_catalog.max(p.cutoff) FROM public.order_purges p WHERE p.shop_id = shop);
END
$$;

CREATE OR REPLACE FUNCTION customer_is_erased(shop uuid, customer text) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF customer IS NULL
       OR customer !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT 1 FROM public.customers c
                   WHERE c.shop_id = shop AND c.id = customer::pg_catalog.uuid
                     AND (c.body->>'erased_at') IS NOT NULL);
END
$$;

CREATE OR REPLACE FUNCTION server_device(credential_hash bytea)
    RETURNS TABLE (shop_id uuid, device_id uuid, revoked boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF session_user <> 'dukadesk_server' THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT d.shop_id, d.id, d.revoked_at IS NOT NULL
        FROM public.device_credentials c
        JOIN public.devices d ON d.shop_id = c.shop_id AND d.id = c.device_id
        WHERE c.hash = credential_hash;
END
$$;
