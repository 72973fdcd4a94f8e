//! ESC/POS bytes for a receipt or a test page, made with the `escpos`
//! crate into memory (nothing is sent from here).
//!
//! Text is printed in code page 16, Windows-1252 (Latin-1, the euro sign
//! and typographic quotes), which Epson's printers and the common clones
//! carry. A row with a character outside it (an Arabic item name) is drawn
//! as an image instead ([`super::raster`]); only if no font here has its
//! letters does it print with `?`. The text is encoded here
//! (`encoding_rs`) and sent as raw bytes: the crate's own PC858 table maps
//! the ASCII hyphen to the soft hyphen.

use super::raster::{self, Style};
use chrono::NaiveDateTime;
use dukadesk_domain::receipt::{centre, PaperWidth, Receipt, Row};
use escpos::driver::Driver;
use escpos::printer::Printer;
use escpos::printer_options::PrinterOptions;
use escpos::utils::{JustifyMode, Protocol, QRCodeCorrectionLevel, QRCodeModel, QRCodeOption};
use std::cell::RefCell;
use std::rc::Rc;

/// The printer's driver: collects the bytes.
#[derive(Clone, Default)]
struct Memory(Rc<RefCell<Vec<u8>>>);

impl Driver for Memory {
    fn name(&self) -> String {
        "memory".into()
    }

    fn write(&self, data: &[u8]) -> escpos::errors::Result<()> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(())
    }

    fn read(&self, _buf: &mut [u8]) -> escpos::errors::Result<usize> {
        Ok(0)
    }

    fn flush(&self) -> escpos::errors::Result<()> {
        Ok(())
    }
}

/// `ESC p 0 t1 t2`: a pulse on drawer pin 2, on 50 ms, off 500 ms. The
/// crate's own `cash_drawer` sends `ESC p 0` without the two timings, and
/// the printer would take the next two bytes of the receipt for them.
const DRAWER_KICK: [u8; 5] = [0x1B, b'p', 0, 25, 250];

/// Why bytes could not be made (a row the printer cannot take).
#[derive(Debug, thiserror::Error)]
#[error("The receipt could not be laid out for the printer: {0}")]
pub struct LayoutError(String);

impl From<escpos::errors::PrinterError> for LayoutError {
    fn from(e: escpos::errors::PrinterError) -> Self {
        Self(e.to_string())
    }
}

/// `ESC t 16`: code page Windows-1252.
const CODE_PAGE_1252: [u8; 3] = [0x1B, b't', 16];

/// Whether Windows-1252 has `c` (control characters aside).
fn printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// `text` in Windows-1252, with what it lacks as `?`.
fn encoded(text: &str) -> Vec<u8> {
    let plain: String = text
        .chars()
        .map(|c| if printable(c) { c } else { '?' })
        .collect();
    encoding_rs::WINDOWS_1252.encode(&plain).0.into_owned()
}

/// The receipt's bytes for a `width` roll, ending with a cut; with
/// `open_drawer`, the cash drawer is kicked first.
pub fn receipt(
    receipt: &Receipt,
    width: PaperWidth,
    open_drawer: bool,
) -> Result<Vec<u8>, LayoutError> {
    document(&receipt.rows(width.columns()), width, open_drawer)
}

/// A test page: where it printed, a ruler as wide as the roll, the
/// accented letters and the time.
pub fn test_page(
    width: PaperWidth,
    printer: &str,
    at: NaiveDateTime,
) -> Result<Vec<u8>, LayoutError> {
    let columns = width.columns();
    let ruler: String = (1..=columns)
        .map(|i| char::from_digit((i % 10) as u32, 10).unwrap_or('0'))
        .collect();
    let rows = vec![
        Row::Title("DukaDesk".into()),
        Row::Centered("Printer test page".into()),
        Row::Rule,
        Row::Text(format!("Printer: {printer}")),
        Row::Text(format!("Roll: {} ({columns} characters)", width.label())),
        Row::Text(ruler),
        Row::Text("Accents: é è à ç ñ ü ß €".into()),
        Row::Text(at.format("%-d %b %Y %H:%M").to_string()),
        Row::Rule,
        Row::Centered("Receipts will print like this.".into()),
    ];
    document(&rows, width, false)
}

/// Any rows (a receipt, a cash-up) as a printed document ending with a
/// cut; with `open_drawer`, the cash drawer is kicked first.
pub fn document(
    rows: &[Row],
    width: PaperWidth,
    open_drawer: bool,
) -> Result<Vec<u8>, LayoutError> {
    let columns = width.columns();
    let memory = Memory::default();
    let options = PrinterOptions::new(None, None, columns as u8);
    let mut p = Printer::new(memory.clone(), Protocol::default(), Some(options));
    p.init()?.custom(&CODE_PAGE_1252)?;
    if open_drawer {
        p.custom(&DRAWER_KICK)?;
    }
    let dots = raster::dots(width);
    for row in rows {
        // A row the code page cannot print is drawn instead.
        let image = match row {
            Row::Title(t) | Row::Centered(t) | Row::Text(t) | Row::Bold(t)
                if !t.chars().all(printable) =>
            {
                let style = Style {
                    large: matches!(row, Row::Title(_)),
                    bold: matches!(row, Row::Bold(_)),
                    centred: matches!(row, Row::Title(_) | Row::Centered(_)),
                };
                raster::row(t.trim(), dots, style)
            }
            _ => None,
        };
        if let Some(bytes) = image {
            p.custom(&bytes)?;
            continue;
        }
        match row {
            Row::Title(text) => {
                p.justify(JustifyMode::CENTER)?
                    .bold(true)?
                    .size(2, 2)?
                    .custom(&encoded(centre(text, columns / 2).trim_start()))?
                    .feed()?
                    .reset_size()?
                    .bold(false)?
                    .justify(JustifyMode::LEFT)?;
            }
            Row::Centered(text) => {
                p.justify(JustifyMode::CENTER)?
                    .custom(&encoded(centre(text, columns).trim_start()))?
                    .feed()?
                    .justify(JustifyMode::LEFT)?;
            }
            Row::Text(text) => {
                p.custom(&encoded(text))?.feed()?;
            }
            Row::Bold(text) => {
                p.bold(true)?.custom(&encoded(text))?.feed()?.bold(false)?;
            }
            Row::Rule => {
                p.custom(&encoded(&"-".repeat(columns)))?.feed()?;
            }
            Row::Qr(data) => {
                let size = match width {
                    PaperWidth::Mm58 => 5,
                    PaperWidth::Mm80 => 6,
                };
                p.justify(JustifyMode::CENTER)?
                    .qrcode_option(
                        data,
                        QRCodeOption::new(QRCodeModel::Model2, size, QRCodeCorrectionLevel::M),
                    )?
                    .justify(JustifyMode::LEFT)?;
            }
        }
    }
    p.feeds(3)?.print_cut()?;
    let bytes = memory.0.borrow().clone();
    Ok(bytes)
}
