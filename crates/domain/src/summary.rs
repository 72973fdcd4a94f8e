//! The owner's day in one message: sales against the day before, how the
//! money came in, the best sellers, what runs low and what waits for staff.
//! Shown on the Reports page and, if the owner wants, sent to their own
//! WhatsApp number at closing time. Built from the sales report of the day
//! (no personal data: no phones, names or addresses).

use crate::customer::Language;
use crate::report::{ItemSales, PaymentSplit, SalesReport, Tally};
use crate::shop::OpeningHours;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// Best sellers named in the message.
pub const TOP_ITEMS: usize = 3;

/// Low items named in the message (the rest are counted).
pub const LOW_ITEMS: usize = 5;

/// An item that runs low, as the summary names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowLine {
    /// The item's name.
    pub name: String,
    /// Units left.
    pub left: i64,
}

/// One local day of the shop, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySummary {
    /// The shop's name.
    pub shop_name: String,
    /// The local day.
    pub day: NaiveDate,
    /// Sales (paid orders not cancelled, the test chat left out).
    pub sales: Tally,
    /// The day before, by the same rule.
    pub previous: Tally,
    /// How the money came in (kinds with sales only).
    pub by_payment: Vec<PaymentSplit>,
    /// Best sellers by money, at most [`TOP_ITEMS`].
    pub top_items: Vec<ItemSales>,
    /// Items at or below their warning level, lowest first.
    pub low_stock: Vec<LowLine>,
    /// M-Pesa payments waiting for staff to settle.
    pub to_settle: i64,
    /// Orders still waiting for money.
    pub awaiting_payment: Tally,
    /// Orders cancelled after money was received (money to give back).
    pub to_refund: Tally,
    /// Money given back for sales that day (the count is of refunds).
    #[serde(default)]
    pub refunded: Option<Tally>,
}

impl DaySummary {
    /// The summary of a one-day report.
    pub fn new(
        shop_name: &str,
        report: &SalesReport,
        mut low_stock: Vec<LowLine>,
        to_settle: i64,
    ) -> Self {
        low_stock.sort_by(|a, b| a.left.cmp(&b.left).then_with(|| a.name.cmp(&b.name)));
        DaySummary {
            shop_name: shop_name.to_owned(),
            day: report.range.from,
            sales: report.sales,
            previous: report.previous,
            by_payment: report
                .by_payment
                .iter()
                .filter(|p| p.sales.orders > 0)
                .cloned()
                .collect(),
            top_items: report
                .top_by_revenue
                .iter()
                .take(TOP_ITEMS)
                .cloned()
                .collect(),
            low_stock,
            to_settle,
            awaiting_payment: report.awaiting_payment,
            to_refund: report.cancelled_after_payment,
            refunded: Some(report.refunds).filter(|t| t.orders > 0),
        }
    }

    /// Whether the day had anything to tell: a day the shop was closed and
    /// nothing happened sends no message.
    pub fn is_quiet(&self) -> bool {
        self.sales.orders == 0
            && self.awaiting_payment.orders == 0
            && self.to_settle == 0
            && self.to_refund.orders == 0
    }

    /// The message, in `lang`. Amounts are written the way the shop's
    /// country writes them ([`Money::local_text`](crate::money::Money::local_text)).
    pub fn text(&self, lang: Language) -> String {
        let w = Words::of(lang);
        let mut lines = vec![format!(
            "*{}* · {} {}",
            self.shop_name,
            lang.weekday_name(self.day.weekday()),
            self.day.format("%d/%m/%Y")
        )];
        lines.push(if self.sales.orders == 0 {
            w.no_sales.to_owned()
        } else {
            format!(
                "{} {} ({} {}; {} {})",
                w.sales,
                self.sales.amount.local_text(),
                self.sales.orders,
                w.orders(self.sales.orders),
                w.yesterday,
                self.previous.amount.local_text()
            )
        });
        if let Some(r) = self.refunded {
            let net = crate::money::Money::from_minor(
                self.sales.amount.minor - r.amount.minor,
                r.amount.currency,
            );
            lines.push(format!(
                "{} -{} ({}) · {} {}",
                w.given_back,
                r.amount.local_text(),
                r.orders,
                w.net,
                net.local_text()
            ));
        }
        // M-Pesa by prompt and by code are one line for the owner.
        let mut paid: Vec<(&str, crate::money::Money)> = Vec::new();
        for p in &self.by_payment {
            let label = w.kind(p);
            match paid.iter_mut().find(|(l, _)| *l == label) {
                Some((_, sum)) => *sum = sum.checked_add(p.sales.amount).unwrap_or(*sum),
                None => paid.push((label, p.sales.amount)),
            }
        }
        if !paid.is_empty() {
            let parts: Vec<String> = paid
                .iter()
                .map(|(l, m)| format!("{l} {}", m.local_text()))
                .collect();
            lines.push(parts.join(" · "));
        }
        if !self.top_items.is_empty() {
            let parts: Vec<String> = self
                .top_items
                .iter()
                .map(|i| format!("{} ×{} ({})", i.name, i.qty, i.revenue.local_text()))
                .collect();
            lines.push(format!("{} {}", w.top, parts.join(", ")));
        }
        if !self.low_stock.is_empty() {
            let mut parts: Vec<String> = self
                .low_stock
                .iter()
                .take(LOW_ITEMS)
                .map(|l| format!("{} ({} {})", l.name, l.left, w.left))
                .collect();
            if self.low_stock.len() > LOW_ITEMS {
                parts.push(format!("+{}", self.low_stock.len() - LOW_ITEMS));
            }
            lines.push(format!("{} {}", w.low, parts.join(", ")));
        }
        let mut check = Vec::new();
        if self.to_settle > 0 {
            check.push(format!("{} {}", w.to_settle, self.to_settle));
        }
        if self.awaiting_payment.orders > 0 {
            check.push(format!("{} {}", w.awaiting, self.awaiting_payment.orders));
        }
        if self.to_refund.orders > 0 {
            check.push(format!(
                "{} {} ({})",
                w.refund,
                self.to_refund.orders,
                self.to_refund.amount.local_text()
            ));
        }
        if !check.is_empty() {
            lines.push(format!("{} {}", w.check, check.join("; ")));
        }
        lines.join("\n")
    }
}

/// When the day's summary is due: the shop's closing time that day, or
/// 20:00 on a day it is closed.
pub fn due_at(hours: &OpeningHours, day: NaiveDate) -> NaiveDateTime {
    let close = hours.days[day.weekday().num_days_from_monday() as usize]
        .map(|h| h.close)
        .or_else(|| NaiveTime::from_hms_opt(20, 0, 0))
        .unwrap_or(NaiveTime::MIN);
    day.and_time(close)
}

/// The message's words in one language.
struct Words {
    sales: &'static str,
    no_sales: &'static str,
    yesterday: &'static str,
    order: &'static str,
    orders: &'static str,
    top: &'static str,
    low: &'static str,
    left: &'static str,
    check: &'static str,
    to_settle: &'static str,
    awaiting: &'static str,
    refund: &'static str,
    given_back: &'static str,
    net: &'static str,
    cash: &'static str,
    credit: &'static str,
}

impl Words {
    fn of(lang: Language) -> Self {
        match lang {
            Language::Sw => Words {
                sales: "Mauzo:",
                no_sales: "Hakuna mauzo leo.",
                yesterday: "jana",
                order: "oda",
                orders: "oda",
                top: "Vilivyouzwa zaidi:",
                low: "Vinavyokaribia kuisha:",
                left: "vimebaki",
                check: "Vya kuangalia:",
                to_settle: "malipo ya M-Pesa ya kuthibitisha:",
                awaiting: "oda zinazosubiri malipo:",
                refund: "zilizoghairiwa baada ya kulipwa:",
                given_back: "Zilizorudishwa:",
                net: "mauzo halisi",
                cash: "Taslimu",
                credit: "Mkopo",
            },
            Language::En => Words {
                sales: "Sales:",
                no_sales: "No sales today.",
                yesterday: "yesterday",
                order: "order",
                orders: "orders",
                top: "Best sellers:",
                low: "Running low:",
                left: "left",
                check: "To check:",
                to_settle: "M-Pesa payments to settle:",
                awaiting: "orders waiting for payment:",
                refund: "cancelled after payment:",
                given_back: "Given back:",
                net: "net sales",
                cash: "Cash",
                credit: "Credit",
            },
            Language::Fr => Words {
                sales: "Ventes :",
                no_sales: "Aucune vente aujourd'hui.",
                yesterday: "hier",
                order: "commande",
                orders: "commandes",
                top: "Meilleures ventes :",
                low: "Stock bas :",
                left: "en stock",
                check: "À vérifier :",
                to_settle: "paiements M-Pesa à régler :",
                awaiting: "commandes en attente de paiement :",
                refund: "annulées après paiement :",
                given_back: "Rendu :",
                net: "ventes nettes",
                cash: "Espèces",
                credit: "Crédit",
            },
            Language::Ar => Words {
                sales: "المبيعات:",
                no_sales: "لا توجد مبيعات اليوم.",
                yesterday: "أمس",
                order: "طلب",
                orders: "طلبات",
                top: "الأكثر مبيعًا:",
                low: "مخزون منخفض:",
                left: "متبقية",
                check: "للمراجعة:",
                to_settle: "دفعات M-Pesa للتسوية:",
                awaiting: "طلبات في انتظار الدفع:",
                refund: "ملغاة بعد الدفع:",
                given_back: "مردود:",
                net: "صافي المبيعات",
                cash: "نقدًا",
                credit: "دين",
            },
        }
    }

    fn orders(&self, n: i64) -> &'static str {
        if n == 1 {
            self.order
        } else {
            self.orders
        }
    }

    fn kind(&self, p: &PaymentSplit) -> &'static str {
        use crate::report::SalesPaymentKind as K;
        match p.kind {
            K::MpesaPrompt | K::MpesaManual => "M-Pesa",
            K::Cash => self.cash,
            K::Credit => self.credit,
            K::NotRecorded => "?",
        }
    }
}

#[cfg(test)]
mod tests;
