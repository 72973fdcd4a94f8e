//! A paid order's receipt as a one-page PDF ([`crate::pdf`], Courier):
//! the same rows the till's printer prints ([`Receipt::rows`]), small
//! enough to send over WhatsApp as a document, readable on any phone.

use crate::channels::{Attached, Document};
use crate::pdf::Page;
use crate::store::{parse_uuid, Store, StoreError};
use dukadesk_domain::receipt::{centre, Receipt, Row};
use dukadesk_domain::{ItemId, OrderId};

/// What a queued message's `attachment` names: an order's receipt or an
/// item's photo.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Attachment {
    /// The order whose receipt to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// The item whose photo to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

impl Store {
    /// The file an outbound message carries, made now (`None`: the order
    /// or the photo is gone; the caption goes alone).
    pub async fn render_attachment(
        &self,
        attachment: &str,
        caption: &str,
    ) -> Result<Option<Attached>, StoreError> {
        let a: Attachment =
            serde_json::from_str(attachment).map_err(|_| StoreError::BadRow("attachment"))?;
        if let Some(item) = &a.photo {
            let item = ItemId(parse_uuid(item, "attachment")?);
            return Ok(self
                .item_photo_image(item, caption)
                .await?
                .map(Attached::Image));
        }
        let Some(receipt) = &a.receipt else {
            return Ok(None);
        };
        let id = OrderId(parse_uuid(receipt, "attachment")?);
        let detail = match self.order_detail(id).await {
            Ok(d) => d,
            Err(StoreError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let shop = self.require_shop().await?;
        let mut receipt = Receipt::of(&shop, &detail, None);
        receipt.tax = self.receipt_tax(id).await?;
        Ok(Some(Attached::Document(Document {
            bytes: receipt_pdf(&receipt),
            file_name: format!("receipt-{}.pdf", detail.order.number),
            mime: "application/pdf".into(),
            caption: caption.to_owned(),
        })))
    }
}

/// Page width in points (80 mm, a till roll's width).
const WIDTH: f32 = 227.0;
const MARGIN: f32 = 16.0;
/// The receipt's columns: the 58 mm layout, large enough to read on a
/// phone.
const COLUMNS: usize = 32;
/// Courier's size that fits [`COLUMNS`] between the margins (Courier is
/// 0.6 em wide).
const SIZE: f32 = 10.0;
const LINE: f32 = 13.0;

/// One line of the PDF: text (bold or not), or a QR code's modules.
enum Line {
    Text(bool, String),
    Qr(Vec<Vec<bool>>),
}

/// The receipt as a PDF: the same rows a 58 mm printer prints, in
/// Courier, the shop's name in bold, a QR code drawn as a code (the tax
/// invoice's verification link), or shown as its link if it is too long
/// for one.
pub fn receipt_pdf(receipt: &Receipt) -> Vec<u8> {
    let lines: Vec<Line> = receipt
        .rows(COLUMNS)
        .into_iter()
        .map(|row| match row {
            Row::Title(t) => Line::Text(true, centre(&t, COLUMNS)),
            Row::Qr(t) => match dukadesk_domain::qr::modules(&t) {
                Some(grid) => Line::Qr(grid),
                None => Line::Text(false, centre(&t, COLUMNS)),
            },
            Row::Centered(t) => Line::Text(false, centre(&t, COLUMNS)),
            Row::Text(t) => Line::Text(false, t),
            Row::Bold(t) => Line::Text(true, t),
            Row::Rule => Line::Text(false, "-".repeat(COLUMNS)),
        })
        .collect();
    // A code is as wide as the text, and as tall.
    let side = WIDTH - 2.0 * MARGIN;
    let height = MARGIN * 2.0
        + lines
            .iter()
            .map(|l| match l {
                Line::Text(..) => LINE,
                Line::Qr(_) => side,
            })
            .sum::<f32>();
    let mut page = Page::new(WIDTH, height, &["Courier", "Courier-Bold"]);
    let mut top = height - MARGIN;
    for line in &lines {
        match line {
            Line::Text(bold, text) => {
                page.text(if *bold { 2 } else { 1 }, SIZE, MARGIN, top - SIZE, text);
                top -= LINE;
            }
            Line::Qr(grid) => {
                page.qr(grid, MARGIN, top, side);
                top -= side;
            }
        }
    }
    page.finish()
}

#[cfg(test)]
mod tests;
