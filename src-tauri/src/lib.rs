//! The Tauri shell: starts the core, opens the windows, and maps commands to
//! core calls. No business logic lives here: every command is a few lines
//! that call `dukadesk-core` and convert its error into the one IPC error
//! shape.

pub mod auth;
mod commands;
pub mod error;
mod photos;
pub mod state;
pub mod updates;

use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::sync::{HostedSync, SyncOptions};
use dukadesk_core::{Config, Store};
use dukadesk_domain::ipc::{ErrorCode, IpcError};
use state::AppState;
use tauri::{AppHandle, Manager, Runtime};
use updates::{Source, Updates};

/// How long the test chat's simulated M-Pesa takes to answer: long enough
/// to read "check your phone", short enough not to bore.
const SIMULATED_PAYMENT_DELAY: std::time::Duration = std::time::Duration::from_secs(3);

/// How long this till holds the WhatsApp bot once it takes it; renewed every
/// third of it while the app runs, so another till can take over within this
/// long after it stops.
const BOT_LEASE: std::time::Duration = std::time::Duration::from_secs(90);

/// The app's identifier (tauri.conf.json), the base of its D-Bus name.
const IDENTIFIER: &str = "com.dukadesk.app";

/// Starts the app. Returns when the last window closes.
pub fn run() {
    let env: Vec<(String, String)> = std::env::vars().collect();
    // Before the updater or any client builds a TLS configuration.
    dukadesk_core::net::install_crypto_provider();
    let app = tauri::Builder::default()
        // First, so a second launch hands over before anything else starts.
        .plugin(single_instance(&env))
        .plugin(window_state(&env))
        .plugin(tauri_plugin_updater::Builder::new().build())
        // The Export window's save dialog, opened from Rust (no window may
        // call the dialog plugin itself).
        .plugin(tauri_plugin_dialog::init())
        // Item photos for the UI's <img> tags.
        .register_asynchronous_uri_scheme_protocol(photos::SCHEME, photos::handle)
        .setup(move |app| {
            let default_dir = app.path().app_data_dir()?;
            let version = app.package_info().version.to_string();
            let plugin_config = app.config().plugins.0.get("updater").cloned();
            let mut updates = Updates::new(
                Source::NotConfigured("The settings could not be read.".into()),
                version.clone(),
            );
            let config = Config::load(&default_dir, env.clone());
            match &config {
                Ok(config) => {
                    init_tracing(&config.log);
                    updates = Updates::new(
                        Source::resolve(
                            config.update_url.as_deref(),
                            config.update_pubkey.as_deref(),
                            plugin_config.as_ref(),
                        ),
                        version,
                    );
                }
                Err(e) => {
                    init_tracing("info");
                    tracing::error!(error = %e, "the settings could not be read");
                }
            }
            let export_save_path = config
                .as_ref()
                .ok()
                .and_then(|c| c.export_save_path.clone());
            app.manage(AppState::starting(updates.clone()).with_export_save_path(export_save_path));
            // The window loads its page meanwhile: the shop's file and its
            // services start on a thread of their own, and commands wait
            // for them (`AppState::ready`).
            let handle = app.handle().clone();
            let env = env.clone();
            std::thread::Builder::new()
                .name("dukadesk-start".into())
                .spawn(move || {
                    let core = match config {
                        Ok(config) => start_core(&config, &env),
                        Err(e) => state::Core {
                            runtime: Err(IpcError::new(ErrorCode::Storage, e.to_string())),
                            hosted: None,
                            whatsapp: None,
                            session: auth::Session::new(true),
                        },
                    };
                    handle.state::<AppState>().ready(core);
                })?;
            fit_to_work_area(app.handle());
            // The check at start: quiet, its result waits in Settings.
            if updates.is_configured() {
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    updates.check(&handle).await;
                });
            }
            Ok(())
        })
        .invoke_handler(invoke_handler())
        .build(tauri::generate_context!("../tauri.conf.json"));
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("DukaDesk could not start: {e}. Check that a desktop session is running (on Linux, a display and WebKitGTK 4.1).");
            std::process::exit(1);
        }
    }
}

/// Every command of the app, behind the lock gate: while the screen is
/// locked only what the lock screen needs is answered
/// ([`auth::lock_gate`]). Generic over the runtime so the tests drive the
/// same handler on Tauri's mock runtime.
pub(crate) fn invoke_handler<R: Runtime>(
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    auth::lock_gate(tauri::generate_handler![
        commands::app::get_app_info,
        commands::app::get_theme,
        commands::app::set_theme,
        commands::app::get_ui_language,
        commands::app::set_ui_language,
        commands::app::get_store_health,
        commands::shop::get_shop,
        commands::shop::save_shop,
        commands::shop::save_zone,
        commands::shop::save_hours,
        commands::catalogue::list_categories,
        commands::catalogue::save_category,
        commands::catalogue::list_items,
        commands::catalogue::save_item,
        commands::catalogue::set_item_archived,
        commands::catalogue::correct_stock,
        commands::catalogue::set_item_photo,
        commands::catalogue::remove_item_photo,
        commands::orders::list_orders,
        commands::orders::get_order,
        commands::orders::create_manual_order,
        commands::orders::apply_order_event,
        commands::orders::record_payment,
        commands::orders::refund_order,
        commands::chat::list_conversations,
        commands::chat::get_conversation,
        commands::chat::send_staff_reply,
        commands::chat::set_takeover,
        commands::chat::get_test_chat,
        commands::chat::test_chat_send,
        commands::chat::set_test_payment,
        commands::chat::set_test_airtime,
        commands::chat::reset_test_chat,
        commands::payments::get_payment_settings,
        commands::payments::save_payment_settings,
        commands::payments::test_payment_connection,
        commands::payments::list_unsettled_payments,
        commands::payments::settle_payment,
        commands::digital::get_digital_settings,
        commands::digital::save_digital_settings,
        commands::digital::test_digital_connection,
        commands::digital::list_digital_to_settle,
        commands::digital::settle_digital,
        commands::tax::get_tax_settings,
        commands::tax::set_up_etims,
        commands::tax::save_tax_options,
        commands::tax::list_unsigned_invoices,
        commands::tax::find_item_classes,
        commands::tax::send_invoices_now,
        commands::tax::invoices_of_order,
        commands::tax::reissue_invoice,
        commands::resellers::list_resellers,
        commands::resellers::save_resellers_sheet,
        commands::resellers::save_reseller,
        commands::resellers::record_payout,
        commands::resellers::erase_reseller,
        commands::hosted::get_hosted_status,
        commands::hosted::connect_hosted,
        commands::hosted::disconnect_hosted,
        commands::hosted::sync_now,
        commands::hosted::set_bot_host,
        commands::updates::get_update_status,
        commands::updates::check_for_update,
        commands::updates::download_update,
        commands::updates::install_update,
        commands::privacy::list_customers,
        commands::privacy::correct_customer,
        commands::privacy::erase_customer,
        commands::privacy::get_privacy,
        commands::privacy::set_order_retention,
        commands::export::open_export_window,
        commands::export::check_export,
        commands::export::run_export,
        commands::export::cancel_export,
        commands::windows::close_window,
        commands::disconnect::open_disconnect_window,
        commands::people::get_session,
        commands::people::sign_in,
        commands::people::lock,
        commands::people::confirm_owner,
        commands::people::create_owner,
        commands::people::change_owner_password,
        commands::vault::get_vault_status,
        commands::vault::unlock_vault,
        commands::vault::choose_vault_passphrase,
        commands::people::list_people,
        commands::people::save_staff,
        commands::people::deactivate_staff,
        commands::people::set_idle_minutes,
        commands::whatsapp::get_whatsapp_status,
        commands::whatsapp::open_pairing_window,
        commands::whatsapp::link_whatsapp,
        commands::whatsapp::cancel_whatsapp_link,
        commands::whatsapp::unlink_whatsapp,
        commands::whatsapp::set_whatsapp_pdf_receipts,
        commands::reports::get_sales_report,
        commands::reports::get_day_summary,
        commands::reports::set_summary_delivery,
        commands::printing::get_printer_settings,
        commands::printing::save_printer_settings,
        commands::printing::print_test_page,
        commands::printing::print_receipt,
        commands::cashup::get_cash_up_draft,
        commands::cashup::record_cash_up,
        commands::cashup::list_cash_ups,
        commands::cashup::print_cash_up,
        commands::credit::get_credit_account,
        commands::credit::list_debtors,
        commands::credit::record_repayment,
        commands::credit::set_credit_limit,
        commands::credit::send_credit_reminder,
        commands::start::get_start_checklist,
        commands::start::fold_start_checklist,
        commands::start::shop_link_shared,
        commands::start::save_shop_poster,
        commands::printing::save_receipt_pdf,
        commands::catalogue::list_low_stock,
    ])
}

/// The shop's WhatsApp link over the real protocol crate; it contacts
/// WhatsApp only once the merchant links, and a linked session resumes now.
/// Debug builds started with `DUKADESK_WHATSAPP_FAKE=1` use a scripted fake
/// instead (the pairing window's screenshots; WhatsApp cannot be reached
/// from tests); release builds ignore it.
/// Opens the shop's file and starts what runs beside the till: the vault,
/// the chat runtime (and its timed jobs), sync and WhatsApp. Never fails:
/// a file that cannot be opened is the error every screen then shows.
fn start_core(config: &Config, env: &[(String, String)]) -> state::Core {
    let db = config.database_path();
    let passphrase = config.vault_passphrase.clone();
    let runtime = tauri::async_runtime::block_on(async move {
        let store = Store::open(&db).await?;
        // Never fails: without its secrets the app still runs, and
        // Settings asks for the passphrase.
        let vault = store
            .open_vault_at_start(passphrase.as_ref().map(|p| p.expose().as_str()))
            .await;
        tracing::info!(?vault, "saved secrets");
        let runtime = ChatRuntime::start(store, SIMULATED_PAYMENT_DELAY);
        // Test-chat payments that were waiting when the app stopped get
        // their answer now.
        runtime.resume().await?;
        // The whole file is checked once the till is up (a second or more
        // for a large shop), on a reading connection: damage shows as a
        // banner.
        let checked = runtime.store().clone();
        tauri::async_runtime::spawn(async move {
            if let Err(e) = checked.check_integrity().await {
                tracing::warn!(error = %e, "could not check the shop database");
            }
        });
        // Retention at start and every hour; DELETE ME requests every
        // minute.
        tauri::async_runtime::spawn(dukadesk_core::privacy::retention::run_forever(
            runtime.store().clone(),
        ));
        // The owner's day, to their WhatsApp at closing time (when they
        // asked for it in Reports).
        tauri::async_runtime::spawn(dukadesk_core::summary::run_forever(runtime.clone()));
        Ok::<_, dukadesk_core::StoreError>(runtime)
    });
    if let Err(e) = &runtime {
        tracing::error!(error = %e, "the store could not be opened");
    }
    // Sync runs beside the till and never blocks it; it idles until a
    // hosted backend is connected in Settings.
    let hosted = runtime.as_ref().ok().map(|r| {
        let store = r.store().clone();
        std::sync::Arc::new(tauri::async_runtime::block_on(async move {
            HostedSync::start(
                store,
                SyncOptions {
                    bot_lease: Some(BOT_LEASE),
                    ..SyncOptions::default()
                },
            )
        }))
    });
    // With active staff the app starts locked; without, the owner is at
    // the till.
    let staff_exist = runtime.as_ref().ok().is_some_and(|r| {
        let store = r.store().clone();
        tauri::async_runtime::block_on(
            async move { store.active_staff().await.map(|s| !s.is_empty()) },
        )
        .unwrap_or(true)
    });
    let whatsapp = match (&runtime, &hosted) {
        (Ok(r), Some(h)) => Some(whatsapp_link(r, h.clone(), env)),
        _ => None,
    };
    state::Core {
        runtime: runtime.map_err(error::store_error),
        hosted,
        whatsapp,
        session: auth::Session::new(staff_exist),
    }
}

fn whatsapp_link(
    runtime: &ChatRuntime,
    hosted: std::sync::Arc<HostedSync>,
    env: &[(String, String)],
) -> dukadesk_core::channels::whatsapp::link::WhatsAppLink {
    use dukadesk_core::channels::whatsapp::link::{HostedGate, LinkOptions, WhatsAppLink};
    use dukadesk_core::channels::whatsapp::{fake, real, WhatsAppSession};
    let store = runtime.store().clone();
    let fake = cfg!(debug_assertions)
        && env
            .iter()
            .any(|(k, v)| k == "DUKADESK_WHATSAPP_FAKE" && v == "1");
    let session: std::sync::Arc<dyn WhatsAppSession> = if fake {
        std::sync::Arc::new(fake::FakeSession::scripted(fake::pairing_script))
    } else {
        std::sync::Arc::new(real::RealSession::new(store.clone()))
    };
    let link = WhatsAppLink::new(
        store,
        session,
        runtime.clone(),
        std::sync::Arc::new(HostedGate(hosted)),
        LinkOptions::PRODUCTION,
    );
    let resume = link.clone();
    tauri::async_runtime::spawn(async move {
        if let Err(e) = resume.resume().await {
            tracing::warn!(error = %e, "the WhatsApp link could not resume; Settings shows it");
        }
    });
    link
}

/// One running DukaDesk per data directory: a second launch on the same
/// data brings the running window forward and exits. A `DUKADESK_DATA_DIR`
/// override (tests, support) gets its own D-Bus name, so apps on different
/// data run side by side.
fn single_instance<R: Runtime>(env: &[(String, String)]) -> tauri::plugin::TauriPlugin<R> {
    let mut builder = tauri_plugin_single_instance::Builder::new()
        .callback(|app: &AppHandle<R>, _args, _cwd| show_main_window(app));
    if let Some(key) = Config::instance_key(env.iter().cloned()) {
        builder = builder.dbus_id(format!("{IDENTIFIER}.{key}"));
    }
    builder.build()
}

/// Remembers the window's size and position. With a `DUKADESK_DATA_DIR`
/// override the file lives in that directory, so tests never share it.
fn window_state<R: Runtime>(env: &[(String, String)]) -> tauri::plugin::TauriPlugin<R> {
    // The Export window opens centred at its own size every time.
    let mut builder = tauri_plugin_window_state::Builder::new().with_denylist(&[
        commands::export::EXPORT_WINDOW,
        commands::disconnect::DISCONNECT_WINDOW,
    ]);
    if let Some(dir) = Config::data_dir_override(env.iter().cloned()) {
        // An absolute file name replaces the plugin's config directory.
        let file = dir.join("window-state.json");
        builder = builder.with_filename(file.to_string_lossy());
    }
    builder.build()
}

/// The main window fits the screen it opens on: never larger than the
/// work area (the screen less the taskbar), so its foot (Create order,
/// Save) is never off a 1366×768 laptop's screen. A size the merchant
/// chose (restored by the window-state plugin) that fits is kept.
fn fit_to_work_area<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let (Ok(Some(monitor)), Ok(size), Ok(position)) = (
        window.current_monitor(),
        window.outer_size(),
        window.outer_position(),
    ) else {
        return;
    };
    let area = monitor.work_area();
    if let Some((w, h, x, y)) = fit(
        (size.width, size.height),
        (position.x, position.y),
        (area.size.width, area.size.height),
        (area.position.x, area.position.y),
    ) {
        tracing::info!(w, h, "the window was larger than the screen's work area");
        let _ = window.set_size(tauri::PhysicalSize::new(w, h));
        let _ = window.set_position(tauri::PhysicalPosition::new(x, y));
    }
}

/// The size and place that fit a window of `size` at `position` into a
/// work area of `area` at `origin`; `None` when it already fits.
fn fit(
    size: (u32, u32),
    position: (i32, i32),
    area: (u32, u32),
    origin: (i32, i32),
) -> Option<(u32, u32, i32, i32)> {
    let (w, h) = (size.0.min(area.0), size.1.min(area.1));
    let right = i64::from(origin.0) + i64::from(area.0);
    let bottom = i64::from(origin.1) + i64::from(area.1);
    // Keep the place if the fitted window is wholly inside; else the
    // area's corner.
    let inside = i64::from(position.0) >= i64::from(origin.0)
        && i64::from(position.1) >= i64::from(origin.1)
        && i64::from(position.0) + i64::from(w) <= right
        && i64::from(position.1) + i64::from(h) <= bottom;
    let (x, y) = if inside { position } else { origin };
    ((w, h, x, y) != (size.0, size.1, position.0, position.1)).then_some((w, h, x, y))
}

/// Unminimizes, shows and focuses the main window.
fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

#[cfg(test)]
mod fit_tests {
    use super::fit;

    #[test]
    fn a_window_larger_than_a_laptop_s_work_area_is_brought_inside_it() {
        // 1280×800 on a 1366×768 screen with a 40-pixel taskbar.
        assert_eq!(
            fit((1280, 800), (43, 0), (1366, 728), (0, 0)),
            Some((1280, 728, 43, 0))
        );
        // Off to the right of the area: back to its corner.
        assert_eq!(
            fit((1280, 700), (300, 10), (1366, 728), (0, 0)),
            Some((1280, 700, 0, 0))
        );
        // A second monitor's area, left of the first.
        assert_eq!(
            fit((1920, 1080), (-1920, 0), (1600, 860), (-1600, 40)),
            Some((1600, 860, -1600, 40))
        );
        // Already inside: left as the merchant put it.
        assert_eq!(fit((1024, 700), (100, 20), (1366, 728), (0, 0)), None);
    }
}
