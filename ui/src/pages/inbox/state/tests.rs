use super::*;
use dukadesk_domain::ipc::{ChatChannel, MessageAuthor, MessageStatus, MessageView};
use dukadesk_domain::MessageId;
use uuid::Uuid;
use InboxAction as A;

fn id(n: u128) -> ConversationId {
    ConversationId(Uuid::from_u128(n))
}

fn summary(n: u128) -> ConversationSummary {
    ConversationSummary {
        id: id(n),
        channel: ChatChannel::WhatsApp,
        title: format!("Customer {n}"),
        preview: "hi".into(),
        last_message_at: Default::default(),
        unread: 0,
        needs_attention: false,
        taken_over_until: None,
        taken_over_by: None,
        handed_back_by: None,
        order: None,
    }
}

fn view(n: u128, bodies: &[&str]) -> ConversationView {
    let messages = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| MessageView {
            id: MessageId(Uuid::from_u128(1000 + i as u128)),
            author: MessageAuthor::Customer,
            body: (*body).into(),
            at: Default::default(),
            status: MessageStatus::Received,
            by: None,
            photo: None,
        })
        .collect();
    ConversationView {
        summary: summary(n),
        messages,
    }
}

fn open(n: u128) -> InboxState {
    let mut s = InboxState::default();
    s.apply(A::Select(id(n)));
    s.apply(A::Loaded(s.epoch, view(n, &["hi"])));
    s
}

#[test]
fn visiting_the_inbox_opens_no_chat() {
    let s = InboxState::default();
    assert_eq!(s.selected, None);
    assert_eq!(s.reply(), None);
}

#[test]
fn selecting_shows_the_chat_once_it_loads() {
    let mut s = InboxState::default();
    s.apply(A::Select(id(1)));
    assert_eq!(s.selected, Some(id(1)));
    assert_eq!(s.open, None);
    s.apply(A::Loaded(s.epoch, view(1, &["hi"])));
    assert_eq!(s.open.as_ref().map(|v| v.summary.id), Some(id(1)));
}

#[test]
fn an_answer_for_a_chat_no_longer_open_is_dropped() {
    let mut s = open(1);
    s.apply(A::Select(id(2)));
    s.apply(A::Loaded(s.epoch, view(1, &["hi", "late"])));
    assert_eq!(s.open, None);
}

#[test]
fn a_poll_asked_for_before_a_reply_finished_is_dropped() {
    let mut s = open(1);
    s.apply(A::Draft(id(1), "On its way".into()));
    let before = s.epoch;
    s.apply(A::Started);
    // While the reply is in flight, and after it, the old poll is stale.
    s.apply(A::Loaded(before, view(1, &["hi"])));
    s.apply(A::Changed {
        sent: Some("On its way".into()),
        view: view(1, &["hi", "On its way"]),
    });
    s.apply(A::Loaded(before, view(1, &["hi"])));
    assert_eq!(s.open.as_ref().map(|v| v.messages.len()), Some(2));
    // A poll asked for afterwards is shown.
    s.apply(A::Loaded(s.epoch, view(1, &["hi", "On its way", "asante"])));
    assert_eq!(s.open.as_ref().map(|v| v.messages.len()), Some(3));
}

#[test]
fn a_sent_reply_clears_its_draft_unless_edited_meanwhile() {
    let mut s = open(1);
    s.apply(A::Draft(id(1), "  Ready at 5 \n".into()));
    assert_eq!(
        s.reply(),
        Some((id(1), "Ready at 5".into(), "  Ready at 5 \n".into()))
    );
    s.apply(A::Started);
    assert_eq!(s.reply(), None, "nothing is sent twice");
    s.apply(A::Changed {
        sent: Some("  Ready at 5 \n".into()),
        view: view(1, &["hi", "Ready at 5"]),
    });
    assert_eq!(s.draft(), "");

    s.apply(A::Draft(id(1), "Sorry".into()));
    s.apply(A::Started);
    s.apply(A::Draft(id(1), "Sorry, late".into()));
    s.apply(A::Changed {
        sent: Some("Sorry".into()),
        view: view(1, &["hi", "Sorry"]),
    });
    assert_eq!(s.draft(), "Sorry, late");
}

#[test]
fn drafts_are_kept_per_chat() {
    let mut s = open(1);
    s.apply(A::Draft(id(1), "for one".into()));
    s.apply(A::Select(id(2)));
    assert_eq!(s.draft(), "");
    s.apply(A::Select(id(1)));
    assert_eq!(s.draft(), "for one");
}

#[test]
fn blank_replies_are_not_sent() {
    let mut s = open(1);
    s.apply(A::Draft(id(1), " \n ".into()));
    assert_eq!(s.reply(), None);
}

#[test]
fn a_failed_reply_keeps_the_draft_and_shows_why() {
    let mut s = open(1);
    s.apply(A::Draft(id(1), "hello".into()));
    s.apply(A::Started);
    s.apply(A::ActionFailed("WhatsApp is not linked.".into()));
    assert!(!s.busy);
    assert_eq!(s.draft(), "hello");
    assert_eq!(s.error(), Some("WhatsApp is not linked."));
    s.apply(A::Started);
    assert_eq!(s.error(), None);
}

#[test]
fn a_deleted_chat_closes_with_a_reason() {
    let mut s = open(1);
    s.apply(A::Draft(id(1), "hello".into()));
    s.apply(A::Gone(id(1)));
    assert_eq!(s.selected, None);
    assert_eq!(s.open, None);
    assert_eq!(s.error(), Some(GONE));
    assert!(s.drafts.is_empty());
}

#[test]
fn a_load_error_clears_once_the_chat_loads() {
    let mut s = open(1);
    s.apply(A::LoadFailed("The database is locked.".into()));
    assert_eq!(s.error(), Some("The database is locked."));
    s.apply(A::Loaded(s.epoch, view(1, &["hi"])));
    assert_eq!(s.error(), None);
}

#[test]
fn the_selection_steps_through_the_list_and_stops_at_the_ends() {
    let list = [summary(3), summary(2), summary(1)];
    assert_eq!(step_selection(&list, None, 1), Some(id(3)));
    assert_eq!(step_selection(&list, None, -1), Some(id(3)));
    assert_eq!(step_selection(&list, Some(id(3)), 1), Some(id(2)));
    assert_eq!(step_selection(&list, Some(id(1)), 1), Some(id(1)));
    assert_eq!(step_selection(&list, Some(id(3)), -1), Some(id(3)));
    assert_eq!(step_selection(&list, Some(id(2)), -1), Some(id(3)));
    assert_eq!(step_selection(&list, Some(id(9)), 1), Some(id(3)));
    assert_eq!(step_selection(&[], Some(id(1)), 1), None);
}
