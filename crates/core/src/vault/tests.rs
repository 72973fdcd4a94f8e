use super::*;
use crate::store::testing::{
    file_bytes, holds as contains, shop_store, test_key_source, unlocked_store,
};
use dukadesk_domain::ipc::{DarajaSettingsInput, MpesaProvider, SavePaymentSettings};

const SECRET: &str = "Zq8cSecretConsumer9Xk";

fn light(p: &str) -> KeySource {
    KeySource::Passphrase {
        passphrase: p.into(),
        cost: (64, 1, 1),
    }
}

#[tokio::test]
async fn a_sealed_value_opens_only_where_it_was_sealed() {
    let (_d, store) = unlocked_store().await;
    let v = store.vault().expect("unlocked");
    let a = v.seal("secrets", "sealed", "row-a", b"hello");
    let b = v.seal("secrets", "sealed", "row-a", b"hello");
    assert_ne!(a, b, "a fresh nonce every time");
    assert_eq!(
        &v.open("secrets", "sealed", "row-a", &a).expect("opens")[..],
        b"hello"
    );
    assert!(
        v.open("secrets", "sealed", "row-b", &a).is_err(),
        "bound to its row"
    );
    assert!(
        v.open("settings", "sealed", "row-a", &a).is_err(),
        "bound to its table"
    );
    let mut tampered = a.clone().into_bytes();
    let last = tampered.len() - 2;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).expect("utf8");
    assert!(matches!(
        v.open("secrets", "sealed", "row-a", &tampered),
        Err(VaultError::Damaged(_))
    ));
}

#[tokio::test]
async fn the_passphrase_reopens_the_vault_and_a_wrong_one_does_not() {
    let (dir, store) = unlocked_store().await;
    store.put_secret("k", b"value").await.expect("put");
    store.close().await;
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    assert!(matches!(
        Vault::unlock(&store, &light("wrong horse")).await,
        Err(VaultError::WrongPassphrase)
    ));
    let err = store.secret("k").await.expect_err("locked");
    assert!(
        err.to_string().contains("DUKADESK_VAULT_PASSPHRASE"),
        "{err}"
    );
    let v = Vault::unlock(&store, &test_key_source())
        .await
        .expect("right one");
    store.attach_vault(v).await.expect("attach");
    assert_eq!(
        &store.secret("k").await.expect("read").expect("there")[..],
        b"value"
    );
}

#[tokio::test]
async fn no_secret_is_left_readable_in_the_store_file() {
    let (_d, store) = shop_store().await;
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(DarajaSettingsInput {
                environment: "sandbox".into(),
                consumer_key: format!("{SECRET}-key"),
                consumer_secret: format!("{SECRET}-secret").into(),
                shortcode: "174379".into(),
                passkey: format!("{SECRET}-passkey").into(),
                till_number: String::new(),
            }),
            intasend: None,
            manual: None,
        })
        .await
        .expect("saved");
    let cfg = store.daraja_config().await.expect("read").expect("daraja");
    assert!(format!("{cfg:?}").contains("174379"));
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(store.writer())
        .await
        .expect("checkpoint");
    let bytes = file_bytes(&store);
    assert!(
        !contains(&bytes, SECRET),
        "a secret is readable in the file"
    );
    assert!(contains(&bytes, "174379") || !bytes.is_empty());
}

#[tokio::test]
async fn secrets_an_earlier_version_kept_in_plain_settings_are_sealed_and_wiped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    store
        .set_setting("sync.password", &format!("{SECRET}-db-password"))
        .await
        .expect("legacy");
    let v = Vault::unlock(&store, &test_key_source())
        .await
        .expect("vault");
    store.attach_vault(v).await.expect("attach");
    assert_eq!(store.setting("sync.password").await.expect("read"), None);
    assert_eq!(
        &store
            .secret("sync.password")
            .await
            .expect("read")
            .expect("moved")[..],
        format!("{SECRET}-db-password").as_bytes()
    );
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(store.writer())
        .await
        .expect("checkpoint");
    assert!(
        !contains(&file_bytes(&store), SECRET),
        "the plain copy is gone"
    );
}

#[tokio::test]
async fn rotation_reseals_everything_under_a_new_key() {
    let (_d, store) = unlocked_store().await;
    store.put_secret("a", b"alpha").await.expect("a");
    store.put_secret("b", b"beta").await.expect("b");
    let old = store.vault().expect("vault");
    let before: Vec<u8> = sqlx::query_scalar("SELECT wrapped_key FROM vault")
        .fetch_one(store.pool())
        .await
        .expect("wrapped");
    let fresh = old
        .rotate(&store, &light("a new passphrase"))
        .await
        .expect("rotate");
    store.attach_vault(fresh.clone()).await.expect("attach");
    assert_eq!(
        &store.secret("a").await.expect("a").expect("a")[..],
        b"alpha"
    );
    assert_eq!(
        &store.secret("b").await.expect("b").expect("b")[..],
        b"beta"
    );
    let sealed: String = sqlx::query_scalar("SELECT sealed FROM secrets WHERE name = 'a'")
        .fetch_one(store.pool())
        .await
        .expect("sealed");
    assert!(
        old.open("secrets", "sealed", "a", &sealed).is_err(),
        "the old key is useless"
    );
    let after: Vec<u8> = sqlx::query_scalar("SELECT wrapped_key FROM vault")
        .fetch_one(store.pool())
        .await
        .expect("wrapped");
    assert_ne!(before, after);
    assert!(matches!(
        Vault::unlock(&store, &test_key_source()).await,
        Err(VaultError::WrongPassphrase)
    ));
    assert!(Vault::unlock(&store, &light("a new passphrase"))
        .await
        .is_ok());
}

#[tokio::test]
async fn a_locked_vault_refuses_to_save_and_says_what_to_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    let err = store.put_secret("x", b"y").await.expect_err("locked");
    assert!(
        err.to_string().contains("saved secrets are locked"),
        "{err}"
    );
    let plain: i64 = sqlx::query_scalar("SELECT count(*) FROM secrets")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(plain, 0, "nothing written in any form");
}

#[tokio::test]
async fn the_os_keyring_is_used_when_there_is_one_and_explained_when_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    let account = keyring_account(&store).await.expect("account");
    assert_eq!(
        keyring_account(&store).await.expect("again"),
        account,
        "stable"
    );
    let source = KeySource::OsKeyring { account };
    match Vault::unlock(&store, &source).await {
        Ok(v) => {
            // A desktop with a keyring: the key is found again.
            store.attach_vault(v).await.expect("attach");
            store.put_secret("k", b"v").await.expect("put");
            let again = Vault::unlock(&store, &source).await.expect("reopen");
            assert_eq!(
                &again
                    .open("secrets", "sealed", "k", &{
                        let s: String = sqlx::query_scalar("SELECT sealed FROM secrets")
                            .fetch_one(store.pool())
                            .await
                            .expect("row");
                        s
                    })
                    .expect("opens")[..],
                b"v"
            );
        }
        Err(e) => {
            // A headless till: refused with what to do, nothing written.
            assert!(matches!(e, VaultError::Locked(_)), "{e:?}");
            assert!(e.to_string().contains("DUKADESK_VAULT_PASSPHRASE"));
            let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM vault")
                .fetch_one(store.pool())
                .await
                .expect("count");
            assert_eq!(rows, 0);
        }
    }
}

/// On Windows the data key is kept by the Credential Manager (keyring's
/// Windows store): the shop never has to choose a passphrase. Runs in the
/// Windows build of the suite (under Wine in CI).
#[cfg(windows)]
#[tokio::test]
async fn on_windows_the_credential_manager_keeps_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dukadesk.db");
    let store = Store::open(&path).await.expect("open");
    let account = keyring_account(&store).await.expect("account");
    let source = KeySource::OsKeyring {
        account: account.clone(),
    };
    let vault = Vault::unlock(&store, &source)
        .await
        .expect("the Credential Manager takes the key");
    store.attach_vault(vault).await.expect("attach");
    store.put_secret("k", b"v").await.expect("put");
    let entry = keyring::Entry::new(KEYRING_SERVICE, &account).expect("entry");
    let kept = entry.get_password().expect("the credential is there");
    assert_eq!(kept.len(), 44, "a 32-byte key in base64");
    store.close().await;

    // The next start finds the key again and opens the secret.
    let store = Store::open(&path).await.expect("reopen");
    let vault = Vault::unlock(&store, &source).await.expect("unlock again");
    store.attach_vault(vault).await.expect("attach");
    assert_eq!(
        &store.secret("k").await.expect("read").expect("present")[..],
        b"v"
    );
    entry.delete_credential().expect("clean up");
}

/// A log sink the test can read back.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_secret_reaches_the_logs_when_used() {
    use base64::Engine as _;
    use dukadesk_sims::daraja::{Config, DarajaSim};
    let sink = Captured::default();
    let writer = sink.clone();
    // Everything, at the most verbose level, from every crate (sqlx's
    // statements, the HTTP client's), into the sink.
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Global, so the database's worker threads and every other test in
    // this binary log into it too (any of them leaking a secret fails this).
    tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");

    let (_d, store) = shop_store().await;
    let cfg = Config {
        consumer_key: format!("{SECRET}-key"),
        consumer_secret: format!("{SECRET}-secret"),
        ..Config::default()
    };
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(crate::store::testing::daraja_settings(&sim, &cfg)),
            intasend: None,
            manual: None,
        })
        .await
        .expect("saved");
    // Used: read back and sent to the (loopback) provider.
    let tested = store.test_payment_connection(None).await.expect("test");
    assert!(tested.ok, "{}", tested.message);
    store
        .put_secret("sync.password", format!("{SECRET}-db").as_bytes())
        .await
        .expect("put");
    store.secret("sync.password").await.expect("get");

    let log =
        String::from_utf8_lossy(&sink.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
    assert!(
        log.len() > 1_000,
        "the log captured the work: {} bytes",
        log.len()
    );
    assert!(
        log.contains("secrets"),
        "statements on the secrets table are logged"
    );
    let basic = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", cfg.consumer_key, cfg.consumer_secret));
    for secret in [SECRET, &cfg.passkey, &basic] {
        assert!(!log.contains(secret), "{secret} is in the log");
    }
}

fn chosen(p: &str, again: &str) -> VaultPassphrase {
    VaultPassphrase {
        passphrase: p.into(),
        confirm: again.into(),
    }
}

/// A computer with no keyring: the owner chooses a passphrase in the app
/// (too short or typed differently twice is refused beside the field,
/// nothing written); the secrets are sealed under it; at the next start
/// they wait for it (no keyring is tried), a wrong one is refused beside
/// the field, the right one opens them.
#[tokio::test]
async fn a_passphrase_chosen_in_the_app_protects_the_secrets_and_is_asked_at_start() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("dukadesk.db");
    let store = Store::open(&path).await.expect("open");
    assert_eq!(
        store.vault_status().await.expect("status"),
        VaultStatus::ChoosePassphrase {
            secrets_lost: false
        }
    );
    let short = store
        .choose_vault_passphrase(&chosen("short", "short"))
        .await
        .expect_err("short");
    assert!(
        matches!(&short, StoreError::Invalid(f) if f[0].field == "passphrase"),
        "{short:?}"
    );
    let differ = store
        .choose_vault_passphrase(&chosen(
            "mama njeri sells tomatoes",
            "mama njeri sells tomato",
        ))
        .await
        .expect_err("differ");
    assert!(
        matches!(&differ, StoreError::Invalid(f) if f[0].field == "confirm"),
        "{differ:?}"
    );
    assert_eq!(
        protection(&store).await.expect("kind"),
        None,
        "nothing written"
    );
    let open = store
        .choose_vault_passphrase(&chosen(
            "mama njeri sells tomatoes",
            "mama njeri sells tomatoes",
        ))
        .await
        .expect("chosen");
    assert_eq!(
        open,
        VaultStatus::Open {
            by_passphrase: true
        }
    );
    store.put_secret("k", SECRET.as_bytes()).await.expect("put");
    assert!(!contains(&file_bytes(&store), SECRET), "sealed on disk");
    store.close().await;

    let store = Store::open(&path).await.expect("reopen");
    assert_eq!(
        store.open_vault_at_start(None).await,
        VaultStatus::NeedsPassphrase
    );
    let locked = store.secret("k").await.expect_err("locked");
    assert!(
        locked.to_string().contains("Settings → Saved secrets"),
        "{locked}"
    );
    let wrong = store
        .unlock_vault_with("mama njeri sells potatoes")
        .await
        .expect_err("wrong");
    assert!(
        matches!(&wrong, StoreError::Invalid(f) if f[0].field == "passphrase"),
        "{wrong:?}"
    );
    let again = store
        .choose_vault_passphrase(&chosen("another passphrase", "another passphrase"))
        .await
        .expect_err("one is set");
    assert!(again.to_string().contains("enter it"), "{again}");
    assert_eq!(
        store
            .unlock_vault_with("mama njeri sells tomatoes")
            .await
            .expect("right"),
        VaultStatus::Open {
            by_passphrase: true
        }
    );
    assert_eq!(
        &store.secret("k").await.expect("read").expect("kept")[..],
        SECRET.as_bytes()
    );
    store.close().await;

    // The environment's passphrase opens it at start too.
    let store = Store::open(&path).await.expect("reopen");
    assert_eq!(
        store
            .open_vault_at_start(Some("mama njeri sells tomatoes"))
            .await,
        VaultStatus::Open {
            by_passphrase: true
        }
    );
}

/// Secrets whose key was in a keyring that is gone cannot be opened: the
/// status says so, and choosing a passphrase removes them (and WhatsApp's
/// keys) in the same transaction, to be entered again.
#[tokio::test]
async fn a_lost_keyring_leaves_secrets_to_enter_again_under_a_passphrase() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    for sql in [
        "INSERT INTO vault (id, source, salt, wrapped_key, created_at) VALUES (1, 'keyring', x'00', x'00', 0)",
        "INSERT INTO secrets (name, sealed, updated_at) VALUES ('payment_settings', 'v1.gone', 0)",
    ] {
        sqlx::query(sql).execute(store.pool()).await.expect(sql);
    }
    assert_eq!(
        store.vault_status().await.expect("status"),
        VaultStatus::ChoosePassphrase { secrets_lost: true }
    );
    store
        .choose_vault_passphrase(&chosen("a new passphrase here", "a new passphrase here"))
        .await
        .expect("chosen");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM secrets")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(left, 0);
    assert_eq!(
        protection(&store).await.expect("kind").as_deref(),
        Some("passphrase")
    );
    store.put_secret("k", b"v").await.expect("usable");
}
