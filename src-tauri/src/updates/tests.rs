//! The updater against the loopback update host, through the real
//! tauri-plugin-updater (manifest, version comparison, download, minisign
//! verification) on Tauri's mock runtime: no window, real HTTP.

use super::*;
use dukadesk_sims::updates::{Fault, Release, SigningKey, UpdateServer};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;
use tauri::test::MockRuntime;

const NOTES: &str = "Faster till search.\nReceipts in Kiswahili.";

fn app(version: &str) -> tauri::App<MockRuntime> {
    let mut context = tauri::test::mock_context(tauri::test::noop_assets());
    context.package_info_mut().version = version.parse().expect("version");
    context.config_mut().plugins.0.insert(
        "updater".into(),
        serde_json::json!({ "pubkey": "", "endpoints": [], "requireSignedVersion": true }),
    );
    tauri::test::mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .build(context)
        .expect("a mock app")
}

fn updates_for(server: &UpdateServer, key: &SigningKey) -> Updates {
    Updates::new(
        Source::Configured {
            endpoint: server.manifest_url().parse().expect("url"),
            pubkey: Some(key.public_key()),
        },
        "0.1.0",
    )
}

/// Version 0.1.0 running, trusting `key`, and an update host offering
/// `release`.
struct Rig {
    server: UpdateServer,
    app: tauri::App<MockRuntime>,
    updates: Updates,
}

async fn rig(release: Release, key: &SigningKey) -> Rig {
    let server = UpdateServer::start(release).await.expect("server");
    Rig {
        app: app("0.1.0"),
        updates: updates_for(&server, key),
        server,
    }
}

/// Waits until the download ends (ready or failed), returning every state
/// seen on the way.
async fn finish_download(updates: &Updates) -> Vec<UpdateState> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    loop {
        let state = updates.status().state;
        if seen.last() != Some(&state) {
            seen.push(state.clone());
        }
        if !matches!(state, UpdateState::Downloading { .. }) {
            return seen;
        }
        assert!(
            Instant::now() < deadline,
            "the download never ended: {seen:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn failed_message(state: &UpdateState) -> &str {
    match state {
        UpdateState::Failed { message, .. } => message,
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newer_signed_version_is_found_downloaded_and_verified() {
    let key = SigningKey::generate();
    let release = Release::signed(&key, "0.2.0", NOTES, 300_000);
    let Rig {
        server,
        app,
        updates,
    } = rig(release.clone(), &key).await;
    server.set_chunk_delay(Duration::from_millis(20));
    assert_eq!(updates.status().state, UpdateState::Idle);

    let status = updates.check(app.handle()).await;
    assert_eq!(status.current_version, "0.1.0");
    let UpdateState::Available { offer } = status.state else {
        panic!("expected an offer, got {:?}", status.state);
    };
    assert_eq!(offer.version, "0.2.0");
    assert_eq!(offer.notes, NOTES);
    assert_eq!(
        offer.date.map(|d| d.to_rfc3339()),
        Some("2026-11-20T09:00:00+00:00".into())
    );

    updates.start_download().expect("download starts");
    let seen = finish_download(&updates).await;
    assert!(
        seen.iter().any(|s| matches!(
            s,
            UpdateState::Downloading { received, total: Some(300_000), .. } if *received > 0 && *received < 300_000
        )),
        "progress was never reported part way: {seen:?}"
    );
    assert!(
        matches!(seen.last(), Some(UpdateState::Ready { offer }) if offer.version == "0.2.0"),
        "{seen:?}"
    );
    let bytes = updates.lock().bytes.clone().expect("verified bytes kept");
    assert_eq!(*bytes, release.artifact);
    assert_eq!(server.counts(), (1, 1));

    // A check now keeps the finished download.
    let again = updates.check(app.handle()).await;
    assert!(
        matches!(again.state, UpdateState::Ready { .. }),
        "{again:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_artifact_is_refused_and_nothing_can_be_installed() {
    let key = SigningKey::generate();
    let Rig {
        server,
        app,
        updates,
    } = rig(Release::signed(&key, "0.2.0", NOTES, 50_000), &key).await;
    server.set_fault(Fault::TamperedArtifact);
    assert!(matches!(
        updates.check(app.handle()).await.state,
        UpdateState::Available { .. }
    ));
    updates.start_download().expect("download starts");
    let state = finish_download(&updates).await.pop().expect("a state");
    assert!(failed_message(&state).contains("refused"), "{state:?}");
    assert!(
        matches!(&state, UpdateState::Failed { offer: Some(o), .. } if o.version == "0.2.0"),
        "the offer stays, to try again: {state:?}"
    );
    assert!(updates.lock().bytes.is_none());

    let called = Arc::new(AtomicBool::new(false));
    let flag = called.clone();
    let err = updates
        .install_with(None, move |_, _| {
            flag.store(true, Ordering::SeqCst);
            Ok(())
        })
        .await
        .expect_err("nothing verified to install");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(!called.load(Ordering::SeqCst));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_artifact_signed_with_another_key_is_refused() {
    let ours = SigningKey::generate();
    let theirs = SigningKey::generate();
    let Rig {
        server: _server,
        app,
        updates,
    } = rig(Release::signed(&theirs, "0.2.0", NOTES, 50_000), &ours).await;
    assert!(matches!(
        updates.check(app.handle()).await.state,
        UpdateState::Available { .. }
    ));
    updates.start_download().expect("download starts");
    let state = finish_download(&updates).await.pop().expect("a state");
    assert!(
        failed_message(&state).contains("not signed with DukaDesk's key"),
        "{state:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_release_announced_as_new_is_refused() {
    // The manifest claims 0.3.0 but serves 0.2.0's genuine, signed artifact:
    // the signature names 0.2.0, so the updater refuses it.
    let key = SigningKey::generate();
    let old = Release::signed(&key, "0.2.0", NOTES, 50_000);
    let Rig {
        server: _server,
        app,
        updates,
    } = rig(
        Release {
            version: "0.3.0".into(),
            ..old
        },
        &key,
    )
    .await;
    assert!(matches!(
        updates.check(app.handle()).await.state,
        UpdateState::Available { offer } if offer.version == "0.3.0"
    ));
    updates.start_download().expect("download starts");
    let state = finish_download(&updates).await.pop().expect("a state");
    assert!(failed_message(&state).contains("refused"), "{state:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_or_an_older_version_is_not_offered() {
    let key = SigningKey::generate();
    let Rig {
        server,
        app,
        updates,
    } = rig(Release::signed(&key, "0.1.0", NOTES, 1_000), &key).await;
    assert_eq!(
        updates.check(app.handle()).await.state,
        UpdateState::UpToDate
    );
    server.publish(Release::signed(&key, "0.0.9", NOTES, 1_000));
    assert_eq!(
        updates.check(app.handle()).await.state,
        UpdateState::UpToDate
    );
    let err = updates.start_download().expect_err("nothing to download");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(server.counts(), (2, 0), "nothing was downloaded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_is_down_is_reported_as_offline() {
    let key = SigningKey::generate();
    let Rig {
        server,
        app,
        updates,
    } = rig(Release::signed(&key, "0.2.0", NOTES, 1_000), &key).await;
    server.stop().await;
    let state = updates.check(app.handle()).await.state;
    assert!(
        matches!(&state, UpdateState::Offline { message } if message.contains("offline")),
        "{state:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_a_broken_manifest_or_a_server_error_is_reported_plainly() {
    let key = SigningKey::generate();
    let Rig {
        server,
        app,
        updates,
    } = rig(Release::signed(&key, "0.2.0", NOTES, 1_000), &key).await;
    for (fault, words) in [
        (Fault::GarbageManifest, "could not be read"),
        (Fault::BrokenManifest, "could not be read"),
        (Fault::ServerError, "answered with an error"),
    ] {
        server.set_fault(fault);
        let state = updates.check(app.handle()).await.state;
        assert!(
            failed_message(&state).contains(words),
            "{fault:?}: {state:?}"
        );
    }
    // The host recovers: so does the check.
    server.set_fault(Fault::None);
    assert!(matches!(
        updates.check(app.handle()).await.state,
        UpdateState::Available { .. }
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cut_off_download_is_refused_and_can_be_tried_again() {
    let key = SigningKey::generate();
    let Rig {
        server,
        app,
        updates,
    } = rig(Release::signed(&key, "0.2.0", NOTES, 100_000), &key).await;
    server.set_fault(Fault::TruncatedArtifact);
    updates.check(app.handle()).await;
    updates.start_download().expect("download starts");
    let state = finish_download(&updates).await.pop().expect("a state");
    assert!(failed_message(&state).contains("cut off"), "{state:?}");

    server.set_fault(Fault::None);
    updates.start_download().expect("the offer is kept");
    let state = finish_download(&updates).await.pop().expect("a state");
    assert!(matches!(state, UpdateState::Ready { .. }), "{state:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn install_waits_for_payments_and_a_failed_install_keeps_this_version() {
    let key = SigningKey::generate();
    let release = Release::signed(&key, "0.2.0", NOTES, 10_000);
    let Rig {
        server: _server,
        app,
        updates,
    } = rig(release.clone(), &key).await;
    updates.check(app.handle()).await;
    updates.start_download().expect("download starts");
    finish_download(&updates).await;

    // A payment waiting for its answer: refused, with the reason.
    let called = Arc::new(AtomicBool::new(false));
    let flag = called.clone();
    let reason = "A payment for order #1042 is still waiting for M-Pesa's answer.";
    let err = updates
        .install_with(Some(reason.into()), move |_, _| {
            flag.store(true, Ordering::SeqCst);
            Ok(())
        })
        .await
        .expect_err("refused while a payment waits");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(err.message, reason);
    assert!(!called.load(Ordering::SeqCst), "the installer never ran");

    // The disk is full: said plainly, and the update stays ready.
    let err = updates
        .install_with(None, |_, _| {
            Err(UpdaterError::Io(std::io::Error::from(
                std::io::ErrorKind::StorageFull,
            )))
        })
        .await
        .expect_err("a full disk");
    assert!(err.message.contains("disk is full"), "{err:?}");
    assert!(matches!(updates.status().state, UpdateState::Ready { .. }));

    // Nothing in the way: the installer gets exactly the verified bytes.
    let expected = release.artifact.clone();
    updates
        .install_with(None, move |update, bytes| {
            assert_eq!(update.version, "0.2.0");
            assert_eq!(bytes, expected.as_slice());
            // The plugin checks the bytes again before installing.
            update.verify(bytes)
        })
        .await
        .expect("installs");
}

#[test]
fn the_source_says_why_updates_are_not_set_up() {
    let no_key = serde_json::json!({ "pubkey": "", "endpoints": [] });
    let Source::NotConfigured(message) = Source::resolve(None, None, Some(&no_key)) else {
        panic!("no address: not configured");
    };
    assert!(message.contains("no update address"), "{message}");

    let Source::NotConfigured(message) = Source::resolve(
        Some("https://updates.example.test/latest.json"),
        None,
        Some(&no_key),
    ) else {
        panic!("no key: not configured");
    };
    assert!(message.contains("signing key"), "{message}");

    let Source::NotConfigured(message) = Source::resolve(Some("not a url"), None, Some(&no_key))
    else {
        panic!("a bad address: not configured");
    };
    assert!(message.contains("not a web address"), "{message}");

    let built_in = serde_json::json!({
        "pubkey": "a2V5",
        "endpoints": ["https://updates.example.test/latest.json"]
    });
    assert_eq!(
        Source::resolve(None, None, Some(&built_in)),
        Source::Configured {
            endpoint: "https://updates.example.test/latest.json"
                .parse()
                .expect("url"),
            pubkey: None,
        }
    );
    // The settings' address wins over the built-in one.
    assert!(matches!(
        Source::resolve(Some("http://127.0.0.1:9/latest.json"), None, Some(&built_in)),
        Source::Configured { endpoint, .. } if endpoint.port() == Some(9)
    ));
}
