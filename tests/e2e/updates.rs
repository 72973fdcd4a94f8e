//! Updates from Settings against the loopback update host: the check finds
//! a newer version and shows its notes; a tampered download is refused in
//! plain words; the genuine one downloads with a progress bar, its
//! signature is checked, and "Restart to update" waits for the merchant
//! (never clicked here: nothing is installed by a test).

use crate::harness::App;
use dukadesk_sims::updates::{Fault, Release, SigningKey, UpdateServer};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newer_version_is_offered_refused_when_tampered_then_downloaded() {
    let key = SigningKey::generate();
    let server = UpdateServer::start(Release::signed(
        &key,
        "0.2.0",
        "Faster till search.\nReceipts in Kiswahili.",
        2_000_000,
    ))
    .await
    .expect("update host");
    server.set_fault(Fault::TamperedArtifact);
    let app = App::launch_with(
        "updates",
        &[
            ("DUKADESK_UPDATE_URL", server.manifest_url()),
            ("DUKADESK_UPDATE_PUBKEY", key.public_key()),
        ],
    )
    .await;
    app.set_up_shop("Duka la Amina").await;
    app.open_settings("computer").await;

    app.wait_text("#update-current", "0.1.0").await;
    app.click("#update-check").await;
    app.wait_text("#update-result", "DukaDesk 0.2.0 is available.")
        .await;
    app.wait_text("#update-notes", "Receipts in Kiswahili")
        .await;

    // Tampered on the way: refused, nothing installed, the offer kept.
    app.click("#update-download").await;
    app.wait_text("#update-result", "refused").await;
    app.screenshot("01-tampered-refused").await;

    // The genuine artifact, slowly enough to see the progress bar.
    server.set_fault(Fault::None);
    server.set_chunk_delay(Duration::from_millis(250));
    app.click("#update-download").await;
    app.find("#update-progress").await;
    app.screenshot("02-downloading").await;
    app.wait_text("#update-result", "signature checked").await;
    app.find("#update-install").await;
    app.screenshot("03-ready").await;
    assert_eq!(
        server.counts().1,
        2,
        "two downloads: tampered, then genuine"
    );
    app.quit().await;
}
