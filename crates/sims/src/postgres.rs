//! A real, throwaway PostgreSQL server for tests and benchmarks: `initdb` in a
//! temporary directory, started on a free loopback port with password
//! authentication, stopped (or crashed, or restarted) on demand, and removed
//! when dropped.
//!
//! It uses the server binaries of Debian's `postgresql` package. `initdb`
//! refuses to run as root, so as root the binaries run as the `postgres`
//! system user through `runuser`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the server could not be started or controlled.
#[derive(Debug)]
pub struct PgError(pub String);

impl std::fmt::Display for PgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PgError {}

/// The superuser the cluster is created with.
pub const SUPERUSER: &str = "postgres_super";

/// The owner of database `dukadesk`: not a superuser, with CREATEROLE, as a
/// hosted provider would give the admin command.
pub const OWNER: &str = "dukadesk_admin";

/// A running PostgreSQL cluster in a temporary directory.
#[derive(Debug)]
pub struct TempPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    password: String,
    as_postgres: bool,
    running: bool,
}

impl TempPostgres {
    /// Creates and starts a cluster with a database `dukadesk`.
    pub fn start() -> Result<Self, PgError> {
        let bin = bin_dir().ok_or_else(|| {
            PgError(
                "PostgreSQL's server binaries were not found (looked in /usr/lib/postgresql/*/bin \
                 and PATH). Install them with `sudo apt-get install postgresql` or run \
                 `cargo xtask setup`."
                    .into(),
            )
        })?;
        let as_postgres = is_root();
        let dir = tempfile::Builder::new()
            .prefix("dukadesk-pg-")
            .tempdir()
            .map_err(|e| PgError(format!("Could not make a temporary directory: {e}")))?;
        let password = uuid::Uuid::new_v4().simple().to_string();
        let pwfile = dir.path().join("pw");
        std::fs::write(&pwfile, &password)
            .map_err(|e| PgError(format!("Could not write the password file: {e}")))?;
        if as_postgres {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path()))?;
        }
        let mut pg = TempPostgres {
            dir,
            bin,
            port: 0,
            password,
            as_postgres,
            running: false,
        };
        let data = pg.data_dir();
        run(pg
            .command("initdb")
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                SUPERUSER,
                "-E",
                "UTF8",
                "--no-sync",
                "--no-instructions",
            ])
            .args(["--auth-host=scram-sha-256", "--auth-local=trust"])
            .arg(format!("--pwfile={}", pwfile.display())))?;
        pg.port = free_port()?;
        pg.start_server()?;
        pg.psql(
            "postgres",
            &format!(
                "CREATE ROLE {OWNER} LOGIN CREATEROLE NOSUPERUSER PASSWORD '{}'",
                pg.password
            ),
        )?;
        pg.psql(
            "postgres",
            &format!("CREATE DATABASE dukadesk OWNER {OWNER}"),
        )?;
        Ok(pg)
    }

    /// The loopback port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The password of both the superuser and the owner.
    pub fn password(&self) -> &str {
        &self.password
    }

    /// A URL for the database owner (not a superuser) on database `dukadesk`.
    pub fn owner_url(&self) -> String {
        format!(
            "postgres://{OWNER}:{}@127.0.0.1:{}/dukadesk?sslmode=disable",
            self.password, self.port
        )
    }

    /// A URL for the superuser on database `dukadesk`.
    pub fn superuser_url(&self) -> String {
        format!(
            "postgres://{SUPERUSER}:{}@127.0.0.1:{}/dukadesk?sslmode=disable",
            self.password, self.port
        )
    }

    /// Stops the server at once, as a crash would (`-m immediate`).
    pub fn crash(&mut self) -> Result<(), PgError> {
        self.stop_mode("immediate")
    }

    /// Stops the server cleanly.
    pub fn stop(&mut self) -> Result<(), PgError> {
        self.stop_mode("fast")
    }

    /// Starts a stopped server again on the same port.
    pub fn start_server(&mut self) -> Result<(), PgError> {
        if self.running {
            return Ok(());
        }
        let data = self.data_dir();
        let log = self.dir.path().join("server.log");
        let opts = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off -c full_page_writes=off \
             -c max_connections=200",
            self.port,
            self.dir.path().display()
        );
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .args(["-o", &opts, "-w", "-t", "60", "start"]))
        .map_err(|e| {
            let tail = std::fs::read_to_string(&log).unwrap_or_default();
            PgError(format!("{e}\nserver log:\n{tail}"))
        })?;
        self.running = true;
        Ok(())
    }

    /// Turns TLS on with a fresh self-signed certificate (made with the
    /// `openssl` command) and restarts the server. Clients that check the
    /// certificate against known authorities must refuse it.
    pub fn enable_tls(&mut self) -> Result<(), PgError> {
        let data = self.data_dir();
        let (crt, key) = (data.join("server.crt"), data.join("server.key"));
        run(Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            ])
            .args(["-subj", "/CN=dukadesk-test-server", "-keyout"])
            .arg(&key)
            .arg("-out")
            .arg(&crt))?;
        run(Command::new("chmod").arg("600").arg(&key))?;
        if self.as_postgres {
            run(Command::new("chown")
                .arg("postgres:postgres")
                .arg(&crt)
                .arg(&key))?;
        }
        let conf = data.join("postgresql.conf");
        let mut text = std::fs::read_to_string(&conf)
            .map_err(|e| PgError(format!("Could not read {}: {e}", conf.display())))?;
        text.push_str("\nssl = on\n");
        std::fs::write(&conf, text)
            .map_err(|e| PgError(format!("Could not write {}: {e}", conf.display())))?;
        self.stop()?;
        self.start_server()
    }

    /// Runs SQL through `psql` as the superuser over the Unix socket.
    pub fn psql(&self, db: &str, sql: &str) -> Result<String, PgError> {
        let out = self
            .command("psql")
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(self.dir.path())
            .args([
                "-p",
                &self.port.to_string(),
                "-U",
                SUPERUSER,
                "-d",
                db,
                "-c",
                sql,
            ])
            .output()
            .map_err(|e| PgError(format!("Could not run psql: {e}")))?;
        if !out.status.success() {
            return Err(PgError(format!(
                "psql failed: {}",
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    fn stop_mode(&mut self, mode: &str) -> Result<(), PgError> {
        if !self.running {
            return Ok(());
        }
        let data = self.data_dir();
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-m", mode, "-w", "stop"]))?;
        self.running = false;
        Ok(())
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, program: &str) -> Command {
        let exe = if program == "psql" && !self.bin.join("psql").exists() {
            PathBuf::from("psql")
        } else {
            self.bin.join(program)
        };
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(exe);
            c
        } else {
            Command::new(exe)
        }
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let _ = self.stop_mode("immediate");
    }
}

fn run(cmd: &mut Command) -> Result<(), PgError> {
    let out = cmd
        .output()
        .map_err(|e| PgError(format!("Could not run {cmd:?}: {e}")))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(PgError(format!(
            "{cmd:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )))
    }
}

fn free_port() -> Result<u16, PgError> {
    let l = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| PgError(format!("No free loopback port: {e}")))?;
    l.local_addr()
        .map(|a| a.port())
        .map_err(|e| PgError(format!("No free loopback port: {e}")))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// The newest `/usr/lib/postgresql/<v>/bin`, or the directory of `initdb` on
/// PATH.
fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, b)| b).or_else(|| {
        std::env::var_os("PATH").and_then(|p| {
            std::env::split_paths(&p)
                .find(|d| d.join("initdb").exists())
                .map(|d| Path::new(&d).to_path_buf())
        })
    })
}
