//! Starting the app under tauri-driver, finding things on screen, waiting,
//! and saving screenshots.

use fantoccini::{elements::Element, wd::WindowHandle, Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long any one wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// The app's vault passphrase in every test.
pub const VAULT_PASSPHRASE: &str = "e2e vault passphrase";

/// The owner password every test sets at first run.
pub const OWNER_PASSWORD: &str = "e2e owner password";

/// A running app with a WebDriver session on it.
/// The sizes of the README's pictures: the main window on a 1366×768
/// laptop, then the pairing, Export and Disconnect windows as they open
/// (src-tauri's window sizes).
pub const DOC_SIZES: [(u32, u32); 4] = [(1366, 768), (460, 680), (600, 700), (560, 720)];

pub struct App {
    pub client: Client,
    driver: Driver,
    data_dir: Option<tempfile::TempDir>,
    shots: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free loopback port")
}

fn on_path(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The folder in the data directory where files are saved without the
/// dialog.
const SAVED: &str = "saved";

/// How many times a WebDriver session is tried before the test fails.
const SESSION_ATTEMPTS: u32 = 3;

/// Starts tauri-driver on free ports and opens a session on the app with
/// its data in `data_dir`. On failure the driver (and whatever it started)
/// is stopped as it is dropped.
async fn start_session(
    data_dir: &Path,
    env: &[(&str, String)],
) -> Result<(Driver, Client), String> {
    let binary = env!("CARGO_BIN_EXE_dukadesk");
    let (port, native_port) = (free_port(), free_port());
    let driver = Command::new("tauri-driver")
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("DUKADESK_DATA_DIR", data_dir)
        .env("DUKADESK_LOG", "warn")
        // No OS keyring under Xvfb: secrets are sealed with a passphrase.
        .env("DUKADESK_VAULT_PASSPHRASE", VAULT_PASSPHRASE)
        // Files the app would save through the native dialog (which
        // WebDriver cannot drive) land in `saved/` (`App::saved`).
        .env(
            "DUKADESK_EXPORT_SAVE_PATH",
            data_dir.join(SAVED).join("export.zip"),
        )
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start tauri-driver: {e}"))?;
    // From here a failed step stops the driver (and its WebKitWebDriver)
    // as it unwinds, so nothing is left running holding a pipe open.
    let driver = Driver(driver);
    let deadline = Instant::now() + WAIT;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() >= deadline {
            return Err(format!("tauri-driver did not listen on {port}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": binary }),
    );
    // tauri-driver listens on loopback over plain HTTP: no TLS.
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|e| e.to_string())?;
    Ok((driver, client))
}

impl App {
    /// Launches the app binary with a fresh data directory.
    pub async fn launch(test_name: &str) -> App {
        Self::launch_with(test_name, &[]).await
    }

    /// Launches the app with a fresh data directory and these extra
    /// environment variables (an update server, a D-Bus session).
    pub async fn launch_with(test_name: &str, env: &[(&str, String)]) -> App {
        let data_dir = tempfile::tempdir().expect("temporary data directory");
        Self::launch_in(test_name, data_dir, env).await
    }

    /// Starts the app again on the data directory an earlier run left
    /// ([`App::quit`]), as a shop opens DukaDesk the next morning.
    pub async fn relaunch(
        test_name: &str,
        data_dir: tempfile::TempDir,
        env: &[(&str, String)],
    ) -> App {
        Self::launch_in(test_name, data_dir, env).await
    }

    async fn launch_in(
        test_name: &str,
        data_dir: tempfile::TempDir,
        env: &[(&str, String)],
    ) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no display: run the end-to-end tests with `cargo xtask test` (it starts Xvfb)"
        );
        for tool in ["tauri-driver", "WebKitWebDriver"] {
            assert!(
                on_path(tool),
                "{tool} is not on PATH: run `cargo xtask setup`"
            );
        }
        std::fs::create_dir_all(data_dir.path().join(SAVED)).expect("saved files' folder");
        // On a loaded machine the first session can fail while
        // WebKitWebDriver starts (the request is cut short); a fresh
        // driver is then tried, a bounded number of times.
        let mut attempt = 1;
        let (driver, client) = loop {
            match start_session(data_dir.path(), env).await {
                Ok(started) => break started,
                Err(e) if attempt < SESSION_ATTEMPTS => {
                    eprintln!("WebDriver session attempt {attempt} failed ({e}); trying again");
                    attempt += 1;
                }
                Err(e) => panic!("could not open a WebDriver session on the app: {e}"),
            }
        };
        let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("e2e")
            .join(test_name);
        std::fs::create_dir_all(&shots).expect("screenshot directory");
        App {
            client,
            driver,
            data_dir: Some(data_dir),
            shots,
        }
    }

    /// Waits for the app to save `name` (a PDF, a poster) where files go
    /// in place of the save dialog, and returns its bytes.
    pub async fn saved(&self, name: &str) -> Vec<u8> {
        let path = self
            .data_dir
            .as_ref()
            .expect("running")
            .path()
            .join(SAVED)
            .join(name);
        let deadline = Instant::now() + WAIT;
        loop {
            match std::fs::read(&path) {
                Ok(bytes) if !bytes.is_empty() => return bytes,
                _ if Instant::now() >= deadline => panic!("{} was never saved", path.display()),
                _ => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Sizes the window as a common shop laptop's screen (1366×768), for
    /// screenshots as a merchant sees the app.
    pub async fn laptop_size(&self) {
        self.screen_size(1366, 768).await;
    }

    /// Sizes the window to `width` × `height`, from the screen's corner.
    pub async fn screen_size(&self, width: u32, height: u32) {
        self.client
            .set_window_rect(0, 0, width, height)
            .await
            .expect("resize the window");
    }

    /// Whether the element matching `css` is wholly inside the window
    /// without scrolling anything (its box within the viewport and not
    /// covered at its centre by another element, such as the hint bar).
    pub async fn in_view(&self, css: &str) -> bool {
        self.find(css).await;
        let script = r#"
            const el = document.querySelector(arguments[0]);
            if (!el) { return "missing"; }
            const r = el.getBoundingClientRect();
            const w = window.innerWidth, h = window.innerHeight;
            if (r.top < 0 || r.left < 0 || r.bottom > h || r.right > w) {
                return "outside: " + JSON.stringify(r) + " in " + w + "x" + h;
            }
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            if (!top || !(el === top || el.contains(top))) {
                return "covered by " + (top ? top.outerHTML.slice(0, 80) : "nothing");
            }
            return "ok";
        "#;
        let answer = self
            .client
            .execute(script, vec![serde_json::json!(css)])
            .await
            .expect("run the check");
        if answer.as_str() == Some("ok") {
            true
        } else {
            eprintln!("{css}: {answer}");
            false
        }
    }

    /// The app's data directory.
    pub fn data_dir(&self) -> &Path {
        self.data_dir
            .as_ref()
            .expect("the data directory lives until quit")
            .path()
    }

    /// Waits for an element matching `css`.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    /// Waits until the element's text contains `text`.
    pub async fn wait_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(t) = el.text().await {
                    if t.contains(text) {
                        return;
                    }
                    last = t;
                }
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let shot = self.screenshot("failure").await;
        let state = self.page_state(css).await;
        panic!(
            "{css} never showed {text:?}; last text: {last:?}; {state}; the screen is in {}",
            shot.display()
        );
    }

    /// What a failure message needs beyond the text: the fields' values
    /// under `css`, where the focus is, and whether the screen's code
    /// failed (its banner, `crashed.rs`).
    pub async fn page_state(&self, css: &str) -> String {
        let script = r#"
            const root = document.querySelector(arguments[0]);
            const fields = root ? [...root.querySelectorAll('input, select, textarea')]
                .map(f => `${f.id || f.name || f.tagName}=${JSON.stringify(f.value)}`) : [];
            const active = document.activeElement;
            const crashed = document.getElementById('ui-crashed');
            return `fields: ${fields.join(' ')}; focus: ${active ? (active.id || active.tagName) : 'none'}; `
                + (crashed ? `the screen's code failed: ${crashed.innerText}` : 'no failure banner');
        "#;
        match self.client.execute(script, vec![css.into()]).await {
            Ok(serde_json::Value::String(s)) => s,
            Ok(other) => other.to_string(),
            Err(e) => format!("the page could not be read: {e}"),
        }
    }

    /// Whether nothing matches `css` now (for what a key must not have
    /// done: the page handles keys in order, so the answer is settled).
    pub async fn absent(&self, css: &str) -> bool {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|found| found.is_empty())
            .unwrap_or(false)
    }

    /// How many elements match `css` now (once the page has settled on
    /// what is asserted: call after waiting for it).
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|found| found.len())
            .unwrap_or_else(|e| panic!("count {css}: {e}"))
    }

    /// Sends `message` in the test chat and waits for the bot's answer to
    /// it to show `reply` (not for words an earlier answer already shows:
    /// the chat must hold the message and one more after it first).
    pub async fn chat(&self, message: &str, reply: &str) {
        let before = self.count("#test-chat li.message").await;
        self.type_into("#test-chat-input", message).await;
        self.keys(key::ENTER).await;
        self.wait_count("#test-chat li.message", before + 2).await;
        self.wait_text("#test-chat", reply).await;
    }

    /// Waits until at least `n` elements match `css`.
    pub async fn wait_count(&self, css: &str, n: usize) {
        let deadline = Instant::now() + WAIT;
        let mut seen = 0;
        while Instant::now() < deadline {
            seen = self
                .client
                .find_all(Locator::Css(css))
                .await
                .map(|found| found.len())
                .unwrap_or(0);
            if seen >= n {
                return;
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let shot = self.screenshot("failure").await;
        panic!(
            "{css} matched {seen}, never {n}; the screen is in {}",
            shot.display()
        );
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if self.absent(css).await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let shot = self.screenshot("failure").await;
        panic!("{css} never went; the screen is in {}", shot.display());
    }

    /// Types into the element matching `css`, replacing what it held.
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        // WebDriver's clear fires no `input` event, so the page's own state
        // would still hold the old text and could draw it back before the
        // new keys land; tell the page the field is empty.
        let arg = serde_json::to_value(&el).expect("element reference");
        self.client
            .execute(
                "arguments[0].dispatchEvent(new Event('input', { bubbles: true }))",
                vec![arg],
            )
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Types the owner password into both first-run fields.
    pub async fn type_owner_password(&self) {
        self.type_into("#owner-password", OWNER_PASSWORD).await;
        self.type_into("#owner-repeat", OWNER_PASSWORD).await;
    }

    /// First run: names the shop, chooses the owner password, and waits
    /// for the till.
    pub async fn set_up_shop(&self, name: &str) {
        self.type_into("#shop-name", name).await;
        self.type_owner_password().await;
        self.click("#setup-submit").await;
        self.wait_text("#topbar-shop-name", name).await;
    }

    /// Opens Settings at one section (`shop`, `hours`, `delivery`, `mpesa`,
    /// `whatsapp`, `sync`, `staff`, `privacy`, `computer`) and waits until
    /// it shows.
    pub async fn open_settings(&self, section: &str) {
        self.click("#nav-settings").await;
        self.click(&format!("#settings-{section}")).await;
        self.find(&format!("#settings-panel[data-section={section}]"))
            .await;
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        // A button disabled while the page is busy ignores clicks: wait
        // until it takes one, as a person would.
        let deadline = Instant::now() + WAIT;
        loop {
            let el = self.find(css).await;
            if el.is_enabled().await.unwrap_or(false) {
                match el.click().await {
                    Ok(()) => return,
                    // The page redrew the element between finding and
                    // clicking it (a list refreshed): find it again.
                    Err(e) if Instant::now() > deadline => {
                        let shot = self.screenshot("failure").await;
                        panic!("click {css}: {e:?}; the screen is in {}", shot.display())
                    }
                    Err(_) => {}
                }
            }
            if Instant::now() > deadline {
                let shot = self.screenshot("failure").await;
                panic!("{css} stayed disabled; the screen is in {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks a button that closes the current window, then waits until the
    /// window is gone. (WebDriver may answer the click itself with an error
    /// once its window has closed: that is success here.)
    pub async fn click_to_close_window(&self, css: &str) {
        let this = self.client.window().await.expect("the current window");
        let _ = self.find(css).await.click().await;
        let deadline = Instant::now() + WAIT;
        while self
            .client
            .windows()
            .await
            .is_ok_and(|all| all.contains(&this))
        {
            assert!(Instant::now() < deadline, "{css} did not close its window");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for a window not in `known` (one the app just opened),
    /// switches to it and returns its handle.
    pub async fn switch_to_new_window(&self, known: &[&WindowHandle], what: &str) -> WindowHandle {
        let deadline = Instant::now() + WAIT;
        let window = loop {
            let windows = self.client.windows().await.expect("windows");
            if let Some(w) = windows.into_iter().find(|w| !known.contains(&w)) {
                break w;
            }
            assert!(Instant::now() < deadline, "the {what} did not open");
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        self.client
            .switch_to_window(window.clone())
            .await
            .unwrap_or_else(|e| panic!("switch to the {what}: {e}"));
        window
    }

    /// Calls an app command from the current window as its page could,
    /// past the UI: `Err` holds the refusal (a capability refusal says "not
    /// allowed").
    pub async fn raw_invoke(
        &self,
        command: &str,
        req: serde_json::Value,
    ) -> Result<serde_json::Value, String> {
        let reply = self
            .client
            .execute_async(
                "const [cmd, args, done] = arguments;
                 window.__TAURI_INTERNALS__.invoke(cmd, args)
                   .then(r => done({ ok: true, value: r }), e => done({ ok: false, error: typeof e === 'string' ? e : JSON.stringify(e) }));",
                vec![command.into(), serde_json::json!({ "req": req })],
            )
            .await
            .expect("the script ran");
        if reply["ok"] == true {
            Ok(reply["value"].clone())
        } else {
            Err(reply["error"].as_str().unwrap_or_default().to_owned())
        }
    }

    /// Asserts the current window may not call `command` (its capability
    /// leaves it out).
    pub async fn assert_not_allowed(&self, command: &str, req: serde_json::Value) {
        let refused = self
            .raw_invoke(command, req)
            .await
            .expect_err(&format!("{command} should be refused here"));
        assert!(
            refused.contains("not allowed"),
            "{command} was refused for another reason: {refused}"
        );
    }

    /// Sends keys to whatever has focus.
    pub async fn keys(&self, keys: &str) {
        let active = self.client.active_element().await.expect("focused element");
        active.send_keys(keys).await.expect("send keys");
    }

    /// Saves a screenshot as `<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // Two animation frames: what the last change drew is painted.
        let _ = self
            .client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await;
        let png = self.client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
        let path = self.shots.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        eprintln!("screenshot: {}", path.display());
        path
    }

    /// A screenshot that is also one of the README's pictures
    /// (`docs/<doc>.png`): with `DUKADESK_DOCS_SHOTS` set to a directory
    /// (`cargo xtask shots` sets it to `docs/`), it is written there too,
    /// so the README's pictures are retaken from the app as it is. The main
    /// window must be at 1366×768, the laptop most shops have; the other
    /// windows at the size they open at.
    pub async fn doc_shot(&self, name: &str, doc: &str) {
        let path = self.screenshot(name).await;
        let png = std::fs::read(&path).expect("read the screenshot");
        let size = (
            u32::from_be_bytes(png[16..20].try_into().expect("width")),
            u32::from_be_bytes(png[20..24].try_into().expect("height")),
        );
        assert!(
            DOC_SIZES.contains(&size),
            "{doc}.png would be {}×{}: the README's pictures are at {DOC_SIZES:?}",
            size.0,
            size.1
        );
        if let Some(dir) = std::env::var_os("DUKADESK_DOCS_SHOTS") {
            let to = PathBuf::from(dir).join(format!("{doc}.png"));
            std::fs::write(&to, &png).unwrap_or_else(|e| panic!("write {}: {e}", to.display()));
        }
    }

    /// Ends the session and stops the driver (SIGTERM, so its WebKitWebDriver
    /// child goes too).
    pub async fn quit(mut self) -> tempfile::TempDir {
        let _ = self.client.clone().close().await;
        let _ = Command::new("kill")
            .arg(self.driver.0.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.0.try_wait() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = self.driver.0.kill();
        let _ = self.driver.0.wait();
        self.data_dir
            .take()
            .expect("the data directory lives until quit")
    }
}

/// The tauri-driver process.
struct Driver(Child);

impl Drop for Driver {
    /// A test that panics never reaches `quit`: stop the driver anyway, so
    /// no WebKitWebDriver or app is left running (or holding a pipe open).
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = Command::new("kill").arg(self.0.id().to_string()).status();
            std::thread::sleep(Duration::from_millis(500));
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// WebDriver key codes.
pub mod key {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    /// Ctrl+Z, the Control key released after.
    pub const CTRL_Z: &str = "\u{E009}z\u{E000}";
}

/// Adds items (name, price in shillings; 500 in stock each) through the
/// core, beside the running app, and returns the catalogue.
pub async fn stock_items(
    store: &dukadesk_core::Store,
    items: &[(&str, &str)],
) -> Vec<dukadesk_domain::catalogue::Item> {
    for (name, price) in items {
        store
            .save_item(&dukadesk_domain::catalogue::ItemInput {
                name: (*name).into(),
                price: (*price).into(),
                stock: "500".into(),
                ..Default::default()
            })
            .await
            .expect("item");
    }
    store.items(false).await.expect("items")
}
