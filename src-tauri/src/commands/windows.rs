//! The app's secondary windows (Export, Disconnect, pairing): each is
//! created on demand at `index.html?window=<label>` and closed when done
//! (every window costs a WebKit process). A window's capability file names
//! its label, so the label decides which commands it may call.

use crate::error::CommandError;
use dukadesk_domain::ipc::CloseWindow;
use dukadesk_domain::ipc::{ErrorCode, IpcError, NoArgs};
use dukadesk_macros::ipc;
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// One secondary window.
#[derive(Debug, Clone, Copy)]
pub struct WindowSpec {
    /// Its label (capability files name it) and the page's `?window=`.
    pub label: &'static str,
    /// The title bar.
    pub title: &'static str,
    /// Size when opened.
    pub size: (f64, f64),
    /// The smallest it may get.
    pub min_size: (f64, f64),
}

/// Brings the window forward when it is open (`None`), else opens it and
/// returns it (`Some`) so the caller can watch it close. Call from async
/// commands only: creating a window from a synchronous command can
/// deadlock on Windows.
pub fn open_or_focus<R: Runtime>(
    app: &AppHandle<R>,
    spec: &WindowSpec,
) -> Result<Option<WebviewWindow<R>>, CommandError> {
    if let Some(window) = app.get_webview_window(spec.label) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        return Ok(None);
    }
    let url = format!("index.html?window={}", spec.label);
    WebviewWindowBuilder::new(app, spec.label, WebviewUrl::App(url.into()))
        .title(spec.title)
        .inner_size(spec.size.0, spec.size.1)
        .min_inner_size(spec.min_size.0, spec.min_size.1)
        .center()
        .build()
        .map(Some)
        .map_err(|e| {
            CommandError(IpcError::new(
                ErrorCode::Internal,
                format!(
                    "The \"{}\" window could not open: {e}. Restart DukaDesk and try again.",
                    spec.title
                ),
            ))
        })
}

/// Closes the window that asks.
#[ipc(CloseWindow)]
#[tauri::command]
#[tracing::instrument(skip(window), err)]
pub async fn close_window<R: Runtime>(
    window: WebviewWindow<R>,
    req: NoArgs,
) -> Result<NoArgs, CommandError> {
    window.close().map_err(|e| {
        IpcError::new(
            ErrorCode::Internal,
            format!("The window could not close: {e}"),
        )
    })?;
    Ok(req)
}
