//! The Export window: opened on demand from Settings, closed when done. It
//! checks the request (an unknown phone is refused beside its field),
//! asks where to save with the native dialog, then runs the core export,
//! sending progress to the window as [`ExportProgressEvent`]s.

use super::windows::{open_or_focus, WindowSpec};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_core::privacy::export::Progress;
use dukadesk_domain::ipc::{CancelExport, CheckExport, OpenExportWindow, RunExport};
use dukadesk_domain::ipc::{
    ErrorCode, Event, ExportOutcome, ExportPlan, ExportProgress, ExportProgressEvent,
    ExportRequest, IpcError, NoArgs,
};
use dukadesk_macros::ipc;
use std::ops::ControlFlow;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Runtime, State, WebviewWindow};

/// The Export window's label (its capability file names it).
pub const EXPORT_WINDOW: &str = "export";

/// The Export window.
const EXPORT: WindowSpec = WindowSpec {
    label: EXPORT_WINDOW,
    title: "Export data – DukaDesk",
    size: (600.0, 700.0),
    min_size: (480.0, 560.0),
};

/// At most this often the window hears about progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Opens the Export window, or brings it forward when it is open. Async:
/// creating a window from a synchronous command can deadlock on Windows.
#[ipc(OpenExportWindow)]
#[tauri::command]
#[tracing::instrument(skip(app, state), err)]
pub async fn open_export_window<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<NoArgs, CommandError> {
    // Exports hold every customer's data: the owner's, asked for here in
    // the main window (which can show the password prompt).
    crate::auth::require_owner(&state)?;
    let Some(window) = open_or_focus(&app, &EXPORT)? else {
        return Ok(req);
    };
    // Closing the window stops an export that is still running (its
    // partial file is removed).
    let stop = state.export_stop();
    window.on_window_event(move |event| {
        if matches!(event, tauri::WindowEvent::Destroyed) {
            stop.store(true, Ordering::SeqCst);
        }
    });
    Ok(req)
}

/// What the export will hold; refuses an unknown phone beside its field.
#[ipc(CheckExport)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn check_export(
    state: State<'_, AppState>,
    req: ExportRequest,
) -> Result<ExportPlan, CommandError> {
    Ok(state.store()?.plan_export(&req).await?)
}

/// Asks where to save, then exports with progress events. A closed dialog
/// or a stop writes nothing and says so.
#[ipc(RunExport)]
#[tauri::command]
#[tracing::instrument(skip(window, state), err)]
pub async fn run_export<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    req: ExportRequest,
) -> Result<ExportOutcome, CommandError> {
    let actor = crate::auth::require_owner(&state).map_err(|_| {
        IpcError::new(
            ErrorCode::OwnerRequired,
            "The owner's confirmation ran out: close this window and open Export again from Settings.",
        )
    })?;
    let store = state.store()?.clone();
    let Some(_running) = state.start_export() else {
        return Err(IpcError::new(
            ErrorCode::Conflict,
            "An export is already running: wait for it to finish, or stop it.",
        )
        .into());
    };
    let plan = store.plan_export(&req).await?;
    let dest = match state.export_save_path() {
        Some(path) => Some(path.to_path_buf()),
        None => {
            crate::commands::files::ask_where(
                &window,
                "Save the export",
                &plan.suggested_name,
                ("ZIP archive", "zip"),
            )
            .await
        }
    };
    let Some(dest) = dest else {
        return Ok(ExportOutcome::NothingWritten {
            message: "Nothing was saved: no place was chosen.".into(),
        });
    };
    let stop = state.export_stop();
    stop.store(false, Ordering::SeqCst);
    let mut last = None::<Instant>;
    let report = |p: Progress| {
        let finished = p.done == p.total;
        if finished || last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            last = Some(Instant::now());
            let payload = ExportProgress {
                name: p.name.to_owned(),
                entity: p.entity.to_owned(),
                done: p.done,
                total: p.total,
            };
            if let Err(e) = window.emit_to(window.label(), ExportProgressEvent::NAME, payload) {
                tracing::debug!(error = %e, "progress not delivered");
            }
        }
        if stop.load(Ordering::SeqCst) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    // Staff sign-in is not built yet: the till acts as the owner.
    match store.export(&req, &dest, &actor, report).await {
        Ok(result) => Ok(ExportOutcome::Saved(result)),
        Err(dukadesk_core::privacy::export::ExportError::Cancelled) => {
            Ok(ExportOutcome::NothingWritten {
                message: "The export was stopped. Nothing was saved.".into(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// Stops the running export.
#[ipc(CancelExport)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn cancel_export(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<NoArgs, CommandError> {
    state.export_stop().store(true, Ordering::SeqCst);
    Ok(req)
}
