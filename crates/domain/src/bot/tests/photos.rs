//! Showing a customer an item's photo: the requests in the four languages,
//! the caption, an item with no photo yet, a number from the list just
//! shown, items that cannot be shown, and the conversation left as it was.

use super::super::matching::{classify, Said};
use super::super::texts;
use super::*;

/// The fixture's shop with rice and cooking oil (named in Kiswahili,
/// French, Arabic and Darija too), tomatoes also named "nyanya" and
/// "tomate", and a photo for every item but the tomatoes.
fn shop() -> Chat {
    let mut chat = Chat::new(Some("0712345678"));
    let mut rice = item(
        110,
        "Pishori rice 1kg",
        250,
        Some(10),
        ItemKind::Physical { stock: None },
    );
    rice.aliases = vec!["riz".into(), "mchele".into(), "الأرز".into(), "أرز".into()];
    let mut oil = item(
        111,
        "Cooking oil 1L",
        320,
        Some(10),
        ItemKind::Physical { stock: Some(12) },
    );
    oil.aliases = vec![
        "huile".into(),
        "mafuta".into(),
        "الزيت".into(),
        "زيت".into(),
        "zit".into(),
    ];
    chat.fx.items.extend([rice, oil]);
    for item in &mut chat.fx.items {
        if item.name == "Tomatoes 1kg" {
            item.aliases = vec!["nyanya".into(), "tomate".into()];
        } else {
            item.photo = Some("ab".repeat(32));
        }
    }
    chat
}

fn item_id(chat: &Chat, name: &str) -> ItemId {
    let item = chat.fx.items.iter().find(|i| i.name == name);
    item.unwrap_or_else(|| panic!("no {name}")).id
}

/// The replies among `actions`.
fn replies_of(actions: &[Action]) -> Vec<&Reply> {
    actions
        .iter()
        .filter_map(|a| match a {
            Action::Reply(r) => Some(r),
            _ => None,
        })
        .collect()
}

/// The one reply that carries a photo, or a panic naming what was said.
fn photo_reply(actions: &[Action]) -> &Reply {
    let with_photo: Vec<&Reply> = replies_of(actions)
        .into_iter()
        .filter(|r| r.photo.is_some())
        .collect();
    match with_photo.as_slice() {
        [one] => one,
        _ => panic!("not one photo in {actions:#?}"),
    }
}

#[test]
fn requests_to_see_an_item_are_heard_in_every_language() {
    let sw = Some(Language::Sw);
    let fr = Some(Language::Fr);
    let ar = Some(Language::Ar);
    for (text, lang, item) in [
        ("photo of sukuma", None, "sukuma"),
        ("picture of the unga", None, "unga"),
        ("pic sukuma", None, "sukuma"),
        ("Pics of the tomatoes?", None, "tomatoes"),
        ("show me sukuma", None, "sukuma"),
        ("Can I see the sukuma?", None, "sukuma"),
        ("how does the sukuma look", None, "sukuma"),
        ("what does unga look like?", None, "unga"),
        ("send me a photo of the onions please", None, "onions"),
        ("do you have a picture of unga", None, "unga"),
        ("I want to see the sukuma", None, "sukuma"),
        ("photo 2", None, "2"),
        ("picha ya sukuma", sw, "sukuma"),
        ("Nionyeshe sukuma", sw, "sukuma"),
        ("tuma picha ya unga", sw, "unga"),
        ("naeza ona picha ya sukuma?", sw, "sukuma"),
        ("naomba picha ya nyanya", sw, "nyanya"),
        ("picha 2", sw, "2"),
        ("photo du riz", fr, "riz"),
        ("Montre-moi le riz", fr, "riz"),
        ("je peux voir le riz ?", fr, "riz"),
        ("une photo de l'huile", fr, "huile"),
        ("Vous avez une photo de la farine svp", fr, "farine"),
        ("à quoi ressemble le riz", fr, "riz"),
        ("كيف يبدو الأرز؟", ar, "الارز"),
        ("صورة الأرز", ar, "الارز"),
        ("ورّيني الأرز", ar, "الارز"),
        ("بغيت نشوف الزيت", ar, "الزيت"),
        ("عندكم صورة ديال الزيت؟", ar, "الزيت"),
        ("tswira dyal zit", None, "zit"),
    ] {
        assert_eq!(
            classify(text),
            Said::Photo {
                lang,
                item: item.into()
            },
            "{text}"
        );
    }
    // Not asking for a photo: these keep their meaning.
    for (text, said) in [
        ("show me the menu", Said::Menu),
        ("show me my cart", Said::Cart),
        ("nionyeshe kikapu", Said::Cart),
        ("voir mon panier", Said::Cart),
        ("2 sukuma", Said::Other("2 sukuma".into())),
        (
            "do you have sukuma",
            Said::Other("do you have sukuma".into()),
        ),
        ("send 2 unga", Said::Other("send 2 unga".into())),
        ("photo", Said::Other("photo".into())),
        ("show me", Said::Other("show me".into())),
        (
            "show me what you have",
            Said::Other("show me what you have".into()),
        ),
        ("where is my order", Said::Track),
        ("show me more", Said::Other("show me more".into())),
        ("nionyeshe oda yangu", Said::Track),
        ("una sukuma?", Said::Other("una sukuma".into())),
        (
            "Mambo, inakaa aje",
            Said::GreetingThen {
                lang: Some(Language::Sw),
                rest: "inakaa aje".into(),
            },
        ),
    ] {
        assert_eq!(classify(text), said, "{text}");
    }
}

#[test]
fn each_language_gets_the_photo_with_a_caption_in_its_own_words() {
    // (shop in Morocco, message, item, price, how to order, language heard)
    let cases = [
        (
            false,
            "photo of sukuma",
            "Sukuma wiki bunch",
            "KES 30",
            "To order, reply with the quantity and the name, e.g. *2 sukuma wiki bunch*.",
            Language::En,
        ),
        (
            false,
            "can I see the unga",
            "Unga 2kg",
            "KES 210",
            "To order, reply with the quantity and the name, e.g. *2 unga 2kg*.",
            Language::En,
        ),
        (
            false,
            "picha ya sukuma",
            "Sukuma wiki bunch",
            "KES 30",
            "Kuagiza, jibu kwa idadi na jina, mf. *2 sukuma wiki bunch*.",
            Language::Sw,
        ),
        (
            false,
            "naeza ona picha ya mchele?",
            "Pishori rice 1kg",
            "KES 250",
            "Kuagiza, jibu kwa idadi na jina, mf. *2 pishori rice 1kg*.",
            Language::Sw,
        ),
        (
            true,
            "photo du riz",
            "Pishori rice 1kg",
            "250 DH",
            "Pour commander, répondez avec la quantité et le nom, par ex. *2 pishori rice 1kg*.",
            Language::Fr,
        ),
        (
            true,
            "une photo de l'huile",
            "Cooking oil 1L",
            "1 250,50 DH",
            "Pour commander, répondez avec la quantité et le nom, par ex. *2 cooking oil 1l*.",
            Language::Fr,
        ),
        (
            true,
            "صورة الأرز",
            "Pishori rice 1kg",
            "250 DH",
            "للطلب، أرسلوا الكمية والاسم، مثلًا *2 pishori rice 1kg*.",
            Language::Ar,
        ),
        (
            true,
            "بغيت نشوف الزيت",
            "Cooking oil 1L",
            "1 250,50 DH",
            "للطلب، أرسلوا الكمية والاسم، مثلًا *2 cooking oil 1l*.",
            Language::Ar,
        ),
    ];
    for (morocco, message, name, price, order, lang) in cases {
        let mut chat = shop();
        if morocco {
            chat = chat.in_morocco();
            let oil = chat
                .fx
                .items
                .iter_mut()
                .find(|i| i.name == "Cooking oil 1L");
            oil.expect("oil").price = Money::from_minor(125_050, Currency::MAD);
        }
        let actions = chat.say(message);
        let reply = photo_reply(&actions);
        assert_eq!(reply.photo, Some(item_id(&chat, name)), "{message}");
        assert_eq!(
            reply.text,
            format!("*{name}* — {price}\n{order}"),
            "{message}"
        );
        assert_eq!(replies_of(&actions).len(), 1, "{message}: one message");
        assert_eq!(chat.state.lang, lang, "{message}");
        assert_eq!(
            actions.contains(&Action::SetLanguage(lang)),
            lang != Language::En,
            "{message}: {actions:?}"
        );
        assert!(chat.state.cart.is_empty(), "{message}");
        assert_eq!(chat.state.stage, Stage::Idle, "{message}");
    }
}

#[test]
fn what_the_caption_tells_to_type_orders_the_item() {
    let mut chat = shop();
    chat.say("photo of sukuma");
    let replies = Chat::replies(&chat.say("2 sukuma wiki bunch")).join("\n");
    assert!(replies.contains("Added 2 × Sukuma wiki bunch"), "{replies}");
    // A digital item: one, and the bot asks who it is for.
    let mut chat = shop();
    let bundle = chat.say("picture of safaricom 1gb");
    let caption = &photo_reply(&bundle).text;
    assert!(
        caption.starts_with("*Safaricom 1GB 24h* — KES 99\n"),
        "{caption}"
    );
    assert!(
        caption.ends_with("e.g. *1 safaricom 1gb 24h*."),
        "{caption}"
    );
    let replies = Chat::replies(&chat.say("1 safaricom 1gb 24h")).join("\n");
    assert!(replies.contains("who is it for?"), "{replies}");
}

#[test]
fn an_item_without_a_photo_is_named_with_its_price() {
    let mut chat = shop();
    let actions = chat.say("photo of tomatoes");
    let said = replies_of(&actions);
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].photo, None);
    assert_eq!(
        said[0].text,
        "Sorry, there's no photo of *Tomatoes 1kg* yet. It costs KES 120.\nTo order, reply with the quantity and the name, e.g. *2 tomatoes 1kg*."
    );
    let mut chat = shop();
    let actions = chat.say("picha ya nyanya");
    assert!(actions
        .iter()
        .all(|a| !matches!(a, Action::Reply(r) if r.photo.is_some())));
    assert_eq!(
        Chat::replies(&actions),
        ["Samahani, hatuna picha ya *Tomatoes 1kg* bado. Bei yake ni KES 120.\nKuagiza, jibu kwa idadi na jina, mf. *2 tomatoes 1kg*."]
    );
    let mut chat = shop().in_morocco();
    chat.say("fr");
    let replies = Chat::replies(&chat.say("photo des tomates")).join("\n");
    assert!(
        replies.starts_with(
            "Désolé, nous n'avons pas encore de photo pour *Tomatoes 1kg*. Son prix : 120 DH."
        ),
        "{replies}"
    );
}

#[test]
fn a_sold_out_item_is_shown_as_sold_out_without_how_to_order() {
    let mut chat = shop();
    let actions = chat.say("photo of avocado");
    let reply = photo_reply(&actions);
    assert_eq!(reply.text, "*Avocado* — KES 20 (sold out)");
    // The last unit: one to order.
    let mut chat = shop();
    let unga = chat.fx.items.iter_mut().find(|i| i.name == "Unga 2kg");
    unga.expect("unga").kind = ItemKind::Physical { stock: Some(1) };
    let caption = photo_reply(&chat.say("photo of unga")).text.clone();
    assert!(caption.ends_with("e.g. *1 unga 2kg*."), "{caption}");
}

#[test]
fn asking_mid_flow_leaves_the_stage_and_the_cart_as_they_were() {
    for before in [
        &["2 sukuma"][..],
        &["2 sukuma", "1"],
        &["2 sukuma", "1", "2"],
        &["2 sukuma", "1", "1"],
        &["2 sukuma", "1", "1", "1"],
        &["2 sukuma", "1", "1", "1", "1"],
        &["2 sukuma", "3"],
        &["hi", "onions"],
        &["hi", "1gb"],
        &["hi", "1", "1"],
        &["hi"],
    ] {
        for ask in ["photo of unga", "show me the unga", "how does unga look"] {
            let mut chat = shop();
            for m in before {
                chat.say(m);
            }
            let state = chat.state.clone();
            let actions = chat.say(ask);
            assert_eq!(
                photo_reply(&actions).photo,
                Some(item_id(&chat, "Unga 2kg")),
                "{before:?} + {ask}"
            );
            assert_eq!(chat.state, state, "{before:?} + {ask}: the chat moved");
            assert!(
                !actions
                    .iter()
                    .any(|a| matches!(a, Action::CreateOrder(_) | Action::RequestPayment { .. })),
                "{before:?} + {ask}: {actions:?}"
            );
        }
    }
    // In Kiswahili the language changes, nothing else; the flow goes on
    // where it was.
    let mut chat = shop();
    for m in ["2 sukuma", "1"] {
        chat.say(m);
    }
    let (stage, cart) = (chat.state.stage.clone(), chat.state.cart.clone());
    let actions = chat.say("nionyeshe unga");
    assert!(photo_reply(&actions).text.contains("Kuagiza"));
    assert_eq!((&chat.state.stage, &chat.state.cart), (&stage, &cart));
    let replies = Chat::replies(&chat.say("2")).join("\n");
    assert!(replies.contains("*CBD*"), "{replies}");
    assert_eq!(chat.state.stage.name(), "address");
}

#[test]
fn a_number_after_a_list_shows_that_item() {
    let mut chat = shop();
    for m in ["hi", "1", "1"] {
        chat.say(m);
    }
    let list = chat.state.stage.clone();
    let sukuma = chat.say("photo 1");
    assert_eq!(
        photo_reply(&sukuma).photo,
        Some(item_id(&chat, "Sukuma wiki bunch"))
    );
    let onions = chat.say("picha 3");
    assert_eq!(
        photo_reply(&onions).photo,
        Some(item_id(&chat, "Onions 1kg"))
    );
    assert_eq!(chat.state.stage, list, "the list is still the one shown");
    // Past the end of the list: not found, the list kept.
    let past = chat.say("photo 9");
    assert!(replies_of(&past).iter().all(|r| r.photo.is_none()));
    assert!(Chat::replies(&past)[0].contains("\"9\""), "{past:?}");
    assert_eq!(chat.state.stage, list);
    // The list still picks by number.
    let replies = Chat::replies(&chat.say("1")).join("\n");
    assert!(replies.contains("*Sukuma wiki bunch*"), "{replies}");
    // A category is no item; nor is a number with no list shown.
    let mut chat = shop();
    for m in ["hi", "1"] {
        chat.say(m);
    }
    let category = chat.say("photo 1");
    assert!(replies_of(&category).iter().all(|r| r.photo.is_none()));
    let mut chat = shop();
    let no_list = chat.say("photo 1");
    assert!(replies_of(&no_list).iter().all(|r| r.photo.is_none()));
}

#[test]
fn an_unknown_or_archived_item_gets_the_not_found_answer() {
    for (ask, lang, query) in [
        ("photo of bread", Language::En, "bread"),
        ("photo of old stock", Language::En, "old stock"),
        ("picha ya mkate", Language::Sw, "mkate"),
        ("photo du pain", Language::Fr, "pain"),
        ("صورة الخبز", Language::Ar, "الخبز"),
    ] {
        let mut chat = shop();
        chat.say("2 sukuma");
        let state = chat.state.clone();
        let actions = chat.say(ask);
        assert_eq!(
            Chat::replies(&actions),
            [texts::not_found(lang, query)],
            "{ask}"
        );
        assert!(replies_of(&actions).iter().all(|r| r.photo.is_none()));
        assert_eq!(chat.state.stage, state.stage, "{ask}");
        assert_eq!(chat.state.cart, state.cart, "{ask}");
    }
}

#[test]
fn several_matches_show_the_best_one() {
    let mut chat = shop();
    let actions = chat.say("photo of 1kg");
    assert_eq!(
        photo_reply(&actions).photo,
        Some(item_id(&chat, "Onions 1kg"))
    );
    assert_eq!(chat.state.stage, Stage::Idle, "no list to pick from");
}

#[test]
fn an_item_named_like_a_request_is_that_item() {
    let selling_frames = || {
        let mut chat = shop();
        chat.fx.items.push(item(
            120,
            "Photo frame",
            450,
            None,
            ItemKind::Physical { stock: None },
        ));
        chat
    };
    let mut chat = selling_frames();
    let replies = Chat::replies(&chat.say("photo frame")).join("\n");
    assert!(replies.contains("*Photo frame*, KES 450 each"), "{replies}");
    assert_eq!(chat.state.stage.name(), "quantity");
    let mut chat = selling_frames();
    let actions = chat.say("picture of the photo frame");
    assert_eq!(replies_of(&actions)[0].photo, None, "no photo of it");
    assert!(Chat::replies(&actions)[0].contains("*Photo frame*"));
}

#[test]
fn an_address_or_a_number_that_reads_like_a_request_is_kept_as_typed() {
    let mut chat = shop();
    for m in ["2 sukuma", "1", "2"] {
        chat.say(m);
    }
    chat.say("Picture House, Moi Avenue");
    assert_eq!(chat.state.stage.name(), "pay_phone_choice");
    match &chat.state.fulfilment {
        Some(FulfilmentChoice::Delivery { address, .. }) => {
            assert_eq!(address, "Picture House, Moi Avenue");
        }
        other => panic!("no delivery: {other:?}"),
    }
}

#[test]
fn a_hello_and_a_photo_request_get_both() {
    let mut chat = shop();
    let actions = chat.say("Habari, picha ya sukuma");
    let said = Chat::replies(&actions);
    assert!(said[0].starts_with("Karibu *Mama Mboga*"), "{said:?}");
    assert_eq!(
        photo_reply(&actions).photo,
        Some(item_id(&chat, "Sukuma wiki bunch"))
    );
}

#[test]
fn staff_holding_the_chat_keep_the_bot_quiet_about_photos() {
    let mut chat = shop();
    chat.say("hi");
    let until = Utc.from_utc_datetime(&chat.local_now) + Duration::minutes(30);
    chat.feed(Inbound::Takeover { until });
    assert!(chat.say("photo of sukuma").is_empty());
}

#[test]
fn lists_with_photos_end_with_how_to_see_them() {
    let mut plain = shop();
    for item in &mut plain.fx.items {
        item.photo = None;
    }
    for m in ["hi", "1"] {
        plain.say(m);
    }
    let plain_list = plain.say("1");
    let mut chat = shop();
    for m in ["hi", "1"] {
        chat.say(m);
    }
    let list = chat.say("1");
    let (plain_list, list) = (replies_of(&plain_list)[0], replies_of(&list)[0]);
    assert_eq!(list.rows, plain_list.rows, "the same rows");
    assert_eq!(
        list.text,
        format!(
            "{}\n📷 To see an item's photo, send *photo* and its name, e.g. *photo sukuma*.",
            plain_list.text
        )
    );
    assert!(!plain_list.text.contains("📷"), "no photo, no line");
    // In Kiswahili, naming the first item that has a photo; what it says
    // to type is understood.
    let mut chat = shop();
    let sukuma = chat
        .fx
        .items
        .iter_mut()
        .find(|i| i.name == "Sukuma wiki bunch");
    sukuma.expect("sukuma").photo = None;
    for m in ["sw", "1"] {
        chat.say(m);
    }
    let list = Chat::replies(&chat.say("1")).join("\n");
    assert!(
        list.ends_with(
            "\n📷 Kuona picha ya bidhaa, tuma *picha* na jina lake, mf. *picha onions*."
        ),
        "{list}"
    );
    let onions = chat.say("picha onions");
    assert_eq!(
        photo_reply(&onions).photo,
        Some(item_id(&chat, "Onions 1kg"))
    );
    // "Did you mean" lists too.
    let mut chat = shop();
    let did_you_mean = Chat::replies(&chat.say("1kg")).join("\n");
    assert!(did_you_mean.contains("Did you mean"), "{did_you_mean}");
    assert!(
        did_you_mean.ends_with("e.g. *photo onions*."),
        "{did_you_mean}"
    );
}

#[test]
fn a_reply_without_a_photo_is_stored_as_before() {
    let plain = Reply {
        text: "Hi".into(),
        rows: Vec::new(),
        photo: None,
    };
    let json = serde_json::to_string(&plain).expect("JSON");
    assert_eq!(json, r#"{"text":"Hi","rows":[]}"#);
    let back: Reply = serde_json::from_str(&json).expect("back");
    assert_eq!(back, plain);
    let with_photo = Reply {
        photo: Some(ItemId(id(100))),
        ..plain
    };
    let json = serde_json::to_string(&with_photo).expect("JSON");
    assert!(
        json.contains(r#""photo":"00000000-0000-0000-0000-000000000064""#),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<Reply>(&json).expect("back"),
        with_photo
    );
}
