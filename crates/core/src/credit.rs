//! Sales on credit (madeni): what each customer owes (their credit sales,
//! which are payments by the `credit` method, less their repayments), the
//! list of who owes what (oldest debt first), repayments in cash or by
//! M-Pesa (written with their outbox rows by `records::credit`), and each
//! customer's limit (it travels with the customer row).

use crate::records::credit::{self as rows, COLUMNS};
use crate::store::{from_millis, new_id, to_millis, Store, StoreError};
use dukadesk_domain::credit::{
    over_limit, reminder_text, standing, CreditAccount, CreditEntry, CreditLimitInput, Debtor,
    Repayment, RepaymentInput, REMINDER_GAP_HOURS,
};
use dukadesk_domain::customer::Language;
use dukadesk_domain::words::Problem;
use dukadesk_domain::{Country, CreditPaymentId, Currency, CustomerId, Money, Msisdn};
use sqlx::SqliteConnection;

/// A customer's credit as the store holds it.
struct Ledger {
    sales: Vec<(i64, chrono::DateTime<chrono::Utc>, Money)>,
    repayments: Vec<Repayment>,
}

/// The ids a customer's repayments may carry: theirs, and those of
/// customers merged into them.
const IDS_OF: &str = "SELECT ?1 UNION ALL SELECT loser FROM customer_merges WHERE winner = ?1";

async fn ledger_in(
    conn: &mut SqliteConnection,
    customer: &str,
    currency: Currency,
) -> Result<Ledger, StoreError> {
    let sales: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT o.number, p.updated_at, p.amount_minor FROM payments p
         JOIN orders o ON o.id = p.order_id
         WHERE p.method = 'credit' AND p.state = 'succeeded' AND o.customer_id = ?
           AND o.status != 'cancelled'
         ORDER BY p.updated_at",
    )
    .bind(customer)
    .fetch_all(&mut *conn)
    .await?;
    let rows_ = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM credit_payments WHERE customer_id IN ({IDS_OF}) ORDER BY at, id"
    ))
    .bind(customer)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Ledger {
        sales: sales
            .into_iter()
            .map(|(n, at, minor)| (n, from_millis(at), Money::from_minor(minor, currency)))
            .collect(),
        repayments: rows_.iter().map(rows::from_row).collect::<Result<_, _>>()?,
    })
}

/// A customer's number as Customers shows it (`None` once erased).
fn shown_phone(phone: &str, erased: Option<i64>, country: Country) -> Option<String> {
    erased
        .is_none()
        .then(|| Msisdn::parse(phone, country).ok().map(|m| m.national()))
        .flatten()
}

impl Ledger {
    fn standing(&self, currency: Currency) -> (Money, Option<chrono::DateTime<chrono::Utc>>) {
        let sales: Vec<_> = self.sales.iter().map(|(_, at, m)| (*at, *m)).collect();
        let repaid = self.repayments.iter().map(|r| r.amount.minor).sum();
        standing(&sales, Money::from_minor(repaid, currency))
    }
}

/// Refuses a credit sale of `amount` to `customer` past their limit (inside
/// the sale's transaction, so two tills' sales on one till's data are
/// checked one after the other).
pub(crate) async fn check_limit_in(
    conn: &mut SqliteConnection,
    customer: CustomerId,
    amount: Money,
) -> Result<(), StoreError> {
    let (name, phone, limit): (Option<String>, String, Option<i64>) =
        sqlx::query_as("SELECT name, phone, credit_limit_minor FROM customers WHERE id = ?")
            .bind(customer.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(StoreError::NotFound("The customer"))?;
    let Some(limit) = limit else {
        return Ok(());
    };
    let currency = amount.currency;
    let ledger = ledger_in(conn, &customer.to_string(), currency).await?;
    let (balance, _) = ledger.standing(currency);
    let who = name.unwrap_or_else(|| {
        Msisdn::parse(&phone, dukadesk_domain::Country::Kenya)
            .map(|m| m.national())
            .unwrap_or(phone)
    });
    match over_limit(
        &who,
        balance,
        Some(Money::from_minor(limit, currency)),
        amount,
    ) {
        Some(problem) => Err(StoreError::said("payment", &problem)),
        None => Ok(()),
    }
}

impl Store {
    /// A customer's credit: balance, limit, history and whether a reminder
    /// may be sent.
    pub async fn credit_account(&self, id: CustomerId) -> Result<CreditAccount, StoreError> {
        let shop = self.require_shop().await?;
        let mut conn = self.pool().acquire().await?;
        let (name, phone, erased, limit): (Option<String>, String, Option<i64>, Option<i64>) =
            sqlx::query_as(
                "SELECT name, phone, erased_at, credit_limit_minor FROM customers WHERE id = ?",
            )
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(StoreError::NotFound("The customer"))?;
        let ledger = ledger_in(&mut conn, &id.to_string(), shop.currency).await?;
        let (balance, oldest_unpaid) = ledger.standing(shop.currency);
        let can_remind: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM conversations v JOIN customers c ON c.id = v.customer_id
                            WHERE v.customer_id = ? AND v.channel = 'whatsapp'
                              AND c.opted_out = 0 AND c.erased_at IS NULL)",
        )
        .bind(id.to_string())
        .fetch_one(&mut *conn)
        .await?;
        let mut history: Vec<CreditEntry> = ledger
            .sales
            .iter()
            .map(|(number, at, amount)| CreditEntry::Sale {
                number: *number,
                amount: *amount,
                at: *at,
            })
            .chain(ledger.repayments.into_iter().map(CreditEntry::Repaid))
            .collect();
        history.sort_by_key(CreditEntry::at);
        Ok(CreditAccount {
            customer_id: id,
            name,
            phone: shown_phone(&phone, erased, shop.country),
            balance,
            limit: limit.map(|l| Money::from_minor(l, shop.currency)),
            oldest_unpaid,
            history,
            can_remind,
        })
    }

    /// Everyone who owes the shop, oldest debt first.
    pub async fn debtors(&self) -> Result<Vec<Debtor>, StoreError> {
        let shop = self.require_shop().await?;
        let mut conn = self.pool().acquire().await?;
        type Row = (String, Option<String>, String, Option<i64>, Option<i64>);
        let customers: Vec<Row> = sqlx::query_as(
            "SELECT id, name, phone, erased_at, credit_limit_minor FROM customers
             WHERE id IN (SELECT o.customer_id FROM payments p JOIN orders o ON o.id = p.order_id
                          WHERE p.method = 'credit' AND p.state = 'succeeded')",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut out = Vec::new();
        for (id, name, phone, erased, limit) in customers {
            let ledger = ledger_in(&mut conn, &id, shop.currency).await?;
            let (balance, oldest) = ledger.standing(shop.currency);
            let (Some(oldest), true) = (oldest, balance.minor > 0) else {
                continue;
            };
            out.push(Debtor {
                customer_id: CustomerId(crate::store::parse_uuid(&id, "customer")?),
                name,
                phone: shown_phone(&phone, erased, shop.country),
                balance,
                limit: limit.map(|l| Money::from_minor(l, shop.currency)),
                oldest_unpaid: oldest,
            });
        }
        out.sort_by_key(|d| (d.oldest_unpaid, d.customer_id));
        Ok(out)
    }

    /// Records money a customer paid back, taken by `by`. An M-Pesa code is
    /// taken once, here or on any order.
    pub async fn record_repayment(
        &self,
        input: &RepaymentInput,
        by: &str,
    ) -> Result<CreditAccount, StoreError> {
        let shop = self.require_shop().await?;
        let valid = input.validate(shop.currency).map_err(StoreError::Invalid)?;
        let now = from_millis(to_millis(self.now()));
        let mut tx = self.write_tx().await?;
        let known: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE id = ?")
            .bind(input.customer_id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
        if known.is_none() {
            return Err(StoreError::NotFound("The customer"));
        }
        if let Some(code) = &valid.receipt {
            let used: Option<String> = sqlx::query_scalar(
                "SELECT 'order #' || o.number FROM payments p JOIN orders o ON o.id = p.order_id
                 WHERE p.receipt = ?1
                 UNION ALL SELECT 'a repayment' FROM credit_payments WHERE receipt = ?1",
            )
            .bind(code)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(on) = used {
                return Err(StoreError::field(
                    "receipt",
                    format!("M-Pesa code {code} is already recorded on {on}. Check the code on the customer's SMS."),
                ));
            }
        }
        let repayment = Repayment {
            id: CreditPaymentId(new_id()),
            customer_id: input.customer_id,
            amount: valid.amount,
            method: valid.method,
            receipt: valid.receipt,
            by: by.to_owned(),
            at: now,
        };
        rows::repaid(&mut tx, &repayment).await?;
        tx.commit().await?;
        self.credit_account(input.customer_id).await
    }

    /// Sends the customer a gentle reminder of what they owe in their
    /// WhatsApp chat, in their language, queued like a staff reply: only
    /// to a customer who wrote to the shop there and did not opt out, who
    /// owes something, and not again within [`REMINDER_GAP_HOURS`].
    pub async fn send_credit_reminder(
        &self,
        id: CustomerId,
        by: &str,
    ) -> Result<CreditAccount, StoreError> {
        let account = self.credit_account(id).await?;
        if account.balance.minor <= 0 {
            return Err(StoreError::Refusal(Problem::OwesNothing));
        }
        if !account.can_remind {
            return Err(StoreError::Refusal(Problem::CannotRemind));
        }
        let shop = self.require_shop().await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let last: Option<i64> =
            sqlx::query_scalar("SELECT MAX(at) FROM credit_reminders WHERE customer_id = ?")
                .bind(id.to_string())
                .fetch_one(&mut *tx)
                .await?;
        let gap = chrono::Duration::hours(REMINDER_GAP_HOURS);
        if let Some(last) = last.map(from_millis).filter(|l| now - *l < gap) {
            return Err(StoreError::TooSoon {
                message: format!(
                    "A reminder went to them {} hours ago; wait until {} hours have passed.",
                    (now - last).num_hours(),
                    REMINDER_GAP_HOURS
                ),
                wait_secs: u64::try_from((gap - (now - last)).num_seconds()).unwrap_or(0),
            });
        }
        let (conversation, language): (String, String) = sqlx::query_as(
            "SELECT v.id, c.language FROM conversations v JOIN customers c ON c.id = v.customer_id
             WHERE v.customer_id = ? AND v.channel = 'whatsapp'
               AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = v.id AND m.author = 'customer')
             ORDER BY v.last_message_at DESC LIMIT 1",
        )
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| {
            StoreError::Refused(
                "This customer has not written to the shop on WhatsApp: no reminder can be sent."
                    .into(),
            )
        })?;
        // An unknown stored code is English.
        let language = Language::from_code(&language).unwrap_or_default();
        let text = reminder_text(
            language,
            account.name.as_deref(),
            &shop.name,
            account.balance,
        );
        let conversation = dukadesk_domain::ConversationId(crate::store::parse_uuid(
            &conversation,
            "conversation",
        )?);
        crate::chat::turn::queue_message_by(
            &mut tx,
            conversation,
            "staff",
            Some(by),
            &text,
            &[],
            now,
        )
        .await?;
        sqlx::query("INSERT INTO credit_reminders (customer_id, at, staff_name) VALUES (?, ?, ?)")
            .bind(id.to_string())
            .bind(to_millis(now))
            .bind(by)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(account)
    }

    /// Sets (or, empty, removes) a customer's credit limit.
    pub async fn set_credit_limit(
        &self,
        input: &CreditLimitInput,
    ) -> Result<CreditAccount, StoreError> {
        let shop = self.require_shop().await?;
        let limit = input.validate(shop.currency).map_err(StoreError::Invalid)?;
        let now = self.now();
        let id = input.customer_id.to_string();
        let mut tx = self.write_tx().await?;
        let changed = sqlx::query(
            "UPDATE customers SET credit_limit_minor = ?, updated_at = ?, version_device = NULL
             WHERE id = ? AND erased_at IS NULL",
        )
        .bind(limit.map(|l| l.minor))
        .bind(to_millis(now))
        .bind(&id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound("The customer"));
        }
        crate::records::customers::changed(&mut tx, &id, now).await?;
        tx.commit().await?;
        self.credit_account(input.customer_id).await
    }
}

#[cfg(test)]
mod tests;
