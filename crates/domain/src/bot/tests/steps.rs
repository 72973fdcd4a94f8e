//! Single steps: for each stage, what each kind of input does, including
//! every error path.

use super::*;

/// (messages before, input, stage name after, a reply must contain this)
const TABLE: &[(&[&str], &str, &str, &str)] = &[
    // Greetings and the menu.
    (&[], "hi", "menu", "Welcome to *Mama Mboga*"),
    (&[], "Habari", "menu", "Karibu *Mama Mboga*"),
    (&[], "🙂🙂", "menu", "Welcome"),
    (&[], "1", "pick", "Vegetables"),
    (&["hi"], "1", "pick", "Data bundles"),
    (&["hi"], "2", "menu", "Your cart is empty"),
    (&["hi"], "3", "menu", "no orders yet"),
    (&["hi"], "7", "menu", "from 1 to 4"),
    (&["hi"], "help", "menu", "Commands:"),
    (&["hi"], "menu", "menu", "Reply with a number"),
    (
        &["hi"],
        "xyzzy qwerty",
        "menu",
        "couldn't find \"xyzzy qwerty\"",
    ),
    // Browsing.
    (&["hi", "1"], "1", "pick", "Sukuma wiki bunch — KES 30"),
    (&["hi", "1"], "3", "pick", "Unga 2kg"),
    (&["hi", "1"], "9", "pick", "from 1 to 3"),
    (&["hi", "1", "1"], "4", "menu", "sold out"),
    (&["hi", "1", "1"], "1", "quantity", "How many?"),
    (
        &["hi", "1", "1", "1"],
        "2",
        "cart",
        "Added 2 × Sukuma wiki bunch",
    ),
    (&["hi", "1", "1", "1"], "0", "menu", "Reply with a number"),
    (&["hi", "1", "1", "1"], "1000", "quantity", "from 1 to 999"),
    (
        &["hi", "1", "1", "2"],
        "25",
        "quantity",
        "only 20 of *Tomatoes 1kg* left",
    ),
    // Typing item names, with typos and quantities.
    (&["hi"], "2 sukma", "cart", "Added 2 × Sukuma wiki bunch"),
    (&["hi"], "tomatos x3", "cart", "Added 3 × Tomatoes 1kg"),
    (&["hi"], "onions", "quantity", "*Onions 1kg*, KES 100 each"),
    (&["hi"], "1kg", "pick", "Did you mean"),
    (&["hi"], "old stock", "menu", "couldn't find"),
    (&["hi"], "unga 5", "quantity", "only 3 of *Unga 2kg* left"),
    // The cart.
    (&["2 sukuma"], "3", "cart", "Your cart:"),
    (&["2 sukuma", "3"], "3", "menu", "cart is now empty"),
    (
        &["2 sukuma"],
        "remove sukuma",
        "menu",
        "Removed Sukuma wiki bunch",
    ),
    (
        &["2 sukuma", "1 onions"],
        "ondoa onions",
        "cart",
        "Removed Onions 1kg",
    ),
    (&["2 sukuma"], "cart", "cart", "Subtotal: *KES 60*"),
    // Checkout: fulfilment, address, phone.
    (&["2 sukuma"], "1", "fulfilment", "2. CBD — KES 100"),
    (&["2 sukuma", "1"], "5", "fulfilment", "from 1 to 3"),
    (
        &["2 sukuma", "1"],
        "1",
        "pay_phone_choice",
        "1. This number (0712 345 678)",
    ),
    (&["2 sukuma", "1"], "2", "address", "Delivery to *CBD*"),
    (&["2 sukuma", "1", "2"], "x", "address", "bit more detail"),
    (
        &["2 sukuma", "1", "2"],
        "Moi Avenue, Bazaar building",
        "pay_phone_choice",
        "Which M-Pesa number",
    ),
    (&["2 sukuma", "1", "1"], "1", "confirm", "*Total: KES 60*"),
    (
        &["2 sukuma", "1", "2", "Moi Avenue"],
        "1",
        "confirm",
        "*Total: KES 160*",
    ),
    (
        &["2 sukuma", "1", "1"],
        "2",
        "pay_phone_entry",
        "Send the Safaricom number",
    ),
    (
        &["2 sukuma", "1", "1", "2"],
        "0733 000 111",
        "pay_phone_entry",
        "is an Airtel line",
    ),
    (
        &["2 sukuma", "1", "1", "2"],
        "12345",
        "pay_phone_entry",
        "has 5 digits; a mobile number has 10",
    ),
    (
        &["2 sukuma", "1", "1", "2"],
        "call me",
        "pay_phone_entry",
        "doesn't look like a mobile number",
    ),
    (
        &["2 sukuma", "1", "1", "2"],
        "0722 000 111",
        "confirm",
        "M-Pesa prompt to 0722 000 111",
    ),
    // Confirming.
    (
        &["2 sukuma", "1", "1", "1"],
        "1",
        "awaiting_payment",
        "Check your phone 0712 345 678",
    ),
    (&["2 sukuma", "1", "1", "1"], "2", "cart", "Your cart:"),
    (
        &["2 sukuma", "1", "1", "1"],
        "3",
        "idle",
        "Your order is cancelled",
    ),
    (
        &["2 sukuma", "1", "1", "1", "1"],
        "1",
        "awaiting_payment",
        "waiting for M-Pesa",
    ),
    (
        &["2 sukuma", "1", "1", "1", "1"],
        "hello?",
        "menu",
        "Welcome",
    ),
    (
        &["2 sukuma", "1", "1", "1", "1"],
        "cancel",
        "idle",
        "Your order is cancelled",
    ),
    (
        &["2 sukuma", "1", "1", "1", "1"],
        "track",
        "awaiting_payment",
        "waiting for M-Pesa",
    ),
    // Commands anywhere.
    (&["2 sukuma"], "cancel", "idle", "cancelled"),
    (&[], "cancel", "idle", "nothing to cancel"),
    (&["2 sukuma"], "sw", "menu", "Sawa, tutaongea Kiswahili"),
    (&["habari"], "en", "menu", "English it is"),
    (&["hi"], "stop", "menu", "won't get offers"),
    (&["hi"], "delete me", "confirm_delete", "Reply *YES*"),
    (&["hi", "delete me"], "no", "menu", "nothing was deleted"),
    (
        &["hi", "delete me"],
        "YES",
        "idle",
        "your details are being erased",
    ),
    // Digital items.
    (&["hi"], "1gb", "recipient_choice", "who is it for?"),
    (&["hi", "1gb"], "1", "cart", "Added 1 × Safaricom 1GB 24h"),
    (
        &["hi", "1gb"],
        "2",
        "recipient_entry",
        "Send the number that should receive it",
    ),
    (
        &["hi", "1gb", "2"],
        "0733 111 222",
        "cart",
        "Added 1 × Safaricom 1GB 24h",
    ),
    (
        &["hi", "1gb", "1"],
        "1",
        "pay_phone_choice",
        "Which M-Pesa number",
    ),
];

#[test]
fn every_step_in_the_table() {
    for (before, input, stage, reply) in TABLE {
        let mut chat = Chat::new(Some("0712345678"));
        for m in *before {
            chat.say(m);
        }
        let actions = chat.say(input);
        let replies = Chat::replies(&actions).join("\n");
        assert_eq!(
            chat.state.stage.name(),
            *stage,
            "after {before:?} + {input:?}: replies were\n{replies}"
        );
        assert!(
            replies.contains(reply),
            "after {before:?} + {input:?}: expected a reply containing {reply:?}, got\n{replies}"
        );
    }
}

#[test]
fn every_text_gets_a_reply_unless_staff_took_over() {
    for (before, input, _, _) in TABLE {
        let mut chat = Chat::new(Some("0712345678"));
        for m in *before {
            chat.say(m);
        }
        assert!(
            !Chat::replies(&chat.say(input)).is_empty(),
            "{before:?} + {input:?} got no reply"
        );
    }
}

#[test]
fn an_order_is_created_once_and_paid_once() {
    let mut chat = Chat::new(Some("0712345678"));
    for m in ["2 sukuma", "1", "1", "1", "1", "1", "1"] {
        chat.say(m);
    }
    assert_eq!(
        chat.orders.len(),
        1,
        "a repeated 1 must not create another order"
    );
    assert_eq!(chat.payments.len(), 1);
    let paid = chat.pay(PaymentOutcome::Paid {
        receipt: Some("QFT4ABC12X".into()),
    });
    assert!(Chat::replies(&paid)[0].contains("*#1042* is confirmed"));
    // The same success reported again (a late callback) says nothing more.
    let again = chat.pay(PaymentOutcome::Paid {
        receipt: Some("QFT4ABC12X".into()),
    });
    assert!(again.is_empty(), "{again:?}");
    // A stale failure after success is ignored too.
    assert!(chat
        .pay(PaymentOutcome::Failed {
            reason: PaymentFailure::Other
        })
        .is_empty());
    assert!(chat.state.cart.is_empty());
    assert_eq!(chat.state.stage, Stage::Idle);
}

#[test]
fn failed_payment_keeps_the_order_and_offers_retry() {
    let mut chat = Chat::new(Some("0712345678"));
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        chat.say(m);
    }
    let failed = chat.pay(PaymentOutcome::Failed {
        reason: PaymentFailure::Cancelled,
    });
    assert!(Chat::replies(&failed)[0].contains("1. Try again"));
    assert_eq!(chat.state.stage.name(), "payment_failed");
    // Told twice: one message.
    assert!(chat
        .pay(PaymentOutcome::Failed {
            reason: PaymentFailure::Cancelled
        })
        .is_empty());
    chat.say("1");
    assert_eq!(chat.payments.len(), 2);
    assert_eq!(chat.orders.len(), 1, "a retry pays the same order");
    // Another number for the next try.
    chat.pay(PaymentOutcome::Failed {
        reason: PaymentFailure::InsufficientFunds,
    });
    chat.say("2");
    chat.say("0722000111");
    assert_eq!(
        chat.payments.last().map(|p| p.1.as_str()),
        Some("254722000111")
    );
    assert_eq!(chat.orders.len(), 1);
    // Cancel from the failure menu cancels the order.
    chat.pay(PaymentOutcome::Failed {
        reason: PaymentFailure::WrongPin,
    });
    let cancel = chat.say("3");
    assert!(cancel
        .iter()
        .any(|a| matches!(a, Action::CancelOrder { .. })));
}

#[test]
fn unknown_outcome_alerts_staff_and_a_late_success_still_confirms() {
    let mut chat = Chat::new(Some("0712345678"));
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        chat.say(m);
    }
    let unknown = chat.pay(PaymentOutcome::Unknown);
    assert!(unknown.contains(&Action::NotifyStaff(StaffAlert::PaymentUnknown)));
    assert!(Chat::replies(&unknown)[0].contains("don't pay again"));
    let late = chat.pay(PaymentOutcome::Paid {
        receipt: Some("QFT4ABC12X".into()),
    });
    assert!(Chat::replies(&late)[0].contains("confirmed"));
}

#[test]
fn a_rejected_order_goes_back_to_the_cart() {
    let mut chat = Chat::new(Some("0712345678"));
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        chat.say(m);
    }
    let order = chat.orders[0].id;
    let out = chat.feed(Inbound::OrderRejected {
        order_id: order,
        reason: Rejection::OnlyLeft {
            item: "Sukuma wiki bunch".into(),
            left: 1,
        },
    });
    let replies = Chat::replies(&out).join("\n");
    assert!(
        replies.contains("Sorry, only 1 of Sukuma wiki bunch left."),
        "{replies}"
    );
    assert!(replies.contains("Your cart:"));
    assert_eq!(chat.state.pending_order, None);
}

#[test]
fn takeover_silences_the_bot_until_released_or_expired() {
    let mut chat = Chat::new(Some("0712345678"));
    chat.say("hi");
    let until = Utc.from_utc_datetime(&chat.local_now) + Duration::minutes(30);
    chat.feed(Inbound::Takeover { until });
    assert!(chat.say("2 sukuma").is_empty());
    assert!(chat.say("hello??").is_empty());
    chat.feed(Inbound::Release);
    assert!(!chat.say("hi").is_empty());
    // Expiry: the same takeover, but time has passed.
    chat.feed(Inbound::Takeover { until });
    chat.local_now += Duration::minutes(31);
    assert!(!chat.say("hi").is_empty());
}

#[test]
fn delete_me_stop_and_start_are_honoured_while_staff_hold_the_chat() {
    let mut chat = Chat::new(Some("0712345678"));
    chat.say("hi");
    let until = Utc.from_utc_datetime(&chat.local_now) + Duration::minutes(30);
    chat.feed(Inbound::Takeover { until });
    assert!(
        chat.say("do you have eggs?").is_empty(),
        "the bot stays quiet"
    );

    let out = chat.say("STOP");
    assert!(out.contains(&Action::SetOptOut(true)), "{out:?}");
    assert!(out.contains(&Action::NotifyStaff(StaffAlert::CustomerRights)));
    assert!(
        !Chat::replies(&out).is_empty(),
        "the customer hears it was done"
    );

    let out = chat.say("START");
    assert!(out.contains(&Action::SetOptOut(false)), "{out:?}");
    let replies = Chat::replies(&out).join("\n");
    assert!(
        !replies.contains("Reply with a number"),
        "no menu while staff answer: {replies}"
    );

    let out = chat.say("DELETE ME");
    assert!(
        Chat::replies(&out).join("\n").contains("Reply *YES*"),
        "{out:?}"
    );
    assert!(out.contains(&Action::NotifyStaff(StaffAlert::CustomerRights)));
    let out = chat.say("yes");
    assert!(out.contains(&Action::EraseCustomer), "{out:?}");

    // Declining keeps the chat with staff, quiet.
    let mut chat = Chat::new(Some("0712345678"));
    chat.say("hi");
    chat.feed(Inbound::Takeover { until });
    chat.say("delete me");
    let out = chat.say("no");
    assert!(!out.contains(&Action::EraseCustomer));
    assert!(
        Chat::replies(&out)
            .join("\n")
            .contains("nothing was deleted"),
        "{out:?}"
    );
    assert!(chat.say("2 sukuma").is_empty(), "still quiet");
}

#[test]
fn asking_for_a_person_alerts_staff_and_bot_brings_the_bot_back() {
    let mut chat = Chat::new(Some("0712345678"));
    let out = chat.say("agent");
    assert!(out.contains(&Action::NotifyStaff(StaffAlert::CustomerAskedForAgent)));
    assert!(chat.say("anyone there?").is_empty());
    assert!(Chat::replies(&chat.say("bot"))[0].contains("Reply with a number"));
}

#[test]
fn status_changes_are_pushed_once_each() {
    let mut chat = Chat::new(Some("0712345678"));
    let order = OrderId(id(5));
    let push = |chat: &mut Chat, status| {
        chat.feed(Inbound::OrderStatus {
            order_id: order,
            number: 1042,
            status,
            fulfilment: FulfilmentKind::Delivery,
        })
    };
    assert!(
        Chat::replies(&push(&mut chat, OrderStatus::Preparing))[0].contains("is being prepared")
    );
    assert!(push(&mut chat, OrderStatus::Preparing).is_empty());
    assert!(Chat::replies(&push(&mut chat, OrderStatus::OutForDelivery))[0].contains("on its way"));
    assert!(Chat::replies(&chat.say("track"))[0].contains("on its way"));
}

#[test]
fn a_pickup_order_is_ready_for_pickup_then_collected_never_delivered() {
    let mut chat = Chat::new(Some("0712345678"));
    let order = OrderId(id(6));
    let push = |chat: &mut Chat, status| {
        let said = chat.feed(Inbound::OrderStatus {
            order_id: order,
            number: 1043,
            status,
            fulfilment: FulfilmentKind::Pickup,
        });
        Chat::replies(&said).join("\n")
    };
    let ready = push(&mut chat, OrderStatus::OutForDelivery);
    assert!(ready.contains("#1043* is ready for pickup"), "{ready}");
    assert!(!ready.contains("on its way"), "{ready}");
    assert!(Chat::replies(&chat.say("track"))[0].contains("ready for pickup"));
    let collected = push(&mut chat, OrderStatus::Delivered);
    assert!(collected.contains("has been collected"), "{collected}");
    assert!(!collected.contains("delivered"), "{collected}");
    // In Kiswahili too.
    chat.say("sw");
    assert!(Chat::replies(&chat.say("track"))[0].contains("imechukuliwa"));
}

#[test]
fn a_swahili_greeting_selects_swahili_but_not_after_a_choice() {
    let mut chat = Chat::new(Some("0712345678"));
    let out = chat.say("Mambo vipi");
    assert!(out.contains(&Action::SetLanguage(Language::Sw)));
    assert_eq!(chat.state.lang, Language::Sw);
    chat.say("en");
    chat.say("habari");
    assert_eq!(
        chat.state.lang,
        Language::En,
        "the customer's choice is remembered"
    );
}

#[test]
fn closed_hours_say_when_the_shop_opens() {
    let mut chat = Chat::new(Some("0712345678"));
    chat.local_now = NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(21, 30, 0))
        .expect("date");
    let replies = Chat::replies(&chat.say("hi")).join("\n");
    assert!(replies.contains("open Tue 08:00"), "{replies}");
    assert!(replies.contains("You can still order"));
    assert_eq!(chat.state.stage.name(), "menu");

    let mut strict = Chat::new(Some("0712345678"));
    strict.fx.shop.orders_when_closed = false;
    strict.local_now = chat.local_now;
    let replies = Chat::replies(&strict.say("hi")).join("\n");
    assert!(replies.contains("Please come back then"), "{replies}");
    let replies = Chat::replies(&strict.say("2 sukuma")).join("\n");
    assert!(replies.contains("closed"), "{replies}");
    assert!(strict.state.cart.is_empty());
}

#[test]
fn a_hidden_number_is_asked_for() {
    let mut chat = Chat::new(None);
    for m in ["2 sukuma", "1", "1"] {
        chat.say(m);
    }
    assert_eq!(chat.state.stage.name(), "pay_phone_entry");
    chat.say("0712 345 678");
    assert_eq!(chat.state.stage.name(), "confirm");
}

#[test]
fn a_non_safaricom_chat_number_is_explained() {
    let mut chat = Chat::new(Some("0733000111"));
    for m in ["2 sukuma", "1"] {
        chat.say(m);
    }
    let replies = Chat::replies(&chat.say("1")).join("\n");
    assert!(
        replies.contains("0733 000 111 is an Airtel line, and M-Pesa payment requests only reach Safaricom lines"),
        "{replies}"
    );
}

#[test]
fn digital_orders_send_the_bundle_after_payment() {
    let mut chat = Chat::new(Some("0712345678"));
    for m in ["hi", "1gb", "2", "0733 111 222", "1", "1", "1"] {
        chat.say(m);
    }
    assert_eq!(chat.orders.len(), 1);
    assert_eq!(
        chat.orders[0].recipient.as_ref().map(Msisdn::as_str),
        Some("254733111222")
    );
    assert_eq!(
        chat.orders[0].fulfilment,
        FulfilmentChoice::Pickup,
        "no delivery question for a bundle"
    );
    let paid = chat.pay(PaymentOutcome::Paid {
        receipt: Some("QFT4ABC12X".into()),
    });
    let said = Chat::replies(&paid).join("\n");
    assert!(said.contains("being sent to 0733 111 222"), "{said}");
    // Core sends it and tells the outcome; the bot says it as it is.
    let order_id = chat.orders[0].id;
    for (delivered, words) in [(true, "has reached"), (false, "could not send")] {
        let told = chat.feed(Inbound::Digital {
            order_id,
            item: "Safaricom 1GB".into(),
            recipient: "0733 111 222".into(),
            delivered,
        });
        let said = Chat::replies(&told).join("\n");
        assert!(
            said.contains(words) && said.contains("0733 111 222"),
            "{said}"
        );
    }
    // Money given back is told with how it went back.
    for (method, words) in [
        (
            crate::refund::RefundMethod::Cash,
            "We gave you back *KES 50* in cash for order *#1001*.",
        ),
        (
            crate::refund::RefundMethod::Mpesa,
            "We sent *KES 50* back to you by M-Pesa for order *#1001*.",
        ),
    ] {
        let told = chat.feed(Inbound::Refunded {
            order_id,
            number: 1001,
            amount: crate::Money::from_major(50, crate::Currency::KES),
            method,
        });
        let said = Chat::replies(&told).join("\n");
        assert!(said.ends_with(words), "{said}");
    }
}

#[test]
fn paging_through_a_long_category() {
    let mut chat = Chat::new(Some("0712345678"));
    for n in 0..20u128 {
        chat.fx.items.push(item(
            300 + n,
            &format!("Spice {n:02}"),
            10,
            Some(10),
            ItemKind::Physical { stock: None },
        ));
    }
    chat.say("hi");
    chat.say("1");
    let first = Chat::replies(&chat.say("1")).join("\n");
    assert!(first.contains("9. More…"), "{first}");
    let second = Chat::replies(&chat.say("9")).join("\n");
    assert!(second.contains("1. "), "{second}");
    assert!(
        !second.contains("Sukuma"),
        "page two starts after page one: {second}"
    );
}

#[test]
fn a_prompt_that_did_not_come_is_looked_for_then_sent_again() {
    use super::super::matching::{classify, Said};
    for text in [
        "I didn't get the prompt",
        "no prompt came",
        "resend the prompt please",
        "sijapata prompt",
        "prompt haijafika bado",
        "tuma tena ombi la mpesa",
        "je n'ai pas reçu la demande",
        "ما وصلني الطلب",
    ] {
        assert_eq!(classify(text), Said::NoPrompt, "{text}");
    }
    // Not about the prompt: these keep their meaning.
    assert_eq!(classify("I paid but got nothing"), Said::PaidNothing);
    assert_ne!(classify("no sukuma"), Said::NoPrompt);
    assert_ne!(classify("send 2 unga"), Said::NoPrompt);

    let mut chat = Chat::new(Some("0712345678"));
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        chat.say(m);
    }
    assert_eq!(chat.payments.len(), 1);
    // While the prompt is out: look for it; no second live prompt.
    let waiting = chat.say("I didn't get the prompt");
    assert_eq!(chat.payments.len(), 1, "no second prompt while one is open");
    let told = Chat::replies(&waiting).join("\n");
    assert!(
        told.contains("0712 345 678") && told.contains("resend"),
        "{told}"
    );
    // It ran out: sent again, to the same number, for the same order.
    chat.pay(PaymentOutcome::Failed {
        reason: PaymentFailure::Unreachable,
    });
    chat.say("sijapata prompt, tuma tena");
    assert_eq!(chat.payments.len(), 2, "sent again");
    assert_eq!(chat.orders.len(), 1, "the same order");
    assert_eq!(
        chat.payments.last().map(|p| p.1.as_str()),
        Some("254712345678")
    );
    // Paid: nothing is waiting any more.
    chat.pay(PaymentOutcome::Paid {
        receipt: Some("QFT4ABC12X".into()),
    });
    let after = Chat::replies(&chat.say("resend the prompt")).join("\n");
    assert!(after.contains("no order waiting"), "{after}");
    assert_eq!(chat.payments.len(), 2);
}
