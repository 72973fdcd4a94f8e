//! The order bot: one state machine per customer chat,
//! `step(state, inbound, context) -> (state, actions)`, with no I/O.
//!
//! Core feeds it what happens (a customer's text, a payment outcome, staff
//! moving the order, staff taking over the chat) and performs the actions it
//! returns (send a reply, create the order, request an M-Pesa payment, tell
//! staff, erase the customer). Everything the bot says lives in [`texts`].
//!
//! Invariants: every customer text gets a reply unless staff have taken
//! over the chat; an order is created at most once per confirmation (the
//! confirming step moves the chat to `AwaitingPayment`, where a repeated
//! "1" only reports progress); the cart survives any input the bot does not
//! understand.

mod matching;
/// How names are compared: case, accents and punctuation aside.
pub(crate) use matching::normalise as normalise_name;
mod texts;

use crate::cart::{Cart, CartError, CartLine};
use crate::catalogue::{Category, Item, ItemKind};
use crate::customer::Language;
use crate::money::Money;
use crate::order::{FulfilmentKind, OrderStatus};
use crate::payment::{find_mpesa_code, PayTo};
use crate::phone::Msisdn;
use crate::shop::{DeliveryZone, Shop};
use crate::{CategoryId, ItemId, OrderId, ZoneId};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use matching::Said;
use serde::{Deserialize, Serialize};

/// Rows in one numbered list (WhatsApp lists hold at most 10 rows).
const PAGE: usize = 8;
/// How long the bot stays quiet after the customer asks for a person.
const AGENT_QUIET_HOURS: i64 = 2;
/// Longest text the matcher looks at; the rest of a huge message is ignored.
const MAX_QUERY_CHARS: usize = 80;

/// Something the bot was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inbound {
    /// The customer wrote.
    Text(String),
    /// The order the bot asked core to create could not be created.
    OrderRejected {
        /// Order id.
        order_id: OrderId,
        /// Why.
        reason: Rejection,
    },
    /// A payment request ended.
    Payment {
        /// Order.
        order_id: OrderId,
        /// Its number.
        number: i64,
        /// Total paid or asked.
        total: Money,
        /// What happened.
        outcome: PaymentOutcome,
    },
    /// Staff moved the order.
    OrderStatus {
        /// Order.
        order_id: OrderId,
        /// Its number.
        number: i64,
        /// New status.
        status: OrderStatus,
        /// Collected or delivered, which decides the words.
        fulfilment: FulfilmentKind,
    },
    /// Staff took the chat over until this time.
    Takeover {
        /// Quiet until.
        until: DateTime<Utc>,
    },
    /// Staff handed the chat back to the bot.
    Release,
    /// A payment by hand was opened for an order: tell the customer where
    /// to send the money and to send the M-Pesa code back.
    PayByHand {
        /// Order.
        order_id: OrderId,
        /// Its number (the paybill account).
        number: i64,
        /// Amount to send.
        total: Money,
    },
    /// An order paid on delivery was taken: tell the customer its number
    /// and what to have ready.
    TakenOnDelivery {
        /// Order.
        order_id: OrderId,
        /// Its number.
        number: i64,
        /// What the customer pays at the hand-over.
        total: Money,
    },
    /// Money was given back for an order (all or part of it).
    Refunded {
        /// Order.
        order_id: OrderId,
        /// Its number.
        number: i64,
        /// How much.
        amount: Money,
        /// Cash or M-Pesa.
        method: crate::refund::RefundMethod,
    },
    /// Airtime or a bundle of a paid order reached its final answer.
    Digital {
        /// Order.
        order_id: OrderId,
        /// What was sent, as the catalogue names it.
        item: String,
        /// Where it went, as the customer writes it (`0712 345 678`).
        recipient: String,
        /// Delivered, or not (the shop will send it again or refund).
        delivered: bool,
    },
}

/// How this chat is asked to pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum BotPay {
    /// An M-Pesa prompt on the customer's phone (a connected service; in
    /// the test chat, the simulator).
    #[default]
    Prompt,
    /// The customer sends money to the shop's till or paybill and sends the
    /// M-Pesa code; staff confirm it. `None`: the shop has not said where,
    /// so staff are asked to tell the customer.
    ByHand(Option<PayTo>),
    /// The customer pays in cash when the order is handed over (delivered,
    /// or collected at the shop): no M-Pesa at all. Staff record the money
    /// at the hand-over.
    OnDelivery,
}

/// How a payment request ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentOutcome {
    /// Money received.
    Paid {
        /// M-Pesa receipt code, when the provider reports it (Daraja's
        /// status query does not).
        receipt: Option<String>,
    },
    /// No money moved.
    Failed {
        /// Why.
        reason: PaymentFailure,
    },
    /// No final answer in time: money may have moved.
    Unknown,
}

/// Why no money moved. The bot says it in the customer's language; its
/// `Display` is the English staff see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentFailure {
    /// The customer cancelled the prompt.
    Cancelled,
    /// Not enough money on M-Pesa.
    InsufficientFunds,
    /// Wrong M-Pesa PIN.
    WrongPin,
    /// The phone could not be reached, or the prompt timed out.
    Unreachable,
    /// Another M-Pesa payment was in progress on the phone.
    Busy,
    /// The prompt could not be sent (provider down or refusing the shop).
    NotSent,
    /// A prompt for this order is already waiting on the phone.
    AlreadyWaiting,
    /// The order can no longer take a payment.
    OrderClosed,
    /// This phone had too many prompts in the last hour.
    TooManyPrompts,
    /// An earlier attempt for this order has no final answer yet: money may
    /// have moved, so no new prompt until it is settled.
    Unsettled,
    /// Any other failure.
    Other,
}

impl std::fmt::Display for PaymentFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(texts::payment_failure(Language::En, *self))
    }
}

/// Why an order the customer confirmed could not be created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejection {
    /// An item was archived or removed meanwhile.
    NoLongerSold {
        /// Item name.
        item: String,
    },
    /// Stock ran short meanwhile.
    OnlyLeft {
        /// Item name.
        item: String,
        /// Units left.
        left: u32,
    },
    /// The delivery zone is no longer offered.
    ZoneGone,
    /// The amounts overflow.
    TooLarge,
    /// Paid on delivery: this chat already has as many orders waiting to be
    /// handed over as a shop takes on trust
    /// ([`MAX_OPEN_ON_DELIVERY`]).
    TooManyOpen {
        /// Its orders waiting.
        open: u32,
    },
}

/// Orders paid on delivery one chat may have waiting at once: each takes
/// stock with no money in, so a customer (or someone playing one) cannot
/// empty the shelves with orders nobody will receive.
pub const MAX_OPEN_ON_DELIVERY: u32 = 3;

/// A reply, with list rows for channels that can show interactive lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// The text; numbered options are written into it, so it reads well on
    /// any WhatsApp account.
    pub text: String,
    /// Row titles (at most 24 characters each) of the numbered options.
    pub rows: Vec<String>,
    /// An item's photo to send with this text as its caption (channels
    /// that cannot carry images send the text alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<ItemId>,
}

/// How the customer gets a new order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FulfilmentChoice {
    /// Collect at the shop (or a digital item).
    Pickup,
    /// Delivery.
    Delivery {
        /// Zone.
        zone_id: ZoneId,
        /// Zone name.
        zone_name: String,
        /// Fee shown to the customer.
        fee: Money,
        /// Address or landmark.
        address: String,
    },
}

/// The order the customer confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRequest {
    /// The id to create it under (idempotent in core).
    pub id: OrderId,
    /// Lines at the prices shown.
    pub lines: Vec<CartLine>,
    /// Pickup or delivery.
    pub fulfilment: FulfilmentChoice,
    /// The number to charge.
    pub pay_phone: Msisdn,
    /// Who receives airtime or a bundle, if the order has any.
    pub recipient: Option<Msisdn>,
}

/// Why staff are alerted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffAlert {
    /// The customer asked for a person.
    CustomerAskedForAgent,
    /// A payment's outcome is unknown and needs settling by hand.
    PaymentUnknown,
    /// While staff held the chat, the customer asked to be erased, or to
    /// stop or start messages, and the bot answered: those are honoured
    /// whoever is answering.
    CustomerRights,
    /// The customer sent an M-Pesa code for a payment by hand: staff check
    /// it against the statement and confirm.
    PaymentClaimed,
    /// An order waits for a payment by hand but the shop has no till or
    /// paybill number in Settings: staff tell the customer how to pay.
    NoWayToPay,
}

/// What core should do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Send a message to the customer.
    Reply(Reply),
    /// Create the order (then request payment).
    CreateOrder(OrderRequest),
    /// Ask M-Pesa for payment of an order (a new attempt each time).
    RequestPayment {
        /// Order.
        order_id: OrderId,
        /// Number to charge.
        phone: Msisdn,
    },
    /// Take an order that is paid on delivery: no payment is asked for;
    /// it waits for staff to prepare it.
    TakeOnDelivery {
        /// Order.
        order_id: OrderId,
    },
    /// Cancel an unpaid order.
    CancelOrder {
        /// Order.
        order_id: OrderId,
    },
    /// Tell staff.
    NotifyStaff(StaffAlert),
    /// Remember the customer's language.
    SetLanguage(Language),
    /// Record the customer's objection to non-essential messages (or its end).
    SetOptOut(bool),
    /// Erase the customer's personal data (confirmed DELETE ME).
    EraseCustomer,
    /// The customer says they paid an order by hand, with this M-Pesa code
    /// (its shape checked); staff confirm it.
    ClaimPayment {
        /// Order.
        order_id: OrderId,
        /// The code, upper case.
        code: String,
    },
    /// Input the bot could not place; core logs the stage, never the text.
    Unrecognised {
        /// Stage name.
        stage: &'static str,
    },
}

/// One entry of a numbered list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    /// A category (`None`: everything).
    Category(Option<CategoryId>),
    /// An item.
    Item(ItemId),
    /// The next page of a category's items.
    More {
        /// Category (`None`: everything).
        category: Option<CategoryId>,
        /// First item of the next page.
        offset: usize,
    },
}

/// Where the chat is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Stage {
    /// Nothing pending.
    #[default]
    Idle,
    /// The main menu was shown.
    Menu,
    /// A numbered list was shown.
    Pick(Vec<Choice>),
    /// Asked how many of an item.
    Quantity(ItemId),
    /// Cart options shown (checkout, add more, view or empty).
    CartOptions {
        /// Whether option 3 empties the cart (shown in the cart view) or
        /// shows it (after adding).
        viewing: bool,
    },
    /// Pickup or a delivery zone.
    Fulfilment(Vec<ZoneId>),
    /// Asked the delivery address.
    Address(ZoneId),
    /// "This number or another?"
    PayPhoneChoice,
    /// Typing the number to charge; `retry` when re-paying an existing order.
    PayPhoneEntry {
        /// The order to re-pay, if any.
        retry: Option<OrderId>,
    },
    /// "Who is the airtime for?"
    RecipientChoice(ItemId),
    /// Typing the receiving number.
    RecipientEntry(ItemId),
    /// The order summary was shown.
    Confirm,
    /// A payment request is out.
    AwaitingPayment(OrderId),
    /// The last attempt failed: retry, another number, or cancel.
    PaymentFailed(OrderId),
    /// Asked to confirm DELETE ME.
    ConfirmDelete,
}

impl Stage {
    fn name(&self) -> &'static str {
        match self {
            Stage::Idle => "idle",
            Stage::Menu => "menu",
            Stage::Pick(_) => "pick",
            Stage::Quantity(_) => "quantity",
            Stage::CartOptions { .. } => "cart",
            Stage::Fulfilment(_) => "fulfilment",
            Stage::Address(_) => "address",
            Stage::PayPhoneChoice => "pay_phone_choice",
            Stage::PayPhoneEntry { .. } => "pay_phone_entry",
            Stage::RecipientChoice(_) => "recipient_choice",
            Stage::RecipientEntry(_) => "recipient_entry",
            Stage::Confirm => "confirm",
            Stage::AwaitingPayment(_) => "awaiting_payment",
            Stage::PaymentFailed(_) => "payment_failed",
            Stage::ConfirmDelete => "confirm_delete",
        }
    }
}

/// The last order the customer placed, for `track` and de-duplicating
/// status messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastOrder {
    /// Order.
    pub id: OrderId,
    /// Number.
    pub number: i64,
    /// Last status told to the customer.
    pub status: OrderStatus,
    /// Collected or delivered (`None` in a chat remembered from before
    /// this was kept: told as a delivery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfilment: Option<FulfilmentKind>,
    /// Paid in cash at the hand-over.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_delivery: bool,
}

/// Everything the bot remembers about one chat. Stored as JSON by core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotState {
    /// Language in use.
    pub lang: Language,
    /// The customer picked the language (a greeting no longer switches it).
    pub lang_chosen: bool,
    /// Where the chat is.
    pub stage: Stage,
    /// The cart.
    pub cart: Cart,
    /// Pickup or delivery, once chosen.
    pub fulfilment: Option<FulfilmentChoice>,
    /// Number to charge, once chosen.
    pub pay_phone: Option<Msisdn>,
    /// Receiving number for airtime and bundles.
    pub recipient: Option<Msisdn>,
    /// The order waiting for payment.
    pub pending_order: Option<OrderId>,
    /// The last confirmed order.
    pub last_order: Option<LastOrder>,
    /// While in the future, staff handle the chat and the bot is quiet.
    pub quiet_until: Option<DateTime<Utc>>,
}

impl BotState {
    /// A new chat in the shop's currency.
    pub fn new(shop: &Shop) -> Self {
        Self {
            lang: Language::En,
            lang_chosen: false,
            stage: Stage::Idle,
            cart: Cart::new(shop.currency),
            fulfilment: None,
            pay_phone: None,
            recipient: None,
            pending_order: None,
            last_order: None,
            quiet_until: None,
        }
    }

    /// Units in the cart.
    pub fn cart_units(&self) -> u32 {
        self.cart.lines.iter().map(|l| l.qty).sum()
    }

    /// Whether the bot is quiet at `now`.
    pub fn is_quiet(&self, now: DateTime<Utc>) -> bool {
        self.quiet_until.is_some_and(|t| t > now)
    }
}

/// What the bot needs to know besides its state.
#[derive(Debug, Clone)]
pub struct BotContext<'a> {
    /// The shop.
    pub shop: &'a Shop,
    /// Delivery zones (inactive ones are skipped).
    pub zones: &'a [DeliveryZone],
    /// The catalogue (archived items are skipped).
    pub items: &'a [Item],
    /// Categories in menu order.
    pub categories: &'a [Category],
    /// Now.
    pub now: DateTime<Utc>,
    /// Now on the shop's wall clock.
    pub local_now: NaiveDateTime,
    /// The chat's own number; `None` when the channel hides it.
    pub chat_phone: Option<Msisdn>,
    /// The id a new order gets if this step creates one.
    pub new_order_id: OrderId,
    /// How this chat pays.
    pub pay: &'a BotPay,
}

/// One turn: the new state and what to do.
pub fn step(state: &BotState, inbound: &Inbound, ctx: &BotContext<'_>) -> (BotState, Vec<Action>) {
    let mut turn = Turn {
        s: state.clone(),
        ctx,
        out: Vec::new(),
        raw: String::new(),
    };
    match inbound {
        Inbound::Text(text) => turn.text(text),
        Inbound::OrderRejected { order_id, reason } => turn.rejected(*order_id, reason),
        Inbound::Payment {
            order_id,
            number,
            total,
            outcome,
        } => turn.payment(*order_id, *number, *total, outcome),
        Inbound::OrderStatus {
            order_id,
            number,
            status,
            fulfilment,
        } => turn.status(*order_id, *number, *status, *fulfilment),
        Inbound::Takeover { until } => turn.s.quiet_until = Some(*until),
        Inbound::Release => turn.s.quiet_until = None,
        Inbound::PayByHand {
            order_id,
            number,
            total,
        } => turn.pay_by_hand(*order_id, *number, *total),
        Inbound::TakenOnDelivery {
            order_id,
            number,
            total,
        } => turn.taken_on_delivery(*order_id, *number, *total),
        Inbound::Refunded {
            number,
            amount,
            method,
            ..
        } => {
            let lang = turn.lang();
            turn.say(texts::refunded(lang, *number, *amount, *method));
        }
        Inbound::Digital {
            item,
            recipient,
            delivered,
            ..
        } => {
            let lang = turn.lang();
            turn.say(if *delivered {
                texts::digital_delivered(lang, item, recipient)
            } else {
                texts::digital_failed(lang, item, recipient)
            });
        }
    }
    (turn.s, turn.out)
}

struct Turn<'c, 'a> {
    s: BotState,
    ctx: &'c BotContext<'a>,
    out: Vec<Action>,
    /// The message as typed (commas kept: they separate items).
    raw: String,
}

impl Turn<'_, '_> {
    fn lang(&self) -> Language {
        self.s.lang
    }

    fn say(&mut self, text: String) {
        self.out.push(Action::Reply(Reply {
            text,
            rows: Vec::new(),
            photo: None,
        }));
    }

    /// A numbered list, and a last line under it when `footer` has one.
    fn say_list(&mut self, title: String, rows: Vec<String>, footer: Option<String>) {
        let mut text = title;
        for (i, row) in rows.iter().enumerate() {
            text.push_str(&format!("\n{}. {row}", i + 1));
        }
        if let Some(footer) = footer {
            text.push('\n');
            text.push_str(&footer);
        }
        let rows = rows.iter().map(|r| r.chars().take(24).collect()).collect();
        self.out.push(Action::Reply(Reply {
            text,
            rows,
            photo: None,
        }));
    }

    fn items_on_sale(&self) -> impl Iterator<Item = &Item> {
        self.ctx.items.iter().filter(|i| !i.archived)
    }

    fn item(&self, id: ItemId) -> Option<&Item> {
        self.items_on_sale().find(|i| i.id == id)
    }

    // ---- text ----------------------------------------------------------

    fn text(&mut self, raw: &str) {
        self.raw = raw.to_owned();
        let said = if matching::is_thumbs_up(raw) {
            Said::Thanks
        } else {
            matching::classify(raw)
        };
        // An item named like a request ("Photo frame") is that item.
        let said = match said {
            Said::Photo { .. } if self.names_an_item(raw) => Said::Other(matching::normalise(raw)),
            said => said,
        };
        if let (true, Said::GreetingThen { rest, .. }) = (self.s.is_quiet(self.ctx.now), &said) {
            // Staff hold the chat: the request is what may need honouring.
            return self.text(&rest.clone());
        }
        if self.s.is_quiet(self.ctx.now) {
            match said {
                Said::Bot | Said::Menu => {
                    self.s.quiet_until = None;
                    return self.show_menu();
                }
                // A customer's rights do not wait for staff: DELETE ME (and
                // its confirmation), STOP and START are honoured while staff
                // hold the chat, and staff are told.
                Said::DeleteMe | Said::Stop | Said::Start => {}
                _ if self.s.stage == Stage::ConfirmDelete => {}
                _ => return,
            }
            self.out
                .push(Action::NotifyStaff(StaffAlert::CustomerRights));
        }
        if self.s.stage == Stage::ConfirmDelete {
            return self.confirm_delete(&said);
        }
        if let (Stage::AwaitingPayment(order_id), BotPay::ByHand(_)) = (&self.s.stage, self.ctx.pay)
        {
            if let Some(code) = find_mpesa_code(raw) {
                let order_id = *order_id;
                self.say(texts::code_received(self.lang(), &code));
                self.out.push(Action::ClaimPayment { order_id, code });
                self.out
                    .push(Action::NotifyStaff(StaffAlert::PaymentClaimed));
                return;
            }
        }
        // Addresses and phone numbers are read as typed, not as commands or
        // item names (unless they are a command). A photo request that names
        // no item ("Picture House, Moi Avenue") is read as typed too.
        let free_text = match &said {
            Said::Number(_) | Said::Other(_) | Said::Yes | Said::No | Said::Remove(_) => true,
            Said::Photo { item, .. } => self.photo_item(item).is_none(),
            _ => false,
        };
        if free_text {
            let raw = raw.chars().take(MAX_QUERY_CHARS * 4).collect::<String>();
            match self.s.stage.clone() {
                Stage::Address(zone) => return self.address(zone, &raw),
                Stage::PayPhoneEntry { retry } => return self.phone_entry(&raw, retry),
                Stage::RecipientEntry(item) => return self.recipient_entry(item, &raw),
                _ => {}
            }
        }
        match said {
            Said::Greeting { lang } => {
                self.heard_in(lang);
                self.greet();
            }
            Said::GreetingThen { lang, rest } => {
                self.heard_in(lang);
                // The shop's own name or code after the hello (the shop
                // link's greeting) is part of the hello.
                let rest = without_shop(&rest, self.ctx.shop);
                if rest.is_empty() {
                    return self.greet();
                }
                // A hello, then the request as if sent on its own.
                if self.s.stage == Stage::Idle {
                    self.say(texts::welcome(
                        self.lang(),
                        &self.ctx.shop.name,
                        self.on_delivery(),
                    ));
                    if !self.closed_notice() {
                        return;
                    }
                }
                self.text(&rest);
            }
            Said::Thanks => self.thanks(),
            // Still waiting for M-Pesa's answer: say so. Otherwise a
            // person checks the payment; the bot steps back.
            Said::PaidNothing if matches!(self.s.stage, Stage::AwaitingPayment(_)) => {
                self.still_waiting()
            }
            Said::NoPrompt => self.no_prompt(),
            Said::PaidNothing => {
                self.s.quiet_until = Some(self.ctx.now + Duration::hours(AGENT_QUIET_HOURS));
                self.say(texts::paid_but_nothing(self.lang(), &self.ctx.shop.name));
                self.out
                    .push(Action::NotifyStaff(StaffAlert::CustomerAskedForAgent));
            }
            Said::Yes if self.s.stage == Stage::Idle => self.thanks(),
            Said::Menu | Said::Bot => self.show_menu(),
            Said::Help => self.say(texts::help(self.lang())),
            Said::Cart => self.show_cart(),
            Said::Track => self.track(),
            Said::Cancel => self.cancel(),
            Said::Agent => {
                self.s.quiet_until = Some(self.ctx.now + Duration::hours(AGENT_QUIET_HOURS));
                self.say(texts::agent(self.lang(), &self.ctx.shop.name));
                self.out
                    .push(Action::NotifyStaff(StaffAlert::CustomerAskedForAgent));
            }
            Said::DeleteMe => {
                self.s.stage = Stage::ConfirmDelete;
                self.say(texts::confirm_delete(self.lang()));
            }
            Said::Stop => {
                self.out.push(Action::SetOptOut(true));
                self.say(texts::opted_out(self.lang()));
            }
            Said::Start => {
                self.out.push(Action::SetOptOut(false));
                self.say(texts::opted_in(self.lang()));
                if !self.s.is_quiet(self.ctx.now) {
                    self.show_menu();
                }
            }
            Said::Language(lang) => {
                self.s.lang = lang;
                self.s.lang_chosen = true;
                self.out.push(Action::SetLanguage(lang));
                self.say(texts::language_set(lang));
                self.show_menu();
            }
            Said::Remove(what) => self.remove(&what),
            Said::Photo { lang, item } => {
                self.heard_in(lang);
                self.show_photo(&item);
            }
            Said::Number(n) => self.number(n),
            Said::Yes | Said::No => self.words(&matching::normalise(raw)),
            Said::Other(text) => self.words(&text),
        }
    }

    /// A greeting (or a photo request) in Kiswahili, French or Arabic
    /// switches the chat to that language, unless the customer picked one
    /// themselves. English greetings switch nothing: "hi" is said in every
    /// language.
    fn heard_in(&mut self, lang: Option<Language>) {
        if let Some(lang) = lang {
            if !self.s.lang_chosen && self.s.lang != lang {
                self.s.lang = lang;
                self.out.push(Action::SetLanguage(lang));
            }
        }
    }

    /// Thanks, or an "ok" with nothing asked: a short close, not the menu.
    fn thanks(&mut self) {
        self.say(texts::you_are_welcome(self.lang()));
    }

    fn greet(&mut self) {
        self.say(texts::welcome(
            self.lang(),
            &self.ctx.shop.name,
            self.on_delivery(),
        ));
        if self.s.pending_order.is_some() {
            self.still_waiting();
        }
        if !self.closed_notice() {
            return;
        }
        self.show_menu();
    }

    /// Tells the customer when a closed shop opens. Returns whether ordering
    /// may go on.
    fn closed_notice(&mut self) -> bool {
        let hours = &self.ctx.shop.hours;
        if hours.is_open(self.ctx.local_now) {
            return true;
        }
        let allowed = self.ctx.shop.orders_when_closed;
        match hours.next_opening(self.ctx.local_now) {
            Some(at) => {
                let today = at.date() == self.ctx.local_now.date();
                let when = texts::opens_at(self.lang(), at, today);
                self.say(texts::closed(self.lang(), &when, allowed));
            }
            None => self.say(texts::never_open(self.lang())),
        }
        allowed
    }

    fn show_menu(&mut self) {
        self.s.stage = Stage::Menu;
        self.say(texts::menu(self.lang(), self.s.cart_units()));
    }

    fn reprompt(&mut self) {
        self.out.push(Action::Unrecognised {
            stage: self.s.stage.name(),
        });
        if self.s.stage == Stage::Idle {
            // A first message we cannot place is still a hello.
            return self.greet();
        }
        self.say(texts::didnt_understand(self.lang()));
        self.show_menu();
    }

    // ---- numbers ---------------------------------------------------------

    fn number(&mut self, n: u32) {
        let n = n as usize;
        match self.s.stage.clone() {
            Stage::Idle => {
                if n == 1 {
                    self.browse();
                } else {
                    self.greet();
                }
            }
            Stage::Menu => match n {
                1 => self.browse(),
                2 => self.show_cart(),
                3 => self.track(),
                4 => self.words("agent"),
                _ => self.say(texts::reply_with_number(self.lang(), 4)),
            },
            Stage::Pick(list) => match list.get(n.wrapping_sub(1)).cloned() {
                Some(Choice::Category(c)) => self.show_items(c, 0),
                Some(Choice::More { category, offset }) => self.show_items(category, offset),
                Some(Choice::Item(id)) => self.chose_item(id, None),
                None => self.say(texts::reply_with_number(self.lang(), list.len())),
            },
            Stage::Quantity(item) => self.add(item, n as u32),
            Stage::CartOptions { viewing } => match n {
                1 => self.checkout(),
                2 => self.browse(),
                3 if viewing => {
                    self.s.cart.lines.clear();
                    self.say(texts::cart_cleared(self.lang()));
                    self.show_menu();
                }
                3 => self.show_cart(),
                _ => self.say(texts::reply_with_number(self.lang(), 3)),
            },
            Stage::Fulfilment(zones) => {
                if n == 1 {
                    self.s.fulfilment = Some(FulfilmentChoice::Pickup);
                    self.ask_pay_phone();
                } else if let Some(zone) = zones
                    .get(n.wrapping_sub(2))
                    .and_then(|z| self.zone(*z))
                    .cloned()
                {
                    self.s.stage = Stage::Address(zone.id);
                    self.say(texts::ask_address(self.lang(), &zone.name));
                } else {
                    self.say(texts::reply_with_number(self.lang(), zones.len() + 1));
                }
            }
            Stage::PayPhoneChoice => match (n, self.ctx.chat_phone.clone()) {
                (1, Some(own)) => {
                    self.s.pay_phone = Some(own);
                    self.confirm();
                }
                (2, _) => {
                    self.s.stage = Stage::PayPhoneEntry { retry: None };
                    self.say(texts::ask_phone(self.lang()));
                }
                _ => self.say(texts::reply_with_number(self.lang(), 2)),
            },
            Stage::RecipientChoice(item) => match (n, self.ctx.chat_phone.clone()) {
                (1, Some(own)) => {
                    self.s.recipient = Some(own);
                    self.add(item, 1);
                }
                (2, _) => {
                    self.s.stage = Stage::RecipientEntry(item);
                    self.say(texts::ask_recipient(self.lang()));
                }
                _ => self.say(texts::reply_with_number(self.lang(), 2)),
            },
            Stage::Confirm => match n {
                1 => self.place_order(),
                2 => self.show_cart(),
                3 => self.cancel(),
                _ => self.say(texts::reply_with_number(self.lang(), 3)),
            },
            Stage::AwaitingPayment(_) => self.still_waiting(),
            Stage::PaymentFailed(order) => match n {
                1 => match self.s.pay_phone.clone() {
                    Some(phone) => self.request_payment(order, phone),
                    None => {
                        self.s.stage = Stage::PayPhoneEntry { retry: Some(order) };
                        self.say(texts::ask_phone(self.lang()));
                    }
                },
                2 => {
                    self.s.stage = Stage::PayPhoneEntry { retry: Some(order) };
                    self.say(texts::ask_phone(self.lang()));
                }
                3 => self.cancel(),
                _ => self.say(texts::reply_with_number(self.lang(), 3)),
            },
            // Read as typed in `text`, before numbers get here.
            Stage::Address(_)
            | Stage::PayPhoneEntry { .. }
            | Stage::RecipientEntry(_)
            | Stage::ConfirmDelete => {}
        }
    }

    // ---- free text -------------------------------------------------------

    fn words(&mut self, text: &str) {
        let text: String = text.chars().take(MAX_QUERY_CHARS * 4).collect();
        match self.s.stage.clone() {
            Stage::AwaitingPayment(_) => return self.still_waiting(),
            Stage::Quantity(item) => {
                if let (Some(q), rest) = matching::split_quantity(&text) {
                    if rest.is_empty() {
                        return self.add(item, q);
                    }
                }
            }
            _ => {}
        }
        if text == "agent" {
            self.s.quiet_until = Some(self.ctx.now + Duration::hours(AGENT_QUIET_HOURS));
            self.say(texts::agent(self.lang(), &self.ctx.shop.name));
            self.out
                .push(Action::NotifyStaff(StaffAlert::CustomerAskedForAgent));
            return;
        }
        if let Some(parts) = matching::split_items(&self.raw) {
            if self.several(&parts) {
                return;
            }
        }
        let (qty, query) = matching::split_quantity(&text);
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        if query.is_empty() {
            return self.reprompt();
        }
        let found: Vec<ItemId> = matching::find_items(&query, self.ctx.items)
            .iter()
            .map(|i| i.id)
            .collect();
        match found.as_slice() {
            [] => {
                if self.s.stage == Stage::Idle {
                    return self.reprompt();
                }
                self.out.push(Action::Unrecognised {
                    stage: self.s.stage.name(),
                });
                self.say(texts::not_found(self.lang(), &query));
                self.s.stage = Stage::Menu;
            }
            [one] => self.chose_item(*one, qty),
            many => {
                let list: Vec<Choice> = many.iter().map(|id| Choice::Item(*id)).collect();
                let shown: Vec<&Item> = many.iter().filter_map(|id| self.item(*id)).collect();
                let rows = shown.iter().map(|i| self.item_row(i)).collect();
                let hint = self.photo_hint(&shown);
                self.s.stage = Stage::Pick(list);
                self.say_list(texts::did_you_mean(self.lang()), rows, hint);
            }
        }
    }

    // ---- browsing --------------------------------------------------------

    fn browse(&mut self) {
        if !self.closed_ok() {
            return;
        }
        if self.items_on_sale().next().is_none() {
            self.s.stage = Stage::Menu;
            return self.say(texts::empty_catalogue(self.lang()));
        }
        let used: Vec<&Category> = self
            .ctx
            .categories
            .iter()
            .filter(|c| self.items_on_sale().any(|i| i.category_id == Some(c.id)))
            .collect();
        if used.len() <= 1 {
            return self.show_items(used.first().map(|c| c.id), 0);
        }
        let mut list: Vec<Choice> = used.iter().map(|c| Choice::Category(Some(c.id))).collect();
        let mut rows: Vec<String> = used.iter().map(|c| c.name.clone()).collect();
        list.truncate(PAGE);
        rows.truncate(PAGE);
        list.push(Choice::Category(None));
        rows.push(texts::all_items(self.lang()));
        self.s.stage = Stage::Pick(list);
        self.say_list(texts::categories_title(self.lang()), rows, None);
    }

    fn closed_ok(&mut self) -> bool {
        if self.ctx.shop.hours.is_open(self.ctx.local_now) || self.ctx.shop.orders_when_closed {
            return true;
        }
        self.closed_notice();
        false
    }

    fn show_items(&mut self, category: Option<CategoryId>, offset: usize) {
        let items: Vec<&Item> = self
            .items_on_sale()
            .filter(|i| category.is_none() || i.category_id == category)
            .collect();
        let page: Vec<&Item> = items.iter().skip(offset).take(PAGE).copied().collect();
        if page.is_empty() {
            return self.browse();
        }
        let mut list: Vec<Choice> = page.iter().map(|i| Choice::Item(i.id)).collect();
        let mut rows: Vec<String> = page.iter().map(|i| self.item_row(i)).collect();
        if offset + PAGE < items.len() {
            list.push(Choice::More {
                category,
                offset: offset + PAGE,
            });
            rows.push(texts::more(self.lang()));
        }
        let example = page[0].name.clone();
        let title = match category.and_then(|c| self.ctx.categories.iter().find(|x| x.id == c)) {
            Some(c) => texts::items_title(self.lang(), &c.name, &example),
            None => texts::items_title(self.lang(), &texts::all_items(self.lang()), &example),
        };
        let hint = self.photo_hint(&page);
        self.s.stage = Stage::Pick(list);
        self.say_list(title, rows, hint);
    }

    fn item_row(&self, item: &Item) -> String {
        let mark = if item.available() == Some(0) {
            texts::sold_out_mark(self.lang())
        } else {
            ""
        };
        format!("{} — {}{mark}", item.name, item.price.local_text())
    }

    fn chose_item(&mut self, id: ItemId, qty: Option<u32>) {
        let Some(item) = self.item(id).cloned() else {
            return self.browse();
        };
        if !self.closed_ok() {
            return;
        }
        if item.available() == Some(0) {
            self.s.stage = Stage::Menu;
            return self.say(texts::out_of_stock(self.lang(), &item.name, 0));
        }
        if matches!(item.kind, ItemKind::Digital(_)) {
            self.s.stage = match self.ctx.chat_phone {
                Some(_) => Stage::RecipientChoice(id),
                None => Stage::RecipientEntry(id),
            };
            let own = self.ctx.chat_phone.as_ref().map(Msisdn::national);
            return self.say(texts::recipient_question(
                self.lang(),
                &item.name,
                own.as_deref(),
            ));
        }
        match qty {
            Some(q) => self.add(id, q),
            None => {
                self.s.stage = Stage::Quantity(id);
                self.say(texts::how_many(self.lang(), &item.name, item.price));
            }
        }
    }

    // ---- photos ------------------------------------------------------------

    /// Whether `raw` is, as a whole, the name (or another name) of an item
    /// for sale.
    fn names_an_item(&self, raw: &str) -> bool {
        let typed = matching::normalise(raw);
        self.items_on_sale()
            .any(|i| i.names().any(|n| matching::normalise(n) == typed))
    }

    /// The item a photo request names: the best match of its words, as
    /// `remove` takes from the cart, or, for a number, that place in the
    /// list just shown ("picha 2"). Items no longer sold are not shown.
    fn photo_item(&self, named: &str) -> Option<&Item> {
        let (number, query) = matching::split_quantity(named);
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        if !query.is_empty() {
            let best = matching::find_items(&query, self.ctx.items).first()?.id;
            return self.item(best);
        }
        let Stage::Pick(list) = &self.s.stage else {
            return None;
        };
        match list.get((number? as usize).checked_sub(1)?)? {
            Choice::Item(id) => self.item(*id),
            Choice::Category(_) | Choice::More { .. } => None,
        }
    }

    /// The item's photo with a caption (name, price, how to order it), or
    /// its name and price when it has no photo yet. A side question: the
    /// stage and the cart stay as they were, as for "where is my order".
    fn show_photo(&mut self, named: &str) {
        let Some(item) = self.photo_item(named).cloned() else {
            self.out.push(Action::Unrecognised {
                stage: self.s.stage.name(),
            });
            let query: String = named.chars().take(MAX_QUERY_CHARS).collect();
            return self.say(texts::not_found(self.lang(), &query));
        };
        let sold_out = item.available() == Some(0);
        // What to type to order it: a quantity and its name, one of a
        // digital item or of the last unit.
        let qty = match item.kind {
            ItemKind::Physical { .. } if item.available().is_none_or(|a| a >= 2) => 2,
            _ => 1,
        };
        let example = format!("{qty} {}", item.name.to_lowercase());
        let example = (!sold_out).then_some(example.as_str());
        let text = match item.photo {
            Some(_) => texts::photo_caption(self.lang(), &item.name, item.price, example),
            None => texts::no_photo_yet(self.lang(), &item.name, item.price, example),
        };
        self.out.push(Action::Reply(Reply {
            text,
            rows: Vec::new(),
            photo: item.photo.is_some().then_some(item.id),
        }));
    }

    /// Under a list of items when one of them has a photo: how to see it.
    fn photo_hint(&self, items: &[&Item]) -> Option<String> {
        let with_photo = items.iter().find(|i| i.photo.is_some())?;
        let word = with_photo
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        Some(texts::photo_hint(self.lang(), &word))
    }

    /// Several items in one message: each part that names one item for
    /// sale is added (one unit unless a quantity is given), the others are
    /// named back. Returns `false` when no part named an item, so the
    /// message is read as a single request.
    fn several(&mut self, parts: &[String]) -> bool {
        if !self.closed_ok() {
            return true;
        }
        let mut added = Vec::new();
        let mut missing = Vec::new();
        for part in parts.iter().take(10) {
            let (qty, query) = matching::split_quantity(part);
            let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
            let found: Vec<Item> = matching::find_items(&query, self.ctx.items)
                .into_iter()
                .filter(|i| !i.archived && matches!(i.kind, ItemKind::Physical { .. }))
                .cloned()
                .collect();
            let qty = qty.unwrap_or(1);
            match found.as_slice() {
                [item] if self.s.cart.add(item, qty).is_ok() => {
                    added.push(format!("{qty} × {}", item.name));
                }
                [item] => missing.push(texts::only_left_note(
                    self.lang(),
                    &item.name,
                    item.available().unwrap_or(0),
                )),
                _ => missing.push(part.clone()),
            }
        }
        if added.is_empty() {
            return false;
        }
        let subtotal = self
            .s
            .cart
            .subtotal()
            .unwrap_or(Money::zero(self.s.cart.currency));
        self.s.stage = Stage::CartOptions { viewing: false };
        let units = self.s.cart_units();
        self.say(texts::added_several(
            self.lang(),
            &added,
            &missing,
            units,
            subtotal,
        ));
        true
    }

    fn add(&mut self, id: ItemId, qty: u32) {
        let Some(item) = self.item(id).cloned() else {
            return self.browse();
        };
        match self.s.cart.add(&item, qty) {
            Ok(()) => {
                let subtotal = self
                    .s
                    .cart
                    .subtotal()
                    .unwrap_or(Money::zero(self.s.cart.currency));
                self.s.stage = Stage::CartOptions { viewing: false };
                let units = self.s.cart_units();
                self.say(texts::added(self.lang(), qty, &item.name, units, subtotal));
            }
            Err(CartError::BadQuantity) => {
                self.s.stage = Stage::Quantity(id);
                self.say(texts::bad_quantity(self.lang()));
            }
            Err(CartError::OutOfStock { available, .. }) => {
                let in_cart = self
                    .s
                    .cart
                    .lines
                    .iter()
                    .find(|l| l.item_id == id)
                    .map_or(0, |l| l.qty);
                let left = available.saturating_sub(in_cart);
                self.s.stage = if left > 0 {
                    Stage::Quantity(id)
                } else {
                    Stage::Menu
                };
                self.say(texts::out_of_stock(self.lang(), &item.name, left));
            }
            Err(CartError::NotForSale(_) | CartError::Currency(_)) => {
                self.say(texts::out_of_stock(self.lang(), &item.name, 0));
                self.s.stage = Stage::Menu;
            }
        }
    }

    fn remove(&mut self, what: &str) {
        let in_cart: Vec<Item> = self
            .ctx
            .items
            .iter()
            .filter(|i| self.s.cart.lines.iter().any(|l| l.item_id == i.id))
            .cloned()
            .collect();
        match matching::find_items(what, &in_cart).first() {
            Some(item) => {
                let name = item.name.clone();
                self.s.cart.remove(item.id, u32::MAX);
                self.say(texts::removed(self.lang(), &name));
                self.show_cart();
            }
            None => self.show_cart(),
        }
    }

    fn cart_lines(&self) -> String {
        self.s
            .cart
            .lines
            .iter()
            .map(|l| {
                let total = l.total().unwrap_or(l.unit_price);
                format!("• {} × {} = {}", l.qty, l.name, total.local_text())
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn show_cart(&mut self) {
        if self.s.cart.is_empty() {
            self.s.stage = Stage::Menu;
            return self.say(texts::cart_empty(self.lang()));
        }
        let subtotal = self
            .s
            .cart
            .subtotal()
            .unwrap_or(Money::zero(self.s.cart.currency));
        self.s.stage = Stage::CartOptions { viewing: true };
        let lines = self.cart_lines();
        self.say(texts::cart_view(self.lang(), &lines, subtotal));
    }

    // ---- checkout --------------------------------------------------------

    fn zone(&self, id: ZoneId) -> Option<&DeliveryZone> {
        self.ctx.zones.iter().find(|z| z.id == id && z.active)
    }

    fn has_physical(&self) -> bool {
        self.s.cart.lines.iter().any(|l| {
            self.ctx
                .items
                .iter()
                .find(|i| i.id == l.item_id)
                .is_none_or(|i| matches!(i.kind, ItemKind::Physical { .. }))
        })
    }

    fn checkout(&mut self) {
        if self.s.cart.is_empty() {
            return self.show_cart();
        }
        if !self.closed_ok() {
            return;
        }
        let zones: Vec<&DeliveryZone> = self.ctx.zones.iter().filter(|z| z.active).collect();
        if !self.has_physical() || zones.is_empty() {
            self.s.fulfilment = Some(FulfilmentChoice::Pickup);
            return self.ask_pay_phone();
        }
        let mut options = vec![format!("1. {}", texts::pickup_option(self.lang()))];
        options.extend(
            zones
                .iter()
                .enumerate()
                .map(|(i, z)| format!("{}. {} — {}", i + 2, z.name, z.fee.local_text())),
        );
        self.s.stage = Stage::Fulfilment(zones.iter().map(|z| z.id).collect());
        self.say(texts::choose_fulfilment(self.lang(), &options.join("\n")));
    }

    fn address(&mut self, zone_id: ZoneId, text: &str) {
        let Some(zone) = self.zone(zone_id).cloned() else {
            return self.checkout();
        };
        let address = text.trim();
        if address.chars().count() < 3 {
            return self.say(texts::address_too_short(self.lang()));
        }
        self.s.fulfilment = Some(FulfilmentChoice::Delivery {
            zone_id,
            zone_name: zone.name.clone(),
            fee: zone.fee,
            address: address.chars().take(200).collect(),
        });
        self.ask_pay_phone();
    }

    /// Whether this chat pays in cash at the hand-over.
    fn on_delivery(&self) -> bool {
        *self.ctx.pay == BotPay::OnDelivery
    }

    fn ask_pay_phone(&mut self) {
        // Paying by hand or on delivery, the customer pays from whatever
        // phone they like: the chat's own number is kept with the order,
        // nothing is asked.
        if let (BotPay::ByHand(_) | BotPay::OnDelivery, Some(own)) =
            (self.ctx.pay, self.ctx.chat_phone.clone())
        {
            self.s.pay_phone = Some(own);
            return self.confirm();
        }
        if self.on_delivery() {
            // Only a number the shop can call about the order.
            self.s.stage = Stage::PayPhoneEntry { retry: None };
            return self.say(texts::ask_contact_phone(self.lang(), self.ctx.shop.country));
        }
        match self.ctx.chat_phone.clone() {
            Some(own) if own.can_receive_mpesa_prompt() => {
                self.s.stage = Stage::PayPhoneChoice;
                self.say(texts::choose_phone(self.lang(), &own.national()));
            }
            Some(own) => {
                self.s.stage = Stage::PayPhoneEntry { retry: None };
                self.say(texts::not_safaricom(self.lang(), &own));
            }
            None => {
                self.s.stage = Stage::PayPhoneEntry { retry: None };
                self.say(texts::ask_phone(self.lang()));
            }
        }
    }

    fn parse_phone(&mut self, text: &str) -> Option<Msisdn> {
        match Msisdn::parse(text, self.ctx.shop.country) {
            Ok(p) => Some(p),
            Err(e) => {
                self.say(texts::bad_phone(self.lang(), &e, self.ctx.shop.country));
                None
            }
        }
    }

    fn phone_entry(&mut self, text: &str, retry: Option<OrderId>) {
        let Some(phone) = self.parse_phone(text) else {
            return;
        };
        if !phone.can_receive_mpesa_prompt() && !self.on_delivery() {
            return self.say(texts::not_safaricom(self.lang(), &phone));
        }
        self.s.pay_phone = Some(phone.clone());
        match retry {
            Some(order) => self.request_payment(order, phone),
            None => self.confirm(),
        }
    }

    fn recipient_entry(&mut self, item: ItemId, text: &str) {
        let Some(phone) = self.parse_phone(text) else {
            return;
        };
        self.s.recipient = Some(phone);
        self.add(item, 1);
    }

    fn totals(&self) -> (Money, Money, Money) {
        let currency = self.s.cart.currency;
        let subtotal = self.s.cart.subtotal().unwrap_or(Money::zero(currency));
        let fee = match &self.s.fulfilment {
            Some(FulfilmentChoice::Delivery { fee, .. }) => *fee,
            _ => Money::zero(currency),
        };
        (subtotal, fee, subtotal.checked_add(fee).unwrap_or(subtotal))
    }

    fn confirm(&mut self) {
        let Some(phone) = self.s.pay_phone.clone() else {
            return self.ask_pay_phone();
        };
        let (_, fee, total) = self.totals();
        let mut how = Vec::new();
        if self.has_physical() {
            how.push(match &self.s.fulfilment {
                Some(FulfilmentChoice::Delivery {
                    zone_name, address, ..
                }) => texts::delivery_line(self.lang(), zone_name, address),
                _ => texts::pickup_line(self.lang()),
            });
        }
        if let Some(r) = &self.s.recipient {
            if !self.digital_lines().is_empty() {
                how.push(texts::recipient_line(self.lang(), &r.national()));
            }
        }
        if self.on_delivery() {
            how.push(texts::pay_on_delivery_line(
                self.lang(),
                !matches!(self.s.fulfilment, Some(FulfilmentChoice::Delivery { .. })),
            ));
        }
        let how = how.join("\n");
        self.s.stage = Stage::Confirm;
        let lines = self.cart_lines();
        self.say(texts::summary(
            self.lang(),
            &lines,
            &how,
            fee,
            total,
            match self.ctx.pay {
                BotPay::Prompt => texts::ConfirmAs::Prompt(phone.national()),
                BotPay::ByHand(_) => texts::ConfirmAs::ByHand,
                BotPay::OnDelivery => texts::ConfirmAs::OnDelivery,
            },
        ));
    }

    fn digital_lines(&self) -> Vec<&CartLine> {
        self.s
            .cart
            .lines
            .iter()
            .filter(|l| {
                self.ctx
                    .items
                    .iter()
                    .any(|i| i.id == l.item_id && matches!(i.kind, ItemKind::Digital(_)))
            })
            .collect()
    }

    fn place_order(&mut self) {
        let (Some(phone), Some(fulfilment)) = (self.s.pay_phone.clone(), self.s.fulfilment.clone())
        else {
            return self.checkout();
        };
        if self.s.cart.is_empty() {
            return self.show_cart();
        }
        let id = self.ctx.new_order_id;
        let recipient = if self.digital_lines().is_empty() {
            None
        } else {
            self.s.recipient.clone()
        };
        self.out.push(Action::CreateOrder(OrderRequest {
            id,
            lines: self.s.cart.lines.clone(),
            fulfilment,
            pay_phone: phone.clone(),
            recipient,
        }));
        self.s.pending_order = Some(id);
        if self.on_delivery() {
            // Core takes it and answers with its number
            // (`taken_on_delivery`).
            self.out.push(Action::TakeOnDelivery { order_id: id });
            self.s.stage = Stage::AwaitingPayment(id);
            return;
        }
        self.request_payment(id, phone);
    }

    /// An order paid on delivery was taken: the customer hears its number
    /// and what to have ready, and the chat is free for the next one.
    fn taken_on_delivery(&mut self, order_id: OrderId, number: i64, total: Money) {
        if self.s.stage != Stage::AwaitingPayment(order_id) {
            return;
        }
        let pickup = !matches!(self.s.fulfilment, Some(FulfilmentChoice::Delivery { .. }));
        self.say(texts::taken_on_delivery(self.lang(), number, total, pickup));
        self.clear_order();
        self.s.last_order = Some(LastOrder {
            id: order_id,
            number,
            status: OrderStatus::AwaitingPayment,
            fulfilment: Some(if pickup {
                FulfilmentKind::Pickup
            } else {
                FulfilmentKind::Delivery
            }),
            on_delivery: true,
        });
    }

    fn request_payment(&mut self, order_id: OrderId, phone: Msisdn) {
        let (_, _, total) = self.totals();
        self.out.push(Action::RequestPayment {
            order_id,
            phone: phone.clone(),
        });
        self.s.stage = Stage::AwaitingPayment(order_id);
        // By hand, core answers with the order's number (the paybill
        // account) and the bot says where to pay then (`pay_by_hand`).
        if *self.ctx.pay == BotPay::Prompt {
            self.say(texts::check_phone(self.lang(), total, &phone.national()));
        }
    }

    /// "I did not get the prompt". While one is out, it may still come
    /// (a locked phone, a slow network) and a second would make two live
    /// prompts: the customer is told to look for it. Once it failed or ran
    /// out, it is sent again to the same number (the store keeps the limit
    /// of prompts an hour and answers with a refusal past it). A shop paid
    /// by hand sends no prompt at all: the customer is told how to pay.
    fn no_prompt(&mut self) {
        match (self.s.stage.clone(), &self.ctx.pay) {
            (Stage::AwaitingPayment(_), BotPay::Prompt) => {
                let phone = self.s.pay_phone.clone();
                self.say(texts::prompt_on_its_way(self.lang(), phone.as_ref()));
            }
            (Stage::AwaitingPayment(_), BotPay::ByHand(_)) => {
                self.say(texts::no_prompt_by_hand(self.lang()));
            }
            (_, BotPay::OnDelivery) => self.say(texts::no_prompt_on_delivery(self.lang())),
            (Stage::PaymentFailed(order), _) => match self.s.pay_phone.clone() {
                Some(phone) => self.request_payment(order, phone),
                None => {
                    self.s.stage = Stage::PayPhoneEntry { retry: Some(order) };
                    self.say(texts::ask_phone(self.lang()));
                }
            },
            _ => self.say(texts::nothing_to_pay(self.lang())),
        }
    }

    fn still_waiting(&mut self) {
        let text = match self.ctx.pay {
            BotPay::Prompt => texts::still_waiting(self.lang()),
            BotPay::ByHand(_) => texts::send_code_reminder(self.lang()),
            BotPay::OnDelivery => texts::no_prompt_on_delivery(self.lang()),
        };
        self.say(text);
    }

    fn pay_by_hand(&mut self, order_id: OrderId, number: i64, total: Money) {
        if self.s.stage != Stage::AwaitingPayment(order_id) {
            return;
        }
        match self.ctx.pay {
            BotPay::ByHand(Some(to)) => {
                self.say(texts::pay_by_hand(self.lang(), to, number, total));
            }
            _ => {
                self.say(texts::staff_will_say_how(self.lang(), number, total));
                self.out.push(Action::NotifyStaff(StaffAlert::NoWayToPay));
            }
        }
    }

    fn cancel(&mut self) {
        match self.s.stage.clone() {
            Stage::AwaitingPayment(order) | Stage::PaymentFailed(order) => {
                self.out.push(Action::CancelOrder { order_id: order });
                self.clear_order();
                self.say(texts::order_cancelled(self.lang()));
            }
            _ if !self.s.cart.is_empty() => {
                self.clear_order();
                self.say(texts::order_cancelled(self.lang()));
            }
            // An order paid on delivery can be called off until staff
            // start preparing it (core checks it is still waiting).
            _ if self
                .s
                .last_order
                .is_some_and(|o| o.on_delivery && o.status == OrderStatus::AwaitingPayment) =>
            {
                if let Some(o) = self.s.last_order.as_mut() {
                    o.status = OrderStatus::Cancelled;
                    let order_id = o.id;
                    self.out.push(Action::CancelOrder { order_id });
                }
                self.clear_order();
                self.say(texts::order_cancelled(self.lang()));
            }
            _ => {
                self.s.stage = Stage::Idle;
                self.say(texts::nothing_to_cancel(self.lang()));
            }
        }
    }

    fn clear_order(&mut self) {
        self.s.cart.lines.clear();
        self.s.fulfilment = None;
        self.s.recipient = None;
        self.s.pending_order = None;
        self.s.stage = Stage::Idle;
    }

    fn track(&mut self) {
        match self.s.last_order {
            Some(o) if o.on_delivery && o.status == OrderStatus::AwaitingPayment => {
                self.say(texts::taken_on_delivery_status(
                    self.lang(),
                    o.number,
                    o.fulfilment == Some(FulfilmentKind::Pickup),
                ))
            }
            Some(o) => self.say(texts::status_update(
                self.lang(),
                o.number,
                o.status,
                o.fulfilment,
            )),
            None if self.s.pending_order.is_some() => self.still_waiting(),
            None => self.say(texts::no_orders(self.lang())),
        }
    }

    fn confirm_delete(&mut self, said: &Said) {
        if *said == Said::Yes {
            self.out.push(Action::EraseCustomer);
            if let Some(order) = self.s.pending_order {
                self.out.push(Action::CancelOrder { order_id: order });
            }
            let lang = self.lang();
            self.s = BotState::new(self.ctx.shop);
            self.say(texts::deleted(lang));
        } else {
            self.s.stage = Stage::Idle;
            self.say(texts::delete_kept(self.lang()));
            if !self.s.is_quiet(self.ctx.now) {
                self.show_menu();
            }
        }
    }

    // ---- events from core ----------------------------------------------

    fn rejected(&mut self, order_id: OrderId, reason: &Rejection) {
        if self.s.pending_order != Some(order_id) {
            return;
        }
        self.s.pending_order = None;
        self.say(texts::rejection(self.lang(), reason));
        self.show_cart();
    }

    fn payment(&mut self, order_id: OrderId, number: i64, total: Money, outcome: &PaymentOutcome) {
        let already_paid = self
            .s
            .last_order
            .is_some_and(|o| o.id == order_id && o.status != OrderStatus::AwaitingPayment);
        match outcome {
            PaymentOutcome::Paid { receipt } => {
                if already_paid {
                    return; // The same success told twice.
                }
                self.say(texts::paid(self.lang(), number, receipt.as_deref(), total));
                if self.s.pending_order == Some(order_id) {
                    if let Some(recipient) = self.s.recipient.clone() {
                        let names: Vec<String> = self
                            .digital_lines()
                            .iter()
                            .map(|l| l.name.clone())
                            .collect();
                        // Core queued the sends with the order; it tells
                        // the customer when each arrives.
                        if !names.is_empty() {
                            self.say(texts::digital_sent(
                                self.lang(),
                                &names.join(", "),
                                &recipient.national(),
                            ));
                        }
                    }
                    self.clear_order();
                }
                self.s.last_order = Some(LastOrder {
                    id: order_id,
                    number,
                    status: OrderStatus::Paid,
                    // Learnt with the first move staff make.
                    fulfilment: None,
                    on_delivery: false,
                });
            }
            PaymentOutcome::Failed { reason } => {
                if already_paid || self.s.pending_order != Some(order_id) {
                    return;
                }
                if self.s.stage == Stage::PaymentFailed(order_id) {
                    return; // The same failure told twice.
                }
                self.s.stage = Stage::PaymentFailed(order_id);
                self.say(texts::payment_failed(
                    self.lang(),
                    texts::payment_failure(self.lang(), *reason),
                ));
            }
            PaymentOutcome::Unknown => {
                if already_paid || self.s.pending_order != Some(order_id) {
                    return;
                }
                self.say(texts::payment_unknown(self.lang()));
                self.out
                    .push(Action::NotifyStaff(StaffAlert::PaymentUnknown));
            }
        }
    }

    fn status(
        &mut self,
        order_id: OrderId,
        number: i64,
        status: OrderStatus,
        fulfilment: FulfilmentKind,
    ) {
        if self
            .s
            .last_order
            .is_some_and(|o| o.id == order_id && o.status == status)
        {
            return;
        }
        let on_delivery = self
            .s
            .last_order
            .is_some_and(|o| o.id == order_id && o.on_delivery);
        self.s.last_order = Some(LastOrder {
            id: order_id,
            number,
            status,
            fulfilment: Some(fulfilment),
            on_delivery,
        });
        self.say(texts::status_update(
            self.lang(),
            number,
            status,
            Some(fulfilment),
        ));
    }
}

#[cfg(test)]
mod tests;

/// `rest` (normalised) without the shop's name and code in it.
fn without_shop(rest: &str, shop: &crate::shop::Shop) -> String {
    let mut words = format!(" {rest} ");
    for own in [
        matching::normalise(&shop.name),
        matching::normalise(shop.code.as_str()),
    ] {
        let own = format!(" {own} ");
        while !own.trim().is_empty() && words.contains(&own) {
            words = words.replace(&own, " ");
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}
