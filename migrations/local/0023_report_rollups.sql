-- Sales reports read per-hour totals instead of every order of the
-- period. Triggers keep them current in the same transaction as the
-- orders, lines and payments they add up (a sale at the till, a chat
-- order, a payment's outcome, a change pulled from another till,
-- retention), so a report always agrees with the rows. Hours are UTC
-- hours since the epoch (`created_at / 3600000`): a shop's local days
-- start on whole UTC hours, so any period of local days is a range of
-- them. `crates/core/src/reports/rollups.rs` rebuilds both tables from
-- the rows with the same rules, and its tests hold the triggers to it.

-- Orders by hour of creation, status, channel and how they were paid
-- (the method of the first received payment, '' for none).
CREATE TABLE rollup_orders (
    hour        INTEGER NOT NULL,
    status      TEXT NOT NULL,
    channel     TEXT NOT NULL,
    method      TEXT NOT NULL,
    order_count INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    PRIMARY KEY (hour, status, channel, method)
) STRICT, WITHOUT ROWID;

-- Units and money per item and hour over sales only (paid, preparing,
-- out for delivery, delivered; not the test chat), with the line's name.
CREATE TABLE rollup_items (
    hour        INTEGER NOT NULL,
    item_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    qty         INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    PRIMARY KEY (hour, item_id)
) STRICT, WITHOUT ROWID;

-- An order's place in rollup_orders: add (+1) or take away (-1).
CREATE TRIGGER rollup_order_insert AFTER INSERT ON orders BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    VALUES (NEW.created_at / 3600000, NEW.status, NEW.channel,
            COALESCE((SELECT p.method FROM payments p
                      WHERE p.order_id = NEW.id AND p.state = 'succeeded'
                      ORDER BY p.created_at, p.id LIMIT 1), ''),
            1, NEW.total_minor)
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_order_update AFTER UPDATE OF status, channel, total_minor, created_at ON orders
WHEN OLD.status IS NOT NEW.status OR OLD.channel IS NOT NEW.channel
  OR OLD.total_minor IS NOT NEW.total_minor OR OLD.created_at IS NOT NEW.created_at
BEGIN
    UPDATE rollup_orders
    SET order_count = order_count - 1, total_minor = total_minor - OLD.total_minor
    WHERE hour = OLD.created_at / 3600000 AND status = OLD.status AND channel = OLD.channel
      AND method = COALESCE((SELECT p.method FROM payments p
                             WHERE p.order_id = OLD.id AND p.state = 'succeeded'
                             ORDER BY p.created_at, p.id LIMIT 1), '');
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    VALUES (NEW.created_at / 3600000, NEW.status, NEW.channel,
            COALESCE((SELECT p.method FROM payments p
                      WHERE p.order_id = NEW.id AND p.state = 'succeeded'
                      ORDER BY p.created_at, p.id LIMIT 1), ''),
            1, NEW.total_minor)
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
    -- Its lines leave the sales of their hour, or join them.
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT OLD.created_at / 3600000, oi.item_id, oi.name, -oi.qty, -oi.total_minor
    FROM order_items oi
    WHERE oi.order_id = OLD.id AND OLD.channel != 'test_chat'
      AND OLD.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT NEW.created_at / 3600000, oi.item_id, oi.name, oi.qty, oi.total_minor
    FROM order_items oi
    WHERE oi.order_id = NEW.id AND NEW.channel != 'test_chat'
      AND NEW.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor,
        name = max(name, excluded.name);
END;

-- Before the row goes (its lines go after it, by cascade).
CREATE TRIGGER rollup_order_delete BEFORE DELETE ON orders BEGIN
    UPDATE rollup_orders
    SET order_count = order_count - 1, total_minor = total_minor - OLD.total_minor
    WHERE hour = OLD.created_at / 3600000 AND status = OLD.status AND channel = OLD.channel
      AND method = COALESCE((SELECT p.method FROM payments p
                             WHERE p.order_id = OLD.id AND p.state = 'succeeded'
                             ORDER BY p.created_at, p.id LIMIT 1), '');
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT OLD.created_at / 3600000, oi.item_id, oi.name, -oi.qty, -oi.total_minor
    FROM order_items oi
    WHERE oi.order_id = OLD.id AND OLD.channel != 'test_chat'
      AND OLD.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
END;

-- A line of an order that is already a sale.
CREATE TRIGGER rollup_line_insert AFTER INSERT ON order_items BEGIN
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT o.created_at / 3600000, NEW.item_id, NEW.name, NEW.qty, NEW.total_minor
    FROM orders o
    WHERE o.id = NEW.order_id AND o.channel != 'test_chat'
      AND o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor,
        name = max(name, excluded.name);
END;

CREATE TRIGGER rollup_line_update AFTER UPDATE OF item_id, qty, total_minor, order_id ON order_items
BEGIN
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT o.created_at / 3600000, OLD.item_id, OLD.name, -OLD.qty, -OLD.total_minor
    FROM orders o
    WHERE o.id = OLD.order_id AND o.channel != 'test_chat'
      AND o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT o.created_at / 3600000, NEW.item_id, NEW.name, NEW.qty, NEW.total_minor
    FROM orders o
    WHERE o.id = NEW.order_id AND o.channel != 'test_chat'
      AND o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor,
        name = max(name, excluded.name);
END;

-- A line removed while its order stays (an order's own removal took its
-- lines away already, and then finds no order here).
CREATE TRIGGER rollup_line_delete AFTER DELETE ON order_items BEGIN
    INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
    SELECT o.created_at / 3600000, OLD.item_id, OLD.name, -OLD.qty, -OLD.total_minor
    FROM orders o
    WHERE o.id = OLD.order_id AND o.channel != 'test_chat'
      AND o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
    ON CONFLICT (hour, item_id) DO UPDATE
    SET qty = qty + excluded.qty, total_minor = total_minor + excluded.total_minor;
END;

-- A received payment can change how its order was paid: the order leaves
-- its place before the change and takes its new one after.
-- (An insert that meets the row's id takes the update path of its upsert:
-- the update's triggers count it then.)
CREATE TRIGGER rollup_payment_insert_before BEFORE INSERT ON payments
WHEN NEW.state = 'succeeded' AND NOT EXISTS (SELECT 1 FROM payments WHERE id = NEW.id)
BEGIN
    UPDATE rollup_orders
    SET order_count = order_count - 1,
        total_minor = total_minor - (SELECT total_minor FROM orders WHERE id = NEW.order_id)
    WHERE (hour, status, channel, method) =
          (SELECT o.created_at / 3600000, o.status, o.channel,
                  COALESCE((SELECT p.method FROM payments p
                            WHERE p.order_id = o.id AND p.state = 'succeeded'
                            ORDER BY p.created_at, p.id LIMIT 1), '')
           FROM orders o WHERE o.id = NEW.order_id);
END;

CREATE TRIGGER rollup_payment_insert_after AFTER INSERT ON payments
WHEN NEW.state = 'succeeded'
BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT o.created_at / 3600000, o.status, o.channel,
           COALESCE((SELECT p.method FROM payments p
                     WHERE p.order_id = o.id AND p.state = 'succeeded'
                     ORDER BY p.created_at, p.id LIMIT 1), ''),
           1, o.total_minor
    FROM orders o WHERE o.id = NEW.order_id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_payment_update_before BEFORE UPDATE OF state, method, created_at ON payments
WHEN OLD.state = 'succeeded' OR NEW.state = 'succeeded'
BEGIN
    UPDATE rollup_orders
    SET order_count = order_count - 1,
        total_minor = total_minor - (SELECT total_minor FROM orders WHERE id = OLD.order_id)
    WHERE (hour, status, channel, method) =
          (SELECT o.created_at / 3600000, o.status, o.channel,
                  COALESCE((SELECT p.method FROM payments p
                            WHERE p.order_id = o.id AND p.state = 'succeeded'
                            ORDER BY p.created_at, p.id LIMIT 1), '')
           FROM orders o WHERE o.id = OLD.order_id);
END;

CREATE TRIGGER rollup_payment_update_after AFTER UPDATE OF state, method, created_at ON payments
WHEN OLD.state = 'succeeded' OR NEW.state = 'succeeded'
BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT o.created_at / 3600000, o.status, o.channel,
           COALESCE((SELECT p.method FROM payments p
                     WHERE p.order_id = o.id AND p.state = 'succeeded'
                     ORDER BY p.created_at, p.id LIMIT 1), ''),
           1, o.total_minor
    FROM orders o WHERE o.id = NEW.order_id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

CREATE TRIGGER rollup_payment_delete_before BEFORE DELETE ON payments
WHEN OLD.state = 'succeeded'
BEGIN
    UPDATE rollup_orders
    SET order_count = order_count - 1,
        total_minor = total_minor - (SELECT total_minor FROM orders WHERE id = OLD.order_id)
    WHERE (hour, status, channel, method) =
          (SELECT o.created_at / 3600000, o.status, o.channel,
                  COALESCE((SELECT p.method FROM payments p
                            WHERE p.order_id = o.id AND p.state = 'succeeded'
                            ORDER BY p.created_at, p.id LIMIT 1), '')
           FROM orders o WHERE o.id = OLD.order_id);
END;

CREATE TRIGGER rollup_payment_delete_after AFTER DELETE ON payments
WHEN OLD.state = 'succeeded'
BEGIN
    INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
    SELECT o.created_at / 3600000, o.status, o.channel,
           COALESCE((SELECT p.method FROM payments p
                     WHERE p.order_id = o.id AND p.state = 'succeeded'
                     ORDER BY p.created_at, p.id LIMIT 1), ''),
           1, o.total_minor
    FROM orders o WHERE o.id = OLD.order_id
    ON CONFLICT (hour, status, channel, method) DO UPDATE
    SET order_count = order_count + 1, total_minor = total_minor + excluded.total_minor;
END;

-- The shop's history so far.
INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
SELECT o.created_at / 3600000, o.status, o.channel,
       COALESCE((SELECT p.method FROM payments p
                 WHERE p.order_id = o.id AND p.state = 'succeeded'
                 ORDER BY p.created_at, p.id LIMIT 1), ''),
       COUNT(*), SUM(o.total_minor)
FROM orders o
GROUP BY 1, 2, 3, 4;

INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
SELECT o.created_at / 3600000, oi.item_id, MAX(oi.name), SUM(oi.qty), SUM(oi.total_minor)
FROM orders o JOIN order_items oi ON oi.order_id = o.id
WHERE o.channel != 'test_chat'
  AND o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
GROUP BY 1, 2;
