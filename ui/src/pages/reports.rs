//! Reports: a period's sales at a glance (gross sales, orders, average
//! order, each against the period before), what is still awaiting payment
//! or was cancelled, sales by payment kind and channel, the top items, and
//! sales per local hour as plain HTML bars. Every figure comes from one
//! `get_sales_report` call, repeated every `REFRESH_SECS` while the page is
//! open; this page only lays it out. Above it, the cash-up (Z report):
//! counting this till's drawer, and the shop's latest cash-ups.

use crate::components::banner::ErrorBanner;
use crate::components::cash_up::CashUpPanel;
use crate::components::day_summary::DaySummaryCard;
use crate::components::field::{field_error, input_text, FormErrors};
use crate::i18n::{t, t_args, t_count};
use crate::ipc::invoke;
use chrono::NaiveDate;
use dukadesk_domain::ipc::GetSalesReport;
use dukadesk_domain::order::OrderChannel;
use dukadesk_domain::report::{
    ItemSales, LocalRange, ReportPeriod, SalesPaymentKind, SalesReport, SalesReportReq, Tally,
    REFRESH_SECS,
};
use dukadesk_domain::Money;
use gloo_timers::callback::Interval;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// What the page says counts as a sale (the rule is
/// `dukadesk_domain::report::counts_as_sale`).
pub fn sale_rule() -> String {
    t("report-rule")
}

/// What a period is compared with, in the screens' language ("vs
/// yesterday").
pub fn comparison_text(period: ReportPeriod, range: LocalRange) -> String {
    match period {
        ReportPeriod::Today => t("report-vs-yesterday"),
        ReportPeriod::Yesterday => t("report-vs-day-before"),
        ReportPeriod::ThisWeek => t("report-vs-last-week"),
        ReportPeriod::ThisMonth => t("report-vs-last-month"),
        ReportPeriod::Custom { .. } if range.days() == 1 => t("report-vs-day-before"),
        ReportPeriod::Custom { .. } => t_count("report-vs-days-before", range.days(), &[]),
    }
}

/// A period's chip.
pub fn period_label(period: ReportPeriod) -> String {
    match period {
        ReportPeriod::Today => t("report-period-today"),
        ReportPeriod::Yesterday => t("report-period-yesterday"),
        ReportPeriod::ThisWeek => t("report-period-this-week"),
        ReportPeriod::ThisMonth => t("report-period-this-month"),
        ReportPeriod::Custom { .. } => t("report-period-dates"),
    }
}

/// How sales were paid, as the split names it.
pub fn payment_kind_label(kind: SalesPaymentKind) -> String {
    match kind {
        SalesPaymentKind::MpesaPrompt => t("report-pay-mpesa-prompt"),
        SalesPaymentKind::MpesaManual => t("report-pay-mpesa-manual"),
        SalesPaymentKind::Cash => t("report-pay-cash"),
        SalesPaymentKind::Credit => t("report-pay-credit"),
        SalesPaymentKind::NotRecorded => t("report-pay-not-recorded"),
    }
}

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Higher than before.
    Up,
    /// Lower than before.
    Down,
    /// The same, or nothing to compare.
    Flat,
}

impl Trend {
    const fn class(self) -> &'static str {
        match self {
            Trend::Up => "up",
            Trend::Down => "down",
            Trend::Flat => "flat",
        }
    }
}

/// The change from `previous` to `current` in whole percent, rounded half
/// away from zero; `None` when there was nothing before.
pub fn percent_change(current: i64, previous: i64) -> Option<i64> {
    if previous == 0 {
        return None;
    }
    let diff = i128::from(current) - i128::from(previous);
    let prev = i128::from(previous);
    let scaled = diff * 100;
    let rounded = (scaled.abs() + prev.abs() / 2) / prev.abs();
    let signed = if (scaled < 0) != (prev < 0) {
        -rounded
    } else {
        rounded
    };
    i64::try_from(signed).ok()
}

/// "+12% vs yesterday", "−5% vs yesterday", "no change vs yesterday",
/// "up from none vs yesterday"; and which way it went.
pub fn change_text(current: i64, previous: i64, comparison: &str) -> (String, Trend) {
    if current == previous {
        return (
            t_args("report-no-change", &[("comparison", comparison)]),
            Trend::Flat,
        );
    }
    match percent_change(current, previous) {
        None => (
            t_args("report-up-from-none", &[("comparison", comparison)]),
            Trend::Up,
        ),
        Some(0) if current > previous => (format!("+<1% {comparison}"), Trend::Up),
        Some(0) => (format!("\u{2212}<1% {comparison}"), Trend::Down),
        Some(p) if p > 0 => (format!("+{p}% {comparison}"), Trend::Up),
        Some(p) => (
            format!("\u{2212}{}% {comparison}", p.unsigned_abs()),
            Trend::Down,
        ),
    }
}

/// The label under an hour's bar: `09` for 09:00–10:00.
pub fn hour_label(hour: usize) -> String {
    format!("{:02}", hour % 24)
}

/// The tooltip of an hour's bar: `09:00–10:00 · 2 orders · KES 450`.
pub fn hour_title(hour: usize, t: Tally) -> String {
    let h = hour % 24;
    format!(
        "{h:02}:00\u{2013}{:02}:00 · {} · {}",
        (h + 1) % 24,
        orders_text(t.orders),
        t.amount
    )
}

/// A bar's height in percent of the tallest: 0 for nothing, at least 2 so
/// a small sale still shows.
pub fn bar_percent(value: i64, max: i64) -> i64 {
    if value <= 0 || max <= 0 {
        return 0;
    }
    ((i128::from(value) * 100 / i128::from(max)) as i64).clamp(2, 100)
}

/// "1 order", "3 orders".
pub fn orders_text(n: i64) -> String {
    t_count("report-orders-count", n, &[])
}

/// "Wed 11 Mar 2026", or "Mon 9 Mar – Wed 11 Mar 2026".
pub fn range_text(range: LocalRange) -> String {
    if range.from == range.to {
        range.from.format("%a %-d %b %Y").to_string()
    } else if range.from.format("%Y").to_string() == range.to.format("%Y").to_string() {
        format!(
            "{} \u{2013} {}",
            range.from.format("%a %-d %b"),
            range.to.format("%a %-d %b %Y")
        )
    } else {
        format!(
            "{} \u{2013} {}",
            range.from.format("%a %-d %b %Y"),
            range.to.format("%a %-d %b %Y")
        )
    }
}

const FIELDS: &[&str] = &["from", "to"];

/// The Reports screen.
/// Props of [`ReportsPage`].
#[derive(Properties, PartialEq)]
pub struct ReportsPageProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

#[function_component]
pub fn ReportsPage(props: &ReportsPageProps) -> Html {
    let period = use_state(ReportPeriod::default);
    let report = use_state(|| None::<SalesReport>);
    let errors = use_state(FormErrors::default);
    let custom_open = use_state(|| false);
    let from = use_state(String::new);
    let to = use_state(String::new);

    // The period on screen: an answer for another one (the clerk moved on
    // while it was on its way) is dropped.
    let shown = use_mut_ref(ReportPeriod::default);
    {
        let (report, errors, shown) = (report.clone(), errors.clone(), shown.clone());
        use_effect_with(*period, move |period| {
            let period = *period;
            *shown.borrow_mut() = period;
            let load = move || {
                let (report, errors, shown) = (report.clone(), errors.clone(), shown.clone());
                spawn_local(async move {
                    let answer = invoke::<GetSalesReport>(&SalesReportReq { period }).await;
                    if *shown.borrow() != period {
                        return;
                    }
                    match answer {
                        Ok(r) => {
                            if report.as_ref() != Some(&r) {
                                report.set(Some(r));
                            }
                            errors.set(FormErrors::default());
                        }
                        Err(e) => errors.set(FormErrors::from_ipc(e, FIELDS)),
                    }
                });
            };
            load();
            // Sales keep coming in while the page is open.
            let timer = Interval::new(REFRESH_SECS * 1_000, load);
            move || drop(timer)
        });
    }

    let chips = ReportPeriod::PRESETS.into_iter().map(|p| {
        let active = !*custom_open && *period == p;
        let onclick = {
            let (period, custom_open) = (period.clone(), custom_open.clone());
            Callback::from(move |_: MouseEvent| {
                custom_open.set(false);
                period.set(p);
            })
        };
        let id = format!("report-{}", p.label().to_lowercase().replace(' ', "-"));
        html! {
            <button type="button" {id} class={classes!("chip", active.then_some("active"))}
                aria-pressed={active.to_string()} {onclick}>{ period_label(p) }</button>
        }
    });
    let open_custom = {
        let (custom_open, from, to, report) = (
            custom_open.clone(),
            from.clone(),
            to.clone(),
            report.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = &*report {
                if from.is_empty() {
                    from.set(r.range.from.format("%Y-%m-%d").to_string());
                    to.set(r.range.to.format("%Y-%m-%d").to_string());
                }
            }
            custom_open.set(true);
        })
    };
    let on_from = {
        let from = from.clone();
        Callback::from(move |e: InputEvent| from.set(input_text(&e)))
    };
    let on_to = {
        let to = to.clone();
        Callback::from(move |e: InputEvent| to.set(input_text(&e)))
    };
    let on_show = {
        let (from, to, period, errors) = (from.clone(), to.clone(), period.clone(), errors.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let parse = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
            match (parse(&from), parse(&to)) {
                (Some(from), Some(to)) => period.set(ReportPeriod::Custom { from, to }),
                (None, _) => errors.set(FormErrors::from_fields(vec![
                    dukadesk_domain::ipc::FieldError::new("from", t("report-pick-first-day")),
                ])),
                (_, None) => errors.set(FormErrors::from_fields(vec![
                    dukadesk_domain::ipc::FieldError::new("to", t("report-pick-last-day")),
                ])),
            }
        })
    };
    let custom_active = *custom_open || matches!(*period, ReportPeriod::Custom { .. });

    html! {
        <div class="reports-page">
            <div class="toolbar">
                <h1>{ t("report-title") }</h1>
                <div class="chips" role="group" aria-label={t("report-period")}>
                    { for chips }
                    <button type="button" id="report-custom"
                        class={classes!("chip", custom_active.then_some("active"))}
                        aria-pressed={custom_active.to_string()} onclick={open_custom}>{ t("report-period-dates") }</button>
                </div>
            </div>
            if *custom_open {
                <form id="report-range" class="report-range" onsubmit={on_show} novalidate=true>
                    <label for="report-from">{ t("report-from") }</label>
                    <div class="field-inline">
                        <input id="report-from" type="date" value={(*from).clone()} oninput={on_from}
                            aria-invalid={errors.invalid("from")} />
                        { field_error(&errors, "from") }
                    </div>
                    <label for="report-to">{ t("report-to") }</label>
                    <div class="field-inline">
                        <input id="report-to" type="date" value={(*to).clone()} oninput={on_to}
                            aria-invalid={errors.invalid("to")} />
                        { field_error(&errors, "to") }
                    </div>
                    <button id="report-show" type="submit" class="primary">{ t("report-show") }</button>
                </form>
            }
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <CashUpPanel notify={props.notify.clone()} />
            if let Some(r) = &*report {
                <ReportBody report={r.clone()} />
            } else {
                <div class="card muted-card"><p>{ t("report-adding-up") }</p></div>
            }
            <DaySummaryCard notify={props.notify.clone()} />
            <p id="report-rule" class="muted report-rule">{ sale_rule() }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ReportBodyProps {
    report: SalesReport,
}

#[function_component]
fn ReportBody(props: &ReportBodyProps) -> Html {
    let r = &props.report;
    let kpi = |id: &'static str, label: String, value: String, change: Option<(String, Trend)>| {
        html! {
            <div {id} class="card kpi">
                <span class="kpi-label">{ label }</span>
                <span class="kpi-value num">{ value }</span>
                if let Some((text, trend)) = change {
                    <span class={classes!("kpi-change", trend.class())}>{ text }</span>
                }
            </div>
        }
    };
    let avg = |t: Tally| t.average().unwrap_or(Money::zero(t.amount.currency));
    let comparison = comparison_text(r.period, r.range);
    let gross = kpi(
        "report-gross",
        t("report-gross"),
        r.sales.amount.to_string(),
        Some(change_text(
            r.sales.amount.minor,
            r.previous.amount.minor,
            &comparison,
        )),
    );
    let orders = kpi(
        "report-orders",
        t("report-orders"),
        r.sales.orders.to_string(),
        Some(change_text(r.sales.orders, r.previous.orders, &comparison)),
    );
    let average = kpi(
        "report-average",
        t("report-average"),
        avg(r.sales).to_string(),
        (r.sales.orders > 0 && r.previous.orders > 0)
            .then(|| change_text(avg(r.sales).minor, avg(r.previous).minor, &comparison)),
    );
    let max_hour = r.by_hour.iter().map(|t| t.amount.minor).max().unwrap_or(0);
    let hours = r.by_hour.iter().enumerate().map(|(h, t)| {
        let pct = bar_percent(t.amount.minor, max_hour);
        html! {
            <div class="hour" title={hour_title(h, *t)} data-hour={h.to_string()}
                data-minor={t.amount.minor.to_string()}>
                <div class="hour-track">
                    <div class="hour-bar" style={format!("height: {pct}%")}></div>
                </div>
                <span class="hour-label">{ if h % 3 == 0 { hour_label(h) } else { String::new() } }</span>
            </div>
        }
    });
    let max_pay = max_amount(r.by_payment.iter().map(|p| p.sales));
    let payments = r.by_payment.iter().map(|p| {
        split_row(
            &format!("report-pay-{:?}", p.kind).to_lowercase(),
            &payment_kind_label(p.kind),
            p.sales,
            max_pay,
            html! {},
        )
    });
    let max_channel = max_amount(r.by_channel.iter().map(|c| c.sales));
    let channels = r.by_channel.iter().map(|c| {
        let (id, label) = match c.channel {
            OrderChannel::Till => ("report-channel-till", t("report-channel-till")),
            OrderChannel::WhatsApp => ("report-channel-whatsapp", "WhatsApp".to_owned()),
            OrderChannel::TestChat => ("report-channel-test", t("order-channel-test-chat")),
        };
        split_row(id, &label, c.sales, max_channel, html! {})
    });
    let max_reseller = max_amount(r.by_reseller.iter().map(|s| s.sales));
    let resellers = r.by_reseller.iter().map(|s| {
        let commission = t_args(
            "report-reseller-commission",
            &[("amount", &s.commission.to_string())],
        );
        split_row(
            &format!("report-reseller-{}", s.reseller_id),
            &s.name,
            s.sales,
            max_reseller,
            html! { <td class="num muted">{ commission }</td> },
        )
    });
    html! {
        <>
            <p id="report-range-text" class="report-range-text">
                <b>{ range_text(r.range) }</b>
                <span class="muted">{ t_args("report-compared-with", &[("range", &range_text(r.previous_range))]) }</span>
            </p>
            <div class="kpis">
                { gross }{ orders }{ average }
                <div id="report-awaiting" class="card kpi kpi-minor">
                    <span class="kpi-label">{ t("report-awaiting") }</span>
                    <span class="kpi-value num">{ r.awaiting_payment.amount.to_string() }</span>
                    <span class="muted">{ t_count("report-not-paid-yet", r.awaiting_payment.orders, &[]) }</span>
                </div>
                <div id="report-cancelled" class="card kpi kpi-minor">
                    <span class="kpi-label">{ t("report-cancelled") }</span>
                    <span class="kpi-value num">{ r.cancelled.amount.to_string() }</span>
                    <span class="muted">
                        { orders_text(r.cancelled.orders) }
                        if r.cancelled_after_payment.orders > 0 {
                            <span id="report-refunds" class="refund-note">
                                { t_count("report-give-back", r.cancelled_after_payment.orders,
                                    &[("amount", &r.cancelled_after_payment.amount.to_string())]) }
                            </span>
                        }
                    </span>
                </div>
                if r.refunds.orders > 0 {
                    <div id="report-refunded" class="card kpi kpi-minor">
                        <span class="kpi-label">{ t("report-refunded") }</span>
                        <span class="kpi-value num">{ format!("-{}", r.refunds.amount) }</span>
                        <span class="muted" id="report-net-sales">
                            { t_args("report-net-sales", &[("amount", &r.net_sales().to_string())]) }
                        </span>
                    </div>
                }
            </div>
            <div class="report-grid">
                <section class="card report-hours">
                    <h2>{ t("report-by-hour") }</h2>
                    if r.sales.orders == 0 {
                        <p class="muted">{ t("report-no-sales") }</p>
                    }
                    <div id="report-hours" class="hour-chart" role="img"
                        aria-label={t("report-hours-label")}>{ for hours }</div>
                </section>
                <section class="card">
                    <h2>{ t("report-by-payment") }</h2>
                    <table class="split-table"><tbody>{ for payments }</tbody></table>
                    <h2>{ t("report-by-channel") }</h2>
                    <table class="split-table"><tbody>{ for channels }</tbody></table>
                    if r.test_orders > 0 {
                        <p class="muted small">{ t_count("report-test-orders", r.test_orders, &[]) }</p>
                    }
                    if !r.by_reseller.is_empty() {
                        <h2>{ t("report-by-reseller") }</h2>
                        <table id="report-resellers" class="split-table"><tbody>{ for resellers }</tbody></table>
                    }
                </section>
                <section class="card">
                    <h2>{ t("report-top-units") }</h2>
                    { top_list("report-top-qty", &r.top_by_qty, true) }
                </section>
                <section class="card">
                    <h2>{ t("report-top-sales") }</h2>
                    { top_list("report-top-revenue", &r.top_by_revenue, false) }
                </section>
            </div>
        </>
    }
}

/// The largest amount among `tallies` (the bars' full width).
fn max_amount(tallies: impl Iterator<Item = Tally>) -> i64 {
    tallies.map(|t| t.amount.minor).max().unwrap_or(0)
}

/// A split's row: its label, a bar, its orders and amount, and `extra`
/// cells after them.
fn split_row(id: &str, label: &str, t: Tally, max: i64, extra: Html) -> Html {
    let pct = bar_percent(t.amount.minor, max);
    html! {
        <tr id={id.to_owned()} class={classes!((t.orders == 0).then_some("split-none"))}>
            <td class="split-label">{ label.to_owned() }</td>
            <td class="split-bar"><div class="bar-track"><div class="bar" style={format!("width: {pct}%")}></div></div></td>
            <td class="num split-orders">{ t.orders }</td>
            <td class="num split-amount">{ t.amount.to_string() }</td>
            { extra }
        </tr>
    }
}

fn top_list(id: &'static str, items: &[ItemSales], by_qty: bool) -> Html {
    if items.is_empty() {
        return html! { <p {id} class="muted">{ t("report-nothing-sold") }</p> };
    }
    let rows = items.iter().enumerate().map(|(i, item)| {
        html! {
            <li class="top-item">
                <span class="top-rank">{ i + 1 }</span>
                <span class="top-name">{ item.name.clone() }</span>
                if by_qty {
                    <span class="num top-main">{ t_count("report-sold", item.qty, &[]) }</span>
                    <span class="num muted">{ item.revenue.to_string() }</span>
                } else {
                    <span class="num top-main">{ item.revenue.to_string() }</span>
                    <span class="num muted">{ t_count("report-sold", item.qty, &[]) }</span>
                }
            </li>
        }
    });
    html! { <ol {id} class="top-items">{ for rows }</ol> }
}

#[cfg(test)]
mod tests;
