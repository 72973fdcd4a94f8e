//! A QR code drawn as SVG: the `qrcode` crate computes the modules, and
//! this draws every dark module as one path (crisp at any size, no image
//! encoding, nothing fetched).

use qrcode::{Color, QrCode};
use yew::prelude::*;

/// The modules of `text` as an SVG path (`M x y h1v1h-1z` per dark module)
/// and the code's width in modules; `None` when `text` cannot be encoded.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            // Four modules of quiet zone on every side.
            d.push_str(&format!("M{} {}h1v1h-1z", i % width + 4, i / width + 4));
        }
    }
    Some((width, d))
}

/// Props of [`QrSvg`].
#[derive(Properties, PartialEq)]
pub struct QrSvgProps {
    /// What to encode.
    pub text: AttrValue,
    /// What a screen reader says.
    pub label: AttrValue,
}

/// The code, black on white whatever the theme (phones read it best so).
#[function_component]
pub fn QrSvg(props: &QrSvgProps) -> Html {
    let Some((width, d)) = qr_path(&props.text) else {
        return html! { <p class="banner error" role="alert">{ "This code could not be drawn. Get a new code." }</p> };
    };
    let size = width + 8;
    html! {
        <svg id="pairing-qr" class="qr" role="img" aria-label={props.label.clone()}
            viewBox={format!("0 0 {size} {size}")} shape-rendering="crispEdges"
            xmlns="http://www.w3.org/2000/svg">
            <rect width={size.to_string()} height={size.to_string()} fill="#ffffff" />
            <path d={d} fill="#000000" />
        </svg>
    }
}

#[cfg(test)]
mod tests;
