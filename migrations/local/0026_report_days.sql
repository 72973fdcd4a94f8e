-- Reports over long periods read whole days. Beside the per-hour totals
-- (0023), three tables kept from them:
--
-- * `rollup_orders_day`: `rollup_orders` added up by UTC day
--   (`hour / 24`);
-- * `rollup_items_day`: `rollup_items` by UTC day;
-- * `rollup_sale_hours`: the sales alone (sale statuses, not the test
--   chat) by hour, for the chart of sales by hour of the day.
--
-- A report of local days reads its whole UTC days from the day tables and
-- the hours at either end from the hour tables (a local day starts on a
-- whole UTC hour): a year is a few thousand rows instead of a few hundred
-- thousand. The triggers below follow every change to the hour tables
-- (each made by 0023's triggers, in the orders' own transactions), adding
-- what changed, so the three can never disagree with them;
-- `Store::rebuild_report_totals` empties and fills all five the same way.

CREATE TABLE rollup_orders_day (
    day         INTEGER NOT NULL,
    status      TEXT NOT NULL,
    channel     TEXT NOT NULL,
    method      TEXT NOT NULL,
    order_count INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    PRIMARY KEY (day, status, channel, method)
) STRICT, WITHOUT ROWID;

CREATE TABLE rollup_items_day (
    day         INTEGER NOT NULL,
    item_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    qty         INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    PRIMARY KEY (day, item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE rollup_sale_hours (
    hour        INTEGER NOT NULL PRIMARY KEY,
    order_count INTEGER NOT NULL,
    total_minor INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO rollup_orders_day (day, status, channel, method, order_count, total_minor)
SELECT hour / 24, status, channel, method, SUM(order_count), SUM(total_minor) FROM rollup_orders
GROUP BY 1, 2, 3, 4;

INSERT INTO rollup_items_day (day, item_id, name, qty, total_minor)
SELECT hour / 24, item_id, MAX(name), SUM(qty), SUM(total_minor) FROM rollup_items
GROUP BY 1, 2;

INSERT INTO rollup_sale_hours (hour, order_count, total_minor)
SELECT hour, SUM(order_count), SUM(total_minor) FROM rollup_orders
WHERE status IN ('paid', 'preparing', 'out_for_delivery', 'delivered') AND channel != 'test_chat'
GROUP BY 1;

-- Orders by hour -> by day, and the sales -> by hour.
CREATE TRIGGER rollup_orders_to_day_insert AFTER INSERT ON rollup_orders BEGIN
    INSERT INTO rollup_orders_day (day, status, channel, method, order_count, total_minor)
    VALUES (NEW.hour / 24, NEW.status, NEW.channel, NEW.method, NEW.order_count, NEW.total_minor)
    ON CONFLICT (day, status, channel, method) DO UPDATE
    SET order_count = order_count + excluded.order_count,
        total_minor = total_minor + excluded.total_minor;
    INSERT INTO rollup_sale_hours (hour, order_count, total_minor)
    SELECT NEW.hour, NEW.order_count, NEW.total_minor
    WHERE NEW.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
      AND NEW.channel != 'test_chat'
    ON CONFLICT (hour) DO UPDATE
    SET order_count = order_count + excluded.order_count,
        total_minor = total_minor + excluded.total_minor;
END;

-- An hour's row keeps its key; only its sums change.
CREATE TRIGGER rollup_orders_to_day_update AFTER UPDATE OF order_count, total_minor ON rollup_orders
BEGIN
    UPDATE rollup_orders_day
    SET order_count = order_count + NEW.order_count - OLD.order_count,
        total_minor = total_minor + NEW.total_minor - OLD.total_minor
    WHERE (day, status, channel, method) = (NEW.hour / 24, NEW.status, NEW.channel, NEW.method);
    UPDATE rollup_sale_hours
    SET order_count = order_count + NEW.order_count - OLD.order_count,
        total_minor = total_minor + NEW.total_minor - OLD.total_minor
    WHERE hour = NEW.hour
      AND NEW.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
      AND NEW.channel != 'test_chat';
END;

CREATE TRIGGER rollup_orders_to_day_delete AFTER DELETE ON rollup_orders BEGIN
    UPDATE rollup_orders_day
    SET order_count = order_count - OLD.order_count, total_minor = total_minor - OLD.total_minor
    WHERE (day, status, channel, method) = (OLD.hour / 24, OLD.status, OLD.channel, OLD.method);
    UPDATE rollup_sale_hours
    SET order_count = order_count - OLD.order_count, total_minor = total_minor - OLD.total_minor
    WHERE hour = OLD.hour
      AND OLD.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
      AND OLD.channel != 'test_chat';
END;

-- Items by hour -> by day.
CREATE TRIGGER rollup_items_to_day_insert AFTER INSERT ON rollup_items BEGIN
    INSERT INTO rollup_items_day (day, item_id, name, qty, total_minor)
    VALUES (NEW.hour / 24, NEW.item_id, NEW.name, NEW.qty, NEW.total_minor)
    ON CONFLICT (day, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor,
        name = max(name, excluded.name);
END;

CREATE TRIGGER rollup_items_to_day_update AFTER UPDATE OF qty, total_minor, name ON rollup_items
BEGIN
    UPDATE rollup_items_day
    SET qty = qty + NEW.qty - OLD.qty, total_minor = total_minor + NEW.total_minor - OLD.total_minor,
        name = max(name, NEW.name)
    WHERE (day, item_id) = (NEW.hour / 24, NEW.item_id);
END;

CREATE TRIGGER rollup_items_to_day_delete AFTER DELETE ON rollup_items BEGIN
    UPDATE rollup_items_day
    SET qty = qty - OLD.qty, total_minor = total_minor - OLD.total_minor
    WHERE (day, item_id) = (OLD.hour / 24, OLD.item_id);
END;
