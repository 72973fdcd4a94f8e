//! Installs what the build and the tests need, and nothing that is already
//! there. Versions are the ones measured to build together (see
//! ARCHITECTURE.md, "Toolchain").

use crate::run;
use anyhow::{bail, Context, Result};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Debian packages: WebKitGTK and friends for Tauri, Xvfb and the WebKit
/// WebDriver for end-to-end tests, ImageMagick and an emoji font for
/// screenshots (the bot's messages use emoji), Poppler (the shop poster's
/// test renders the PDF to PNG and reads its QR code back), PostgreSQL
/// for the sync tests, sudo (the PostgreSQL test harness runs the server as
/// the `postgres` user when started as root).
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libsoup-3.0-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "imagemagick",
    "xdotool",
    "fonts-noto-color-emoji",
    "postgresql",
    "openssl",
    "sudo",
    "poppler-utils",
];

const TRUNK_VERSION: &str = "0.21.14";
const TAURI_DRIVER_VERSION: &str = "2.1.0";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Environment for building wasm: empty with the rustup target, or the
/// Debian `rustc-web` fallback's variables.
#[derive(Debug, Default)]
pub struct WasmEnv {
    vars: Vec<(String, String)>,
}

impl WasmEnv {
    /// Adds the variables to a command.
    pub fn apply(&self, cmd: &mut Command) {
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
    }
}

/// Everything, in order.
pub fn all() -> Result<WasmEnv> {
    apt(APT_PACKAGES)?;
    let env = wasm_target()?;
    cargo_tools()?;
    Ok(env)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn missing_apt(packages: &[&str]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| {
            let out = Command::new("dpkg-query").args(["-W", "-f=${Status}", p]).output();
            !matches!(out, Ok(o) if String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .map(|p| (*p).to_owned())
        .collect()
}

/// Installs the Debian packages that are missing.
pub(crate) fn apt(packages: &[&str]) -> Result<()> {
    let missing = missing_apt(packages);
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages: {}", missing.join(" "));
    let sudo = if is_root() {
        None
    } else if Command::new("sudo")
        .arg("-n")
        .arg("true")
        .status()
        .is_ok_and(|s| s.success())
    {
        Some("sudo")
    } else {
        bail!(
            "these Debian packages are missing: {}. Install them with: sudo apt-get install -y {}",
            missing.join(" "),
            missing.join(" ")
        );
    };
    let apt_cmd = |args: &[&str]| {
        let mut cmd = match sudo {
            Some(s) => {
                let mut c = Command::new(s);
                c.arg("apt-get");
                c
            }
            None => Command::new("apt-get"),
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt_cmd(&["update", "-qq"]))?;
    let mut install = apt_cmd(&["install", "-y", "-qq", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)
}

/// Runs a command with a deadline; `Ok(false)` on failure or time-out.
pub(crate) fn run_with_timeout(cmd: &mut Command, limit: Duration) -> Result<bool> {
    let mut child = cmd
        .spawn()
        .with_context(|| format!("could not start {cmd:?}"))?;
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status.success());
        }
        if start.elapsed() > limit {
            eprintln!(
                "xtask: {cmd:?} took longer than {}s; stopping it",
                limit.as_secs()
            );
            let _ = child.kill();
            let _ = child.wait();
            return Ok(false);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Whether rustup's `target` is installed, adding it if not (tried twice
/// with a deadline, since its download has been seen to stall).
pub(crate) fn rustup_target(target: &str) -> bool {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == target)
        })
        .unwrap_or(false);
    if installed {
        return true;
    }
    (1..=2).any(|attempt| {
        eprintln!("xtask: adding the {target} target (attempt {attempt})");
        run_with_timeout(
            Command::new("rustup").args(["target", "add", target]),
            Duration::from_secs(240),
        )
        .unwrap_or(false)
    })
}

/// The wasm32 target: rustup's (tried twice with a deadline, since its
/// download has been seen to stall), or Debian's rustc-web building std
/// from source.
fn wasm_target() -> Result<WasmEnv> {
    if rustup_target(WASM_TARGET) {
        return Ok(WasmEnv::default());
    }
    eprintln!("xtask: rustup could not add {WASM_TARGET}; falling back to Debian's rustc-web with build-std");
    apt(&["rustc-web", "cargo-web", "rust-web-src", "lld-22"])?;
    let linked = Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("debian-web"))
        .unwrap_or(false);
    if !linked {
        run(Command::new("rustup").args(["toolchain", "link", "debian-web", "/usr"]))?;
    }
    let target_dir = std::env::var("CARGO_TARGET_DIR")
        .map(|d| format!("{d}-wasm"))
        .unwrap_or_else(|_| "target/wasm-debian".to_owned());
    Ok(WasmEnv {
        vars: vec![
            ("RUSTUP_TOOLCHAIN".into(), "debian-web".into()),
            ("RUSTC_BOOTSTRAP".into(), "1".into()),
            ("CARGO_UNSTABLE_BUILD_STD".into(), "std,panic_abort".into()),
            (
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER".into(),
                "/usr/lib/llvm-22/bin/wasm-ld".into(),
            ),
            ("CARGO_TARGET_DIR".into(), target_dir),
        ],
    })
}

/// The wasm-bindgen version Cargo.lock pins (trunk needs the same CLI).
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock").context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen entry")
}

/// trunk, wasm-bindgen-cli and tauri-driver at the versions that work.
fn cargo_tools() -> Result<()> {
    let list = Command::new("cargo")
        .args(["install", "--list"])
        .stderr(Stdio::null())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let has = |name: &str, version: &str| {
        list.lines()
            .any(|l| l.starts_with(&format!("{name} v{version}:")))
    };
    if !has("trunk", TRUNK_VERSION) {
        run(Command::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }
    let wb = locked_wasm_bindgen()?;
    if !has("wasm-bindgen-cli", &wb) {
        // Its own lockfile pins a crate the registry no longer serves, so
        // this one is built without --locked.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wb]))?;
    }
    if !has("tauri-driver", TAURI_DRIVER_VERSION) {
        run(Command::new("cargo").args([
            "install",
            "tauri-driver",
            "--version",
            TAURI_DRIVER_VERSION,
            "--locked",
        ]))?;
    }
    Ok(())
}
