use super::*;

#[test]
fn the_order_badge_reads_number_then_status() {
    assert_eq!(order_badge_text(1042, OrderStatus::Paid), "#1042 · Paid");
    assert_eq!(
        order_badge_text(7, OrderStatus::AwaitingPayment),
        "#7 · Awaiting payment"
    );
}

#[test]
fn previews_fit_on_one_line() {
    assert_eq!(
        one_line("Reply with a number:\n1. See what we sell\n2.  My cart "),
        "Reply with a number: 1. See what we sell 2. My cart"
    );
    assert_eq!(one_line(""), "");
}

#[test]
fn channels_have_names() {
    assert_eq!(channel_label(ChatChannel::TestChat), "Test chat");
    assert_eq!(channel_label(ChatChannel::WhatsApp), "WhatsApp");
}

fn summary(taken_over_until: Option<DateTime<Utc>>) -> ConversationSummary {
    ConversationSummary {
        id: ConversationId(uuid::Uuid::from_u128(1)),
        channel: ChatChannel::WhatsApp,
        title: "Amina".into(),
        preview: "hi".into(),
        last_message_at: Default::default(),
        unread: 0,
        needs_attention: false,
        taken_over_until,
        taken_over_by: None,
        handed_back_by: None,
        order: None,
    }
}

fn at(minute: u32) -> DateTime<Utc> {
    use chrono::TimeZone;
    Utc.with_ymd_and_hms(2025, 3, 12, 14, minute, 0)
        .single()
        .expect("a valid time")
}

#[test]
fn the_bot_is_paused_only_until_the_takeover_ends() {
    let taken = summary(Some(at(30)));
    assert_eq!(bot_paused_until(&taken, Some(at(10))), Some(at(30)));
    assert_eq!(bot_paused_until(&taken, Some(at(30))), None);
    assert_eq!(bot_paused_until(&taken, Some(at(45))), None);
    assert_eq!(bot_paused_until(&taken, None), Some(at(30)));
    assert_eq!(bot_paused_until(&summary(None), Some(at(10))), None);
}

#[test]
fn the_takeover_line_names_who_paused_or_released_the_bot() {
    let mut taken = summary(Some(at(30)));
    assert_eq!(
        takeover_text(&taken, Some("14:30")),
        "Bot paused until 14:30"
    );
    taken.taken_over_by = Some("Amina".into());
    assert_eq!(
        takeover_text(&taken, Some("14:30")),
        "Amina took over · bot paused until 14:30"
    );
    let mut back = summary(None);
    assert_eq!(takeover_text(&back, None), "The bot is answering");
    back.handed_back_by = Some("Juma".into());
    assert_eq!(
        takeover_text(&back, None),
        "The bot is answering · handed back by Juma"
    );
}

#[test]
fn channels_are_named_in_the_screens_language() {
    assert_eq!(channel_name(ChatChannel::TestChat), "Test chat");
    assert_eq!(channel_name(ChatChannel::WhatsApp), "WhatsApp");
}
