//! Release packaging: the update signing key, the Linux installers and the
//! signed update artifacts.
//!
//! - `signer-generate <file>`: a new minisign key pair in the format
//!   `tauri signer generate` writes (the private key file holds the base64
//!   of the encrypted minisign secret key; `<file>.pub` the base64 of the
//!   public key). The password comes from `TAURI_SIGNING_PRIVATE_KEY_PASSWORD`.
//!   It refuses to write inside the repository: the private key is never
//!   committed.
//! - `bundle`: the release binary with the embedded UI, a `.deb` built with
//!   `dpkg-deb` (the binary marked as installed from a .deb, as the Tauri
//!   bundler marks it, so the updater installs .deb updates), and, when
//!   `TAURI_SIGNING_PRIVATE_KEY` is set, its `.sig` and a `latest.json`
//!   manifest (one `latest.json` for every platform of the version; the
//!   Windows entry comes from `bundle --windows`, see `windows`). AppImage needs linuxdeploy and appimagetool, downloaded from
//!   GitHub by every AppImage tool; it is reported as not built.

use anyhow::{bail, Context, Result};
use base64::Engine;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The marker the Tauri runtime reads to know how it was installed; the
/// bundler rewrites its last three letters in the binary.
const BUNDLE_MARKER: &[u8] = b"__TAURI_BUNDLE_TYPE_VAR_UNK";
const DEB_MARKER: &[u8] = b"__TAURI_BUNDLE_TYPE_VAR_DEB";

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// `cargo xtask signer-generate <file>`.
pub fn signer_generate(root: &Path, args: &[String]) -> Result<()> {
    let Some(path) = args.first().map(PathBuf::from) else {
        bail!("usage: cargo xtask signer-generate <private key file, outside the repository>");
    };
    let absolute = std::path::absolute(&path).context("resolving the key path")?;
    let root = std::fs::canonicalize(root).context("resolving the project root")?;
    let parent = absolute
        .parent()
        .and_then(|p| std::fs::canonicalize(p).ok())
        .unwrap_or_else(|| absolute.clone());
    if parent.starts_with(&root) {
        bail!(
            "refusing to write a private key inside the repository ({}): keep it offline or in CI secrets",
            absolute.display()
        );
    }
    if absolute.exists() {
        bail!(
            "{} exists already; not overwriting a key",
            absolute.display()
        );
    }
    let password = std::env::var("TAURI_SIGNING_PRIVATE_KEY_PASSWORD").unwrap_or_default();
    if password.is_empty() {
        eprintln!("xtask: warning: TAURI_SIGNING_PRIVATE_KEY_PASSWORD is empty; the key is encrypted with an empty password");
    }
    let pair = minisign::KeyPair::generate_encrypted_keypair(Some(password))
        .map_err(|e| anyhow::anyhow!("generating the key pair: {e}"))?;
    let secret = pair
        .sk
        .to_box(None)
        .map_err(|e| anyhow::anyhow!("encoding the secret key: {e}"))?
        .into_string();
    let public = pair
        .pk
        .to_box()
        .map_err(|e| anyhow::anyhow!("encoding the public key: {e}"))?
        .into_string();
    if let Some(dir) = absolute.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_private(&absolute, &b64(&secret))?;
    let public_path = absolute.with_extension("pub");
    std::fs::write(&public_path, b64(&public))?;
    println!(
        "private key: {} (keep it offline or in CI secrets; never commit it)",
        absolute.display()
    );
    println!("public key:  {}", public_path.display());
    println!(
        "put this in tauri.conf.json under plugins.updater.pubkey:\n{}",
        b64(&public)
    );
    Ok(())
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("creating {}", path.display()))
}

/// The private key from `TAURI_SIGNING_PRIVATE_KEY` (the key itself or a
/// path to its file) and `TAURI_SIGNING_PRIVATE_KEY_PASSWORD`; `None` when
/// the key is not set.
pub(crate) fn signing_key() -> Result<Option<minisign::SecretKey>> {
    let Ok(value) = std::env::var("TAURI_SIGNING_PRIVATE_KEY") else {
        return Ok(None);
    };
    let value = value.trim();
    let encoded = if Path::new(value).is_file() {
        std::fs::read_to_string(value).with_context(|| format!("reading {value}"))?
    } else {
        value.to_owned()
    };
    let text = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .context(
            "TAURI_SIGNING_PRIVATE_KEY is not base64 (use the file `signer-generate` wrote)",
        )?;
    let text = String::from_utf8(text).context("TAURI_SIGNING_PRIVATE_KEY is not a key")?;
    let boxed = minisign::SecretKeyBox::from_string(&text)
        .map_err(|e| anyhow::anyhow!("TAURI_SIGNING_PRIVATE_KEY is not a minisign key: {e}"))?;
    let password = std::env::var("TAURI_SIGNING_PRIVATE_KEY_PASSWORD").unwrap_or_default();
    let key = boxed.into_secret_key(Some(password)).map_err(|e| {
        anyhow::anyhow!(
            "the key could not be opened (wrong TAURI_SIGNING_PRIVATE_KEY_PASSWORD?): {e}"
        )
    })?;
    Ok(Some(key))
}

/// The `.sig` text for `bytes`, as `tauri signer sign` writes it: the
/// base64 of a minisign signature whose trusted comment names the file and
/// the version (the app refuses a signature made for another version).
pub fn sign(
    key: &minisign::SecretKey,
    bytes: &[u8],
    file_name: &str,
    version: &str,
) -> Result<String> {
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let trusted = format!("timestamp:{timestamp}\tfile:{file_name}\tversion:{version}");
    let signature = minisign::sign(
        None,
        key,
        std::io::Cursor::new(bytes),
        Some(&trusted),
        Some("signature from tauri secret key"),
    )
    .map_err(|e| anyhow::anyhow!("signing {file_name}: {e}"))?;
    Ok(b64(&signature.into_string()))
}

/// Replaces the bundle-type marker so the app knows how it was installed
/// (`.deb`: the updater installs with dpkg; NSIS: it runs the installer).
pub(crate) fn mark(binary: &mut [u8], marker: &[u8]) -> Result<()> {
    let at = binary
        .windows(BUNDLE_MARKER.len())
        .position(|w| w == BUNDLE_MARKER)
        .context("the binary has no bundle-type marker (is it a Tauri 2 app?)")?;
    binary[at..at + marker.len()].copy_from_slice(marker);
    Ok(())
}

/// What the bundles take from tauri.conf.json.
#[derive(Debug)]
pub(crate) struct Conf {
    pub version: String,
    pub product: String,
    pub summary: String,
}

impl Conf {
    pub(crate) fn read(root: &Path) -> Result<Conf> {
        let conf: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("tauri.conf.json"))
                .context("reading tauri.conf.json")?,
        )
        .context("tauri.conf.json is not JSON")?;
        Ok(Conf {
            version: conf["version"]
                .as_str()
                .context("tauri.conf.json has no version")?
                .to_owned(),
            product: conf["productName"]
                .as_str()
                .unwrap_or("DukaDesk")
                .to_owned(),
            summary: conf["bundle"]["shortDescription"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        })
    }
}

/// Adds (or replaces) one platform's entry in the update manifest. A
/// manifest for another version is started again, so one `latest.json`
/// carries every platform built for this version.
pub(crate) fn add_to_manifest(
    manifest_path: &Path,
    version: &str,
    platform: &str,
    file_name: &str,
    signature: &str,
) -> Result<()> {
    let base = std::env::var("DUKADESK_RELEASE_BASE_URL")
        .unwrap_or_else(|_| "https://REPLACE-WITH-THE-RELEASE-HOST".into());
    let notes = match std::env::var("DUKADESK_RELEASE_NOTES") {
        Ok(path) if Path::new(&path).is_file() => std::fs::read_to_string(&path)?,
        Ok(text) => text,
        Err(_) => String::new(),
    };
    let pub_date = output(Command::new("date").args(["-u", "+%Y-%m-%dT%H:%M:%SZ"]))?;
    let mut manifest = std::fs::read_to_string(manifest_path)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .filter(|m| m["version"] == version)
        .unwrap_or_else(|| serde_json::json!({ "version": version, "platforms": {} }));
    manifest["notes"] = notes.into();
    manifest["pub_date"] = pub_date.into();
    manifest["platforms"][platform] = serde_json::json!({
        "url": format!("{}/{file_name}", base.trim_end_matches('/')),
        "signature": signature,
    });
    if let Some(dir) = manifest_path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(manifest_path, serde_json::to_string_pretty(&manifest)?)?;
    Ok(())
}

pub(crate) fn output(cmd: &mut Command) -> Result<String> {
    let out = cmd
        .output()
        .with_context(|| format!("could not start {cmd:?}"))?;
    if !out.status.success() {
        bail!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `cargo xtask bundle`, after the UI is built: see the module docs.
pub fn bundle(root: &Path, target_dir: &Path) -> Result<()> {
    let Conf {
        version,
        product,
        summary,
    } = Conf::read(root)?;

    crate::run(Command::new("cargo").args([
        "build",
        "--release",
        "--locked",
        "-p",
        "dukadesk",
        "--features",
        "custom-protocol",
    ]))?;
    let mut binary = std::fs::read(target_dir.join("release").join("dukadesk"))
        .context("reading the release binary")?;
    mark(&mut binary, DEB_MARKER)?;

    let arch = output(Command::new("dpkg").arg("--print-architecture"))?;
    let out_dir = target_dir.join("release").join("bundle");
    let deb_name = format!("{product}_{version}_{arch}.deb");
    let stage = out_dir
        .join("deb")
        .join(format!("{product}_{version}_{arch}"));
    if stage.exists() {
        std::fs::remove_dir_all(&stage)?;
    }
    let bin_dir = stage.join("usr/bin");
    std::fs::create_dir_all(&bin_dir)?;
    let bin_path = bin_dir.join("dukadesk");
    std::fs::write(&bin_path, &binary)?;
    set_mode(&bin_path, 0o755)?;
    for (file, size) in [
        ("32x32.png", "32x32"),
        ("128x128.png", "128x128"),
        ("128x128@2x.png", "256x256"),
    ] {
        let dir = stage.join(format!("usr/share/icons/hicolor/{size}/apps"));
        std::fs::create_dir_all(&dir)?;
        std::fs::copy(root.join("icons").join(file), dir.join("dukadesk.png"))
            .with_context(|| format!("copying icons/{file}"))?;
    }
    let apps = stage.join("usr/share/applications");
    std::fs::create_dir_all(&apps)?;
    std::fs::write(
        apps.join("dukadesk.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName={product}\nComment={summary}\nExec=dukadesk\nIcon=dukadesk\nTerminal=false\nCategories=Office;Finance;\nStartupWMClass=dukadesk\n"
        ),
    )?;
    let control = stage.join("DEBIAN");
    std::fs::create_dir_all(&control)?;
    let installed_kb = dir_size(&stage)?.div_ceil(1024);
    std::fs::write(
        control.join("control"),
        format!(
            "Package: dukadesk\nVersion: {version}\nArchitecture: {arch}\nMaintainer: DukaDesk <support@dukadesk.app>\nInstalled-Size: {installed_kb}\nDepends: libwebkit2gtk-4.1-0, libgtk-3-0\nSection: misc\nPriority: optional\nDescription: {summary}\n"
        ),
    )?;
    let deb = out_dir.join(&deb_name);
    crate::run(
        Command::new("dpkg-deb")
            .args(["--build", "--root-owner-group"])
            .arg(&stage)
            .arg(&deb),
    )?;
    println!("bundle: {}", deb.display());
    println!(
        "bundle: AppImage NOT built: linuxdeploy and appimagetool are downloaded from GitHub by every AppImage tool, which this network does not reach (see README, Packaging)"
    );

    match signing_key()? {
        None => {
            println!("bundle: update artifacts were NOT signed: set TAURI_SIGNING_PRIVATE_KEY (and TAURI_SIGNING_PRIVATE_KEY_PASSWORD) to sign them and write latest.json");
        }
        Some(key) => {
            let bytes = std::fs::read(&deb)?;
            let signature = sign(&key, &bytes, &deb_name, &version)?;
            let sig_path = out_dir.join(format!("{deb_name}.sig"));
            std::fs::write(&sig_path, &signature)?;
            let platform = format!(
                "linux-{}-deb",
                if arch == "amd64" {
                    "x86_64"
                } else if arch == "arm64" {
                    "aarch64"
                } else {
                    arch.as_str()
                }
            );
            let manifest_path = out_dir.join("latest.json");
            add_to_manifest(&manifest_path, &version, &platform, &deb_name, &signature)?;
            println!("bundle: signed {}", sig_path.display());
            println!(
                "bundle: manifest {} (publish it with the .deb at DUKADESK_RELEASE_BASE_URL)",
                manifest_path.display()
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    Ok(())
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

fn dir_size(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            dir_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deb_marker_replaces_the_unknown_one_in_place() {
        let mut binary = b"....__TAURI_BUNDLE_TYPE_VAR_UNK....".to_vec();
        let len = binary.len();
        mark(&mut binary, DEB_MARKER).expect("marker");
        assert_eq!(binary.len(), len);
        assert_eq!(&binary[4..4 + DEB_MARKER.len()], DEB_MARKER);
        assert!(mark(&mut b"no marker here".to_vec(), DEB_MARKER).is_err());
    }

    #[test]
    fn a_signature_names_the_version_and_verifies_with_the_public_key() {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("pair");
        let sig = sign(&pair.sk, b"artifact", "DukaDesk_0.2.0_amd64.deb", "0.2.0").expect("sign");
        let text = String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(sig)
                .expect("base64"),
        )
        .expect("utf8");
        let boxed = minisign::SignatureBox::from_string(&text).expect("signature box");
        assert!(boxed
            .trusted_comment()
            .expect("comment")
            .ends_with("\tversion:0.2.0"));
        minisign::verify(
            &pair.pk,
            &boxed,
            std::io::Cursor::new(b"artifact"),
            true,
            false,
            false,
        )
        .expect("verifies");
        assert!(minisign::verify(
            &pair.pk,
            &boxed,
            std::io::Cursor::new(b"artifacT"),
            true,
            false,
            false
        )
        .is_err());
    }

    #[test]
    fn one_manifest_carries_every_platform_of_a_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("latest.json");
        add_to_manifest(&path, "0.2.0", "linux-x86_64-deb", "a.deb", "sig-linux").expect("linux");
        add_to_manifest(&path, "0.2.0", "windows-x86_64", "a-setup.exe", "sig-win").expect("win");
        let m: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        assert_eq!(m["version"], "0.2.0");
        assert_eq!(m["platforms"]["linux-x86_64-deb"]["signature"], "sig-linux");
        assert_eq!(m["platforms"]["windows-x86_64"]["signature"], "sig-win");
        assert!(m["platforms"]["windows-x86_64"]["url"]
            .as_str()
            .expect("url")
            .ends_with("/a-setup.exe"));
        // A new version starts a new manifest: no stale platform survives.
        add_to_manifest(&path, "0.3.0", "windows-x86_64", "b-setup.exe", "sig-3").expect("next");
        let m: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        assert_eq!(m["version"], "0.3.0");
        assert!(m["platforms"].get("linux-x86_64-deb").is_none());
    }
}
