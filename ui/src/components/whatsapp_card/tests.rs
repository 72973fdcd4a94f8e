use super::*;
use chrono::TimeZone;

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000 + secs, 0).unwrap()
}

fn status(state: WhatsAppLinkState) -> WhatsAppStatus {
    WhatsAppStatus {
        state,
        phone: None,
        business_name: String::new(),
        last_message_at: None,
        warnings: vec![],
        pairing: dukadesk_domain::ipc::PairingView::Idle,
        pdf_receipts: false,
    }
}

#[test]
fn reconnecting_says_when_the_next_try_is() {
    let s = status(WhatsAppLinkState::Reconnecting {
        next_try_at: at(12),
        attempt: 3,
    });
    let (class, label, text) = describe(&s, at(0), |t| t.to_rfc3339());
    assert_eq!((class, label.as_str()), ("warn", "Reconnecting"));
    assert!(text.contains("in 12s") && text.contains("try 3"), "{text}");
    assert!(describe(&s, at(20), |t| t.to_rfc3339())
        .2
        .contains("Next try now"));
}

#[test]
fn the_states_staff_must_act_on_say_what_to_do() {
    let (_, _, logged_out) = describe(&status(WhatsAppLinkState::LoggedOut), at(0), |t| {
        t.to_rfc3339()
    });
    assert!(logged_out.contains("Link again"));
    assert!(logged_out.contains("wiped"));
    let (_, _, replaced) = describe(&status(WhatsAppLinkState::Replaced), at(0), |t| {
        t.to_rfc3339()
    });
    assert!(replaced.contains("Another WhatsApp"));
    let banned = status(WhatsAppLinkState::Banned {
        until: at(3600),
        reason: "too many people blocked this number".into(),
    });
    assert!(describe(&banned, at(0), |t| t.to_rfc3339())
        .2
        .contains("too many people blocked"));
}

#[test]
fn linking_is_offered_only_when_not_linked() {
    assert!(can_link(&WhatsAppLinkState::NotLinked));
    assert!(can_link(&WhatsAppLinkState::LoggedOut));
    assert!(can_link(&WhatsAppLinkState::Replaced));
    assert!(!can_link(&WhatsAppLinkState::Connected { since: at(0) }));
    assert!(!can_link(&WhatsAppLinkState::Reconnecting {
        next_try_at: at(0),
        attempt: 1
    }));
}
