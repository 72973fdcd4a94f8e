//! The cash-up (Z report) at the end of a day or shift: what this till
//! should hold (the float it started with plus the cash it took), what the
//! clerk counted, the difference, and the M-Pesa this till took, recorded
//! with who counted. A cash-up is only ever added, never changed: a
//! recount is a new cash-up.

use crate::ipc::FieldError;
use crate::money::{Currency, Money};
use crate::receipt::{spread, wrap, Row};
use crate::report::local_time;
use crate::words::Problem;
use crate::CashUpId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A recorded cash-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashUp {
    /// Id.
    pub id: CashUpId,
    /// Which till, as its people call it.
    pub till: String,
    /// Start of the period (the till's previous cash-up, or the start of
    /// the day).
    pub from: DateTime<Utc>,
    /// When the drawer was counted.
    pub at: DateTime<Utc>,
    /// Payments taken in the period.
    pub payments: u32,
    /// Cash in the drawer at the start.
    pub float: Money,
    /// Cash taken in the period.
    pub cash_sales: Money,
    /// M-Pesa taken in the period.
    pub mpesa: Money,
    /// Cash given back from the drawer in the period (refunds); `None` on
    /// cash-ups counted before refunds were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash_refunds: Option<Money>,
    /// Cash counted in the drawer.
    pub counted: Money,
    /// Who counted.
    pub by: String,
    /// Why the drawer is over or short, as the clerk explained it.
    pub note: String,
}

/// Over, short or balanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Balance {
    /// The drawer holds what it should.
    Balanced,
    /// More cash than expected, by this much.
    Over(Money),
    /// Less cash than expected, by this much.
    Short(Money),
}

impl Balance {
    /// Counted against expected.
    pub fn of(expected: Money, counted: Money) -> Self {
        let d = counted.minor - expected.minor;
        match d.cmp(&0) {
            std::cmp::Ordering::Equal => Balance::Balanced,
            std::cmp::Ordering::Greater => Balance::Over(Money::from_minor(d, counted.currency)),
            std::cmp::Ordering::Less => Balance::Short(Money::from_minor(-d, counted.currency)),
        }
    }

    /// In words: "Balanced", "Over by KES 20", "Short by KES 10".
    pub fn words(self) -> String {
        match self {
            Balance::Balanced => "Balanced".into(),
            Balance::Over(m) => format!("Over by {m}"),
            Balance::Short(m) => format!("Short by {m}"),
        }
    }
}

impl CashUp {
    /// What the drawer should hold.
    pub fn expected(&self) -> Money {
        Money::from_minor(
            self.float.minor + self.cash_sales.minor - self.cash_refunds.map_or(0, |r| r.minor),
            self.float.currency,
        )
    }

    /// Counted against expected.
    pub fn balance(&self) -> Balance {
        Balance::of(self.expected(), self.counted)
    }

    /// The cash-up as rows of a roll (the printed Z report); times on the
    /// shop's wall clock, `utc_offset_hours` from UTC.
    pub fn rows(&self, shop_name: &str, utc_offset_hours: i32, columns: usize) -> Vec<Row> {
        let local = |t: DateTime<Utc>| {
            local_time(t, utc_offset_hours)
                .format("%-d %b %Y %H:%M")
                .to_string()
        };
        let line = |l: &str, r: String| Row::Text(spread(l, &r, columns));
        let mut rows = vec![
            Row::Title(shop_name.to_owned()),
            Row::Centered("Cash-up (Z report)".into()),
            line("Till", self.till.clone()),
            line("From", local(self.from)),
            line("To", local(self.at)),
            Row::Rule,
            line("Payments", self.payments.to_string()),
            line("Cash sales", self.cash_sales.to_string()),
        ];
        if let Some(refunds) = self.cash_refunds.filter(|r| r.minor > 0) {
            rows.push(line("Cash refunds", format!("-{refunds}")));
        }
        rows.extend([
            line("Float", self.float.to_string()),
            line("Expected cash", self.expected().to_string()),
            line("Counted cash", self.counted.to_string()),
            Row::Bold(match self.balance() {
                Balance::Balanced => spread("BALANCED", "", columns).trim_end().to_owned(),
                Balance::Over(m) => spread("OVER", &m.to_string(), columns),
                Balance::Short(m) => spread("SHORT", &m.to_string(), columns),
            }),
            line("M-Pesa", self.mpesa.to_string()),
            Row::Rule,
        ]);
        for text in [format!("Counted by {}", self.by), note_text(&self.note)] {
            if !text.is_empty() {
                rows.extend(wrap(&text, columns).into_iter().map(Row::Text));
            }
        }
        rows
    }
}

fn note_text(note: &str) -> String {
    if note.trim().is_empty() {
        String::new()
    } else {
        format!("Note: {}", note.trim())
    }
}

/// What the till knows before the drawer is counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashUpDraft {
    /// Which till.
    pub till: String,
    /// Start of the period.
    pub from: DateTime<Utc>,
    /// Now.
    pub to: DateTime<Utc>,
    /// Payments taken in the period.
    pub payments: u32,
    /// Cash taken.
    pub cash_sales: Money,
    /// M-Pesa taken.
    pub mpesa: Money,
    /// Cash given back from the drawer (refunds).
    pub cash_refunds: Money,
    /// The float the previous cash-up left (zero if none).
    pub float: Money,
}

impl CashUpDraft {
    /// What the drawer should hold with `float` in it at the start.
    pub fn expected(&self, float: Money) -> Money {
        Money::from_minor(
            float.minor + self.cash_sales.minor - self.cash_refunds.minor,
            float.currency,
        )
    }
}

/// The cash-up form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CashUpInput {
    /// Cash in the drawer at the start (empty: none).
    pub float: String,
    /// Cash counted now.
    pub counted: String,
    /// Why it is over or short.
    pub note: String,
}

/// The form, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidCashUp {
    /// Float.
    pub float: Money,
    /// Counted.
    pub counted: Money,
}

impl CashUpInput {
    /// Reads the amounts; problems by field (`float`, `counted`, `note`).
    pub fn validate(&self, currency: Currency) -> Result<ValidCashUp, Vec<FieldError>> {
        let mut errors = Vec::new();
        let float = if self.float.trim().is_empty() {
            Some(Money::zero(currency))
        } else {
            match Money::parse(&self.float, currency) {
                Ok(m) => Some(m),
                Err(e) => {
                    errors.push(FieldError::said("float", &e));
                    None
                }
            }
        };
        let counted = if self.counted.trim().is_empty() {
            errors.push(FieldError::said("counted", &Problem::CountedCash));
            None
        } else {
            match Money::parse(&self.counted, currency) {
                Ok(m) => Some(m),
                Err(e) => {
                    errors.push(FieldError::said("counted", &e));
                    None
                }
            }
        };
        if self.note.chars().count() > 500 {
            errors.push(FieldError::said("note", &Problem::CashUpNote));
        }
        match (float, counted) {
            (Some(float), Some(counted)) if errors.is_empty() => Ok(ValidCashUp { float, counted }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests;
