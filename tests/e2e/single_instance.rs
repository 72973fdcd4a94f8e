//! One DukaDesk per data directory: with a D-Bus session (as on a desktop),
//! a second launch on the same data hands over to the running app and
//! exits, while an app on other data starts beside it.

use crate::harness::App;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A private D-Bus session bus, stopped when dropped.
struct SessionBus {
    daemon: Child,
    address: String,
}

impl SessionBus {
    fn start() -> Self {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon (Debian package dbus) could not start");
        let mut line = String::new();
        BufReader::new(daemon.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the bus address");
        let address = line.trim().to_owned();
        assert!(address.starts_with("unix:"), "bus address: {address:?}");
        Self { daemon, address }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// Starts the app binary directly (as a second double-click would).
fn launch_again(data_dir: &std::path::Path, bus: &SessionBus) -> Child {
    Command::new(env!("CARGO_BIN_EXE_dukadesk"))
        .env("DUKADESK_DATA_DIR", data_dir)
        .env("DUKADESK_LOG", "warn")
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdout(Stdio::null())
        .spawn()
        .expect("launch the app again")
}

/// Waits up to `limit` for the process to exit.
async fn exit_within(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_on_the_same_data_hands_over_and_exits() {
    let bus = SessionBus::start();
    let app = App::launch_with(
        "single-instance",
        &[("DBUS_SESSION_BUS_ADDRESS", bus.address.clone())],
    )
    .await;
    app.find("#shop-name").await;

    let mut second = launch_again(app.data_dir(), &bus);
    let status = exit_within(&mut second, Duration::from_secs(20)).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "the second launch should hand over and exit cleanly, got {status:?}"
    );
    // The first one still answers.
    app.type_into("#shop-name", "Duka la Amina").await;

    // Other data: its own instance, which keeps running.
    let other = tempfile::tempdir().expect("another data directory");
    let mut third = launch_again(other.path(), &bus);
    let status = exit_within(&mut third, Duration::from_secs(4)).await;
    let _ = Command::new("kill").arg(third.id().to_string()).status();
    if status.is_none() {
        let _ = exit_within(&mut third, Duration::from_secs(5)).await;
        let _ = third.kill();
        let _ = third.wait();
    }
    assert!(
        status.is_none(),
        "an app on other data must run beside the first, but it exited: {status:?}"
    );
    app.quit().await;
}
