//! Sales reports: the periods staff pick, the local days they cover, the
//! period they are compared with, and the rule for what counts as a sale.
//!
//! Days are the shop's local days (the country's wall-clock offset, as the
//! bot uses for opening hours), not UTC dates: in Nairobi (UTC+3) an order
//! at 01:30 on the 2nd belongs to the 2nd although UTC still says 22:30 on
//! the 1st, and one at 23:30 on the 1st stays on the 1st. Pure: `today` is
//! passed in.

use crate::ipc::FieldError;
use crate::money::{Currency, Money};
use crate::order::{OrderChannel, OrderStatus};
use crate::payment::PaymentMethod;
use crate::words::Problem;
use crate::ItemId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// The longest custom range, in days.
pub const MAX_CUSTOM_DAYS: i64 = 366;

/// How many items each "top items" list shows.
pub const TOP_ITEMS: usize = 5;

/// How often an open Reports page reloads its figures, in seconds (sales
/// keep coming in while it is shown).
pub const REFRESH_SECS: u32 = 30;

/// The period a report covers, as staff pick it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ReportPeriod {
    /// The local day so far.
    #[default]
    Today,
    /// The local day before.
    Yesterday,
    /// Monday to today.
    ThisWeek,
    /// The 1st of the month to today.
    ThisMonth,
    /// Any days, both ends included.
    Custom {
        /// First day.
        from: NaiveDate,
        /// Last day (included).
        to: NaiveDate,
    },
}

impl ReportPeriod {
    /// The preset periods, in the order the page shows them.
    pub const PRESETS: [ReportPeriod; 4] = [
        ReportPeriod::Today,
        ReportPeriod::Yesterday,
        ReportPeriod::ThisWeek,
        ReportPeriod::ThisMonth,
    ];

    /// A label for the period buttons.
    pub const fn label(self) -> &'static str {
        match self {
            ReportPeriod::Today => "Today",
            ReportPeriod::Yesterday => "Yesterday",
            ReportPeriod::ThisWeek => "This week",
            ReportPeriod::ThisMonth => "This month",
            ReportPeriod::Custom { .. } => "Dates…",
        }
    }

    /// The days covered and the days compared with, given the local date
    /// today. Week and month compare with the same days of the week or month
    /// before (cut at that month's end); the others with the same number of
    /// days just before.
    pub fn resolve(self, today: NaiveDate) -> Result<(LocalRange, LocalRange), Vec<FieldError>> {
        let day = Duration::days(1);
        let range = match self {
            ReportPeriod::Today => LocalRange::day(today),
            ReportPeriod::Yesterday => LocalRange::day(today - day),
            ReportPeriod::ThisWeek => LocalRange {
                from: today - Duration::days(i64::from(today.weekday().num_days_from_monday())),
                to: today,
            },
            ReportPeriod::ThisMonth => LocalRange {
                from: today.with_day(1).unwrap_or(today),
                to: today,
            },
            ReportPeriod::Custom { from, to } => {
                if to < from {
                    return Err(vec![FieldError::said("to", &Problem::ReportOrder)]);
                }
                let range = LocalRange { from, to };
                if range.days() > MAX_CUSTOM_DAYS {
                    return Err(vec![FieldError::said(
                        "to",
                        &Problem::ReportDays(MAX_CUSTOM_DAYS),
                    )]);
                }
                range
            }
        };
        let previous = match self {
            ReportPeriod::ThisWeek => LocalRange {
                from: range.from - Duration::days(7),
                to: range.to - Duration::days(7),
            },
            ReportPeriod::ThisMonth => {
                let end_of_previous = range.from - day;
                let from = end_of_previous.with_day(1).unwrap_or(end_of_previous);
                LocalRange {
                    from,
                    to: (from + Duration::days(range.days() - 1)).min(end_of_previous),
                }
            }
            _ => LocalRange {
                from: range.from - Duration::days(range.days()),
                to: range.from - day,
            },
        };
        Ok((range, previous))
    }

    /// What the comparison is with, for "+12% vs yesterday".
    pub fn comparison(self, range: LocalRange) -> String {
        match self {
            ReportPeriod::Today => "vs yesterday".into(),
            ReportPeriod::Yesterday => "vs the day before".into(),
            ReportPeriod::ThisWeek => "vs the same days last week".into(),
            ReportPeriod::ThisMonth => "vs the same days last month".into(),
            ReportPeriod::Custom { .. } if range.days() == 1 => "vs the day before".into(),
            ReportPeriod::Custom { .. } => format!("vs the {} days before", range.days()),
        }
    }
}

/// Local days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalRange {
    /// First day.
    pub from: NaiveDate,
    /// Last day (included).
    pub to: NaiveDate,
}

impl LocalRange {
    /// One day.
    pub const fn day(day: NaiveDate) -> Self {
        Self { from: day, to: day }
    }

    /// How many days.
    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The instants it covers, `[start, end)`, for a shop `offset_hours`
    /// ahead of UTC.
    pub fn utc_bounds(self, offset_hours: i32) -> (DateTime<Utc>, DateTime<Utc>) {
        let offset = Duration::hours(i64::from(offset_hours));
        let start = Utc.from_utc_datetime(&self.from.and_time(chrono::NaiveTime::MIN)) - offset;
        let end = Utc
            .from_utc_datetime(&(self.to + Duration::days(1)).and_time(chrono::NaiveTime::MIN))
            - offset;
        (start, end)
    }
}

/// The shop's wall clock at `at`, for a shop `offset_hours` ahead of UTC.
pub fn local_time(at: DateTime<Utc>, offset_hours: i32) -> chrono::NaiveDateTime {
    (at + Duration::hours(i64::from(offset_hours))).naive_utc()
}

/// The shop's local date at `now`.
pub fn local_today(now: DateTime<Utc>, offset_hours: i32) -> NaiveDate {
    local_time(now, offset_hours).date()
}

/// Whether an order in this status is a sale: money was received and the
/// order was not called off (paid, preparing, out for delivery, delivered).
pub const fn counts_as_sale(status: OrderStatus) -> bool {
    matches!(
        status,
        OrderStatus::Paid
            | OrderStatus::Preparing
            | OrderStatus::OutForDelivery
            | OrderStatus::Delivered
    )
}

/// Whether an order in this status still waits for money (draft, awaiting
/// payment, payment failed): shown apart, never in sales.
pub const fn awaits_payment(status: OrderStatus) -> bool {
    matches!(
        status,
        OrderStatus::Draft | OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed
    )
}

/// Whether orders from this channel are real business. Test-chat orders
/// are the merchant playing a customer with simulated money: counted apart.
pub const fn counts_in_sales(channel: OrderChannel) -> bool {
    !matches!(channel, OrderChannel::TestChat)
}

/// How a sale was paid, as the report groups methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SalesPaymentKind {
    /// An M-Pesa prompt on the customer's phone (Daraja or IntaSend).
    MpesaPrompt,
    /// The customer paid the till or paybill themselves; staff typed the code.
    MpesaManual,
    /// Cash in the drawer.
    Cash,
    /// Taken on credit, to be paid later.
    Credit,
    /// No received payment is recorded here (for example an order paid on
    /// another till whose payment has not arrived yet).
    NotRecorded,
}

impl SalesPaymentKind {
    /// In the order the report lists them.
    pub const ALL: [SalesPaymentKind; 5] = [
        SalesPaymentKind::MpesaPrompt,
        SalesPaymentKind::MpesaManual,
        SalesPaymentKind::Cash,
        SalesPaymentKind::Credit,
        SalesPaymentKind::NotRecorded,
    ];

    /// The group of a method (`None`: no succeeded payment).
    pub const fn of(method: Option<PaymentMethod>) -> Self {
        match method {
            Some(PaymentMethod::MpesaDaraja | PaymentMethod::MpesaIntaSend) => Self::MpesaPrompt,
            Some(PaymentMethod::MpesaManual) => Self::MpesaManual,
            Some(PaymentMethod::Cash) => Self::Cash,
            Some(PaymentMethod::Credit) => Self::Credit,
            Some(PaymentMethod::Simulated) | None => Self::NotRecorded,
        }
    }

    /// A label for people.
    pub const fn label(self) -> &'static str {
        match self {
            SalesPaymentKind::MpesaPrompt => "M-Pesa prompt (STK)",
            SalesPaymentKind::MpesaManual => "M-Pesa till / paybill (code typed)",
            SalesPaymentKind::Cash => "Cash",
            SalesPaymentKind::Credit => "On credit (to be paid)",
            SalesPaymentKind::NotRecorded => "Payment not recorded here",
        }
    }
}

/// A number of orders and their value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Orders.
    pub orders: i64,
    /// Their totals added up.
    pub amount: Money,
}

impl Tally {
    /// Nothing, in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Self {
            orders: 0,
            amount: Money::zero(currency),
        }
    }

    /// The average order, rounded to the nearest minor unit (`None` without
    /// orders).
    pub fn average(self) -> Option<Money> {
        (self.orders > 0).then(|| {
            let minor = (self.amount.minor + self.orders / 2) / self.orders;
            Money::from_minor(minor, self.amount.currency)
        })
    }
}

/// One slice of sales (a payment kind, a channel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentSplit {
    /// The kind.
    pub kind: SalesPaymentKind,
    /// Its sales.
    pub sales: Tally,
}

/// Sales from one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSplit {
    /// The channel.
    pub channel: OrderChannel,
    /// Its sales.
    pub sales: Tally,
}

/// One item's sales.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSales {
    /// The item.
    pub item_id: ItemId,
    /// Its name (as in the catalogue now, or as last sold if it is gone).
    pub name: String,
    /// Units sold.
    pub qty: i64,
    /// Money from its lines.
    pub revenue: Money,
}

/// The Reports page's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SalesReportReq {
    /// The period.
    pub period: ReportPeriod,
}

/// Everything the Reports page shows for one period. Holds no personal
/// data: no phones, names or addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesReport {
    /// The period asked for.
    pub period: ReportPeriod,
    /// Its local days.
    pub range: LocalRange,
    /// The days compared with.
    pub previous_range: LocalRange,
    /// "vs yesterday".
    pub comparison: String,
    /// Sales: paid orders not cancelled, test chat left out.
    pub sales: Tally,
    /// Sales in the previous period, by the same rule.
    pub previous: Tally,
    /// Orders still waiting for money.
    pub awaiting_payment: Tally,
    /// Orders cancelled.
    pub cancelled: Tally,
    /// Of those, orders cancelled after money was received: what is still
    /// to give back (refunds already made taken off; an order given all of
    /// it back is not counted).
    pub cancelled_after_payment: Tally,
    /// Test-chat orders in the period (never counted as sales).
    pub test_orders: i64,
    /// Sales by payment kind, every kind listed.
    pub by_payment: Vec<PaymentSplit>,
    /// Sales by channel: till, then WhatsApp.
    pub by_channel: Vec<ChannelSplit>,
    /// The most sold items by units.
    pub top_by_qty: Vec<ItemSales>,
    /// The most sold items by money.
    pub top_by_revenue: Vec<ItemSales>,
    /// Sales by local hour of day (24 entries, midnight first), over every
    /// day of the period.
    pub by_hour: Vec<Tally>,
    /// Sales credited to each reseller in the period (paid, test chat left
    /// out), most sales first; empty when none was. Their sales and
    /// commission are what their orders kept after refunds.
    #[serde(default)]
    pub by_reseller: Vec<ResellerSales>,
    /// Money given back in the period for orders counted as sales (the
    /// count is of refunds): it comes off the sales.
    pub refunds: Tally,
}

impl SalesReport {
    /// Sales less the money given back in the period.
    pub fn net_sales(&self) -> Money {
        Money::from_minor(
            self.sales.amount.minor - self.refunds.amount.minor,
            self.sales.amount.currency,
        )
    }
}

/// One reseller's part of a period's sales.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerSales {
    /// The reseller.
    pub reseller_id: crate::ResellerId,
    /// Their name.
    pub name: String,
    /// Their orders and what those came to.
    pub sales: Tally,
    /// The commission those orders earn them.
    pub commission: Money,
}

#[cfg(test)]
mod tests;
