//! The start checklist on the till and the shop link's poster. The store
//! knows items, payments and test orders; the WhatsApp link knows the
//! shop's number.

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_core::start::poster_pdf;
use dukadesk_domain::ipc::{ErrorCode, IpcError, NoArgs, SavedFile};
use dukadesk_domain::ipc::{FoldStartChecklist, GetStartChecklist, SaveShopPoster, ShopLinkShared};
use dukadesk_domain::shop::Shop;
use dukadesk_domain::start::{FoldChecklist, LinkShared, SavePoster, StartChecklist};
use dukadesk_domain::{Country, Msisdn};
use dukadesk_macros::ipc;
use tauri::{Runtime, State, WebviewWindow};

/// The shop's own WhatsApp number once linked (`None` before, or when the
/// link did not start).
pub(crate) async fn linked_number(state: &AppState, country: Country) -> Option<Msisdn> {
    let whatsapp = state.whatsapp().ok()?;
    let phone = whatsapp.status().await.ok()?.phone?;
    Msisdn::parse(&phone, country).ok()
}

/// The link customers tap, once WhatsApp is linked.
pub(crate) async fn shop_link(state: &AppState, shop: &Shop) -> Option<String> {
    linked_number(state, shop.country)
        .await
        .map(|number| shop.customer_link(&number))
}

async fn checklist(state: &AppState) -> Result<StartChecklist, CommandError> {
    let store = state.store()?;
    let country = store.require_shop().await?.country;
    let number = linked_number(state, country).await;
    Ok(store.start_checklist(number.as_ref()).await?)
}

/// Where the shop stands on each step.
#[ipc(GetStartChecklist)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_start_checklist(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<StartChecklist, CommandError> {
    let _ = req;
    checklist(&state).await
}

/// Folds the list away or opens it again.
#[ipc(FoldStartChecklist)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn fold_start_checklist(
    state: State<'_, AppState>,
    req: FoldChecklist,
) -> Result<StartChecklist, CommandError> {
    state.store()?.fold_start_checklist(req.folded).await?;
    checklist(&state).await
}

/// The shop link was copied.
#[ipc(ShopLinkShared)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn shop_link_shared(
    state: State<'_, AppState>,
    req: LinkShared,
) -> Result<StartChecklist, CommandError> {
    let _ = req;
    state.store()?.shop_link_shared().await?;
    checklist(&state).await
}

/// Makes the poster and asks where to save it.
#[ipc(SaveShopPoster)]
#[tauri::command]
#[tracing::instrument(skip(window, state), err)]
pub async fn save_shop_poster<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    req: SavePoster,
) -> Result<SavedFile, CommandError> {
    let store = state.store()?;
    let shop = store.require_shop().await?;
    let Some(number) = linked_number(&state, shop.country).await else {
        return Err(IpcError::new(
            ErrorCode::NotSetUp,
            "Link WhatsApp first (Settings, WhatsApp): the poster's code opens a chat with the shop's WhatsApp number.",
        )
        .into());
    };
    let link = shop.customer_link(&number);
    let pdf = poster_pdf(&shop, &link, &number, req.size).ok_or_else(|| {
        IpcError::new(
            ErrorCode::Invalid,
            "The shop's name is too long for a poster's code: shorten it in Settings.",
        )
    })?;
    let name = format!("{}-poster-{:?}.pdf", shop.code.as_str(), req.size);
    let saved = crate::commands::files::save(
        &window,
        &state,
        "Save the shop poster",
        &name,
        ("PDF document", "pdf"),
        pdf,
    )
    .await?;
    if matches!(saved, SavedFile::Saved { .. }) {
        store.shop_link_shared().await?;
    }
    Ok(saved)
}
