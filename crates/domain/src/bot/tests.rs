//! The bot's tests: a table of single steps, whole dialogues as golden
//! transcripts (English, Kiswahili, French and Arabic), the four languages
//! side by side, showing items' photos, and property tests that feed it
//! random input.

mod dialogues;
mod fuzz;
mod intents;
mod languages;
mod photos;
mod steps;

use super::*;
use crate::catalogue::{Category, DigitalKind, Item, ItemKind};
use crate::money::Currency;
use crate::phone::Country;
use crate::shop::{BusinessType, DeliveryZone, OpeningHours, Shop, ShopCode};
use chrono::{NaiveDate, TimeZone};
use uuid::Uuid;

pub(super) fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// A grocery with two categories, a data bundle, a sold-out item and two
/// zones, open 08:00-20:00 Monday to Saturday.
pub(super) struct Fixture {
    pub shop: Shop,
    pub zones: Vec<DeliveryZone>,
    pub items: Vec<Item>,
    pub categories: Vec<Category>,
    pub pay: BotPay,
}

fn item(n: u128, name: &str, price: i64, category: Option<u128>, kind: ItemKind) -> Item {
    Item {
        id: ItemId(id(n)),
        name: name.into(),
        description: String::new(),
        price: Money::from_major(price, Currency::KES),
        category_id: category.map(|c| CategoryId(id(c))),
        kind,
        archived: false,
        barcode: None,
        low_stock: None,
        aliases: Vec::new(),
        photo: None,
        tax_band: None,
        tax_class: None,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    }
}

impl Fixture {
    pub fn new() -> Self {
        let stock = |s| ItemKind::Physical { stock: Some(s) };
        let mut archived = item(108, "Old stock", 5, Some(10), stock(10));
        archived.archived = true;
        Fixture {
            shop: Shop {
                id: crate::ShopId(id(1)),
                name: "Mama Mboga".into(),
                code: ShopCode::parse("mama-mboga").expect("code"),
                business_type: BusinessType::Grocery,
                currency: Currency::KES,
                country: Country::Kenya,
                hours: OpeningHours::default(),
                orders_when_closed: true,
            },
            zones: vec![
                DeliveryZone {
                    id: ZoneId(id(20)),
                    name: "CBD".into(),
                    fee: Money::from_major(100, Currency::KES),
                    active: true,
                },
                DeliveryZone {
                    id: ZoneId(id(21)),
                    name: "Westlands".into(),
                    fee: Money::from_major(150, Currency::KES),
                    active: true,
                },
                DeliveryZone {
                    id: ZoneId(id(22)),
                    name: "Closed zone".into(),
                    fee: Money::from_major(1, Currency::KES),
                    active: false,
                },
            ],
            categories: vec![
                Category {
                    id: CategoryId(id(10)),
                    name: "Vegetables".into(),
                    position: 1,
                },
                Category {
                    id: CategoryId(id(11)),
                    name: "Data bundles".into(),
                    position: 2,
                },
            ],
            pay: BotPay::Prompt,
            items: vec![
                item(100, "Sukuma wiki bunch", 30, Some(10), stock(50)),
                item(101, "Tomatoes 1kg", 120, Some(10), stock(20)),
                item(
                    102,
                    "Onions 1kg",
                    100,
                    Some(10),
                    ItemKind::Physical { stock: None },
                ),
                item(103, "Avocado", 20, Some(10), stock(0)),
                item(
                    104,
                    "Safaricom 1GB 24h",
                    99,
                    Some(11),
                    ItemKind::Digital(DigitalKind::DataBundle {
                        megabytes: 1024,
                        validity_days: 1,
                    }),
                ),
                item(105, "Unga 2kg", 210, None, stock(3)),
                archived,
            ],
        }
    }

    /// The same shop in Morocco: the shop, its prices and its delivery fees
    /// in dirhams. (The chat's own number stays a Safaricom one, so the
    /// M-Pesa flow reads the same.)
    pub fn in_morocco(&mut self) {
        self.shop.currency = Currency::MAD;
        self.shop.country = Country::Morocco;
        for item in &mut self.items {
            item.price.currency = Currency::MAD;
        }
        for zone in &mut self.zones {
            zone.fee.currency = Currency::MAD;
        }
    }

    /// A Monday at 10:00 shop time (open).
    pub fn open_time() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("date")
    }

    pub fn ctx(
        &self,
        local_now: NaiveDateTime,
        chat_phone: Option<&str>,
        order: u128,
    ) -> BotContext<'_> {
        BotContext {
            shop: &self.shop,
            zones: &self.zones,
            items: &self.items,
            categories: &self.categories,
            now: Utc.from_utc_datetime(&local_now),
            local_now,
            chat_phone: chat_phone.map(|p| Msisdn::parse(p, Country::Kenya).expect("phone")),
            new_order_id: OrderId(id(order)),
            pay: &self.pay,
        }
    }
}

/// A conversation driven like core drives it: created orders get numbers,
/// and the test decides payment outcomes.
pub(super) struct Chat {
    pub fx: Fixture,
    pub state: BotState,
    pub phone: Option<&'static str>,
    pub local_now: NaiveDateTime,
    pub transcript: String,
    pub orders: Vec<OrderRequest>,
    pub payments: Vec<(OrderId, Msisdn)>,
    pub actions: Vec<Action>,
    next_order: u128,
}

impl Chat {
    pub fn new(phone: Option<&'static str>) -> Self {
        let fx = Fixture::new();
        let state = BotState::new(&fx.shop);
        Chat {
            fx,
            state,
            phone,
            local_now: Fixture::open_time(),
            transcript: String::new(),
            orders: Vec::new(),
            payments: Vec::new(),
            actions: Vec::new(),
            next_order: 1000,
        }
    }

    pub fn feed(&mut self, inbound: Inbound) -> Vec<Action> {
        let ctx = self.fx.ctx(self.local_now, self.phone, self.next_order);
        let (state, actions) = step(&self.state, &inbound, &ctx);
        self.state = state;
        for a in &actions {
            match a {
                Action::Reply(r) => {
                    for line in r.text.lines() {
                        self.transcript.push_str(&format!("< {line}\n"));
                    }
                }
                Action::CreateOrder(o) => {
                    self.transcript.push_str(&format!(
                        "  [create order with {} line(s)]\n",
                        o.lines.len()
                    ));
                    self.orders.push(o.clone());
                    self.next_order += 1;
                }
                Action::RequestPayment { phone, order_id } => {
                    let what = match self.fx.pay {
                        BotPay::Prompt => "M-Pesa prompt to",
                        BotPay::ByHand(_) => "payment by hand opened for",
                        BotPay::OnDelivery => "payment asked of a chat paid on delivery, for",
                    };
                    self.transcript
                        .push_str(&format!("  [{what} {}]\n", phone.as_str()));
                    self.payments.push((*order_id, phone.clone()));
                }
                other => self.transcript.push_str(&format!("  [{other:?}]\n")),
            }
        }
        self.actions.extend(actions.iter().cloned());
        actions
    }

    /// The chat with a shop in Morocco ([`Fixture::in_morocco`]), started
    /// afresh.
    pub fn in_morocco(mut self) -> Self {
        self.fx.in_morocco();
        self.state = BotState::new(&self.fx.shop);
        self
    }

    pub fn say(&mut self, text: &str) -> Vec<Action> {
        self.transcript.push_str(&format!("> {text}\n"));
        self.feed(Inbound::Text(text.into()))
    }

    /// Core's answer to a payment by hand: the order's number and total.
    pub fn by_hand(&mut self) -> Vec<Action> {
        let order = self.orders.last().expect("an order to pay").id;
        let total = self.last_total();
        self.feed(Inbound::PayByHand {
            order_id: order,
            number: 1042,
            total,
        })
    }

    /// Core's answer to an order paid on delivery: taken, with its number.
    pub fn taken(&mut self) -> Vec<Action> {
        let order = self.orders.last().expect("an order").id;
        let total = self.last_total();
        self.feed(Inbound::TakenOnDelivery {
            order_id: order,
            number: 1042,
            total,
        })
    }

    fn last_total(&self) -> Money {
        let order = self.orders.last().expect("an order to pay");
        let total = order
            .lines
            .iter()
            .map(|l| l.total().expect("total"))
            .fold(Money::zero(self.fx.shop.currency), |a, b| {
                a.checked_add(b).expect("sum")
            });
        let fee = match &order.fulfilment {
            FulfilmentChoice::Delivery { fee, .. } => *fee,
            FulfilmentChoice::Pickup => Money::zero(self.fx.shop.currency),
        };
        total.checked_add(fee).expect("sum")
    }

    pub fn pay(&mut self, outcome: PaymentOutcome) -> Vec<Action> {
        let order = self.orders.last().expect("an order to pay").id;
        self.transcript
            .push_str(&format!("  (payment: {outcome:?})\n"));
        let total = self.last_total();
        self.feed(Inbound::Payment {
            order_id: order,
            number: 1042,
            total,
            outcome,
        })
    }

    pub fn replies(actions: &[Action]) -> Vec<&str> {
        actions
            .iter()
            .filter_map(|a| match a {
                Action::Reply(r) => Some(r.text.as_str()),
                _ => None,
            })
            .collect()
    }
}

#[test]
fn a_customer_who_taps_the_shop_link_is_welcomed_by_that_shop() {
    let mut chat = Chat::new(Some("254712345678"));
    let greeting = chat.fx.shop.link_greeting();
    assert_eq!(greeting, "Hi Mama Mboga! (mama-mboga)");
    let actions = chat.say(&greeting);
    let replies = Chat::replies(&actions).join("\n");
    assert!(replies.contains("Mama Mboga"), "{replies}");
    assert!(
        !actions
            .iter()
            .any(|a| matches!(a, Action::Unrecognised { .. })),
        "the link's greeting was not understood: {actions:?}"
    );
    // Tapped again later, in the middle of an order: the welcome again,
    // the cart kept.
    chat.say("1");
    let again = chat.say(&greeting);
    assert!(Chat::replies(&again).join("\n").contains("Mama Mboga"));
}

#[test]
fn a_greeting_with_a_request_gets_the_request_answered() {
    // "Hi, I want…" is a hello and an order, not only a hello.
    let mut chat = Chat::new(Some("254712345678"));
    let replies = Chat::replies(&chat.say("Hi boss, 2 sukuma please")).join("\n");
    assert!(replies.contains("Welcome to *Mama Mboga*"), "{replies}");
    assert!(replies.contains("Added 2 × Sukuma wiki bunch"), "{replies}");
    // In Kiswahili, the answer is in Kiswahili.
    let mut chat = Chat::new(Some("254712345678"));
    let replies = Chat::replies(&chat.say("Niaje, 1 unga")).join("\n");
    assert!(replies.contains("Karibu"), "{replies}");
    assert!(replies.contains("Unga 2kg"), "{replies}");
    // A greeting alone is still a greeting.
    let mut chat = Chat::new(Some("254712345678"));
    let replies = Chat::replies(&chat.say("Habari za asubuhi")).join("\n");
    assert!(replies.contains("Karibu *Mama Mboga*"), "{replies}");
}

#[test]
fn items_are_found_by_their_other_names() {
    let mut chat = Chat::new(Some("254712345678"));
    let tomatoes = chat.fx.items.iter_mut().find(|i| i.name == "Tomatoes 1kg");
    tomatoes.expect("tomatoes").aliases = vec!["nyanya".into(), "ṭamaṭim".into()];
    let onions = chat.fx.items.iter_mut().find(|i| i.name == "Onions 1kg");
    onions.expect("onions").aliases = vec!["vitunguu".into()];
    // Kiswahili names, several in one message, a typo in one.
    let replies = Chat::replies(&chat.say("2 nyanya na 1 vitungu")).join("\n");
    assert!(replies.contains("2 × Tomatoes 1kg"), "{replies}");
    assert!(replies.contains("1 × Onions 1kg"), "{replies}");
    // Accents aside, as the customer's keyboard writes it.
    let replies = Chat::replies(&chat.say("tamatim 1")).join("\n");
    assert!(replies.contains("Tomatoes 1kg"), "{replies}");
    // Without the alias the same word finds nothing.
    let mut plain = Chat::new(Some("254712345678"));
    let replies = Chat::replies(&plain.say("2 nyanya")).join("\n");
    assert!(!replies.contains("Tomatoes 1kg"), "{replies}");
}

#[test]
fn thanks_get_a_short_close_not_the_whole_welcome() {
    for thanks in [
        "asante",
        "Asante sana!",
        "thanks",
        "poa",
        "merci",
        "شكرا",
        "👍",
        "🙏🏽",
        "ok",
    ] {
        let mut chat = Chat::new(Some("254712345678"));
        let replies = Chat::replies(&chat.say(thanks)).join("\n");
        assert!(
            replies.contains("Reply *0*") || replies.contains("Jibu *0*"),
            "{thanks}: {replies}"
        );
        assert!(!replies.contains("Welcome"), "{thanks}: {replies}");
        assert!(!replies.contains("1."), "{thanks}: no menu: {replies}");
    }
    // "ok" still confirms when the bot asked something.
    let mut chat = Chat::new(Some("254712345678"));
    chat.say("delete me");
    let replies = Chat::replies(&chat.say("ok")).join("\n");
    assert!(!replies.contains("Reply *0*"), "{replies}");
}

#[test]
fn several_items_in_one_message_are_each_added_and_the_rest_named() {
    use super::matching::split_items;
    assert_eq!(
        split_items("2 unga na 1 maziwa"),
        Some(vec!["2 unga".to_owned(), "1 maziwa".to_owned()])
    );
    assert_eq!(
        split_items("2 unga 1 maziwa"),
        Some(vec!["2 unga".to_owned(), "1 maziwa".to_owned()])
    );
    assert_eq!(
        split_items("sugar 2kg and bread"),
        Some(vec!["sugar 2kg".to_owned(), "bread".to_owned()])
    );
    for single in ["2 sukuma", "sukuma x2", "unga 2", "na", "tomatoes 1kg"] {
        assert_eq!(split_items(single), None, "{single}");
    }

    let mut chat = Chat::new(Some("254712345678"));
    let replies = Chat::replies(&chat.say("2 unga na 1 sukuma")).join("\n");
    assert!(
        replies.contains("Added 2 × Unga 2kg, 1 × Sukuma wiki bunch"),
        "{replies}"
    );
    assert!(replies.contains("Cart: 3 item(s)"), "{replies}");
    // What is not sold here is named back; what is short says so.
    let mut chat = Chat::new(Some("254712345678"));
    let replies = Chat::replies(&chat.say("tomatoes and bread, 5 unga")).join("\n");
    assert!(replies.contains("Added 1 × Tomatoes 1kg"), "{replies}");
    assert!(replies.contains("\"bread\""), "{replies}");
    assert!(replies.contains("Unga 2kg (only 3 left)"), "{replies}");
    // In Kiswahili, in Kiswahili.
    let mut chat = Chat::new(Some("254712345678"));
    chat.say("sw");
    let replies = Chat::replies(&chat.say("1 unga na 2 sukuma")).join("\n");
    assert!(
        replies.contains("Nimeongeza 1 × Unga 2kg, 2 × Sukuma wiki bunch"),
        "{replies}"
    );
}

#[test]
fn requests_in_a_sentence_are_understood() {
    use super::matching::{classify, Said};
    for (text, said) in [
        ("delete me please", Said::DeleteMe),
        ("Please delete my data", Said::DeleteMe),
        ("remove my number from your list", Said::DeleteMe),
        ("futa data yangu tafadhali", Said::DeleteMe),
        ("Supprimez mes données svp", Said::DeleteMe),
        ("Oda yangu iko wapi?", Said::Track),
        ("mzigo wangu uko wapi", Said::Track),
        ("where is my order??", Said::Track),
        ("Où est ma commande", Said::Track),
        ("I want to talk to someone", Said::Agent),
        ("naomba kuongea na mtu", Said::Agent),
        ("I paid but got nothing", Said::PaidNothing),
        ("nimelipa lakini sijapata kitu", Said::PaidNothing),
        (
            "Bonjour",
            Said::Greeting {
                lang: Some(Language::Fr),
            },
        ),
        (
            "السلام عليكم",
            Said::Greeting {
                lang: Some(Language::Ar),
            },
        ),
        ("hello", Said::Greeting { lang: None }),
        ("Salam alaikum", Said::Greeting { lang: None }),
        (
            "Habari",
            Said::Greeting {
                lang: Some(Language::Sw),
            },
        ),
    ] {
        assert_eq!(classify(text), said, "{text}");
    }
    // Not a request to erase: taking an item out of the cart, cancelling.
    assert_eq!(classify("remove sukuma"), Said::Remove("sukuma".into()));
    assert_ne!(classify("delete my order"), Said::DeleteMe);
    // "I paid but got nothing" after the order: a person checks it.
    let mut chat = Chat::new(Some("254712345678"));
    let actions = chat.say("I paid but got nothing");
    assert!(actions
        .iter()
        .any(|a| matches!(a, Action::NotifyStaff(StaffAlert::CustomerAskedForAgent))));
    assert!(Chat::replies(&actions)
        .join("\n")
        .contains("check your M-Pesa payment"));
    // Erasure is still confirmed before anything happens.
    let mut chat = Chat::new(Some("254712345678"));
    let actions = chat.say("please delete my data");
    assert!(!actions.iter().any(|a| matches!(a, Action::EraseCustomer)));
    let replies = Chat::replies(&actions).join("\n");
    assert!(replies.to_lowercase().contains("delete"), "{replies}");
}

#[test]
fn a_flood_of_hellos_is_one_hello() {
    // A hostile or stuck sender: fifty thousand greetings before a request
    // are read in one pass (no deep recursion), and the request answered.
    let mut chat = Chat::new(Some("254712345678"));
    let flood = format!("{}2 sukuma", "hi hello habari boss ".repeat(50_000));
    let replies = Chat::replies(&chat.say(&flood)).join("\n");
    assert!(replies.contains("Added 2 × Sukuma wiki bunch"), "{replies}");
    let mut chat = Chat::new(Some("254712345678"));
    let replies = Chat::replies(&chat.say(&"hi ".repeat(50_000))).join("\n");
    assert!(replies.contains("Welcome to *Mama Mboga*"), "{replies}");
    // The shop link's greeting, tapped over and over.
    let mut chat = Chat::new(Some("254712345678"));
    let link = format!("{}2 sukuma", "Hi Mama Mboga! (mama-mboga) ".repeat(20_000));
    let replies = Chat::replies(&chat.say(&link)).join("\n");
    assert!(replies.contains("Added 2 × Sukuma wiki bunch"), "{replies}");
}
