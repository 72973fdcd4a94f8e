//! Phone numbers: parsed once at the boundary into a canonical [`Msisdn`]
//! (`254…` for Kenya, `212…` for Morocco), then trusted everywhere.
//!
//! Only the two markets DukaDesk sells in are accepted, so the rules are
//! written out here rather than pulled from a general library: they are few,
//! they include the typos Kenyan customers really make (`+25407…`), and the
//! Safaricom prefix table (who can receive an M-Pesa prompt) is ours anyway.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A country whose numbers DukaDesk understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Country {
    /// Kenya, +254.
    #[default]
    Kenya,
    /// Morocco, +212.
    Morocco,
}

impl Country {
    /// The shop's wall-clock offset from UTC, in hours (Kenya is East Africa
    /// Time all year; Morocco keeps UTC+1 outside Ramadan).
    pub const fn utc_offset_hours(self) -> i32 {
        match self {
            Country::Kenya => 3,
            Country::Morocco => 1,
        }
    }

    /// The international calling code, without `+`.
    pub const fn calling_code(self) -> &'static str {
        match self {
            Country::Kenya => "254",
            Country::Morocco => "212",
        }
    }
}

/// The mobile network behind a number, as far as the prefix tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Network {
    /// Safaricom: can receive an M-Pesa STK prompt.
    Safaricom,
    /// Airtel Kenya.
    Airtel,
    /// Telkom Kenya.
    Telkom,
    /// Any other network (including every Moroccan one).
    Other,
}

/// Why a phone number was refused. Each message says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Nothing typed.
    #[error("Enter a phone number, for example 0712 345 678.")]
    Empty,
    /// Characters that are not part of a phone number.
    #[error("A phone number has only digits (and an optional + at the start).")]
    InvalidCharacters,
    /// Digits, but not a number of a supported country.
    #[error(
        "That is not a Kenyan or Moroccan mobile number. Try 0712 345 678 or +254 712 345 678."
    )]
    NotRecognised,
    /// Too few or too many digits.
    #[error("That number has {0} digits; a mobile number has 10 (0712 345 678) or 12 with the country code (254 712 345 678).")]
    WrongLength(usize),
}

/// A validated, canonical phone number: country code and national number,
/// digits only, no `+` (`254712345678`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Msisdn(String);

impl Msisdn {
    /// Parses what a person typed. Local forms (`07…`, `7…`) are read as
    /// numbers of `local_country`; international forms decide for themselves.
    pub fn parse(input: &str, local_country: Country) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let mut digits = String::with_capacity(trimmed.len());
        let mut plus = false;
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => plus = true,
                ' ' | '-' | '(' | ')' | '.' | '\u{a0}' => {}
                _ => return Err(PhoneError::InvalidCharacters),
            }
        }
        if digits.is_empty() {
            return Err(PhoneError::Empty);
        }
        if !plus {
            if let Some(rest) = digits.strip_prefix("00") {
                digits = rest.to_owned();
                plus = true;
            }
        }
        for country in [Country::Kenya, Country::Morocco] {
            let cc = country.calling_code();
            if let Some(rest) = digits.strip_prefix(cc) {
                if plus || rest.len() >= 9 {
                    // `+25407…`: a trunk 0 typed after the country code.
                    let nsn = if rest.len() == 10 {
                        rest.strip_prefix('0').unwrap_or(rest)
                    } else {
                        rest
                    };
                    return Self::from_national(country, nsn);
                }
            }
        }
        if plus {
            return Err(PhoneError::NotRecognised);
        }
        let nsn = match digits.len() {
            10 => digits.strip_prefix('0').ok_or(PhoneError::NotRecognised)?,
            9 => digits.as_str(),
            n => return Err(PhoneError::WrongLength(n)),
        };
        Self::from_national(local_country, nsn)
    }

    fn from_national(country: Country, nsn: &str) -> Result<Self, PhoneError> {
        if nsn.len() != 9 {
            return Err(PhoneError::WrongLength(nsn.len() + 1));
        }
        let first = nsn.as_bytes()[0];
        let ok = match country {
            Country::Kenya => matches!(first, b'7' | b'1'),
            Country::Morocco => matches!(first, b'5' | b'6' | b'7' | b'8'),
        };
        if !ok {
            return Err(PhoneError::NotRecognised);
        }
        Ok(Self(format!("{}{}", country.calling_code(), nsn)))
    }

    /// The canonical digits, `254712345678`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country of the number.
    pub fn country(&self) -> Country {
        if self.0.starts_with("212") {
            Country::Morocco
        } else {
            Country::Kenya
        }
    }

    /// The national form with a trunk zero, grouped for reading: `0712 345 678`.
    pub fn national(&self) -> String {
        let nsn = &self.0[3..];
        format!("0{} {} {}", &nsn[..3], &nsn[3..6], &nsn[6..])
    }

    /// The international form: `+254 712 345 678`.
    pub fn international(&self) -> String {
        let nsn = &self.0[3..];
        format!(
            "+{} {} {} {}",
            &self.0[..3],
            &nsn[..3],
            &nsn[3..6],
            &nsn[6..]
        )
    }

    /// The network, from the prefix.
    pub fn network(&self) -> Network {
        if self.country() != Country::Kenya {
            return Network::Other;
        }
        // The first three digits of the national number: 712 for 0712….
        let p: u16 = self.0[3..6].parse().unwrap_or(0);
        match p {
            700..=729 | 740..=748 | 757..=759 | 768..=769 | 790..=799 | 110..=115 => {
                Network::Safaricom
            }
            730..=739 | 750..=756 | 762 | 780..=789 | 100..=102 => Network::Airtel,
            770..=779 => Network::Telkom,
            _ => Network::Other,
        }
    }

    /// Whether an M-Pesa STK prompt can reach this number.
    pub fn can_receive_mpesa_prompt(&self) -> bool {
        self.network() == Network::Safaricom
    }
}

impl fmt::Display for Msisdn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.international())
    }
}

impl TryFrom<String> for Msisdn {
    type Error = PhoneError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        // Canonical strings round-trip; anything else is parsed as typed input
        // of the default country.
        Msisdn::parse(&value, Country::Kenya)
    }
}

impl From<Msisdn> for String {
    fn from(value: Msisdn) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests;
