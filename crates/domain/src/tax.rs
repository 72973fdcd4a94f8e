//! Kenya's tax invoices (KRA eTIMS): the five tax bands, what an invoice
//! adds up to in each, the shop's KRA identity as KRA spells it, and the
//! verification link printed as a QR on every signed receipt.
//!
//! Prices in a Kenyan shop include VAT, so an invoice's "taxable amount"
//! in a band is what the customer paid in it, and the tax is the part of
//! that amount the band's rate makes up (16% VAT in KES 116 is KES 16).
//! Everything is counted in cents; KRA's two-decimal numbers are made
//! from them only on the wire.

use crate::words::Problem;
use serde::{Deserialize, Serialize};

/// KRA's tax bands, as every eTIMS device is configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaxBand {
    /// Exempt from VAT (unprocessed food, for example).
    A,
    /// Standard VAT, 16%.
    B,
    /// Zero-rated, 0%.
    C,
    /// Outside VAT (a shop not registered for VAT sells everything here).
    D,
    /// VAT at 8% (fuel and a few others).
    E,
}

impl TaxBand {
    /// Every band, in KRA's order.
    pub const ALL: [TaxBand; 5] = [TaxBand::A, TaxBand::B, TaxBand::C, TaxBand::D, TaxBand::E];

    /// KRA's code (`taxTyCd`).
    pub const fn code(self) -> &'static str {
        match self {
            TaxBand::A => "A",
            TaxBand::B => "B",
            TaxBand::C => "C",
            TaxBand::D => "D",
            TaxBand::E => "E",
        }
    }

    /// From KRA's code, any case.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|b| b.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The rate in hundredths of a percent (16% is 1600).
    pub const fn rate_bp(self) -> i64 {
        match self {
            TaxBand::B => 1600,
            TaxBand::E => 800,
            TaxBand::A | TaxBand::C | TaxBand::D => 0,
        }
    }

    /// As staff choose it: "B · VAT 16%".
    pub const fn label(self) -> &'static str {
        match self {
            TaxBand::A => "A · Exempt",
            TaxBand::B => "B · VAT 16%",
            TaxBand::C => "C · Zero-rated 0%",
            TaxBand::D => "D · Non-VAT",
            TaxBand::E => "E · VAT 8%",
        }
    }

    /// The tax inside a VAT-inclusive amount, in cents, rounded half up.
    pub const fn tax_in(self, gross_minor: i64) -> i64 {
        let rate = self.rate_bp();
        if rate == 0 || gross_minor <= 0 {
            return 0;
        }
        let denominator = 10_000 + rate;
        (gross_minor * rate * 2 + denominator) / (denominator * 2)
    }
}

/// One line of an invoice, as KRA receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxLine {
    /// The catalogue item (empty for the delivery fee).
    pub item_id: String,
    /// Its name on the sale.
    pub name: String,
    /// Its band (`None`: the item has none yet, and the shop set no
    /// default; the invoice waits until staff give it one).
    pub band: Option<TaxBand>,
    /// Units.
    pub qty: u32,
    /// One unit's price, VAT included, in cents.
    pub unit_price_minor: i64,
    /// The line's amount, VAT included, in cents.
    pub total_minor: i64,
}

/// What one band adds up to on an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandTotal {
    /// The band.
    pub band: TaxBand,
    /// What was paid in it, VAT included, in cents.
    pub taxable_minor: i64,
    /// The tax inside that amount, in cents.
    pub tax_minor: i64,
}

/// An invoice's totals: one row per band (all five, as KRA asks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxTotals {
    /// A to E, in order.
    pub bands: Vec<BandTotal>,
    /// What the customer paid, VAT included, in cents.
    pub total_minor: i64,
    /// The tax in it, in cents.
    pub tax_minor: i64,
}

/// Why an invoice cannot be added up yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxError {
    /// A line has no band.
    #[error("\"{0}\" has no tax band: give it one in the Catalogue (or choose a default band in Settings → Tax), and the invoice is sent.")]
    NoBand(String),
}

/// Adds up `lines` by band: the tax of each band is taken from the band's
/// whole amount, so it is what KRA works out from the same figures.
pub fn totals(lines: &[TaxLine]) -> Result<TaxTotals, TaxError> {
    let mut bands: Vec<BandTotal> = TaxBand::ALL
        .iter()
        .map(|&band| BandTotal {
            band,
            taxable_minor: 0,
            tax_minor: 0,
        })
        .collect();
    for line in lines {
        let band = line
            .band
            .ok_or_else(|| TaxError::NoBand(line.name.clone()))?;
        bands[band as usize].taxable_minor += line.total_minor;
    }
    for b in &mut bands {
        b.tax_minor = b.band.tax_in(b.taxable_minor);
    }
    Ok(TaxTotals {
        total_minor: bands.iter().map(|b| b.taxable_minor).sum(),
        tax_minor: bands.iter().map(|b| b.tax_minor).sum(),
        bands,
    })
}

/// A sale's invoice, or the credit note that undoes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvoiceKind {
    /// A sale (`rcptTyCd` S).
    Sale,
    /// A credit note for the invoice numbered `original` (`rcptTyCd` R).
    CreditNote {
        /// The invoice it undoes.
        original: i64,
    },
}

/// How the customer paid, as KRA codes it (`pmtTyCd`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaxPayment {
    /// Cash (01).
    Cash,
    /// On credit (02).
    Credit,
    /// M-Pesa or another mobile wallet (06).
    MobileMoney,
    /// Anything else (07).
    Other,
}

impl TaxPayment {
    /// KRA's code.
    pub const fn code(self) -> &'static str {
        match self {
            TaxPayment::Cash => "01",
            TaxPayment::Credit => "02",
            TaxPayment::MobileMoney => "06",
            TaxPayment::Other => "07",
        }
    }
}

/// A KRA PIN as KRA spells it: a letter, nine digits, a letter
/// (`P051234567X`), upper case. Spaces and case are forgiven.
pub fn check_pin(input: &str) -> Result<String, Problem> {
    let pin: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let bytes = pin.as_bytes();
    let ok = bytes.len() == 11
        && bytes[0].is_ascii_alphabetic()
        && bytes[1..10].iter().all(u8::is_ascii_digit)
        && bytes[10].is_ascii_alphabetic();
    if ok {
        Ok(pin)
    } else {
        Err(Problem::KraPin)
    }
}

/// A branch id: two digits, `00` for the head office.
pub fn check_branch(input: &str) -> Result<String, Problem> {
    let branch = input.trim();
    let branch = if branch.is_empty() { "00" } else { branch };
    if branch.len() == 2 && branch.bytes().all(|b| b.is_ascii_digit()) {
        Ok(branch.to_owned())
    } else {
        Err(Problem::KraBranch)
    }
}

/// An item classification code from KRA's list: ten digits
/// (`5059690800`). Spaces are forgiven.
pub fn check_item_class(input: &str) -> Result<String, Problem> {
    let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() == 10 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(Problem::ShopItemClass)
    }
}

/// The address KRA's verification QR carries for a signed invoice.
pub fn verification_url(pin: &str, branch: &str, signature: &str) -> String {
    format!(
        "https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data={pin}{branch}{signature}"
    )
}

/// The lines of a credit note for `amount` of a sale whose lines are
/// `lines` (money given back, not goods): `amount` shared over the lines in
/// proportion to their amounts, rounded down, the cents left over on the
/// largest line, each line one unit of its share with its band and item;
/// lines with no share are left out. `amount` at or above the sale's total
/// gives the sale's lines as they are.
pub fn credited_lines(lines: &[TaxLine], amount: i64) -> Vec<TaxLine> {
    let total: i64 = lines.iter().map(|l| l.total_minor).sum();
    if amount >= total {
        return lines.to_vec();
    }
    if amount <= 0 || total <= 0 {
        return Vec::new();
    }
    let mut shares: Vec<i64> = lines
        .iter()
        .map(|l| {
            i64::try_from(i128::from(l.total_minor) * i128::from(amount) / i128::from(total))
                .unwrap_or(0)
        })
        .collect();
    let left = amount - shares.iter().sum::<i64>();
    if let Some(largest) =
        (0..lines.len()).max_by_key(|&i| (lines[i].total_minor, std::cmp::Reverse(i)))
    {
        shares[largest] += left;
    }
    lines
        .iter()
        .zip(shares)
        .filter(|(_, share)| *share > 0)
        .map(|(l, share)| TaxLine {
            qty: 1,
            unit_price_minor: share,
            total_minor: share,
            ..l.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests;
