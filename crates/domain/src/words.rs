//! The rules' messages in the till's language. A refusal made here (a
//! phone number, an amount, an order's move) is typed as an error whose
//! `Display` is its English; [`Localize`] names the same message by its key
//! in the screens' message files (`ui/locales/*.ftl`) with the values it
//! puts in, so the screens show it in the language chosen in Settings while
//! logs and tests keep the English. The English text of each key in
//! `en.ftl` is the error's `Display`, word for word (a UI test formats every
//! message both ways and compares them).
//!
//! Every key a rule can send is in this file, so a translator, or the test
//! that checks each language has it, finds them in one place.

use crate::barcode::LabelError;
use crate::cart::{CartError, MAX_QTY};
use crate::cash::TenderError;
use crate::order::{NotAReceiptCode, OrderEvent, OrderStatus, TransitionError};
use crate::payment::PayToError;
use crate::receipt::AddressError;
use crate::shop::ShopCodeError;
use crate::{MoneyError, PhoneError};
use serde::{Deserialize, Serialize};

/// A message by its key, with the values it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// The message's id in the message files (`error-phone-empty`).
    pub key: String,
    /// The values put into it, by name (`{ $digits }`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

/// One value put into a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Put in as it is (an amount, a number typed).
    Text(String),
    /// Another message, looked up first in the same language (an order's
    /// status named in a refusal).
    Words(String),
    /// A count, put in as a number so the message can choose its plural
    /// form (`{ $count -> [one] … *[other] … }`).
    Number(i64),
}

impl Words {
    /// The message `key` with no values.
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            args: Vec::new(),
        }
    }

    /// Puts `value` in as `{ $name }`.
    #[must_use]
    pub fn text(mut self, name: &str, value: impl ToString) -> Self {
        self.args
            .push((name.to_owned(), Arg::Text(value.to_string())));
        self
    }

    /// Puts the count `value` in as `{ $name }`, as a number.
    #[must_use]
    pub fn number(mut self, name: &str, value: i64) -> Self {
        self.args.push((name.to_owned(), Arg::Number(value)));
        self
    }

    /// Puts message `key` (in the same language) in as `{ $name }`.
    #[must_use]
    pub fn words(mut self, name: &str, key: &str) -> Self {
        self.args
            .push((name.to_owned(), Arg::Words(key.to_owned())));
        self
    }
}

/// A message of the rules that the screens can show in any language; its
/// `Display` is the English.
pub trait Localize: std::fmt::Display {
    /// The message by its key.
    fn words(&self) -> Words;
}

impl Localize for PhoneError {
    fn words(&self) -> Words {
        match self {
            PhoneError::Empty => Words::new("error-phone-empty"),
            PhoneError::InvalidCharacters => Words::new("error-phone-characters"),
            PhoneError::NotRecognised => Words::new("error-phone-not-recognised"),
            PhoneError::WrongLength(n) => Words::new("error-phone-length").text("digits", n),
        }
    }
}

impl Localize for MoneyError {
    fn words(&self) -> Words {
        match self {
            MoneyError::Empty => Words::new("error-amount-empty"),
            MoneyError::NotANumber(typed) => {
                Words::new("error-amount-not-a-number").text("typed", typed)
            }
            MoneyError::TooManyDecimals => Words::new("error-amount-decimals"),
            MoneyError::Negative => Words::new("error-amount-negative"),
            MoneyError::TooLarge => Words::new("error-amount-too-large"),
            MoneyError::CurrencyMismatch(a, b) => Words::new("error-amount-currencies")
                .text("first", a)
                .text("second", b),
        }
    }
}

impl Localize for TenderError {
    fn words(&self) -> Words {
        match self {
            TenderError::Amount(e) => e.words(),
            TenderError::Short {
                tendered,
                total,
                short,
            } => Words::new("error-tender-short")
                .text("tendered", tendered)
                .text("total", total)
                .text("short", short),
        }
    }
}

impl Localize for TransitionError {
    fn words(&self) -> Words {
        match self {
            TransitionError::AlreadyPaid => Words::new("error-order-already-paid"),
            TransitionError::Final(status) => {
                Words::new("error-order-final").words("status", status_key(*status))
            }
            TransitionError::Illegal { from, event } => Words::new("error-order-illegal")
                .words("status", status_key(*from))
                .words("step", step_key(*event)),
        }
    }
}

/// An order's status named inside a sentence (lower case in English).
fn status_key(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::Draft => "error-status-draft",
        OrderStatus::AwaitingPayment => "error-status-awaiting-payment",
        OrderStatus::PaymentFailed => "error-status-payment-failed",
        OrderStatus::Paid => "error-status-paid",
        OrderStatus::Preparing => "error-status-preparing",
        OrderStatus::OutForDelivery => "error-status-out-for-delivery",
        OrderStatus::Delivered => "error-status-delivered",
        OrderStatus::Cancelled => "error-status-cancelled",
    }
}

/// A step of the order machine named inside a sentence.
fn step_key(event: OrderEvent) -> &'static str {
    match event {
        OrderEvent::RequestPayment => "error-step-request-payment",
        OrderEvent::PaymentSucceeded => "error-step-payment-received",
        OrderEvent::PaymentFailed => "error-step-payment-failed",
        OrderEvent::RetryPayment => "error-step-retry-payment",
        OrderEvent::MarkPaid => "error-step-mark-paid",
        OrderEvent::StartPreparing => "error-step-start-preparing",
        OrderEvent::Dispatch => "error-step-dispatch",
        OrderEvent::Deliver => "error-step-deliver",
        OrderEvent::Cancel => "error-step-cancel",
        OrderEvent::PaidOnDelivery => "error-step-paid-on-delivery",
    }
}

impl Localize for NotAReceiptCode {
    fn words(&self) -> Words {
        Words::new("error-mpesa-code")
    }
}

impl Localize for ShopCodeError {
    fn words(&self) -> Words {
        Words::new(match self {
            ShopCodeError::TooShort => "error-shop-code-short",
            ShopCodeError::TooLong => "error-shop-code-long",
            ShopCodeError::BadCharacter => "error-shop-code-characters",
            ShopCodeError::DashAtEdge => "error-shop-code-dash",
        })
    }
}

impl Localize for AddressError {
    fn words(&self) -> Words {
        match self {
            AddressError::Empty => Words::new("error-printer-address-empty"),
            AddressError::BadPort(port) => Words::new("error-printer-port").text("port", port),
            AddressError::NotAnAddress => Words::new("error-printer-address"),
        }
    }
}

impl Localize for PayToError {
    fn words(&self) -> Words {
        Words::new(match self {
            PayToError::BadNumber => "error-pay-to-number",
            PayToError::NoKind => "error-pay-to-kind",
        })
    }
}

impl Localize for CartError {
    fn words(&self) -> Words {
        match self {
            CartError::NotForSale(name) => Words::new("error-cart-not-for-sale").text("name", name),
            CartError::OutOfStock { name, available } => Words::new("error-cart-out-of-stock")
                .text("name", name)
                .text("available", available),
            CartError::BadQuantity => Words::new("error-cart-quantity").text("max", MAX_QTY),
            CartError::Currency(name) => Words::new("error-cart-currency").text("name", name),
        }
    }
}

impl Localize for LabelError {
    fn words(&self) -> Words {
        match self {
            LabelError::NoWeight => Words::new("error-label-no-weight"),
            LabelError::NoPrice => Words::new("error-label-no-price"),
        }
    }
}

/// What the forms' own checks and the store refuse (a name missing, a
/// number that is not one, a wrong PIN, stock run out, an M-Pesa code used
/// already), each sentence saying what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// A text longer than its field takes.
    #[error("Use at most {0} characters.")]
    TooLong(usize),
    /// An order with no lines.
    #[error("Add at least one item.")]
    NoItems,
    /// A quantity out of range.
    #[error("Quantities go from 1 to {0}.")]
    Quantity(u32),
    /// A scale label this till cannot read.
    #[error("{0} is not a scale label this till can read; scan it again.")]
    ScaleLabel(String),
    /// A delivery with no address.
    #[error("Enter where to deliver (a street, building or landmark).")]
    DeliveryAddress,
    /// A delivery with no phone.
    #[error("A delivery needs the customer's phone for the rider.")]
    DeliveryPhone,
    /// A sale on credit with no phone.
    #[error("A sale on credit needs the customer's phone: it is who owes the money.")]
    CreditPhone,
    /// An order paid on delivery with no phone.
    #[error("An order paid on delivery needs the customer's phone, to call at the hand-over.")]
    OnDeliveryPhone,
    /// The shop's name missing.
    #[error("Enter the shop's name as customers know it.")]
    ShopName,
    /// A delivery area's name missing.
    #[error("Enter the area's name, for example Westlands.")]
    ZoneName,
    /// Fewer than seven days of hours.
    #[error("Give the hours for all seven days.")]
    AllDays,
    /// A day (0 = Monday) that closes before it opens.
    #[error("On {} the shop must close after it opens.", crate::shop::DAY_NAMES[*.0 % 7])]
    ClosesBeforeOpening(usize),
    /// A day (0 = Monday) whose times are not times.
    #[error("Use 24-hour times for {}, e.g. 08:00 and 20:00.", crate::shop::DAY_NAMES[*.0 % 7])]
    HoursFormat(usize),
    /// An item's other name too long.
    #[error("\"{0}\" is long: use at most 40 characters for each other name.")]
    AliasTooLong(String),
    /// Too many other names.
    #[error("Use at most {0} other names, separated by commas.")]
    TooManyAliases(usize),
    /// The stock is not a whole number.
    #[error("Enter the stock as a whole number, for example 12.")]
    StockNumber,
    /// The low-stock warning level is not a whole number.
    #[error("Enter the warning level as a whole number, for example 12.")]
    LowStockNumber,
    /// A bundle's size is not a whole number.
    #[error("Enter the bundle size in MB as a whole number, for example 12.")]
    MegabytesNumber,
    /// A bundle's validity is not a whole number.
    #[error("Enter the validity in days as a whole number, for example 12.")]
    ValidityNumber,
    /// An item's name missing.
    #[error("Enter the item's name, for example Sukuma wiki 1 bunch.")]
    ItemName,
    /// A price of zero.
    #[error("The price must be more than zero.")]
    PriceZero,
    /// A bundle of no data.
    #[error("A bundle must have more than 0 MB.")]
    BundleSize,
    /// A bundle valid for no time.
    #[error("A bundle must be valid for at least 1 day.")]
    BundleDays,
    /// Airtime priced other than at its face value.
    #[error("Airtime is sent in whole shillings from KES 10 to KES 10,000: set the price to its face value.")]
    AirtimePrice,
    /// A bundle's validity the provider does not sell.
    #[error("Bundles are sold valid for 1, 7, 14, 30 or 90 days.")]
    BundleValidity,
    /// A barcode too short.
    #[error("Scan the barcode, or type the digits under it (at least 6).")]
    Barcode,
    /// A KRA item classification code that is not ten digits.
    #[error("The KRA item classification is the ten digits KRA lists for this kind of goods, like 5059690800; leave it empty to use the shop's.")]
    ItemClass,
    /// A low-stock level without a stock.
    #[error("Type the stock too: only counted items can run low.")]
    LowStockNeedsStock,
    /// A category's name missing.
    #[error("Enter a category name, for example Vegetables.")]
    CategoryName,
    /// The cash counted missing.
    #[error("Count the cash in the drawer and type the total (0 if it is empty).")]
    CountedCash,
    /// A cash-up note too long.
    #[error("Keep the note under 500 characters.")]
    CashUpNote,
    /// A USB or serial printer with no port.
    #[error("Type the printer's port, for example /dev/usb/lp0, COM3 or \\\\localhost\\POS58.")]
    PrinterPort,
    /// A report's range that ends before it starts.
    #[error("The last day must be on or after the first day.")]
    ReportOrder,
    /// A report's range too long.
    #[error("Choose at most {0} days.")]
    ReportDays(i64),
    /// A commission earned on nothing chosen.
    #[error("Choose what the commission is earned on: everything, a category or an item.")]
    CommissionOn,
    /// A reseller's name missing or too long.
    #[error("Type the reseller's name (at most 80 characters).")]
    ResellerName,
    /// A reseller's code not of the shape.
    #[error("Use 3 to 12 letters and digits, for example AMINA10.")]
    ResellerCode,
    /// A percentage out of range.
    #[error("Type a percentage above 0 and at most 50, for example 5 or 2.5.")]
    Percentage,
    /// An amount per unit missing.
    #[error("Type the amount earned for each unit sold, for example 10.")]
    PerUnit,
    /// A payout to no one.
    #[error("Choose whom to pay.")]
    PayWhom,
    /// A payout of nothing.
    #[error("Type the amount paid, for example 500.")]
    PayoutAmount,
    /// A payout by no method.
    #[error("Choose cash or M-Pesa.")]
    PayoutMethod,
    /// An owner password too short.
    #[error(
        "Use at least {0} characters: a short sentence is easy to remember and hard to guess."
    )]
    PasswordShort(usize),
    /// Two passwords that differ.
    #[error("The two passwords differ. Type the same password twice.")]
    PasswordsDiffer,
    /// A PIN not of 4 to 6 digits.
    #[error("A PIN is 4 to 6 digits (0-9), nothing else.")]
    Pin,
    /// A staff name missing.
    #[error("Type the name this person is called at the till.")]
    StaffName,
    /// A staff name too long.
    #[error("Keep the name under 40 characters; a first name is enough.")]
    StaffNameLong,
    /// A vault passphrase too short.
    #[error("Use at least {0} characters: a few words you will remember work well.")]
    PassphraseShort(usize),
    /// Two passphrases that differ.
    #[error("The two passphrases differ. Type the same one twice.")]
    PassphrasesDiffer,
    /// A repayment of nothing.
    #[error("Type the amount paid back.")]
    RepaidAmount,
    /// A wrong PIN at sign-in, with the tries left before a wait.
    #[error("That PIN is not right. {left} more {tries} before a short wait.", left = .0, tries = tries(*.0))]
    WrongPin(i64),
    /// A wrong owner password, with the tries left before a wait.
    #[error("That password is not right. {left} more {tries} before a short wait.", left = .0, tries = tries(*.0))]
    WrongPassword(i64),
    /// The owner typed a PIN.
    #[error("The owner signs in with the owner password, not a PIN.")]
    OwnerUsesPassword,
    /// A PIN someone else has.
    #[error("Someone else already uses this PIN. Choose another one.")]
    PinTaken,
    /// No PIN typed for a new member of staff.
    #[error("Type a PIN of 4 to 6 digits.")]
    PinNeeded,
    /// The owner cannot be switched off.
    #[error("The owner cannot be deactivated.")]
    OwnerStays,
    /// The owner password is asked for before one was set.
    #[error("No owner password is set yet. Set one first (the app asks for it).")]
    NoOwnerPassword,
    /// A member of staff switched off tried to sign in.
    #[error("{0} can no longer sign in. Ask the owner.")]
    CannotSignIn(String),
    /// Minutes before the screen locks out of range.
    #[error("Choose between 1 and 120 minutes.")]
    IdleMinutes,
    /// An item of the order no longer in the catalogue.
    #[error("An item in this order was removed from the catalogue.")]
    ItemRemoved,
    /// An archived item.
    #[error("{0} is archived and no longer sold.")]
    ItemArchived(String),
    /// An item whose counted stock went below zero.
    #[error("None of {name} left: the stock shows {level}, as tills sold more than was counted. Count it again in the catalogue.")]
    NoneLeft {
        /// The item.
        name: String,
        /// Its stock now.
        level: i64,
    },
    /// Not enough stock for the quantity asked.
    #[error("Only {left} of {name} left in stock (asked for {asked}).")]
    OnlyLeft {
        /// The item.
        name: String,
        /// Its stock now.
        left: i64,
        /// The quantity asked for.
        asked: u32,
    },
    /// A scanned code that is no scale label.
    #[error("{0} is not a scale label; scan it again.")]
    NotAScaleLabel(String),
    /// A scale label of another item.
    #[error(
        "The label {code} is not for {name}: its Barcode in the Catalogue must be {item_code}."
    )]
    LabelNotFor {
        /// The label scanned.
        code: String,
        /// The item it was scanned for.
        name: String,
        /// The item code the label carries.
        item_code: String,
    },
    /// A delivery zone no longer offered.
    #[error("That delivery zone is no longer offered; pick another.")]
    ZoneGone,
    /// Airtime or a bundle with no phone to go to.
    #[error("Type the phone number the airtime or bundle goes to.")]
    AirtimePhone,
    /// An M-Pesa code already recorded on an order.
    #[error("M-Pesa code {code} is already recorded on order #{number}. Check the code on the customer's SMS.")]
    CodeUsed {
        /// The code.
        code: String,
        /// The order it paid.
        number: i64,
    },
    /// No way of paying chosen.
    #[error("Choose cash, M-Pesa or credit.")]
    ChoosePayment,
    /// Money recorded before the hand-over of an order paid on delivery.
    #[error("Order {0} is paid when it is handed over: send it out (or make it ready for pickup) first, then record the money.")]
    PaidAtHandOver(String),
    /// A statement's code that is not one.
    #[error("Type the M-Pesa code as it shows on your statement (10 letters and digits).")]
    StatementCode,
    /// Neither a code nor why there is none.
    #[error(
        "Type the M-Pesa code from the statement or the customer's SMS, or say why there is none."
    )]
    CodeOrReason,
    /// The reason too long.
    #[error("Say why in at most 200 characters.")]
    ReasonLong,
    /// A payment settled with an M-Pesa code already recorded on an order.
    #[error("M-Pesa code {code} is already recorded on order #{number}.")]
    CodeRecorded {
        /// The code.
        code: String,
        /// The order it paid.
        number: i64,
    },
    /// A reminder to a customer who owes nothing.
    #[error("They owe nothing: there is nothing to remind them of.")]
    OwesNothing,
    /// A sale on credit past the customer's limit.
    #[error("Over {name}'s credit limit: they owe {balance} of {limit}, and this sale is {sale}. Take part of it in cash or M-Pesa, or raise the limit on the Customers page.")]
    OverLimit {
        /// The customer's name or number.
        name: String,
        /// What they owe now.
        balance: crate::Money,
        /// Their limit.
        limit: crate::Money,
        /// This sale.
        sale: crate::Money,
    },
    /// Airtime of a cancelled order sent again.
    #[error("Its order was cancelled, so it is not sent again. Refund the customer.")]
    SendCancelled,
    /// Airtime to an erased number sent again.
    #[error("The customer's number was erased, so it cannot be sent again. Refund the customer.")]
    SendErased,
    /// Airtime marked sent by hand while the provider may still deliver it.
    #[error(
        "Africa's Talking may still deliver this one. Wait for its answer before sending by hand."
    )]
    MayStillDeliver,
    /// A refund with no word of how the money went back.
    #[error("Say how the money went back (an M-Pesa code, or cash), in at most 200 characters.")]
    RefundNote,
    /// A refund for an order that brought in no money, or gave it all back.
    #[error("Nothing to refund: this order brought in no cash or M-Pesa, or all of it went back already.")]
    NothingToRefund,
    /// A refund of more than the order can give back.
    #[error(
        "At most {left} can go back for this order (the money it brought in, less refunds made)."
    )]
    RefundOver {
        /// What it can still give back.
        left: crate::Money,
    },
    /// A refund of nothing.
    #[error("Type the amount given back, at most {left}.")]
    RefundAmount {
        /// What it can still give back.
        left: crate::Money,
    },
    /// A refund with no reason.
    #[error(
        "Say why the money went back, for example \"1 bread returned\" (at most 200 characters)."
    )]
    RefundReason,
    /// A change to a reseller who was erased.
    #[error("This reseller was erased at their request and cannot be changed. Add them again if they come back.")]
    ResellerErased,
    /// A reminder to a customer the shop cannot write to.
    #[error("No reminder can be sent: this customer never wrote to the shop on WhatsApp, or asked for no messages (STOP). Remind them in person or by phone.")]
    CannotRemind,
    /// A provider's environment that is neither the sandbox, production nor an address.
    #[error("Choose the sandbox or production, or give an https:// address.")]
    UnknownEnvironment,
    /// Daraja's consumer key missing.
    #[error("Paste the consumer key from your Daraja app.")]
    DarajaKey,
    /// Daraja's consumer secret missing.
    #[error("Paste the consumer secret from your Daraja app.")]
    DarajaSecret,
    /// A shortcode that is not 5 to 7 digits.
    #[error("The shortcode has 5 to 7 digits, e.g. 174379.")]
    DarajaShortcode,
    /// The Lipa na M-Pesa passkey missing.
    #[error("Paste the Lipa na M-Pesa passkey Safaricom gave you.")]
    DarajaPasskey,
    /// A till number that is not 5 to 8 digits.
    #[error("A till number has 5 to 8 digits; leave it empty for a paybill.")]
    DarajaTill,
    /// IntaSend's publishable key missing.
    #[error("Paste the publishable key from your IntaSend dashboard.")]
    IntaSendPublicKey,
    /// IntaSend's secret key missing.
    #[error("Paste the secret key from your IntaSend dashboard.")]
    IntaSendSecretKey,
    /// Africa's Talking's username missing.
    #[error("Type the username of your Africa's Talking app (\"sandbox\" on the sandbox).")]
    AtUsername,
    /// Africa's Talking's API key missing.
    #[error("Paste the API key from your Africa's Talking dashboard (Settings → API Key).")]
    AtApiKey,
    /// A bundle product name too long.
    #[error("The product name is at most 100 characters.")]
    AtBundleProduct,
    /// KRA's consumer key missing.
    #[error("Paste the consumer key of your app on KRA's developer portal (GavaConnect).")]
    KraKey,
    /// KRA's consumer secret missing.
    #[error("Paste the consumer secret that goes with the key.")]
    KraSecret,
    /// The device serial KRA knows missing.
    #[error("Type this till's device serial number as you registered it with KRA for OSCU.")]
    KraSerial,
    /// A KRA PIN not in KRA's shape.
    #[error("A KRA PIN is a letter, nine digits and a letter, like P051234567X: copy it from your PIN certificate.")]
    KraPin,
    /// A branch id that is not two digits.
    #[error(
        "The branch id is two digits: 00 for the head office, or the number KRA gave the branch."
    )]
    KraBranch,
    /// The shop's KRA item classification not ten digits.
    #[error("The item classification code is the ten digits KRA lists for what the shop sells (eTIMS → item classification), like 5059690800.")]
    ShopItemClass,
    /// An item classification KRA's list (as kept here) does not have.
    #[error("KRA does not list {0} as an item classification: type what the item is and pick a code from the list.")]
    ItemClassUnlisted(String),
    /// An item classification KRA's list has withdrawn.
    #[error("KRA no longer uses {code} ({name}) for new items: type what the item is and pick a code from the list.")]
    ItemClassWithdrawn {
        /// The code.
        code: String,
        /// KRA's name for it.
        name: String,
    },
    /// An empty message to a customer.
    #[error("Type a message first.")]
    TypeAMessage,
    /// A message longer than WhatsApp carries.
    #[error("Keep a message under 4,000 characters.")]
    MessageTooLong,
    /// A message to a WhatsApp customer who never wrote first.
    #[error("This customer has not written to the shop on WhatsApp yet. DukaDesk only answers customers who wrote first; message them from the phone if you must.")]
    NeverWrote,
    /// A change of currency once items have prices.
    #[error("The currency cannot change once items have prices.")]
    CurrencyFixed,
    /// A WhatsApp number without its country code.
    #[error("Type the number with its country code, e.g. 254712345678.")]
    WhatsAppNumber,
    /// A category name in use.
    #[error("There is already a category called {0}.")]
    CategoryTaken(String),
    /// An item put in a category that was removed.
    #[error("That category no longer exists; pick another.")]
    CategoryGone,
    /// A barcode already on another item.
    #[error("That barcode is already on {0}. Scan this item's own code.")]
    BarcodeTaken(String),
    /// A stock correction of nothing.
    #[error("Enter how many units to add (for example 12) or remove (for example -2).")]
    StockDelta,
    /// A stock correction of an item whose stock is not counted.
    #[error("{0} is not counted. Type its stock in the catalogue to start counting it.")]
    NotCounted(String),
    /// A reseller's code another has.
    #[error("{name} already has the code {code}. Choose another.")]
    ResellerCodeTaken {
        /// name.
        name: String,
        /// code.
        code: String,
    },
    /// A commission on a category or item removed since.
    #[error("That category or item is no longer in the catalogue. Choose again.")]
    AppliesToGone,
    /// A payout of more than a reseller is owed.
    #[error(
        "At most {most} is payable now (commission past the {days}-day hold, less what was paid)."
    )]
    PayoutOver {
        /// most.
        most: crate::Money,
        /// days.
        days: i64,
    },
    /// An M-Pesa code used for a payout already.
    #[error("M-Pesa code {0} is already recorded for a payout.")]
    PayoutCodeRecorded(String),
    /// Daraja chosen with no credentials saved.
    #[error("Enter the Daraja credentials first.")]
    DarajaFirst,
    /// IntaSend chosen with no keys saved.
    #[error("Enter the IntaSend keys first.")]
    IntaSendFirst,
    /// An order retention outside what the law allows.
    #[error(
        "Keep orders between {min} and {max} years (tax records must be kept at least {min})."
    )]
    OrderYears {
        /// min.
        min: u32,
        /// max.
        max: u32,
    },
    /// A customer corrected to another customer's number.
    #[error("Another customer has this number.")]
    PhoneTaken,
    /// eTIMS asked for before the till is set up with KRA.
    #[error("Set this till up with KRA first.")]
    KraFirst,
    /// A buyer's PIN asked for an invoice that has it already.
    #[error("The invoice already carries {0}.")]
    InvoiceCarriesPin(String),
    /// A passphrase that does not open the shop's secrets.
    #[error("That passphrase does not open this shop's secrets. Check it and try again.")]
    WrongPassphrase,
    /// An item's photo: nothing was read.
    #[error("That file is empty. Pick a photo saved as JPEG, PNG or WebP.")]
    PhotoEmpty,
    /// An item's photo over 20 MB.
    #[error(
        "That file is larger than 20 MB. Pick a smaller photo, or save it again at a lower size."
    )]
    PhotoTooLarge,
    /// An item's photo that is no kind of picture the till reads.
    #[error("That file is not a JPEG, PNG or WebP picture. On an iPhone photo (HEIC), share it as JPEG first.")]
    PhotoNotAPicture,
    /// An item's photo that says it is a picture but cannot be read.
    #[error("That picture could not be read: it may be damaged or too large. Open it and save it again as JPEG, then try once more.")]
    PhotoUnreadable,
}

/// "try" or "tries", for `left` tries.
fn tries(left: i64) -> &'static str {
    if left == 1 {
        "try"
    } else {
        "tries"
    }
}

/// A weekday (0 = Monday) named in the screens' words.
fn day_key(day: usize) -> &'static str {
    [
        "day-monday",
        "day-tuesday",
        "day-wednesday",
        "day-thursday",
        "day-friday",
        "day-saturday",
        "day-sunday",
    ][day % 7]
}

impl Localize for Problem {
    fn words(&self) -> Words {
        match self {
            Problem::TooLong(max) => Words::new("problem-too-long").text("max", max),
            Problem::NoItems => Words::new("problem-no-items"),
            Problem::Quantity(max) => Words::new("problem-quantity").text("max", max),
            Problem::ScaleLabel(label) => Words::new("problem-scale-label").text("code", label),
            Problem::DeliveryAddress => Words::new("problem-delivery-address"),
            Problem::DeliveryPhone => Words::new("problem-delivery-phone"),
            Problem::CreditPhone => Words::new("problem-credit-phone"),
            Problem::OnDeliveryPhone => Words::new("problem-on-delivery-phone"),
            Problem::ShopName => Words::new("problem-shop-name"),
            Problem::ZoneName => Words::new("problem-zone-name"),
            Problem::AllDays => Words::new("problem-all-days"),
            Problem::ClosesBeforeOpening(day) => {
                Words::new("problem-closes-before-opening").words("day", day_key(*day))
            }
            Problem::HoursFormat(day) => {
                Words::new("problem-hours-format").words("day", day_key(*day))
            }
            Problem::AliasTooLong(alias) => {
                Words::new("problem-alias-too-long").text("name", alias)
            }
            Problem::TooManyAliases(max) => Words::new("problem-too-many-aliases").text("max", max),
            Problem::StockNumber => Words::new("problem-stock-number"),
            Problem::LowStockNumber => Words::new("problem-low-stock-number"),
            Problem::MegabytesNumber => Words::new("problem-megabytes-number"),
            Problem::ValidityNumber => Words::new("problem-validity-number"),
            Problem::ItemName => Words::new("problem-item-name"),
            Problem::PriceZero => Words::new("problem-price-zero"),
            Problem::BundleSize => Words::new("problem-bundle-size"),
            Problem::BundleDays => Words::new("problem-bundle-days"),
            Problem::AirtimePrice => Words::new("problem-airtime-price"),
            Problem::BundleValidity => Words::new("problem-bundle-validity"),
            Problem::Barcode => Words::new("problem-barcode"),
            Problem::ItemClass => Words::new("problem-item-class"),
            Problem::LowStockNeedsStock => Words::new("problem-low-stock-needs-stock"),
            Problem::CategoryName => Words::new("problem-category-name"),
            Problem::CountedCash => Words::new("problem-counted-cash"),
            Problem::CashUpNote => Words::new("problem-cash-up-note"),
            Problem::PrinterPort => Words::new("problem-printer-port"),
            Problem::ReportOrder => Words::new("problem-report-order"),
            Problem::ReportDays(max) => Words::new("problem-report-days").text("max", max),
            Problem::CommissionOn => Words::new("problem-commission-on"),
            Problem::ResellerName => Words::new("problem-reseller-name"),
            Problem::ResellerCode => Words::new("problem-reseller-code"),
            Problem::Percentage => Words::new("problem-percentage"),
            Problem::PerUnit => Words::new("problem-per-unit"),
            Problem::PayWhom => Words::new("problem-pay-whom"),
            Problem::PayoutAmount => Words::new("problem-payout-amount"),
            Problem::PayoutMethod => Words::new("problem-payout-method"),
            Problem::PasswordShort(min) => Words::new("problem-password-short").text("min", min),
            Problem::PasswordsDiffer => Words::new("problem-passwords-differ"),
            Problem::Pin => Words::new("problem-pin"),
            Problem::StaffName => Words::new("problem-staff-name"),
            Problem::StaffNameLong => Words::new("problem-staff-name-long"),
            Problem::PassphraseShort(min) => {
                Words::new("problem-passphrase-short").text("min", min)
            }
            Problem::PassphrasesDiffer => Words::new("problem-passphrases-differ"),
            Problem::RepaidAmount => Words::new("problem-repaid-amount"),
            Problem::WrongPin(left) => Words::new("problem-wrong-pin").number("count", *left),
            Problem::WrongPassword(left) => {
                Words::new("problem-wrong-password").number("count", *left)
            }
            Problem::OwnerUsesPassword => Words::new("problem-owner-uses-password"),
            Problem::PinTaken => Words::new("problem-pin-taken"),
            Problem::PinNeeded => Words::new("problem-pin-needed"),
            Problem::OwnerStays => Words::new("problem-owner-stays"),
            Problem::NoOwnerPassword => Words::new("problem-no-owner-password"),
            Problem::CannotSignIn(name) => Words::new("problem-cannot-sign-in").text("name", name),
            Problem::IdleMinutes => Words::new("problem-idle-minutes"),
            Problem::ItemRemoved => Words::new("problem-item-removed"),
            Problem::ItemArchived(name) => Words::new("problem-item-archived").text("name", name),
            Problem::NoneLeft { name, level } => Words::new("problem-none-left")
                .text("name", name)
                .text("level", level),
            Problem::OnlyLeft { name, left, asked } => Words::new("problem-only-left")
                .text("name", name)
                .text("left", left)
                .text("qty", asked),
            Problem::NotAScaleLabel(code) => {
                Words::new("problem-not-a-scale-label").text("code", code)
            }
            Problem::LabelNotFor {
                code,
                name,
                item_code,
            } => Words::new("problem-label-not-for")
                .text("code", code)
                .text("name", name)
                .text("barcode", item_code),
            Problem::ZoneGone => Words::new("problem-zone-gone"),
            Problem::AirtimePhone => Words::new("problem-airtime-phone"),
            Problem::CodeUsed { code, number } => Words::new("problem-code-used")
                .text("code", code)
                .text("number", number),
            Problem::ChoosePayment => Words::new("problem-choose-payment"),
            Problem::PaidAtHandOver(number) => {
                Words::new("problem-paid-at-hand-over").text("number", number)
            }
            Problem::StatementCode => Words::new("problem-statement-code"),
            Problem::CodeOrReason => Words::new("problem-code-or-reason"),
            Problem::ReasonLong => Words::new("problem-reason-long"),
            Problem::CodeRecorded { code, number } => Words::new("problem-code-recorded")
                .text("code", code)
                .text("number", number),
            Problem::OwesNothing => Words::new("problem-owes-nothing"),
            Problem::OverLimit {
                name,
                balance,
                limit,
                sale,
            } => Words::new("problem-over-limit")
                .text("name", name)
                .text("balance", balance)
                .text("limit", limit)
                .text("amount", sale),
            Problem::SendCancelled => Words::new("problem-send-cancelled"),
            Problem::SendErased => Words::new("problem-send-erased"),
            Problem::MayStillDeliver => Words::new("problem-may-still-deliver"),
            Problem::RefundNote => Words::new("problem-refund-note"),
            Problem::NothingToRefund => Words::new("problem-nothing-to-refund"),
            Problem::RefundOver { left } => Words::new("problem-refund-over").text("left", left),
            Problem::RefundAmount { left } => {
                Words::new("problem-refund-amount").text("left", left)
            }
            Problem::RefundReason => Words::new("problem-refund-reason"),
            Problem::ResellerErased => Words::new("problem-reseller-erased"),
            Problem::CannotRemind => Words::new("problem-cannot-remind"),
            Problem::UnknownEnvironment => Words::new("problem-unknown-environment"),
            Problem::DarajaKey => Words::new("problem-daraja-key"),
            Problem::DarajaSecret => Words::new("problem-daraja-secret"),
            Problem::DarajaShortcode => Words::new("problem-daraja-shortcode"),
            Problem::DarajaPasskey => Words::new("problem-daraja-passkey"),
            Problem::DarajaTill => Words::new("problem-daraja-till"),
            Problem::IntaSendPublicKey => Words::new("problem-intasend-public-key"),
            Problem::IntaSendSecretKey => Words::new("problem-intasend-secret-key"),
            Problem::AtUsername => Words::new("problem-at-username"),
            Problem::AtApiKey => Words::new("problem-at-api-key"),
            Problem::AtBundleProduct => Words::new("problem-at-bundle-product"),
            Problem::KraKey => Words::new("problem-kra-key"),
            Problem::KraSecret => Words::new("problem-kra-secret"),
            Problem::KraSerial => Words::new("problem-kra-serial"),
            Problem::KraPin => Words::new("problem-kra-pin"),
            Problem::KraBranch => Words::new("problem-kra-branch"),
            Problem::ShopItemClass => Words::new("problem-shop-item-class"),
            Problem::ItemClassUnlisted(code) => {
                Words::new("problem-item-class-unlisted").text("code", code)
            }
            Problem::ItemClassWithdrawn { code, name } => {
                Words::new("problem-item-class-withdrawn")
                    .text("code", code)
                    .text("name", name)
            }
            Problem::TypeAMessage => Words::new("problem-type-a-message"),
            Problem::MessageTooLong => Words::new("problem-message-too-long"),
            Problem::NeverWrote => Words::new("problem-never-wrote"),
            Problem::CurrencyFixed => Words::new("problem-currency-fixed"),
            Problem::WhatsAppNumber => Words::new("problem-whatsapp-number"),
            Problem::CategoryTaken(name) => Words::new("problem-category-taken").text("name", name),
            Problem::CategoryGone => Words::new("problem-category-gone"),
            Problem::BarcodeTaken(name) => Words::new("problem-barcode-taken").text("name", name),
            Problem::StockDelta => Words::new("problem-stock-delta"),
            Problem::NotCounted(name) => Words::new("problem-not-counted").text("name", name),
            Problem::ResellerCodeTaken { name, code } => Words::new("problem-reseller-code-taken")
                .text("name", name)
                .text("code", code),
            Problem::AppliesToGone => Words::new("problem-applies-to-gone"),
            Problem::PayoutOver { most, days } => Words::new("problem-payout-over")
                .text("most", most)
                .text("days", days),
            Problem::PayoutCodeRecorded(code) => {
                Words::new("problem-payout-code-recorded").text("code", code)
            }
            Problem::DarajaFirst => Words::new("problem-daraja-first"),
            Problem::IntaSendFirst => Words::new("problem-intasend-first"),
            Problem::OrderYears { min, max } => Words::new("problem-order-years")
                .text("min", min)
                .text("max", max),
            Problem::PhoneTaken => Words::new("problem-phone-taken"),
            Problem::KraFirst => Words::new("problem-kra-first"),
            Problem::InvoiceCarriesPin(pin) => {
                Words::new("problem-invoice-carries-pin").text("pin", pin)
            }
            Problem::WrongPassphrase => Words::new("problem-wrong-passphrase"),
            Problem::PhotoEmpty => Words::new("problem-photo-empty"),
            Problem::PhotoTooLarge => Words::new("problem-photo-too-large"),
            Problem::PhotoNotAPicture => Words::new("problem-photo-not-a-picture"),
            Problem::PhotoUnreadable => Words::new("problem-photo-unreadable"),
        }
    }
}
