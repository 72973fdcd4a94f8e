//! Categories and items.

use crate::auth::current_name;
use crate::error::CommandError;
use crate::state::AppState;
use base64::Engine;
use dukadesk_domain::catalogue::{Category, Item, ItemInput};
use dukadesk_domain::ipc::{
    CorrectStock, FieldError, IpcError, ItemRef, ListItems, NoArgs, SaveCategory, SetArchived,
    SetItemPhoto,
};
use dukadesk_domain::ipc::{
    CorrectStockCmd, ListCategories, ListItemsCmd, ListLowStock, RemoveItemPhoto, SaveCategoryCmd,
    SaveItem, SetItemArchived, SetItemPhotoCmd,
};
use dukadesk_macros::ipc;
use tauri::State;

/// Categories in menu order.
#[ipc(ListCategories)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_categories(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<Category>, CommandError> {
    let _ = req;
    Ok(state.store()?.categories().await?)
}

/// Create or rename a category.
#[ipc(SaveCategoryCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_category(
    state: State<'_, AppState>,
    req: SaveCategory,
) -> Result<Category, CommandError> {
    Ok(state.store()?.save_category(&req).await?)
}

/// Items by name.
#[ipc(ListItemsCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_items(
    state: State<'_, AppState>,
    req: ListItems,
) -> Result<Vec<Item>, CommandError> {
    Ok(state.store()?.items(req.include_archived).await?)
}

/// Items running low.
#[ipc(ListLowStock)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_low_stock(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<Item>, CommandError> {
    let _ = req;
    Ok(state.store()?.low_stock_items().await?)
}

/// Create or edit an item; a stock typed anew is a count in the signed-in
/// person's name.
#[ipc(SaveItem)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_item(state: State<'_, AppState>, req: ItemInput) -> Result<Item, CommandError> {
    let by = current_name(&state)?;
    Ok(state.store()?.save_item_by(&req, Some(&by)).await?)
}

/// Add or remove units of a counted item without counting it (a
/// delivery, breakage), in the signed-in person's name.
#[ipc(CorrectStockCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn correct_stock(
    state: State<'_, AppState>,
    req: CorrectStock,
) -> Result<Item, CommandError> {
    let by = current_name(&state)?;
    Ok(state.store()?.correct_stock(req.id, req.delta, &by).await?)
}

/// Archive or restore an item.
#[ipc(SetItemArchived)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_item_archived(
    state: State<'_, AppState>,
    req: SetArchived,
) -> Result<Item, CommandError> {
    Ok(state
        .store()?
        .set_item_archived(req.id, req.archived)
        .await?)
}

/// Give an item a photo picked from disk (scaled and stored here, synced
/// to the other tills).
#[ipc(SetItemPhotoCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_item_photo(
    state: State<'_, AppState>,
    req: SetItemPhoto,
) -> Result<Item, CommandError> {
    let file = base64::engine::general_purpose::STANDARD
        .decode(req.file_base64.as_bytes())
        .map_err(|_| {
            IpcError::invalid(vec![FieldError::new(
                "photo",
                "That file could not be read. Pick the photo again.",
            )])
        })?;
    Ok(state.store()?.set_item_photo(req.id, file).await?)
}

/// Take an item's photo away.
#[ipc(RemoveItemPhoto)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn remove_item_photo(
    state: State<'_, AppState>,
    req: ItemRef,
) -> Result<Item, CommandError> {
    Ok(state.store()?.remove_item_photo(req.id).await?)
}
