//! The shop: its name, the code in its customer link, what it sells, where it
//! delivers and when it is open.

use crate::ipc::FieldError;
use crate::money::{Currency, Money};
use crate::phone::{Country, Msisdn};
use crate::words::Problem;
use crate::{ShopId, ZoneId};
use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// The short code in the shop's customer link (`wa.me/…?text=code`), lower
/// case letters, digits and dashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ShopCode(String);

/// Why a typed shop code is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ShopCodeError {
    /// Fewer than 3 characters.
    #[error("Use at least 3 characters, for example mama-mboga.")]
    TooShort,
    /// More than 30.
    #[error("Use at most 30 characters.")]
    TooLong,
    /// Something other than a-z, 0-9 and `-`.
    #[error("Use only letters a-z, digits and dashes.")]
    BadCharacter,
    /// A dash first or last.
    #[error("The code cannot start or end with a dash.")]
    DashAtEdge,
}

impl ShopCode {
    /// Validates a code typed by the merchant.
    pub fn parse(input: &str) -> Result<Self, ShopCodeError> {
        let s = input.trim().to_lowercase();
        if s.len() < 3 {
            return Err(ShopCodeError::TooShort);
        }
        if s.len() > 30 {
            return Err(ShopCodeError::TooLong);
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(ShopCodeError::BadCharacter);
        }
        if s.starts_with('-') || s.ends_with('-') {
            return Err(ShopCodeError::DashAtEdge);
        }
        Ok(Self(s))
    }

    /// A code suggested from the shop's name: "Mama Mboga's Fresh" -> "mama-mbogas-fresh".
    pub fn suggest(name: &str) -> String {
        let mut out = String::new();
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if (c.is_whitespace() || c == '-' || c == '_') && !out.ends_with('-') {
                out.push('-');
            }
        }
        let out = out.trim_matches('-');
        out.chars()
            .take(30)
            .collect::<String>()
            .trim_end_matches('-')
            .to_owned()
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ShopCode {
    type Error = ShopCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ShopCode> for String {
    fn from(value: ShopCode) -> Self {
        value.0
    }
}

/// What kind of shop this is; it picks sensible defaults (digital items for an
/// airtime shop, for instance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum BusinessType {
    /// Groceries and household goods.
    #[default]
    Grocery,
    /// Cooked food.
    Restaurant,
    /// Clothes, shoes, accessories.
    Fashion,
    /// Phones and electronics.
    Electronics,
    /// Beauty and cosmetics.
    Beauty,
    /// Hardware and building supplies.
    Hardware,
    /// Airtime and data bundles.
    AirtimeAndData,
    /// Anything else.
    Other,
}

impl BusinessType {
    /// Every type, in the order the setup form lists them.
    pub const ALL: [BusinessType; 8] = [
        BusinessType::Grocery,
        BusinessType::Restaurant,
        BusinessType::Fashion,
        BusinessType::Electronics,
        BusinessType::Beauty,
        BusinessType::Hardware,
        BusinessType::AirtimeAndData,
        BusinessType::Other,
    ];

    /// A label for people.
    pub const fn label(self) -> &'static str {
        match self {
            BusinessType::Grocery => "Grocery",
            BusinessType::Restaurant => "Restaurant / food",
            BusinessType::Fashion => "Fashion",
            BusinessType::Electronics => "Electronics",
            BusinessType::Beauty => "Beauty",
            BusinessType::Hardware => "Hardware",
            BusinessType::AirtimeAndData => "Airtime & data bundles",
            BusinessType::Other => "Other",
        }
    }
}

/// A place the shop delivers to, with its fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryZone {
    /// Id.
    pub id: ZoneId,
    /// Name customers recognise ("Westlands", "CBD").
    pub name: String,
    /// Fee added to the order.
    pub fee: Money,
    /// Inactive zones are kept for old orders but not offered.
    pub active: bool,
}

/// One day's opening time, local to the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    /// Opens at.
    pub open: NaiveTime,
    /// Closes at (after `open`; a shop open past midnight closes at 23:59).
    pub close: NaiveTime,
}

/// Weekly opening hours, Monday first; `None` means closed all day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// Monday..Sunday.
    pub days: [Option<DayHours>; 7],
}

impl Default for OpeningHours {
    /// 08:00-20:00 Monday to Saturday, closed Sunday.
    fn default() -> Self {
        let day = NaiveTime::from_hms_opt(8, 0, 0)
            .zip(NaiveTime::from_hms_opt(20, 0, 0))
            .map(|(open, close)| DayHours { open, close });
        Self {
            days: [day, day, day, day, day, day, None],
        }
    }
}

impl OpeningHours {
    /// Open every hour of every day.
    pub fn always() -> Self {
        let day = NaiveTime::from_hms_opt(0, 0, 0)
            .zip(NaiveTime::from_hms_opt(23, 59, 59))
            .map(|(open, close)| DayHours { open, close });
        Self { days: [day; 7] }
    }

    fn hours_on(&self, day: Weekday) -> Option<DayHours> {
        self.days[day.num_days_from_monday() as usize]
    }

    /// Whether the shop is open at a local time.
    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        self.hours_on(at.weekday())
            .is_some_and(|h| at.time() >= h.open && at.time() < h.close)
    }

    /// The next local time the shop opens after `at` (itself if open now), or
    /// `None` if it is never open.
    pub fn next_opening(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        if self.is_open(at) {
            return Some(at);
        }
        for offset in 0..8 {
            let date = at.date() + Duration::days(offset);
            if let Some(h) = self.hours_on(date.weekday()) {
                let opens = date.and_time(h.open);
                if opens > at {
                    return Some(opens);
                }
            }
        }
        None
    }
}

/// The shop as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shop {
    /// Id.
    pub id: ShopId,
    /// Name shown to customers.
    pub name: String,
    /// Code in the customer link.
    pub code: ShopCode,
    /// Kind of business.
    pub business_type: BusinessType,
    /// Currency of every price.
    pub currency: Currency,
    /// Country: decides how local phone numbers are read.
    pub country: Country,
    /// Opening hours.
    pub hours: OpeningHours,
    /// Whether the bot takes orders while the shop is closed.
    pub orders_when_closed: bool,
}

impl Shop {
    /// The first message a customer sends by tapping the shop link: a
    /// hello that names the shop and carries its code, so the bot answers
    /// with the shop's welcome (`Hi Mama Mboga! (mama-mboga)`).
    pub fn link_greeting(&self) -> String {
        format!("Hi {}! ({})", self.name, self.code.as_str())
    }

    /// The link customers tap to write to the shop on WhatsApp with the
    /// greeting already typed:
    /// `https://wa.me/254712345678?text=Hi%20Mama%20Mboga%21%20%28mama%2Dmboga%29`.
    pub fn customer_link(&self, whatsapp: &Msisdn) -> String {
        use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
        format!(
            "https://wa.me/{}?text={}",
            whatsapp.as_str(),
            utf8_percent_encode(&self.link_greeting(), NON_ALPHANUMERIC)
        )
    }
}

/// Shop details as typed in the setup form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ShopInput {
    /// Name.
    pub name: String,
    /// Code; empty means "suggest one from the name".
    pub code: String,
    /// Kind of business.
    pub business_type: BusinessType,
    /// Currency.
    pub currency: Currency,
    /// Country.
    pub country: Country,
}

/// Validated shop details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidShopInput {
    /// Name.
    pub name: String,
    /// Code.
    pub code: ShopCode,
    /// Kind of business.
    pub business_type: BusinessType,
    /// Currency.
    pub currency: Currency,
    /// Country.
    pub country: Country,
}

impl ShopInput {
    /// Checks every field; the errors name the field they belong to.
    pub fn validate(&self) -> Result<ValidShopInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            errors.push(FieldError::said("name", &Problem::ShopName));
        } else if name.chars().count() > 60 {
            errors.push(FieldError::said("name", &Problem::TooLong(60)));
        }
        let code_text = if self.code.trim().is_empty() {
            ShopCode::suggest(&name)
        } else {
            self.code.clone()
        };
        let code = ShopCode::parse(&code_text)
            .map_err(|m| errors.push(FieldError::said("code", &m)))
            .ok();
        match code {
            Some(code) if errors.is_empty() => Ok(ValidShopInput {
                name,
                code,
                business_type: self.business_type,
                currency: self.currency,
                country: self.country,
            }),
            _ => Err(errors),
        }
    }
}

/// A delivery zone as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ZoneInput {
    /// Existing zone to edit, or `None` for a new one.
    pub id: Option<ZoneId>,
    /// Name.
    pub name: String,
    /// Fee as typed.
    pub fee: String,
    /// Offered to customers.
    pub active: bool,
}

impl ZoneInput {
    /// Validates into a zone with the given id.
    pub fn validate(
        &self,
        id: ZoneId,
        currency: Currency,
    ) -> Result<DeliveryZone, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            errors.push(FieldError::said("name", &Problem::ZoneName));
        } else if name.chars().count() > 40 {
            errors.push(FieldError::said("name", &Problem::TooLong(40)));
        }
        let fee = Money::parse(&self.fee, currency)
            .map_err(|e| errors.push(FieldError::said("fee", &e)))
            .ok();
        match fee {
            Some(fee) if errors.is_empty() => Ok(DeliveryZone {
                id,
                name,
                fee,
                active: self.active,
            }),
            _ => Err(errors),
        }
    }
}

/// One day as typed in the hours form: open or closed, and `HH:MM` times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DayInput {
    /// Open that day.
    pub open: bool,
    /// Opening time, `08:00`.
    pub from: String,
    /// Closing time, `20:00`.
    pub to: String,
}

/// The opening-hours form: Monday first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HoursInput {
    /// Monday..Sunday.
    pub days: Vec<DayInput>,
    /// Whether the bot takes orders while the shop is closed.
    pub orders_when_closed: bool,
}

/// Day names for field errors and forms, Monday first.
pub const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl HoursInput {
    /// Open 00:00-23:59 every day (a shop that never closes).
    pub fn always_open() -> Self {
        Self {
            days: (0..7)
                .map(|_| DayInput {
                    open: true,
                    from: "00:00".into(),
                    to: "23:59".into(),
                })
                .collect(),
            orders_when_closed: false,
        }
    }

    /// The form filled from stored hours.
    pub fn from_hours(hours: &OpeningHours, orders_when_closed: bool) -> Self {
        Self {
            days: hours
                .days
                .iter()
                .map(|d| match d {
                    Some(h) => DayInput {
                        open: true,
                        from: h.open.format("%H:%M").to_string(),
                        to: h.close.format("%H:%M").to_string(),
                    },
                    None => DayInput {
                        open: false,
                        from: "08:00".into(),
                        to: "20:00".into(),
                    },
                })
                .collect(),
            orders_when_closed,
        }
    }

    /// Checks every day; errors are named `day0`..`day6` (Monday first).
    pub fn validate(&self) -> Result<OpeningHours, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.days.len() != 7 {
            return Err(vec![FieldError::said("days", &Problem::AllDays)]);
        }
        let mut days = [None; 7];
        for (i, d) in self.days.iter().enumerate() {
            if !d.open {
                continue;
            }
            let parse = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
            match (parse(&d.from), parse(&d.to)) {
                (Some(open), Some(close)) if close > open => {
                    days[i] = Some(DayHours { open, close })
                }
                (Some(_), Some(_)) => errors.push(FieldError::said(
                    format!("day{i}"),
                    &Problem::ClosesBeforeOpening(i),
                )),
                _ => errors.push(FieldError::said(
                    format!("day{i}"),
                    &Problem::HoursFormat(i),
                )),
            }
        }
        if errors.is_empty() {
            Ok(OpeningHours { days })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests;
