//! The four languages side by side: greetings that pick a language, the
//! commands that switch it, every text translated, weekdays and dirhams in
//! the customer's own way, and Arabic kept byte for byte.

use super::super::matching::{self, classify, Said};
use super::super::texts;
use super::*;

/// Whether `text` has a letter of the Arabic script.
fn has_arabic(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic())
}

/// Every text the bot can say, by name, in `lang`, with each branch of the
/// texts that have several.
fn every_text(lang: Language) -> Vec<(String, String)> {
    let kes = |major| Money::from_major(major, Currency::KES);
    let phone = |p: &str| Msisdn::parse(p, Country::Kenya).expect("phone");
    let monday_8 = NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("date");
    let mut all: Vec<(String, String)> = vec![
        ("welcome".into(), texts::welcome(lang, "Mama Mboga", false)),
        (
            "welcome, on delivery".into(),
            texts::welcome(lang, "Mama Mboga", true),
        ),
        (
            "ask_contact_phone".into(),
            texts::ask_contact_phone(lang, Country::Morocco),
        ),
        (
            "pay_on_delivery_line, delivery".into(),
            texts::pay_on_delivery_line(lang, false),
        ),
        (
            "pay_on_delivery_line, pickup".into(),
            texts::pay_on_delivery_line(lang, true),
        ),
        (
            "taken_on_delivery, delivery".into(),
            texts::taken_on_delivery(lang, 12, kes(160), false),
        ),
        (
            "taken_on_delivery, pickup".into(),
            texts::taken_on_delivery(lang, 12, kes(160), true),
        ),
        (
            "taken_on_delivery_status".into(),
            texts::taken_on_delivery_status(lang, 12, false),
        ),
        (
            "no_prompt_on_delivery".into(),
            texts::no_prompt_on_delivery(lang),
        ),
        (
            "paid_but_nothing".into(),
            texts::paid_but_nothing(lang, "Mama Mboga"),
        ),
        ("you_are_welcome".into(), texts::you_are_welcome(lang)),
        ("menu".into(), texts::menu(lang, 0)),
        ("menu with a cart".into(), texts::menu(lang, 3)),
        (
            "opens_at today".into(),
            texts::opens_at(lang, monday_8, true),
        ),
        (
            "opens_at another day".into(),
            texts::opens_at(lang, monday_8, false),
        ),
        (
            "closed, still ordering".into(),
            texts::closed(lang, "08:00", true),
        ),
        ("closed".into(), texts::closed(lang, "08:00", false)),
        ("never_open".into(), texts::never_open(lang)),
        ("categories_title".into(), texts::categories_title(lang)),
        (
            "items_title".into(),
            texts::items_title(lang, "Vegetables", "Sukuma wiki"),
        ),
        ("all_items".into(), texts::all_items(lang)),
        ("more".into(), texts::more(lang)),
        ("sold_out_mark".into(), texts::sold_out_mark(lang).into()),
        ("empty_catalogue".into(), texts::empty_catalogue(lang)),
        (
            "how_many".into(),
            texts::how_many(lang, "Sukuma wiki", kes(30)),
        ),
        ("bad_quantity".into(), texts::bad_quantity(lang)),
        (
            "added".into(),
            texts::added(lang, 2, "Sukuma wiki", 2, kes(60)),
        ),
        (
            "added_several".into(),
            texts::added_several(
                lang,
                &["2 × Unga 2kg".into()],
                &["bread".into()],
                2,
                kes(420),
            ),
        ),
        (
            "only_left_note".into(),
            texts::only_left_note(lang, "Unga 2kg", 3),
        ),
        (
            "out_of_stock, none".into(),
            texts::out_of_stock(lang, "Avocado", 0),
        ),
        (
            "out_of_stock, some".into(),
            texts::out_of_stock(lang, "Unga 2kg", 3),
        ),
        ("not_found".into(), texts::not_found(lang, "bread")),
        ("did_you_mean".into(), texts::did_you_mean(lang)),
        ("cart_empty".into(), texts::cart_empty(lang)),
        (
            "cart_view".into(),
            texts::cart_view(lang, "• 2 × Sukuma = KES 60", kes(60)),
        ),
        ("removed".into(), texts::removed(lang, "Sukuma wiki")),
        ("cart_cleared".into(), texts::cart_cleared(lang)),
        (
            "choose_fulfilment".into(),
            texts::choose_fulfilment(lang, "1. …\n2. CBD — KES 100"),
        ),
        ("pickup_option".into(), texts::pickup_option(lang)),
        ("ask_address".into(), texts::ask_address(lang, "CBD")),
        ("address_too_short".into(), texts::address_too_short(lang)),
        (
            "choose_phone".into(),
            texts::choose_phone(lang, "0712 345 678"),
        ),
        ("ask_phone".into(), texts::ask_phone(lang)),
        (
            "bad_phone".into(),
            texts::bad_phone(
                lang,
                &crate::phone::PhoneError::NotRecognised,
                crate::Country::Kenya,
            ),
        ),
        (
            "bad_phone length".into(),
            texts::bad_phone(
                lang,
                &crate::phone::PhoneError::WrongLength(7),
                crate::Country::Morocco,
            ),
        ),
        (
            "summary, prompt and fee".into(),
            texts::summary(
                lang,
                "• 2 × Sukuma",
                "Pickup",
                kes(100),
                kes(160),
                texts::ConfirmAs::Prompt("0712 345 678".into()),
            ),
        ),
        (
            "summary, by hand".into(),
            texts::summary(
                lang,
                "• 2 × Sukuma",
                "Pickup",
                kes(0),
                kes(60),
                texts::ConfirmAs::ByHand,
            ),
        ),
        (
            "summary, on delivery".into(),
            texts::summary(
                lang,
                "• 2 × Sukuma",
                "Pickup",
                kes(0),
                kes(60),
                texts::ConfirmAs::OnDelivery,
            ),
        ),
        ("pickup_line".into(), texts::pickup_line(lang)),
        (
            "delivery_line".into(),
            texts::delivery_line(lang, "CBD", "Moi Avenue"),
        ),
        (
            "recipient_line".into(),
            texts::recipient_line(lang, "0733 111 222"),
        ),
        (
            "check_phone".into(),
            texts::check_phone(lang, kes(60), "0712 345 678"),
        ),
        (
            "pay_by_hand, till".into(),
            texts::pay_by_hand(lang, &PayTo::Till("5123456".into()), 1042, kes(60)),
        ),
        (
            "pay_by_hand, paybill".into(),
            texts::pay_by_hand(lang, &PayTo::Paybill("400200".into()), 1042, kes(60)),
        ),
        (
            "staff_will_say_how".into(),
            texts::staff_will_say_how(lang, 1042, kes(60)),
        ),
        (
            "code_received".into(),
            texts::code_received(lang, "QFT4ABC12X"),
        ),
        ("send_code_reminder".into(), texts::send_code_reminder(lang)),
        (
            "prompt_on_its_way".into(),
            texts::prompt_on_its_way(lang, Some(&phone("0712345678"))),
        ),
        (
            "prompt_on_its_way, no number".into(),
            texts::prompt_on_its_way(lang, None),
        ),
        ("no_prompt_by_hand".into(), texts::no_prompt_by_hand(lang)),
        ("nothing_to_pay".into(), texts::nothing_to_pay(lang)),
        ("still_waiting".into(), texts::still_waiting(lang)),
        (
            "paid".into(),
            texts::paid(lang, 1042, Some("QFT4ABC12X"), kes(60)),
        ),
        ("payment_failed".into(), texts::payment_failed(lang, "…")),
        ("payment_unknown".into(), texts::payment_unknown(lang)),
        ("order_cancelled".into(), texts::order_cancelled(lang)),
        ("nothing_to_cancel".into(), texts::nothing_to_cancel(lang)),
        ("no_orders".into(), texts::no_orders(lang)),
        ("agent".into(), texts::agent(lang, "Mama Mboga")),
        ("help".into(), texts::help(lang)),
        ("confirm_delete".into(), texts::confirm_delete(lang)),
        ("deleted".into(), texts::deleted(lang)),
        ("delete_kept".into(), texts::delete_kept(lang)),
        ("opted_out".into(), texts::opted_out(lang)),
        ("opted_in".into(), texts::opted_in(lang)),
        ("didnt_understand".into(), texts::didnt_understand(lang)),
        (
            "reply_with_number".into(),
            texts::reply_with_number(lang, 4),
        ),
        (
            "recipient_question, own".into(),
            texts::recipient_question(lang, "Safaricom 1GB", Some("0712 345 678")),
        ),
        (
            "recipient_question, typed".into(),
            texts::recipient_question(lang, "Safaricom 1GB", None),
        ),
        ("ask_recipient".into(), texts::ask_recipient(lang)),
        (
            "digital_sent".into(),
            texts::digital_sent(lang, "Safaricom 1GB", "0733 111 222"),
        ),
        (
            "digital_delivered".into(),
            texts::digital_delivered(lang, "Safaricom 1GB", "0733 111 222"),
        ),
        (
            "digital_failed".into(),
            texts::digital_failed(lang, "Safaricom 1GB", "0733 111 222"),
        ),
        ("language_set".into(), texts::language_set(lang)),
        (
            "photo_caption".into(),
            texts::photo_caption(
                lang,
                "Sukuma wiki bunch",
                kes(30),
                Some("2 sukuma wiki bunch"),
            ),
        ),
        (
            "photo_caption, sold out".into(),
            texts::photo_caption(lang, "Avocado", kes(20), None),
        ),
        (
            "no_photo_yet".into(),
            texts::no_photo_yet(lang, "Tomatoes 1kg", kes(120), Some("2 tomatoes 1kg")),
        ),
        (
            "no_photo_yet, sold out".into(),
            texts::no_photo_yet(lang, "Avocado", kes(20), None),
        ),
        ("photo_hint".into(), texts::photo_hint(lang, "sukuma")),
    ];
    for number in ["0733000111", "0770000111", "0712345678"] {
        all.push((
            format!("not_safaricom {number}"),
            texts::not_safaricom(lang, &phone(number)),
        ));
    }
    for status in OrderStatus::ALL {
        for kind in [None, Some(FulfilmentKind::Pickup)] {
            all.push((
                format!("status_update {status:?} {kind:?}"),
                texts::status_update(lang, 1042, status, kind),
            ));
        }
    }
    use PaymentFailure as F;
    for why in [
        F::Cancelled,
        F::InsufficientFunds,
        F::WrongPin,
        F::Unreachable,
        F::Busy,
        F::NotSent,
        F::AlreadyWaiting,
        F::OrderClosed,
        F::TooManyPrompts,
        F::Unsettled,
        F::Other,
    ] {
        all.push((
            format!("payment_failure {why:?}"),
            texts::payment_failure(lang, why).into(),
        ));
    }
    for why in [
        Rejection::NoLongerSold {
            item: "Avocado".into(),
        },
        Rejection::OnlyLeft {
            item: "Unga 2kg".into(),
            left: 3,
        },
        Rejection::ZoneGone,
        Rejection::TooLarge,
        Rejection::TooManyOpen { open: 3 },
    ] {
        all.push((format!("rejection {why:?}"), texts::rejection(lang, &why)));
    }
    all
}

#[test]
fn every_text_is_translated_into_french_and_arabic() {
    let en = every_text(Language::En);
    let fr = every_text(Language::Fr);
    let ar = every_text(Language::Ar);
    assert!(en.len() > 90, "every text and branch: {}", en.len());
    // English words that must not be left in a translation.
    let english = [
        "Reply ", "reply ", "Sorry", "Your ", "your ", " the ", "Type *", "Please", "Thank",
        "order",
    ];
    for ((name, en), ((_, fr), (_, ar))) in en.iter().zip(fr.iter().zip(ar.iter())) {
        assert!(!fr.trim().is_empty(), "{name}: French is empty");
        assert!(!ar.trim().is_empty(), "{name}: Arabic is empty");
        assert_ne!(fr, en, "{name}: French is the English");
        assert_ne!(ar, en, "{name}: Arabic is the English");
        assert_ne!(fr, ar, "{name}: French and Arabic are the same");
        assert!(has_arabic(ar), "{name}: no Arabic letters in {ar:?}");
        assert!(!has_arabic(fr), "{name}: Arabic letters in French {fr:?}");
        for word in english {
            assert!(!fr.contains(word), "{name}: {word:?} left in French {fr:?}");
            assert!(!ar.contains(word), "{name}: {word:?} left in Arabic {ar:?}");
        }
    }
}

#[test]
fn translations_keep_numbers_commands_and_markup() {
    // What the customer types back, and what identifies an order, reads the
    // same in every language.
    for lang in [Language::Fr, Language::Ar] {
        let menu = texts::menu(lang, 2);
        assert!(
            menu.contains("*2 sukuma*") && menu.contains("(2 "),
            "{menu}"
        );
        for n in ["1. ", "2. ", "3. ", "4. "] {
            assert!(menu.contains(n), "{lang:?} {n}: {menu}");
        }
        let paid = texts::paid(
            lang,
            1042,
            Some("QFT4ABC12X"),
            Money::from_major(60, Currency::KES),
        );
        for kept in ["*#1042*", "(M-Pesa QFT4ABC12X)", "KES 60", "✅"] {
            assert!(paid.contains(kept), "{lang:?} {kept}: {paid}");
        }
        let help = texts::help(lang);
        for kept in ["*menu*", "*agent*", "*fr*/*ar*", "*stop*", "*delete me*"] {
            assert!(help.contains(kept), "{lang:?} {kept}: {help}");
        }
        assert_eq!(texts::welcome(lang, "Duka", false).matches('*').count(), 2);
        // A photo's caption, and the answer when there is none, keep the
        // item's name in bold, its price and what to type to order it.
        let kes = |major| Money::from_major(major, Currency::KES);
        for text in [
            texts::photo_caption(
                lang,
                "Sukuma wiki bunch",
                kes(30),
                Some("2 sukuma wiki bunch"),
            ),
            texts::no_photo_yet(
                lang,
                "Sukuma wiki bunch",
                kes(30),
                Some("2 sukuma wiki bunch"),
            ),
        ] {
            for kept in ["*Sukuma wiki bunch*", "KES 30", "*2 sukuma wiki bunch*"] {
                assert!(text.contains(kept), "{lang:?} {kept}: {text}");
            }
            assert_eq!(text.lines().count(), 2, "{lang:?}: {text}");
        }
        let sold_out = texts::photo_caption(lang, "Avocado", kes(20), None);
        assert!(sold_out.ends_with(texts::sold_out_mark(lang)), "{sold_out}");
    }
    // What the photo line under a list asks to type is a photo request in
    // the same language.
    assert!(texts::photo_hint(Language::Fr, "sukuma").contains("*photo sukuma*"));
    assert!(texts::photo_hint(Language::Ar, "sukuma").contains("*صورة sukuma*"));
    assert_eq!(
        classify("صورة sukuma"),
        Said::Photo {
            lang: Some(Language::Ar),
            item: "sukuma".into()
        }
    );
    assert_eq!(
        classify("photo sukuma"),
        Said::Photo {
            lang: None,
            item: "sukuma".into()
        }
    );
    // Each menu offers the other Moroccan language, as English offers
    // Kiswahili.
    assert!(texts::menu(Language::Fr, 0).contains("Tapez *ar* pour l'arabe."));
    assert!(texts::menu(Language::Ar, 0).contains("اكتبوا *fr* للفرنسية."));
    // The commands the translations ask for are understood.
    assert_eq!(classify("OUI"), Said::Yes);
    assert_eq!(classify("نعم"), Said::Yes);
    assert_eq!(classify("retirer sukuma"), Said::Remove("sukuma".into()));
    assert_eq!(classify("احذف sukuma"), Said::Remove("sukuma".into()));
    assert_eq!(classify("panier"), Said::Cart);
    assert_eq!(classify("suivi"), Said::Track);
    assert_eq!(classify("annuler"), Said::Cancel);
    assert_eq!(classify("إلغاء"), Said::Cancel);
}

#[test]
fn english_and_kiswahili_texts_are_as_they_were() {
    // The same texts, through the new four-language picker, word for word.
    let kes = Money::from_major(60, Currency::KES);
    assert_eq!(
        texts::added(Language::En, 2, "Sukuma wiki bunch", 2, kes),
        "Added 2 × Sukuma wiki bunch. Cart: 2 item(s), KES 60.\n1. Checkout\n2. Add more\n3. View cart"
    );
    assert_eq!(
        texts::added(Language::Sw, 2, "Sukuma wiki bunch", 2, kes),
        "Nimeongeza 2 × Sukuma wiki bunch. Kikapu: bidhaa 2, KES 60.\n1. Lipa sasa\n2. Ongeza zaidi\n3. Angalia kikapu"
    );
    assert_eq!(
        texts::added_several(Language::Sw, &[], &["mkate".into()], 2, kes),
        "Sikuweza kuongeza \"mkate\". Kikapu: bidhaa 2, KES 60.\n1. Lipa sasa\n2. Ongeza zaidi\n3. Angalia kikapu"
    );
    assert_eq!(
        texts::menu(Language::En, 3),
        "Reply with a number:\n1. See what we sell\n2. My cart (3 in cart)\n3. Track my order\n4. Talk to a person\n\nOr just type what you want, e.g. *2 sukuma*. Type *sw* for Kiswahili."
    );
    assert_eq!(
        texts::only_left_note(Language::Sw, "Unga 2kg", 3),
        "Unga 2kg (zimebaki 3 tu)"
    );
    assert_eq!(
        texts::payment_failure(Language::Sw, PaymentFailure::WrongPin),
        "PIN ya M-Pesa haikuwa sahihi."
    );
    assert_eq!(
        PaymentFailure::WrongPin.to_string(),
        "the M-Pesa PIN was wrong."
    );
}

#[test]
fn greetings_are_listed_normalised_and_once() {
    let mut seen = std::collections::HashSet::new();
    for (list, lang) in matching::GREETINGS {
        for g in list {
            assert_eq!(
                matching::normalise(g),
                *g,
                "{lang:?}: {g} is not normalised"
            );
            assert!(seen.insert(*g), "{g} is in two lists");
        }
    }
}

#[test]
fn a_french_or_arabic_greeting_picks_that_language() {
    for (hello, lang) in [
        ("Bonjour", Language::Fr),
        ("bonsoir !", Language::Fr),
        ("Salut", Language::Fr),
        ("slt", Language::Fr),
        ("Bjr madame", Language::Fr),
        ("السلام عليكم", Language::Ar),
        ("السلام عليكم ورحمة الله", Language::Ar),
        ("مرحبا", Language::Ar),
        ("مرحبًا", Language::Ar),
        ("سلام", Language::Ar),
        ("أهلا", Language::Ar),
        ("Habari", Language::Sw),
    ] {
        let mut chat = Chat::new(Some("0712345678"));
        let actions = chat.say(hello);
        assert!(
            actions.contains(&Action::SetLanguage(lang)),
            "{hello}: {actions:?}"
        );
        assert_eq!(chat.state.lang, lang, "{hello}");
        assert!(!chat.state.lang_chosen, "{hello}: a greeting is no choice");
        let replies = Chat::replies(&actions).join("\n");
        assert!(replies.contains("*Mama Mboga*"), "{hello}: {replies}");
        assert_eq!(chat.state.stage.name(), "menu", "{hello}");
    }
    let mut chat = Chat::new(Some("0712345678"));
    let replies = Chat::replies(&chat.say("Bonjour")).join("\n");
    assert!(
        replies.starts_with("Bienvenue chez *Mama Mboga* !"),
        "{replies}"
    );
    assert!(replies.contains("Répondez par un numéro :"), "{replies}");
    let mut chat = Chat::new(Some("0712345678"));
    let replies = Chat::replies(&chat.say("السلام عليكم")).join("\n");
    assert!(
        replies.starts_with("مرحبًا بكم في *Mama Mboga*!"),
        "{replies}"
    );
    // English greetings, and "salam" in Latin letters, pick nothing.
    for hello in ["hi", "Hello", "salam", "Salam alaikum", "good morning"] {
        let mut chat = Chat::new(Some("0712345678"));
        let actions = chat.say(hello);
        assert!(
            !actions.iter().any(|a| matches!(a, Action::SetLanguage(_))),
            "{hello}: {actions:?}"
        );
        assert_eq!(chat.state.lang, Language::En, "{hello}");
    }
}

#[test]
fn a_greeting_with_a_request_in_french_or_arabic_is_answered_in_it() {
    let mut chat = Chat::new(Some("0712345678"));
    let replies = Chat::replies(&chat.say("Bonjour, 2 sukuma svp")).join("\n");
    assert!(replies.contains("Bienvenue chez *Mama Mboga*"), "{replies}");
    assert!(
        replies.contains("Ajouté : 2 × Sukuma wiki bunch."),
        "{replies}"
    );
    let mut chat = Chat::new(Some("0712345678"));
    let replies = Chat::replies(&chat.say("السلام عليكم 1 unga")).join("\n");
    assert!(replies.contains("مرحبًا بكم"), "{replies}");
    assert!(replies.contains("تمت إضافة 1 × Unga 2kg."), "{replies}");
}

#[test]
fn a_greeting_does_not_undo_the_customer_s_choice() {
    // The same rule as for Kiswahili: a chosen language stays.
    let mut chat = Chat::new(Some("0712345678"));
    chat.say("Bonjour");
    assert_eq!(chat.state.lang, Language::Fr);
    chat.say("ar");
    assert_eq!(chat.state.lang, Language::Ar);
    assert!(chat.state.lang_chosen);
    let actions = chat.say("Bonjour");
    assert!(!actions.iter().any(|a| matches!(a, Action::SetLanguage(_))));
    assert_eq!(chat.state.lang, Language::Ar, "the choice is remembered");
    chat.say("habari");
    assert_eq!(chat.state.lang, Language::Ar);
    // Before any choice, the latest greeting's language is used.
    let mut chat = Chat::new(Some("0712345678"));
    chat.say("habari");
    assert_eq!(chat.state.lang, Language::Sw);
    chat.say("السلام عليكم");
    assert_eq!(chat.state.lang, Language::Ar);
    chat.say("Bonsoir");
    assert_eq!(chat.state.lang, Language::Fr);
    // An English hello after a French one keeps French.
    chat.say("hi");
    assert_eq!(chat.state.lang, Language::Fr);
}

#[test]
fn typing_a_language_switches_to_it() {
    for (typed, lang, said) in [
        ("fr", Language::Fr, "D'accord, on continue en français."),
        (
            "Français",
            Language::Fr,
            "D'accord, on continue en français.",
        ),
        ("FRENCH", Language::Fr, "D'accord, on continue en français."),
        ("ar", Language::Ar, "حسنًا، سنكمل بالعربية."),
        ("arabic", Language::Ar, "حسنًا، سنكمل بالعربية."),
        ("Arabe", Language::Ar, "حسنًا، سنكمل بالعربية."),
        ("عربي", Language::Ar, "حسنًا، سنكمل بالعربية."),
        ("العربية", Language::Ar, "حسنًا، سنكمل بالعربية."),
        ("sw", Language::Sw, "Sawa, tutaongea Kiswahili."),
        ("en", Language::En, "Okay, English it is."),
    ] {
        let mut chat = Chat::new(Some("0712345678"));
        chat.say("2 sukuma");
        let actions = chat.say(typed);
        assert!(actions.contains(&Action::SetLanguage(lang)), "{typed}");
        assert_eq!(chat.state.lang, lang, "{typed}");
        assert!(chat.state.lang_chosen, "{typed}");
        let replies = Chat::replies(&actions);
        assert_eq!(replies[0], said, "{typed}");
        assert_eq!(chat.state.stage.name(), "menu", "{typed}");
        assert_eq!(chat.state.cart_units(), 2, "{typed}: the cart is kept");
    }
}

#[test]
fn a_closed_shop_names_the_weekday_in_the_customer_s_language() {
    // Monday 21:30: closed, opens Tuesday 08:00. Monday 06:00: opens today.
    // Saturday 21:00: closed Sunday, opens Monday.
    let at = |d, h, m| {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .expect("date")
    };
    for (hello, tuesday, today, monday) in [
        ("hi", "open Tue 08:00.", "open 08:00.", "open Mon 08:00."),
        (
            "habari",
            "tunafungua Jumanne 08:00.",
            "tunafungua 08:00.",
            "tunafungua Jumatatu 08:00.",
        ),
        (
            "bonjour",
            "et ouvrons mardi à 08:00.",
            "et ouvrons à 08:00.",
            "et ouvrons lundi à 08:00.",
        ),
        (
            "السلام عليكم",
            "ونفتح يوم الثلاثاء على الساعة 08:00.",
            "ونفتح على الساعة 08:00.",
            "ونفتح يوم الاثنين على الساعة 08:00.",
        ),
    ] {
        for (local_now, opens) in [
            (at(23, 21, 30), tuesday),
            (at(23, 6, 0), today),
            (at(28, 21, 0), monday),
        ] {
            let mut chat = Chat::new(Some("0712345678"));
            chat.local_now = local_now;
            let replies = Chat::replies(&chat.say(hello)).join("\n");
            assert!(replies.contains(opens), "{hello} {local_now}: {replies}");
        }
    }
    let mut chat = Chat::new(Some("0712345678"));
    chat.fx.shop.orders_when_closed = false;
    chat.local_now = at(23, 21, 30);
    let replies = Chat::replies(&chat.say("Bonsoir")).join("\n");
    assert!(
        replies.contains("Nous sommes fermés pour le moment et ouvrons mardi à 08:00. Revenez nous voir à ce moment-là !"),
        "{replies}"
    );
}

#[test]
fn a_moroccan_shop_shows_dirhams_the_moroccan_way() {
    let mut chat = Chat::new(Some("0712345678")).in_morocco();
    let unga = chat.fx.items.iter_mut().find(|i| i.name == "Unga 2kg");
    let unga = unga.expect("unga");
    unga.price = Money::from_minor(125_050, Currency::MAD);
    unga.kind = ItemKind::Physical { stock: None };
    let replies = Chat::replies(&chat.say("Bonjour")).join("\n");
    assert!(!replies.contains("MAD"), "{replies}");
    let replies = Chat::replies(&chat.say("1")).join("\n");
    assert!(replies.contains("Tous les produits"), "{replies}");
    let replies = Chat::replies(&chat.say("3")).join("\n");
    assert!(replies.contains("Unga 2kg — 1 250,50 DH"), "{replies}");
    assert!(replies.contains("Sukuma wiki bunch — 30 DH"), "{replies}");
    assert!(replies.contains("Avocado — 20 DH (épuisé)"), "{replies}");
    let replies = Chat::replies(&chat.say("unga")).join("\n");
    assert!(
        replies.contains("*Unga 2kg*, 1 250,50 DH l'unité."),
        "{replies}"
    );
    let replies = Chat::replies(&chat.say("2")).join("\n");
    assert!(
        replies.contains("Panier : 2 article(s), 2 501 DH."),
        "{replies}"
    );
    let replies = Chat::replies(&chat.say("1")).join("\n");
    assert!(replies.contains("2. CBD — 100 DH"), "{replies}");
    chat.say("2");
    chat.say("Rue Moulay Youssef 12");
    let replies = Chat::replies(&chat.say("1")).join("\n");
    assert!(replies.contains("• 2 × Unga 2kg = 2 501 DH"), "{replies}");
    assert!(replies.contains("Frais de livraison : 100 DH"), "{replies}");
    assert!(replies.contains("*Total : 2 601 DH*"), "{replies}");
    let replies = Chat::replies(&chat.say("1")).join("\n");
    assert!(replies.contains("pour payer *2 601 DH*."), "{replies}");
    // The same shop in Kenya: prices as they always were.
    let mut chat = Chat::new(Some("0712345678"));
    chat.say("hi");
    chat.say("1");
    let replies = Chat::replies(&chat.say("1")).join("\n");
    assert!(replies.contains("Sukuma wiki bunch — KES 30"), "{replies}");
}

#[test]
fn arabic_is_kept_byte_for_byte() {
    // What the bot says in Arabic, and what the customer types in Arabic,
    // survive the state and actions core stores as JSON, unchanged.
    let mut chat = Chat::new(Some("0712345678"));
    let hello = chat.say("السلام عليكم");
    let welcome = Chat::replies(&hello)[0].to_owned();
    // "مرحبًا" as UTF-8: the text is stored as written, not re-encoded.
    let marhaban: &[u8] = &[
        0xD9, 0x85, 0xD8, 0xB1, 0xD8, 0xAD, 0xD8, 0xA8, 0xD9, 0x8B, 0xD8, 0xA7,
    ];
    assert!(welcome.as_bytes().starts_with(marhaban), "{welcome}");
    assert!(has_arabic(&welcome));
    chat.say("2 sukuma");
    chat.say("1");
    chat.say("2");
    let address = "حي الرياض، زنقة 5، الرباط";
    chat.say(address);
    let summary = chat.say("1");
    let summary_text = Chat::replies(&summary)[0].to_owned();
    assert!(
        summary_text.contains(&format!("التوصيل إلى CBD: {address}")),
        "{summary_text}"
    );
    match &chat.state.fulfilment {
        Some(FulfilmentChoice::Delivery { address: kept, .. }) => {
            assert_eq!(kept.as_bytes(), address.as_bytes());
        }
        other => panic!("no delivery: {other:?}"),
    }
    for text in [&welcome, &summary_text] {
        assert!(!text.contains('\u{FFFD}'), "replacement character: {text}");
        // UTF-8 Arabic read as Latin-1 starts with Ø or Ù.
        assert!(
            !text.contains('Ø') && !text.contains('Ù'),
            "mojibake: {text}"
        );
    }
    // Through JSON and back, as core stores them.
    let state = serde_json::to_string(&chat.state).expect("state to JSON");
    assert!(state.contains(address), "not escaped away: {state}");
    let back: BotState = serde_json::from_str(&state).expect("state from JSON");
    assert_eq!(back, chat.state);
    let replies: Vec<Reply> = summary
        .iter()
        .filter_map(|a| match a {
            Action::Reply(r) => Some(r.clone()),
            _ => None,
        })
        .collect();
    let json = serde_json::to_vec(&replies).expect("replies to JSON");
    let back: Vec<Reply> = serde_json::from_slice(&json).expect("replies from JSON");
    assert_eq!(back, replies);
    assert_eq!(back[0].text.as_bytes(), summary_text.as_bytes());
    assert_eq!(back_lang(&state), "Ar");
}

/// The language as stored in the bot's JSON state.
fn back_lang(state: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(state).expect("JSON");
    value["lang"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn a_number_that_cannot_be_read_is_explained_in_the_customer_s_language() {
    use crate::phone::PhoneError;
    // No English left inside another language's answer (the parser's own
    // words were put in before).
    for lang in [Language::Sw, Language::Fr, Language::Ar] {
        for why in [
            PhoneError::Empty,
            PhoneError::InvalidCharacters,
            PhoneError::NotRecognised,
            PhoneError::WrongLength(7),
        ] {
            let text = texts::bad_phone(lang, &why, crate::Country::Kenya);
            for english in ["number", "digits", "look", "Enter"] {
                assert!(!text.contains(english), "{lang:?} {why:?}: {text}");
            }
        }
    }
    let long = texts::bad_phone(
        Language::Sw,
        &PhoneError::WrongLength(7),
        crate::Country::Kenya,
    );
    assert!(
        long.contains('7') && long.contains("0712 345 678"),
        "{long}"
    );
    // A Moroccan shop's example is a Moroccan mobile.
    let moroccan = texts::bad_phone(
        Language::Fr,
        &PhoneError::NotRecognised,
        crate::Country::Morocco,
    );
    assert!(moroccan.contains("0612 345 678"), "{moroccan}");
}
