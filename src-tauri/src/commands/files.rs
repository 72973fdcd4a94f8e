//! Files the merchant saves (an export, a receipt PDF, the shop poster):
//! the native save dialog, opened from Rust over the asking window, and
//! the end-to-end tests' seam that saves without it.

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{ErrorCode, IpcError, SavedFile};
use std::path::PathBuf;
use tauri::{Manager, Runtime, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

/// Asks where to save `bytes` (suggesting `name`, one kind of file
/// `(what, extension)`), then writes them. A closed dialog writes nothing.
pub(crate) async fn save<R: Runtime>(
    window: &WebviewWindow<R>,
    state: &AppState,
    title: &str,
    name: &str,
    kind: (&str, &str),
    bytes: Vec<u8>,
) -> Result<SavedFile, CommandError> {
    let dest = match state.save_seam(name) {
        Some(path) => Some(path),
        None => ask_where(window, title, name, kind).await,
    };
    let Some(dest) = dest else {
        return Ok(SavedFile::NothingWritten);
    };
    tokio::fs::write(&dest, bytes).await.map_err(|e| {
        IpcError::new(
            ErrorCode::Internal,
            format!(
                "{} could not be saved: {e}. Choose another folder.",
                dest.display()
            ),
        )
    })?;
    Ok(SavedFile::Saved {
        path: dest.display().to_string(),
    })
}

/// The native save dialog over `window`, starting in Documents with
/// `suggested` as the name and one kind of file (`(what, extension)`);
/// `None` when closed.
pub(crate) async fn ask_where<R: Runtime>(
    window: &WebviewWindow<R>,
    title: &str,
    suggested: &str,
    (what, extension): (&str, &str),
) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = window
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(what, &[extension])
        .set_parent(window);
    if let Some(dir) = dirs_documents(window) {
        dialog = dialog.set_directory(dir);
    }
    dialog.save_file(move |path| {
        let _ = tx.send(path);
    });
    let path = rx.await.ok().flatten()?;
    match path.into_path() {
        Ok(path) => Some(path),
        Err(e) => {
            tracing::warn!(error = %e, "the save dialog gave no file path");
            None
        }
    }
}

/// The person's Documents folder, where the dialog starts.
fn dirs_documents<R: Runtime>(window: &WebviewWindow<R>) -> Option<PathBuf> {
    window.path().document_dir().ok().filter(|d| d.is_dir())
}
