//! Receipt rows the printer's code page cannot print (Arabic, Amharic,
//! emoji…), drawn with this computer's own fonts into a black-and-white
//! image and sent as an ESC/POS raster (`GS v 0`), so a Moroccan shop's
//! Arabic item names are printed, not lost. `cosmic-text` shapes the text
//! (Arabic letters joined, right to left, fonts falling back) and draws it.

use cosmic_text::{
    Align, Attrs, Buffer, Color, Family, FontSystem, Metrics, Shaping, SwashCache, Weight,
};
use dukadesk_domain::receipt::PaperWidth;
use std::sync::{Mutex, OnceLock};

/// The system's fonts and the drawn glyphs, found once (reading every
/// installed font takes a moment) and shared by every print.
struct Fonts {
    system: FontSystem,
    cache: SwashCache,
}

fn fonts() -> &'static Mutex<Fonts> {
    static FONTS: OnceLock<Mutex<Fonts>> = OnceLock::new();
    FONTS.get_or_init(|| {
        Mutex::new(Fonts {
            system: FontSystem::new(),
            cache: SwashCache::new(),
        })
    })
}

/// How a row is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// Double size (the shop's name).
    pub large: bool,
    /// Bold.
    pub bold: bool,
    /// Centred (otherwise from the start of the line: the left, or the
    /// right for a right-to-left line).
    pub centred: bool,
}

/// Dots across the printable width: 8 dots a millimetre, 48 mm of a 58 mm
/// roll and 72 mm of an 80 mm one.
pub(crate) const fn dots(width: PaperWidth) -> usize {
    match width {
        PaperWidth::Mm58 => 384,
        PaperWidth::Mm80 => 576,
    }
}

/// `text` drawn `dots` wide as `GS v 0` bytes; `None` when nothing could be
/// drawn (no font here has its letters), so the caller prints what it can.
pub(crate) fn row(text: &str, dots: usize, style: Style) -> Option<Vec<u8>> {
    // The printer's own font is 12 × 24 dots; the image matches its height.
    let size = if style.large { 44.0 } else { 22.0 };
    let line = (size * 1.2_f32).ceil();
    let mut guard = fonts()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let Fonts { system, cache } = &mut *guard;
    let mut buffer = Buffer::new(system, Metrics::new(size, line));
    buffer.set_size(system, Some(dots as f32), None);
    let attrs = Attrs::new()
        .family(Family::SansSerif)
        .weight(if style.bold || style.large {
            Weight::BOLD
        } else {
            Weight::NORMAL
        });
    let align = style.centred.then_some(Align::Center);
    buffer.set_text(system, text, &attrs, Shaping::Advanced, align);
    buffer.shape_until_scroll(system, false);
    let lines = buffer.layout_runs().count().max(1);
    let height = lines * line as usize;
    let stride = dots.div_ceil(8);
    let mut bits = vec![0u8; stride * height];
    let mut inked = false;
    buffer.draw(system, cache, Color::rgb(0, 0, 0), |x, y, w, h, color| {
        // Thermal dots are on or off: half-covered pixels are ink.
        if color.a() < 128 {
            return;
        }
        for py in y.max(0)..(y + h as i32) {
            for px in x.max(0)..(x + w as i32) {
                let (px, py) = (px as usize, py as usize);
                if px < dots && py < height {
                    bits[py * stride + px / 8] |= 0x80 >> (px % 8);
                    inked = true;
                }
            }
        }
    });
    if !inked {
        return None;
    }
    let mut out = Vec::with_capacity(8 + bits.len());
    // GS v 0, normal density, width in bytes, height in dots (little end).
    out.extend_from_slice(&[0x1D, b'v', b'0', 0]);
    out.extend_from_slice(&(stride as u16).to_le_bytes());
    out.extend_from_slice(&(height as u16).to_le_bytes());
    out.extend_from_slice(&bits);
    Some(out)
}

/// A `GS v 0` image read back: its width in dots, height, and whether the
/// dot at (x, y) is black. For tests (not under Wine: see
/// `rows_the_code_page_lacks_print_as_images`).
#[cfg(all(test, not(windows)))]
pub(crate) fn read(bytes: &[u8]) -> Option<(usize, usize, impl Fn(usize, usize) -> bool + '_)> {
    let start = bytes.windows(4).position(|w| w == [0x1D, b'v', b'0', 0])?;
    let header = bytes.get(start + 4..start + 8)?;
    let stride = u16::from_le_bytes([header[0], header[1]]) as usize;
    let height = u16::from_le_bytes([header[2], header[3]]) as usize;
    let bits = bytes.get(start + 8..start + 8 + stride * height)?;
    Some((stride * 8, height, move |x: usize, y: usize| {
        bits[y * stride + x / 8] & (0x80 >> (x % 8)) != 0
    }))
}
