//! The start checklist's facts, read from the store, and the shop's
//! poster: its WhatsApp link as a QR code to print and put up, with the
//! shop's name and "Scan to order on WhatsApp" in English and Kiswahili.

use crate::pdf::Page;
use crate::store::{Store, StoreError};
use dukadesk_domain::qr;
use dukadesk_domain::shop::Shop;
use dukadesk_domain::start::{PosterSize, StartChecklist};
use dukadesk_domain::Msisdn;
use serde::{Deserialize, Serialize};

/// The local setting with what the merchant did to the list.
const SETTING: &str = "start_checklist";

/// What the store keeps of the list: the merchant's own choices, and a
/// paid test order once seen (a reset test chat does not untick it).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Kept {
    #[serde(default)]
    folded: bool,
    #[serde(default)]
    shared: bool,
    #[serde(default)]
    test_order: bool,
}

impl Store {
    async fn kept(&self) -> Result<Kept, StoreError> {
        Ok(match self.setting(SETTING).await? {
            // An unreadable value starts the list afresh: it holds no data.
            Some(json) => serde_json::from_str(&json).unwrap_or_default(),
            None => Kept::default(),
        })
    }

    async fn keep(&self, kept: &Kept) -> Result<(), StoreError> {
        let json = serde_json::to_string(kept).map_err(|_| StoreError::BadRow("checklist"))?;
        self.set_setting(SETTING, &json).await
    }

    /// Where the shop stands. `whatsapp` is the linked number, if any (the
    /// shell's WhatsApp link knows it; the store does not).
    pub async fn start_checklist(
        &self,
        whatsapp: Option<&Msisdn>,
    ) -> Result<StartChecklist, StoreError> {
        let mut kept = self.kept().await?;
        let items: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM items WHERE archived = 0)")
                .fetch_one(self.pool())
                .await?;
        if !kept.test_order {
            let paid: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM orders o JOIN payments p ON p.order_id = o.id
                                 WHERE o.channel = 'test_chat' AND p.state = 'succeeded')",
            )
            .fetch_one(self.pool())
            .await?;
            if paid {
                kept.test_order = true;
                self.keep(&kept).await?;
            }
        }
        let mpesa = !matches!(
            self.chat_payment_method().await?,
            crate::payments::settings::RealChatPay::ByHand(None)
        );
        let shop_link = match whatsapp {
            Some(number) => self.shop().await?.map(|shop| shop.customer_link(number)),
            None => None,
        };
        Ok(StartChecklist {
            items,
            test_order: kept.test_order,
            mpesa,
            whatsapp: whatsapp.is_some(),
            shared: kept.shared,
            folded: kept.folded,
            shop_link,
        })
    }

    /// Folds the list away, or opens it again.
    pub async fn fold_start_checklist(&self, folded: bool) -> Result<(), StoreError> {
        let mut kept = self.kept().await?;
        kept.folded = folded;
        self.keep(&kept).await
    }

    /// The shop link was copied or its poster saved: the last step is done.
    pub async fn shop_link_shared(&self) -> Result<(), StoreError> {
        let mut kept = self.kept().await?;
        kept.shared = true;
        self.keep(&kept).await
    }
}

/// The words under the code, in English then Kiswahili.
const SCAN_EN: &str = "Scan to order on WhatsApp";
const SCAN_SW: &str = "Skani uagize kupitia WhatsApp";

/// The shop's poster: its name, "Scan to order on WhatsApp" in English and
/// Kiswahili, the link's QR code as large as the page allows, and the
/// number to write to for those who cannot scan. `None` when the link is
/// too long for a QR code.
pub fn poster_pdf(shop: &Shop, link: &str, whatsapp: &Msisdn, size: PosterSize) -> Option<Vec<u8>> {
    let grid = qr::modules(link)?;
    let (width, height) = size.points();
    // Everything is laid out for A4 and scaled to the paper.
    let k = width / 595.0;
    let margin = 48.0 * k;
    let mut page = Page::new(width, height, &["Helvetica-Bold", "Helvetica"]);
    // Left-aligned lines; a size is kept small enough for the widest
    // Helvetica letters (0.72 em) to fit between the margins.
    let fit = |text: &str, size: f32| -> f32 {
        let room = width - 2.0 * margin;
        let chars = text.chars().count().max(1) as f32;
        size.min(room / (chars * 0.72))
    };
    let mut y = height - margin - 40.0 * k;
    let name_size = fit(&shop.name, 44.0 * k);
    page.text(1, name_size, margin, y, &shop.name);
    y -= 44.0 * k;
    page.text(1, fit(SCAN_EN, 26.0 * k), margin, y, SCAN_EN);
    y -= 30.0 * k;
    page.text(2, fit(SCAN_SW, 22.0 * k), margin, y, SCAN_SW);
    y -= 24.0 * k;

    // The code, centred.
    let side = (width - 2.0 * margin).min(y - 120.0 * k);
    let left = (width - side) / 2.0;
    let top = y;
    page.qr(&grid, left, top, side);
    y = top - side - 34.0 * k;
    let number = format!("WhatsApp {}", whatsapp.national());
    page.text(1, fit(&number, 24.0 * k), margin, y, &number);
    y -= 22.0 * k;
    let code = format!("Shop code: {}", shop.code.as_str());
    page.text(2, fit(&code, 14.0 * k), margin, y, &code);
    Some(page.finish())
}

#[cfg(test)]
mod tests;
