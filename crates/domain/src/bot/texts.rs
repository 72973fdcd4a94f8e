//! Everything the bot says, in English and Kiswahili. One function per
//! message, so a missing translation is a compile error rather than a blank
//! reply. Texts are plain (they read well on any WhatsApp account); `*bold*`
//! is WhatsApp's own markup.

use crate::customer::Language;
use crate::money::Money;
use crate::order::OrderStatus;
use crate::payment::PayTo;

/// Picks the text for the language. French falls back to English until its
/// translation lands.
fn pick(lang: Language, en: String, sw: String) -> String {
    match lang {
        Language::Sw => sw,
        Language::En | Language::Fr => en,
    }
}

pub(crate) fn welcome(lang: Language, shop: &str) -> String {
    pick(
        lang,
        format!("Welcome to *{shop}*! 👋 You can order here and pay with M-Pesa."),
        format!("Karibu *{shop}*! 👋 Unaweza kuagiza hapa na kulipa kwa M-Pesa."),
    )
}

/// "I paid but got nothing": handed to staff.
pub(crate) fn paid_but_nothing(lang: Language, shop: &str) -> String {
    pick(
        lang,
        format!("Sorry about that! 🙏 I've asked the team at *{shop}* to check your M-Pesa payment; they will reply here shortly."),
        format!("Samahani! 🙏 Nimewaomba wahudumu wa *{shop}* waangalie malipo yako ya M-Pesa; watakujibu hapa hivi punde."),
    )
}

/// A short, friendly close for thanks or an "ok" when nothing was asked.
pub(crate) fn you_are_welcome(lang: Language) -> String {
    pick(
        lang,
        "You're welcome! 😊 Reply *0* any time for the menu.".into(),
        "Karibu sana! 😊 Jibu *0* wakati wowote kupata menyu.".into(),
    )
}

pub(crate) fn menu(lang: Language, cart_units: u32) -> String {
    let cart_en = if cart_units > 0 {
        format!(" ({cart_units} in cart)")
    } else {
        String::new()
    };
    let cart_sw = if cart_units > 0 {
        format!(" ({cart_units} kwenye kikapu)")
    } else {
        String::new()
    };
    pick(
        lang,
        format!(
            "Reply with a number:\n1. See what we sell\n2. My cart{cart_en}\n3. Track my order\n4. Talk to a person\n\nOr just type what you want, e.g. *2 sukuma*. Type *sw* for Kiswahili."
        ),
        format!(
            "Jibu kwa namba:\n1. Angalia bidhaa\n2. Kikapu changu{cart_sw}\n3. Fuatilia oda yangu\n4. Ongea na mtu\n\nAu andika unachotaka, mf. *2 sukuma*. Andika *en* for English."
        ),
    )
}

pub(crate) fn closed(lang: Language, opens: &str, still_ordering: bool) -> String {
    match (still_ordering, lang) {
        (true, Language::Sw) => format!("Tumefunga kwa sasa; tunafungua {opens}. Bado unaweza kuagiza, tutaandaa tukifungua."),
        (false, Language::Sw) => format!("Tumefunga kwa sasa; tunafungua {opens}. Karibu tena wakati huo!"),
        (true, _) => format!("We're closed right now and open {opens}. You can still order: we'll prepare it when we open."),
        (false, _) => format!("We're closed right now and open {opens}. Please come back then!"),
    }
}

pub(crate) fn never_open(lang: Language) -> String {
    pick(
        lang,
        "We're not taking orders at the moment. Please check again later.".into(),
        "Hatupokei oda kwa sasa. Tafadhali jaribu tena baadaye.".into(),
    )
}

pub(crate) fn categories_title(lang: Language) -> String {
    pick(
        lang,
        "What would you like? Reply with a number:".into(),
        "Ungependa nini? Jibu kwa namba:".into(),
    )
}

pub(crate) fn items_title(lang: Language, category: &str, example_item: &str) -> String {
    let word = example_item
        .split_whitespace()
        .next()
        .unwrap_or("1")
        .to_lowercase();
    pick(
        lang,
        format!("*{category}*: reply with a number, or type e.g. *2 {word}*:"),
        format!("*{category}*: jibu kwa namba, au andika mf. *2 {word}*:"),
    )
}

pub(crate) fn all_items(lang: Language) -> String {
    pick(lang, "Everything".into(), "Bidhaa zote".into())
}

pub(crate) fn more(lang: Language) -> String {
    pick(lang, "More…".into(), "Zaidi…".into())
}

pub(crate) fn empty_catalogue(lang: Language) -> String {
    pick(
        lang,
        "Our catalogue is empty right now. Type *agent* to talk to a person.".into(),
        "Hatuna bidhaa kwa sasa. Andika *agent* kuongea na mtu.".into(),
    )
}

pub(crate) fn how_many(lang: Language, item: &str, price: Money) -> String {
    pick(
        lang,
        format!("*{item}*, {price} each. How many? (e.g. 2)"),
        format!("*{item}*, {price} kila moja. Ngapi? (mf. 2)"),
    )
}

pub(crate) fn bad_quantity(lang: Language) -> String {
    pick(
        lang,
        "Please send a number from 1 to 999, e.g. 2.".into(),
        "Tafadhali tuma namba kutoka 1 hadi 999, mf. 2.".into(),
    )
}

pub(crate) fn added(
    lang: Language,
    qty: u32,
    item: &str,
    cart_units: u32,
    subtotal: Money,
) -> String {
    pick(
        lang,
        format!("Added {qty} × {item}. Cart: {cart_units} item(s), {subtotal}.\n1. Checkout\n2. Add more\n3. View cart"),
        format!("Nimeongeza {qty} × {item}. Kikapu: bidhaa {cart_units}, {subtotal}.\n1. Lipa sasa\n2. Ongeza zaidi\n3. Angalia kikapu"),
    )
}

/// Several items added from one message, and what could not be found.
pub(crate) fn added_several(
    lang: Language,
    added: &[String],
    missing: &[String],
    cart_units: u32,
    subtotal: Money,
) -> String {
    let added = added.join(", ");
    let quoted: Vec<String> = missing.iter().map(|m| format!("\"{m}\"")).collect();
    let missing = quoted.join(", ");
    match lang {
        Language::Sw => {
            let mut text = if added.is_empty() {
                String::new()
            } else {
                format!("Nimeongeza {added}. ")
            };
            if !missing.is_empty() {
                text.push_str(&format!("Sikuweza kuongeza {missing}. "));
            }
            text.push_str(&format!("Kikapu: bidhaa {cart_units}, {subtotal}.\n1. Lipa sasa\n2. Ongeza zaidi\n3. Angalia kikapu"));
            text
        }
        _ => {
            let mut text = if added.is_empty() {
                String::new()
            } else {
                format!("Added {added}. ")
            };
            if !missing.is_empty() {
                text.push_str(&format!("I couldn't add {missing}. "));
            }
            text.push_str(&format!(
                "Cart: {cart_units} item(s), {subtotal}.\n1. Checkout\n2. Add more\n3. View cart"
            ));
            text
        }
    }
}

pub(crate) fn out_of_stock(lang: Language, item: &str, left: u32) -> String {
    if left == 0 {
        pick(
            lang,
            format!("Sorry, *{item}* is sold out. Type *menu* to see other items."),
            format!("Samahani, *{item}* imeisha. Andika *menu* kuona bidhaa nyingine."),
        )
    } else {
        pick(
            lang,
            format!("Sorry, only {left} of *{item}* left. How many would you like?"),
            format!("Samahani, zimebaki {left} tu za *{item}*. Ungependa ngapi?"),
        )
    }
}

pub(crate) fn not_found(lang: Language, query: &str) -> String {
    pick(
        lang,
        format!(
            "I couldn't find \"{query}\". Reply *1* to see everything we sell, or type *menu*."
        ),
        format!("Sikupata \"{query}\". Jibu *1* kuona bidhaa zote, au andika *menu*."),
    )
}

pub(crate) fn did_you_mean(lang: Language) -> String {
    pick(
        lang,
        "Did you mean one of these? Reply with a number:".into(),
        "Ulimaanisha mojawapo ya hizi? Jibu kwa namba:".into(),
    )
}

pub(crate) fn cart_empty(lang: Language) -> String {
    pick(
        lang,
        "Your cart is empty. Reply *1* to see what we sell.".into(),
        "Kikapu chako ni tupu. Jibu *1* kuona bidhaa.".into(),
    )
}

pub(crate) fn cart_view(lang: Language, lines: &str, subtotal: Money) -> String {
    pick(
        lang,
        format!("Your cart:\n{lines}\nSubtotal: *{subtotal}*\n\n1. Checkout\n2. Add more\n3. Empty the cart\nTo remove something, type e.g. *remove sukuma*."),
        format!("Kikapu chako:\n{lines}\nJumla ndogo: *{subtotal}*\n\n1. Lipa sasa\n2. Ongeza zaidi\n3. Futa kikapu\nKuondoa bidhaa, andika mf. *ondoa sukuma*."),
    )
}

pub(crate) fn removed(lang: Language, item: &str) -> String {
    pick(
        lang,
        format!("Removed {item}."),
        format!("Nimeondoa {item}."),
    )
}

pub(crate) fn cart_cleared(lang: Language) -> String {
    pick(
        lang,
        "Your cart is now empty.".into(),
        "Kikapu sasa ni tupu.".into(),
    )
}

pub(crate) fn choose_fulfilment(lang: Language, options: &str) -> String {
    pick(
        lang,
        format!("How would you like to get your order?\n{options}"),
        format!("Ungependa kupata oda yako vipi?\n{options}"),
    )
}

pub(crate) fn pickup_option(lang: Language) -> String {
    pick(
        lang,
        "Pick up at the shop (free)".into(),
        "Chukua dukani (bure)".into(),
    )
}

pub(crate) fn ask_address(lang: Language, zone: &str) -> String {
    pick(
        lang,
        format!("Delivery to *{zone}*. Send the address or a landmark for the rider."),
        format!("Tutaleta *{zone}*. Tuma anwani au alama ya mahali kwa mpeleka mzigo."),
    )
}

pub(crate) fn address_too_short(lang: Language) -> String {
    pick(
        lang,
        "Please send a bit more detail so the rider finds you (a street, building or landmark)."
            .into(),
        "Tafadhali ongeza maelezo ili mpeleka mzigo akupate (mtaa, jengo au alama).".into(),
    )
}

pub(crate) fn choose_phone(lang: Language, own: &str) -> String {
    pick(
        lang,
        format!(
            "Which M-Pesa number should pay?\n1. This number ({own})\n2. Another Safaricom number"
        ),
        format!(
            "Ulipe kwa namba gani ya M-Pesa?\n1. Namba hii ({own})\n2. Namba nyingine ya Safaricom"
        ),
    )
}

pub(crate) fn ask_phone(lang: Language) -> String {
    pick(
        lang,
        "Send the Safaricom number that will pay with M-Pesa, e.g. 0712 345 678.".into(),
        "Tuma namba ya Safaricom itakayolipa kwa M-Pesa, mf. 0712 345 678.".into(),
    )
}

/// A number M-Pesa's prompt cannot reach, named by its network: "07xx" alone
/// would not tell an Airtel customer (0733, 0750...) why 07 is refused.
pub(crate) fn not_safaricom(lang: Language, phone: &crate::Msisdn) -> String {
    let number = phone.national();
    let (en, sw) = match phone.network() {
        crate::Network::Airtel => (
            format!("{number} is an Airtel line"),
            format!("{number} ni laini ya Airtel"),
        ),
        crate::Network::Telkom => (
            format!("{number} is a Telkom line"),
            format!("{number} ni laini ya Telkom"),
        ),
        crate::Network::Safaricom | crate::Network::Other => (
            format!("{number} is not a Safaricom line"),
            format!("{number} si laini ya Safaricom"),
        ),
    };
    pick(
        lang,
        format!("{en}, and M-Pesa payment requests only reach Safaricom lines. Send a Safaricom number, e.g. 0712 345 678."),
        format!("{sw}, na ombi la malipo la M-Pesa hufika kwa laini za Safaricom pekee. Tuma namba ya Safaricom, mf. 0712 345 678."),
    )
}

pub(crate) fn bad_phone(lang: Language, why: &str) -> String {
    pick(
        lang,
        format!("That number doesn't look right: {why}"),
        format!("Namba hiyo si sahihi. Tuma namba kama 0712 345 678. ({why})"),
    )
}

pub(crate) fn summary(
    lang: Language,
    lines: &str,
    how: &str,
    fee: Money,
    total: Money,
    prompt_to: Option<&str>,
) -> String {
    let (pay_en, pay_sw) = match prompt_to {
        Some(phone) => (
            format!("Pay now (M-Pesa prompt to {phone})"),
            format!("Lipa sasa (ombi la M-Pesa kwa {phone})"),
        ),
        None => (
            "Confirm and pay by M-Pesa".to_owned(),
            "Thibitisha na ulipe kwa M-Pesa".to_owned(),
        ),
    };
    let fee_en = if fee.minor > 0 {
        format!("\nDelivery: {fee}")
    } else {
        String::new()
    };
    let fee_sw = if fee.minor > 0 {
        format!("\nUsafirishaji: {fee}")
    } else {
        String::new()
    };
    pick(
        lang,
        format!("Your order:\n{lines}\n{how}{fee_en}\n*Total: {total}*\n\n1. {pay_en}\n2. Change the order\n3. Cancel"),
        format!("Oda yako:\n{lines}\n{how}{fee_sw}\n*Jumla: {total}*\n\n1. {pay_sw}\n2. Badilisha oda\n3. Ghairi"),
    )
}

pub(crate) fn pickup_line(lang: Language) -> String {
    pick(lang, "Pickup at the shop".into(), "Utachukua dukani".into())
}

pub(crate) fn delivery_line(lang: Language, zone: &str, address: &str) -> String {
    pick(
        lang,
        format!("Delivery to {zone}: {address}"),
        format!("Kuletewa {zone}: {address}"),
    )
}

pub(crate) fn recipient_line(lang: Language, number: &str) -> String {
    pick(lang, format!("For: {number}"), format!("Kwa: {number}"))
}

pub(crate) fn check_phone(lang: Language, total: Money, phone: &str) -> String {
    pick(
        lang,
        format!("📱 Check your phone {phone} and enter your M-Pesa PIN to pay *{total}*."),
        format!("📱 Angalia simu yako {phone} na uweke PIN ya M-Pesa kulipa *{total}*."),
    )
}

pub(crate) fn pay_by_hand(lang: Language, to: &PayTo, number: i64, total: Money) -> String {
    match to {
        PayTo::Till(till) => pick(
            lang,
            format!("💵 Order *#{number}* is reserved. To pay, on M-Pesa choose *Lipa na M-Pesa → Buy Goods*, till *{till}*, amount *{total}*.\nThen send us the M-Pesa code from your SMS (like QFT4ABC12X)."),
            format!("💵 Oda *#{number}* imehifadhiwa. Kulipa, kwenye M-Pesa chagua *Lipa na M-Pesa → Buy Goods*, till *{till}*, kiasi *{total}*.\nKisha tutumie namba ya muamala ya M-Pesa kutoka kwa SMS (kama QFT4ABC12X)."),
        ),
        PayTo::Paybill(paybill) => pick(
            lang,
            format!("💵 Order *#{number}* is reserved. To pay, on M-Pesa choose *Lipa na M-Pesa → Pay Bill*, business number *{paybill}*, account *{number}*, amount *{total}*.\nThen send us the M-Pesa code from your SMS (like QFT4ABC12X)."),
            format!("💵 Oda *#{number}* imehifadhiwa. Kulipa, kwenye M-Pesa chagua *Lipa na M-Pesa → Pay Bill*, namba ya biashara *{paybill}*, akaunti *{number}*, kiasi *{total}*.\nKisha tutumie namba ya muamala ya M-Pesa kutoka kwa SMS (kama QFT4ABC12X)."),
        ),
    }
}

pub(crate) fn staff_will_say_how(lang: Language, number: i64, total: Money) -> String {
    pick(
        lang,
        format!("💵 Order *#{number}* ({total}) is reserved. We'll message you shortly with how to pay."),
        format!("💵 Oda *#{number}* ({total}) imehifadhiwa. Tutakutumia ujumbe hivi punde jinsi ya kulipa."),
    )
}

pub(crate) fn code_received(lang: Language, code: &str) -> String {
    pick(
        lang,
        format!("🙏 Thank you! We're checking M-Pesa code *{code}* and will confirm your order as soon as it shows on our statement."),
        format!("🙏 Asante! Tunakagua namba ya M-Pesa *{code}* na tutathibitisha oda yako mara itakapoonekana kwenye taarifa yetu."),
    )
}

pub(crate) fn send_code_reminder(lang: Language) -> String {
    pick(
        lang,
        "Once you've paid, send us the M-Pesa code from your SMS (like QFT4ABC12X) and we'll confirm your order. Type *cancel* to stop.".into(),
        "Ukishalipa, tutumie namba ya muamala ya M-Pesa kutoka kwa SMS (kama QFT4ABC12X) nasi tutathibitisha oda yako. Andika *cancel* kusitisha.".into(),
    )
}

pub(crate) fn prompt_on_its_way(lang: Language, phone: Option<&crate::Msisdn>) -> String {
    let to = phone.map(|p| p.national()).unwrap_or_default();
    let (en_to, sw_to) = if to.is_empty() {
        (String::new(), String::new())
    } else {
        (format!(" to {to}"), format!(" kwa {to}"))
    };
    pick(
        lang,
        format!(
            "The M-Pesa request went{en_to} and is still open: unlock the phone and look for it (it can take a minute to show). If it times out, just say *resend* and we'll send a new one."
        ),
        format!(
            "Ombi la M-Pesa limetumwa{sw_to} na bado liko wazi: fungua simu yako ulitafute (linaweza kuchukua dakika moja kuonekana). Likiisha muda, andika *tuma tena* tukutumie jingine."
        ),
    )
}

pub(crate) fn no_prompt_by_hand(lang: Language) -> String {
    pick(
        lang,
        "No prompt comes to your phone for this shop: pay with M-Pesa as shown above, then send us the M-Pesa code from your SMS (like QFT4ABC12X).".into(),
        "Duka hili halitumi ombi kwenye simu yako: lipa kwa M-Pesa kama ilivyoonyeshwa hapo juu, kisha tutumie namba ya muamala kutoka kwa SMS (kama QFT4ABC12X).".into(),
    )
}

pub(crate) fn nothing_to_pay(lang: Language) -> String {
    pick(
        lang,
        "You have no order waiting for payment right now. Type *menu* to order.".into(),
        "Huna oda inayosubiri malipo kwa sasa. Andika *menu* kuagiza.".into(),
    )
}

pub(crate) fn still_waiting(lang: Language) -> String {
    pick(
        lang,
        "We're waiting for M-Pesa to confirm your payment. Type *cancel* to stop.".into(),
        "Tunasubiri M-Pesa ithibitishe malipo yako. Andika *cancel* kusitisha.".into(),
    )
}

pub(crate) fn paid(lang: Language, number: i64, receipt: Option<&str>, total: Money) -> String {
    let code = receipt
        .map(|r| format!(" (M-Pesa {r})"))
        .unwrap_or_default();
    pick(
        lang,
        format!("✅ Payment of {total} received{code}. Your order *#{number}* is confirmed. We'll message you as it moves."),
        format!("✅ Tumepokea {total}{code}. Oda yako *#{number}* imethibitishwa. Tutakujulisha inavyoendelea."),
    )
}

pub(crate) fn payment_failed(lang: Language, reason: &str) -> String {
    pick(
        lang,
        format!("❌ The payment didn't go through: {reason}\n1. Try again\n2. Pay with another number\n3. Cancel the order"),
        format!("❌ Malipo hayakufanikiwa: {reason}\n1. Jaribu tena\n2. Lipa kwa namba nyingine\n3. Ghairi oda"),
    )
}

pub(crate) fn payment_failure(lang: Language, why: super::PaymentFailure) -> &'static str {
    use super::PaymentFailure as F;
    match (lang, why) {
        (Language::Sw, F::Cancelled) => "ombi la M-Pesa lilighairiwa kwenye simu.",
        (Language::Sw, F::InsufficientFunds) => "hakuna pesa za kutosha kwenye M-Pesa.",
        (Language::Sw, F::WrongPin) => "PIN ya M-Pesa haikuwa sahihi.",
        (Language::Sw, F::Unreachable) => "simu haikupatikana au muda wa ombi uliisha.",
        (Language::Sw, F::Busy) => "malipo mengine ya M-Pesa yalikuwa yanaendelea kwenye simu hiyo; subiri dakika moja ujaribu tena.",
        (Language::Sw, F::NotSent) => "duka halikuweza kutuma ombi la M-Pesa sasa hivi; duka limearifiwa.",
        (Language::Sw, F::AlreadyWaiting) => "ombi la M-Pesa tayari linasubiri kwenye simu yako.",
        (Language::Sw, F::OrderClosed) => "oda hii haiwezi kulipwa tena.",
        (Language::Sw, F::TooManyPrompts) => "namba hii imepata maombi mengi ya M-Pesa ndani ya saa moja; ili kukulinda, jaribu tena baadaye au lipa kwa namba nyingine.",
        (Language::Sw, F::Unsettled) => "bado tunathibitisha malipo ya awali ya M-Pesa kwa oda hii; tafadhali usilipe tena, duka litathibitisha hivi karibuni.",
        (Language::Sw, F::Other) => "M-Pesa haikukamilisha malipo.",
        (_, F::Cancelled) => "the M-Pesa prompt was cancelled on the phone.",
        (_, F::InsufficientFunds) => "there was not enough money in the M-Pesa account.",
        (_, F::WrongPin) => "the M-Pesa PIN was wrong.",
        (_, F::Unreachable) => "the phone could not be reached or the prompt timed out.",
        (_, F::Busy) => "another M-Pesa payment was in progress on that phone; wait a minute and try again.",
        (_, F::NotSent) => "the shop could not send the M-Pesa prompt just now; the shop has been told.",
        (_, F::AlreadyWaiting) => "an M-Pesa prompt is already waiting on your phone.",
        (_, F::OrderClosed) => "this order cannot take a payment any more.",
        (_, F::TooManyPrompts) => "that number has had several M-Pesa prompts in the last hour; to protect it, try again later or pay with another number.",
        (_, F::Unsettled) => "we are still confirming an earlier M-Pesa payment for this order; please don't pay again, the shop will confirm shortly.",
        (_, F::Other) => "M-Pesa did not complete the payment.",
    }
}

pub(crate) fn rejection(lang: Language, why: &super::Rejection) -> String {
    use super::Rejection as R;
    match why {
        R::NoLongerSold { item } => pick(
            lang,
            format!("Sorry, {item} is no longer sold."),
            format!("Samahani, {item} haiuzwi tena."),
        ),
        R::OnlyLeft { item, left } => pick(
            lang,
            format!("Sorry, only {left} of {item} left."),
            format!("Samahani, zimebaki {left} tu za {item}."),
        ),
        R::ZoneGone => pick(
            lang,
            "Sorry, we no longer deliver there. Please choose again.".into(),
            "Samahani, hatuleti huko tena. Tafadhali chagua tena.".into(),
        ),
        R::TooLarge => pick(
            lang,
            "Sorry, that order is too large.".into(),
            "Samahani, oda hiyo ni kubwa mno.".into(),
        ),
    }
}

pub(crate) fn payment_unknown(lang: Language) -> String {
    pick(
        lang,
        "⏳ M-Pesa hasn't confirmed yet. If money left your account, please don't pay again: we'll confirm as soon as M-Pesa does, and the shop has been told.".into(),
        "⏳ M-Pesa bado haijathibitisha. Kama pesa imetoka kwenye akaunti yako, usilipe tena: tutathibitisha M-Pesa ikijibu, na duka limearifiwa.".into(),
    )
}

pub(crate) fn order_cancelled(lang: Language) -> String {
    pick(
        lang,
        "Your order is cancelled. Type *menu* to start again.".into(),
        "Oda yako imeghairiwa. Andika *menu* kuanza upya.".into(),
    )
}

pub(crate) fn nothing_to_cancel(lang: Language) -> String {
    pick(
        lang,
        "There's nothing to cancel. Type *menu* to start.".into(),
        "Hakuna cha kughairi. Andika *menu* kuanza.".into(),
    )
}

pub(crate) fn status_update(lang: Language, number: i64, status: OrderStatus) -> String {
    let (en, sw) = match status {
        OrderStatus::Preparing => ("is being prepared 👩‍🍳", "inaandaliwa 👩‍🍳"),
        OrderStatus::OutForDelivery => ("is on its way 🛵", "iko njiani 🛵"),
        OrderStatus::Delivered => (
            "is delivered. Thank you for shopping with us! 🙏",
            "imefika. Asante kwa kununua kwetu! 🙏",
        ),
        OrderStatus::Cancelled => (
            "was cancelled by the shop. Type *agent* if you have questions.",
            "imeghairiwa na duka. Andika *agent* kama una swali.",
        ),
        OrderStatus::Paid => ("is paid and confirmed.", "imelipwa na kuthibitishwa."),
        OrderStatus::Draft | OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed => {
            ("is waiting for payment.", "inasubiri malipo.")
        }
    };
    pick(
        lang,
        format!("Your order *#{number}* {en}"),
        format!("Oda yako *#{number}* {sw}"),
    )
}

pub(crate) fn no_orders(lang: Language) -> String {
    pick(
        lang,
        "You have no orders yet. Reply *1* to see what we sell.".into(),
        "Bado huna oda. Jibu *1* kuona bidhaa.".into(),
    )
}

pub(crate) fn agent(lang: Language, shop: &str) -> String {
    pick(
        lang,
        format!(
            "Okay! Someone from {shop} will reply here soon. Type *bot* to go back to the menu."
        ),
        format!(
            "Sawa! Mtu wa {shop} atakujibu hapa hivi karibuni. Andika *bot* kurudi kwenye menyu."
        ),
    )
}

pub(crate) fn help(lang: Language) -> String {
    pick(
        lang,
        "Commands: *menu* (start), *cart*, *track* (your order), *cancel*, *agent* (a person), *sw*/*en* (language), *stop* (no offers), *delete me* (erase your data).".into(),
        "Amri: *menu* (mwanzo), *kikapu*, *fuatilia* (oda yako), *ghairi*, *agent* (mtu), *sw*/*en* (lugha), *stop* (hakuna matangazo), *delete me* (futa data yako).".into(),
    )
}

pub(crate) fn confirm_delete(lang: Language) -> String {
    pick(
        lang,
        "Delete your details? We will erase your name, number and chats. Past orders stay in the shop's tax records without your details.\nReply *YES* to delete, anything else to keep them.".into(),
        "Futa taarifa zako? Tutafuta jina, namba na mazungumzo yako. Oda za zamani zinabaki kwenye rekodi za kodi bila taarifa zako.\nJibu *NDIO* kufuta, chochote kingine kuacha.".into(),
    )
}

pub(crate) fn deleted(lang: Language) -> String {
    pick(
        lang,
        "Done: your details are being erased. Goodbye! 👋".into(),
        "Imekamilika: taarifa zako zinafutwa. Kwaheri! 👋".into(),
    )
}

pub(crate) fn delete_kept(lang: Language) -> String {
    pick(
        lang,
        "Okay, nothing was deleted.".into(),
        "Sawa, hakuna kilichofutwa.".into(),
    )
}

pub(crate) fn opted_out(lang: Language) -> String {
    pick(
        lang,
        "You won't get offers from us. You'll still get messages about your own orders. Type *start* to undo.".into(),
        "Hutapata matangazo kutoka kwetu. Utaendelea kupata ujumbe kuhusu oda zako. Andika *start* kurudisha.".into(),
    )
}

pub(crate) fn opted_in(lang: Language) -> String {
    pick(
        lang,
        "Welcome back! You'll get our offers again.".into(),
        "Karibu tena! Utapata matangazo yetu tena.".into(),
    )
}

pub(crate) fn didnt_understand(lang: Language) -> String {
    pick(
        lang,
        "Sorry, I didn't get that.".into(),
        "Samahani, sijaelewa.".into(),
    )
}

pub(crate) fn reply_with_number(lang: Language, max: usize) -> String {
    pick(
        lang,
        format!("Please reply with a number from 1 to {max}."),
        format!("Tafadhali jibu kwa namba kutoka 1 hadi {max}."),
    )
}

pub(crate) fn recipient_question(lang: Language, item: &str, own: Option<&str>) -> String {
    match own {
        Some(own) => pick(
            lang,
            format!("*{item}*: who is it for?\n1. This number ({own})\n2. Another number"),
            format!("*{item}*: ni kwa nani?\n1. Namba hii ({own})\n2. Namba nyingine"),
        ),
        None => pick(
            lang,
            format!("*{item}*: send the phone number it is for, e.g. 0712 345 678."),
            format!("*{item}*: tuma namba ya simu inayopokea, mf. 0712 345 678."),
        ),
    }
}

pub(crate) fn ask_recipient(lang: Language) -> String {
    pick(
        lang,
        "Send the number that should receive it, e.g. 0712 345 678.".into(),
        "Tuma namba itakayopokea, mf. 0712 345 678.".into(),
    )
}

pub(crate) fn digital_sent(lang: Language, item: &str, number: &str) -> String {
    pick(
        lang,
        format!("📲 {item} is being sent to {number}."),
        format!("📲 {item} inatumwa kwa {number}."),
    )
}

pub(crate) fn language_set(lang: Language) -> String {
    pick(
        lang,
        "Okay, English it is.".into(),
        "Sawa, tutaongea Kiswahili.".into(),
    )
}
