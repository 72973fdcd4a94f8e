//! The growth path, checked in the schema (docs/scaling.md): every table
//! that holds a shop's rows can be distributed by `shop_id` (Citus), so
//! every unique key and every foreign key between such tables leads with
//! `shop_id`. The few directory tables the server looks up across shops
//! (a credential's hash to its device and shop) are named here and stay on
//! the coordinator; a new table must be one or the other.

/// Looked up across shops, kept whole on the coordinator.
const DIRECTORY: &[&str] = &[
    "_sqlx_migrations",
    "devices",
    "device_credentials",
    "order_purges",
    "shops",
];

#[tokio::test]
async fn every_key_of_a_shop_s_tables_leads_with_shop_id() {
    let r = crate::rig().await;
    // Unique indexes (primary keys included) of tables with a shop_id,
    // whose first column is not shop_id.
    let bad_unique: Vec<String> = sqlx::query_scalar(
        "SELECT c.relname || ': ' || pg_get_indexdef(i.indexrelid)
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
         WHERE i.indisunique AND c.relkind = 'r'
           AND EXISTS (SELECT 1 FROM pg_attribute s
                       WHERE s.attrelid = c.oid AND s.attname = 'shop_id' AND NOT s.attisdropped)
           AND a.attname <> 'shop_id'
           AND NOT c.relname = ANY($1)
         ORDER BY 1",
    )
    .bind(DIRECTORY)
    .fetch_all(&r.su)
    .await
    .expect("indexes");
    assert!(
        bad_unique.is_empty(),
        "keys not led by shop_id: {bad_unique:#?}"
    );
    // Foreign keys from one shop table to another carry shop_id first.
    let bad_fk: Vec<String> = sqlx::query_scalar(
        "SELECT c.conrelid::regclass::text || ': ' || pg_get_constraintdef(c.oid)
         FROM pg_constraint c
         JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
         WHERE c.contype = 'f'
           AND EXISTS (SELECT 1 FROM pg_attribute s
                       WHERE s.attrelid = c.confrelid AND s.attname = 'shop_id' AND NOT s.attisdropped)
           AND NOT c.confrelid::regclass::text = ANY($1)
           AND (SELECT attname FROM pg_attribute
                WHERE attrelid = c.conrelid AND attnum = c.conkey[1]) <> 'shop_id'
         ORDER BY 1",
    )
    .bind(DIRECTORY)
    .fetch_all(&r.su)
    .await
    .expect("foreign keys");
    assert!(
        bad_fk.is_empty(),
        "foreign keys not led by shop_id: {bad_fk:#?}"
    );
    // The tables that hold no shop_id at all are directory tables too.
    let global: Vec<String> = sqlx::query_scalar(
        "SELECT c.relname::text FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         WHERE c.relkind = 'r'
           AND NOT EXISTS (SELECT 1 FROM pg_attribute s
                           WHERE s.attrelid = c.oid AND s.attname = 'shop_id' AND NOT s.attisdropped)
         ORDER BY 1",
    )
    .fetch_all(&r.su)
    .await
    .expect("tables");
    for table in &global {
        assert!(
            DIRECTORY.contains(&table.as_str()),
            "{table} has no shop_id and is not a directory table"
        );
    }
}
