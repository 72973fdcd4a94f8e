//! A paid order's receipt as a one-page PDF, written directly (PDF 1.4,
//! the standard Courier fonts, no images): the same rows the till's
//! printer prints ([`Receipt::rows`]), small enough to send over WhatsApp
//! as a document, readable on any phone. Text outside Latin-1 is shown as
//! `?` (the standard fonts carry no more).

use crate::channels::Document;
use crate::store::{parse_uuid, Store, StoreError};
use dukadesk_domain::receipt::{centre, Receipt, Row};
use dukadesk_domain::OrderId;

/// What a queued message's `attachment` names.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct Attachment {
    /// The order whose receipt to attach.
    pub receipt: String,
}

impl Store {
    /// The document an outbound message carries, made now (`None`: the
    /// order is gone).
    pub async fn render_attachment(
        &self,
        attachment: &str,
        caption: &str,
    ) -> Result<Option<Document>, StoreError> {
        let a: Attachment =
            serde_json::from_str(attachment).map_err(|_| StoreError::BadRow("attachment"))?;
        let id = OrderId(parse_uuid(&a.receipt, "attachment")?);
        let detail = match self.order_detail(id).await {
            Ok(d) => d,
            Err(StoreError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let shop = self.require_shop().await?;
        Ok(Some(Document {
            bytes: receipt_pdf(&Receipt::of(&shop, &detail, None)),
            file_name: format!("receipt-{}.pdf", detail.order.number),
            mime: "application/pdf".into(),
            caption: caption.to_owned(),
        }))
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

fn latin1(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let b = match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                c as u8
            }
            '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u32 as u8,
            _ => b'?',
        };
        out.push(b);
    }
    out
}

/// The receipt as a PDF: the same rows a 58 mm printer prints, in
/// Courier, the shop's name in bold (a QR code is shown as its link).
pub fn receipt_pdf(receipt: &Receipt) -> Vec<u8> {
    let rows: Vec<(bool, String)> = receipt
        .rows(COLUMNS)
        .into_iter()
        .map(|row| match row {
            Row::Title(t) => (true, centre(&t, COLUMNS)),
            Row::Centered(t) | Row::Qr(t) => (false, centre(&t, COLUMNS)),
            Row::Text(t) => (false, t),
            Row::Bold(t) => (true, t),
            Row::Rule => (false, "-".repeat(COLUMNS)),
        })
        .collect();
    let height = MARGIN * 2.0 + LINE * rows.len() as f32;
    let mut content = Vec::new();
    let mut y = height - MARGIN - SIZE;
    for (bold, text) in &rows {
        let font = if *bold { "F2" } else { "F1" };
        if !text.trim().is_empty() {
            content.extend(format!("BT /{font} {SIZE} Tf {MARGIN:.1} {y:.1} Td (").bytes());
            content.extend(latin1(text));
            content.extend(b") Tj ET\n");
        }
        y -= LINE;
    }

    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH:.0} {height:.0}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        {
            let mut s = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            s.extend(&content);
            s.extend(b"\nendstream");
            s
        },
    ];
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests;
