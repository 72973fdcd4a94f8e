//! `cargo xtask <command>`: the project's automation, in Rust rather than
//! long shell scripts.
//!
//! - `setup`: installs what is missing on a Debian machine that has only the
//!   Rust toolchain (Debian packages, the wasm32 target with a measured
//!   fallback, trunk, wasm-bindgen-cli matching Cargo.lock, tauri-driver,
//!   PostgreSQL). Safe to run again: it only installs what is absent.
//! - `ui`: builds the Yew front end into `ui/dist`.
//! - `run`: setup, UI, then the app.
//! - `test`: setup, UI, then every test (the end-to-end ones under Xvfb),
//!   then the domain and core tests again as Windows programs under Wine
//!   (`test-windows` runs only that step); it also checks that the domain
//!   crate builds for macOS.
//! - `bench`: the benchmarks, printed as ratios against baselines measured in
//!   the same run.
//! - `bundle`: the Linux installer (.deb) and, with the signing key in the
//!   environment, the signed update artifacts (see `release`).
//! - `bundle --windows`: `dukadesk.exe` cross-built with MinGW-w64, its NSIS
//!   installer, the signed Windows update, and the installer tried under
//!   Wine (see `windows`).
//! - `signer-generate <file>`: a new update signing key pair, outside the
//!   repository.

mod release;
mod setup;
mod startup;
mod windows;

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    std::env::set_current_dir(&root).context("entering the project root")?;
    match args.first().map(String::as_str) {
        Some("setup") => setup::all().map(|_| ()),
        Some("ui") => build_ui(&setup::all()?),
        Some("run") => {
            let env = setup::all()?;
            build_ui(&env)?;
            run(Command::new("cargo").args([
                "run",
                "--release",
                "-p",
                "dukadesk",
                "--features",
                "custom-protocol",
            ]))
        }
        Some("test") => test(&args[1..]),
        Some("shots") => shots(),
        Some("test-windows") => windows::test_under_wine(&target_dir()),
        Some("server") => {
            setup::all()?;
            run(Command::new("cargo").args(["run", "-p", "dukadesk-server", "--example", "trial"]))
        }
        Some("bench") => {
            let env = setup::all()?;
            run(Command::new("cargo").args(["bench", "-p", "dukadesk-domain", "--bench", "bot"]))?;
            run(Command::new("cargo").args(["bench", "-p", "dukadesk-core", "--bench", "store"]))?;
            run(Command::new("cargo").args([
                "bench",
                "-p",
                "dukadesk-core",
                "--bench",
                "payments",
            ]))?;
            run(Command::new("cargo").args(["bench", "-p", "dukadesk-server", "--bench", "sync"]))?;
            run(Command::new("cargo").args([
                "bench",
                "-p",
                "dukadesk-server",
                "--bench",
                "tills",
            ]))?;
            run(Command::new("cargo").args(["bench", "-p", "dukadesk-core", "--bench", "export"]))?;
            run(Command::new("cargo").args([
                "bench",
                "-p",
                "dukadesk-core",
                "--bench",
                "whatsapp",
            ]))?;
            build_ui(&env)?;
            // The startup benchmark needs a display: re-enter under Xvfb.
            run(Command::new("xvfb-run").args([
                "-a",
                "-s",
                "-screen 0 1280x800x24",
                "cargo",
                "xtask",
                "bench-startup",
            ]))
        }
        Some("bench-startup") => startup::bench(&target_dir()),
        Some("bundle") => {
            build_ui(&setup::all()?)?;
            match args.get(1).map(String::as_str) {
                None => release::bundle(&root, &target_dir()),
                Some("--windows") => windows::bundle(&root, &target_dir()),
                Some(other) => {
                    bail!("unknown bundle option {other}: use `bundle` or `bundle --windows`")
                }
            }
        }
        Some("signer-generate") => release::signer_generate(&root, &args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup|ui|run|server|test|shots|test-windows|bench|bench-startup|bundle [--windows]|signer-generate>"
            );
            bail!("unknown command")
        }
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("target"))
}

pub(crate) fn project_root() -> PathBuf {
    // Read at run time, not baked in at compile time: clones that share a
    // build cache share this binary, and each must act on its own tree.
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .and_then(|xtask| xtask.parent().map(Path::to_path_buf))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command, failing with its exit status.
pub(crate) fn run(cmd: &mut Command) -> Result<()> {
    eprintln!("xtask: running {cmd:?}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

/// Builds `ui/dist` with trunk, using the wasm toolchain setup chose.
fn build_ui(env: &setup::WasmEnv) -> Result<()> {
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release"]).current_dir("ui");
    env.apply(&mut cmd);
    run(&mut cmd)
}

fn test(extra: &[String]) -> Result<()> {
    let env = setup::all()?;
    build_ui(&env)?;
    // The domain crate and the UI must build, lint-free, for the browser too.
    let mut wasm = Command::new("cargo");
    wasm.args([
        "clippy",
        "--locked",
        "-p",
        "dukadesk-domain",
        "-p",
        "dukadesk-ui",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]);
    env.apply(&mut wasm);
    run(&mut wasm)?;
    check_domain_for_macos()?;
    // Every test of the workspace. The shell is built with the embedded UI so
    // the end-to-end test drives the real app; Xvfb gives it a display.
    let mut cmd = cargo_test_under_xvfb();
    cmd.args([
        "--workspace",
        // One failing binary must not hide the others' results.
        "--no-fail-fast",
        "--features",
        "dukadesk/custom-protocol",
    ]);
    cmd.args(extra);
    let linux = run_tests(&mut cmd, "tests");
    // The same core as Windows programs, even when a Linux test failed.
    let windows = windows::test_under_wine(&target_dir());
    linux.and(windows)
}

/// `cargo test --locked` on a virtual 1366×800 screen (Xvfb), for the
/// end-to-end tests' real app windows.
fn cargo_test_under_xvfb() -> Command {
    let mut cmd = Command::new("xvfb-run");
    cmd.args([
        "-a",
        "-s",
        "-screen 0 1366x800x24",
        "cargo",
        "test",
        "--locked",
    ]);
    cmd
}

/// Retakes the README's pictures (`docs/*.png`) from the app as it is:
/// runs the end-to-end tests with `DUKADESK_DOCS_SHOTS` pointing at
/// `docs/`, so each `App::doc_shot` step writes its picture there.
fn shots() -> Result<()> {
    let env = setup::all()?;
    build_ui(&env)?;
    let docs = project_root().join("docs");
    let mut cmd = cargo_test_under_xvfb();
    cmd.args([
        "-p",
        "dukadesk",
        "--features",
        "dukadesk/custom-protocol",
        "--test",
        "e2e",
        "--",
        // It checks the pictures being written; the suite runs it after.
        "--skip",
        "docs_shots",
    ])
    .env("DUKADESK_DOCS_SHOTS", &docs);
    run(&mut cmd)?;
    eprintln!(
        "xtask: the README's pictures are retaken in {}",
        docs.display()
    );
    Ok(())
}

/// The domain crate has no C code: it must build for macOS on Apple silicon,
/// although the app itself cannot be built here (no SDK; docs/platforms.md).
fn check_domain_for_macos() -> Result<()> {
    const MAC: &str = "aarch64-apple-darwin";
    if !setup::rustup_target(MAC) {
        println!("macOS check: SKIPPED: rustup could not add the {MAC} target");
        return Ok(());
    }
    run(Command::new("cargo").args([
        "check",
        "--locked",
        "-p",
        "dukadesk-domain",
        "--target",
        MAC,
    ]))?;
    println!("macOS check: dukadesk-domain builds for {MAC}");
    Ok(())
}

/// Runs cargo test, passing its output through, and ends with every failing
/// test by name, then one line that adds up every test binary's results:
/// "<label>: N passed, N failed".
pub(crate) fn run_tests(cmd: &mut Command, label: &str) -> Result<()> {
    use std::io::{BufRead, BufReader};
    eprintln!("xtask: running {cmd:?}");
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start {cmd:?}"))?;
    let (mut passed, mut failed) = (0u64, 0u64);
    let mut failures = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line.context("reading test output")?;
            println!("{line}");
            if let Some(name) = line
                .strip_prefix("test ")
                .and_then(|rest| rest.strip_suffix(" ... FAILED"))
            {
                failures.push(name.to_owned());
            }
            if let Some(rest) = line.strip_prefix("test result: ") {
                let count = |word: &str| -> u64 {
                    rest.split(';')
                        .find_map(|part| {
                            part.trim()
                                .trim_start_matches("ok. ")
                                .trim_start_matches("FAILED. ")
                                .strip_suffix(word)
                        })
                        .and_then(|n| n.trim().parse().ok())
                        .unwrap_or(0)
                };
                passed += count(" passed");
                failed += count(" failed");
            }
        }
    }
    let status = child.wait()?;
    if !failures.is_empty() {
        println!("failing tests:");
        for name in &failures {
            println!("  {name}");
        }
    }
    println!("{label}: {passed} passed, {failed} failed");
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    if passed == 0 {
        bail!("{label}: no test ran");
    }
    Ok(())
}
