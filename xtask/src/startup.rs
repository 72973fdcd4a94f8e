//! Start to first paint, and idle memory, of the DukaDesk window (starting on
//! its shop's file, as every day, and on its first launch, creating it) next
//! to an empty Tauri 2 window built in the same run with the same Tauri
//! version.
//! Both run under the same Xvfb display; figures are medians of interleaved
//! launches, printed with their ratio.

use crate::run;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const LAUNCHES: usize = 5;

/// Builds both apps, measures, prints.
pub fn bench(target_dir: &Path) -> Result<()> {
    if std::env::var_os("DISPLAY").is_none() {
        bail!("no display: run this under Xvfb (cargo xtask bench does)");
    }
    run(Command::new("cargo").args([
        "build",
        "--release",
        "-p",
        "dukadesk",
        "--features",
        "custom-protocol",
    ]))?;
    let ours = target_dir.join("release/dukadesk");
    let empty = build_empty_app(target_dir)?;
    // A till starts every morning on its shop's file; the very first launch
    // also creates the file and its schema. Both are measured, interleaved
    // with the empty window, each on a data folder of its own.
    let kept = Data::new("kept");
    measure(&ours, "DukaDesk", &kept)?; // creates the shop's file, unmeasured
    let (mut later, mut first, mut empty_runs) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..LAUNCHES {
        eprintln!("startup bench: launch {} of {LAUNCHES}", i + 1);
        later.push(measure(&ours, "DukaDesk", &kept)?);
        first.push(measure(&ours, "DukaDesk", &Data::new("fresh").emptied())?);
        empty_runs.push(measure(
            &empty,
            "Empty Tauri",
            &Data::new("empty").emptied(),
        )?);
    }
    let med = |v: &[Sample], f: fn(&Sample) -> f64| {
        let mut xs: Vec<f64> = v.iter().map(f).collect();
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    };
    let bm = med(&empty_runs, |s| s.mapped_ms);
    let bp = med(&empty_runs, |s| s.painted_ms);
    let bmem = med(&empty_runs, |s| s.pss_mb);
    println!(
        "startup (median of {LAUNCHES} interleaved launches; DukaDesk vs an empty Tauri 2 window)"
    );
    for (name, runs) in [
        ("a start on the shop's file", &later),
        ("the first launch (file and schema created)", &first),
    ] {
        let (am, ap, ad) = (
            med(runs, |s| s.mapped_ms),
            med(runs, |s| s.painted_ms),
            med(runs, |s| s.drawn_ms),
        );
        println!("  {name}:");
        println!(
            "    window mapped: {am:.0} ms vs {bm:.0} ms ({:.2}x)",
            am / bm
        );
        println!(
            "    first paint:   {ap:.0} ms vs {bp:.0} ms ({:.2}x)",
            ap / bp
        );
        println!(
            "    page drawn:    {ad:.0} ms vs the empty window's first paint {bp:.0} ms ({:.2}x)",
            ad / bp
        );
    }
    match page_weight(Path::new("ui/dist")) {
        Ok(w) => println!(
            "  the page's weight (ui/dist): WebAssembly {} bytes, JavaScript {} bytes, styles {} bytes, other {} bytes",
            w.wasm, w.js, w.css, w.other
        ),
        Err(e) => println!("  the page's weight: not read ({e})"),
    }
    let amem = med(&later, |s| s.pss_mb);
    println!(
        "  idle memory (PSS, app + WebKit processes): {amem:.0} MB vs {bmem:.0} MB ({:.2}x)",
        amem / bmem
    );
    for data in [kept, Data::new("fresh"), Data::new("empty")] {
        let _ = std::fs::remove_dir_all(&data.0);
    }
    Ok(())
}

/// The bytes the window loads before the app draws, by kind.
#[derive(Default)]
struct PageWeight {
    wasm: u64,
    js: u64,
    css: u64,
    other: u64,
}

fn page_weight(dist: &Path) -> Result<PageWeight> {
    let mut w = PageWeight::default();
    for entry in std::fs::read_dir(dist).with_context(|| format!("reading {}", dist.display()))? {
        let path = entry?.path();
        let len = std::fs::metadata(&path)?.len();
        match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => w.wasm += len,
            Some("js") => w.js += len,
            Some("css") => w.css += len,
            _ => w.other += len,
        }
    }
    Ok(w)
}

/// A launch's data folder (`DUKADESK_DATA_DIR`).
struct Data(PathBuf);

impl Data {
    fn new(name: &str) -> Self {
        Data(std::env::temp_dir().join(format!("dukadesk-bench-{}-{name}", std::process::id())))
    }

    /// The folder with nothing in it: a first launch.
    fn emptied(self) -> Self {
        let _ = std::fs::remove_dir_all(&self.0);
        self
    }
}

struct Sample {
    mapped_ms: f64,
    /// Something shown ("Opening DukaDesk…" for DukaDesk).
    painted_ms: f64,
    /// The page itself drawn (the till, the lock screen or the set-up).
    drawn_ms: f64,
    pss_mb: f64,
}

/// The empty app: a Tauri 2 shell showing one static heading, pinned to the
/// Tauri version in our Cargo.lock.
fn build_empty_app(target_dir: &Path) -> Result<PathBuf> {
    let dir = target_dir.join("bench-empty-tauri");
    std::fs::create_dir_all(dir.join("src")).context("creating the empty app")?;
    std::fs::create_dir_all(dir.join("dist"))?;
    std::fs::create_dir_all(dir.join("icons"))?;
    std::fs::copy("icons/icon.png", dir.join("icons/icon.png"))?;
    std::fs::copy("Cargo.lock", dir.join("Cargo.lock"))?;
    let tauri_version = locked_version("tauri")?;
    let build_version = locked_version("tauri-build")?;
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"empty-tauri\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n\
             [dependencies]\ntauri = {{ version = \"={tauri_version}\", features = [\"custom-protocol\"] }}\n\n\
             [build-dependencies]\ntauri-build = \"={build_version}\"\n\n[profile.release]\nlto = \"thin\"\ncodegen-units = 4\n"
        ),
    )?;
    std::fs::write(dir.join("build.rs"), "fn main() { tauri_build::build() }\n")?;
    std::fs::write(
        dir.join("src/main.rs"),
        "fn main() { tauri::Builder::default().run(tauri::generate_context!()).expect(\"run\"); }\n",
    )?;
    std::fs::write(
        dir.join("dist/index.html"),
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h1>Empty Tauri window</h1><p>Baseline for the startup benchmark.</p></body></html>\n",
    )?;
    std::fs::write(
        dir.join("tauri.conf.json"),
        r#"{"productName":"Empty Tauri","version":"0.1.0","identifier":"com.dukadesk.bench-empty","build":{"frontendDist":"dist"},"app":{"windows":[{"title":"Empty Tauri","width":1280,"height":800}]},"bundle":{"icon":["icons/icon.png"]}}"#,
    )?;
    run(Command::new("cargo")
        .args(["build", "--release", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env(
            "CARGO_TARGET_DIR",
            target_dir.join("bench-empty-tauri-target"),
        ))?;
    Ok(target_dir.join("bench-empty-tauri-target/release/empty-tauri"))
}

fn locked_version(name: &str) -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{name}\"") {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("{name} is not in Cargo.lock")
}

fn window_id(title: &str) -> Option<String> {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .map(str::to_owned)
}

/// The "Opening DukaDesk…" page's background (`--boot-bg` in
/// ui/styles.css): while a capture holds it, the app is not drawn yet.
const BOOT_BACKGROUND: &str = "#F3F4F5";

/// A window capture's distinct colours (1-2 while blank, many once
/// painted), and whether "Opening DukaDesk…" is still on it.
fn look(window: &str) -> (usize, bool) {
    let capture = Command::new("import")
        .args(["-window", window, "png:-"])
        .stderr(Stdio::null())
        .output();
    let Ok(capture) = capture else {
        return (0, false);
    };
    let histogram = Command::new("convert")
        .args(["png:-", "-format", "%c", "histogram:info:-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = histogram else {
        return (0, false);
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let _ = stdin.write_all(&capture.stdout);
    }
    let Ok(out) = child.wait_with_output() else {
        return (0, false);
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let colours = text.lines().filter(|l| l.contains('#')).count();
    // Lines read "  123456: (243,244,245) #F3F4F5 srgb(...)". The page
    // covers most of the window; a few pixels of that colour elsewhere are
    // only where two others blend.
    let opening = text
        .lines()
        .filter(|l| l.contains(BOOT_BACKGROUND))
        .filter_map(|l| l.trim().split(':').next()?.trim().parse::<u64>().ok())
        .any(|pixels| pixels > 100_000);
    (colours, opening)
}

fn descendants(pid: u32) -> Vec<u32> {
    let mut all = vec![pid];
    let mut i = 0;
    while i < all.len() {
        let parent = all[i];
        if let Ok(entries) = std::fs::read_dir("/proc") {
            for e in entries.flatten() {
                let Ok(child) = e.file_name().to_string_lossy().parse::<u32>() else {
                    continue;
                };
                let stat =
                    std::fs::read_to_string(format!("/proc/{child}/stat")).unwrap_or_default();
                let ppid = stat
                    .rsplit_once(')')
                    .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                    .and_then(|p| p.parse::<u32>().ok());
                if ppid == Some(parent) && !all.contains(&child) {
                    all.push(child);
                }
            }
        }
        i += 1;
    }
    all
}

fn pss_mb(pid: u32) -> f64 {
    descendants(pid)
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).ok())
        .filter_map(|s| {
            s.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .sum::<f64>()
        / 1024.0
}

/// Stops the app and every process it started (WebKit's web and network
/// processes), and waits until they are gone: one left behind can hold the
/// next launch's WebKit data and keep its window from mapping.
fn stop(mut child: Child) {
    let family = descendants(child.id());
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    std::thread::sleep(Duration::from_millis(500));
    let _ = child.kill();
    let _ = child.wait();
    for pid in &family {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while family
        .iter()
        .any(|p| std::path::Path::new(&format!("/proc/{p}")).exists())
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// [`measure_once`], tried again (at most twice) when a launch on a loaded
/// machine never shows its window; each retry is said on stderr.
fn measure(binary: &Path, title: &str, data: &Data) -> Result<Sample> {
    let mut tries = 0;
    loop {
        match measure_once(binary, title, &data.0) {
            Ok(sample) => return Ok(sample),
            Err(e) if tries < 2 => {
                tries += 1;
                eprintln!("startup bench: {e}; launching {title} again");
            }
            Err(e) => return Err(e),
        }
    }
}

fn measure_once(binary: &Path, title: &str, data: &Path) -> Result<Sample> {
    let start = Instant::now();
    let child = Command::new(binary)
        .env("DUKADESK_DATA_DIR", data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    let deadline = start + Duration::from_secs(30);
    let window = loop {
        if let Some(w) = window_id(title) {
            break w;
        }
        if Instant::now() > deadline {
            stop(child);
            bail!("{title} never mapped a window");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mapped_ms = start.elapsed().as_secs_f64() * 1000.0;
    let mut painted_ms = None;
    let drawn_ms = loop {
        let (colours, opening) = look(&window);
        let at = start.elapsed().as_secs_f64() * 1000.0;
        if colours > 16 {
            painted_ms.get_or_insert(at);
            if !opening {
                break at;
            }
        }
        if Instant::now() > deadline {
            stop(child);
            bail!("{title} never drew its page");
        }
    };
    let painted_ms = painted_ms.unwrap_or(drawn_ms);
    std::thread::sleep(Duration::from_secs(3));
    let pss = pss_mb(child.id());
    stop(child);
    Ok(Sample {
        mapped_ms,
        painted_ms,
        drawn_ms,
        pss_mb: pss,
    })
}
