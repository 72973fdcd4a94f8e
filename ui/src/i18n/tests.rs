use super::*;
use fluent_syntax::ast;
use std::collections::BTreeSet;

/// The message ids of a file, failing on anything that does not parse.
fn ids(language: Language, source: &str) -> BTreeSet<String> {
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", language.code()));
    let mut seen = BTreeSet::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            assert!(
                seen.insert(m.id.name.to_owned()),
                "{}.ftl has {} twice",
                language.code(),
                m.id.name
            );
            assert!(
                m.value.is_some(),
                "{}.ftl: {} has no text",
                language.code(),
                m.id.name
            );
        }
    }
    seen
}

#[test]
fn every_language_has_exactly_the_messages_english_has() {
    let english = ids(Language::En, FILES[0].1);
    assert!(english.len() > 30);
    for (language, source) in &FILES[1..] {
        let these = ids(*language, source);
        let missing: Vec<_> = english.difference(&these).collect();
        let extra: Vec<_> = these.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}.ftl lacks {missing:?} and has extra {extra:?}",
            language.code()
        );
    }
    assert_eq!(
        FILES.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        Language::ALL
    );
}

#[test]
fn every_message_formats_in_every_language_without_errors() {
    for (language, source) in FILES {
        let bundle = bundle(language);
        for id in ids(language, source) {
            let pattern = bundle
                .get_message(&id)
                .and_then(|m| m.value())
                .unwrap_or_else(|| panic!("{}: {id}", language.code()));
            // Counts that reach every plural form of the four languages
            // (Arabic's zero, one, two, few, many and other).
            for count in [0, 1, 2, 3, 11, 100] {
                let mut args = FluentArgs::new();
                // Every value a message takes, named as the code names it:
                // words (`t_args`) and the number `t_count` puts in.
                for name in [
                    "shop",
                    "language",
                    "name",
                    "time",
                    "path",
                    "currency",
                    "total",
                    "number",
                    "url",
                    "amount",
                    "code",
                    "reason",
                    "version",
                    "device",
                    "pin",
                    "branch",
                    "original",
                    "receipt",
                    "actor",
                    "zone",
                    "change",
                    "tendered",
                    "step",
                    "status",
                    "who",
                    "qty",
                    "rule",
                    "goods",
                    "comparison",
                    "range",
                    "balance",
                    "counted",
                    "expected",
                    "by",
                    "percent",
                    "digits",
                    "typed",
                    "first",
                    "second",
                    "short",
                    "port",
                    "available",
                    "max",
                    "day",
                    "min",
                    "level",
                    "left",
                    "barcode",
                    "limit",
                    "most",
                    "days",
                ] {
                    args.set(name, "Amina");
                }
                args.set("count", FluentValue::from(count));
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(
                    errors.is_empty(),
                    "{} {id} ({count}): {errors:?}",
                    language.code()
                );
                assert!(!text.trim().is_empty(), "{} {id} is empty", language.code());
            }
        }
    }
}

/// Every `t("…")`, `t_args("…"` and `t_count("…"` in the UI's code, with
/// where it is.
fn keys_in_code() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("read the source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read a source file");
                for call in ["t(\"", "t_args(\"", "t_count(\""] {
                    for (at, _) in text.match_indices(call) {
                        // Only the functions of this module (not `.get("`…).
                        let before = text[..at].chars().last();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                            continue;
                        }
                        let rest = &text[at + call.len()..];
                        if let Some(end) = rest.find('"') {
                            out.push((rest[..end].to_owned(), path.display().to_string()));
                        }
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

#[test]
fn every_message_the_code_asks_for_is_in_the_files() {
    let english = ids(Language::En, FILES[0].1);
    let used = keys_in_code();
    assert!(used.len() > 20, "the scan found {} uses", used.len());
    let unknown: Vec<_> = used
        .iter()
        .filter(|(key, file)| !english.contains(key) && !file.ends_with("tests.rs"))
        .collect();
    assert!(
        unknown.is_empty(),
        "asked for but not in en.ftl: {unknown:?}"
    );
}

#[test]
fn a_message_is_given_in_the_chosen_language_with_its_values() {
    set_language(Language::Sw);
    assert_eq!(t("nav-till"), "Kaunta");
    assert_eq!(
        t_args("language-saved", &[("language", "Kiswahili")]),
        "Skrini sasa ziko kwa Kiswahili."
    );
    set_language(Language::Fr);
    assert_eq!(t("till-new-order"), "Nouvelle commande");
    // Arabic keeps a Latin value in its own direction, isolated.
    set_language(Language::Ar);
    let saved = t_args("language-saved", &[("language", "English")]);
    assert!(saved.contains("\u{2068}English\u{2069}"), "{saved:?}");
    // No message: the key, so a gap shows instead of hiding.
    assert_eq!(t("no-such-message"), "no-such-message");
    set_language(Language::En);
    assert_eq!(t("nav-till"), "Till");
    assert_eq!(language(), Language::En);
}

#[test]
fn a_count_chooses_the_plural_form_of_each_language() {
    let items = |n: u32| t_count("till-order-items", n, &[]);
    set_language(Language::En);
    assert_eq!(items(0), "0 items");
    assert_eq!(items(1), "1 item");
    assert_eq!(items(3), "3 items");
    assert_eq!(
        t_count("start-count", 2usize, &[("total", "5")]),
        "2 of 5 done"
    );
    set_language(Language::Fr);
    assert_eq!(items(1), "1 article");
    assert_eq!(items(4), "4 articles");
    assert_eq!(
        t_count("start-count", 1usize, &[("total", "5")]),
        "1 étape sur 5 terminée"
    );
    set_language(Language::Sw);
    assert_eq!(
        t_count("start-count", 1usize, &[("total", "5")]),
        "Hatua 1 kati ya 5 imekamilika"
    );
    assert_eq!(
        t_count("start-count", 3usize, &[("total", "5")]),
        "Hatua 3 kati ya 5 zimekamilika"
    );
    set_language(Language::Ar);
    assert_eq!(items(1), "منتج واحد");
    assert_eq!(items(2), "منتجان");
    assert!(items(3).ends_with("منتجات"), "{}", items(3));
    assert!(items(11).ends_with("منتجًا"), "{}", items(11));
    set_language(Language::En);
}

#[test]
fn the_customers_page_counts_orders_as_before_in_english_and_by_plural_elsewhere() {
    let ask = |n: i64| t_count("customer-erase-question", n, &[("name", "Amina")]);
    set_language(Language::En);
    assert_eq!(
        ask(0),
        "Erase Amina's name, number and chats on every till? They have no orders. This cannot be undone."
    );
    assert!(ask(1).contains("? Their order stays in the tax records without their details. This"));
    assert!(ask(3).contains("Their 3 orders stay"));
    assert_eq!(
        t_count("customer-erased", 0i64, &[]),
        "Erased. 0 orders kept without their details."
    );
    assert_eq!(t_count("customer-orders", 1i64, &[]), "1 order");
    assert_eq!(t_count("hosted-pending", 0i64, &[]), "Nothing");
    assert_eq!(t_count("hosted-pending", 2i64, &[]), "2 changes");
    set_language(Language::Fr);
    assert_eq!(t_count("customer-orders", 1i64, &[]), "1 commande");
    assert_eq!(t_count("customer-orders", 4i64, &[]), "4 commandes");
    assert!(ask(0).contains("aucune commande"));
    set_language(Language::Sw);
    assert_eq!(t_count("customer-orders", 4i64, &[]), "Oda 4");
    set_language(Language::Ar);
    assert_eq!(t_count("customer-orders", 2i64, &[]), "طلبان");
    assert!(t_count("customer-orders", 5i64, &[]).ends_with("طلبات"));
    assert!(t_count("customer-orders", 11i64, &[]).ends_with("طلبًا"));
    set_language(Language::En);
}

/// One of each message the rules can send (`crates/domain/src/words.rs`).
fn every_rule_message() -> Vec<Box<dyn dukadesk_domain::words::Localize>> {
    use dukadesk_domain::cart::CartError;
    use dukadesk_domain::cash::TenderError;
    use dukadesk_domain::order::{NotAReceiptCode, OrderEvent, OrderStatus, TransitionError};
    use dukadesk_domain::payment::PayToError;
    use dukadesk_domain::receipt::AddressError;
    use dukadesk_domain::shop::ShopCodeError;
    use dukadesk_domain::{Currency, Money, MoneyError, PhoneError};
    let kes = |minor| Money::from_minor(minor, Currency::KES);
    let mut all: Vec<Box<dyn dukadesk_domain::words::Localize>> = vec![
        Box::new(PhoneError::Empty),
        Box::new(PhoneError::InvalidCharacters),
        Box::new(PhoneError::NotRecognised),
        Box::new(PhoneError::WrongLength(7)),
        Box::new(MoneyError::Empty),
        Box::new(MoneyError::NotANumber("abc".into())),
        Box::new(MoneyError::TooManyDecimals),
        Box::new(MoneyError::Negative),
        Box::new(MoneyError::TooLarge),
        Box::new(MoneyError::CurrencyMismatch("KES", "MAD")),
        Box::new(TenderError::Short {
            tendered: kes(50_000),
            total: kes(120_000),
            short: kes(70_000),
        }),
        Box::new(TransitionError::AlreadyPaid),
        Box::new(NotAReceiptCode),
        Box::new(ShopCodeError::TooShort),
        Box::new(ShopCodeError::TooLong),
        Box::new(ShopCodeError::BadCharacter),
        Box::new(ShopCodeError::DashAtEdge),
        Box::new(AddressError::Empty),
        Box::new(AddressError::BadPort("x".into())),
        Box::new(AddressError::NotAnAddress),
        Box::new(PayToError::BadNumber),
        Box::new(PayToError::NoKind),
        Box::new(CartError::NotForSale("Sugar 1kg".into())),
        Box::new(CartError::OutOfStock {
            name: "Sugar 1kg".into(),
            available: 2,
        }),
        Box::new(CartError::BadQuantity),
        Box::new(dukadesk_domain::barcode::LabelError::NoWeight),
        Box::new(dukadesk_domain::barcode::LabelError::NoPrice),
        Box::new(CartError::Currency("Sugar 1kg".into())),
    ];
    use dukadesk_domain::words::Problem;
    all.extend(
        [
            Problem::TooLong(60),
            Problem::NoItems,
            Problem::Quantity(999),
            Problem::ScaleLabel("2012345006783".into()),
            Problem::DeliveryAddress,
            Problem::DeliveryPhone,
            Problem::CreditPhone,
            Problem::OnDeliveryPhone,
            Problem::ShopName,
            Problem::ZoneName,
            Problem::AllDays,
            Problem::AliasTooLong("nyanya".into()),
            Problem::TooManyAliases(10),
            Problem::StockNumber,
            Problem::LowStockNumber,
            Problem::MegabytesNumber,
            Problem::ValidityNumber,
            Problem::ItemName,
            Problem::PriceZero,
            Problem::BundleSize,
            Problem::BundleDays,
            Problem::AirtimePrice,
            Problem::BundleValidity,
            Problem::Barcode,
            Problem::ItemClass,
            Problem::LowStockNeedsStock,
            Problem::CategoryName,
            Problem::CountedCash,
            Problem::CashUpNote,
            Problem::PrinterPort,
            Problem::ReportOrder,
            Problem::ReportDays(366),
            Problem::CommissionOn,
            Problem::ResellerName,
            Problem::ResellerCode,
            Problem::Percentage,
            Problem::PerUnit,
            Problem::PayWhom,
            Problem::PayoutAmount,
            Problem::PayoutMethod,
            Problem::PasswordShort(8),
            Problem::PasswordsDiffer,
            Problem::Pin,
            Problem::StaffName,
            Problem::StaffNameLong,
            Problem::PassphraseShort(10),
            Problem::PassphrasesDiffer,
            Problem::RepaidAmount,
            Problem::OwnerUsesPassword,
            Problem::PinTaken,
            Problem::PinNeeded,
            Problem::OwnerStays,
            Problem::NoOwnerPassword,
            Problem::CannotSignIn("Amina".into()),
            Problem::IdleMinutes,
            Problem::ItemRemoved,
            Problem::ItemArchived("Unga 2kg".into()),
            Problem::NoneLeft {
                name: "Unga 2kg".into(),
                level: -2,
            },
            Problem::OnlyLeft {
                name: "Unga 2kg".into(),
                left: 1,
                asked: 3,
            },
            Problem::NotAScaleLabel("123".into()),
            Problem::LabelNotFor {
                code: "2012345006783".into(),
                name: "Nyama 1kg".into(),
                item_code: "2012345".into(),
            },
            Problem::ZoneGone,
            Problem::AirtimePhone,
            Problem::CodeUsed {
                code: "QFT4ABC12X".into(),
                number: 1001,
            },
            Problem::ChoosePayment,
            Problem::PaidAtHandOver("#1001".into()),
            Problem::StatementCode,
            Problem::CodeOrReason,
            Problem::ReasonLong,
            Problem::CodeRecorded {
                code: "QFT4ABC12X".into(),
                number: 1001,
            },
            Problem::OwesNothing,
            Problem::OverLimit {
                name: "Wanjiru".into(),
                balance: kes(90_000),
                limit: kes(100_000),
                sale: kes(10_100),
            },
            Problem::SendCancelled,
            Problem::SendErased,
            Problem::MayStillDeliver,
            Problem::RefundNote,
            Problem::NothingToRefund,
            Problem::RefundOver { left: kes(25_000) },
            Problem::RefundAmount { left: kes(25_000) },
            Problem::RefundReason,
            Problem::ResellerErased,
            Problem::CannotRemind,
            Problem::UnknownEnvironment,
            Problem::DarajaKey,
            Problem::DarajaSecret,
            Problem::DarajaShortcode,
            Problem::DarajaPasskey,
            Problem::DarajaTill,
            Problem::IntaSendPublicKey,
            Problem::IntaSendSecretKey,
            Problem::AtUsername,
            Problem::AtApiKey,
            Problem::AtBundleProduct,
            Problem::KraKey,
            Problem::KraSecret,
            Problem::KraSerial,
            Problem::KraPin,
            Problem::KraBranch,
            Problem::ShopItemClass,
            Problem::ItemClassUnlisted("5059690800".into()),
            Problem::ItemClassWithdrawn {
                code: "5059690800".into(),
                name: "Maize flour".into(),
            },
            Problem::TypeAMessage,
            Problem::MessageTooLong,
            Problem::NeverWrote,
            Problem::CurrencyFixed,
            Problem::WhatsAppNumber,
            Problem::CategoryTaken("Unga".into()),
            Problem::CategoryGone,
            Problem::BarcodeTaken("Unga".into()),
            Problem::StockDelta,
            Problem::NotCounted("Unga".into()),
            Problem::ResellerCodeTaken {
                name: "Achieng".into(),
                code: "ACH".into(),
            },
            Problem::AppliesToGone,
            Problem::PayoutOver {
                most: kes(150_000),
                days: 14,
            },
            Problem::PayoutCodeRecorded("Unga".into()),
            Problem::DarajaFirst,
            Problem::IntaSendFirst,
            Problem::OrderYears { min: 5, max: 30 },
            Problem::PhoneTaken,
            Problem::KraFirst,
            Problem::InvoiceCarriesPin("Unga".into()),
            Problem::WrongPassphrase,
            Problem::PhotoEmpty,
            Problem::PhotoTooLarge,
            Problem::PhotoNotAPicture,
            Problem::PhotoUnreadable,
        ]
        .into_iter()
        .map(|p| Box::new(p) as Box<dyn dukadesk_domain::words::Localize>),
    );
    for left in [0, 1, 2, 3, 11] {
        all.push(Box::new(Problem::WrongPin(left)));
        all.push(Box::new(Problem::WrongPassword(left)));
    }
    for day in 0..7 {
        all.push(Box::new(Problem::ClosesBeforeOpening(day)));
        all.push(Box::new(Problem::HoursFormat(day)));
    }
    for status in OrderStatus::ALL {
        all.push(Box::new(TransitionError::Final(status)));
    }
    for event in OrderEvent::ALL {
        all.push(Box::new(TransitionError::Illegal {
            from: OrderStatus::Paid,
            event,
        }));
    }
    all
}

#[test]
fn the_rules_messages_read_in_english_word_for_word_and_in_every_language() {
    let english = ids(Language::En, FILES[0].1);
    let messages = every_rule_message();
    let keys: BTreeSet<String> = messages.iter().map(|m| m.words().key).collect();
    // Every key the rules' file names is said by one of the messages here.
    let source = include_str!("../../../crates/domain/src/words.rs");
    let named: BTreeSet<String> = ["\"error-", "\"problem-"]
        .iter()
        .flat_map(|start| source.match_indices(start))
        .filter_map(|(at, _)| {
            let rest = &source[at + 1..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect();
    assert!(named.len() > 90, "the scan found {} keys", named.len());
    for key in &named {
        assert!(english.contains(key), "{key} is not in en.ftl");
        let nested = key.starts_with("error-status-") || key.starts_with("error-step-");
        assert!(nested || keys.contains(key), "no sample says {key}");
    }
    for language in Language::ALL {
        set_language(language);
        for message in &messages {
            let text = said(message.as_ref());
            if language == Language::En {
                assert_eq!(text, message.to_string(), "{}", message.words().key);
            } else {
                assert_ne!(
                    text,
                    message.to_string(),
                    "{} {}",
                    language.code(),
                    message.words().key
                );
            }
            assert!(
                !text.contains("error-")
                    && !text.contains("order-step-")
                    && !text.contains("till-status-"),
                "{} {text}",
                language.code()
            );
        }
    }
    set_language(Language::En);
}

#[test]
fn the_failure_banner_s_english_is_the_file_s_and_every_language_has_its_words() {
    for (key, english) in crate::crashed::ENGLISH {
        assert_eq!(
            format_in(Language::En, key, None).as_deref(),
            Some(english),
            "{key}"
        );
    }
    // Read the way the failure's hook reads them: from the language in use.
    set_language(Language::Sw);
    assert_eq!(t("crashed-reload"), "Pakia skrini upya");
    assert_eq!(
        t_if_free("crashed-reload").as_deref(),
        Some("Pakia skrini upya")
    );
    set_language(Language::En);
}
