//! A QR code drawn as SVG: `dukadesk_domain::qr` computes the modules
//! (as for the poster's PDF), and this draws every dark module as one path
//! (crisp at any size, no image encoding, nothing fetched).

use dukadesk_domain::qr::modules;
use yew::prelude::*;

/// The modules of `text` as an SVG path (`M x y h1v1h-1z` per dark module)
/// and the code's width in modules without its quiet zone; `None` when
/// `text` cannot be encoded.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    let grid = modules(text)?;
    let mut d = String::new();
    for (y, row) in grid.iter().enumerate() {
        for (x, dark) in row.iter().enumerate() {
            if *dark {
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some((grid.len() - 8, d))
}

/// Props of [`QrSvg`].
#[derive(Properties, PartialEq)]
pub struct QrSvgProps {
    /// What to encode.
    pub text: AttrValue,
    /// What a screen reader says.
    pub label: AttrValue,
    /// The element's id.
    #[prop_or(AttrValue::Static("pairing-qr"))]
    pub id: AttrValue,
}

/// The code, black on white whatever the theme (phones read it best so).
#[function_component]
pub fn QrSvg(props: &QrSvgProps) -> Html {
    let Some((width, d)) = qr_path(&props.text) else {
        return html! { <p class="banner error" role="alert">{ "This code could not be drawn. Get a new code." }</p> };
    };
    let size = width + 8;
    html! {
        <svg id={props.id.clone()} class="qr" role="img" aria-label={props.label.clone()}
            viewBox={format!("0 0 {size} {size}")} shape-rendering="crispEdges"
            xmlns="http://www.w3.org/2000/svg">
            <rect width={size.to_string()} height={size.to_string()} fill="#ffffff" />
            <path d={d} fill="#000000" />
        </svg>
    }
}

#[cfg(test)]
mod tests;
