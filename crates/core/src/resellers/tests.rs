//! Resellers against a real store: a chat carrying a code is credited,
//! the commission is pending, then payable, reversed by a cancellation,
//! reduced by payouts; a reseller asking the bot gets their own figures and
//! no one else's.

use crate::clock::ManualClock;
use crate::payments::ProviderOutcome;
use crate::store::testing::{daraja_nowhere, say, set_up_shop, test_key_source};
use crate::store::{Store, StoreError};
use chrono::{Duration, Utc};
use dukadesk_domain::ipc::{ChatChannel, MessageAuthor, ResellerView};
use dukadesk_domain::resellers::{PayoutInput, ResellerInput, RuleChoice};
use dukadesk_domain::words::Problem;
use dukadesk_domain::{ConversationId, Currency, Money, OrderId, PaymentId};
use std::sync::Arc;

struct Shop {
    _dir: tempfile::TempDir,
    store: Store,
    clock: ManualClock,
}

async fn shop() -> Shop {
    let dir = tempfile::tempdir().expect("dir");
    let clock = ManualClock::new(Utc::now());
    let store = Store::open_with_clock(&dir.path().join("dukadesk.db"), Arc::new(clock.clone()))
        .await
        .expect("open");
    let vault = crate::vault::Vault::unlock(&store, &test_key_source())
        .await
        .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    set_up_shop(&store).await;
    store
        .save_payment_settings(&daraja_nowhere())
        .await
        .expect("Daraja");
    Shop {
        _dir: dir,
        store,
        clock,
    }
}

fn kes(minor: i64) -> Money {
    Money::from_minor(minor, Currency::KES)
}

impl Shop {
    async fn add(
        &self,
        name: &str,
        phone: &str,
        code: &str,
        rule: RuleChoice,
        rate: &str,
    ) -> ResellerView {
        let list = self
            .store
            .save_reseller(
                &ResellerInput {
                    name: name.into(),
                    phone: phone.into(),
                    code: code.into(),
                    rule,
                    rate: rate.into(),
                    active: true,
                    ..Default::default()
                },
                None,
            )
            .await
            .expect("saved");
        list.into_iter()
            .find(|v| v.reseller.name == name)
            .expect("listed")
    }

    async fn view(&self, name: &str) -> ResellerView {
        self.store
            .resellers(None)
            .await
            .expect("list")
            .into_iter()
            .find(|v| v.reseller.name == name)
            .expect("listed")
    }

    /// `phone` writes `first`, then orders 2 × Sukuma wiki (KES 60) and is
    /// asked to pay.
    async fn order(&self, phone: &str, first: &str) -> (ConversationId, OrderId, PaymentId) {
        let mut payments = Vec::new();
        let mut chat = None;
        for m in [first, "2 sukuma", "1", "1", "1", "1"] {
            let (id, effects) = say(&self.store, phone, m).await;
            chat = Some(id);
            payments.extend(effects.payments);
        }
        let chat = chat.expect("chat");
        assert_eq!(
            payments.len(),
            1,
            "{}",
            self.bot_said(chat).await.join("\n")
        );
        let order: String = sqlx::query_scalar("SELECT order_id FROM payments WHERE id = ?")
            .bind(payments[0].to_string())
            .fetch_one(crate::store::testing::pool(&self.store))
            .await
            .expect("order");
        (chat, OrderId(order.parse().expect("uuid")), payments[0])
    }

    async fn pay(&self, payment: PaymentId) {
        self.store
            .apply_payment_outcome(
                payment,
                ProviderOutcome::Paid {
                    receipt: Some(
                        format!("QR{}", &payment.0.simple().to_string()[..8]).to_uppercase(),
                    ),
                },
            )
            .await
            .expect("paid");
    }

    async fn bot_said(&self, chat: ConversationId) -> Vec<String> {
        self.store
            .conversation_view(chat, false)
            .await
            .expect("chat")
            .messages
            .into_iter()
            .filter(|m| m.author == MessageAuthor::Bot)
            .map(|m| m.body)
            .collect()
    }
}

#[tokio::test]
async fn an_order_from_a_resellers_link_earns_them_commission_after_the_hold() {
    let s = shop().await;
    let amina = s
        .add("Amina", "0722 111 222", "amina10", RuleChoice::Percent, "5")
        .await;
    assert_eq!(amina.reseller.code, "AMINA10");
    assert_eq!(amina.rule, "5%");
    assert!(
        amina.greeting.ends_with("ref AMINA10"),
        "{}",
        amina.greeting
    );

    // The customer taps Amina's link: the bot greets them as usual (the
    // code is not read as an order).
    let (chat, order, payment) = s.order("0712 000 001", &amina.greeting).await;
    let said = s.bot_said(chat).await.join("\n");
    assert!(!said.contains("couldn't find"), "{said}");
    let v = s.view("Amina").await;
    assert_eq!(
        (v.totals.orders, v.totals.pending),
        (0, kes(0)),
        "unpaid: nothing yet"
    );

    s.pay(payment).await;
    let v = s.view("Amina").await;
    assert_eq!(v.totals.orders, 1);
    assert_eq!(v.totals.sales, kes(6_000));
    assert_eq!(v.totals.pending, kes(300), "5% of KES 60, held");
    assert_eq!(v.totals.payable, kes(0));

    // A payout before the hold is refused.
    let payout = |amount: &str| PayoutInput {
        reseller_id: Some(amina.reseller.id),
        amount: amount.into(),
        method: "cash".into(),
        receipt: String::new(),
    };
    let early = s.store.record_payout(&payout("3"), "Wanjiru", None).await;
    assert!(matches!(early, Err(StoreError::Invalid(ref f)) if f[0].field == "amount"));

    s.clock.advance(Duration::days(8));
    let v = s.view("Amina").await;
    assert_eq!((v.totals.pending, v.totals.payable), (kes(0), kes(300)));
    let list = s
        .store
        .record_payout(&payout("2"), "Wanjiru", None)
        .await
        .expect("paid out");
    let v = list
        .iter()
        .find(|v| v.reseller.name == "Amina")
        .expect("listed");
    assert_eq!((v.totals.payable, v.totals.paid), (kes(100), kes(200)));
    assert!(s
        .store
        .record_payout(&payout("2"), "Wanjiru", None)
        .await
        .is_err());
    let sent: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE entity = 'reseller_payout'")
            .fetch_one(crate::store::testing::pool(&s.store))
            .await
            .expect("outbox");
    assert_eq!(sent, 1, "the payout travels to the other tills");

    // The same chat orders again within 30 days: still Amina's.
    let (_, _, second) = s.order("0712 000 001", "hi").await;
    s.pay(second).await;
    assert_eq!(s.view("Amina").await.totals.orders, 2);

    // A cancelled order's commission is reversed.
    s.store
        .apply_order_event(order, dukadesk_domain::order::OrderEvent::Cancel, "Wanjiru")
        .await
        .expect("cancelled");
    let v = s.view("Amina").await;
    assert_eq!(v.totals.orders, 1);
    assert_eq!(
        v.totals.payable,
        kes(-200),
        "paid out more than is now earned"
    );

    // The page as the owner's spreadsheet: the same figures, one row each.
    let sheet = s.store.resellers_sheet(None).await.expect("the sheet");
    let text = std::str::from_utf8(&sheet).expect("UTF-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    assert!(text.contains("\r\n"), "CRLF records");
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, crate::resellers::SHEET_COLUMNS);
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 1);
    let field = |name: &str| {
        let i = header.iter().position(|h| h == name).expect("a column");
        rows[0][i].to_owned()
    };
    assert_eq!(field("Name"), "Amina");
    assert_eq!(field("Code"), "AMINA10");
    assert_eq!(field("Commission rule"), "5%");
    assert_eq!(field("Orders"), "1");
    assert_eq!(field("Sales"), "60.00");
    assert_eq!(
        field("Commission pending"),
        "3.00",
        "the second order, still held"
    );
    assert_eq!(field("Commission payable"), "-2.00");
    assert_eq!(field("Commission paid"), "2.00");
    assert_eq!(field("Currency"), "KES");
    assert_eq!(
        field("Phone"),
        amina.reseller.phone.as_ref().expect("phone").to_string()
    );
}

#[tokio::test]
async fn a_code_past_its_window_a_paused_reseller_and_buying_for_oneself_earn_nothing() {
    let s = shop().await;
    let juma = s
        .add("Juma", "0713 222 333", "JUMA5", RuleChoice::PerUnit, "10")
        .await;
    assert_eq!(juma.rule, "KES 10 a unit");
    // Typed in a message; the order comes 31 days later.
    let (_chat, _) = say(&s.store, "0712 000 002", "habari, code JUMA5").await;
    s.clock.advance(Duration::days(31));
    let (_, _, late) = s.order("0712 000 002", "hi").await;
    s.pay(late).await;
    assert_eq!(s.view("Juma").await.totals.orders, 0);

    // Within the window: 10 a unit × 2.
    let (_, _, fresh) = s.order("0712 000 003", "nataka sukuma code juma5").await;
    s.pay(fresh).await;
    let v = s.view("Juma").await;
    assert_eq!((v.totals.orders, v.totals.pending), (1, kes(2_000)));

    // First order only: the same customer's second order earns nothing;
    // another customer's first does.
    s.store
        .save_reseller(
            &ResellerInput {
                id: Some(juma.reseller.id),
                name: "Juma".into(),
                phone: "0713 222 333".into(),
                code: "JUMA5".into(),
                rule: RuleChoice::PerUnit,
                rate: "10".into(),
                active: true,
                first_order_only: true,
                applies_to: String::new(),
            },
            None,
        )
        .await
        .expect("first order only");
    let (_, _, again) = s.order("0712 000 003", "hi").await;
    s.pay(again).await;
    assert_eq!(
        s.view("Juma").await.totals.orders,
        1,
        "a second order earns nothing"
    );
    let (_, _, other) = s.order("0712 000 005", "JUMA5").await;
    s.pay(other).await;
    assert_eq!(
        s.view("Juma").await.totals.orders,
        2,
        "another customer's first does"
    );

    // Juma buying through his own code earns nothing.
    let (_, _, own) = s.order("0713 222 333", "JUMA5").await;
    s.pay(own).await;
    assert_eq!(s.view("Juma").await.totals.orders, 2);

    // Paused: his code credits no new chat.
    s.store
        .save_reseller(
            &ResellerInput {
                id: Some(juma.reseller.id),
                name: "Juma".into(),
                phone: "0713 222 333".into(),
                code: "JUMA5".into(),
                rule: RuleChoice::PerUnit,
                rate: "10".into(),
                active: false,
                first_order_only: true,
                applies_to: String::new(),
            },
            None,
        )
        .await
        .expect("paused");
    let (_, _, paused) = s.order("0712 000 004", "JUMA5").await;
    s.pay(paused).await;
    assert_eq!(s.view("Juma").await.totals.orders, 2);
}

#[tokio::test]
async fn a_reseller_asks_the_bot_for_their_own_figures_and_no_one_elses() {
    let s = shop().await;
    let amina = s
        .add("Amina", "0722 111 222", "AMINA10", RuleChoice::Percent, "5")
        .await;
    let juma = s
        .add("Juma", "0713 222 333", "JUMA5", RuleChoice::Percent, "10")
        .await;
    let (_, _, a) = s.order("0712 000 001", &amina.greeting).await;
    s.pay(a).await;
    let (_, _, j) = s.order("0712 000 002", &juma.greeting).await;
    s.pay(j).await;

    let (chat, effects) = say(&s.store, "0722 111 222", "mauzo yangu").await;
    assert!(effects.queued);
    let said = s.bot_said(chat).await.join("\n");
    assert!(said.contains("Amina, mauzo yako: oda 1"), "{said}");
    assert!(
        said.contains("siku 7: KES 3\n"),
        "Amina's 5%, not Juma's 10%: {said}"
    );
    assert!(!said.contains("Juma"), "{said}");

    // Naming another reseller's code changes nothing: the figures follow
    // the number the message came from.
    let (chat, _) = say(&s.store, "0722 111 222", "my sales JUMA5").await;
    let said = s.bot_said(chat).await.join("\n");
    assert!(!said.contains("Juma"), "{said}");

    // A customer (not a reseller) asking gets the bot, not figures.
    let (chat, _) = say(&s.store, "0712 000 009", "my sales").await;
    let said = s.bot_said(chat).await.join("\n");
    assert!(!said.contains("your sales"), "{said}");

    // The test chat proves no number: a merchant typing a reseller's
    // number there gets no figures.
    let phone = dukadesk_domain::Msisdn::parse("0713 222 333", dukadesk_domain::Country::Kenya)
        .expect("phone");
    let (chat, _) = s
        .store
        .receive_message(
            ChatChannel::TestChat,
            phone.as_str(),
            Some(&phone),
            "my sales",
            None,
        )
        .await
        .expect("turn");
    let said = s.bot_said(chat).await.join("\n");
    assert!(!said.contains("your sales"), "{said}");
}

#[tokio::test]
async fn codes_are_unique_and_bad_forms_say_what_to_fix() {
    let s = shop().await;
    s.add("Amina", "0722 111 222", "AMINA10", RuleChoice::Percent, "5")
        .await;
    let clash = s
        .store
        .save_reseller(
            &ResellerInput {
                name: "Other".into(),
                phone: "0711 000 000".into(),
                code: "amina10".into(),
                rate: "5".into(),
                active: true,
                ..Default::default()
            },
            None,
        )
        .await;
    assert!(
        matches!(clash, Err(StoreError::Invalid(ref f)) if f[0].field == "code" && f[0].message.contains("Amina")),
        "{clash:?}"
    );
    let bad = s.store.save_reseller(&ResellerInput::default(), None).await;
    assert!(
        matches!(bad, Err(StoreError::Invalid(ref f)) if f.len() >= 3),
        "{bad:?}"
    );
}

/// A rule may cover one item or one category: only those lines earn, the
/// owner reads what it covers, and a rule for goods not in the catalogue
/// is refused beside the field.
#[tokio::test]
async fn a_commission_on_one_item_or_category_is_earned_on_those_lines_only() {
    use dukadesk_domain::resellers::AppliesTo;
    let s = shop().await;
    let items = s.store.items(false).await.expect("items");
    let id_of = |name: &str| items.iter().find(|i| i.name == name).expect("item").id;
    let save = |name: &str, phone: &str, code: &str, applies_to: String| {
        let input = ResellerInput {
            name: name.into(),
            phone: phone.into(),
            code: code.into(),
            rule: RuleChoice::Percent,
            rate: "10".into(),
            active: true,
            applies_to,
            ..Default::default()
        };
        let store = s.store.clone();
        async move { store.save_reseller(&input, None).await }
    };
    save(
        "Juma",
        "0713 222 333",
        "JUMA5",
        AppliesTo::Item(id_of("Sukuma wiki")).value(),
    )
    .await
    .expect("Juma, on Sukuma wiki");
    save(
        "Baraka",
        "0714 444 555",
        "BARAKA",
        AppliesTo::Item(id_of("Unga 2kg")).value(),
    )
    .await
    .expect("Baraka, on Unga");
    let juma = s.view("Juma").await;
    assert_eq!(juma.rule, "10% on Sukuma wiki");
    assert_eq!(juma.applies_to_name.as_deref(), Some("Sukuma wiki"));

    let (_, _, payment) = s.order("0712 000 001", "JUMA5").await;
    s.pay(payment).await;
    let (_, _, payment) = s.order("0712 000 002", "BARAKA").await;
    s.pay(payment).await;
    let juma = s.view("Juma").await;
    assert_eq!(
        (juma.totals.orders, juma.totals.pending),
        (1, kes(600)),
        "10% of KES 60"
    );
    let baraka = s.view("Baraka").await;
    assert_eq!(
        (baraka.totals.orders, baraka.totals.pending),
        (1, kes(0)),
        "his customer bought no Unga: credited, nothing earned"
    );
    // The report splits the day's sales by reseller, with what each earns.
    let report = s
        .store
        .sales_report(dukadesk_domain::report::ReportPeriod::Today, s.store.now())
        .await
        .expect("report");
    let split: Vec<_> = report
        .by_reseller
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.sales.orders,
                r.sales.amount,
                r.commission,
            )
        })
        .collect();
    assert_eq!(
        split,
        [
            ("Baraka", 1, kes(6_000), kes(0)),
            ("Juma", 1, kes(6_000), kes(600))
        ]
    );

    let gone = save(
        "Zawadi",
        "0715 666 777",
        "ZAWADI",
        AppliesTo::Category(dukadesk_domain::CategoryId(uuid::Uuid::from_u128(9))).value(),
    )
    .await;
    assert!(
        matches!(gone, Err(StoreError::Invalid(ref f)) if f[0].field == "applies_to"),
        "{gone:?}"
    );
}

#[tokio::test]
async fn a_refund_takes_its_share_of_the_commission_and_a_whole_refund_all_of_it() {
    let s = shop().await;
    let amina = s
        .add("Amina", "0722 111 222", "amina10", RuleChoice::Percent, "5")
        .await;
    let (_, order, payment) = s.order("0712 000 001", &amina.greeting).await;
    s.pay(payment).await;
    assert_eq!(
        s.view("Amina").await.totals.pending,
        kes(300),
        "5% of KES 60"
    );

    let refund = |amount: &str| dukadesk_domain::refund::RefundInput {
        order_id: order,
        amount: amount.into(),
        method: "mpesa".into(),
        receipt: String::new(),
        reason: "1 sukuma returned".into(),
    };
    // Half of the order goes back: half of the commission goes with it.
    s.store
        .refund_order(&refund("30"), "Owner")
        .await
        .expect("half back");
    let v = s.view("Amina").await;
    assert_eq!(
        (v.totals.orders, v.totals.sales, v.totals.pending),
        (1, kes(3_000), kes(150))
    );
    let report = s
        .store
        .sales_report(
            dukadesk_domain::report::ReportPeriod::Today,
            crate::clock::Clock::now(&s.clock),
        )
        .await
        .expect("report");
    assert_eq!(report.by_reseller.len(), 1);
    assert_eq!(
        (
            report.by_reseller[0].sales.amount,
            report.by_reseller[0].commission
        ),
        (kes(3_000), kes(150))
    );

    // The rest: nothing is earned, now or after the hold.
    s.store
        .refund_order(&refund("30"), "Owner")
        .await
        .expect("all back");
    s.clock.advance(Duration::days(8));
    let v = s.view("Amina").await;
    assert_eq!(
        (v.totals.sales, v.totals.pending, v.totals.payable),
        (kes(0), kes(0), kes(0))
    );
}

async fn audit_lines(s: &Shop, action: &str) -> Vec<(Option<String>, String)> {
    sqlx::query_as("SELECT subject, detail FROM audit_log WHERE action = ? ORDER BY rowid")
        .bind(action)
        .fetch_all(crate::store::testing::pool(&s.store))
        .await
        .expect("audit")
}

#[tokio::test]
async fn an_erased_reseller_keeps_the_shops_accounts_and_nothing_that_names_them() {
    let s = shop().await;
    let amina = s
        .add("Amina", "0722 111 222", "AMINA10", RuleChoice::Percent, "5")
        .await;
    let (_, _, payment) = s.order("0712 000 001", &amina.greeting).await;
    s.pay(payment).await;
    let before = s.view("Amina").await.totals;
    let outbox = s.store.outbox_len().await.expect("outbox");

    let list = s
        .store
        .erase_reseller(
            amina.reseller.id,
            &crate::privacy::audit::Actor::Owner,
            None,
        )
        .await
        .expect("erased");
    let gone = &list
        .iter()
        .find(|v| v.reseller.id == amina.reseller.id)
        .expect("still listed")
        .reseller;
    assert!(gone.erased && !gone.active);
    assert_eq!(
        (gone.name.as_str(), gone.phone.as_ref()),
        ("Erased reseller", None)
    );
    assert!(!gone.code.contains("AMINA"));
    // The shop's accounts stand: the credit, the commission it earned.
    let v = list
        .iter()
        .find(|v| v.reseller.id == gone.id)
        .expect("view");
    assert_eq!(v.totals, before);
    // It travels (one reseller row), with an audit line by id only.
    assert_eq!(s.store.outbox_len().await.expect("outbox"), outbox + 1);
    let lines = audit_lines(&s, "reseller.erase").await;
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0].0.as_deref(),
        Some(amina.reseller.id.to_string().as_str())
    );
    assert!(
        !lines[0].1.contains("Amina") && !lines[0].1.contains("722"),
        "{:?}",
        lines[0]
    );
    // Nothing in the file names her any more.
    let named: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM resellers WHERE name LIKE '%Amina%' OR phone != '' OR code = 'AMINA10'",
    )
    .fetch_one(crate::store::testing::pool(&s.store))
    .await
    .expect("count");
    assert_eq!(named, 0);

    // Her old link credits no one; her number gets no figures; she cannot
    // be edited back (added anew, she is someone new).
    let (_, order, payment) = s.order("0712 000 002", &amina.greeting).await;
    s.pay(payment).await;
    let credited: Option<String> =
        sqlx::query_scalar("SELECT id FROM reseller_credits WHERE id = ?")
            .bind(order.to_string())
            .fetch_optional(crate::store::testing::pool(&s.store))
            .await
            .expect("credit");
    assert_eq!(credited, None);
    let (chat, _) = say(&s.store, "0722 111 222", "my sales").await;
    assert!(!s.bot_said(chat).await.join("\n").contains("your sales"));
    let again = s
        .store
        .save_reseller(
            &ResellerInput {
                id: Some(amina.reseller.id),
                name: "Amina".into(),
                phone: "0722 111 222".into(),
                code: "AMINA10".into(),
                rate: "5".into(),
                active: true,
                ..Default::default()
            },
            None,
        )
        .await;
    assert!(
        matches!(again, Err(StoreError::Refusal(Problem::ResellerErased))),
        "{again:?}"
    );
    // Erasing twice changes nothing.
    s.store
        .erase_reseller(
            amina.reseller.id,
            &crate::privacy::audit::Actor::Owner,
            None,
        )
        .await
        .expect("again");
    assert_eq!(audit_lines(&s, "reseller.erase").await.len(), 1);
}

#[tokio::test]
async fn delete_me_from_a_resellers_number_erases_the_reseller_too() {
    let s = shop().await;
    let juma = s
        .add("Juma", "0713 222 333", "JUMA5", RuleChoice::Percent, "10")
        .await;
    let other = s
        .add(
            "Wanjiru",
            "0714 555 666",
            "WANJ1",
            RuleChoice::Percent,
            "10",
        )
        .await;
    // Juma shops at the shop too, from the same number.
    let (_, order, payment) = s.order("0713 222 333", "hi").await;
    s.pay(payment).await;
    let customer = s
        .store
        .order_detail(order)
        .await
        .expect("order")
        .order
        .customer_id
        .expect("a customer");
    s.store
        .erase_customer(
            customer,
            &crate::privacy::audit::Actor::Customer,
            crate::privacy::erase::ErasureSource::Chat,
        )
        .await
        .expect("erased");
    let list = s.store.resellers(None).await.expect("list");
    let find = |id| {
        list.iter()
            .find(|v| v.reseller.id == id)
            .expect("listed")
            .reseller
            .clone()
    };
    assert!(find(juma.reseller.id).erased, "the same person");
    assert!(!find(other.reseller.id).erased, "someone else stays");
    assert_eq!(audit_lines(&s, "reseller.erase").await.len(), 1);
}

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Commissions over random histories of payments, cancellations, partial
/// and whole refunds, payouts and days passing: each credit is what its
/// reseller's rule gives its order; a reseller's figures are their paid,
/// uncancelled orders less what went back, the commission the share each
/// order kept (nothing for a cancelled or wholly refunded one: reversals net
/// to zero), and pending + payable + paid out always adds up to it.
#[tokio::test]
async fn commissions_follow_payments_cancellations_refunds_and_payouts_over_random_histories() {
    const ORDERS: usize = 30;
    const EVENTS: usize = 10_000;
    let s = shop().await;
    let amina = s
        .add("Amina", "0722 111 222", "AMINA10", RuleChoice::Percent, "5")
        .await;
    let juma = s
        .add("Juma", "0713 222 333", "JUMA5", RuleChoice::PerUnit, "2")
        .await;
    struct Model {
        order: OrderId,
        payment: PaymentId,
        reseller: usize,
        paid: bool,
        cancelled: bool,
        refunded: i64,
    }
    // KES 60 for 2 units: Amina's 5% is KES 3, Juma's KES 2 a unit KES 4.
    const TOTAL: i64 = 6_000;
    let rule = [300, 400];
    let resellers = [&amina, &juma];
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let mut orders = Vec::new();
    for n in 0..ORDERS {
        let r = n % 2;
        let (_, order, payment) = s
            .order(
                &format!("0712 3{:02} {:03}", n / 1000, n % 1000),
                &resellers[r].greeting,
            )
            .await;
        orders.push(Model {
            order,
            payment,
            reseller: r,
            paid: false,
            cancelled: false,
            refunded: 0,
        });
    }
    let mut paid_out = [0i64; 2];
    for _ in 0..EVENTS {
        let m = &mut orders[rng.below(ORDERS as u64) as usize];
        match rng.below(10) {
            0..=2 if !m.paid && !m.cancelled => {
                s.pay(m.payment).await;
                m.paid = true;
            }
            3 => {
                let done = s
                    .store
                    .apply_order_event(
                        m.order,
                        dukadesk_domain::order::OrderEvent::Cancel,
                        "Wanjiru",
                    )
                    .await
                    .is_ok();
                m.cancelled |= done;
            }
            4..=5 => {
                let amount = 100 * (1 + rng.below(30) as i64);
                let left = if m.paid { TOTAL - m.refunded } else { 0 };
                let given = s
                    .store
                    .refund_order(
                        &dukadesk_domain::refund::RefundInput {
                            order_id: m.order,
                            amount: (amount / 100).to_string(),
                            method: "mpesa".into(),
                            receipt: String::new(),
                            reason: "returned".into(),
                        },
                        "Owner",
                    )
                    .await;
                assert_eq!(
                    given.is_ok(),
                    amount <= left,
                    "{amount} of {left}: {given:?}"
                );
                if given.is_ok() {
                    m.refunded += amount;
                }
            }
            6 => s.clock.advance(Duration::days(1 + rng.below(3) as i64)),
            7 => {
                let r = rng.below(2) as usize;
                let payable = s.view(&resellers[r].reseller.name).await.totals.payable;
                if payable.minor >= 100 {
                    let amount = 100 * (1 + rng.below((payable.minor / 100) as u64) as i64);
                    s.store
                        .record_payout(
                            &PayoutInput {
                                reseller_id: Some(resellers[r].reseller.id),
                                amount: (amount / 100).to_string(),
                                method: "cash".into(),
                                receipt: String::new(),
                            },
                            "Owner",
                            None,
                        )
                        .await
                        .expect("payout within what is payable");
                    paid_out[r] += amount;
                }
            }
            _ => {}
        }
    }

    let pool = crate::store::testing::pool(&s.store);
    let mut reversed = 0;
    for (r, reseller) in resellers.iter().enumerate() {
        let mine: Vec<&Model> = orders.iter().filter(|m| m.reseller == r).collect();
        // Each credit is its rule on its order.
        for m in &mine {
            let commission: i64 =
                sqlx::query_scalar("SELECT commission_minor FROM reseller_credits WHERE id = ?")
                    .bind(m.order.to_string())
                    .fetch_one(pool)
                    .await
                    .expect("credited");
            assert_eq!(commission, rule[r]);
        }
        let counted: Vec<&&Model> = mine.iter().filter(|m| m.paid && !m.cancelled).collect();
        reversed +=
            mine.len() - counted.len() + counted.iter().filter(|m| m.refunded == TOTAL).count();
        let earned: i64 = counted
            .iter()
            .map(|m| rule[r] * (TOTAL - m.refunded) / TOTAL)
            .sum();
        let t = s.view(&reseller.reseller.name).await.totals;
        assert_eq!(t.orders, counted.len() as i64, "{}", reseller.reseller.name);
        assert_eq!(
            t.sales.minor,
            counted.iter().map(|m| TOTAL - m.refunded).sum::<i64>()
        );
        assert_eq!(t.paid.minor, paid_out[r]);
        assert_eq!(
            t.pending.minor + t.payable.minor + t.paid.minor,
            earned,
            "pending + payable + paid out is what was earned"
        );
    }
    assert!(reversed > 0, "some commissions were taken back");
    assert!(paid_out.iter().any(|p| *p > 0), "some were paid out");
    assert!(
        orders.iter().any(|m| m.refunded > 0 && m.refunded < TOTAL),
        "and some refunds were partial"
    );
}
