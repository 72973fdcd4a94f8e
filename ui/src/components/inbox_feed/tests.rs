use super::*;
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::ConversationId;
use uuid::Uuid;

fn chat(n: u128, unread: u32) -> ConversationSummary {
    ConversationSummary {
        id: ConversationId(Uuid::from_u128(n)),
        channel: ChatChannel::WhatsApp,
        title: format!("Customer {n}"),
        preview: "hi".into(),
        last_message_at: Default::default(),
        unread,
        needs_attention: false,
        taken_over_until: None,
        taken_over_by: None,
        handed_back_by: None,
        order: None,
    }
}

#[test]
fn the_badge_adds_up_unread_messages() {
    let mut feed = InboxFeed::default();
    assert_eq!(feed.unread_total(), 0);
    feed.apply(FeedAction::Loaded(
        1,
        vec![chat(1, 2), chat(2, 0), chat(3, 5)],
    ));
    assert!(feed.loaded);
    assert_eq!(feed.unread_total(), 7);
}

#[test]
fn the_total_does_not_overflow() {
    let mut feed = InboxFeed::default();
    feed.apply(FeedAction::Loaded(1, vec![chat(1, u32::MAX), chat(2, 1)]));
    assert_eq!(feed.unread_total(), u32::MAX);
}

#[test]
fn an_answer_older_than_the_shown_one_is_dropped() {
    let mut feed = InboxFeed::default();
    feed.apply(FeedAction::Loaded(2, vec![chat(1, 0)]));
    feed.apply(FeedAction::Loaded(1, vec![chat(1, 4)]));
    assert_eq!(feed.unread_total(), 0);
    feed.apply(FeedAction::Failed(1, "late".into()));
    assert_eq!(feed.error, None);
}

#[test]
fn a_failure_keeps_the_list_and_the_next_success_clears_it() {
    let mut feed = InboxFeed::default();
    feed.apply(FeedAction::Loaded(1, vec![chat(1, 1)]));
    feed.apply(FeedAction::Failed(2, "The database is locked.".into()));
    assert_eq!(feed.error.as_deref(), Some("The database is locked."));
    assert_eq!(feed.conversations.len(), 1);
    feed.apply(FeedAction::Loaded(3, vec![chat(1, 1)]));
    assert_eq!(feed.error, None);
}

#[test]
fn an_unchanged_list_keeps_its_allocation() {
    let mut feed = InboxFeed::default();
    feed.apply(FeedAction::Loaded(1, vec![chat(1, 1)]));
    let before = Rc::clone(&feed.conversations);
    feed.apply(FeedAction::Loaded(2, vec![chat(1, 1)]));
    assert!(Rc::ptr_eq(&before, &feed.conversations));
}

#[test]
fn a_poll_that_changes_nothing_keeps_the_state_but_remembers_its_number() {
    let feed = Rc::new(InboxFeed::default());
    let feed = feed.reduce(FeedAction::Loaded(1, vec![chat(1, 1)]));
    let same = Rc::clone(&feed).reduce(FeedAction::Loaded(2, vec![chat(1, 1)]));
    assert!(Rc::ptr_eq(&feed, &same));
    // Answer 2 is shown, so a late answer 1 with other data is dropped.
    let after = Rc::clone(&same).reduce(FeedAction::Loaded(1, vec![chat(1, 9)]));
    assert_eq!(after.unread_total(), 1);
}
