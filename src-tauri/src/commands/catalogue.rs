//! Categories and items.

use crate::state::AppState;
use dukadesk_domain::catalogue::{Category, Item, ItemInput};
use dukadesk_domain::ipc::{IpcError, ListItems, NoArgs, SaveCategory, SetArchived};
use tauri::State;

/// Categories in menu order.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_categories(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<Category>, IpcError> {
    let _ = req;
    Ok(state.store()?.categories().await?)
}

/// Create or rename a category.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_category(
    state: State<'_, AppState>,
    req: SaveCategory,
) -> Result<Category, IpcError> {
    Ok(state.store()?.save_category(&req).await?)
}

/// Items by name.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_items(state: State<'_, AppState>, req: ListItems) -> Result<Vec<Item>, IpcError> {
    Ok(state.store()?.items(req.include_archived).await?)
}

/// Create or edit an item.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_item(state: State<'_, AppState>, req: ItemInput) -> Result<Item, IpcError> {
    Ok(state.store()?.save_item(&req).await?)
}

/// Archive or restore an item.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_item_archived(
    state: State<'_, AppState>,
    req: SetArchived,
) -> Result<Item, IpcError> {
    Ok(state
        .store()?
        .set_item_archived(req.id, req.archived)
        .await?)
}
