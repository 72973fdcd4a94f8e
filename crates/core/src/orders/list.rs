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
    bool,
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
                    o.total_minor, o.currency, o.status, o.fulfilment, o.channel, o.created_at,
                    o.pay_on_delivery
             FROM orders o WHERE 1 = 1",
        );
        if let Some(status) = query.status {
            qb.push(" AND o.status = ").push_bind(status.as_str());
        }
        let search = query.search.trim();
        let searching = !search.is_empty();
        if searching {
            push_search(&mut qb, search, country);
        }
        // With a search, sorting the few matches beats walking the number
        // index from the top (`+` keeps SQLite off that index).
        qb.push(if searching {
            " ORDER BY +o.number DESC LIMIT "
        } else {
            " ORDER BY o.number DESC LIMIT "
        })
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
                    pay_on_delivery,
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
                        pay_on_delivery,
                    })
                },
            )
            .collect()
    }
}

/// Adds the search condition. What a search means:
/// - `#1042` or up to 6 digits: that order number;
/// - a whole phone number in any written form: that customer's orders;
/// - 4 or more digits: phone numbers ending in them (a reversed-digits
///   column turns "ends with" into an index range);
/// - anything with letters: the customer's name, any part of it (three
///   letters or more: over every order, case and accents aside).
///
/// Every branch is answered from an index.
fn push_search(qb: &mut QueryBuilder<'_, Sqlite>, search: &str, country: Country) {
    let digits: String = search.chars().filter(char::is_ascii_digit).collect();
    let all_digits = search
        .trim_start_matches('#')
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-' || c == '+');
    let by_name = search.chars().any(char::is_alphabetic);
    let number = (all_digits && !digits.is_empty() && digits.len() <= 6)
        .then(|| digits.parse::<i64>().ok())
        .flatten();
    let phone = Msisdn::parse(search, country).ok();
    let tail = (phone.is_none() && all_digits && digits.len() >= 4)
        .then(|| digits.chars().rev().collect::<String>());
    qb.push(" AND (");
    if number.is_none() && phone.is_none() && tail.is_none() && !by_name {
        qb.push("0");
    }
    let mut or = qb.separated(" OR ");
    if let Some(n) = number {
        or.push("o.number = ").push_bind_unseparated(n);
    }
    if let Some(phone) = phone {
        or.push("o.customer_phone = ")
            .push_bind_unseparated(phone.as_str().to_owned());
    }
    if let Some(reversed) = tail {
        or.push("(o.customer_phone_rev >= ")
            .push_bind_unseparated(reversed.clone())
            .push_unseparated(" AND o.customer_phone_rev < ")
            .push_bind_unseparated(format!("{reversed}:"))
            .push_unseparated(")");
    }
    if by_name {
        // Customers by name (a small table), and orders by the name typed
        // on them: through the trigram index over the whole history for
        // three letters or more, else among the newest NAME_WINDOW (a
        // bounded range of the number index). Never a scan of every order.
        let pattern = format!("%{search}%");
        or.push(
            "o.id IN (SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE name LIKE ",
        )
        .push_bind_unseparated(pattern.clone());
        if search.chars().count() >= 3 {
            // The newest NAME_MATCHES matches by when this till recorded
            // them (the index walks its keys downwards and stops there): a
            // common name matching tens of thousands of orders costs no
            // more than a rare one.
            or.push_unseparated(
                ") UNION ALL SELECT order_id FROM order_name_keys WHERE key IN (SELECT rowid FROM order_names WHERE order_names MATCH ",
            )
            .push_bind_unseparated(format!("\"{}\"", search.replace('"', "\"\"")))
            .push_unseparated(" ORDER BY rowid DESC LIMIT ")
            .push_bind_unseparated(NAME_MATCHES)
            .push_unseparated("))");
        } else {
            or.push_unseparated(") UNION ALL SELECT id FROM orders WHERE number > (SELECT value FROM counters WHERE name = 'order_number') - ")
                .push_bind_unseparated(NAME_WINDOW)
                .push_unseparated(" AND customer_name LIKE ")
                .push_bind_unseparated(pattern)
                .push_unseparated(")");
        }
    }
    qb.push(")");
}

/// How many of the newest orders a name of one or two letters is looked
/// for in, beyond the customers table.
pub const NAME_WINDOW: i64 = 20_000;

/// How many of the orders matching a name (three letters or more), the
/// ones this till recorded last, the queue sorts by number: more matches
/// than this ask for a longer name.
pub const NAME_MATCHES: i64 = 500;
