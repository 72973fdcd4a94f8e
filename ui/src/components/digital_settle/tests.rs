use super::*;
use dukadesk_domain::ipc::{ErrorCode, FieldError};
use dukadesk_domain::{Currency, Money, OrderId};

fn sid(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn send(n: u128, state: DigitalState) -> DigitalSendView {
    DigitalSendView {
        id: sid(n),
        order_id: OrderId(Uuid::from_u128(100 + n)),
        order_number: 1040 + n as i64,
        item: "Safaricom airtime".into(),
        recipient: "0712 345 678".into(),
        value: Money::from_major(100, Currency::KES),
        state,
        problem: String::new(),
        request_id: None,
        created_at: Default::default(),
        simulated: false,
    }
}

fn with(sends: &[(u128, DigitalState)]) -> DigitalSettleState {
    let mut s = DigitalSettleState::default();
    s.loaded(sends.iter().map(|(n, state)| send(*n, *state)).collect());
    s
}

#[test]
fn the_strip_counts_and_hides_when_nothing_waits() {
    assert_eq!(strip_text(0), None);
    assert_eq!(
        strip_text(1).as_deref(),
        Some("1 airtime or bundle needs you")
    );
    assert_eq!(
        strip_text(3).as_deref(),
        Some("3 airtime or bundles need you")
    );
}

#[test]
fn each_state_gets_only_the_verdicts_the_shell_takes() {
    assert_eq!(
        verdicts(DigitalState::Failed),
        Verdicts {
            again: true,
            by_hand: true,
            refund: true
        }
    );
    assert_eq!(
        verdicts(DigitalState::Queued),
        Verdicts {
            again: false,
            by_hand: true,
            refund: false
        }
    );
    // Africa's Talking may still deliver these: nothing to press.
    for state in [DigitalState::Sending, DigitalState::Sent] {
        assert_eq!(verdicts(state), Verdicts::default(), "{state:?}");
    }
}

#[test]
fn refunded_needs_a_note_saying_how_the_money_went_back() {
    let blank = settle_request(sid(1), VerdictKind::Refunded, "   ").unwrap_err();
    assert!(blank.contains("M-Pesa code"), "{blank}");
    let req = settle_request(sid(1), VerdictKind::Refunded, " QFT4ABC12X ").unwrap();
    assert_eq!(
        req,
        SettleDigital {
            id: sid(1),
            verdict: DigitalVerdict::Refunded {
                note: "QFT4ABC12X".into()
            }
        }
    );
    // The other verdicts need no note, and never send one.
    assert_eq!(
        settle_request(sid(1), VerdictKind::SendAgain, "")
            .unwrap()
            .verdict,
        DigitalVerdict::SendAgain
    );
    assert_eq!(
        settle_request(sid(1), VerdictKind::SentByHand, "cash")
            .unwrap()
            .verdict,
        DigitalVerdict::SentByHand
    );
}

#[test]
fn a_missing_note_stays_beside_its_row_until_typed() {
    let mut s = with(&[(1, DigitalState::Failed), (2, DigitalState::Failed)]);
    let message = s.request(sid(1), VerdictKind::Refunded).unwrap_err();
    s.invalid(sid(1), message);
    assert!(s.note_errors.contains_key(&sid(1)));
    assert!(!s.note_errors.contains_key(&sid(2)));
    s.set_note(sid(1), "cash".into());
    assert!(s.note_errors.is_empty());
    assert_eq!(
        s.request(sid(1), VerdictKind::Refunded).unwrap().verdict,
        DigitalVerdict::Refunded {
            note: "cash".into()
        }
    );
    assert_eq!(s.note(sid(2)), "", "each row has its own note");
}

#[test]
fn a_refusal_shows_on_its_row_a_note_error_under_the_note() {
    let mut s = with(&[(1, DigitalState::Sending), (2, DigitalState::Failed)]);
    s.started(sid(1));
    assert_eq!(s.busy, Some(sid(1)));
    s.failed(
        sid(1),
        IpcError::new(
            ErrorCode::Conflict,
            "Africa's Talking may still deliver this one.",
        ),
    );
    assert_eq!(s.busy, None);
    assert_eq!(
        s.errors.get(&sid(1)).map(String::as_str),
        Some("Africa's Talking may still deliver this one.")
    );
    assert!(!s.errors.contains_key(&sid(2)));

    s.started(sid(2));
    s.failed(
        sid(2),
        IpcError::invalid(vec![FieldError::new("note", "At most 200 characters.")]),
    );
    assert_eq!(
        s.note_errors.get(&sid(2)).map(String::as_str),
        Some("At most 200 characters.")
    );
    assert!(!s.errors.contains_key(&sid(2)), "not twice");

    // Trying again clears the row's old error.
    s.started(sid(1));
    assert!(!s.errors.contains_key(&sid(1)));
}

#[test]
fn what_is_left_drops_settled_rows_and_their_input() {
    let mut s = with(&[(1, DigitalState::Failed), (2, DigitalState::Queued)]);
    s.set_note(sid(1), "QFT4ABC12X".into());
    s.started(sid(1));
    s.settled(vec![send(2, DigitalState::Queued)]);
    assert_eq!(s.busy, None);
    assert_eq!(s.list, vec![send(2, DigitalState::Queued)]);
    assert!(s.notes.is_empty());
}

#[test]
fn the_panel_opens_only_when_something_waits() {
    let mut s = DigitalSettleState::default();
    s.open();
    assert!(!s.open);
    s.loaded(vec![send(1, DigitalState::Failed)]);
    s.open();
    assert!(s.open);
    s.close();
    assert!(!s.open);
}

#[test]
fn the_toast_names_the_order_and_the_verdict() {
    assert_eq!(
        settled_text(1042, VerdictKind::SendAgain),
        "#1042 is being sent again."
    );
    assert_eq!(
        settled_text(1042, VerdictKind::SentByHand),
        "#1042 marked sent by hand."
    );
    assert_eq!(
        settled_text(1042, VerdictKind::Refunded),
        "#1042 marked refunded."
    );
}

#[test]
fn every_state_has_a_label() {
    for state in [
        DigitalState::Unpaid,
        DigitalState::Queued,
        DigitalState::Sending,
        DigitalState::Sent,
        DigitalState::Delivered,
        DigitalState::Failed,
        DigitalState::Refunded,
        DigitalState::Cancelled,
    ] {
        let label = state_label(state);
        assert!(!label.starts_with("digital-"), "{state:?}: {label}");
    }
    assert_eq!(state_label(DigitalState::Failed), "Failed: refund due");
}
