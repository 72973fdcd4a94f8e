//! The crate's messages and events in DukaDesk's words. This is the only
//! module (with [`super::real`]) that reads `whatsapp-rust` types; what it
//! cannot place becomes [`WaContent::Unsupported`] or is dropped with a log
//! line that carries no personal data, never a panic.

use super::{jid_user_phone, Origin, WaContent, WaEvent, WaInbound, MAX_TEXT_CHARS};
use std::time::Duration;
use whatsapp_rust::prelude::{wa, BatchOrigin, Event, MessageExt, MessageInfo};

/// Cuts `text` to [`MAX_TEXT_CHARS`] characters (never inside a character).
pub fn bounded_text(text: &str) -> (String, bool) {
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => (text[..cut].to_owned(), true),
        None => (text.to_owned(), false),
    }
}

fn is_not_a_chat(chat: &str, is_group: bool) -> bool {
    is_group
        || chat.ends_with("@g.us")
        || chat.ends_with("@broadcast")
        || chat.ends_with("@newsletter")
        || chat.starts_with("status@")
}

/// What a message's body is, as the bot reads it.
pub fn content(message: &wa::Message) -> WaContent {
    let base = message.get_base_message();
    if let Some(text) = message.text_content().or_else(|| message.get_caption()) {
        if !text.trim().is_empty() {
            let (text, truncated) = bounded_text(text);
            return WaContent::Text { text, truncated };
        }
    }
    let kind = if base.sticker_message.is_set() || base.lottie_sticker_message.is_set() {
        "sticker"
    } else if let Some(audio) = base.audio_message.as_option() {
        if audio.ptt.unwrap_or(false) {
            "voice note"
        } else {
            "audio"
        }
    } else if base.location_message.is_set() || base.live_location_message.is_set() {
        "location"
    } else if base.image_message.is_set() {
        "photo"
    } else if base.video_message.is_set() || base.ptv_message.is_set() {
        "video"
    } else if base.document_message.is_set() {
        "document"
    } else if base.contact_message.is_set() || base.contacts_array_message.is_set() {
        "contact card"
    } else if base.poll_creation_message.is_set() {
        "poll"
    } else if base.reaction_message.is_set()
        || base.enc_reaction_message.is_set()
        || base.protocol_message.is_set()
        || base.sender_key_distribution_message.is_set()
        || base.poll_update_message.is_set()
        || base.keep_in_chat_message.is_set()
        || base.pin_in_chat_message.is_set()
    {
        return WaContent::Nothing;
    } else {
        "message of a kind DukaDesk cannot show"
    };
    WaContent::Unsupported { kind: kind.into() }
}

/// One inbound message, translated.
pub fn inbound(message: &wa::Message, info: &MessageInfo) -> WaInbound {
    let chat = info.source.chat.to_string();
    let sender = info.source.sender.to_string();
    // A phone-number sender is its own number; a hidden (@lid) sender may
    // carry its number as the alternate id.
    let sender_phone = jid_user_phone(&sender).or_else(|| {
        info.source
            .sender_alt
            .as_ref()
            .and_then(|alt| jid_user_phone(&alt.to_string()))
    });
    WaInbound {
        id: info.id.clone(),
        not_a_chat: is_not_a_chat(&chat, info.source.is_group),
        chat,
        sender,
        sender_phone,
        from_me: info.source.is_from_me,
        push_name: bounded_text(&info.push_name).0.chars().take(100).collect(),
        sent_at_ms: info.timestamp.timestamp_millis(),
        content: content(message),
    }
}

fn secs(d: Duration) -> Duration {
    // Validity windows are whole seconds; a garbage value is bounded.
    d.min(Duration::from_secs(24 * 3600))
}

/// The crate's event in DukaDesk's words; `None` for what DukaDesk ignores
/// (presence, app-state, history sync...).
pub fn event(event: &Event) -> Option<WaEvent> {
    Some(match event {
        Event::PairingQrCode(qr) => WaEvent::QrCode {
            code: qr.code.clone(),
            valid_for: secs(qr.timeout),
        },
        Event::PairingQrCodesExhausted(_) => WaEvent::QrCodesExhausted,
        Event::PairingCode(code) => WaEvent::PairingCode {
            code: code.code.clone(),
            valid_for: secs(code.timeout),
        },
        Event::PairingCodeError(e) => WaEvent::PairingCodeFailed {
            reason: match &e.rejection {
                Some(r) => format!("WhatsApp refused the request ({r:?})"),
                None => "the request was not answered".into(),
            },
            retry_after: e.backoff,
        },
        Event::PairError(e) => WaEvent::PairFailed {
            reason: e.error.chars().take(200).collect(),
        },
        Event::PairSuccess(p) => WaEvent::Paired {
            phone: jid_user_phone(&p.id.to_string()).unwrap_or_else(|| p.id.user.to_string()),
            business_name: p.business_name.chars().take(100).collect(),
        },
        Event::Connected(_) => WaEvent::Connected,
        Event::Disconnected(_) => WaEvent::Disconnected,
        Event::LoggedOut(l) => WaEvent::LoggedOut {
            reason: format!("{:?}", l.reason),
        },
        Event::StreamReplaced(_) => WaEvent::Replaced,
        Event::TemporaryBan(b) => WaEvent::TemporaryBan {
            reason: ban_reason(&format!("{:?}", b.code)),
            expires_in: b.expire.to_std().unwrap_or_default(),
        },
        Event::ConnectFailure(f) => WaEvent::StreamError {
            code: format!("connect failure {:?}", f.reason),
        },
        Event::StreamError(e) => WaEvent::StreamError {
            code: e.code.chars().take(40).collect(),
        },
        Event::Messages(batch) => WaEvent::Messages {
            origin: match batch.origin {
                BatchOrigin::Live => Origin::Live,
                BatchOrigin::OfflineDrain => Origin::OfflineDrain,
            },
            messages: batch
                .messages
                .iter()
                .map(|m| inbound(&m.message, &m.info))
                .collect(),
        },
        Event::UndecryptableMessage(u) => WaEvent::Undecryptable {
            id: u.info.id.clone(),
            chat: u.info.source.chat.to_string(),
        },
        _ => return None,
    })
}

/// A ban's reason code in words staff understand.
pub fn ban_reason(code: &str) -> String {
    match code {
        "SentToTooManyPeople" => "messages were sent to too many people".into(),
        "BlockedByUsers" => "too many people blocked this number".into(),
        "CreatedTooManyGroups" => "too many groups were created".into(),
        "SentTooManySameMessage" => "the same message was sent too many times".into(),
        "BroadcastList" => "a broadcast list was used".into(),
        other => format!("WhatsApp gave reason {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use whatsapp_rust::prelude::{Jid, MessageField};

    fn info(chat: &str, sender: &str, from_me: bool) -> MessageInfo {
        let mut info = MessageInfo {
            id: "3EB0A1B2C3".into(),
            ..Default::default()
        };
        info.source.chat = chat.parse().expect("chat jid");
        info.source.sender = sender.parse().expect("sender jid");
        info.source.is_from_me = from_me;
        info.push_name = "Wanjiru".into();
        info
    }

    fn text(t: &str) -> wa::Message {
        wa::Message {
            conversation: Some(t.into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_text_from_a_phone_number_sender() {
        let i = info(
            "254712345678@s.whatsapp.net",
            "254712345678@s.whatsapp.net",
            false,
        );
        let m = inbound(&text("2 sukuma"), &i);
        assert_eq!(m.id, "3EB0A1B2C3");
        assert_eq!(m.sender_phone.as_deref(), Some("254712345678"));
        assert_eq!(m.address(), "254712345678");
        assert!(!m.from_me && !m.not_a_chat);
        assert_eq!(m.push_name, "Wanjiru");
        assert_eq!(
            m.content,
            WaContent::Text {
                text: "2 sukuma".into(),
                truncated: false
            }
        );
    }

    #[test]
    fn extended_text_and_captions_are_text() {
        let m = wa::Message {
            extended_text_message: MessageField::some(wa::message::ExtendedTextMessage {
                text: Some("menu".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(matches!(content(&m), WaContent::Text { text, .. } if text == "menu"));
        let photo = wa::Message {
            image_message: MessageField::some(wa::message::ImageMessage {
                caption: Some("2 of these".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(matches!(content(&photo), WaContent::Text { text, .. } if text == "2 of these"));
        let bare_photo = wa::Message {
            image_message: MessageField::some(wa::message::ImageMessage::default()),
            ..Default::default()
        };
        assert_eq!(
            content(&bare_photo),
            WaContent::Unsupported {
                kind: "photo".into()
            }
        );
    }

    #[test]
    fn stickers_voice_notes_and_locations_are_named_not_read() {
        let sticker = wa::Message {
            sticker_message: MessageField::some(wa::message::StickerMessage::default()),
            ..Default::default()
        };
        let voice = wa::Message {
            audio_message: MessageField::some(wa::message::AudioMessage {
                ptt: Some(true),
                ..Default::default()
            }),
            ..Default::default()
        };
        let location = wa::Message {
            location_message: MessageField::some(wa::message::LocationMessage::default()),
            ..Default::default()
        };
        let kinds: Vec<WaContent> = [sticker, voice, location].iter().map(content).collect();
        assert_eq!(
            kinds,
            ["sticker", "voice note", "location"]
                .map(|k| WaContent::Unsupported { kind: k.into() })
                .to_vec()
        );
        assert_eq!(content(&wa::Message::default()).clone(), {
            WaContent::Unsupported {
                kind: "message of a kind DukaDesk cannot show".into(),
            }
        });
        let reaction = wa::Message {
            reaction_message: MessageField::some(wa::message::ReactionMessage::default()),
            ..Default::default()
        };
        assert_eq!(content(&reaction), WaContent::Nothing);
    }

    #[test]
    fn a_huge_message_is_cut_on_a_character_boundary() {
        let huge = "ü".repeat(MAX_TEXT_CHARS * 50);
        match content(&text(&huge)) {
            WaContent::Text { text, truncated } => {
                assert!(truncated);
                assert_eq!(text.chars().count(), MAX_TEXT_CHARS);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_hidden_sender_with_an_alternate_phone_id_is_resolved() {
        let mut i = info("80123456789012@lid", "80123456789012@lid", false);
        assert_eq!(inbound(&text("hi"), &i).sender_phone, None);
        assert_eq!(inbound(&text("hi"), &i).address(), "80123456789012@lid");
        i.source.sender_alt = Some(
            "254711000111@s.whatsapp.net"
                .parse::<Jid>()
                .expect("alt jid"),
        );
        let m = inbound(&text("hi"), &i);
        assert_eq!(m.sender_phone.as_deref(), Some("254711000111"));
        assert_eq!(m.address(), "254711000111");
    }

    #[test]
    fn the_merchants_own_messages_and_groups_are_marked() {
        let mine = inbound(
            &text("Karibu!"),
            &info(
                "254712345678@s.whatsapp.net",
                "254700000001:3@s.whatsapp.net",
                true,
            ),
        );
        assert!(mine.from_me);
        // The chat is the customer's.
        assert_eq!(mine.address(), "254712345678");
        let mut g = info(
            "120363021033254949@g.us",
            "254712345678@s.whatsapp.net",
            false,
        );
        g.source.is_group = true;
        assert!(inbound(&text("hi"), &g).not_a_chat);
        let status = info("status@broadcast", "254712345678@s.whatsapp.net", false);
        assert!(inbound(&text("hi"), &status).not_a_chat);
    }

    #[test]
    fn ban_reasons_read_as_words() {
        assert_eq!(
            ban_reason("SentToTooManyPeople"),
            "messages were sent to too many people"
        );
        assert!(ban_reason("Unknown(7)").contains("Unknown(7)"));
    }

    #[test]
    fn the_crates_events_in_our_words() {
        use std::sync::Arc;
        use whatsapp_rust::wacore::types::events as ev;
        let qr = Event::PairingQrCode(
            ev::PairingQrCode::builder()
                .code("2@abc".into())
                .timeout(Duration::from_secs(60))
                .build(),
        );
        assert_eq!(
            event(&qr),
            Some(WaEvent::QrCode {
                code: "2@abc".into(),
                valid_for: Duration::from_secs(60)
            })
        );
        let paired = Event::PairSuccess(
            ev::PairSuccess::builder()
                .id("254700000001:12@s.whatsapp.net".parse().expect("jid"))
                .lid("80123456789012:12@lid".parse().expect("lid"))
                .business_name("Mama Mboga".into())
                .platform("android".into())
                .build(),
        );
        assert_eq!(
            event(&paired),
            Some(WaEvent::Paired {
                phone: "254700000001".into(),
                business_name: "Mama Mboga".into()
            })
        );
        assert_eq!(
            event(&Event::StreamReplaced(
                ev::StreamReplaced::builder().build()
            )),
            Some(WaEvent::Replaced)
        );
        let ban = Event::TemporaryBan(
            ev::TemporaryBan::builder()
                .code(ev::TempBanReason::BlockedByUsers)
                .expire(chrono::TimeDelta::hours(2))
                .build(),
        );
        assert_eq!(
            event(&ban),
            Some(WaEvent::TemporaryBan {
                reason: "too many people blocked this number".into(),
                expires_in: Duration::from_secs(7200)
            })
        );
        let batch = Event::Messages(
            ev::MessageBatch::builder()
                .messages(Arc::from(vec![ev::InboundMessage::builder()
                    .message(Arc::new(text("hi")))
                    .info(Arc::new(info(
                        "254712345678@s.whatsapp.net",
                        "254712345678@s.whatsapp.net",
                        false,
                    )))
                    .build()]))
                .origin(BatchOrigin::OfflineDrain)
                .build(),
        );
        match event(&batch) {
            Some(WaEvent::Messages { origin, messages }) => {
                assert_eq!(origin, Origin::OfflineDrain);
                assert_eq!(messages.len(), 1);
                assert_eq!(messages[0].address(), "254712345678");
            }
            other => panic!("{other:?}"),
        }
        let err = Event::StreamError(ev::StreamError::builder().code("503".into()).build());
        assert_eq!(
            event(&err),
            Some(WaEvent::StreamError { code: "503".into() })
        );
    }
}
