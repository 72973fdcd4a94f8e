//! The Reports page: sales for a period and the day's summary (the shell's
//! `commands/reports.rs`).

use super::NoArgs;
use serde::{Deserialize, Serialize};

/// The day's summary on the Reports page, and where it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySummaryView {
    /// Today so far (shop time).
    pub summary: crate::summary::DaySummary,
    /// The message as the owner would receive it.
    pub text: String,
    /// The owner's number it goes to at closing time (empty: not sent).
    pub send_to: String,
    /// The language it is written in.
    pub language: crate::customer::Language,
    /// Whether this till's WhatsApp is linked (it sends from there).
    pub whatsapp_linked: bool,
}

/// Send the day's summary to the owner's WhatsApp at closing time, or stop
/// (an empty number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SetSummaryDelivery {
    /// The owner's WhatsApp number, as typed.
    pub number: String,
    /// The language it is written in.
    pub language: crate::customer::Language,
}

commands! {
    /// The Reports page: sales for a period, compared with the period before.
    GetSalesReport, "get_sales_report", crate::report::SalesReportReq => crate::report::SalesReport;
    /// Today's summary, and where it is sent at closing time.
    GetDaySummary, "get_day_summary", NoArgs => DaySummaryView;
    /// Send the day's summary to the owner's WhatsApp at closing time (owner
    /// only).
    SetSummaryDeliveryCmd, "set_summary_delivery", SetSummaryDelivery => DaySummaryView;
}
