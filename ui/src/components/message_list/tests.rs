use super::*;

#[test]
fn in_the_inbox_the_shop_writes_on_the_right() {
    assert_eq!(side(MessageAuthor::Customer, Perspective::Shop), Side::Left);
    assert_eq!(side(MessageAuthor::Bot, Perspective::Shop), Side::Right);
    assert_eq!(side(MessageAuthor::Staff, Perspective::Shop), Side::Right);
}

#[test]
fn in_the_test_chat_the_merchant_is_the_customer_on_the_right() {
    assert_eq!(
        side(MessageAuthor::Customer, Perspective::Customer),
        Side::Right
    );
    assert_eq!(side(MessageAuthor::Bot, Perspective::Customer), Side::Left);
    assert_eq!(
        side(MessageAuthor::Staff, Perspective::Customer),
        Side::Left
    );
}

#[test]
fn bot_and_staff_are_labelled() {
    assert_eq!(author_label(MessageAuthor::Bot), Some("Bot"));
    assert_eq!(author_label(MessageAuthor::Staff), Some("Staff"));
    assert_eq!(author_label(MessageAuthor::Customer), None);
}

#[test]
fn a_staff_reply_shows_who_typed_it() {
    assert_eq!(
        message_label(MessageAuthor::Staff, Some("Amina")).as_deref(),
        Some("Amina")
    );
    assert_eq!(
        message_label(MessageAuthor::Staff, None).as_deref(),
        Some("Staff")
    );
    assert_eq!(
        message_label(MessageAuthor::Bot, None).as_deref(),
        Some("Bot")
    );
    assert_eq!(message_label(MessageAuthor::Customer, None), None);
}

#[test]
fn only_outgoing_messages_carry_a_delivery_mark() {
    assert_eq!(status_mark(MessageStatus::Received), None);
    let class = |status| status_mark(status).map(|(class, _)| class);
    assert_eq!(class(MessageStatus::Queued), Some("queued"));
    assert_eq!(class(MessageStatus::Sent), Some("sent"));
}
