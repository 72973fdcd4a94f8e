//! Whole conversations as golden transcripts (`> ` customer, `< ` bot,
//! `[...]` actions). A change to any wording or flow shows up as a diff.

use super::*;

fn run(phone: Option<&'static str>, script: &[&str], pay: Option<PaymentOutcome>) -> String {
    run_paying(BotPay::Prompt, phone, script, pay)
}

fn run_paying(
    how: BotPay,
    phone: Option<&'static str>,
    script: &[&str],
    pay: Option<PaymentOutcome>,
) -> String {
    let mut chat = Chat::new(phone);
    chat.fx.pay = how;
    play(chat, script, pay)
}

/// Plays `script` in `chat`: customer lines, and `<paid>`, `<failed>`,
/// `<by hand>`, `<taken>`, `<status …>` for what core and staff do.
fn play(mut chat: Chat, script: &[&str], pay: Option<PaymentOutcome>) -> String {
    for line in script {
        if *line == "<taken>" {
            chat.transcript
                .push_str("  (core: order taken, paid on delivery)\n");
            chat.taken();
        } else if *line == "<by hand>" {
            chat.transcript
                .push_str("  (core: payment by hand opened)\n");
            chat.by_hand();
        } else if *line == "<paid>" {
            chat.pay(pay.clone().unwrap_or(PaymentOutcome::Paid {
                receipt: Some("QFT4ABC12X".into()),
            }));
        } else if *line == "<failed>" {
            chat.pay(PaymentOutcome::Failed {
                reason: PaymentFailure::Cancelled,
            });
        } else if let Some(status) = line
            .strip_prefix("<status ")
            .and_then(|s| s.strip_suffix('>'))
        {
            let status = OrderStatus::parse(status).expect("status");
            let order = chat.orders.last().expect("order");
            let (order, fulfilment) = (order.id, kind_of(&order.fulfilment));
            chat.transcript
                .push_str(&format!("  (staff: {})\n", status.label_for(fulfilment)));
            chat.feed(Inbound::OrderStatus {
                order_id: order,
                number: 1042,
                status,
                fulfilment,
            });
        } else {
            chat.say(line);
        }
    }
    chat.transcript
}

#[test]
fn english_delivery_order_paid_and_delivered() {
    insta::assert_snapshot!(run(
        Some("0712345678"),
        &[
            "Hi",
            "1",
            "1",
            "1",
            "2",
            "1",
            "2",
            "Moi Avenue, Bazaar building 3rd floor",
            "1",
            "1",
            "<paid>",
            "<status preparing>",
            "<status out_for_delivery>",
            "track",
            "<status delivered>"
        ],
        None,
    ));
}

#[test]
fn swahili_pickup_order_with_a_typo_and_a_failed_payment() {
    insta::assert_snapshot!(run(
        Some("0712345678"),
        &[
            "Habari",
            "2 sukma",
            "2",
            "nyanya",
            "tomatos 2",
            "3",
            "ondoa sukuma",
            "1",
            "1",
            "1",
            "1",
            "<failed>",
            "2",
            "0733 000 111",
            "0722 000 111",
            "<paid>"
        ],
        None,
    ));
}

#[test]
fn french_delivery_order_in_a_moroccan_shop_paid() {
    // "Bonjour" sets French; prices in dirhams, written the Moroccan way.
    insta::assert_snapshot!(play(
        Chat::new(Some("0712345678")).in_morocco(),
        &[
            "Bonjour",
            "1",
            "1",
            "2",
            "10",
            "1",
            "2",
            "Rue Moulay Youssef, immeuble 12, 3e étage",
            "1",
            "1",
            "<paid>",
            "<status preparing>",
            "<status delivered>"
        ],
        None,
    ));
}

#[test]
fn arabic_pickup_order_in_a_moroccan_shop_paid() {
    // "السلام عليكم" sets Arabic; the order is picked up at the shop: the
    // customer hears it is ready for pickup, then that it was collected.
    insta::assert_snapshot!(play(
        Chat::new(Some("0712345678")).in_morocco(),
        &[
            "السلام عليكم",
            "1",
            "1",
            "1",
            "3",
            "3",
            "1",
            "1",
            "1",
            "1",
            "<paid>",
            "track",
            "شكرا",
            "<status preparing>",
            "<status out_for_delivery>",
            "<status delivered>"
        ],
        None,
    ));
}

/// A Moroccan shop paid in cash on delivery: no M-Pesa anywhere; the
/// order is confirmed with what to have ready, "where is my order" says it
/// is confirmed, and the customer hears each move staff make.
#[test]
fn french_order_paid_in_cash_on_delivery_in_a_moroccan_shop() {
    let mut chat = Chat::new(Some("0712345678")).in_morocco();
    chat.fx.pay = BotPay::OnDelivery;
    let transcript = play(
        chat,
        &[
            "Bonjour",
            "2 sukuma",
            "1",
            "2",
            "Rue Atlas 12, Maarif",
            "1",
            "<taken>",
            "où est ma commande",
            "je n'ai pas reçu de demande",
            "<status preparing>",
            "<status out_for_delivery>",
            "<status delivered>",
        ],
        None,
    );
    assert!(!transcript.contains("M-Pesa PIN"), "{transcript}");
    assert!(!transcript.contains("M-Pesa prompt"), "{transcript}");
    insta::assert_snapshot!(transcript);
}

/// Paid on collection, with a chat that hides its number: the bot asks
/// only for a number to call (any network), takes the order, and the
/// customer can still call it off before staff start on it.
#[test]
fn arabic_pickup_paid_on_collection_asks_a_number_to_call_and_can_be_cancelled() {
    let mut chat = Chat::new(None).in_morocco();
    chat.fx.pay = BotPay::OnDelivery;
    let transcript = play(
        chat,
        &[
            "السلام عليكم",
            "2 sukuma",
            "1",
            "1",
            "0661 234 567",
            "1",
            "<taken>",
            "track",
            "cancel",
        ],
        None,
    );
    insta::assert_snapshot!(transcript);
}

#[test]
fn airtime_shop_bundle_for_another_number() {
    insta::assert_snapshot!(run(
        Some("0712345678"),
        &[
            "hello",
            "1",
            "2",
            "1",
            "2",
            "0733 111 222",
            "1",
            "1",
            "1",
            "<paid>"
        ],
        None,
    ));
}

#[test]
fn help_agent_and_delete_me() {
    insta::assert_snapshot!(run(
        Some("0712345678"),
        &[
            "help",
            "what is this?",
            "agent",
            "hello??",
            "bot",
            "DELETE ME",
            "yes"
        ],
        None,
    ));
}

#[test]
fn paying_by_hand_to_a_till_then_staff_confirm_the_code() {
    insta::assert_snapshot!(run_paying(
        BotPay::ByHand(Some(PayTo::Till("5123456".into()))),
        Some("0712345678"),
        &[
            "2 sukuma",
            "1",
            "1",
            "1",
            "<by hand>",
            "1",
            "QGH4ABC12X Confirmed. Ksh60.00 paid to MAMA MBOGA.",
            "<paid>",
        ],
        Some(PaymentOutcome::Paid {
            receipt: Some("QGH4ABC12X".into()),
        }),
    ));
}

#[test]
fn swahili_paybill_by_hand_and_a_shop_with_no_number_asks_staff() {
    insta::assert_snapshot!(run_paying(
        BotPay::ByHand(Some(PayTo::Paybill("400200".into()))),
        Some("0712345678"),
        &[
            "habari",
            "2 sukuma",
            "1",
            "1",
            "1",
            "<by hand>",
            "nimelipa",
            "slk7y3h2qw"
        ],
        None,
    ));
    let mut chat = Chat::new(Some("0712345678"));
    chat.fx.pay = BotPay::ByHand(None);
    for line in ["2 sukuma", "1", "1", "1"] {
        chat.say(line);
    }
    let actions = chat.by_hand();
    assert!(actions.contains(&Action::NotifyStaff(StaffAlert::NoWayToPay)));
    assert!(Chat::replies(&actions)[0].contains("how to pay"));
}

#[test]
fn a_code_is_only_a_claim_while_paying_by_hand() {
    // With prompts, a code-shaped text while waiting is not a claim.
    let mut chat = Chat::new(Some("0712345678"));
    for line in ["2 sukuma", "1", "1", "1", "1"] {
        chat.say(line);
    }
    let actions = chat.say("QGH4ABC12X");
    assert!(!actions
        .iter()
        .any(|a| matches!(a, Action::ClaimPayment { .. })));
}

/// The order's fulfilment as the store tells it to the bot.
fn kind_of(choice: &FulfilmentChoice) -> FulfilmentKind {
    match choice {
        FulfilmentChoice::Pickup => FulfilmentKind::Pickup,
        FulfilmentChoice::Delivery { .. } => FulfilmentKind::Delivery,
    }
}
