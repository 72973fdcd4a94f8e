//! The database's own walls, as the one login other than the owner (the
//! server's, `dukadesk_server`) meets them, should the server be
//! compromised or mistaken:
//! - it reaches a shop's rows only with a device of that shop set for the
//!   transaction, and never writes into another shop;
//! - the attack from issue 16: temporary types named like every type the
//!   SECURITY DEFINER functions use, each with a CHECK that notes who ran
//!   it. Calling every function (directly, and through the triggers an
//!   upload fires) never runs the caller's code as anyone but the caller;
//!   and without the grant the test gives back, it cannot create temporary
//!   objects at all.

use dukadesk_core::sync::admin;
use dukadesk_core::sync::protocol::secret_hash;
use dukadesk_sims::postgres::TempPostgres;
use sqlx::postgres::{PgConnectOptions, PgSslMode};
use sqlx::{Connection as _, PgConnection};
use uuid::Uuid;

const PASSWORD: &str = "a-server-password-for-the-walls";

struct Db {
    pg: TempPostgres,
    owner: sqlx::PgPool,
    su: sqlx::PgPool,
    shop: Uuid,
    device: Uuid,
    other_shop: Uuid,
    other_device: Uuid,
    /// The first till's enrolment code (exchanged by the test that needs it).
    code: String,
}

async fn db() -> Db {
    let pg = TempPostgres::start().unwrap_or_else(|e| panic!("PostgreSQL: {e}"));
    let owner = admin::connect(&pg.owner_url()).await.expect("owner");
    admin::migrate(&owner).await.expect("migrate");
    admin::set_server_login(&owner, PASSWORD)
        .await
        .expect("server login");
    let su = admin::connect(&pg.superuser_url())
        .await
        .expect("superuser");
    let now = chrono::Utc::now();
    let hour = chrono::Duration::hours(1);
    let shop = admin::create_shop(&owner, "Duka").await.expect("shop");
    let other_shop = admin::create_shop(&owner, "Other").await.expect("shop");
    let till = admin::enrol_server_device(&owner, shop, "Counter", hour, now)
        .await
        .expect("till");
    let (device, code) = (till.device_id, till.code.expose().to_owned());
    let other_device = admin::enrol_server_device(&owner, other_shop, "Till", hour, now)
        .await
        .expect("till")
        .device_id;
    Db {
        pg,
        owner,
        su,
        shop,
        device,
        other_shop,
        other_device,
        code,
    }
}

impl Db {
    async fn server_login(&self) -> PgConnection {
        let opts = PgConnectOptions::new()
            .host("127.0.0.1")
            .port(self.pg.port())
            .username(admin::SERVER_ROLE)
            .password(PASSWORD)
            .database("dukadesk")
            .ssl_mode(PgSslMode::Disable);
        PgConnection::connect_with(&opts)
            .await
            .expect("the server's login")
    }
}

/// Begins a transaction for `device` of `shop`, as the server does.
async fn begin_as_till(conn: &mut PgConnection, shop: Uuid, device: Uuid) {
    sqlx::query("BEGIN")
        .execute(&mut *conn)
        .await
        .expect("begin");
    sqlx::query(
        "SELECT set_config('dukadesk.shop_id', $1, true), set_config('dukadesk.device_id', $2, true)",
    )
    .bind(shop.to_string())
    .bind(device.to_string())
    .execute(&mut *conn)
    .await
    .expect("set the till");
}

/// Ends the open transaction with `how` (COMMIT or ROLLBACK).
async fn end(conn: &mut PgConnection, how: &str) {
    sqlx::query(how)
        .execute(conn)
        .await
        .unwrap_or_else(|e| panic!("{how}: {e}"));
}

/// The till's credential hash, the code exchanged as the server does at
/// enrolment.
async fn exchange(conn: &mut PgConnection, code: &str) -> Vec<u8> {
    let credential = dukadesk_core::sync::protocol::new_secret();
    let credential_hash = secret_hash(&credential).expect("a hash");
    let (outcome,): (String,) = sqlx::query_as("SELECT outcome FROM server_enrol($1, $2)")
        .bind(secret_hash(code).expect("the code's hash"))
        .bind(&credential_hash)
        .fetch_one(conn)
        .await
        .expect("enrol");
    assert_eq!(outcome, "ok");
    credential_hash
}

/// Begins a transaction as the server does for the till whose credential
/// hashes to `credential_hash`: whether the database took it.
async fn begin_with_credential(conn: &mut PgConnection, credential_hash: &[u8]) -> bool {
    sqlx::query("BEGIN")
        .execute(&mut *conn)
        .await
        .expect("begin");
    sqlx::query_scalar("SELECT server_tenant($1)")
        .bind(credential_hash)
        .fetch_one(conn)
        .await
        .expect("server_tenant")
}

/// How many rows a pull with `credential_hash` gives, or the refusal.
async fn pull(conn: &mut PgConnection, credential_hash: &[u8]) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM sync_pull($1, 0, 100000, 1000000000)")
        .bind(credential_hash)
        .fetch_one(conn)
        .await
}

async fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(conn)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn item_body(name: &str) -> sqlx::types::Json<serde_json::Value> {
    sqlx::types::Json(serde_json::json!({
        "name": name, "price": {"minor": 100, "currency": "KES"},
        "archived": false, "kind": {"Physical": {"stock": null}}
    }))
}

#[tokio::test]
async fn the_server_s_login_reaches_a_shop_only_through_a_device_of_that_shop() {
    let d = db().await;
    let mut conn = d.server_login().await;
    // A row in each shop, written as each shop's till.
    for (shop, device, name) in [
        (d.shop, d.device, "Sukari"),
        (d.other_shop, d.other_device, "Unga"),
    ] {
        begin_as_till(&mut conn, shop, device).await;
        sqlx::query(
            "INSERT INTO items (id, body, version_at, version_device)
             VALUES ($1, $2, now(), current_device_id())",
        )
        .bind(Uuid::new_v4())
        .bind(item_body(name))
        .execute(&mut conn)
        .await
        .expect("a till's own item");
        end(&mut conn, "COMMIT").await;
    }

    // Nothing set: nothing seen.
    assert_eq!(count(&mut conn, "SELECT count(*) FROM items").await, 0);
    assert_eq!(count(&mut conn, "SELECT count(*) FROM shops").await, 0);
    let credential_hash = exchange(&mut conn, &d.code).await;
    let bogus_hash = secret_hash(&dukadesk_core::sync::protocol::new_secret()).expect("a hash");
    assert!(
        pull(&mut conn, &bogus_hash).await.is_err(),
        "a pull with a credential the database does not know is refused"
    );
    // A transaction begun with a made-up credential sees nothing.
    assert!(!begin_with_credential(&mut conn, &bogus_hash).await);
    assert_eq!(count(&mut conn, "SELECT count(*) FROM items").await, 0);
    end(&mut conn, "ROLLBACK").await;
    // A shop with another shop's device, or a made-up device: nothing.
    for (shop, device) in [
        (d.shop, d.other_device),
        (d.other_shop, d.device),
        (d.shop, Uuid::new_v4()),
    ] {
        begin_as_till(&mut conn, shop, device).await;
        assert_eq!(
            count(&mut conn, "SELECT count(*) FROM items").await,
            0,
            "shop {shop} with device {device}"
        );
        end(&mut conn, "ROLLBACK").await;
    }
    // The right pair: that shop's rows only; a forged shop_id is refused
    // and another shop's rows cannot be changed or removed.
    begin_as_till(&mut conn, d.shop, d.device).await;
    assert_eq!(count(&mut conn, "SELECT count(*) FROM items").await, 1);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) FROM items WHERE shop_id <> current_shop_id()"
        )
        .await,
        0
    );
    let forged = sqlx::query(
        "INSERT INTO items (shop_id, id, body, version_at, version_device)
         VALUES ($1, $2, $3, now(), current_device_id())",
    )
    .bind(d.other_shop)
    .bind(Uuid::new_v4())
    .bind(item_body("Forged"))
    .execute(&mut conn)
    .await;
    assert!(forged.is_err(), "an insert into another shop is refused");
    end(&mut conn, "ROLLBACK").await;
    begin_as_till(&mut conn, d.shop, d.device).await;
    let changed = sqlx::query("UPDATE items SET deleted = true WHERE shop_id = $1")
        .bind(d.other_shop)
        .execute(&mut conn)
        .await
        .expect("update runs")
        .rows_affected();
    assert_eq!(changed, 0, "another shop's rows are invisible to updates");
    assert!(
        sqlx::query("DELETE FROM items")
            .execute(&mut conn)
            .await
            .is_err(),
        "nothing is deleted through the server's login"
    );
    end(&mut conn, "ROLLBACK").await;
    // The till's own credential: a pull reads its shop's item, and a
    // transaction begun with it sees that shop.
    assert_eq!(
        pull(&mut conn, &credential_hash).await.expect("a pull"),
        1,
        "a pull reads that shop's item only"
    );
    let took = begin_with_credential(&mut conn, &credential_hash).await;
    assert!(took);
    assert_eq!(count(&mut conn, "SELECT count(*) FROM items").await, 1);
    end(&mut conn, "ROLLBACK").await;

    // Escapes: roles, the owner's powers, the server's own functions'
    // secrets.
    for escape in [
        format!("SET ROLE {}", dukadesk_sims::postgres::OWNER),
        "SET ROLE postgres_super".to_owned(),
        "SET ROLE dukadesk_definer".to_owned(),
        "SET SESSION AUTHORIZATION postgres_super".to_owned(),
        "SELECT nextval('change_seq')".to_owned(),
        "ALTER TABLE orders DISABLE ROW LEVEL SECURITY".to_owned(),
        "CREATE TABLE public.x (a int)".to_owned(),
        "SELECT hash FROM device_credentials".to_owned(),
        "SELECT enrol_code_hash FROM devices".to_owned(),
        "CREATE TEMP TABLE x (a int)".to_owned(),
        "CREATE DOMAIN pg_temp.uuid AS pg_catalog.uuid".to_owned(),
    ] {
        assert!(
            sqlx::query(&escape).execute(&mut conn).await.is_err(),
            "{escape} must be refused"
        );
    }
    // No till has a login of its own.
    let logins: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_roles WHERE rolcanlogin
           AND rolname NOT IN ('dukadesk_server', $1, $2)",
    )
    .bind(dukadesk_sims::postgres::OWNER)
    .bind(dukadesk_sims::postgres::SUPERUSER)
    .fetch_one(&d.su)
    .await
    .expect("roles");
    assert_eq!(logins, 0, "only the owner and the server log in");
    // A revoked till is no way in either.
    admin::revoke_device(&d.owner, d.device)
        .await
        .expect("revoke");
    begin_as_till(&mut conn, d.shop, d.device).await;
    assert_eq!(count(&mut conn, "SELECT count(*) FROM items").await, 0);
    end(&mut conn, "ROLLBACK").await;
    assert!(
        pull(&mut conn, &credential_hash).await.is_err(),
        "a revoked till's pull is refused"
    );
    let took = begin_with_credential(&mut conn, &credential_hash).await;
    assert!(!took, "a revoked credential sets no tenant");
    assert_eq!(count(&mut conn, "SELECT count(*) FROM items").await, 0);
    end(&mut conn, "ROLLBACK").await;
}

#[tokio::test]
async fn shadowed_types_never_run_the_caller_s_code_as_anyone_else() {
    let d = db().await;
    // Second wall first: even with TEMPORARY granted back, the pinned
    // search_path (pg_temp last) finds the real types.
    sqlx::query("GRANT TEMPORARY ON DATABASE dukadesk TO dukadesk_server")
        .execute(&d.owner)
        .await
        .expect("grant temporary for the test");
    let mut conn = d.server_login().await;
    sqlx::query(
        "CREATE FUNCTION pg_temp.spy(v text) RETURNS boolean LANGUAGE sql AS $$
            SELECT pg_catalog.set_config('dukadesk_spy.ran',
                COALESCE(pg_catalog.current_setting('dukadesk_spy.ran', true), '')
                || current_user || ' ', false) IS NOT NULL
         $$",
    )
    .execute(&mut conn)
    .await
    .expect("spy");
    let shadowed = [
        ("uuid", "pg_catalog.uuid"),
        ("text", "pg_catalog.text"),
        ("\"bigint\"", "pg_catalog.int8"),
        ("int8", "pg_catalog.int8"),
        ("\"integer\"", "pg_catalog.int4"),
        ("int4", "pg_catalog.int4"),
        ("\"smallint\"", "pg_catalog.int2"),
        ("int2", "pg_catalog.int2"),
        ("\"boolean\"", "pg_catalog.bool"),
        ("bool", "pg_catalog.bool"),
        ("timestamptz", "pg_catalog.timestamptz"),
        ("jsonb", "pg_catalog.jsonb"),
        ("json", "pg_catalog.json"),
        ("name", "pg_catalog.name"),
        ("interval", "pg_catalog.interval"),
        ("regclass", "pg_catalog.regclass"),
        ("bytea", "pg_catalog.bytea"),
        ("numeric", "pg_catalog.numeric"),
        ("varchar", "pg_catalog.varchar"),
    ];
    for (name, base) in shadowed {
        sqlx::query(&format!(
            "CREATE DOMAIN pg_temp.{name} AS {base} CHECK (pg_temp.spy(VALUE::pg_catalog.text))"
        ))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("domain {name}: {e}"));
    }
    // The spy is armed: the caller's own casts find its types.
    sqlx::query("SELECT 'x'::text, '00000000-0000-0000-0000-000000000000'::uuid IS NULL")
        .execute(&mut conn)
        .await
        .ok();
    let own = ran(&mut conn).await;
    assert!(
        own.contains(admin::SERVER_ROLE),
        "the shadow types work for the caller itself: {own:?}"
    );
    sqlx::query("SELECT pg_catalog.set_config('dukadesk_spy.ran', '', false)")
        .execute(&mut conn)
        .await
        .expect("reset");

    let credential_hash = exchange(&mut conn, &d.code).await;
    // Every function the server calls, and every trigger its writes fire.
    let order = Uuid::new_v4();
    let item = Uuid::new_v4();
    let now = chrono::Utc::now();
    begin_as_till(&mut conn, d.shop, d.device).await;
    let calls: Vec<(&str, sqlx::query::Query<'_, sqlx::Postgres, _>)> = vec![
        (
            "current_shop_id",
            sqlx::query("SELECT current_shop_id(), current_device_id(), hosted_schema_version()"),
        ),
        ("sync_begin", sqlx::query("SELECT sync_begin()")),
        ("sync_push_begin", sqlx::query("SELECT sync_push_begin(1)")),
        (
            "orders",
            sqlx::query(
                "INSERT INTO orders (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(order)
            .bind(sqlx::types::Json(serde_json::json!({
                "status": "Paid", "number": 1, "created_at": now,
                "customer_id": Uuid::new_v4().to_string(),
                "lines": [{"item_id": Uuid::new_v4(), "name": "Sukari", "qty": 1,
                           "unit_price": {"minor": 100, "currency": "KES"}}]
            })))
            .bind(now),
        ),
        (
            "payments",
            sqlx::query(
                "INSERT INTO payments (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(Uuid::new_v4())
            .bind(sqlx::types::Json(serde_json::json!({
                "order_id": order, "state": "Pending", "created_at": now,
                "phone": "254700000000", "amount": {"minor": 100, "currency": "KES"}
            })))
            .bind(now),
        ),
        (
            "customers",
            sqlx::query(
                "INSERT INTO customers (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(Uuid::new_v4())
            .bind(sqlx::types::Json(
                serde_json::json!({"phone": "254700000000", "erased_at": now}),
            ))
            .bind(now),
        ),
        (
            "items",
            sqlx::query(
                "INSERT INTO items (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(item)
            .bind(item_body("Sukari"))
            .bind(now),
        ),
        (
            "stock_movements",
            sqlx::query(
                "INSERT INTO stock_movements (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(Uuid::new_v4())
            .bind(sqlx::types::Json(serde_json::json!({
                "item_id": item, "kind": "count", "delta": 5, "level": 5,
                "created_at": now.timestamp_millis()
            })))
            .bind(now),
        ),
        (
            "cash_ups",
            sqlx::query(
                "INSERT INTO cash_ups (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(Uuid::new_v4())
            .bind(sqlx::types::Json(serde_json::json!({"till": "Front"})))
            .bind(now),
        ),
        ("item_stock", sqlx::query("SELECT level FROM item_stock")),
        ("sync_ack", sqlx::query("SELECT sync_ack(1)")),
        (
            "server_tenant",
            sqlx::query("SELECT server_tenant($1)").bind(&credential_hash),
        ),
        (
            "sync_pull",
            sqlx::query("SELECT count(*) FROM sync_pull($1, 0, 1000, 1000000)")
                .bind(&credential_hash),
        ),
        (
            "take_bot_lease",
            sqlx::query("SELECT * FROM take_bot_lease(60)"),
        ),
        (
            "release_bot_lease",
            sqlx::query("SELECT release_bot_lease()"),
        ),
        (
            "scrub",
            sqlx::query(
                "SELECT scrub_order_body('{}'), customer_is_erased(current_shop_id(), 'x')",
            ),
        ),
        (
            "server_device",
            sqlx::query("SELECT * FROM server_device('\\x00')"),
        ),
        (
            "server_revoked",
            sqlx::query("SELECT * FROM server_revoked(ARRAY[]::uuid[])"),
        ),
        (
            "server_enrol",
            sqlx::query("SELECT * FROM server_enrol('\\x00', '\\x00')"),
        ),
    ];
    for (what, q) in calls {
        q.execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
    }
    end(&mut conn, "COMMIT").await;
    let after = ran(&mut conn).await;
    for ran_as in after.split_whitespace() {
        assert_eq!(
            ran_as,
            admin::SERVER_ROLE,
            "the caller's code ran as {ran_as}: {after:?}"
        );
    }
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(&d.su)
        .await
        .expect("count");
    assert_eq!(rows, 1, "the writes themselves went through");
    drop(conn);
    sqlx::query("REVOKE TEMPORARY ON DATABASE dukadesk FROM dukadesk_server")
        .execute(&d.owner)
        .await
        .expect("revoke");

    // First wall: without the grant, no temporary objects at all.
    let mut conn = d.server_login().await;
    for stmt in [
        "CREATE TEMP TABLE x (a int)",
        "CREATE DOMAIN pg_temp.uuid AS pg_catalog.uuid",
        "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    ] {
        assert!(
            sqlx::query(stmt).execute(&mut conn).await.is_err(),
            "{stmt} must be refused"
        );
    }
}

/// Who the spy ran as, space-separated.
async fn ran(conn: &mut PgConnection) -> String {
    let s: Option<String> =
        sqlx::query_scalar("SELECT pg_catalog.current_setting('dukadesk_spy.ran', true)")
            .fetch_one(conn)
            .await
            .expect("read spy");
    s.unwrap_or_default()
}

/// A database from before the server was the only way in: a till with a
/// login of its own (as direct mode enrolled them). Migrating revokes that
/// till, drops its login and the tills' group role's rights; the till
/// enrols again with the server (the app tells it so).
#[tokio::test]
async fn migrating_drops_the_logins_tills_had_of_their_own() {
    let pg = TempPostgres::start().unwrap_or_else(|e| panic!("PostgreSQL: {e}"));
    let owner = admin::connect(&pg.owner_url()).await.expect("owner");
    // The schema as it was before direct mode went: migrations 1 to 5.
    let before = tempfile::tempdir().expect("dir");
    let all = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/hosted");
    for entry in std::fs::read_dir(&all).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if name.as_str() < "0006" {
            std::fs::copy(&path, before.path().join(&name)).expect("copy");
        }
    }
    sqlx::migrate::Migrator::new(before.path())
        .await
        .expect("old migrations")
        .run(&owner)
        .await
        .expect("old schema");
    let shop = admin::create_shop(&owner, "Duka").await.expect("shop");
    let device = Uuid::new_v4();
    let role = format!("dukadesk_d_{}", &device.simple().to_string()[..16]);
    sqlx::query(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD 'an-old-till-password' IN ROLE dukadesk_device"
    ))
    .execute(&owner)
    .await
    .expect("an old till's login");
    sqlx::query(
        "INSERT INTO devices (shop_id, id, role_name, label, device_no, enrol_expires)
         VALUES ($1, $2, $3, 'Counter', 1, now() + interval '1 hour')",
    )
    .bind(shop)
    .bind(device)
    .bind(&role)
    .execute(&owner)
    .await
    .expect("its device row");

    admin::migrate(&owner)
        .await
        .expect("migrate to the server-only schema");
    let su = admin::connect(&pg.superuser_url())
        .await
        .expect("superuser");
    let login: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_roles WHERE rolname = $1")
        .bind(&role)
        .fetch_one(&su)
        .await
        .expect("roles");
    assert_eq!(login, 0, "the till's login is gone");
    let revoked: bool =
        sqlx::query_scalar("SELECT revoked_at IS NOT NULL FROM devices WHERE id = $1")
            .bind(device)
            .fetch_one(&su)
            .await
            .expect("device");
    assert!(revoked, "the till must enrol again");
    let group_rights: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = 'dukadesk_device'",
    )
    .fetch_one(&su)
    .await
    .expect("grants");
    assert_eq!(group_rights, 0, "the tills' group role holds nothing");
    let policies: i64 =
        sqlx::query_scalar("SELECT count(*) FROM pg_policies WHERE 'dukadesk_device' = ANY(roles)")
            .fetch_one(&su)
            .await
            .expect("policies");
    assert_eq!(policies, 0);
}

/// Every table the server's login may read or write that holds a shop's
/// rows (it has a `shop_id`) keeps other shops out by row-level security,
/// forced, with the server's tenant policy: a table added later without it
/// fails here. And as a till with
/// its own credential: another shop's refunds are invisible, and a refund
/// forged into another shop is refused.
#[tokio::test]
async fn every_shop_table_is_walled_off_and_a_till_cannot_reach_another_shops_refunds() {
    let d = db().await;
    let unwalled: Vec<String> = sqlx::query_scalar(
        "SELECT c.relname::text FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          WHERE c.relkind = 'r'
            AND (has_table_privilege('dukadesk_server', c.oid, 'SELECT')
                 OR has_table_privilege('dukadesk_server', c.oid, 'INSERT'))
            AND EXISTS (SELECT 1 FROM pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attname = 'shop_id' AND NOT a.attisdropped)
            AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                     AND EXISTS (SELECT 1 FROM pg_policy p
                                  WHERE p.polrelid = c.oid AND p.polname = 'server_tenant'))
          ORDER BY 1",
    )
    .fetch_all(&d.su)
    .await
    .expect("catalog");
    assert!(
        unwalled.is_empty(),
        "tables open to every shop: {unwalled:?}"
    );
    let walled: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
          WHERE c.relname = 'refunds' AND p.polname = 'server_tenant'",
    )
    .fetch_one(&d.su)
    .await
    .expect("policy");
    assert_eq!(walled, 1, "the refunds table is among them");

    let refund = |shop: &str| {
        sqlx::types::Json(serde_json::json!({
            "order_id": Uuid::new_v4(), "amount": {"minor": 100, "currency": "KES"},
            "method": "Cash", "receipt": null, "reason": shop, "by": "Owner",
            "at": "2026-12-07T10:00:00Z"
        }))
    };
    let mut conn = d.server_login().await;
    begin_as_till(&mut conn, d.other_shop, d.other_device).await;
    sqlx::query(
        "INSERT INTO refunds (id, body, version_at, version_device)
         VALUES ($1, $2, now(), current_device_id())",
    )
    .bind(Uuid::new_v4())
    .bind(refund("other shop's"))
    .execute(&mut conn)
    .await
    .expect("a till's own refund");
    end(&mut conn, "COMMIT").await;

    begin_as_till(&mut conn, d.shop, d.device).await;
    assert_eq!(count(&mut conn, "SELECT count(*) FROM refunds").await, 0);
    let forged = sqlx::query(
        "INSERT INTO refunds (shop_id, id, body, version_at, version_device)
         VALUES ($1, $2, $3, now(), current_device_id())",
    )
    .bind(d.other_shop)
    .bind(Uuid::new_v4())
    .bind(refund("forged"))
    .execute(&mut conn)
    .await;
    assert!(forged.is_err(), "a refund into another shop is refused");
    end(&mut conn, "ROLLBACK").await;
    begin_as_till(&mut conn, d.shop, d.device).await;
    assert!(
        sqlx::query("DELETE FROM refunds")
            .execute(&mut conn)
            .await
            .is_err(),
        "refunds are never deleted through the server's login"
    );
    end(&mut conn, "ROLLBACK").await;
}

/// Every function that runs as its owner pins where it looks names up,
/// pg_temp last, so no session can put its own code in the owner's way.
#[tokio::test]
async fn every_security_definer_function_pins_its_search_path() {
    let d = db().await;
    let unpinned: Vec<String> = sqlx::query_scalar(
        "SELECT p.oid::regprocedure::text FROM pg_proc p
         JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.prosecdef
           AND NOT coalesce(p.proconfig, '{}') @> ARRAY['search_path=pg_catalog, public, pg_temp']
         ORDER BY 1",
    )
    .fetch_all(&d.su)
    .await
    .expect("functions");
    assert_eq!(unpinned, Vec::<String>::new());
    let definers: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.prosecdef",
    )
    .fetch_one(&d.su)
    .await
    .expect("count");
    assert!(definers > 10, "the check saw the functions ({definers})");
}
