//! The admin command against a real PostgreSQL, as an operator runs it.

use dukadesk_core::sync::Enrolment;
use dukadesk_sims::postgres::TempPostgres;
use std::process::{Command, Output};

fn admin(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dukadesk-admin"))
        .env("DUKADESK_ADMIN_DATABASE_URL", url)
        .args(args)
        .output()
        .expect("run dukadesk-admin")
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
        &[
            "enrol-device",
            "--shop",
            &shop,
            "--label",
            "Front counter",
            "--host",
            "127.0.0.1",
            "--port",
            &pg.port().to_string(),
            "--tls",
            "disable",
        ],
    );
    let string = ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("works once"));
    let e = Enrolment::decode(&string, chrono::Utc::now()).expect("a valid string");
    assert_eq!(e.config.shop_name, "Mama Njeri");
    assert_eq!(e.config.device_no, 1);
    let list = ok(&admin(&url, &["list-devices"]));
    assert!(
        list.contains("Mama Njeri")
            && list.contains("Front counter")
            && list.contains("never synced"),
        "{list}"
    );
    ok(&admin(
        &url,
        &["revoke-device", "--device", &e.config.device_id.to_string()],
    ));
    assert!(ok(&admin(&url, &["list-devices"])).contains("revoked"));

    // Mistakes are explained, not panicked over.
    let bad = admin(
        &url,
        &[
            "enrol-device",
            "--shop",
            &shop,
            "--label",
            "X",
            "--host",
            "h",
            "--tls",
            "maybe",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--tls must be"));
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
