//! Barcodes, as a keyboard-wedge scanner types them: a burst of keys far
//! faster than a person types, ending in Enter. The till tells a scan from
//! typing with [`ScanDetector`]; items carry the code [`clean`] keeps.

/// Shortest code taken for a barcode: UPC-E has 6 digits, EAN-8 8. Longer
/// than any amount a cashier types, so "1000" and Enter in a hurry is
/// never a scan.
pub const MIN_LEN: usize = 6;
/// Longest code kept (Code 128 labels stay well under this).
pub const MAX_LEN: usize = 48;
/// The longest pause between two keys of one scan, in milliseconds.
/// Scanners send a key every 1-20 ms; the fastest typists leave 60 ms or
/// more between keys, and never keep under 50 ms for a whole word.
pub const SCAN_GAP_MS: f64 = 50.0;

/// A code as items keep it: control characters and spaces (some scanners
/// send a prefix, a suffix or a tab) removed. `None` when what is left is
/// not a barcode: too short, too long, or with characters no barcode has.
pub fn clean(raw: &str) -> Option<String> {
    let code: String = raw
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    let len = code.chars().count();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/' | '+');
    ((MIN_LEN..=MAX_LEN).contains(&len) && code.chars().all(allowed)).then_some(code)
}

/// Follows the keys typed anywhere on the till and says when a run of them
/// was a scanner rather than a person.
#[derive(Debug, Default, Clone)]
pub struct ScanDetector {
    keys: String,
    last_ms: Option<f64>,
}

impl ScanDetector {
    /// A printable key pressed at `at_ms` (the event's timestamp). A key
    /// after a longer pause starts a new run.
    pub fn key(&mut self, ch: char, at_ms: f64) {
        if self.last_ms.is_none_or(|last| at_ms - last > SCAN_GAP_MS) {
            self.keys.clear();
        }
        self.keys.push(ch);
        self.last_ms = Some(at_ms);
    }

    /// Enter pressed at `at_ms`: the code when the keys before it came as
    /// one burst and make a barcode with at least one digit (product codes
    /// always have some; a word typed fast, by a quick typist or a test
    /// robot, is a search, not a scan); `None` for typing. Either way the
    /// run ends.
    pub fn enter(&mut self, at_ms: f64) -> Option<String> {
        let fast = self.last_ms.is_some_and(|last| at_ms - last <= SCAN_GAP_MS);
        let keys = std::mem::take(&mut self.keys);
        self.last_ms = None;
        if fast && keys.chars().count() >= MIN_LEN && keys.chars().any(|c| c.is_ascii_digit()) {
            clean(&keys)
        } else {
            None
        }
    }

    /// How many keys the current run has: the characters a scan typed into
    /// a text field, to take back out when it turns out to be a scan.
    pub fn run_len(&self) -> usize {
        self.keys.chars().count()
    }

    /// Forgets the run (focus moved, another key was pressed).
    pub fn reset(&mut self) {
        self.keys.clear();
        self.last_ms = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(d: &mut ScanDetector, text: &str, start: f64, gap: f64) -> f64 {
        let mut t = start;
        for ch in text.chars() {
            d.key(ch, t);
            t += gap;
        }
        t - gap
    }

    #[test]
    fn a_burst_ending_in_enter_is_a_scan() {
        let mut d = ScanDetector::default();
        let last = typed(&mut d, "6161101660013", 1000.0, 4.0);
        assert_eq!(d.enter(last + 5.0).as_deref(), Some("6161101660013"));
        // The run is over: a lone Enter afterwards is not a scan.
        assert_eq!(d.enter(last + 8.0), None);
    }

    #[test]
    fn typing_is_never_a_scan_even_when_quick() {
        let mut d = ScanDetector::default();
        let last = typed(&mut d, "sukuma", 0.0, 90.0);
        assert_eq!(d.enter(last + 90.0), None);
        // A fast word, then a pause before Enter: typed, not scanned.
        let last = typed(&mut d, "maziwa", 5000.0, 30.0);
        assert_eq!(d.enter(last + 400.0), None);
        // Too short to be a barcode.
        let last = typed(&mut d, "12", 9000.0, 3.0);
        assert_eq!(d.enter(last + 3.0), None);
        // An amount typed in a hurry is never a scan.
        let last = typed(&mut d, "10000", 10000.0, 2.0);
        assert_eq!(d.enter(last + 2.0), None);
        // A word, however fast: a search, not a product code.
        let last = typed(&mut d, "sukuma", 12000.0, 2.0);
        assert_eq!(d.enter(last + 2.0), None);
        // Code 128 mixes letters and digits.
        let last = typed(&mut d, "SKU-4471", 15000.0, 2.0);
        assert_eq!(d.enter(last + 2.0).as_deref(), Some("SKU-4471"));
    }

    #[test]
    fn a_pause_starts_a_new_run() {
        let mut d = ScanDetector::default();
        typed(&mut d, "ab", 0.0, 100.0);
        let last = typed(&mut d, "40001234", 1000.0, 5.0);
        assert_eq!(d.run_len(), 8);
        assert_eq!(d.enter(last + 5.0).as_deref(), Some("40001234"));
    }

    #[test]
    fn control_characters_and_spaces_are_stripped() {
        assert_eq!(
            clean("\u{2}5901234123457\r").as_deref(),
            Some("5901234123457")
        );
        assert_eq!(
            clean(" 4006 381 333931\t").as_deref(),
            Some("4006381333931")
        );
        assert_eq!(clean("ABC-123/4").as_deref(), Some("ABC-123/4"));
        assert_eq!(clean("12"), None);
        assert_eq!(clean("sukuma wiki!"), None);
        assert_eq!(clean(&"9".repeat(MAX_LEN + 1)), None);
    }
}
