//! QR codes as a grid of modules, for whatever draws them: the shop
//! poster's PDF, the server's enrolment string in a terminal.

use qrcode::{Color, EcLevel, QrCode};

/// The modules of `text`'s QR code, dark = true, with the 4-module quiet
/// zone around them; `None` if it is too long for a QR code. Error
/// correction level M: a poster on a wall gets scuffed.
pub fn modules(text: &str) -> Option<Vec<Vec<bool>>> {
    modules_at(text, EcLevel::M)
}

/// As [`modules`] with the lowest error correction (level L): the smallest
/// code, for a screen.
pub fn modules_compact(text: &str) -> Option<Vec<Vec<bool>>> {
    modules_at(text, EcLevel::L)
}

fn modules_at(text: &str, level: EcLevel) -> Option<Vec<Vec<bool>>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), level).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut grid = vec![vec![false; size]; size];
    for (i, c) in colors.iter().enumerate() {
        grid[quiet + i / width][quiet + i % width] = *c == Color::Dark;
    }
    Some(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_has_its_quiet_zone_and_finder_patterns() {
        let grid = modules("https://wa.me/254712345678?text=Hi").expect("fits");
        let n = grid.len();
        assert!(grid.iter().all(|row| row.len() == n));
        // Four light modules all round.
        assert!(grid[..4].iter().all(|row| row.iter().all(|m| !m)));
        assert!(grid.iter().all(|row| !row[0] && !row[n - 1]));
        // The top-left finder pattern's dark corner.
        assert!(grid[4][4] && grid[4][10] && grid[10][4]);
        assert!(modules(&"x".repeat(5000)).is_none());
    }
}
