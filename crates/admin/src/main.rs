//! `dukadesk-admin`: provisions the hosted database that a shop's tills sync
//! through, and deletes orders past their retention period from it
//! (`purge`, run daily from cron). Connects as the database owner (a role with CREATEROLE; a
//! superuser is not needed) given by `--database-url` or
//! `DUKADESK_ADMIN_DATABASE_URL`.

use clap::{Parser, Subcommand};
use dukadesk_core::privacy::retention::DEFAULT_ORDER_YEARS;
use dukadesk_core::sync::admin::{self, EnrolRequest};
use dukadesk_core::sync::purge::{self, PurgePlan, DEFAULT_BATCH};
use dukadesk_core::sync::TlsMode;
use std::process::ExitCode;
use uuid::Uuid;

#[derive(Parser)]
#[command(name = "dukadesk-admin", version, about)]
struct Cli {
    /// postgres://owner:password@host:port/database
    #[arg(long, env = "DUKADESK_ADMIN_DATABASE_URL", hide_env_values = true)]
    database_url: String,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Apply the hosted schema (safe to run again).
    Migrate,
    /// Create a shop and print its id.
    CreateShop {
        /// The shop's name.
        #[arg(long)]
        name: String,
    },
    /// Enrol a till: prints a one-time string to paste into the till's
    /// Settings -> Hosted backend.
    EnrolDevice {
        /// The shop's id (from create-shop or list-devices).
        #[arg(long)]
        shop: Uuid,
        /// A label staff recognise ("Front counter").
        #[arg(long)]
        label: String,
        /// The host name tills use to reach the server.
        #[arg(long)]
        host: String,
        /// The port tills use.
        #[arg(long, default_value_t = 5432)]
        port: u16,
        /// The database name.
        #[arg(long, default_value = "dukadesk")]
        database: String,
        /// verify-full (default), require, or disable (same machine or
        /// private network only).
        #[arg(long, default_value = "verify-full")]
        tls: String,
        /// Hours before the string expires.
        #[arg(long, default_value_t = 24)]
        valid_hours: i64,
    },
    /// Revoke a till: its login stops working at once.
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
    /// payments), as the tills do with their own copies: an order goes
    /// once it was created longer ago than the period, whatever its status.
    /// Safe to run again; run it daily from cron.
    Purge {
        /// Years orders are kept (5 to 30): the tills' Settings -> Privacy
        /// setting, which stays on the tills.
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

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dukadesk-admin: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    // Arguments are checked before the server is contacted.
    let plan = match &cli.command {
        Cmd::Purge {
            years,
            shop,
            shop_years,
            dry_run,
            batch,
        } => {
            let plan = PurgePlan {
                years: *years,
                shop: *shop,
                overrides: shop_years.clone(),
                dry_run: *dry_run,
                batch: *batch,
            };
            plan.check().map_err(|e| e.to_string())?;
            Some(plan)
        }
        _ => None,
    };
    let pool = admin::connect(&cli.database_url)
        .await
        .map_err(|e| e.to_string())?;
    if let Some(plan) = plan {
        return run_purge(&pool, &plan).await;
    }
    match cli.command {
        Cmd::Migrate => {
            admin::migrate(&pool).await.map_err(|e| e.to_string())?;
            println!("The hosted schema is up to date.");
        }
        Cmd::CreateShop { name } => {
            let id = admin::create_shop(&pool, &name)
                .await
                .map_err(|e| e.to_string())?;
            println!("{id}");
        }
        Cmd::EnrolDevice {
            shop,
            label,
            host,
            port,
            database,
            tls,
            valid_hours,
        } => {
            let tls =
                TlsMode::parse(&tls).ok_or("--tls must be verify-full, require or disable")?;
            if !(1..=24 * 30).contains(&valid_hours) {
                return Err("--valid-hours must be between 1 and 720".into());
            }
            let e = admin::enrol_device(
                &pool,
                &EnrolRequest {
                    shop_id: shop,
                    label,
                    host,
                    port,
                    database,
                    tls,
                    valid_for: chrono::Duration::hours(valid_hours),
                },
                chrono::Utc::now(),
            )
            .await
            .map_err(|e| e.to_string())?;
            eprintln!(
                "Till \"{}\" (device {}, order numbers ending in {}) enrolled in {}. \
                 Paste this into Settings -> Hosted backend before {}; it works once:",
                e.config.label,
                e.config.device_id,
                e.config.device_no,
                e.config.shop_name,
                e.expires_at.format("%Y-%m-%d %H:%M UTC")
            );
            println!("{}", e.encode());
        }
        Cmd::RevokeDevice { device } => {
            admin::revoke_device(&pool, device)
                .await
                .map_err(|e| e.to_string())?;
            println!("Revoked {device}: it can no longer log in or see the shop's data.");
        }
        Cmd::ListDevices { shop } => {
            let shops = admin::list_shops(&pool).await.map_err(|e| e.to_string())?;
            let devices = admin::list_devices(&pool, shop)
                .await
                .map_err(|e| e.to_string())?;
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
                    println!(
                        "  #{}  {}  {}  {}  {}",
                        d.device_no,
                        d.label,
                        d.id,
                        d.role_name.as_deref().unwrap_or("(server)"),
                        state
                    );
                }
            }
        }
        // Carried out above, once the plan was checked.
        Cmd::Purge { .. } => {}
    }
    Ok(())
}

async fn run_purge(pool: &admin::PgPool, plan: &PurgePlan) -> Result<(), String> {
    let shops = purge::purge(pool, plan, chrono::Utc::now())
        .await
        .map_err(|e| e.to_string())?;
    let verb = if plan.dry_run {
        "would remove"
    } else {
        "removed"
    };
    for p in &shops {
        println!(
            "{}  {}  kept {} years, orders created before {}: {verb} {} orders, {} lines, {} payments",
            p.shop_name,
            p.shop_id,
            p.years,
            p.cutoff.format("%Y-%m-%d %H:%M UTC"),
            p.orders,
            p.order_items,
            p.payments
        );
    }
    if plan.dry_run {
        println!("Dry run: nothing was deleted.");
    }
    Ok(())
}
