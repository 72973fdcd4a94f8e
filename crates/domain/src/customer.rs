//! A customer of the shop, known by a validated phone number.

use crate::phone::Msisdn;
use crate::CustomerId;
use chrono::{DateTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// The languages the bot and receipts speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Kiswahili.
    Sw,
    /// French, as shops and customers in Morocco write it.
    Fr,
    /// Arabic: Modern Standard Arabic, worded so Moroccan customers read it
    /// easily.
    Ar,
}

impl Language {
    /// Every language, in the order the app lists them.
    pub const ALL: [Language; 4] = [Language::En, Language::Sw, Language::Fr, Language::Ar];

    /// The code stored with a customer or a setting: `en`, `sw`, `fr`, `ar`
    /// (ISO 639-1).
    pub const fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Sw => "sw",
            Language::Fr => "fr",
            Language::Ar => "ar",
        }
    }

    /// Whether the language is written right to left (Arabic).
    pub const fn right_to_left(self) -> bool {
        matches!(self, Language::Ar)
    }

    /// The language's name in itself, as a menu lists it.
    pub const fn own_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Sw => "Kiswahili",
            Language::Fr => "Français",
            Language::Ar => "العربية",
        }
    }

    /// Reads a stored code (case and surrounding spaces aside). `None` for a
    /// code DukaDesk does not speak; callers choose the fallback, usually
    /// English (`unwrap_or_default`).
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim();
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The full name of a weekday in this language: "Monday", "Jumatatu",
    /// "lundi", "الاثنين". French weekdays are lower case, as written
    /// inside a sentence.
    pub fn weekday_name(self, day: Weekday) -> &'static str {
        let names: [&str; 7] = match self {
            Language::En => crate::shop::DAY_NAMES,
            Language::Sw => [
                "Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa", "Jumamosi", "Jumapili",
            ],
            Language::Fr => [
                "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            ],
            Language::Ar => [
                "الاثنين",
                "الثلاثاء",
                "الأربعاء",
                "الخميس",
                "الجمعة",
                "السبت",
                "الأحد",
            ],
        };
        names[day.num_days_from_monday() as usize]
    }
}

/// A customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// Id.
    pub id: CustomerId,
    /// Canonical phone number.
    pub phone: Msisdn,
    /// Name, if the customer gave one.
    pub name: Option<String>,
    /// Language the customer chose.
    pub language: Language,
    /// The customer objected to non-essential messages.
    pub opted_out: bool,
    /// First seen.
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests;
