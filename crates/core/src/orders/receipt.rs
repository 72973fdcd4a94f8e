//! A paid order's receipt as a one-page PDF, written directly (PDF 1.4,
//! the standard Helvetica fonts, no images): small enough to send over
//! WhatsApp as a document, readable on any phone. Text outside Latin-1 is
//! shown as `?` (the standard fonts carry no more).

use crate::channels::Document;
use crate::store::{parse_uuid, Store, StoreError};
use dukadesk_domain::ipc::OrderDetail;
use dukadesk_domain::payment::PaymentState;
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
            bytes: receipt_pdf(&shop.name, &detail),
            file_name: format!("receipt-{}.pdf", detail.order.number),
            mime: "application/pdf".into(),
            caption: caption.to_owned(),
        }))
    }
}

/// Page width in points (80 mm, a till roll's width).
const WIDTH: f32 = 227.0;
const MARGIN: f32 = 16.0;
const LINE: f32 = 14.0;

/// One line of text: (bold, size, text, right-aligned amount).
type Row = (bool, f32, String, String);

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

/// Rough Helvetica width of `text` at `size` (for right-aligning amounts).
fn width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.52
}

fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(chars.saturating_sub(1)).collect();
        s.push('.');
        s
    }
}

/// The receipt for `detail` from `shop`, dated as it was paid.
pub fn receipt_pdf(shop: &str, detail: &OrderDetail) -> Vec<u8> {
    let order = &detail.order;
    let mut rows: Vec<Row> = vec![
        (true, 13.0, cut(shop, 28), String::new()),
        (false, 9.0, "Receipt".into(), String::new()),
        (
            false,
            9.0,
            format!("Order {}", order.display_number()),
            order.created_at.format("%-d %b %Y %H:%M UTC").to_string(),
        ),
        (false, 9.0, String::new(), String::new()),
    ];
    for line in &order.lines {
        rows.push((
            false,
            9.0,
            cut(&format!("{} x {}", line.qty, line.name), 26),
            line.total.to_string(),
        ));
    }
    if order.delivery_fee.minor > 0 {
        rows.push((
            false,
            9.0,
            "Delivery".into(),
            order.delivery_fee.to_string(),
        ));
    }
    rows.push((true, 11.0, "Total".into(), order.total.to_string()));
    for p in detail
        .payments
        .iter()
        .filter(|p| p.state == PaymentState::Succeeded)
    {
        let code = p.receipt.clone().unwrap_or_default();
        rows.push((false, 9.0, "Paid by M-Pesa".into(), code));
    }
    rows.push((false, 9.0, String::new(), String::new()));
    rows.push((false, 9.0, "Thank you!".into(), String::new()));

    let height = MARGIN * 2.0 + LINE * rows.len() as f32;
    let mut content = Vec::new();
    let mut y = height - MARGIN - 10.0;
    for (bold, size, text, amount) in &rows {
        let font = if *bold { "F2" } else { "F1" };
        for (x, t) in [
            (MARGIN, text.as_str()),
            (WIDTH - MARGIN - width(amount, *size), amount.as_str()),
        ] {
            if t.is_empty() {
                continue;
            }
            content.extend(format!("BT /{font} {size} Tf {x:.1} {y:.1} Td (").bytes());
            content.extend(latin1(t));
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
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
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
