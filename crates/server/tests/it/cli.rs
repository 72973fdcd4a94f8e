//! The admin subcommands of `dukadesk-server` against a real PostgreSQL,
//! as an operator runs them.

use dukadesk_core::sync::protocol::ServerEnrolment;
use dukadesk_sims::postgres::TempPostgres;
use std::process::{Command, Output};

fn admin(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dukadesk-server"))
        .env_remove("DUKADESK_SERVER_CONFIG")
        .env("DUKADESK_SERVER_OWNER_URL", url)
        .env(
            "DUKADESK_SERVER_DATABASE_PASSWORD",
            "a-server-password-for-tests",
        )
        .env("DUKADESK_SERVER_PUBLIC_URL", "https://sync.example.co.ke")
        .args(args)
        .output()
        .expect("run dukadesk-server")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn an_operator_migrates_creates_a_shop_enrols_lists_and_revokes_a_till() {
    let pg = TempPostgres::start().unwrap_or_else(|e| panic!("{e}"));
    let url = pg.owner_url();
    ok(&admin(&url, &["migrate"]));
    ok(&admin(&url, &["migrate"])); // again: nothing to do
    let shop = ok(&admin(&url, &["create-shop", "--name", "Mama Njeri"]));
    let out = admin(
        &url,
        &["enrol-device", "--shop", &shop, "--label", "Front counter"],
    );
    let string = ok(&out);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("works once") && said.contains("order numbers ending in 1"),
        "{said}"
    );
    let e = ServerEnrolment::decode(&string).expect("a valid string");
    assert_eq!(e.shop_name, "Mama Njeri");
    assert_eq!(e.label, "Front counter");
    assert_eq!(e.url, "https://sync.example.co.ke");
    let list = ok(&admin(&url, &["list-devices"]));
    assert!(
        list.contains("Mama Njeri")
            && list.contains("Front counter")
            && list.contains("never synced"),
        "{list}"
    );
    let device = list
        .lines()
        .find(|l| l.contains("Front counter"))
        .and_then(|l| {
            l.split_whitespace()
                .find(|w| uuid::Uuid::parse_str(w).is_ok())
        })
        .expect("the till's id in the list")
        .to_owned();
    ok(&admin(&url, &["revoke-device", "--device", &device]));
    assert!(ok(&admin(&url, &["list-devices"])).contains("revoked"));
    // No till has a database login: only the owner and the server's role.
    let logins = pg
        .psql(
            "dukadesk",
            "SELECT string_agg(rolname, ',') FROM pg_roles
             WHERE rolcanlogin AND rolname LIKE 'dukadesk%' AND rolname <> 'dukadesk_admin'",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(logins, "dukadesk_server", "only the server logs in");

    // Mistakes are explained, not panicked over.
    let bad = admin(
        &url,
        &[
            "enrol-device",
            "--shop",
            &shop,
            "--label",
            "X",
            "--valid-hours",
            "0",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--valid-hours must be"));
    let unknown = admin(
        &url,
        &[
            "revoke-device",
            "--device",
            "00000000-0000-0000-0000-000000000000",
        ],
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("No till has the id"));
    let down = admin("postgres://x:y@127.0.0.1:1/dukadesk", &["list-devices"]);
    assert!(String::from_utf8_lossy(&down.stderr).contains("cannot be reached"));
}

/// Hosted retention against a real server: what the tills' rule says is
/// past the period goes with its lines and payments; nothing else does.
mod purge {
    use super::{admin, ok};
    use chrono::{DateTime, Days, Months, Utc};
    use dukadesk_sims::postgres::TempPostgres;
    use uuid::Uuid;

    /// `years` years and `days` days ago (negative days: more recent).
    fn ago(years: u32, days: i64) -> DateTime<Utc> {
        let t = Utc::now() - Months::new(12 * years);
        if days >= 0 {
            t - Days::new(days as u64)
        } else {
            t + Days::new(days.unsigned_abs())
        }
    }

    /// Writes an order with `lines` lines and one payment, as a till's
    /// upload does (INSERT ... ON CONFLICT), and returns its id.
    fn order(
        pg: &TempPostgres,
        shop: &str,
        created: DateTime<Utc>,
        status: &str,
        lines: usize,
    ) -> Uuid {
        let id = Uuid::new_v4();
        let at = created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let line = |n: usize| {
            format!(
                r#"{{"item_id":"{}","name":"Sukuma {n}","unit_price":{{"minor":50,"currency":"KES"}},"qty":2}}"#,
                Uuid::new_v4()
            )
        };
        let lines: Vec<String> = (0..lines).map(line).collect();
        let body = format!(
            r#"{{"id":"{id}","number":1,"status":"{status}","note":"","created_at":"{at}","updated_at":"{at}","total":{{"minor":100,"currency":"KES"}},"lines":[{}]}}"#,
            lines.join(",")
        );
        sql(
            pg,
            &format!(
                "INSERT INTO orders (shop_id, id, body, version_at, version_device)
                 VALUES ('{shop}', '{id}', '{body}', now(), gen_random_uuid())
                 ON CONFLICT (shop_id, id) DO UPDATE SET body = EXCLUDED.body"
            ),
        );
        payment(pg, shop, id, created);
        id
    }

    fn payment(pg: &TempPostgres, shop: &str, order: Uuid, created: DateTime<Utc>) {
        let at = created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let id = Uuid::new_v4();
        let body = format!(
            r#"{{"id":"{id}","order_id":"{order}","state":"Succeeded","created_at":"{at}","amount":{{"minor":100,"currency":"KES"}},"receipt":"R{}"}}"#,
            &id.simple().to_string()[..9]
        );
        sql(
            pg,
            &format!(
                "INSERT INTO payments (shop_id, id, body, version_at, version_device)
                 VALUES ('{shop}', '{id}', '{body}', now(), gen_random_uuid())
                 ON CONFLICT (shop_id, id) DO UPDATE SET body = EXCLUDED.body"
            ),
        );
    }

    fn sql(pg: &TempPostgres, sql: &str) -> String {
        pg.psql("dukadesk", sql).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Orders, lines and payments of `shop` on the server.
    fn rows(pg: &TempPostgres, shop: &str) -> (u64, u64, u64) {
        let n = |t: &str| -> u64 {
            sql(
                pg,
                &format!("SELECT count(*) FROM {t} WHERE shop_id = '{shop}'"),
            )
            .parse()
            .expect("a count")
        };
        (n("orders"), n("order_items"), n("payments"))
    }

    fn has(pg: &TempPostgres, shop: &str, id: Uuid) -> bool {
        sql(
            pg,
            &format!(
                "SELECT (SELECT count(*) FROM orders WHERE shop_id = '{shop}' AND id = '{id}')
                      + (SELECT count(*) FROM order_items WHERE shop_id = '{shop}' AND order_id = '{id}')
                      + (SELECT count(*) FROM payments WHERE shop_id = '{shop}' AND order_id = '{id}')"
            ),
        ) != "0"
    }

    fn fails(out: &std::process::Output, says: &str) {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(says), "{err}");
    }

    #[test]
    fn purge_removes_what_is_past_the_period_once_and_nothing_else() {
        let pg = TempPostgres::start().unwrap_or_else(|e| panic!("{e}"));
        let url = pg.owner_url();
        ok(&admin(&url, &["migrate"]));
        let a = ok(&admin(&url, &["create-shop", "--name", "Duka A"]));
        let b = ok(&admin(&url, &["create-shop", "--name", "Duka B"]));

        // Past 7 years: delivered, cancelled, and still awaiting payment
        // (the tills remove those too), just past the line, long past.
        let mut old = vec![
            order(&pg, &a, ago(7, 2), "Delivered", 2),
            order(&pg, &a, ago(7, 2), "AwaitingPayment", 1),
            order(&pg, &a, ago(9, 0), "Cancelled", 1),
        ];
        for _ in 0..4 {
            old.push(order(&pg, &a, ago(8, 0), "Delivered", 3));
        }
        // Within 7 years: just inside the line, and recent.
        let kept = [
            order(&pg, &a, ago(7, -2), "Delivered", 2),
            order(&pg, &a, ago(1, 0), "Paid", 1),
        ];
        let other_shop = order(&pg, &b, ago(8, 0), "Delivered", 1);
        let before = rows(&pg, &a);
        assert_eq!(before, (9, 2 + 1 + 1 + 12 + 3, 9));

        // A dry run counts and deletes nothing.
        let dry = ok(&admin(&url, &["purge", "--shop", &a, "--dry-run"]));
        assert!(
            dry.contains("Duka A") && dry.contains("would remove 7 orders, 16 lines, 7 payments"),
            "{dry}"
        );
        assert!(dry.contains("Dry run: nothing was deleted."), "{dry}");
        assert_eq!(rows(&pg, &a), before);
        assert_eq!(sql(&pg, "SELECT count(*) FROM order_purges"), "0");

        // The purge, three orders per transaction.
        let out = ok(&admin(&url, &["purge", "--shop", &a, "--batch", "3"]));
        assert!(
            out.contains("kept 7 years") && out.contains("removed 7 orders, 16 lines, 7 payments"),
            "{out}"
        );
        assert!(!out.contains("Duka B"), "{out}");
        for id in &old {
            assert!(
                !has(&pg, &a, *id),
                "order {id} past the period is still there"
            );
        }
        for id in &kept {
            assert!(has(&pg, &a, *id), "order {id} within the period went");
        }
        assert_eq!(rows(&pg, &a), (2, 3, 2));
        assert!(has(&pg, &b, other_shop), "another shop's order went");
        // The audit line, finished, with the counts.
        assert_eq!(
            sql(
                &pg,
                &format!(
                    "SELECT years, orders, order_items, payments, finished_at IS NOT NULL
                     FROM order_purges WHERE shop_id = '{a}'"
                )
            ),
            "7|7|16|7|t"
        );

        // Again: nothing more goes.
        let again = ok(&admin(&url, &["purge", "--shop", &a]));
        assert!(
            again.contains("removed 0 orders, 0 lines, 0 payments"),
            "{again}"
        );
        assert_eq!(rows(&pg, &a), (2, 3, 2));

        // A till sending an old order (or its payment) again does not bring
        // it back; a new one still lands.
        order(&pg, &a, ago(8, 0), "Delivered", 1);
        payment(&pg, &a, old[0], ago(7, 2));
        order(&pg, &a, ago(0, 1), "Paid", 1);
        assert_eq!(rows(&pg, &a), (3, 4, 3));

        // Every shop, one keeping orders 10 years: its 8-year-old order
        // stays, an 11-year-old one goes.
        let older = order(&pg, &b, ago(11, 0), "Delivered", 2);
        let all = ok(&admin(&url, &["purge", "--shop-years", &format!("{b}=10")]));
        assert!(all.contains("Duka A") && all.contains("Duka B"), "{all}");
        assert!(
            all.contains("kept 10 years") && all.contains("removed 1 orders, 2 lines, 1 payments"),
            "{all}"
        );
        assert!(has(&pg, &b, other_shop));
        assert!(!has(&pg, &b, older));
        assert_eq!(rows(&pg, &a), (3, 4, 3));
    }

    #[test]
    fn purge_explains_bad_arguments_an_unknown_shop_and_a_down_server() {
        let pg = TempPostgres::start().unwrap_or_else(|e| panic!("{e}"));
        let url = pg.owner_url();
        ok(&admin(&url, &["migrate"]));
        let shop = ok(&admin(&url, &["create-shop", "--name", "Duka"]));
        fails(&admin(&url, &["purge", "--years", "3"]), "5 to 30 years");
        fails(&admin(&url, &["purge", "--years", "31"]), "5 to 30 years");
        fails(
            &admin(&url, &["purge", "--shop-years", &format!("{shop}=2")]),
            "5 to 30 years",
        );
        fails(
            &admin(&url, &["purge", "--shop-years", &shop]),
            "<shop id>=<years>",
        );
        fails(&admin(&url, &["purge", "--batch", "0"]), "batch size");
        let nobody = "00000000-0000-0000-0000-000000000000";
        fails(
            &admin(&url, &["purge", "--shop", nobody]),
            "No shop has the id",
        );
        fails(
            &admin(&url, &["purge", "--shop-years", &format!("{nobody}=10")]),
            "No shop has the id",
        );
        fails(
            &admin(
                "postgres://x:y@127.0.0.1:1/dukadesk",
                &["purge", "--dry-run"],
            ),
            "cannot be reached",
        );
        // A purge before `migrate` says what to do.
        let fresh = TempPostgres::start().unwrap_or_else(|e| panic!("{e}"));
        fails(&admin(&fresh.owner_url(), &["purge"]), "migrate");
    }
}
