-- Erasure follows customer merges.
--
-- Two tills that met one customer before syncing give her two ids; the
-- till that sees both keeps the smaller and sends the other as a tombstone
-- (`deleted`, body `{"id", "merged_into"}`). An order, payment or refund
-- may still arrive naming the merged-away id (taken at a till that had not
-- heard of the merge), or be here under it already. Until now only a
-- customer's own id counted as erased, so such rows kept her name, number
-- and note on the server after she was erased, while the tills scrubbed
-- them (they follow their merges).
--
-- 1. `customer_is_erased(shop, customer)` follows the merge tombstones (at
--    most eight hops: a chain a till could send in a loop ends there) to
--    the customer who stays: erased if that one is.
-- 2. When an erasure arrives, or a merge into an erased customer, the rows
--    already here under every id merged into her lose their personal data
--    too: orders and payments (`erase_customer_rows`), refunds' reasons
--    (`erase_customer_refunds`, owned by the definer as before).
--
-- No schema change: tills send and read the same rows.

CREATE OR REPLACE FUNCTION customer_is_erased(shop uuid, customer text) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    uuid_text constant pg_catalog.text :=
        '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    at pg_catalog.text := customer;
    erased boolean;
    gone boolean;
    next_id pg_catalog.text;
BEGIN
    FOR hop IN 1..8 LOOP
        IF at IS NULL OR at !~* uuid_text THEN
            RETURN false;
        END IF;
        SELECT (c.body->>'erased_at') IS NOT NULL, c.deleted, c.body->>'merged_into'
          INTO erased, gone, next_id
          FROM public.customers c
         WHERE c.shop_id = shop AND c.id = at::pg_catalog.uuid;
        IF NOT FOUND THEN
            RETURN false;
        ELSIF erased THEN
            RETURN true;
        ELSIF NOT gone THEN
            RETURN false;
        END IF;
        at := next_id;
    END LOOP;
    RETURN false;
END
$$;

-- The customer and every id merged into her (through other merges too), as
-- text, the way orders name them.
CREATE FUNCTION customer_and_merged(shop uuid, customer uuid) RETURNS SETOF text
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    WITH RECURSIVE ids(id, hops) AS (
        SELECT customer::pg_catalog.text, 0
        UNION ALL
        SELECT c.id::pg_catalog.text, ids.hops + 1
          FROM public.customers c JOIN ids ON c.body->>'merged_into' = ids.id
         WHERE c.shop_id = shop AND c.deleted AND ids.hops < 8)
    SELECT DISTINCT ids.id FROM ids
$$;

-- Whether this write of a customer row makes her rows' personal data go:
-- she is erased now, or she was merged into someone erased.
CREATE FUNCTION customer_erasure_arrived(row_new public.customers, row_old public.customers,
                                         op text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT (row_new.body->>'erased_at' IS NOT NULL
            AND (op = 'INSERT' OR row_old.body->>'erased_at' IS NULL))
        OR (row_new.deleted AND row_new.body->>'merged_into' IS NOT NULL
            AND (op = 'INSERT' OR NOT row_old.deleted
                 OR row_old.body->>'merged_into' IS DISTINCT FROM row_new.body->>'merged_into')
            AND public.customer_is_erased(row_new.shop_id, row_new.id::pg_catalog.text))
$$;

CREATE OR REPLACE FUNCTION erase_customer_rows() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF public.customer_erasure_arrived(NEW, OLD, TG_OP) THEN
        UPDATE public.orders SET body = public.scrub_order_body(body)
        WHERE shop_id = NEW.shop_id
          AND body->>'customer_id' IN (SELECT public.customer_and_merged(NEW.shop_id, NEW.id));
        UPDATE public.payments p
        SET body = pg_catalog.jsonb_set(p.body, '{phone}', 'null'::pg_catalog.jsonb)
        FROM public.orders o
        WHERE p.shop_id = NEW.shop_id AND o.shop_id = NEW.shop_id AND p.order_id = o.id
          AND o.body->>'customer_id' IN (SELECT public.customer_and_merged(NEW.shop_id, NEW.id))
          AND p.body->>'phone' IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION erase_customer_refunds() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF public.customer_erasure_arrived(NEW, OLD, TG_OP) THEN
        UPDATE public.refunds r
        SET body = pg_catalog.jsonb_set(r.body, '{reason}',
                                        pg_catalog.to_jsonb(U&'\2014'::pg_catalog.text))
        FROM public.orders o
        WHERE r.shop_id = NEW.shop_id AND o.shop_id = NEW.shop_id AND o.id = r.order_id
          AND o.body->>'customer_id' IN (SELECT public.customer_and_merged(NEW.shop_id, NEW.id))
          AND r.body->>'reason' IS DISTINCT FROM U&'\2014';
    END IF;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION customer_and_merged(uuid, uuid),
    customer_erasure_arrived(customers, customers, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION customer_and_merged(uuid, uuid),
    customer_erasure_arrived(customers, customers, text)
    TO dukadesk_server, dukadesk_definer;
GRANT EXECUTE ON FUNCTION customer_is_erased(uuid, text) TO dukadesk_definer;
