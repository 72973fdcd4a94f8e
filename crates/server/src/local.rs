//! A server on this machine, on a free loopback port, in front of a
//! PostgreSQL the caller started: for trying DukaDesk out
//! (`cargo xtask server`) and for tests that run tills against a real
//! server. Never for a shop's real server, which runs `serve` behind TLS.

use crate::config::Config;
use crate::Running;
use dukadesk_core::sync::admin;
use sqlx::PgPool;

/// Migrates the database the owner pool reaches (on `127.0.0.1:port`,
/// database `dukadesk`), gives the server its login with a fresh random
/// password, and starts serving on `127.0.0.1` at a free port (or `listen`).
pub async fn start(
    owner: &PgPool,
    database_port: u16,
    listen: Option<std::net::SocketAddr>,
    overrides: &[(&str, &str)],
) -> anyhow::Result<Running> {
    admin::migrate(owner).await?;
    let password = dukadesk_core::sync::protocol::new_secret();
    admin::set_server_login(owner, &password).await?;
    let listen = listen.unwrap_or_else(|| ([127, 0, 0, 1], 0).into());
    let mut env = vec![
        ("DUKADESK_SERVER_LISTEN".to_owned(), listen.to_string()),
        (
            "DUKADESK_SERVER_DATABASE_URL".to_owned(),
            format!("postgres://127.0.0.1:{database_port}/dukadesk?sslmode=disable"),
        ),
        ("DUKADESK_SERVER_DATABASE_PASSWORD".to_owned(), password),
    ];
    env.extend(
        overrides
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    let config = Config::load(None, env)?;
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    crate::start(&config, listener).await
}
