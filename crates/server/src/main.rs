//! `dukadesk-server`: serves the `/v1` sync API (`serve`) and provisions
//! the hosted database (`migrate`, `create-shop`, `enrol-device`,
//! `revoke-device`, `list-devices`, `purge`). One config file
//! (`--config`, see `dukadesk-server.example.toml`) overridable by
//! `DUKADESK_SERVER_*` environment variables. `serve` logs in as
//! `dukadesk_server`; the other commands as the database owner
//! (`database.owner_url`).

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use dukadesk_core::privacy::retention::DEFAULT_ORDER_YEARS;
use dukadesk_core::sync::admin;
use dukadesk_core::sync::protocol::ServerEnrolment;
use dukadesk_core::sync::purge::{self, PurgePlan, DEFAULT_BATCH};
use dukadesk_server::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;
use uuid::Uuid;

#[derive(Parser)]
#[command(name = "dukadesk-server", version, about)]
struct Cli {
    /// The config file (TOML).
    #[arg(long, env = "DUKADESK_SERVER_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Serve the /v1 API until stopped (SIGINT or SIGTERM).
    Serve,
    /// Apply the hosted schema and give the server its login (safe to run
    /// again; sets the server's password from the config).
    Migrate,
    /// Create a shop and print its id.
    CreateShop {
        /// The shop's name.
        #[arg(long)]
        name: String,
    },
    /// Enrol a till with this server: prints a one-time enrolment string.
    EnrolDevice {
        /// The shop's id (from create-shop or list-devices).
        #[arg(long)]
        shop: Uuid,
        /// A label staff recognise ("Front counter").
        #[arg(long)]
        label: String,
        /// Hours before the code expires.
        #[arg(long, default_value_t = 24)]
        valid_hours: i64,
        /// Also draw the string as a QR code (on standard error), for a
        /// till with a 2D scanner.
        #[arg(long)]
        qr: bool,
    },
    /// Revoke a till: refused from its next request, its live stream closed.
    RevokeDevice {
        /// The till's device id (from list-devices).
        #[arg(long)]
        device: Uuid,
    },
    /// List shops and their tills.
    ListDevices {
        /// Only this shop.
        #[arg(long)]
        shop: Option<Uuid>,
    },
    /// Delete orders past their retention period (with their lines and
    /// payments). Safe to run again; run it daily.
    Purge {
        /// Years orders are kept (5 to 30).
        #[arg(long, default_value_t = DEFAULT_ORDER_YEARS)]
        years: u32,
        /// Only this shop.
        #[arg(long)]
        shop: Option<Uuid>,
        /// A shop that keeps orders for another period, as
        /// <shop id>=<years>; repeat for more shops.
        #[arg(long = "shop-years", value_name = "SHOP=YEARS", value_parser = shop_years)]
        shop_years: Vec<(Uuid, u32)>,
        /// Only print what would be deleted.
        #[arg(long)]
        dry_run: bool,
        /// Orders deleted per transaction (1 to 10000).
        #[arg(long, default_value_t = DEFAULT_BATCH)]
        batch: u32,
    },
}

fn shop_years(s: &str) -> Result<(Uuid, u32), String> {
    let (shop, years) = s
        .split_once('=')
        .ok_or("write it as <shop id>=<years>, e.g. 5f0c...=10")?;
    let shop = Uuid::parse_str(shop.trim()).map_err(|e| format!("bad shop id: {e}"))?;
    let years = years
        .trim()
        .parse()
        .map_err(|_| format!("\"{years}\" is not a number of years"))?;
    Ok((shop, years))
}

fn main() -> ExitCode {
    dukadesk_core::net::install_crypto_provider();
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref(), std::env::vars()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("dukadesk-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dukadesk-server: could not start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dukadesk-server: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn owner(config: &Config) -> anyhow::Result<admin::PgPool> {
    Ok(admin::connect(config.owner_url()?).await?)
}

async fn run(cmd: Cmd, config: Config) -> anyhow::Result<()> {
    match cmd {
        Cmd::Serve => {
            let listener = tokio::net::TcpListener::bind(config.listen)
                .await
                .with_context(|| format!("Could not listen on {}", config.listen))?;
            let running = dukadesk_server::start(&config, listener).await?;
            let stop = running.shutdown_token();
            tokio::spawn(async move {
                shutdown_signal().await;
                stop.cancel();
            });
            running.wait().await?;
        }
        Cmd::Migrate => {
            let password = config.server_password()?.to_owned();
            let pool = owner(&config).await?;
            admin::migrate(&pool).await?;
            admin::set_server_login(&pool, &password).await?;
            println!(
                "The hosted schema is up to date; {} can log in.",
                admin::SERVER_ROLE
            );
        }
        Cmd::CreateShop { name } => {
            let id = admin::create_shop(&owner(&config).await?, &name).await?;
            println!("{id}");
        }
        Cmd::EnrolDevice {
            shop,
            label,
            valid_hours,
            qr,
        } => {
            if !(1..=24 * 30).contains(&valid_hours) {
                anyhow::bail!("--valid-hours must be between 1 and 720");
            }
            let d = admin::enrol_server_device(
                &owner(&config).await?,
                shop,
                &label,
                chrono::Duration::hours(valid_hours),
                chrono::Utc::now(),
            )
            .await?;
            eprintln!(
                "Till \"{}\" (device {}, order numbers ending in {}) enrolled in {}. Enter this \
                 in the till before {}; it works once:",
                d.label,
                d.device_id,
                d.device_no,
                d.shop_name,
                d.expires_at.format("%Y-%m-%d %H:%M UTC")
            );
            let s = ServerEnrolment {
                url: config.public_url.clone(),
                code: d.code,
                shop_name: d.shop_name,
                label: d.label,
                expires_at: d.expires_at,
                pin: config.public_cert_sha256,
            };
            let encoded = s.encode();
            if qr {
                match dukadesk_server::qr::render(&encoded) {
                    Some(drawn) => eprintln!("{drawn}"),
                    None => eprintln!("(too long for a QR code: paste the string instead)"),
                }
            }
            println!("{encoded}");
        }
        Cmd::RevokeDevice { device } => {
            admin::revoke_device(&owner(&config).await?, device).await?;
            println!("Revoked {device}: its next request is refused and its live stream closed.");
        }
        Cmd::ListDevices { shop } => {
            let pool = owner(&config).await?;
            let shops = admin::list_shops(&pool).await?;
            let devices = admin::list_devices(&pool, shop).await?;
            for (id, name, active) in shops {
                if shop.is_some_and(|s| s != id) {
                    continue;
                }
                println!("{name}  {id}  ({active} active tills)");
                for d in devices.iter().filter(|d| d.shop_id == id) {
                    let state = match (&d.revoked_at, &d.last_seen_at) {
                        (Some(r), _) => format!("revoked {}", r.format("%Y-%m-%d %H:%M")),
                        (None, Some(s)) => format!("last sync {}", s.format("%Y-%m-%d %H:%M")),
                        (None, None) => "never synced".into(),
                    };
                    println!("  #{}  {}  {}  {state}", d.device_no, d.label, d.id);
                }
            }
        }
        Cmd::Purge {
            years,
            shop,
            shop_years,
            dry_run,
            batch,
        } => {
            let plan = PurgePlan {
                years,
                shop,
                overrides: shop_years,
                dry_run,
                batch,
            };
            plan.check()?;
            let shops = purge::purge(&owner(&config).await?, &plan, chrono::Utc::now()).await?;
            let verb = if dry_run { "would remove" } else { "removed" };
            for p in &shops {
                println!(
                    "{}  {}  kept {} years, orders created before {}: {verb} {} orders, {} lines, \
                     {} payments",
                    p.shop_name,
                    p.shop_id,
                    p.years,
                    p.cutoff.format("%Y-%m-%d %H:%M UTC"),
                    p.orders,
                    p.order_items,
                    p.payments
                );
            }
            if dry_run {
                println!("Dry run: nothing was deleted.");
            }
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
