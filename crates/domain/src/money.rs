//! Money as integer minor units (cents), never floating point.
//!
//! Amounts a person types ("1,250", "99.50", "KES 300") are parsed here, and
//! amounts are printed the way a Kenyan or Moroccan receipt shows them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The currencies DukaDesk sells in. Both have two decimal places.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Currency {
    /// Kenyan shilling.
    #[default]
    KES,
    /// Moroccan dirham.
    MAD,
}

impl Currency {
    /// ISO 4217 code.
    pub const fn code(self) -> &'static str {
        match self {
            Currency::KES => "KES",
            Currency::MAD => "MAD",
        }
    }

    /// Minor units in one major unit.
    pub const fn minor_per_major(self) -> i64 {
        100
    }

    /// Parses an ISO code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_uppercase().as_str() {
            "KES" => Some(Currency::KES),
            "MAD" => Some(Currency::MAD),
            _ => None,
        }
    }
}

/// Why an amount could not be read or computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing was typed.
    #[error("Enter an amount, for example 250 or 99.50.")]
    Empty,
    /// Not a number.
    #[error("\"{0}\" is not an amount. Use digits, for example 250 or 99.50.")]
    NotANumber(String),
    /// More than two decimals.
    #[error("Use at most two decimals, for example 99.50.")]
    TooManyDecimals,
    /// Below zero.
    #[error("The amount cannot be negative.")]
    Negative,
    /// Beyond what any shop sells.
    #[error("That amount is too large.")]
    TooLarge,
    /// Two amounts in different currencies were combined.
    #[error("Cannot combine {0} and {1} amounts.")]
    CurrencyMismatch(&'static str, &'static str),
}

/// The largest amount accepted anywhere: one billion major units.
pub const MAX_MINOR: i64 = 1_000_000_000 * 100;

/// An amount of money in minor units of one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Money {
    /// Minor units (cents). Never negative in stored prices and totals.
    pub minor: i64,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// Zero in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Self { minor: 0, currency }
    }

    /// From minor units.
    pub const fn from_minor(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// From whole major units (shillings, dirhams).
    pub const fn from_major(major: i64, currency: Currency) -> Self {
        Self {
            minor: major * 100,
            currency,
        }
    }

    /// Parses what a person types: digits with optional thousands separators
    /// (`,` or space), an optional currency code, and at most two decimals.
    pub fn parse(input: &str, currency: Currency) -> Result<Self, MoneyError> {
        let mut s = input.trim();
        for prefix in [currency.code(), "KSH", "KSHS", "SH", "DH", "DHS"] {
            if let Some(head) = s.get(..prefix.len()) {
                if head.eq_ignore_ascii_case(prefix) {
                    s = s[prefix.len()..].trim_start_matches(['.', ' ']);
                    break;
                }
            }
        }
        let s = s.trim();
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        if s.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let cleaned: String = s.chars().filter(|c| *c != ',' && *c != ' ').collect();
        let (whole, frac) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        let digits_ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits_ok(whole) || !digits_ok(frac) {
            return Err(MoneyError::NotANumber(
                input.trim().chars().take(40).collect(),
            ));
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        if whole.len() > 12 {
            return Err(MoneyError::TooLarge);
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole
                .parse()
                .map_err(|_| MoneyError::NotANumber(input.trim().chars().take(40).collect()))?
        };
        let frac_minor: i64 = match frac.len() {
            0 => 0,
            1 => i64::from(frac.as_bytes()[0] - b'0') * 10,
            _ => frac.parse().unwrap_or(0),
        };
        let minor = whole
            .checked_mul(100)
            .and_then(|m| m.checked_add(frac_minor))
            .ok_or(MoneyError::TooLarge)?;
        if minor > MAX_MINOR {
            return Err(MoneyError::TooLarge);
        }
        Ok(Self { minor, currency })
    }

    /// Adds two amounts of the same currency.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(
                self.currency.code(),
                other.currency.code(),
            ));
        }
        let minor = self
            .minor
            .checked_add(other.minor)
            .filter(|m| *m <= MAX_MINOR)
            .ok_or(MoneyError::TooLarge)?;
        Ok(Money { minor, ..self })
    }

    /// Multiplies by a quantity.
    pub fn checked_mul(self, qty: u32) -> Result<Money, MoneyError> {
        let minor = self
            .minor
            .checked_mul(i64::from(qty))
            .filter(|m| *m <= MAX_MINOR)
            .ok_or(MoneyError::TooLarge)?;
        Ok(Money { minor, ..self })
    }

    /// Whole major units, rounded up: what an M-Pesa prompt must ask for,
    /// since M-Pesa takes no cents.
    pub fn whole_major_ceil(self) -> i64 {
        (self.minor + 99).div_euclid(100)
    }

    /// The amount without the currency code: `1,250` or `99.50`.
    pub fn amount_text(self) -> String {
        self.written_with(',', '.')
    }

    /// The amount as a spreadsheet reads a number: `1250.00`, `-99.50` (no
    /// thousands separator, always the cents, a decimal point).
    pub fn sheet_text(self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        format!(
            "{sign}{}.{:02}",
            self.minor.abs() / 100,
            self.minor.abs() % 100
        )
    }

    /// The amount as a customer in the shop's country writes it, for
    /// messages to customers (the bot, reminders): Kenya as [`Display`]
    /// prints it, `KES 1,250` or `KES 99.50`; Morocco with a space between
    /// thousands, a decimal comma and the dirham after, `1 250 DH` or
    /// `1 250,50 DH`. Receipts, exports and forms keep [`Display`].
    ///
    /// [`Display`]: fmt::Display
    pub fn local_text(self) -> String {
        match self.currency {
            Currency::KES => self.to_string(),
            Currency::MAD => format!("{} DH", self.written_with(' ', ',')),
        }
    }

    /// The amount with `thousands` between groups of three digits and
    /// `decimal` before the cents, which are left out when zero.
    fn written_with(self, thousands: char, decimal: char) -> String {
        let major = self.minor.abs() / 100;
        let cents = self.minor.abs() % 100;
        let digits = major.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(thousands);
            }
            grouped.push(ch);
        }
        let sign = if self.minor < 0 { "-" } else { "" };
        if cents == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{decimal}{cents:02}")
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.currency.code(), self.amount_text())
    }
}

#[cfg(test)]
mod tests;
