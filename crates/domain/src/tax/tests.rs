use super::*;
use proptest::prelude::*;

fn line(name: &str, band: Option<TaxBand>, qty: u32, unit: i64) -> TaxLine {
    TaxLine {
        item_id: name.to_lowercase(),
        name: name.into(),
        band,
        qty,
        unit_price_minor: unit,
        total_minor: unit * i64::from(qty),
    }
}

#[test]
fn vat_is_the_part_of_an_inclusive_price_its_rate_makes_up() {
    assert_eq!(TaxBand::B.tax_in(11_600), 1_600);
    assert_eq!(TaxBand::E.tax_in(10_800), 800);
    // KES 100.00 at 16%: 13.793… rounds to 13.79.
    assert_eq!(TaxBand::B.tax_in(10_000), 1_379);
    // 0.14 of a cent rounds down; 0.55 of a cent (4 cents) rounds up.
    assert_eq!(TaxBand::B.tax_in(1), 0);
    assert_eq!(TaxBand::B.tax_in(4), 1);
    for band in [TaxBand::A, TaxBand::C, TaxBand::D] {
        assert_eq!(band.tax_in(10_000), 0, "{band:?}");
    }
}

#[test]
fn an_invoice_adds_up_each_band_and_names_a_line_without_one() {
    let lines = [
        line("Sugar 1kg", Some(TaxBand::B), 2, 16_000),
        line("Sukuma", Some(TaxBand::A), 3, 2_000),
        line("Soda", Some(TaxBand::B), 1, 8_000),
    ];
    let t = totals(&lines).unwrap();
    assert_eq!(t.bands.len(), 5);
    assert_eq!(t.bands[0].taxable_minor, 6_000);
    assert_eq!(t.bands[0].tax_minor, 0);
    assert_eq!(t.bands[1].taxable_minor, 40_000);
    assert_eq!(t.bands[1].tax_minor, 5_517);
    assert_eq!(t.total_minor, 46_000);
    assert_eq!(t.tax_minor, 5_517);

    let mut missing = lines.to_vec();
    missing[1].band = None;
    assert_eq!(totals(&missing), Err(TaxError::NoBand("Sukuma".into())));
}

#[test]
fn pins_and_branches_are_read_as_kra_spells_them() {
    assert_eq!(check_pin(" p051234567x ").unwrap(), "P051234567X");
    assert_eq!(check_pin("A 123 456 789 Z").unwrap(), "A123456789Z");
    for bad in [
        "",
        "P05123456X",
        "P0512345678",
        "0512345678X",
        "P05123A567X",
    ] {
        assert!(check_pin(bad).is_err(), "{bad}");
    }
    assert_eq!(check_branch("").unwrap(), "00");
    assert_eq!(check_branch(" 01 ").unwrap(), "01");
    for bad in ["1", "001", "ab"] {
        assert!(check_branch(bad).is_err(), "{bad}");
    }
}

#[test]
fn an_item_class_is_ten_digits() {
    assert_eq!(check_item_class(" 50596 90800 ").unwrap(), "5059690800");
    for bad in ["", "505969080", "50596908001", "505969080A"] {
        assert!(check_item_class(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_verification_link_is_pin_branch_and_signature() {
    assert_eq!(
        verification_url("P051234567X", "00", "QUII27MATATSHFRB"),
        "https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data=P051234567X00QUII27MATATSHFRB"
    );
}

fn any_band() -> impl Strategy<Value = TaxBand> {
    prop::sample::select(TaxBand::ALL.to_vec())
}

proptest! {
    /// Whatever the lines, the bands add up to what was paid, no band's
    /// tax is more than its rate allows, and each band's tax is within a
    /// cent of the exact fraction.
    #[test]
    fn totals_always_add_up(lines in prop::collection::vec(
        (any_band(), 1u32..50, 1i64..5_000_000), 0..30)
    ) {
        let lines: Vec<_> = lines
            .into_iter()
            .enumerate()
            .map(|(i, (band, qty, unit))| line(&format!("item {i}"), Some(band), qty, unit))
            .collect();
        let t = totals(&lines).unwrap();
        let paid: i64 = lines.iter().map(|l| l.total_minor).sum();
        prop_assert_eq!(t.total_minor, paid);
        prop_assert_eq!(t.bands.iter().map(|b| b.taxable_minor).sum::<i64>(), paid);
        for b in &t.bands {
            let exact = b.taxable_minor as f64 * b.band.rate_bp() as f64
                / (10_000 + b.band.rate_bp()) as f64;
            prop_assert!((b.tax_minor as f64 - exact).abs() <= 0.5 + 1e-6, "{:?}", b);
            prop_assert!(b.tax_minor <= b.taxable_minor);
        }
    }
}

#[test]
fn a_credit_note_for_part_of_a_sale_shares_it_over_the_lines_and_their_bands() {
    let lines = vec![
        line("Unga 2kg", Some(TaxBand::B), 3, 15_000),
        line("Sukuma", Some(TaxBand::A), 2, 3_000),
        line("Delivery", Some(TaxBand::B), 1, 10_000),
    ];
    // KES 610 in all; KES 61 back is a tenth of each line.
    let back = credited_lines(&lines, 6_100);
    let totals: Vec<(&str, u32, i64)> = back
        .iter()
        .map(|l| (l.name.as_str(), l.qty, l.total_minor))
        .collect();
    assert_eq!(
        totals,
        [
            ("Unga 2kg", 1, 4_500),
            ("Sukuma", 1, 600),
            ("Delivery", 1, 1_000)
        ]
    );
    assert!(back.iter().all(|l| l.unit_price_minor == l.total_minor));
    assert_eq!(back[1].band, Some(TaxBand::A), "each share keeps its band");
    // Cents that do not share evenly go to the largest line.
    let odd = credited_lines(&lines, 100);
    assert_eq!(odd.iter().map(|l| l.total_minor).sum::<i64>(), 100);
    // All of it, or more: the sale's lines as they are; nothing: none.
    assert_eq!(credited_lines(&lines, 61_000), lines);
    assert_eq!(credited_lines(&lines, 99_999), lines);
    assert!(credited_lines(&lines, 0).is_empty());
}

proptest! {
    #[test]
    fn a_credit_note_adds_up_to_what_went_back(
        units in proptest::collection::vec((1u32..5, 1i64..50_000), 1..6),
        share in 0.0f64..1.2,
    ) {
        let lines: Vec<TaxLine> = units
            .iter()
            .enumerate()
            .map(|(i, (qty, unit))| line(&format!("item {i}"), Some(TaxBand::B), *qty, *unit))
            .collect();
        let total: i64 = lines.iter().map(|l| l.total_minor).sum();
        let amount = ((total as f64) * share) as i64;
        let back = credited_lines(&lines, amount);
        let sum: i64 = back.iter().map(|l| l.total_minor).sum();
        prop_assert_eq!(sum, amount.clamp(0, total));
        prop_assert!(back.iter().all(|l| l.total_minor > 0));
    }
}
