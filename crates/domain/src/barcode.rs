//! Barcodes, as a keyboard-wedge scanner types them: a burst of keys far
//! faster than a person types, ending in Enter. The till tells a scan from
//! typing with [`ScanDetector`]; items carry the code [`clean`] keeps.
//! Labels printed by the shop's scale ([`ScaleLabel`]: EAN-13 starting
//! 20-29, the item's scale code then its price or weight) are read with the
//! till's [`ScaleLabels`] setting.

use crate::money::Money;
use serde::{Deserialize, Serialize};

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

/// What the five digits before the check digit of the shop's scale labels
/// hold. Set on the scale once; the till is told the same in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleLabels {
    /// The price the scale worked out, in whole shillings or dirhams
    /// (`00250` is 250).
    #[default]
    PriceWhole,
    /// The price with two decimals (`00250` is 2.50).
    PriceCents,
    /// The weight in grams (`01250` is 1.250 kg); the till prices it from
    /// the item's price per kilogram.
    WeightGrams,
}

impl ScaleLabels {
    /// Every choice, for the settings form.
    pub const ALL: [ScaleLabels; 3] = [
        ScaleLabels::PriceWhole,
        ScaleLabels::PriceCents,
        ScaleLabels::WeightGrams,
    ];

    /// The form's value.
    pub const fn key(self) -> &'static str {
        match self {
            ScaleLabels::PriceWhole => "price_whole",
            ScaleLabels::PriceCents => "price_cents",
            ScaleLabels::WeightGrams => "weight_grams",
        }
    }

    /// From the form's value.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// What a merchant reads in the form.
    pub const fn label(self) -> &'static str {
        match self {
            ScaleLabels::PriceWhole => "Price, whole (00250 is 250)",
            ScaleLabels::PriceCents => "Price with cents (00250 is 2.50)",
            ScaleLabels::WeightGrams => "Weight in grams (01250 is 1.250 kg)",
        }
    }

    /// The line a label makes for an item priced `price` (a unit price,
    /// or the price of a kilogram when labels carry the weight): its price
    /// and the weight, when the label says it. Weighed prices are rounded
    /// to the nearest cent.
    pub fn price(self, label: &ScaleLabel, price: Money) -> Result<Weighed, LabelError> {
        let value = i64::from(label.value);
        let (minor, grams) = match self {
            ScaleLabels::PriceWhole => (value * 100, None),
            ScaleLabels::PriceCents => (value, None),
            ScaleLabels::WeightGrams => {
                if value == 0 {
                    return Err(LabelError::NoWeight);
                }
                // price per kg × grams / 1000, half up.
                let minor = (price.minor * value * 2 + 1000) / 2000;
                (minor, Some(label.value))
            }
        };
        if minor <= 0 {
            return Err(LabelError::NoPrice);
        }
        Ok(Weighed {
            price: Money::from_minor(minor, price.currency),
            grams,
        })
    }
}

/// Why a scale label prices nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    /// A weight label that weighs nothing.
    #[error("The label shows no weight; weigh the item again.")]
    NoWeight,
    /// A price label (or a weight) that comes to nothing.
    #[error("The label shows no price; weigh the item again.")]
    NoPrice,
}

/// A scale label read against an item: what the line costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weighed {
    /// The line's price.
    pub price: Money,
    /// The weight, when the label carries it.
    pub grams: Option<u32>,
}

impl Weighed {
    /// The line's name on the order and receipt: `Tomatoes 1.250 kg`, or
    /// `Minced meat (weighed)` when the label carries only the price.
    pub fn line_name(&self, item_name: &str) -> String {
        match self.grams {
            Some(g) => format!("{item_name} {}.{:03} kg", g / 1000, g % 1000),
            None => format!("{item_name} (weighed)"),
        }
    }
}

/// A label printed by the shop's scale: 13 digits (EAN-13) starting with
/// 20-29 (numbers GS1 keeps for use inside a shop), then the item's five
/// digit scale code, five digits of price or weight, and a check digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleLabel {
    /// The first seven digits (`20` to `29` and the scale code): what the
    /// item's Barcode field holds.
    pub item_code: String,
    /// The five digits of price or weight.
    pub value: u32,
}

impl ScaleLabel {
    /// Reads a scanned code; `None` for anything but a scale label with a
    /// correct check digit.
    pub fn parse(code: &str) -> Option<Self> {
        let digits: Vec<u32> = code
            .chars()
            .map(|c| c.to_digit(10))
            .collect::<Option<_>>()?;
        if digits.len() != 13 || digits[0] != 2 || !ean13_check(&digits) {
            return None;
        }
        let value = digits[7..12].iter().fold(0, |acc, d| acc * 10 + d);
        Some(Self {
            item_code: code[..7].to_owned(),
            value,
        })
    }
}

/// Whether the last of 13 digits is their EAN-13 check digit.
fn ean13_check(digits: &[u32]) -> bool {
    let sum: u32 = digits[..12]
        .iter()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { *d } else { d * 3 })
        .sum();
    (10 - sum % 10) % 10 == digits[12]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    #[test]
    fn scale_labels_are_read_and_priced() {
        // 20 01234 01250 and its check digit.
        let label = ScaleLabel::parse("2001234012508").expect("a scale label");
        assert_eq!(label.item_code, "2001234");
        assert_eq!(label.value, 1250);
        let per_kg = Money::from_major(120, Currency::KES);
        let w = ScaleLabels::WeightGrams.price(&label, per_kg).unwrap();
        assert_eq!(w.price, Money::from_major(150, Currency::KES));
        assert_eq!(w.line_name("Tomatoes"), "Tomatoes 1.250 kg");
        let p = ScaleLabels::PriceWhole.price(&label, per_kg).unwrap();
        assert_eq!(p.price, Money::from_major(1250, Currency::KES));
        assert_eq!(p.line_name("Beef"), "Beef (weighed)");
        let c = ScaleLabels::PriceCents.price(&label, per_kg).unwrap();
        assert_eq!(c.price, Money::from_minor(1250, Currency::KES));
        // 333 g at KES 99.99 a kilo is 33.2967: 33.30.
        let small = ScaleLabel::parse("2100042003330").expect("label");
        assert_eq!(small.value, 333);
        let w = ScaleLabels::WeightGrams
            .price(&small, Money::from_minor(9999, Currency::KES))
            .unwrap();
        assert_eq!(w.price.minor, 3330);
        assert_eq!(w.line_name("Sugar"), "Sugar 0.333 kg");
    }

    #[test]
    fn other_codes_are_not_scale_labels() {
        // A wrong check digit, a product code (not 2x), too short, letters.
        assert_eq!(ScaleLabel::parse("2001234012509"), None);
        assert_eq!(ScaleLabel::parse("6161101660013"), None);
        assert_eq!(ScaleLabel::parse("200123401250"), None);
        assert_eq!(ScaleLabel::parse("20012340125A8"), None);
        // A label with nothing weighed or priced is refused, not free.
        let zero = ScaleLabel::parse("2001234000000").expect("label");
        assert!(ScaleLabels::WeightGrams
            .price(&zero, Money::from_major(10, Currency::KES))
            .is_err());
        assert!(ScaleLabels::PriceWhole
            .price(&zero, Money::from_major(10, Currency::KES))
            .is_err());
        assert_eq!(
            ScaleLabels::from_key("weight_grams"),
            Some(ScaleLabels::WeightGrams)
        );
        assert_eq!(ScaleLabels::from_key("kg"), None);
    }

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
