-- Hosted retention: `dukadesk-admin purge` deletes orders past the shop's
-- retention period (with their lines and payments), as each till does with
-- its own copies. Devices still cannot DELETE; only the owner purges.
--
-- `order_purges` is the purge's audit log (one row per shop and run: the
-- period, the cut-off, what went) and its watermark: once a run for a shop
-- has started, an order created before that run's cut-off is never written
-- again. A till that re-sends an old order (a long-offline outbox, a till
-- keeping orders longer than the server) does not bring it back; its
-- upload goes through and the row is simply skipped.
--
-- The tills' protocol is unchanged, so `hosted_schema_version()` stays 2.

CREATE TABLE order_purges (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id     uuid NOT NULL REFERENCES shops (id),
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    years       smallint NOT NULL CHECK (years BETWEEN 5 AND 30),
    -- Orders created before this went.
    cutoff      timestamptz NOT NULL,
    orders      bigint NOT NULL DEFAULT 0,
    order_items bigint NOT NULL DEFAULT 0,
    payments    bigint NOT NULL DEFAULT 0
);
CREATE INDEX order_purges_shop ON order_purges (shop_id, cutoff);

-- No grants to devices: only the owner (and the SECURITY DEFINER functions
-- below, which run as it) sees this table.
ALTER TABLE order_purges ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_purges FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON order_purges TO CURRENT_USER USING (true) WITH CHECK (true);

-- Orders of `shop` created before this were purged (NULL: never purged).
CREATE FUNCTION purged_before(shop uuid) RETURNS timestamptz
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT max(cutoff) FROM public.order_purges WHERE shop_id = shop
$$;

-- An order older than the shop's purge watermark is not written again.
CREATE FUNCTION skip_purged_order() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF (NEW.body->>'created_at')::timestamptz < public.purged_before(NEW.shop_id) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER purged_skip BEFORE INSERT ON orders
    FOR EACH ROW EXECUTE FUNCTION skip_purged_order();

-- Nor a payment older than the watermark whose order is not here (it was
-- purged, or skipped just above in the same upload).
CREATE FUNCTION skip_purged_payment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF (NEW.body->>'created_at')::timestamptz < public.purged_before(NEW.shop_id)
       AND NOT EXISTS (SELECT 1 FROM public.orders o
                       WHERE o.shop_id = NEW.shop_id AND o.id = (NEW.body->>'order_id')::uuid) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER purged_skip BEFORE INSERT ON payments
    FOR EACH ROW EXECUTE FUNCTION skip_purged_payment();

REVOKE ALL ON FUNCTION purged_before(uuid), skip_purged_order(), skip_purged_payment()
    FROM PUBLIC;
