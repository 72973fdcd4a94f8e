//! An enrolment string as a QR code in the terminal, for a till with a 2D
//! scanner (the scanner types the string into Settings -> Hosted backend
//! like a keyboard). Half-height blocks: two rows of modules per line.

use dukadesk_domain::qr::modules_compact as modules;

/// `text` as lines of `█`, `▀`, `▄` and spaces (dark modules drawn dark:
/// print it on a light background, or invert the terminal).
pub fn render(text: &str) -> Option<String> {
    let grid = modules(text)?;
    let mut out = String::new();
    for pair in grid.chunks(2) {
        for x in 0..pair[0].len() {
            let top = pair[0][x];
            let bottom = pair.get(1).is_some_and(|r| r[x]);
            out.push(match (top, bottom) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enrolment_string_round_trips_through_its_qr_code() {
        let text = format!(
            "DKS1.{}",
            "eyJ1cmwiOiJodHRwczovL3N5bmMuZXhhbXBsZS5jb20i".repeat(6)
        );
        let grid = modules(&text).expect("fits a QR code");
        // Draw it as a scanner would see it: 4 pixels a module.
        let px = 4;
        let size = grid.len() * px;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            if grid[y / px][x / px] {
                0
            } else {
                255
            }
        });
        let found = img.detect_grids();
        assert_eq!(found.len(), 1, "one code found");
        let (_, content) = found[0].decode().expect("decodes");
        assert_eq!(content, text);
        // The terminal form has one line per two rows of modules.
        let drawn = render(&text).expect("renders");
        assert_eq!(drawn.lines().count(), grid.len().div_ceil(2));
        assert!(drawn.contains('█'));
    }
}
