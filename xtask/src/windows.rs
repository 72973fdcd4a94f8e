//! Windows, from this Linux machine: the MinGW-w64 cross-build, the core
//! test suite run as Windows programs under Wine, and the NSIS installer.
//!
//! - `cargo xtask test` ends with [`test_under_wine`]: `dukadesk-domain` and
//!   `dukadesk-core` built for `x86_64-pc-windows-gnu` and every test run
//!   under Wine (cargo's target runner). Where Wine cannot start it prints
//!   why and skips; a test that fails under Wine fails the command.
//! - `cargo xtask bundle --windows` ([`bundle`]): `dukadesk.exe`, the
//!   installer from `src-tauri/windows/installer.nsi` (Debian's `makensis`,
//!   only the plugins NSIS ships), the update signature and the
//!   `windows-x86_64` entry of `latest.json`, then the installer is tried
//!   under Wine: a silent install, its files, shortcuts and "Apps &
//!   features" entry, and a silent uninstall that keeps the shop's data.

use crate::release;
use crate::setup::{apt, run_with_timeout, rustup_target};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The Rust target: Windows on x86-64, linked by MinGW-w64's GCC.
pub const TARGET: &str = "x86_64-pc-windows-gnu";

/// The cross linker and C compiler (ring and SQLite have C parts).
const MINGW_PACKAGES: &[&str] = &["gcc-mingw-w64-x86-64", "binutils-mingw-w64-x86-64"];
/// Wine runs the Windows test programs and the installer.
const WINE_PACKAGES: &[&str] = &["wine", "wine64"];

/// The marker the Tauri runtime reads to know how it was installed; the
/// updater then downloads and runs the NSIS installer.
const NSIS_MARKER: &[u8] = b"__TAURI_BUNDLE_TYPE_VAR_NSS";

/// A Wine prefix (its own `C:` drive and registry) kept in the build cache.
#[derive(Debug)]
pub struct Wine {
    prefix: PathBuf,
}

impl Wine {
    /// Starts Wine in `prefix`, creating the prefix on first use. `Err`
    /// says why Wine cannot run here (not installed, no prefix could be made).
    pub fn start(prefix: PathBuf) -> std::result::Result<Wine, String> {
        let wine = Wine { prefix };
        if !wine.prefix.join("system.reg").is_file() {
            std::fs::create_dir_all(wine.prefix.join("home")).map_err(|e| e.to_string())?;
            // Without 32-bit Wine, wineboot reports a failure for the 32-bit
            // half it cannot set up; the prefix is judged by its registry,
            // written once the wineserver has finished.
            run_with_timeout(
                wine.command("wineboot").arg("--init"),
                Duration::from_secs(300),
            )
            .map_err(|e| format!("wineboot could not start: {e}"))?;
            run_with_timeout(
                wine.command("wineserver").arg("-w"),
                Duration::from_secs(120),
            )
            .map_err(|e| format!("wineserver could not start: {e}"))?;
            if !wine.prefix.join("system.reg").is_file() {
                return Err(format!(
                    "wineboot could not create a prefix in {}",
                    wine.prefix.display()
                ));
            }
        }
        wine.add_process_prng()?;
        Ok(wine)
    }

    /// A command run inside this prefix, quiet, without Wine's Mono and
    /// Gecko installers, and without Wine copying shortcuts to the Linux
    /// desktop's menus.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        self.apply(&mut cmd);
        cmd
    }

    fn apply(&self, cmd: &mut Command) {
        // Wine links the profile's Desktop, Documents... to the Linux home:
        // give it one inside the prefix so nothing lands in the real one.
        cmd.env("HOME", self.prefix.join("home"))
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=;winemenubuilder.exe=d");
    }

    /// Rust's standard library (1.78+) needs `ProcessPrng` from
    /// `bcryptprimitives.dll`, which Wine 8 lacks: a small DLL of ours
    /// (`xtask/wine/bcryptprimitives.c`, over RtlGenRandom) fills in.
    fn add_process_prng(&self) -> std::result::Result<(), String> {
        let dll = self
            .prefix
            .join("drive_c/windows/system32/bcryptprimitives.dll");
        let source = crate::project_root().join("xtask/wine/bcryptprimitives.c");
        let fresh = |d: &Path| {
            let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
            matches!((modified(d), modified(&source)), (Some(a), Some(b)) if a >= b)
        };
        if fresh(&dll) {
            return Ok(());
        }
        let status = Command::new("x86_64-w64-mingw32-gcc")
            .args(["-O2", "-shared", "-o"])
            .arg(&dll)
            .arg(&source)
            .arg("-ladvapi32")
            .status()
            .map_err(|e| format!("x86_64-w64-mingw32-gcc could not start: {e}"))?;
        if !status.success() {
            return Err(format!("building {} failed", dll.display()));
        }
        Ok(())
    }

    /// The Linux path of a folder under the prefix's user profile (the
    /// user name is the Linux one).
    fn user_dir(&self, rest: &str) -> Result<PathBuf> {
        let users = self.prefix.join("drive_c/users");
        for entry in std::fs::read_dir(&users).context("the prefix has no users")? {
            let path = entry?.path();
            if path.file_name().is_some_and(|n| n != "Public") && path.join("AppData").is_dir() {
                return Ok(path.join(rest));
            }
        }
        bail!("no user profile in {}", users.display())
    }

    /// Stops this prefix's wineserver.
    pub fn stop(&self) {
        let _ = self.command("wineserver").arg("-k").status();
    }
}

/// The last step of `cargo xtask test`: the core suite as Windows programs.
pub fn test_under_wine(target_dir: &Path) -> Result<()> {
    let mut wanted = MINGW_PACKAGES.to_vec();
    wanted.extend_from_slice(WINE_PACKAGES);
    if let Err(e) = apt(&wanted) {
        println!("tests under Wine: SKIPPED: MinGW-w64 and Wine could not be installed: {e:#}");
        return Ok(());
    }
    if !rustup_target(TARGET) {
        println!("tests under Wine: SKIPPED: rustup could not add the {TARGET} target");
        return Ok(());
    }
    let wine = match Wine::start(target_dir.join("wine")) {
        Ok(w) => w,
        Err(reason) => {
            println!("tests under Wine: SKIPPED: Wine cannot start here: {reason}");
            return Ok(());
        }
    };
    let mut cmd = Command::new("cargo");
    cmd.args([
        "test",
        "--locked",
        "--target",
        TARGET,
        "--no-fail-fast",
        "-p",
        "dukadesk-domain",
        "-p",
        "dukadesk-core",
    ])
    .env("CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER", "wine")
    // The test programs carry this machine's paths: snapshot files are
    // found from the workspace root (insta cannot run cargo under Wine),
    // and a failing snapshot writes nothing into the tree.
    .env("INSTA_WORKSPACE_ROOT", crate::project_root())
    .env("INSTA_UPDATE", "no");
    wine.apply(&mut cmd);
    let result = crate::run_tests(
        &mut cmd,
        "tests under Wine (Windows build of domain and core)",
    );
    wine.stop();
    result
}

/// `cargo xtask bundle --windows`, after the UI is built.
pub fn bundle(root: &Path, target_dir: &Path) -> Result<()> {
    let mut wanted = MINGW_PACKAGES.to_vec();
    wanted.push("nsis");
    apt(&wanted)?;
    if !rustup_target(TARGET) {
        bail!("rustup could not add the {TARGET} target; run `rustup target add {TARGET}`");
    }
    let conf = release::Conf::read(root)?;
    crate::run(Command::new("cargo").args([
        "build",
        "--release",
        "--locked",
        "--target",
        TARGET,
        "-p",
        "dukadesk",
        "--features",
        "custom-protocol",
    ]))?;
    let release_dir = target_dir.join(TARGET).join("release");
    let mut binary =
        std::fs::read(release_dir.join("dukadesk.exe")).context("reading dukadesk.exe")?;
    release::mark(&mut binary, NSIS_MARKER)?;
    let out_dir = release_dir.join("bundle").join("nsis");
    std::fs::create_dir_all(&out_dir)?;
    let exe = out_dir.join("dukadesk.exe");
    std::fs::write(&exe, &binary)?;
    let loader = webview2_loader(&release_dir)?;

    let setup_name = format!("{}_{}_x64-setup.exe", conf.product, conf.version);
    let setup = out_dir.join(&setup_name);
    let mut nsis = Command::new("makensis");
    nsis.arg("-V2")
        .arg(format!("-DVERSION={}", conf.version))
        .arg(format!("-DEXE={}", exe.display()))
        .arg(format!("-DOUTFILE={}", setup.display()))
        .arg(format!("-DICON={}", root.join("icons/icon.ico").display()))
        .arg(format!("-DWEBVIEW2LOADER={}", loader.display()));
    match std::env::var("DUKADESK_WEBVIEW2_BOOTSTRAPPER") {
        Ok(path) if Path::new(&path).is_file() => {
            nsis.arg(format!("-DWEBVIEW2_BOOTSTRAPPER={path}"));
            println!("bundle: the WebView2 bootstrapper {path} is inside the installer");
        }
        _ => println!(
            "bundle: the installer downloads Microsoft's WebView2 bootstrapper only on a computer without WebView2 (set DUKADESK_WEBVIEW2_BOOTSTRAPPER to MicrosoftEdgeWebview2Setup.exe to put it inside)"
        ),
    }
    nsis.arg(root.join("src-tauri/windows/installer.nsi"));
    crate::run(&mut nsis)?;
    println!("bundle: {}", setup.display());

    match release::signing_key()? {
        None => println!(
            "bundle: the Windows update was NOT signed: set TAURI_SIGNING_PRIVATE_KEY (and TAURI_SIGNING_PRIVATE_KEY_PASSWORD)"
        ),
        Some(key) => {
            let bytes = std::fs::read(&setup)?;
            let signature = release::sign(&key, &bytes, &setup_name, &conf.version)?;
            let sig_path = out_dir.join(format!("{setup_name}.sig"));
            std::fs::write(&sig_path, &signature)?;
            // One manifest for every platform, beside the Linux bundle's.
            let manifest = target_dir.join("release").join("bundle").join("latest.json");
            release::add_to_manifest(
                &manifest,
                &conf.version,
                "windows-x86_64",
                &setup_name,
                &signature,
            )?;
            println!("bundle: signed {}", sig_path.display());
            println!("bundle: manifest {}", manifest.display());
        }
    }

    let wine_prefix = target_dir.join("wine-installer");
    let _ = std::fs::remove_dir_all(&wine_prefix);
    match Wine::start(wine_prefix) {
        Err(reason) => println!("bundle: installer NOT tried under Wine: {reason}"),
        Ok(wine) => {
            let checked = check_installer(&wine, &setup, &conf.version);
            wine.stop();
            checked?;
        }
    }
    Ok(())
}

/// The loader DLL the MinGW build links to (`webview2-com-sys` ships it and
/// copies it to its build output); it goes beside `dukadesk.exe`.
fn webview2_loader(release_dir: &Path) -> Result<PathBuf> {
    let build = release_dir.join("build");
    let mut found: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in std::fs::read_dir(&build).context("reading the build folder")? {
        let dir = entry?.path();
        let is_sys = dir
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("webview2-com-sys-"));
        let dll = dir.join("out/x64/WebView2Loader.dll");
        if is_sys && dll.is_file() {
            let modified = std::fs::metadata(&dll)?.modified()?;
            if found.as_ref().is_none_or(|(t, _)| modified > *t) {
                found = Some((modified, dll));
            }
        }
    }
    found
        .map(|(_, p)| p)
        .context("WebView2Loader.dll not found in the build output of webview2-com-sys")
}

/// Installs silently into a fresh prefix, checks what a shop would see,
/// then uninstalls and checks that the program went and the data stayed.
fn check_installer(wine: &Wine, setup: &Path, version: &str) -> Result<()> {
    let ok = run_with_timeout(
        wine.command("wine").arg(setup).arg("/S"),
        Duration::from_secs(300),
    )?;
    if !ok {
        bail!("the installer failed under Wine");
    }
    let install = wine.user_dir("AppData/Local/Programs/DukaDesk")?;
    let start_menu = wine.user_dir("AppData/Roaming/Microsoft/Windows/Start Menu/Programs")?;
    let desktop = wine.user_dir("Desktop")?;
    let data = wine.user_dir("AppData/Roaming/com.dukadesk.app")?;
    for file in ["dukadesk.exe", "WebView2Loader.dll", "uninstall.exe"] {
        if !install.join(file).is_file() {
            bail!("the installer did not put {file} in {}", install.display());
        }
    }
    for link in [
        start_menu.join("DukaDesk.lnk"),
        desktop.join("DukaDesk.lnk"),
    ] {
        if !link.is_file() {
            bail!("the installer did not create {}", link.display());
        }
    }
    let key = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\DukaDesk";
    let entry = release::output(wine.command("wine").args(["reg", "query", key]))?;
    for wanted in [version, "uninstall.exe", "DukaDesk"] {
        if !entry.contains(wanted) {
            bail!("the Apps & features entry lacks {wanted}: {entry}");
        }
    }
    // The shop's data, as the app would have left it.
    std::fs::create_dir_all(&data)?;
    std::fs::write(data.join("dukadesk.db"), b"the shop's orders")?;

    // The uninstaller copies itself to a temporary folder and returns at
    // once: wait (bounded) until every Wine process of the prefix has
    // ended, then for what it removes to be gone.
    run_with_timeout(
        wine.command("wine")
            .arg(install.join("uninstall.exe"))
            .arg("/S"),
        Duration::from_secs(120),
    )?;
    run_with_timeout(
        wine.command("wineserver").arg("-w"),
        Duration::from_secs(120),
    )?;
    let left = || {
        [
            install.join("dukadesk.exe"),
            start_menu.join("DukaDesk.lnk"),
            desktop.join("DukaDesk.lnk"),
        ]
        .into_iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    while !left().is_empty() {
        if Instant::now() > deadline {
            bail!("the uninstaller left {}", left().join(", "));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let gone = wine.command("wine").args(["reg", "query", key]).output()?;
    if gone.status.success() {
        bail!("the uninstaller left the Apps & features entry");
    }
    if !data.join("dukadesk.db").is_file() {
        bail!("the uninstaller deleted the shop's data");
    }
    println!(
        "bundle: installer checked under Wine: per-user install in %LOCALAPPDATA%\\Programs\\DukaDesk, Start-menu and desktop shortcuts, the Apps & features entry ({version}); the uninstaller removed them and kept the shop's data"
    );
    Ok(())
}
