use super::*;
use dukadesk_domain::ipc::{
    ChatChannel, ConversationSummary, ConversationView, ErrorCode, IpcError, MessageAuthor,
    MessageStatus,
};
use dukadesk_domain::{ConversationId, MessageId};
use uuid::Uuid;
use TestChatAction as A;

fn view(phone: &str, bodies: &[&str]) -> TestChatView {
    let conversation = (!bodies.is_empty()).then(|| ConversationView {
        summary: ConversationSummary {
            id: ConversationId(Uuid::from_u128(1)),
            channel: ChatChannel::TestChat,
            title: "Test customer".into(),
            preview: String::new(),
            last_message_at: Default::default(),
            unread: 0,
            needs_attention: false,
            taken_over_until: None,
            taken_over_by: None,
            handed_back_by: None,
            order: None,
        },
        messages: bodies
            .iter()
            .enumerate()
            .map(|(i, body)| MessageView {
                id: MessageId(Uuid::from_u128(100 + i as u128)),
                author: if i % 2 == 0 {
                    MessageAuthor::Customer
                } else {
                    MessageAuthor::Bot
                },
                body: (*body).into(),
                at: Default::default(),
                status: MessageStatus::Sent,
                by: None,
                photo: None,
            })
            .collect(),
    });
    TestChatView {
        phone: phone.into(),
        conversation,
        payment: SimulatedPayment::Succeed,
        airtime_fails: false,
        on_delivery: false,
    }
}

fn loaded() -> TestChatState {
    let mut s = TestChatState::default();
    s.apply(A::Loaded(s.epoch, view("0700 000 001", &[])));
    s
}

#[test]
fn payment_values_round_trip() {
    for (value, payment) in PAYMENT_CHOICES {
        assert_eq!(payment_value(payment), value);
        assert_eq!(payment_from_value(value), Some(payment));
    }
    assert_eq!(payment_from_value("maybe"), None);
    assert_eq!(payment_value(SimulatedPayment::Fail), "fail");
    assert_eq!(payment_value(SimulatedPayment::Timeout), "timeout");
}

#[test]
fn the_phone_shows_the_shells_number_until_edited() {
    let mut s = TestChatState::default();
    assert_eq!(s.phone(), "");
    s.apply(A::Loaded(s.epoch, view("0700 000 001", &[])));
    assert_eq!(s.phone(), "0700 000 001");
    s.apply(A::Phone("0712 345 678".into()));
    s.apply(A::Loaded(s.epoch, view("0700 000 001", &[])));
    assert_eq!(s.phone(), "0712 345 678");
    s.apply(A::Phone(String::new()));
    assert_eq!(s.phone(), "");
}

#[test]
fn a_message_goes_with_the_phone_as_typed() {
    let mut s = loaded();
    s.apply(A::Phone(" 0712 345 678 ".into()));
    let req = s.message("  hi \n", Country::Kenya);
    assert_eq!(
        req,
        Some(Ok(TestChatSend {
            phone: "0712 345 678".into(),
            text: "hi".into(),
        }))
    );
}

#[test]
fn blank_messages_and_messages_while_busy_are_not_sent() {
    let mut s = loaded();
    assert_eq!(s.message("   ", Country::Kenya), None);
    s.apply(A::Started);
    assert_eq!(s.message("hi", Country::Kenya), None);
}

#[test]
fn a_bad_phone_is_refused_beside_its_field() {
    let mut s = loaded();
    s.apply(A::Phone("12".into()));
    let Some(Err(errors)) = s.message("hi", Country::Kenya) else {
        panic!("a two-digit phone must be refused");
    };
    assert!(errors.field("phone").is_some());
    s.apply(A::Refused(errors));
    assert!(s.errors.field("phone").is_some());
    assert_eq!(s.banner(), None);
    // Editing the phone takes the error away.
    s.apply(A::Phone("0712 345 678".into()));
    assert_eq!(s.errors.field("phone"), None);
}

#[test]
fn the_shells_phone_error_goes_beside_the_field_and_others_to_the_banner() {
    let mut s = loaded();
    s.apply(A::Started);
    let err = IpcError::invalid(vec![FieldError::new("phone", "Use a Safaricom number.")]);
    s.apply(A::Refused(FormErrors::from_ipc(err, &["phone"])));
    assert!(!s.busy);
    assert_eq!(s.errors.field("phone"), Some("Use a Safaricom number."));

    s.apply(A::Started);
    let err = IpcError::new(ErrorCode::NotSetUp, "Set up the shop first.");
    s.apply(A::Refused(FormErrors::from_ipc(err, &["phone"])));
    assert_eq!(s.banner(), Some("Set up the shop first."));
}

#[test]
fn a_sent_message_clears_the_box_unless_edited_meanwhile() {
    let mut s = loaded();
    s.apply(A::Input("hi".into()));
    s.apply(A::Started);
    s.apply(A::Sent {
        typed: Some("hi".into()),
        view: view("0700 000 001", &["hi", "Welcome"]),
    });
    assert_eq!(s.input, "");
    assert_eq!(s.messages().len(), 2);

    s.apply(A::Input("2".into()));
    s.apply(A::Started);
    s.apply(A::Input("2 sukuma".into()));
    s.apply(A::Sent {
        typed: Some("2".into()),
        view: view("0700 000 001", &["hi", "Welcome", "2"]),
    });
    assert_eq!(s.input, "2 sukuma");
}

#[test]
fn a_quick_reply_leaves_the_box_alone() {
    let mut s = loaded();
    s.apply(A::Input("menu".into()));
    s.apply(A::Started);
    s.apply(A::Sent {
        typed: None,
        view: view("0700 000 001", &["menu"]),
    });
    assert_eq!(s.input, "menu");
}

#[test]
fn a_poll_asked_for_before_a_message_was_answered_is_dropped() {
    let mut s = loaded();
    let before = s.epoch;
    s.apply(A::Started);
    s.apply(A::Loaded(before, view("0700 000 001", &[])));
    s.apply(A::Sent {
        typed: None,
        view: view("0700 000 001", &["hi", "Welcome"]),
    });
    s.apply(A::Loaded(before, view("0700 000 001", &[])));
    assert_eq!(s.messages().len(), 2);
    // Later polls bring the bot's late replies (a payment outcome).
    s.apply(A::Loaded(
        s.epoch,
        view("0700 000 001", &["hi", "Welcome", "x", "Paid!"]),
    ));
    assert_eq!(s.messages().len(), 4);
}

#[test]
fn a_reset_empties_the_chat() {
    let mut s = loaded();
    s.apply(A::Started);
    s.apply(A::Sent {
        typed: None,
        view: view("0700 000 001", &["hi", "Welcome"]),
    });
    s.apply(A::Started);
    s.apply(A::Changed(view("0700 000 001", &[])));
    assert!(s.messages().is_empty());
    assert!(!s.busy);
}

#[test]
fn airtime_values_round_trip() {
    for (value, fails) in AIRTIME_CHOICES {
        assert_eq!(airtime_value(fails), value);
        assert_eq!(airtime_from_value(value), Some(fails));
    }
    assert_eq!(airtime_from_value("maybe"), None);
}

#[test]
fn the_airtime_choice_shows_what_the_shell_says() {
    let mut s = TestChatState::default();
    assert!(!s.airtime_fails(), "delivered until loaded");
    s.apply(A::Loaded(s.epoch, view("0700 000 001", &[])));
    assert!(!s.airtime_fails());
    s.apply(A::Started);
    let mut failing = view("0700 000 001", &[]);
    failing.airtime_fails = true;
    s.apply(A::Changed(failing));
    assert!(s.airtime_fails());
    assert!(!s.busy);
}
