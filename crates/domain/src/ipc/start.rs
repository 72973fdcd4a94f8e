//! The start checklist on the till and the shop's poster (the shell's
//! `commands/start.rs`).

use super::{NoArgs, SavedFile};

commands! {
    /// The start checklist on the till, ticked from the shop's state.
    GetStartChecklist, "get_start_checklist", NoArgs => crate::start::StartChecklist;
    /// Fold the start checklist away or open it again.
    FoldStartChecklist, "fold_start_checklist", crate::start::FoldChecklist => crate::start::StartChecklist;
    /// The shop link was copied: its step is done.
    ShopLinkShared, "shop_link_shared", crate::start::LinkShared => crate::start::StartChecklist;
    /// Save the shop's poster (its link as a QR code) where the merchant
    /// chooses.
    SaveShopPoster, "save_shop_poster", crate::start::SavePoster => SavedFile;
}
