//! Cash at the counter: what the customer hands over, the change that goes
//! back, and the amounts a clerk is most likely to be handed (so tendering
//! is one key or one click, as on the tills shops already know).

use crate::money::{Money, MoneyError};

/// Cash handed over for a total, and the change due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tendered {
    /// What the customer gave.
    pub tendered: Money,
    /// What goes back to them (zero when they gave the exact amount).
    pub change: Money,
}

/// Why an amount typed as tendered does not settle the total.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TenderError {
    /// Not an amount.
    #[error("{0}")]
    Amount(#[from] MoneyError),
    /// Less than the total.
    #[error("{tendered} is less than the total {total}: {short} more is due.")]
    Short {
        /// What was given.
        tendered: Money,
        /// What the sale comes to.
        total: Money,
        /// What is missing.
        short: Money,
    },
}

/// Reads the amount a clerk typed as tendered for `total` and works out the
/// change. An empty field means the exact amount.
pub fn tender(total: Money, typed: &str) -> Result<Tendered, TenderError> {
    if typed.trim().is_empty() {
        return Ok(Tendered {
            tendered: total,
            change: Money::zero(total.currency),
        });
    }
    let tendered = Money::parse(typed, total.currency)?;
    if tendered.minor < total.minor {
        return Err(TenderError::Short {
            tendered,
            total,
            short: Money::from_minor(total.minor - tendered.minor, total.currency),
        });
    }
    Ok(Tendered {
        tendered,
        change: Money::from_minor(tendered.minor - total.minor, total.currency),
    })
}

/// Up to three amounts above `total` a customer is likely to hand over: the
/// next round hundred, five hundred and thousand (in whole major units;
/// shillings and dirhams both come in notes of those sizes), without
/// repeats and without the total itself.
pub fn likely_tenders(total: Money) -> Vec<Money> {
    let mut out: Vec<Money> = Vec::new();
    for step in [100_i64, 500, 1_000] {
        let step_minor = step * 100;
        let next = (total.minor / step_minor + 1) * step_minor;
        if next > total.minor && !out.iter().any(|m| m.minor == next) {
            out.push(Money::from_minor(next, total.currency));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn kes(major: i64) -> Money {
        Money::from_major(major, Currency::KES)
    }

    #[test]
    fn change_is_what_was_given_less_the_total() {
        let t = tender(kes(1_250), "2000").expect("enough");
        assert_eq!((t.tendered, t.change), (kes(2_000), kes(750)));
        let t = tender(kes(1_250), "KSh 1,300").expect("with a prefix and a comma");
        assert_eq!(t.change, kes(50));
        let t = tender(Money::from_minor(99_50, Currency::KES), "100").expect("cents");
        assert_eq!(t.change, Money::from_minor(50, Currency::KES));
    }

    #[test]
    fn nothing_typed_is_the_exact_amount() {
        let t = tender(kes(480), "  ").expect("exact");
        assert_eq!((t.tendered, t.change), (kes(480), kes(0)));
        assert_eq!(tender(kes(480), "480").expect("exact").change, kes(0));
    }

    #[test]
    fn too_little_or_not_an_amount_says_what_is_due() {
        let e = tender(kes(1_250), "1000").expect_err("short");
        assert_eq!(
            e,
            TenderError::Short {
                tendered: kes(1_000),
                total: kes(1_250),
                short: kes(250)
            }
        );
        assert_eq!(
            e.to_string(),
            "KES 1,000 is less than the total KES 1,250: KES 250 more is due."
        );
        assert!(matches!(
            tender(kes(100), "ten"),
            Err(TenderError::Amount(MoneyError::NotANumber(_)))
        ));
        assert!(matches!(
            tender(kes(100), "-200"),
            Err(TenderError::Amount(MoneyError::Negative))
        ));
    }

    #[test]
    fn likely_tenders_are_the_next_round_notes_above_the_total() {
        assert_eq!(
            likely_tenders(kes(1_250)),
            vec![kes(1_300), kes(1_500), kes(2_000)]
        );
        assert_eq!(
            likely_tenders(kes(80)),
            vec![kes(100), kes(500), kes(1_000)]
        );
        // A total on a round amount offers the next ones, not itself.
        assert_eq!(likely_tenders(kes(500)), vec![kes(600), kes(1_000)]);
        assert_eq!(
            likely_tenders(kes(1_000)),
            vec![kes(1_100), kes(1_500), kes(2_000)]
        );
        assert_eq!(
            likely_tenders(Money::from_minor(99_50, Currency::KES)),
            vec![kes(100), kes(500), kes(1_000)]
        );
    }
}
