//! Comparisons shared by the sync tests here and the server's: every
//! synced table as comparable text, read from a till and from the server.

use crate::store::Store;
use sqlx::PgPool;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Everything a till shares, as comparable text.
pub async fn till_rows(store: &Store) -> BTreeMap<&'static str, Vec<String>> {
    let mut out = BTreeMap::new();
    for (name, sql) in [
        ("orders", "SELECT id || ' #' || number || ' ' || status || ' ' || total_minor || ' ' || COALESCE(customer_name, '-') || ' ' || pay_on_delivery FROM orders ORDER BY id"),
        ("order_items", "SELECT order_id || ' ' || position || ' ' || item_id || ' ' || qty FROM order_items ORDER BY 1"),
        ("payments", "SELECT id || ' ' || order_id || ' ' || state || ' ' || COALESCE(receipt, '-') || ' ' || COALESCE(provider_ref, '-') || ' ' || COALESCE(failure, '-') || ' ' || COALESCE(settled_by, '-') FROM payments ORDER BY id"),
        ("items", "SELECT id || ' ' || name || ' ' || price_minor || ' ' || archived || ' ' || COALESCE(barcode, '-') || ' ' || COALESCE(low_stock, '-') || ' ' || COALESCE((SELECT group_concat(value, ',') FROM json_each(items.aliases)), '') || ' ' || COALESCE(tax_band, '-') || ' ' || COALESCE(tax_class, '-') FROM items ORDER BY id"),
        ("stock", "SELECT id || ' ' || COALESCE(stock, '-') FROM items WHERE kind = 'physical' ORDER BY id"),
        ("stock_movements", "SELECT id || ' ' || item_id || ' ' || kind || ' ' || delta || ' ' || COALESCE(level, '-') || ' ' || COALESCE(order_id, '-') || ' ' || COALESCE(staff_name, '-') || ' ' || created_at FROM stock_movements ORDER BY id"),
        ("zones", "SELECT id || ' ' || name || ' ' || fee_minor FROM delivery_zones ORDER BY id"),
        ("categories", "SELECT id || ' ' || name FROM categories ORDER BY id"),
        ("customers", "SELECT id || ' ' || phone || ' ' || COALESCE(name, '-') || ' ' || language || ' ' || opted_out || ' ' || COALESCE(credit_limit_minor, '-') FROM customers ORDER BY id"),
        ("credit_payments", "SELECT id || ' ' || customer_id || ' ' || amount_minor || ' ' || currency || ' ' || method || ' ' || COALESCE(receipt, '-') || ' ' || staff_name || ' ' || at FROM credit_payments ORDER BY id"),
        ("item_photos", "SELECT id || ' ' || sha256 || ' ' || width || 'x' || height || ' ' || length(jpeg) FROM item_photos WHERE removed = 0 ORDER BY id"),
        ("refunds", "SELECT id || ' ' || order_id || ' ' || amount_minor || ' ' || currency || ' ' || method || ' ' || COALESCE(receipt, '-') || ' ' || reason || ' ' || staff_name || ' ' || at FROM refunds ORDER BY id"),
        ("shop", "SELECT name || ' ' || code FROM shop"),
        ("resellers", "SELECT id || ' ' || name || ' ' || phone || ' ' || code || ' ' || active || ' ' || first_order_only || ' ' || COALESCE(json_extract(rule, '$.Percent.basis_points'), '-') || ' ' || COALESCE(json_extract(rule, '$.PerUnit.amount.minor'), '-') || ' ' || COALESCE(applies_to, 'all') || ' ' || erased FROM resellers ORDER BY id"),
        ("reseller_credits", "SELECT id || ' ' || reseller_id || ' ' || commission_minor || ' ' || currency || ' ' || at FROM reseller_credits ORDER BY id"),
        ("reseller_payouts", "SELECT id || ' ' || reseller_id || ' ' || amount_minor || ' ' || currency || ' ' || method || ' ' || COALESCE(receipt, '-') || ' ' || staff_name || ' ' || at FROM reseller_payouts ORDER BY id"),
        ("cash_ups", "SELECT id || ' ' || till || ' ' || from_at || ' ' || at || ' ' || payments || ' ' || currency || ' ' || float_minor || ' ' || cash_minor || ' ' || mpesa_minor || ' ' || counted_minor || ' ' || COALESCE(cash_refunds_minor, '-') || ' ' || staff_name || ' ' || note FROM cash_ups ORDER BY id"),
    ] {
        let rows: Vec<String> = sqlx::query_scalar(sql)
            .fetch_all(store.pool())
            .await
            .expect(name);
        out.insert(name, rows);
    }
    out
}

/// The same, read from the server for one shop (as the superuser).
pub async fn server_rows(su: &PgPool, shop: Uuid) -> BTreeMap<&'static str, Vec<String>> {
    let status = "CASE body->>'status' WHEN 'Draft' THEN 'draft' WHEN 'AwaitingPayment' THEN 'awaiting_payment'
        WHEN 'PaymentFailed' THEN 'payment_failed' WHEN 'Paid' THEN 'paid' WHEN 'Preparing' THEN 'preparing'
        WHEN 'OutForDelivery' THEN 'out_for_delivery' WHEN 'Delivered' THEN 'delivered' ELSE 'cancelled' END";
    let mut out = BTreeMap::new();
    for (name, sql) in [
        ("orders", format!("SELECT id || ' #' || number || ' ' || {status} || ' ' || total_minor || ' ' || COALESCE(body->>'customer_name', '-') || ' ' || (CASE WHEN (body->>'pay_on_delivery')::boolean THEN 1 ELSE 0 END) FROM orders WHERE shop_id = $1 ORDER BY id::text")),
        ("order_items", "SELECT order_id || ' ' || position || ' ' || item_id || ' ' || qty FROM order_items WHERE shop_id = $1 ORDER BY 1".to_owned()),
        ("payments", "SELECT id || ' ' || order_id || ' ' || lower(state) || ' ' || COALESCE(receipt, '-') || ' ' || COALESCE(body->>'provider_ref', '-') || ' ' || COALESCE(body->>'failure', '-') || ' ' || COALESCE(body->>'settled_by', '-') FROM payments WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("items", "SELECT id || ' ' || name || ' ' || price_minor || ' ' || (CASE WHEN archived OR deleted THEN 1 ELSE 0 END) || ' ' || COALESCE(body->>'barcode', '-') || ' ' || COALESCE(body->>'low_stock', '-') || ' ' || COALESCE((SELECT string_agg(value, ',') FROM jsonb_array_elements_text(body->'aliases')), '') || ' ' || COALESCE(body->>'tax_band', '-') || ' ' || COALESCE(body->>'tax_class', '-') FROM items WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("stock", "SELECT s.item_id || ' ' || COALESCE(s.level::text, '-') FROM item_stock s JOIN items i ON i.shop_id = s.shop_id AND i.id = s.item_id WHERE s.shop_id = $1 AND i.body->'kind' ? 'Physical' ORDER BY s.item_id::text".to_owned()),
        ("stock_movements", "SELECT id || ' ' || item_id || ' ' || kind || ' ' || delta || ' ' || COALESCE(level::text, '-') || ' ' || COALESCE(order_id::text, '-') || ' ' || COALESCE(body->>'staff_name', '-') || ' ' || created_ms FROM stock_movements WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("zones", "SELECT id || ' ' || name || ' ' || fee_minor FROM delivery_zones WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("categories", "SELECT id || ' ' || (body->>'name') FROM categories WHERE shop_id = $1 AND NOT deleted ORDER BY id::text".to_owned()),
        ("customers", "SELECT id || ' ' || phone || ' ' || COALESCE(body->>'name', '-') || ' ' || COALESCE(body->>'language', 'en') || ' ' || (CASE WHEN (body->>'opted_out')::boolean THEN 1 ELSE 0 END) || ' ' || COALESCE(body->>'credit_limit', '-') FROM customers WHERE shop_id = $1 AND NOT deleted ORDER BY id::text".to_owned()),
        ("credit_payments", "SELECT id || ' ' || (body->>'customer_id') || ' ' || (body->'amount'->>'minor') || ' ' || (body->'amount'->>'currency') || ' ' || lower(body->>'method') || ' ' || COALESCE(body->>'receipt', '-') || ' ' || (body->>'by') || ' ' || (extract(epoch FROM (body->>'at')::timestamptz) * 1000)::bigint FROM credit_payments WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("item_photos", "SELECT id || ' ' || sha256 || ' ' || (body->>'width') || 'x' || (body->>'height') || ' ' || length(decode(body->>'data', 'base64')) FROM item_photos WHERE shop_id = $1 AND NOT deleted ORDER BY id::text".to_owned()),
        ("refunds", "SELECT id || ' ' || (body->>'order_id') || ' ' || (body->'amount'->>'minor') || ' ' || (body->'amount'->>'currency') || ' ' || lower(body->>'method') || ' ' || COALESCE(body->>'receipt', '-') || ' ' || (body->>'reason') || ' ' || (body->>'by') || ' ' || (extract(epoch FROM (body->>'at')::timestamptz) * 1000)::bigint FROM refunds WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("shop", "SELECT name || ' ' || (body->>'code') FROM shop_profiles WHERE shop_id = $1".to_owned()),
        ("resellers", "SELECT id || ' ' || (body->>'name') || ' ' || COALESCE(body->>'phone', '') || ' ' || (body->>'code') || ' ' || (CASE WHEN (body->>'active')::boolean THEN 1 ELSE 0 END) || ' ' || (CASE WHEN (body->>'first_order_only')::boolean THEN 1 ELSE 0 END) || ' ' || COALESCE(body->'rule'->'Percent'->>'basis_points', '-') || ' ' || COALESCE(body->'rule'->'PerUnit'->'amount'->>'minor', '-') || ' ' || COALESCE('category:' || (body->'applies_to'->>'Category'), 'item:' || (body->'applies_to'->>'Item'), 'all') || ' ' || (CASE WHEN COALESCE((body->>'erased')::boolean, false) THEN 1 ELSE 0 END) FROM resellers WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("reseller_credits", "SELECT id || ' ' || (body->>'reseller_id') || ' ' || (body->'commission'->>'minor') || ' ' || (body->'commission'->>'currency') || ' ' || (extract(epoch FROM (body->>'at')::timestamptz) * 1000)::bigint FROM reseller_credits WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("reseller_payouts", "SELECT id || ' ' || (body->>'reseller_id') || ' ' || (body->'amount'->>'minor') || ' ' || (body->'amount'->>'currency') || ' ' || lower(body->>'method') || ' ' || COALESCE(body->>'receipt', '-') || ' ' || (body->>'by') || ' ' || (extract(epoch FROM (body->>'at')::timestamptz) * 1000)::bigint FROM reseller_payouts WHERE shop_id = $1 ORDER BY id::text".to_owned()),
        ("cash_ups", "SELECT id || ' ' || (body->>'till') || ' ' || (extract(epoch FROM (body->>'from')::timestamptz) * 1000)::bigint || ' ' || (extract(epoch FROM (body->>'at')::timestamptz) * 1000)::bigint || ' ' || (body->>'payments') || ' ' || (body->'float'->>'currency') || ' ' || (body->'float'->>'minor') || ' ' || (body->'cash_sales'->>'minor') || ' ' || (body->'mpesa'->>'minor') || ' ' || (body->'counted'->>'minor') || ' ' || COALESCE(body->'cash_refunds'->>'minor', '-') || ' ' || (body->>'by') || ' ' || (body->>'note') FROM cash_ups WHERE shop_id = $1 ORDER BY id::text".to_owned()),
    ] {
        let rows: Vec<String> = sqlx::query_scalar(&sql)
            .bind(shop)
            .fetch_all(su)
            .await
            .expect(name);
        out.insert(name, rows);
    }
    out
}
