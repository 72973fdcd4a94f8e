//! Resellers (agents, affiliates): people who bring customers to the shop
//! and earn a commission on what those customers buy. Each has a code; a
//! chat that carries the code (through the reseller's shop link, or typed)
//! credits that reseller with the chat's orders for
//! [`ATTRIBUTION_DAYS`]. A credit is earned once its order is paid, payable
//! after [`HOLD_DAYS`], and reversed when the order is cancelled. Payouts
//! (cash or M-Pesa) reduce what the shop owes.

use crate::ipc::FieldError;
use crate::money::{Currency, Money};
use crate::order::{parse_mpesa_receipt, OrderLine};
use crate::phone::{Country, Msisdn};
use crate::shop::Shop;
use crate::words::Problem;
use crate::{CategoryId, ItemId, OrderId, ResellerId, ResellerPayoutId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How long after a chat carried a reseller's code its orders are theirs.
pub const ATTRIBUTION_DAYS: i64 = 30;

/// How long a paid order's commission waits before it can be paid out (a
/// cancellation or refund in that time reverses it).
pub const HOLD_DAYS: i64 = 7;

/// What a reseller earns on an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommissionRule {
    /// A share of the order's goods (delivery fee excluded), in hundredths
    /// of a percent (500 = 5%).
    Percent {
        /// Basis points.
        basis_points: u32,
    },
    /// A fixed amount for every unit sold.
    PerUnit {
        /// Per unit.
        amount: Money,
    },
}

impl CommissionRule {
    /// The commission on an order of `lines`.
    pub fn on(self, lines: &[OrderLine], currency: Currency) -> Money {
        match self {
            CommissionRule::Percent { basis_points } => {
                let goods: i128 = lines.iter().map(|l| i128::from(l.total.minor)).sum();
                let share = goods * i128::from(basis_points) / 10_000;
                Money::from_minor(i64::try_from(share).unwrap_or(i64::MAX), currency)
            }
            CommissionRule::PerUnit { amount } => {
                let units: i64 = lines.iter().map(|l| i64::from(l.qty)).sum();
                Money::from_minor(amount.minor.saturating_mul(units), currency)
            }
        }
    }

    /// As the owner reads it: "5%", "KES 10 a unit".
    pub fn describe(self) -> String {
        match self {
            CommissionRule::Percent { basis_points } => {
                let whole = basis_points / 100;
                match basis_points % 100 {
                    0 => format!("{whole}%"),
                    part => format!("{whole}.{}%", format!("{part:02}").trim_end_matches('0')),
                }
            }
            CommissionRule::PerUnit { amount } => format!("{amount} a unit"),
        }
    }
}

/// Which goods a reseller's commission is earned on: everything their
/// customers buy, or only one category or one item (a bundle seller paid
/// on bundles, say).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppliesTo {
    /// Every line.
    #[default]
    Everything,
    /// The lines of this category's items.
    Category(CategoryId),
    /// The lines of this item.
    Item(ItemId),
}

impl AppliesTo {
    /// Whether it is [`AppliesTo::Everything`] (not written in bodies).
    pub fn is_everything(&self) -> bool {
        *self == AppliesTo::Everything
    }

    /// Whether a line of `item`, in `category`, earns commission.
    pub fn covers(self, item: ItemId, category: Option<CategoryId>) -> bool {
        match self {
            AppliesTo::Everything => true,
            AppliesTo::Category(c) => category == Some(c),
            AppliesTo::Item(i) => item == i,
        }
    }

    /// The form's value: `all`, `category:<id>`, `item:<id>`.
    pub fn value(self) -> String {
        match self {
            AppliesTo::Everything => "all".into(),
            AppliesTo::Category(c) => format!("category:{c}"),
            AppliesTo::Item(i) => format!("item:{i}"),
        }
    }

    /// Reads [`AppliesTo::value`]; empty is everything.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().split_once(':') {
            None if matches!(value.trim(), "" | "all") => Some(AppliesTo::Everything),
            Some(("category", id)) => id.parse().ok().map(AppliesTo::Category),
            Some(("item", id)) => id.parse().ok().map(AppliesTo::Item),
            _ => None,
        }
    }
}

/// A reseller as stored and synced (last writer wins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reseller {
    /// Id.
    pub id: ResellerId,
    /// Name.
    pub name: String,
    /// Their WhatsApp number: they ask the bot for their own figures from
    /// it. `None` once erased.
    pub phone: Option<Msisdn>,
    /// Their code, upper case letters and digits.
    pub code: String,
    /// What they earn.
    pub rule: CommissionRule,
    /// A paused reseller's code credits no new orders.
    pub active: bool,
    /// Only a customer's first order through them earns commission (the
    /// default: every order in the attribution window).
    #[serde(default)]
    pub first_order_only: bool,
    /// Which goods earn it (absent: everything).
    #[serde(default, skip_serializing_if = "AppliesTo::is_everything")]
    pub applies_to: AppliesTo,
    /// Erased at their request: name, number and code are gone for good
    /// (their credits and payouts stay, as the shop's accounts), and no
    /// later change brings them back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub erased: bool,
}

/// The name an erased reseller goes by.
pub const ERASED_NAME: &str = "Erased reseller";

impl Reseller {
    /// The reseller with everything that names them gone: no name, no
    /// number, a code made from their id (their old code may carry their
    /// name), paused for good.
    pub fn erased(&self) -> Reseller {
        Reseller {
            name: ERASED_NAME.to_owned(),
            phone: None,
            code: format!("X{}", &self.id.0.simple().to_string()[..8]).to_uppercase(),
            active: false,
            erased: true,
            ..self.clone()
        }
    }

    /// Whether a stored or pulled reseller is whole: one not erased has a
    /// number; an erased one has none and no name; the code is well formed.
    pub fn is_valid(&self) -> bool {
        let named = if self.erased {
            self.phone.is_none() && self.name == ERASED_NAME && !self.active
        } else {
            self.phone.is_some()
        };
        named && normalise_code(&self.code).as_deref() == Some(self.code.as_str())
    }
}

/// Which kind of rule the form chose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleChoice {
    /// A percentage.
    #[default]
    Percent,
    /// An amount per unit.
    PerUnit,
}

/// The reseller form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerInput {
    /// The reseller edited, or `None` for a new one.
    pub id: Option<ResellerId>,
    /// Name.
    pub name: String,
    /// WhatsApp number as typed.
    pub phone: String,
    /// Code as typed; empty: one is made from the name.
    pub code: String,
    /// Percentage or per unit.
    pub rule: RuleChoice,
    /// The percentage ("5", "2.5") or the amount per unit ("10").
    pub rate: String,
    /// Whether the code credits new orders.
    pub active: bool,
    /// Only each customer's first order earns commission.
    #[serde(default)]
    pub first_order_only: bool,
    /// Which goods earn it, as [`AppliesTo::value`] (empty: everything).
    #[serde(default)]
    pub applies_to: String,
}

/// A code as stored: upper case letters and digits, 3 to 12 of them.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code = typed.trim().to_uppercase();
    ((3..=12).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(code)
}

/// A code made from a name: its first letters and two digits from `seed`.
pub fn suggest_code(name: &str, seed: u32) -> String {
    let letters: String = name
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(6)
        .collect::<String>()
        .to_uppercase();
    let letters = if letters.len() < 2 {
        "AGENT".into()
    } else {
        letters
    };
    format!("{letters}{:02}", seed % 100)
}

impl ResellerInput {
    /// Checks every field; a blank code is made from the name with `seed`.
    pub fn validate(
        &self,
        currency: Currency,
        country: Country,
        seed: u32,
    ) -> Result<(String, Msisdn, String, CommissionRule, AppliesTo), Vec<FieldError>> {
        let mut errors = Vec::new();
        let applies_to = AppliesTo::parse(&self.applies_to);
        if applies_to.is_none() {
            errors.push(FieldError::said("applies_to", &Problem::CommissionOn));
        }
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 80 {
            errors.push(FieldError::said("name", &Problem::ResellerName));
        }
        let phone = match Msisdn::parse(&self.phone, country) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(FieldError::said("phone", &e));
                None
            }
        };
        let code = if self.code.trim().is_empty() {
            Some(suggest_code(&name, seed))
        } else {
            let code = normalise_code(&self.code);
            if code.is_none() {
                errors.push(FieldError::said("code", &Problem::ResellerCode));
            }
            code
        };
        let rule = match self.rule {
            RuleChoice::Percent => match parse_percent(&self.rate) {
                Some(bp) if bp > 0 && bp <= 5_000 => {
                    Some(CommissionRule::Percent { basis_points: bp })
                }
                _ => {
                    errors.push(FieldError::said("rate", &Problem::Percentage));
                    None
                }
            },
            RuleChoice::PerUnit => match Money::parse(&self.rate, currency) {
                Ok(amount) if amount.minor > 0 => Some(CommissionRule::PerUnit { amount }),
                _ => {
                    errors.push(FieldError::said("rate", &Problem::PerUnit));
                    None
                }
            },
        };
        match (phone, code, rule, applies_to) {
            (Some(phone), Some(code), Some(rule), Some(applies_to)) if errors.is_empty() => {
                Ok((name, phone, code, rule, applies_to))
            }
            _ => Err(errors),
        }
    }
}

/// "5", "2.5", "2.25%" as basis points.
fn parse_percent(typed: &str) -> Option<u32> {
    let t = typed.trim().trim_end_matches('%').trim();
    let (whole, part) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || part.len() > 2
        || !whole
            .chars()
            .chain(part.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let part: u32 = format!("{part:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(part)
}

/// The code among `codes` that `text` carries as a word ("ref AMINA10",
/// "amina10"), if any.
pub fn code_in<'a>(text: &str, codes: &'a [String]) -> Option<&'a String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| (3..=12).contains(&w.len()))
        .find_map(|w| codes.iter().find(|c| c.eq_ignore_ascii_case(w)))
}

/// `text` without `code` and the "ref" or "code" before it, for the bot.
pub fn without_code(text: &str, code: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut kept = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if bare.eq_ignore_ascii_case(code) {
            continue;
        }
        let next_is_code = words.get(i + 1).is_some_and(|n| {
            n.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .eq_ignore_ascii_case(code)
        });
        if next_is_code && matches!(bare.to_lowercase().as_str(), "ref" | "code" | "kodi") {
            continue;
        }
        kept.push(*w);
    }
    kept.join(" ")
}

/// The greeting a reseller's link types for the customer: the shop's own,
/// with the reseller's code.
pub fn link_greeting(shop: &Shop, code: &str) -> String {
    format!("Hi {}! ({}) ref {code}", shop.name, shop.code.as_str())
}

/// The reseller's shop link: WhatsApp to the shop with their greeting.
pub fn link(shop: &Shop, whatsapp: &Msisdn, code: &str) -> String {
    use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
    format!(
        "https://wa.me/{}?text={}",
        whatsapp.as_str(),
        utf8_percent_encode(&link_greeting(shop, code), NON_ALPHANUMERIC)
    )
}

/// An order credited to a reseller, as stored and synced (insert-only:
/// an order is credited once, to the reseller whose code its chat carried).
/// Its id is the order's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerCredit {
    /// The order.
    pub order_id: OrderId,
    /// Whose.
    pub reseller_id: ResellerId,
    /// The commission, by the rule when the order was made.
    pub commission: Money,
    /// When.
    pub at: DateTime<Utc>,
}

/// How a payout was made: cash from the drawer, or M-Pesa with its code,
/// as a repayment of credit is taken.
pub type PayoutMethod = crate::credit::RepaymentMethod;

/// A payout as stored and synced (insert-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payout {
    /// Id.
    pub id: ResellerPayoutId,
    /// To whom.
    pub reseller_id: ResellerId,
    /// How much.
    pub amount: Money,
    /// Cash or M-Pesa.
    pub method: PayoutMethod,
    /// The M-Pesa code, for M-Pesa.
    pub receipt: Option<String>,
    /// Who paid it.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// The payout form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutInput {
    /// To whom.
    pub reseller_id: Option<ResellerId>,
    /// Amount as typed.
    pub amount: String,
    /// `cash` or `mpesa`.
    pub method: String,
    /// The M-Pesa code, for M-Pesa.
    pub receipt: String,
}

impl PayoutInput {
    /// Checks the fields (the balance is checked by the store).
    pub fn validate(
        &self,
        currency: Currency,
    ) -> Result<(ResellerId, Money, PayoutMethod, Option<String>), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.reseller_id.is_none() {
            errors.push(FieldError::said("reseller_id", &Problem::PayWhom));
        }
        let amount = match Money::parse(&self.amount, currency) {
            Ok(a) if a.minor > 0 => Some(a),
            _ => {
                errors.push(FieldError::said("amount", &Problem::PayoutAmount));
                None
            }
        };
        let method = PayoutMethod::parse(self.method.trim());
        if method.is_none() {
            errors.push(FieldError::said("method", &Problem::PayoutMethod));
        }
        let receipt = match method {
            Some(PayoutMethod::Mpesa) => match parse_mpesa_receipt(&self.receipt) {
                Ok(code) => Some(code),
                Err(e) => {
                    errors.push(FieldError::said("receipt", &e));
                    None
                }
            },
            _ => None,
        };
        match (self.reseller_id, amount, method) {
            (Some(r), Some(a), Some(m)) if errors.is_empty() => Ok((r, a, m, receipt)),
            _ => Err(errors),
        }
    }
}

/// One reseller's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerTotals {
    /// Paid orders credited to them (cancelled ones not counted).
    pub orders: i64,
    /// The goods of those orders.
    pub sales: Money,
    /// Commission on orders paid in the last [`HOLD_DAYS`].
    pub pending: Money,
    /// Commission past the hold, less what was paid out.
    pub payable: Money,
    /// Paid out so far.
    pub paid: Money,
}

/// Whether a message asks for the sender's own reseller figures ("my
/// sales", "mauzo yangu", "mes ventes", "مبيعاتي", "commission yangu"), and
/// in which language it asked.
pub fn asks_for_figures(text: &str) -> Option<crate::customer::Language> {
    use crate::customer::Language;
    let t = text.trim().to_lowercase();
    const ASKS: [(&str, Language); 12] = [
        ("my sales", Language::En),
        ("my commission", Language::En),
        ("my balance", Language::En),
        ("mauzo yangu", Language::Sw),
        ("commission yangu", Language::Sw),
        ("komisheni yangu", Language::Sw),
        ("mes ventes", Language::Fr),
        ("ma commission", Language::Fr),
        ("mon solde", Language::Fr),
        ("مبيعاتي", Language::Ar),
        ("عمولتي", Language::Ar),
        ("رصيدي", Language::Ar),
    ];
    ASKS.iter()
        .find(|(a, _)| t.contains(a))
        .map(|(_, lang)| *lang)
}

/// The answer to a reseller who asked for their figures, in `lang`.
pub fn figures_text(lang: crate::customer::Language, name: &str, t: &ResellerTotals) -> String {
    use crate::customer::Language;
    let (orders, sales, pending, payable, paid) = (t.orders, t.sales, t.pending, t.payable, t.paid);
    match lang {
        Language::En => format!(
            "📊 {name}, your sales: {orders} paid order(s), {sales}.\nCommission waiting {HOLD_DAYS} days: {pending}\nReady to be paid: {payable}\nPaid to you so far: {paid}"
        ),
        Language::Sw => format!(
            "📊 {name}, mauzo yako: oda {orders} zilizolipwa, {sales}.\nKomisheni inayosubiri siku {HOLD_DAYS}: {pending}\nTayari kulipwa: {payable}\nUmelipwa hadi sasa: {paid}"
        ),
        Language::Fr => format!(
            "📊 {name}, vos ventes : {orders} commande(s) payée(s), {sales}.\nCommission en attente ({HOLD_DAYS} jours) : {pending}\nPrête à être payée : {payable}\nDéjà payée : {paid}"
        ),
        Language::Ar => format!(
            "📊 {name}، مبيعاتك: {orders} طلب مدفوع، {sales}.\nعمولة في الانتظار ({HOLD_DAYS} أيام): {pending}\nجاهزة للدفع: {payable}\nما دُفع لك حتى الآن: {paid}"
        ),
    }
}

#[cfg(test)]
mod tests;
