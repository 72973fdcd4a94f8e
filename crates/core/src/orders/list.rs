//! The till's order queue: newest first, by status, searched by order number
//! or phone.

use super::parse_channel;
use crate::store::{from_millis, parse_uuid, Store, StoreError};
use dukadesk_domain::ipc::{OrderQuery, OrderSummary};
use dukadesk_domain::order::{FulfilmentKind, OrderStatus};
use dukadesk_domain::{Country, Currency, Money, Msisdn, OrderId};
use sqlx::{QueryBuilder, Sqlite};

/// The most rows one query returns.
pub const MAX_LIMIT: u32 = 500;

type SummaryRow = (
    String,
    i64,
    Option<String>,
    Option<String>,
    i64,
    i64,
    String,
    String,
    String,
    String,
    i64,
);

impl Store {
    /// Lists orders for the queue.
    pub async fn list_orders(
        &self,
        query: &OrderQuery,
        country: Country,
    ) -> Result<Vec<OrderSummary>, StoreError> {
        let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT o.id, o.number, o.customer_name, o.customer_phone,
                    (SELECT COALESCE(SUM(qty), 0) FROM order_items WHERE order_id = o.id),
                    o.total_minor, o.currency, o.status, o.fulfilment, o.channel, o.created_at
             FROM orders o WHERE 1 = 1",
        );
        if let Some(status) = query.status {
            qb.push(" AND o.status = ").push_bind(status.as_str());
        }
        let search = query.search.trim();
        if !search.is_empty() {
            let digits: String = search.chars().filter(char::is_ascii_digit).collect();
            let number_like = search
                .trim_start_matches('#')
                .chars()
                .all(|c| c.is_ascii_digit());
            qb.push(" AND (");
            if number_like && !digits.is_empty() && digits.len() <= 9 {
                qb.push("o.number = ")
                    .push_bind(digits.parse::<i64>().unwrap_or(-1))
                    .push(" OR ");
            }
            if let Ok(phone) = Msisdn::parse(search, country) {
                qb.push("o.customer_phone = ")
                    .push_bind(phone.as_str().to_owned())
                    .push(" OR ");
            }
            if digits.len() >= 3 {
                let tail = digits.trim_start_matches('0');
                qb.push("o.customer_phone LIKE ")
                    .push_bind(format!("%{tail}%"))
                    .push(" OR ");
            }
            qb.push("o.customer_name LIKE ")
                .push_bind(format!("%{search}%"))
                .push(")");
        }
        qb.push(" ORDER BY o.number DESC LIMIT ")
            .push_bind(i64::from(query.limit.clamp(1, MAX_LIMIT)));
        let rows: Vec<SummaryRow> = qb.build_query_as().fetch_all(self.pool()).await?;
        rows.into_iter()
            .map(
                |(
                    id,
                    number,
                    name,
                    phone,
                    count,
                    total,
                    currency,
                    status,
                    fulfilment,
                    channel,
                    created,
                )| {
                    let bad = || StoreError::BadRow("order");
                    let phone = phone.and_then(|p| Msisdn::parse(&p, country).ok());
                    let customer = match (name, phone) {
                        (Some(n), _) if !n.is_empty() => n,
                        (_, Some(p)) => p.national(),
                        _ => "Walk-in".to_owned(),
                    };
                    Ok(OrderSummary {
                        id: OrderId(parse_uuid(&id, "order")?),
                        number,
                        customer,
                        item_count: u32::try_from(count).unwrap_or(u32::MAX),
                        total: Money::from_minor(
                            total,
                            Currency::from_code(&currency).ok_or_else(bad)?,
                        ),
                        status: OrderStatus::parse(&status).ok_or_else(bad)?,
                        fulfilment: if fulfilment == "delivery" {
                            FulfilmentKind::Delivery
                        } else {
                            FulfilmentKind::Pickup
                        },
                        channel: parse_channel(&channel),
                        created_at: from_millis(created),
                    })
                },
            )
            .collect()
    }
}
