-- Sales reports read per-hour totals instead of every order of the
-- period. Triggers keep them current in the same transaction as the
-- orders, lines and payments they add up (a sale at the till, a chat
-- order, a payment's outcome, a change pulled from another till,
-- retention), so a report always agrees with the rows. Hours are UTC
-- hours since the epoch (`created_at / 3600000`): a shop's local days
-- start on whole UTC hours, so any period of local days is a range of
-- them.
--
-- One rule each, written once as a view: where an order counts
-- (`rollup_order_place`) and which lines are sales (`rollup_sale_lines`).
-- Every trigger takes a row's contribution away as the view shows it
-- before the change and puts it back as the view shows it after, and
-- `Store::rebuild_report_totals` (crates/core/src/reports/rollups.rs)
-- adds the views up from scratch; its tests hold the two to each other.

-- An order's place: its hour, status, channel and how it was paid (the
-- method of its first received payment, '' for none), with its total.
CREATE VIEW rollup_order_place AS
SELECT o.id, o.created_at / 3600000 AS hour, o.status, o.channel,
       COALESCE((SELECT p.method FROM payments p
                 WHERE p.order_id = o.id AND p.state = 'succeeded'
                 ORDER BY p.created_at, p.id LIMIT 1), '') AS method,
       o.total_minor
FROM orders o;

-- The lines of sales (paid, preparing, out for delivery, delivered; not
-- the test chat), at their order's hour.
CREATE VIEW rollup_sale_lines AS
SELECT oi.id, oi.order_id, o.created_at / 3600000 AS hour, oi.item_id, oi.name, oi.qty,
       oi.total_minor
FROM order_items oi JOIN orders o ON o.id = oi.order_id
WHERE o.channel != 'test_chat'
  AND o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered');

CREATE TABLE rollup_orders (
    hour        INTEGER NOT NULL,
    status      TEXT NOT NULL,
    channel     TEXT NOT NULL,
    method      TEXT NOT NULL,
    order_count INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    PRIMARY KEY (hour, status, channel, method)
) STRICT, WITHOUT ROWID;

CREATE TABLE rollup_items (
    hour        INTEGER NOT NULL,
    item_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    qty         INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    PRIMARY KEY (hour, item_id)
) STRICT, WITHOUT ROWID;

-- Orders.
CREATE TRIGGER rollup_order_insert AFTER INSERT ON orders BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT hour, status, channel, method, 1, total_minor FROM rollup_order_place WHERE id = NEW.id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_order_update_before BEFORE UPDATE OF status, channel, total_minor, created_at ON orders
WHEN OLD.status IS NOT NEW.status OR OLD.channel IS NOT NEW.channel
  OR OLD.total_minor IS NOT NEW.total_minor OR OLD.created_at IS NOT NEW.created_at
BEGIN
    UPDATE rollup_orders SET order_count = order_count - 1, total_minor = total_minor - OLD.total_minor
    WHERE (hour, status, channel, method) =
          (SELECT hour, status, channel, method FROM rollup_order_place WHERE id = OLD.id);
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT hour, item_id, name, -qty, -total_minor FROM rollup_sale_lines WHERE order_id = OLD.id
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_order_update_after AFTER UPDATE OF status, channel, total_minor, created_at ON orders
WHEN OLD.status IS NOT NEW.status OR OLD.channel IS NOT NEW.channel
  OR OLD.total_minor IS NOT NEW.total_minor OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT hour, status, channel, method, 1, total_minor FROM rollup_order_place WHERE id = NEW.id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT hour, item_id, name, qty, total_minor FROM rollup_sale_lines WHERE order_id = NEW.id
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor,
        name = max(name, excluded.name);
END;

-- Before the row goes (its lines go after it, by cascade, and then find
-- no order).
CREATE TRIGGER rollup_order_delete BEFORE DELETE ON orders BEGIN
    UPDATE rollup_orders SET order_count = order_count - 1, total_minor = total_minor - OLD.total_minor
    WHERE (hour, status, channel, method) =
          (SELECT hour, status, channel, method FROM rollup_order_place WHERE id = OLD.id);
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT hour, item_id, name, -qty, -total_minor FROM rollup_sale_lines WHERE order_id = OLD.id
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
END;

-- Order lines.
CREATE TRIGGER rollup_line_insert AFTER INSERT ON order_items BEGIN
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT hour, item_id, name, qty, total_minor FROM rollup_sale_lines WHERE id = NEW.id
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor,
        name = max(name, excluded.name);
END;

CREATE TRIGGER rollup_line_update_before BEFORE UPDATE OF item_id, qty, total_minor, order_id ON order_items
BEGIN
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT hour, item_id, name, -qty, -total_minor FROM rollup_sale_lines WHERE id = OLD.id
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_line_update_after AFTER UPDATE OF item_id, qty, total_minor, order_id ON order_items
BEGIN
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT hour, item_id, name, qty, total_minor FROM rollup_sale_lines WHERE id = NEW.id
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor,
        name = max(name, excluded.name);
END;

CREATE TRIGGER rollup_line_delete BEFORE DELETE ON order_items BEGIN
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT hour, item_id, name, -qty, -total_minor FROM rollup_sale_lines WHERE id = OLD.id
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
END;

-- A received payment can change how its order was paid. (An insert that
-- meets the row's id takes the update path of its upsert: the update's
-- triggers count it then.)
CREATE TRIGGER rollup_payment_insert_before BEFORE INSERT ON payments
WHEN NEW.state = 'succeeded' AND NOT EXISTS (SELECT 1 FROM payments WHERE id = NEW.id)
BEGIN
    UPDATE rollup_orders SET order_count = order_count - 1,
        total_minor = total_minor - (SELECT total_minor FROM orders WHERE id = NEW.order_id)
    WHERE (hour, status, channel, method) =
          (SELECT hour, status, channel, method FROM rollup_order_place WHERE id = NEW.order_id);
END;

CREATE TRIGGER rollup_payment_insert_after AFTER INSERT ON payments
WHEN NEW.state = 'succeeded'
BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT hour, status, channel, method, 1, total_minor FROM rollup_order_place WHERE id = NEW.order_id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_payment_update_before BEFORE UPDATE OF state, method, created_at ON payments
WHEN OLD.state = 'succeeded' OR NEW.state = 'succeeded'
BEGIN
    UPDATE rollup_orders SET order_count = order_count - 1,
        total_minor = total_minor - (SELECT total_minor FROM orders WHERE id = OLD.order_id)
    WHERE (hour, status, channel, method) =
          (SELECT hour, status, channel, method FROM rollup_order_place WHERE id = OLD.order_id);
END;

CREATE TRIGGER rollup_payment_update_after AFTER UPDATE OF state, method, created_at ON payments
WHEN OLD.state = 'succeeded' OR NEW.state = 'succeeded'
BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT hour, status, channel, method, 1, total_minor FROM rollup_order_place WHERE id = NEW.order_id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_payment_delete_before BEFORE DELETE ON payments
WHEN OLD.state = 'succeeded'
BEGIN
    UPDATE rollup_orders SET order_count = order_count - 1,
        total_minor = total_minor - (SELECT total_minor FROM orders WHERE id = OLD.order_id)
    WHERE (hour, status, channel, method) =
          (SELECT hour, status, channel, method FROM rollup_order_place WHERE id = OLD.order_id);
END;

CREATE TRIGGER rollup_payment_delete_after AFTER DELETE ON payments
WHEN OLD.state = 'succeeded'
BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT hour, status, channel, method, 1, total_minor FROM rollup_order_place WHERE id = OLD.order_id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

-- The shop's history so far (the same statements as the rebuild).
INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
SELECT hour, status, channel, method, COUNT(*), SUM(total_minor) FROM rollup_order_place
GROUP BY 1, 2, 3, 4;

INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
SELECT hour, item_id, MAX(name), SUM(qty), SUM(total_minor) FROM rollup_sale_lines
GROUP BY 1, 2;
