//! `cargo xtask server`: the DukaDesk server on this computer, for trying
//! shared tills out. A throwaway PostgreSQL starts in a temporary folder,
//! a shop is created, and enrolment strings for two tills are printed:
//! paste one into each app's Settings -> Hosted backend. Everything is
//! deleted when this stops (Ctrl-C). A shop's real server runs
//! `dukadesk-server serve` behind TLS instead (see the README).

use dukadesk_core::sync::admin;
use dukadesk_core::sync::protocol::ServerEnrolment;
use dukadesk_sims::postgres::TempPostgres;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "dukadesk_server=info".into()),
        )
        .init();
    let port: u16 = std::env::var("DUKADESK_TRIAL_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8787);
    let pg = TempPostgres::start().map_err(|e| anyhow::anyhow!("PostgreSQL: {e}"))?;
    let owner = admin::connect(&pg.owner_url()).await?;
    let server =
        dukadesk_server::local::start(&owner, pg.port(), Some(([127, 0, 0, 1], port).into()), &[])
            .await?;
    let url = format!("http://{}", server.addr);
    let shop = admin::create_shop(&owner, "Trial shop").await?;
    println!("\nDukaDesk server for a trial, at {url} (deleted when this stops).\n");
    for label in ["Till 1", "Till 2"] {
        let d = admin::enrol_server_device(
            &owner,
            shop,
            label,
            chrono::Duration::hours(24),
            chrono::Utc::now(),
        )
        .await?;
        let e = ServerEnrolment {
            url: url.clone(),
            code: d.code,
            shop_name: d.shop_name,
            label: label.to_owned(),
            expires_at: d.expires_at,
            pin: None,
        };
        println!(
            "{label} (Settings -> Hosted backend, paste):\n{}\n",
            e.encode()
        );
    }
    println!("Press Ctrl-C to stop.");
    let stop = server.shutdown_token();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        stop.cancel();
    });
    server.wait().await?;
    drop(pg);
    Ok(())
}
