use super::*;
use crate::components::feed::FeedAction;
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
    assert!(feed.loaded());
    assert_eq!(feed.unread_total(), 7);
}

#[test]
fn the_total_does_not_overflow() {
    let mut feed = InboxFeed::default();
    feed.apply(FeedAction::Loaded(1, vec![chat(1, u32::MAX), chat(2, 1)]));
    assert_eq!(feed.unread_total(), u32::MAX);
}
