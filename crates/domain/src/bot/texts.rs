//! Everything the bot says, in English, Kiswahili, French and Arabic. One
//! function per message, each naming all four texts, so a missing
//! translation is a compile error rather than a blank or English reply.
//! Texts are plain (they read well on any WhatsApp account); `*bold*` is
//! WhatsApp's own markup.
//!
//! French is written as shops in Morocco write to customers: "vous", short
//! and friendly. Arabic is Modern Standard Arabic in the polite plural
//! ("أرسلوا"), which reads as respectful and fits men and women alike;
//! it is stored as typed (UTF-8, right to left) and WhatsApp lays it out.
//! In every language, what the customer types back (*0*, *1*, *menu*,
//! *cancel*, *agent*...), numbers, item names and prices stay as they are.
//! Amounts are written the way the shop's country writes them
//! ([`Money::local_text`]).

use crate::customer::Language;
use crate::money::Money;
use crate::order::{FulfilmentKind, OrderStatus};
use crate::payment::PayTo;
use chrono::{Datelike, NaiveDateTime};

/// One message in every language the bot speaks. Each field is named, so a
/// missing translation does not compile and a text cannot land in the
/// wrong language by its position.
struct Say<T> {
    en: T,
    sw: T,
    fr: T,
    ar: T,
}

/// Picks the text for the language.
fn pick<T>(lang: Language, say: Say<T>) -> T {
    match lang {
        Language::En => say.en,
        Language::Sw => say.sw,
        Language::Fr => say.fr,
        Language::Ar => say.ar,
    }
}

pub(crate) fn welcome(lang: Language, shop: &str, on_delivery: bool) -> String {
    if on_delivery {
        return pick(
            lang,
            Say {
                en: format!("Welcome to *{shop}*! 👋 You can order here and pay in cash when your order is handed over."),
                sw: format!("Karibu *{shop}*! 👋 Unaweza kuagiza hapa na kulipa pesa taslimu unapopokea oda yako."),
                fr: format!("Bienvenue chez *{shop}* ! 👋 Vous pouvez commander ici et payer en espèces à la remise de votre commande."),
                ar: format!("مرحبًا بكم في *{shop}*! 👋 يمكنكم الطلب هنا والدفع نقدًا عند استلام طلبكم."),
            },
        );
    }
    pick(
        lang,
        Say {
            en: format!("Welcome to *{shop}*! 👋 You can order here and pay with M-Pesa."),
            sw: format!("Karibu *{shop}*! 👋 Unaweza kuagiza hapa na kulipa kwa M-Pesa."),
            fr: format!(
                "Bienvenue chez *{shop}* ! 👋 Vous pouvez commander ici et payer par M-Pesa."
            ),
            ar: format!("مرحبًا بكم في *{shop}*! 👋 يمكنكم الطلب هنا والدفع عبر M-Pesa."),
        },
    )
}

/// "I paid but got nothing": handed to staff.
pub(crate) fn paid_but_nothing(lang: Language, shop: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("Sorry about that! 🙏 I've asked the team at *{shop}* to check your M-Pesa payment; they will reply here shortly."),
            sw: format!("Samahani! 🙏 Nimewaomba wahudumu wa *{shop}* waangalie malipo yako ya M-Pesa; watakujibu hapa hivi punde."),
            fr: format!("Désolé pour ce souci ! 🙏 J'ai demandé à l'équipe de *{shop}* de vérifier votre paiement M-Pesa ; elle vous répondra ici très vite."),
            ar: format!("نعتذر عن ذلك! 🙏 طلبت من فريق *{shop}* التحقق من دفعتكم عبر M-Pesa، وسيردون عليكم هنا قريبًا."),
        },
    )
}

/// A short, friendly close for thanks or an "ok" when nothing was asked.
pub(crate) fn you_are_welcome(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "You're welcome! 😊 Reply *0* any time for the menu.".into(),
            sw: "Karibu sana! 😊 Jibu *0* wakati wowote kupata menyu.".into(),
            fr: "Avec plaisir ! 😊 Répondez *0* à tout moment pour voir le menu.".into(),
            ar: "العفو! 😊 أرسلوا *0* في أي وقت لعرض القائمة.".into(),
        },
    )
}

pub(crate) fn menu(lang: Language, cart_units: u32) -> String {
    let in_cart = |words: Say<&str>| {
        if cart_units > 0 {
            format!(" ({cart_units} {})", pick(lang, words))
        } else {
            String::new()
        }
    };
    let cart = in_cart(Say {
        en: "in cart",
        sw: "kwenye kikapu",
        fr: "dans le panier",
        ar: "في السلة",
    });
    pick(
        lang,
        Say {
            en: format!(
                "Reply with a number:\n1. See what we sell\n2. My cart{cart}\n3. Track my order\n4. Talk to a person\n\nOr just type what you want, e.g. *2 sukuma*. Type *sw* for Kiswahili."
            ),
            sw: format!(
                "Jibu kwa namba:\n1. Angalia bidhaa\n2. Kikapu changu{cart}\n3. Fuatilia oda yangu\n4. Ongea na mtu\n\nAu andika unachotaka, mf. *2 sukuma*. Andika *en* for English."
            ),
            fr: format!(
                "Répondez par un numéro :\n1. Voir nos produits\n2. Mon panier{cart}\n3. Suivre ma commande\n4. Parler à quelqu'un\n\nOu écrivez simplement ce que vous voulez, par ex. *2 sukuma*. Tapez *ar* pour l'arabe."
            ),
            ar: format!(
                "ردوا برقم:\n1. تصفح منتجاتنا\n2. سلتي{cart}\n3. تتبع طلبي\n4. التحدث مع شخص\n\nأو اكتبوا ما تريدون مباشرة، مثلًا *2 sukuma*. اكتبوا *fr* للفرنسية."
            ),
        },
    )
}

/// When a closed shop opens, as [`closed`] says it: the time alone when it
/// opens later today, otherwise the weekday in the customer's language and
/// the time ("Tue 08:00", "Jumanne 08:00", "mardi à 08:00",
/// "يوم الثلاثاء على الساعة 08:00"). English keeps its short weekday.
pub(crate) fn opens_at(lang: Language, at: NaiveDateTime, today: bool) -> String {
    let time = at.format("%H:%M");
    let day = lang.weekday_name(at.weekday());
    match (lang, today) {
        (Language::En | Language::Sw, true) => time.to_string(),
        (Language::En, false) => at.format("%a %H:%M").to_string(),
        (Language::Sw, false) => format!("{day} {time}"),
        (Language::Fr, true) => format!("à {time}"),
        (Language::Fr, false) => format!("{day} à {time}"),
        (Language::Ar, true) => format!("على الساعة {time}"),
        (Language::Ar, false) => format!("يوم {day} على الساعة {time}"),
    }
}

/// The shop is closed; `opens` comes from [`opens_at`].
pub(crate) fn closed(lang: Language, opens: &str, still_ordering: bool) -> String {
    match (still_ordering, lang) {
        (true, Language::Sw) => format!("Tumefunga kwa sasa; tunafungua {opens}. Bado unaweza kuagiza, tutaandaa tukifungua."),
        (false, Language::Sw) => format!("Tumefunga kwa sasa; tunafungua {opens}. Karibu tena wakati huo!"),
        (true, Language::En) => format!("We're closed right now and open {opens}. You can still order: we'll prepare it when we open."),
        (false, Language::En) => format!("We're closed right now and open {opens}. Please come back then!"),
        (true, Language::Fr) => format!("Nous sommes fermés pour le moment et ouvrons {opens}. Vous pouvez quand même commander : nous préparerons votre commande à l'ouverture."),
        (false, Language::Fr) => format!("Nous sommes fermés pour le moment et ouvrons {opens}. Revenez nous voir à ce moment-là !"),
        (true, Language::Ar) => format!("نحن مغلقون الآن ونفتح {opens}. يمكنكم الطلب رغم ذلك، وسنجهز طلبكم عند الفتح."),
        (false, Language::Ar) => format!("نحن مغلقون الآن ونفتح {opens}. نرحب بكم حينها!"),
    }
}

pub(crate) fn never_open(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "We're not taking orders at the moment. Please check again later.".into(),
            sw: "Hatupokei oda kwa sasa. Tafadhali jaribu tena baadaye.".into(),
            fr: "Nous ne prenons pas de commandes pour le moment. Merci de réessayer plus tard."
                .into(),
            ar: "لا نستقبل الطلبات حاليًا. يرجى المحاولة لاحقًا.".into(),
        },
    )
}

pub(crate) fn categories_title(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "What would you like? Reply with a number:".into(),
            sw: "Ungependa nini? Jibu kwa namba:".into(),
            fr: "Que souhaitez-vous ? Répondez par un numéro :".into(),
            ar: "ماذا تريدون؟ ردوا برقم:".into(),
        },
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
        Say {
            en: format!("*{category}*: reply with a number, or type e.g. *2 {word}*:"),
            sw: format!("*{category}*: jibu kwa namba, au andika mf. *2 {word}*:"),
            fr: format!("*{category}* : répondez par un numéro, ou écrivez par ex. *2 {word}* :"),
            ar: format!("*{category}*: ردوا برقم، أو اكتبوا مثلًا *2 {word}*:"),
        },
    )
}

pub(crate) fn all_items(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Everything".into(),
            sw: "Bidhaa zote".into(),
            fr: "Tous les produits".into(),
            ar: "كل المنتجات".into(),
        },
    )
}

pub(crate) fn more(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "More…".into(),
            sw: "Zaidi…".into(),
            fr: "Plus…".into(),
            ar: "المزيد…".into(),
        },
    )
}

/// The mark after a sold-out item in a list.
pub(crate) fn sold_out_mark(lang: Language) -> &'static str {
    pick(
        lang,
        Say {
            en: " (sold out)",
            sw: " (imeisha)",
            fr: " (épuisé)",
            ar: " (نفد)",
        },
    )
}

pub(crate) fn empty_catalogue(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Our catalogue is empty right now. Type *agent* to talk to a person.".into(),
            sw: "Hatuna bidhaa kwa sasa. Andika *agent* kuongea na mtu.".into(),
            fr: "Notre catalogue est vide pour le moment. Tapez *agent* pour parler à quelqu'un."
                .into(),
            ar: "لا توجد منتجات حاليًا. اكتبوا *agent* للتحدث مع شخص.".into(),
        },
    )
}

pub(crate) fn how_many(lang: Language, item: &str, price: Money) -> String {
    let price = price.local_text();
    pick(
        lang,
        Say {
            en: format!("*{item}*, {price} each. How many? (e.g. 2)"),
            sw: format!("*{item}*, {price} kila moja. Ngapi? (mf. 2)"),
            fr: format!("*{item}*, {price} l'unité. Combien en voulez-vous ? (par ex. 2)"),
            ar: format!("*{item}*، {price} للوحدة. كم تريدون؟ (مثلًا 2)"),
        },
    )
}

/// The line, new line first, telling how to order an item by typing it:
/// `example` is what to type (a quantity and the item's name). Nothing
/// when it is `None`: the item is sold out, which its price line says.
fn how_to_order(lang: Language, example: Option<&str>) -> String {
    let Some(example) = example else {
        return String::new();
    };
    pick(
        lang,
        Say {
            en: format!("\nTo order, reply with the quantity and the name, e.g. *{example}*."),
            sw: format!("\nKuagiza, jibu kwa idadi na jina, mf. *{example}*."),
            fr: format!(
                "\nPour commander, répondez avec la quantité et le nom, par ex. *{example}*."
            ),
            ar: format!("\nللطلب، أرسلوا الكمية والاسم، مثلًا *{example}*."),
        },
    )
}

/// The caption of an item's photo: its name, its price and how to order
/// it ([`how_to_order`]).
pub(crate) fn photo_caption(
    lang: Language,
    item: &str,
    price: Money,
    example: Option<&str>,
) -> String {
    let mark = if example.is_none() {
        sold_out_mark(lang)
    } else {
        ""
    };
    let order = how_to_order(lang, example);
    format!("*{item}* — {}{mark}{order}", price.local_text())
}

/// An item asked to be seen has no photo yet: its name, its price and how
/// to order it, as in [`photo_caption`].
pub(crate) fn no_photo_yet(
    lang: Language,
    item: &str,
    price: Money,
    example: Option<&str>,
) -> String {
    let price = price.local_text();
    let mark = if example.is_none() {
        sold_out_mark(lang)
    } else {
        ""
    };
    let none = pick(
        lang,
        Say {
            en: format!("Sorry, there's no photo of *{item}* yet. It costs {price}{mark}."),
            sw: format!("Samahani, hatuna picha ya *{item}* bado. Bei yake ni {price}{mark}."),
            fr: format!(
                "Désolé, nous n'avons pas encore de photo pour *{item}*. Son prix : {price}{mark}."
            ),
            ar: format!("عذرًا، لا توجد لدينا صورة للمنتج *{item}* بعد. سعره {price}{mark}."),
        },
    );
    format!("{none}{}", how_to_order(lang, example))
}

/// The last line of a list of items when one of them has a photo; `word`
/// names one of them.
pub(crate) fn photo_hint(lang: Language, word: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("📷 To see an item's photo, send *photo* and its name, e.g. *photo {word}*."),
            sw: format!("📷 Kuona picha ya bidhaa, tuma *picha* na jina lake, mf. *picha {word}*."),
            fr: format!(
                "📷 Pour voir la photo d'un produit, envoyez *photo* et son nom, par ex. *photo {word}*."
            ),
            ar: format!("📷 لرؤية صورة منتج، أرسلوا *صورة* واسمه، مثلًا *صورة {word}*."),
        },
    )
}

pub(crate) fn bad_quantity(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Please send a number from 1 to 999, e.g. 2.".into(),
            sw: "Tafadhali tuma namba kutoka 1 hadi 999, mf. 2.".into(),
            fr: "Merci d'envoyer un nombre de 1 à 999, par ex. 2.".into(),
            ar: "يرجى إرسال رقم من 1 إلى 999، مثلًا 2.".into(),
        },
    )
}

/// "Cart: 3 item(s), KES 90." and the three cart options, after adding.
fn cart_line_and_options(lang: Language, cart_units: u32, subtotal: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("Cart: {cart_units} item(s), {subtotal}.\n1. Checkout\n2. Add more\n3. View cart"),
            sw: format!("Kikapu: bidhaa {cart_units}, {subtotal}.\n1. Lipa sasa\n2. Ongeza zaidi\n3. Angalia kikapu"),
            fr: format!("Panier : {cart_units} article(s), {subtotal}.\n1. Valider la commande\n2. Ajouter autre chose\n3. Voir le panier"),
            ar: format!("السلة: عدد القطع {cart_units}، المجموع {subtotal}.\n1. إتمام الطلب\n2. إضافة المزيد\n3. عرض السلة"),
        },
    )
}

pub(crate) fn added(
    lang: Language,
    qty: u32,
    item: &str,
    cart_units: u32,
    subtotal: Money,
) -> String {
    let added = pick(
        lang,
        Say {
            en: format!("Added {qty} × {item}."),
            sw: format!("Nimeongeza {qty} × {item}."),
            fr: format!("Ajouté : {qty} × {item}."),
            ar: format!("تمت إضافة {qty} × {item}."),
        },
    );
    let cart = cart_line_and_options(lang, cart_units, &subtotal.local_text());
    format!("{added} {cart}")
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
    let mut text = String::new();
    if !added.is_empty() {
        text.push_str(&pick(
            lang,
            Say {
                en: format!("Added {added}. "),
                sw: format!("Nimeongeza {added}. "),
                fr: format!("Ajouté : {added}. "),
                ar: format!("تمت إضافة {added}. "),
            },
        ));
    }
    if !missing.is_empty() {
        text.push_str(&pick(
            lang,
            Say {
                en: format!("I couldn't add {missing}. "),
                sw: format!("Sikuweza kuongeza {missing}. "),
                fr: format!("Je n'ai pas pu ajouter {missing}. "),
                ar: format!("لم أتمكن من إضافة {missing}. "),
            },
        ));
    }
    text.push_str(&cart_line_and_options(
        lang,
        cart_units,
        &subtotal.local_text(),
    ));
    text
}

/// An item of a several-item message that is short, as named back in
/// [`added_several`]. Kiswahili keeps the English wording it has always
/// shown here.
pub(crate) fn only_left_note(lang: Language, item: &str, left: u32) -> String {
    pick(
        lang,
        Say {
            en: format!("{item} (only {left} left)"),
            sw: format!("{item} (zimebaki {left} tu)"),
            fr: format!("{item} (il n'en reste que {left})"),
            ar: format!("{item} (بقي {left} فقط)"),
        },
    )
}

pub(crate) fn out_of_stock(lang: Language, item: &str, left: u32) -> String {
    if left == 0 {
        pick(
            lang,
            Say {
                en: format!("Sorry, *{item}* is sold out. Type *menu* to see other items."),
                sw: format!("Samahani, *{item}* imeisha. Andika *menu* kuona bidhaa nyingine."),
                fr: format!(
                    "Désolé, *{item}* est épuisé. Tapez *menu* pour voir d'autres produits."
                ),
                ar: format!("عذرًا، نفد *{item}* من المخزون. اكتبوا *menu* لرؤية منتجات أخرى."),
            },
        )
    } else {
        pick(
            lang,
            Say {
                en: format!("Sorry, only {left} of *{item}* left. How many would you like?"),
                sw: format!("Samahani, zimebaki {left} tu za *{item}*. Ungependa ngapi?"),
                fr: format!(
                    "Désolé, il ne reste que {left} unité(s) de *{item}*. Combien en voulez-vous ?"
                ),
                ar: format!("عذرًا، لم يتبق من *{item}* سوى {left}. كم تريدون؟"),
            },
        )
    }
}

pub(crate) fn not_found(lang: Language, query: &str) -> String {
    pick(
        lang,
        Say {
            en: format!(
                "I couldn't find \"{query}\". Reply *1* to see everything we sell, or type *menu*."
            ),
            sw: format!("Sikupata \"{query}\". Jibu *1* kuona bidhaa zote, au andika *menu*."),
            fr: format!("Je n'ai pas trouvé « {query} ». Répondez *1* pour voir tous nos produits, ou tapez *menu*."),
            ar: format!("لم أجد «{query}». أرسلوا *1* لرؤية كل منتجاتنا، أو اكتبوا *menu*."),
        },
    )
}

pub(crate) fn did_you_mean(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Did you mean one of these? Reply with a number:".into(),
            sw: "Ulimaanisha mojawapo ya hizi? Jibu kwa namba:".into(),
            fr: "Vouliez-vous dire l'un de ces produits ? Répondez par un numéro :".into(),
            ar: "هل تقصدون أحد هذه المنتجات؟ ردوا برقم:".into(),
        },
    )
}

pub(crate) fn cart_empty(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Your cart is empty. Reply *1* to see what we sell.".into(),
            sw: "Kikapu chako ni tupu. Jibu *1* kuona bidhaa.".into(),
            fr: "Votre panier est vide. Répondez *1* pour voir nos produits.".into(),
            ar: "سلتكم فارغة. أرسلوا *1* لرؤية منتجاتنا.".into(),
        },
    )
}

pub(crate) fn cart_view(lang: Language, lines: &str, subtotal: Money) -> String {
    let subtotal = subtotal.local_text();
    pick(
        lang,
        Say {
            en: format!("Your cart:\n{lines}\nSubtotal: *{subtotal}*\n\n1. Checkout\n2. Add more\n3. Empty the cart\nTo remove something, type e.g. *remove sukuma*."),
            sw: format!("Kikapu chako:\n{lines}\nJumla ndogo: *{subtotal}*\n\n1. Lipa sasa\n2. Ongeza zaidi\n3. Futa kikapu\nKuondoa bidhaa, andika mf. *ondoa sukuma*."),
            fr: format!("Votre panier :\n{lines}\nSous-total : *{subtotal}*\n\n1. Valider la commande\n2. Ajouter autre chose\n3. Vider le panier\nPour retirer un produit, tapez par ex. *retirer sukuma*."),
            ar: format!("سلتكم:\n{lines}\nالمجموع الفرعي: *{subtotal}*\n\n1. إتمام الطلب\n2. إضافة المزيد\n3. إفراغ السلة\nلحذف منتج، اكتبوا مثلًا *احذف sukuma*."),
        },
    )
}

pub(crate) fn removed(lang: Language, item: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("Removed {item}."),
            sw: format!("Nimeondoa {item}."),
            fr: format!("J'ai retiré {item}."),
            ar: format!("تم حذف {item}."),
        },
    )
}

pub(crate) fn cart_cleared(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Your cart is now empty.".into(),
            sw: "Kikapu sasa ni tupu.".into(),
            fr: "Votre panier est maintenant vide.".into(),
            ar: "سلتكم الآن فارغة.".into(),
        },
    )
}

pub(crate) fn choose_fulfilment(lang: Language, options: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("How would you like to get your order?\n{options}"),
            sw: format!("Ungependa kupata oda yako vipi?\n{options}"),
            fr: format!("Comment souhaitez-vous recevoir votre commande ?\n{options}"),
            ar: format!("كيف تريدون استلام طلبكم؟\n{options}"),
        },
    )
}

pub(crate) fn pickup_option(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Pick up at the shop (free)".into(),
            sw: "Chukua dukani (bure)".into(),
            fr: "Retrait au magasin (gratuit)".into(),
            ar: "الاستلام من المحل (مجانًا)".into(),
        },
    )
}

pub(crate) fn ask_address(lang: Language, zone: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("Delivery to *{zone}*. Send the address or a landmark for the rider."),
            sw: format!("Tutaleta *{zone}*. Tuma anwani au alama ya mahali kwa mpeleka mzigo."),
            fr: format!(
                "Livraison à *{zone}*. Envoyez l'adresse ou un point de repère pour le livreur."
            ),
            ar: format!("التوصيل إلى *{zone}*. أرسلوا العنوان أو معلمًا قريبًا لعامل التوصيل."),
        },
    )
}

pub(crate) fn address_too_short(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Please send a bit more detail so the rider finds you (a street, building or landmark)."
                .into(),
            sw: "Tafadhali ongeza maelezo ili mpeleka mzigo akupate (mtaa, jengo au alama).".into(),
            fr: "Merci d'ajouter un peu plus de détails pour que le livreur vous trouve (rue, immeuble ou point de repère).".into(),
            ar: "يرجى إضافة تفاصيل أكثر حتى يجدكم عامل التوصيل (الشارع أو العمارة أو معلم قريب).".into(),
        },
    )
}

pub(crate) fn choose_phone(lang: Language, own: &str) -> String {
    pick(
        lang,
        Say {
            en: format!(
                "Which M-Pesa number should pay?\n1. This number ({own})\n2. Another Safaricom number"
            ),
            sw: format!(
                "Ulipe kwa namba gani ya M-Pesa?\n1. Namba hii ({own})\n2. Namba nyingine ya Safaricom"
            ),
            fr: format!(
                "Avec quel numéro M-Pesa voulez-vous payer ?\n1. Ce numéro ({own})\n2. Un autre numéro Safaricom"
            ),
            ar: format!("بأي رقم M-Pesa تريدون الدفع؟\n1. هذا الرقم ({own})\n2. رقم Safaricom آخر"),
        },
    )
}

pub(crate) fn ask_phone(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Send the Safaricom number that will pay with M-Pesa, e.g. 0712 345 678.".into(),
            sw: "Tuma namba ya Safaricom itakayolipa kwa M-Pesa, mf. 0712 345 678.".into(),
            fr: "Envoyez le numéro Safaricom qui paiera par M-Pesa, par ex. 0712 345 678.".into(),
            ar: "أرسلوا رقم Safaricom الذي سيدفع عبر M-Pesa، مثلًا 0712 345 678.".into(),
        },
    )
}

/// Paying on delivery, with a chat that hides its number: a number the
/// shop can call about the order (no M-Pesa, so any network).
pub(crate) fn ask_contact_phone(lang: Language, country: crate::Country) -> String {
    let example = match country {
        crate::Country::Morocco => "0612 345 678",
        _ => "0712 345 678",
    };
    pick(
        lang,
        Say {
            en: format!("Send a phone number the shop can call about your order, e.g. {example}."),
            sw: format!("Tuma namba ya simu ambayo duka linaweza kukupigia kuhusu oda yako, mf. {example}."),
            fr: format!("Envoyez un numéro où le magasin peut vous appeler pour votre commande, par ex. {example}."),
            ar: format!("أرسلوا رقم هاتف يمكن للمحل الاتصال بكم عليه بخصوص طلبكم، مثلًا {example}."),
        },
    )
}

/// The line of the order summary that says how an order paid on delivery
/// is paid.
pub(crate) fn pay_on_delivery_line(lang: Language, pickup: bool) -> String {
    if pickup {
        return pick(
            lang,
            Say {
                en: "💵 You pay in cash when you collect it".into(),
                sw: "💵 Utalipa pesa taslimu utakapoichukua".into(),
                fr: "💵 Paiement en espèces au retrait".into(),
                ar: "💵 الدفع نقدًا عند الاستلام من المحل".into(),
            },
        );
    }
    pick(
        lang,
        Say {
            en: "💵 You pay in cash on delivery".into(),
            sw: "💵 Utalipa pesa taslimu utakapoletewa".into(),
            fr: "💵 Paiement en espèces à la livraison".into(),
            ar: "💵 الدفع نقدًا عند التوصيل".into(),
        },
    )
}

/// Money was given back for an order.
pub(crate) fn refunded(
    lang: Language,
    number: i64,
    amount: Money,
    method: crate::refund::RefundMethod,
) -> String {
    let amount = amount.local_text();
    let cash = method == crate::refund::RefundMethod::Cash;
    pick(
        lang,
        if cash {
            Say {
                en: format!("💸 We gave you back *{amount}* in cash for order *#{number}*."),
                sw: format!("💸 Tumekurudishia *{amount}* taslimu kwa oda *#{number}*."),
                fr: format!(
                    "💸 Nous vous avons rendu *{amount}* en espèces pour la commande *#{number}*."
                ),
                ar: format!("💸 أعدنا لكم *{amount}* نقدًا عن الطلب *#{number}*."),
            }
        } else {
            Say {
                en: format!("💸 We sent *{amount}* back to you by M-Pesa for order *#{number}*."),
                sw: format!("💸 Tumekurudishia *{amount}* kwa M-Pesa kwa oda *#{number}*."),
                fr: format!("💸 Nous vous avons renvoyé *{amount}* par M-Pesa pour la commande *#{number}*."),
                ar: format!("💸 أرسلنا لكم *{amount}* عبر M-Pesa عن الطلب *#{number}*."),
            }
        },
    )
}

/// An order paid on delivery was taken.
pub(crate) fn taken_on_delivery(lang: Language, number: i64, total: Money, pickup: bool) -> String {
    let total = total.local_text();
    if pickup {
        return pick(
            lang,
            Say {
                en: format!("✅ Order *#{number}* is confirmed. You pay *{total}* in cash when you collect it; we'll tell you when it is ready."),
                sw: format!("✅ Oda *#{number}* imethibitishwa. Utalipa *{total}* taslimu utakapoichukua dukani; tutakujulisha ikiwa tayari."),
                fr: format!("✅ Commande *#{number}* confirmée. Vous payerez *{total}* en espèces au retrait ; nous vous prévenons dès qu'elle est prête."),
                ar: format!("✅ تم تأكيد الطلب *#{number}*. ستدفعون *{total}* نقدًا عند استلامه من المحل، وسنخبركم عندما يصبح جاهزًا."),
            },
        );
    }
    pick(
        lang,
        Say {
            en: format!("✅ Order *#{number}* is confirmed. Please have *{total}* in cash ready when it arrives; we'll tell you when it is on its way."),
            sw: format!("✅ Oda *#{number}* imethibitishwa. Tafadhali kuwa na *{total}* taslimu itakapofika; tutakujulisha ikiwa njiani."),
            fr: format!("✅ Commande *#{number}* confirmée. Merci de prévoir *{total}* en espèces à la livraison ; nous vous prévenons dès qu'elle est en route."),
            ar: format!("✅ تم تأكيد الطلب *#{number}*. يرجى تجهيز *{total}* نقدًا عند وصوله، وسنخبركم عندما يكون في الطريق."),
        },
    )
}

/// "Where is my order" for an order paid on delivery that staff have not
/// started yet.
pub(crate) fn taken_on_delivery_status(lang: Language, number: i64, pickup: bool) -> String {
    let pay = pay_on_delivery_line(lang, pickup);
    pick(
        lang,
        Say {
            en: format!("Your order *#{number}* is confirmed; we'll tell you when it is being prepared.\n{pay}."),
            sw: format!("Oda yako *#{number}* imethibitishwa; tutakujulisha ikianza kuandaliwa.\n{pay}."),
            fr: format!("Votre commande *#{number}* est confirmée ; nous vous prévenons dès qu'elle est en préparation.\n{pay}."),
            ar: format!("طلبكم *#{number}* مؤكد، وسنخبركم عندما يبدأ تحضيره.\n{pay}."),
        },
    )
}

/// "I did not get the prompt" in a shop paid on delivery.
pub(crate) fn no_prompt_on_delivery(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "No M-Pesa is needed here: you pay in cash when your order is handed over.".into(),
            sw: "Hakuna M-Pesa inayohitajika hapa: utalipa pesa taslimu unapokabidhiwa oda yako."
                .into(),
            fr: "Pas de M-Pesa ici : vous payez en espèces à la remise de votre commande.".into(),
            ar: "لا حاجة إلى M-Pesa هنا: تدفعون نقدًا عند تسليم طلبكم.".into(),
        },
    )
}

/// A number M-Pesa's prompt cannot reach, named by its network: "07xx" alone
/// would not tell an Airtel customer (0733, 0750...) why 07 is refused.
pub(crate) fn not_safaricom(lang: Language, phone: &crate::Msisdn) -> String {
    let number = phone.national();
    let line = match phone.network() {
        crate::Network::Airtel => Say {
            en: format!("{number} is an Airtel line"),
            sw: format!("{number} ni laini ya Airtel"),
            fr: format!("Le {number} est une ligne Airtel"),
            ar: format!("الرقم {number} خط Airtel"),
        },
        crate::Network::Telkom => Say {
            en: format!("{number} is a Telkom line"),
            sw: format!("{number} ni laini ya Telkom"),
            fr: format!("Le {number} est une ligne Telkom"),
            ar: format!("الرقم {number} خط Telkom"),
        },
        crate::Network::Safaricom | crate::Network::Other => Say {
            en: format!("{number} is not a Safaricom line"),
            sw: format!("{number} si laini ya Safaricom"),
            fr: format!("Le {number} n'est pas une ligne Safaricom"),
            ar: format!("الرقم {number} ليس خط Safaricom"),
        },
    };
    let line = pick(lang, line);
    pick(
        lang,
        Say {
            en: format!("{line}, and M-Pesa payment requests only reach Safaricom lines. Send a Safaricom number, e.g. 0712 345 678."),
            sw: format!("{line}, na ombi la malipo la M-Pesa hufika kwa laini za Safaricom pekee. Tuma namba ya Safaricom, mf. 0712 345 678."),
            fr: format!("{line}, et les demandes de paiement M-Pesa n'arrivent que sur les lignes Safaricom. Envoyez un numéro Safaricom, par ex. 0712 345 678."),
            ar: format!("{line}، وطلبات الدفع عبر M-Pesa لا تصل إلا إلى خطوط Safaricom. أرسلوا رقم Safaricom، مثلًا 0712 345 678."),
        },
    )
}

/// A number that could not be read, said whole in the customer's
/// language, with an example number of the shop's country.
pub(crate) fn bad_phone(
    lang: Language,
    why: &crate::phone::PhoneError,
    country: crate::Country,
) -> String {
    let example = match country {
        crate::Country::Morocco => "0612 345 678",
        _ => "0712 345 678",
    };
    match why {
        crate::phone::PhoneError::WrongLength(n) => pick(
            lang,
            Say {
                en: format!("That number has {n} digits; a mobile number has 10, like {example}."),
                sw: format!(
                    "Namba hiyo ina tarakimu {n}; namba ya simu ina tarakimu 10, kama {example}."
                ),
                fr: format!(
                    "Ce numéro a {n} chiffres ; un numéro de mobile en a 10, comme {example}."
                ),
                ar: format!(
                    "عدد أرقام هذا الرقم {n}؛ رقم الهاتف المحمول من 10 أرقام، مثل {example}."
                ),
            },
        ),
        _ => pick(
            lang,
            Say {
                en: format!(
                    "That doesn't look like a mobile number. Send it like this: {example}."
                ),
                sw: format!("Hiyo haionekani kama namba ya simu. Itume hivi: {example}."),
                fr: format!(
                    "Cela ne ressemble pas à un numéro de mobile. Envoyez-le ainsi : {example}."
                ),
                ar: format!("هذا لا يبدو رقم هاتف محمول. أرسلوه هكذا: {example}."),
            },
        ),
    }
}

/// What the summary's "1." does.
pub(crate) enum ConfirmAs {
    /// Sends an M-Pesa prompt to this number.
    Prompt(String),
    /// Reserves the order to be paid by hand.
    ByHand,
    /// Takes the order, paid in cash at the hand-over.
    OnDelivery,
}

pub(crate) fn summary(
    lang: Language,
    lines: &str,
    how: &str,
    fee: Money,
    total: Money,
    confirm: ConfirmAs,
) -> String {
    let pay = match confirm {
        ConfirmAs::Prompt(phone) => Say {
            en: format!("Pay now (M-Pesa prompt to {phone})"),
            sw: format!("Lipa sasa (ombi la M-Pesa kwa {phone})"),
            fr: format!("Payer maintenant (demande M-Pesa au {phone})"),
            ar: format!("الدفع الآن (طلب M-Pesa إلى {phone})"),
        },
        ConfirmAs::ByHand => Say {
            en: "Confirm and pay by M-Pesa".to_owned(),
            sw: "Thibitisha na ulipe kwa M-Pesa".to_owned(),
            fr: "Confirmer et payer par M-Pesa".to_owned(),
            ar: "التأكيد والدفع عبر M-Pesa".to_owned(),
        },
        ConfirmAs::OnDelivery => Say {
            en: "Confirm the order".to_owned(),
            sw: "Thibitisha oda".to_owned(),
            fr: "Confirmer la commande".to_owned(),
            ar: "تأكيد الطلب".to_owned(),
        },
    };
    let pay = pick(lang, pay);
    let fee = if fee.minor > 0 {
        let fee = fee.local_text();
        pick(
            lang,
            Say {
                en: format!("\nDelivery: {fee}"),
                sw: format!("\nUsafirishaji: {fee}"),
                fr: format!("\nFrais de livraison : {fee}"),
                ar: format!("\nرسوم التوصيل: {fee}"),
            },
        )
    } else {
        String::new()
    };
    let total = total.local_text();
    pick(
        lang,
        Say {
            en: format!("Your order:\n{lines}\n{how}{fee}\n*Total: {total}*\n\n1. {pay}\n2. Change the order\n3. Cancel"),
            sw: format!("Oda yako:\n{lines}\n{how}{fee}\n*Jumla: {total}*\n\n1. {pay}\n2. Badilisha oda\n3. Ghairi"),
            fr: format!("Votre commande :\n{lines}\n{how}{fee}\n*Total : {total}*\n\n1. {pay}\n2. Modifier la commande\n3. Annuler"),
            ar: format!("طلبكم:\n{lines}\n{how}{fee}\n*المجموع: {total}*\n\n1. {pay}\n2. تعديل الطلب\n3. إلغاء"),
        },
    )
}

pub(crate) fn pickup_line(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Pickup at the shop".into(),
            sw: "Utachukua dukani".into(),
            fr: "Retrait au magasin".into(),
            ar: "الاستلام من المحل".into(),
        },
    )
}

pub(crate) fn delivery_line(lang: Language, zone: &str, address: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("Delivery to {zone}: {address}"),
            sw: format!("Kuletewa {zone}: {address}"),
            fr: format!("Livraison à {zone} : {address}"),
            ar: format!("التوصيل إلى {zone}: {address}"),
        },
    )
}

pub(crate) fn recipient_line(lang: Language, number: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("For: {number}"),
            sw: format!("Kwa: {number}"),
            fr: format!("Pour : {number}"),
            ar: format!("المستلم: {number}"),
        },
    )
}

pub(crate) fn check_phone(lang: Language, total: Money, phone: &str) -> String {
    let total = total.local_text();
    pick(
        lang,
        Say {
            en: format!("📱 Check your phone {phone} and enter your M-Pesa PIN to pay *{total}*."),
            sw: format!("📱 Angalia simu yako {phone} na uweke PIN ya M-Pesa kulipa *{total}*."),
            fr: format!("📱 Regardez votre téléphone {phone} et saisissez votre code PIN M-Pesa pour payer *{total}*."),
            ar: format!("📱 تفقدوا هاتفكم {phone} وأدخلوا رمز PIN الخاص بـ M-Pesa لدفع *{total}*."),
        },
    )
}

pub(crate) fn pay_by_hand(lang: Language, to: &PayTo, number: i64, total: Money) -> String {
    let total = total.local_text();
    match to {
        PayTo::Till(till) => pick(
            lang,
            Say {
                en: format!("💵 Order *#{number}* is reserved. To pay, on M-Pesa choose *Lipa na M-Pesa → Buy Goods*, till *{till}*, amount *{total}*.\nThen send us the M-Pesa code from your SMS (like QFT4ABC12X)."),
                sw: format!("💵 Oda *#{number}* imehifadhiwa. Kulipa, kwenye M-Pesa chagua *Lipa na M-Pesa → Buy Goods*, till *{till}*, kiasi *{total}*.\nKisha tutumie namba ya muamala ya M-Pesa kutoka kwa SMS (kama QFT4ABC12X)."),
                fr: format!("💵 La commande *#{number}* est réservée. Pour payer, dans M-Pesa choisissez *Lipa na M-Pesa → Buy Goods*, till *{till}*, montant *{total}*.\nEnvoyez-nous ensuite le code M-Pesa reçu par SMS (comme QFT4ABC12X)."),
                ar: format!("💵 تم حجز الطلب *#{number}*. للدفع، اختاروا في M-Pesa *Lipa na M-Pesa → Buy Goods*، رقم till *{till}*، المبلغ *{total}*.\nثم أرسلوا لنا رمز M-Pesa الموجود في الرسالة القصيرة (مثل QFT4ABC12X)."),
            },
        ),
        PayTo::Paybill(paybill) => pick(
            lang,
            Say {
                en: format!("💵 Order *#{number}* is reserved. To pay, on M-Pesa choose *Lipa na M-Pesa → Pay Bill*, business number *{paybill}*, account *{number}*, amount *{total}*.\nThen send us the M-Pesa code from your SMS (like QFT4ABC12X)."),
                sw: format!("💵 Oda *#{number}* imehifadhiwa. Kulipa, kwenye M-Pesa chagua *Lipa na M-Pesa → Pay Bill*, namba ya biashara *{paybill}*, akaunti *{number}*, kiasi *{total}*.\nKisha tutumie namba ya muamala ya M-Pesa kutoka kwa SMS (kama QFT4ABC12X)."),
                fr: format!("💵 La commande *#{number}* est réservée. Pour payer, dans M-Pesa choisissez *Lipa na M-Pesa → Pay Bill*, numéro d'entreprise *{paybill}*, compte *{number}*, montant *{total}*.\nEnvoyez-nous ensuite le code M-Pesa reçu par SMS (comme QFT4ABC12X)."),
                ar: format!("💵 تم حجز الطلب *#{number}*. للدفع، اختاروا في M-Pesa *Lipa na M-Pesa → Pay Bill*، رقم الشركة *{paybill}*، الحساب *{number}*، المبلغ *{total}*.\nثم أرسلوا لنا رمز M-Pesa الموجود في الرسالة القصيرة (مثل QFT4ABC12X)."),
            },
        ),
    }
}

pub(crate) fn staff_will_say_how(lang: Language, number: i64, total: Money) -> String {
    let total = total.local_text();
    pick(
        lang,
        Say {
            en: format!("💵 Order *#{number}* ({total}) is reserved. We'll message you shortly with how to pay."),
            sw: format!("💵 Oda *#{number}* ({total}) imehifadhiwa. Tutakutumia ujumbe hivi punde jinsi ya kulipa."),
            fr: format!("💵 La commande *#{number}* ({total}) est réservée. Nous vous écrirons très vite pour vous dire comment payer."),
            ar: format!("💵 تم حجز الطلب *#{number}* ({total}). سنراسلكم قريبًا لنخبركم بطريقة الدفع."),
        },
    )
}

pub(crate) fn code_received(lang: Language, code: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("🙏 Thank you! We're checking M-Pesa code *{code}* and will confirm your order as soon as it shows on our statement."),
            sw: format!("🙏 Asante! Tunakagua namba ya M-Pesa *{code}* na tutathibitisha oda yako mara itakapoonekana kwenye taarifa yetu."),
            fr: format!("🙏 Merci ! Nous vérifions le code M-Pesa *{code}* et confirmerons votre commande dès qu'il apparaîtra sur notre relevé."),
            ar: format!("🙏 شكرًا! نتحقق من رمز M-Pesa *{code}* وسنؤكد طلبكم فور ظهوره في كشف حسابنا."),
        },
    )
}

pub(crate) fn send_code_reminder(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Once you've paid, send us the M-Pesa code from your SMS (like QFT4ABC12X) and we'll confirm your order. Type *cancel* to stop.".into(),
            sw: "Ukishalipa, tutumie namba ya muamala ya M-Pesa kutoka kwa SMS (kama QFT4ABC12X) nasi tutathibitisha oda yako. Andika *cancel* kusitisha.".into(),
            fr: "Une fois le paiement fait, envoyez-nous le code M-Pesa reçu par SMS (comme QFT4ABC12X) et nous confirmerons votre commande. Tapez *cancel* pour arrêter.".into(),
            ar: "بعد الدفع، أرسلوا لنا رمز M-Pesa الموجود في الرسالة القصيرة (مثل QFT4ABC12X) وسنؤكد طلبكم. اكتبوا *cancel* للإلغاء.".into(),
        },
    )
}

pub(crate) fn prompt_on_its_way(lang: Language, phone: Option<&crate::Msisdn>) -> String {
    let to = phone.map(|p| p.national()).unwrap_or_default();
    let to = if to.is_empty() {
        String::new()
    } else {
        pick(
            lang,
            Say {
                en: format!(" to {to}"),
                sw: format!(" kwa {to}"),
                fr: format!(" au {to}"),
                ar: format!(" إلى {to}"),
            },
        )
    };
    pick(
        lang,
        Say {
            en: format!(
                "The M-Pesa request went{to} and is still open: unlock the phone and look for it (it can take a minute to show). If it times out, just say *resend* and we'll send a new one."
            ),
            sw: format!(
                "Ombi la M-Pesa limetumwa{to} na bado liko wazi: fungua simu yako ulitafute (linaweza kuchukua dakika moja kuonekana). Likiisha muda, andika *tuma tena* tukutumie jingine."
            ),
            fr: format!(
                "La demande M-Pesa a été envoyée{to} et elle est toujours ouverte : déverrouillez le téléphone et cherchez-la (elle peut mettre une minute à s'afficher). Si elle expire, écrivez simplement *resend* et nous en enverrons une nouvelle."
            ),
            ar: format!(
                "تم إرسال طلب M-Pesa{to} وما زال مفتوحًا: افتحوا قفل الهاتف وابحثوا عنه (قد يستغرق ظهوره دقيقة). إذا انتهت مهلته، اكتبوا فقط *resend* وسنرسل طلبًا جديدًا."
            ),
        },
    )
}

pub(crate) fn no_prompt_by_hand(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "No prompt comes to your phone for this shop: pay with M-Pesa as shown above, then send us the M-Pesa code from your SMS (like QFT4ABC12X).".into(),
            sw: "Duka hili halitumi ombi kwenye simu yako: lipa kwa M-Pesa kama ilivyoonyeshwa hapo juu, kisha tutumie namba ya muamala kutoka kwa SMS (kama QFT4ABC12X).".into(),
            fr: "Ce magasin n'envoie pas de demande sur votre téléphone : payez par M-Pesa comme indiqué plus haut, puis envoyez-nous le code M-Pesa reçu par SMS (comme QFT4ABC12X).".into(),
            ar: "هذا المحل لا يرسل طلب دفع إلى هاتفكم: ادفعوا عبر M-Pesa كما هو موضح أعلاه، ثم أرسلوا لنا رمز M-Pesa الموجود في الرسالة القصيرة (مثل QFT4ABC12X).".into(),
        },
    )
}

pub(crate) fn nothing_to_pay(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "You have no order waiting for payment right now. Type *menu* to order.".into(),
            sw: "Huna oda inayosubiri malipo kwa sasa. Andika *menu* kuagiza.".into(),
            fr: "Vous n'avez aucune commande en attente de paiement. Tapez *menu* pour commander."
                .into(),
            ar: "ليس لديكم أي طلب في انتظار الدفع حاليًا. اكتبوا *menu* للطلب.".into(),
        },
    )
}

pub(crate) fn still_waiting(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "We're waiting for M-Pesa to confirm your payment. Type *cancel* to stop.".into(),
            sw: "Tunasubiri M-Pesa ithibitishe malipo yako. Andika *cancel* kusitisha.".into(),
            fr: "Nous attendons la confirmation de votre paiement par M-Pesa. Tapez *cancel* pour arrêter.".into(),
            ar: "ننتظر تأكيد M-Pesa لدفعتكم. اكتبوا *cancel* للإلغاء.".into(),
        },
    )
}

pub(crate) fn paid(lang: Language, number: i64, receipt: Option<&str>, total: Money) -> String {
    let code = receipt
        .map(|r| format!(" (M-Pesa {r})"))
        .unwrap_or_default();
    let total = total.local_text();
    pick(
        lang,
        Say {
            en: format!("✅ Payment of {total} received{code}. Your order *#{number}* is confirmed. We'll message you as it moves."),
            sw: format!("✅ Tumepokea {total}{code}. Oda yako *#{number}* imethibitishwa. Tutakujulisha inavyoendelea."),
            fr: format!("✅ Paiement de {total} reçu{code}. Votre commande *#{number}* est confirmée. Nous vous tiendrons au courant de son avancement."),
            ar: format!("✅ تم استلام دفعة بقيمة {total}{code}. تم تأكيد طلبكم *#{number}*. سنخبركم بكل جديد بخصوصه."),
        },
    )
}

pub(crate) fn payment_failed(lang: Language, reason: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("❌ The payment didn't go through: {reason}\n1. Try again\n2. Pay with another number\n3. Cancel the order"),
            sw: format!("❌ Malipo hayakufanikiwa: {reason}\n1. Jaribu tena\n2. Lipa kwa namba nyingine\n3. Ghairi oda"),
            fr: format!("❌ Le paiement n'a pas abouti : {reason}\n1. Réessayer\n2. Payer avec un autre numéro\n3. Annuler la commande"),
            ar: format!("❌ لم تتم عملية الدفع: {reason}\n1. المحاولة مرة أخرى\n2. الدفع برقم آخر\n3. إلغاء الطلب"),
        },
    )
}

pub(crate) fn payment_failure(lang: Language, why: super::PaymentFailure) -> &'static str {
    use super::PaymentFailure as F;
    let say = match why {
        F::Cancelled => Say {
            en: "the M-Pesa prompt was cancelled on the phone.",
            sw: "ombi la M-Pesa lilighairiwa kwenye simu.",
            fr: "la demande M-Pesa a été annulée sur le téléphone.",
            ar: "تم إلغاء طلب M-Pesa على الهاتف.",
        },
        F::InsufficientFunds => Say {
            en: "there was not enough money in the M-Pesa account.",
            sw: "hakuna pesa za kutosha kwenye M-Pesa.",
            fr: "le solde du compte M-Pesa était insuffisant.",
            ar: "الرصيد في حساب M-Pesa غير كاف.",
        },
        F::WrongPin => Say {
            en: "the M-Pesa PIN was wrong.",
            sw: "PIN ya M-Pesa haikuwa sahihi.",
            fr: "le code PIN M-Pesa était incorrect.",
            ar: "رمز PIN الخاص بـ M-Pesa غير صحيح.",
        },
        F::Unreachable => Say {
            en: "the phone could not be reached or the prompt timed out.",
            sw: "simu haikupatikana au muda wa ombi uliisha.",
            fr: "le téléphone était injoignable ou la demande a expiré.",
            ar: "تعذر الوصول إلى الهاتف أو انتهت مهلة الطلب.",
        },
        F::Busy => Say {
            en: "another M-Pesa payment was in progress on that phone; wait a minute and try again.",
            sw: "malipo mengine ya M-Pesa yalikuwa yanaendelea kwenye simu hiyo; subiri dakika moja ujaribu tena.",
            fr: "un autre paiement M-Pesa était en cours sur ce téléphone ; attendez une minute et réessayez.",
            ar: "كانت عملية دفع أخرى عبر M-Pesa جارية على ذلك الهاتف؛ انتظروا دقيقة ثم حاولوا مجددًا.",
        },
        F::NotSent => Say {
            en: "the shop could not send the M-Pesa prompt just now; the shop has been told.",
            sw: "duka halikuweza kutuma ombi la M-Pesa sasa hivi; duka limearifiwa.",
            fr: "le magasin n'a pas pu envoyer la demande M-Pesa pour l'instant ; le magasin a été prévenu.",
            ar: "تعذر على المحل إرسال طلب M-Pesa حاليًا؛ وقد تم إبلاغ المحل.",
        },
        F::AlreadyWaiting => Say {
            en: "an M-Pesa prompt is already waiting on your phone.",
            sw: "ombi la M-Pesa tayari linasubiri kwenye simu yako.",
            fr: "une demande M-Pesa attend déjà sur votre téléphone.",
            ar: "هناك طلب M-Pesa ينتظر بالفعل على هاتفكم.",
        },
        F::OrderClosed => Say {
            en: "this order cannot take a payment any more.",
            sw: "oda hii haiwezi kulipwa tena.",
            fr: "cette commande ne peut plus être payée.",
            ar: "لم يعد بالإمكان دفع هذا الطلب.",
        },
        F::TooManyPrompts => Say {
            en: "that number has had several M-Pesa prompts in the last hour; to protect it, try again later or pay with another number.",
            sw: "namba hii imepata maombi mengi ya M-Pesa ndani ya saa moja; ili kukulinda, jaribu tena baadaye au lipa kwa namba nyingine.",
            fr: "ce numéro a reçu plusieurs demandes M-Pesa dans la dernière heure ; pour le protéger, réessayez plus tard ou payez avec un autre numéro.",
            ar: "تلقى هذا الرقم عدة طلبات M-Pesa خلال الساعة الأخيرة؛ لحمايته، حاولوا لاحقًا أو ادفعوا برقم آخر.",
        },
        F::Unsettled => Say {
            en: "we are still confirming an earlier M-Pesa payment for this order; please don't pay again, the shop will confirm shortly.",
            sw: "bado tunathibitisha malipo ya awali ya M-Pesa kwa oda hii; tafadhali usilipe tena, duka litathibitisha hivi karibuni.",
            fr: "nous confirmons encore un paiement M-Pesa précédent pour cette commande ; merci de ne pas payer à nouveau, le magasin confirmera très vite.",
            ar: "ما زلنا نتحقق من دفعة M-Pesa سابقة لهذا الطلب؛ يرجى عدم الدفع مرة أخرى، وسيؤكد المحل قريبًا.",
        },
        F::Other => Say {
            en: "M-Pesa did not complete the payment.",
            sw: "M-Pesa haikukamilisha malipo.",
            fr: "M-Pesa n'a pas finalisé le paiement.",
            ar: "لم يكتمل الدفع عبر M-Pesa.",
        },
    };
    pick(lang, say)
}

pub(crate) fn rejection(lang: Language, why: &super::Rejection) -> String {
    use super::Rejection as R;
    let say = match why {
        R::NoLongerSold { item } => Say {
            en: format!("Sorry, {item} is no longer sold."),
            sw: format!("Samahani, {item} haiuzwi tena."),
            fr: format!("Désolé, {item} n'est plus en vente."),
            ar: format!("عذرًا، {item} لم يعد معروضًا للبيع."),
        },
        R::OnlyLeft { item, left } => Say {
            en: format!("Sorry, only {left} of {item} left."),
            sw: format!("Samahani, zimebaki {left} tu za {item}."),
            fr: format!("Désolé, il ne reste que {left} unité(s) de {item}."),
            ar: format!("عذرًا، لم يتبق من {item} سوى {left}."),
        },
        R::ZoneGone => Say {
            en: "Sorry, we no longer deliver there. Please choose again.".into(),
            sw: "Samahani, hatuleti huko tena. Tafadhali chagua tena.".into(),
            fr: "Désolé, nous ne livrons plus à cet endroit. Merci de choisir à nouveau.".into(),
            ar: "عذرًا، لم نعد نوصل إلى هذه المنطقة. يرجى الاختيار من جديد.".into(),
        },
        R::TooLarge => Say {
            en: "Sorry, that order is too large.".into(),
            sw: "Samahani, oda hiyo ni kubwa mno.".into(),
            fr: "Désolé, cette commande est trop importante.".into(),
            ar: "عذرًا، هذا الطلب كبير جدًا.".into(),
        },
        R::TooManyOpen { open } => Say {
            en: format!("You already have {open} orders on their way to be paid on delivery. Please receive them first, or type *agent* to talk to the shop."),
            sw: format!("Tayari una oda {open} zinazosubiri kulipwa unapozipokea. Tafadhali zipokee kwanza, au andika *agent* kuongea na duka."),
            fr: format!("Vous avez déjà {open} commandes à payer à la livraison. Merci de les recevoir d'abord, ou tapez *agent* pour parler au magasin."),
            ar: format!("لديكم بالفعل {open} طلبات في انتظار الدفع عند الاستلام. يرجى استلامها أولًا، أو اكتبوا *agent* للتحدث مع المحل."),
        },
    };
    pick(lang, say)
}

pub(crate) fn payment_unknown(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "⏳ M-Pesa hasn't confirmed yet. If money left your account, please don't pay again: we'll confirm as soon as M-Pesa does, and the shop has been told.".into(),
            sw: "⏳ M-Pesa bado haijathibitisha. Kama pesa imetoka kwenye akaunti yako, usilipe tena: tutathibitisha M-Pesa ikijibu, na duka limearifiwa.".into(),
            fr: "⏳ M-Pesa n'a pas encore confirmé. Si l'argent a quitté votre compte, merci de ne pas payer à nouveau : nous confirmerons dès que M-Pesa le fera, et le magasin a été prévenu.".into(),
            ar: "⏳ لم تؤكد M-Pesa الدفع بعد. إذا خصم المبلغ من حسابكم، يرجى عدم الدفع مرة أخرى: سنؤكد فور تأكيد M-Pesa، وقد تم إبلاغ المحل.".into(),
        },
    )
}

pub(crate) fn order_cancelled(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Your order is cancelled. Type *menu* to start again.".into(),
            sw: "Oda yako imeghairiwa. Andika *menu* kuanza upya.".into(),
            fr: "Votre commande est annulée. Tapez *menu* pour recommencer.".into(),
            ar: "تم إلغاء طلبكم. اكتبوا *menu* للبدء من جديد.".into(),
        },
    )
}

pub(crate) fn nothing_to_cancel(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "There's nothing to cancel. Type *menu* to start.".into(),
            sw: "Hakuna cha kughairi. Andika *menu* kuanza.".into(),
            fr: "Il n'y a rien à annuler. Tapez *menu* pour commencer.".into(),
            ar: "لا يوجد ما يمكن إلغاؤه. اكتبوا *menu* للبدء.".into(),
        },
    )
}

/// What the customer hears when their order moves. A pickup order is
/// "ready for pickup", then "collected", never "on its way" or "delivered"
/// (`fulfilment` `None`: not known, told as a delivery).
pub(crate) fn status_update(
    lang: Language,
    number: i64,
    status: OrderStatus,
    fulfilment: Option<FulfilmentKind>,
) -> String {
    let pickup = fulfilment == Some(FulfilmentKind::Pickup);
    let how = match status {
        OrderStatus::OutForDelivery if pickup => Say {
            en: "is ready for pickup 🛍️ Come and collect it at the shop.",
            sw: "iko tayari 🛍️ Karibu uichukue dukani.",
            fr: "est prête 🛍️ Vous pouvez venir la retirer au magasin.",
            ar: "جاهز للاستلام 🛍️ تفضلوا باستلامه من المحل.",
        },
        OrderStatus::Delivered if pickup => Say {
            en: "has been collected. Thank you for shopping with us! 🙏",
            sw: "imechukuliwa. Asante kwa kununua kwetu! 🙏",
            fr: "a été retirée. Merci pour votre achat ! 🙏",
            ar: "تم استلامه. شكرًا لتسوقكم معنا! 🙏",
        },
        OrderStatus::Preparing => Say {
            en: "is being prepared 👩‍🍳",
            sw: "inaandaliwa 👩‍🍳",
            fr: "est en préparation 👩‍🍳",
            ar: "قيد التحضير 👩‍🍳",
        },
        OrderStatus::OutForDelivery => Say {
            en: "is on its way 🛵",
            sw: "iko njiani 🛵",
            fr: "est en route 🛵",
            ar: "في الطريق إليكم 🛵",
        },
        OrderStatus::Delivered => Say {
            en: "is delivered. Thank you for shopping with us! 🙏",
            sw: "imefika. Asante kwa kununua kwetu! 🙏",
            fr: "est livrée. Merci pour votre achat ! 🙏",
            ar: "تم تسليمه. شكرًا لتسوقكم معنا! 🙏",
        },
        OrderStatus::Cancelled => Say {
            en: "was cancelled by the shop. Type *agent* if you have questions.",
            sw: "imeghairiwa na duka. Andika *agent* kama una swali.",
            fr: "a été annulée par le magasin. Tapez *agent* si vous avez des questions.",
            ar: "ألغاه المحل. اكتبوا *agent* إذا كانت لديكم أسئلة.",
        },
        OrderStatus::Paid => Say {
            en: "is paid and confirmed.",
            sw: "imelipwa na kuthibitishwa.",
            fr: "est payée et confirmée.",
            ar: "مدفوع ومؤكد.",
        },
        OrderStatus::Draft | OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed => Say {
            en: "is waiting for payment.",
            sw: "inasubiri malipo.",
            fr: "attend le paiement.",
            ar: "في انتظار الدفع.",
        },
    };
    let how = pick(lang, how);
    pick(
        lang,
        Say {
            en: format!("Your order *#{number}* {how}"),
            sw: format!("Oda yako *#{number}* {how}"),
            fr: format!("Votre commande *#{number}* {how}"),
            ar: format!("طلبكم *#{number}* {how}"),
        },
    )
}

pub(crate) fn no_orders(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "You have no orders yet. Reply *1* to see what we sell.".into(),
            sw: "Bado huna oda. Jibu *1* kuona bidhaa.".into(),
            fr: "Vous n'avez pas encore de commande. Répondez *1* pour voir nos produits.".into(),
            ar: "ليس لديكم أي طلب بعد. أرسلوا *1* لرؤية منتجاتنا.".into(),
        },
    )
}

pub(crate) fn agent(lang: Language, shop: &str) -> String {
    pick(
        lang,
        Say {
            en: format!(
                "Okay! Someone from {shop} will reply here soon. Type *bot* to go back to the menu."
            ),
            sw: format!(
                "Sawa! Mtu wa {shop} atakujibu hapa hivi karibuni. Andika *bot* kurudi kwenye menyu."
            ),
            fr: format!(
                "D'accord ! Quelqu'un de {shop} va vous répondre ici très bientôt. Tapez *bot* pour revenir au menu."
            ),
            ar: format!("حسنًا! سيرد عليكم أحد من {shop} هنا قريبًا. اكتبوا *bot* للعودة إلى القائمة."),
        },
    )
}

pub(crate) fn help(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Commands: *menu* (start), *cart*, *track* (your order), *cancel*, *agent* (a person), *sw*/*en* (language), *stop* (no offers), *delete me* (erase your data).".into(),
            sw: "Amri: *menu* (mwanzo), *kikapu*, *fuatilia* (oda yako), *ghairi*, *agent* (mtu), *sw*/*en* (lugha), *stop* (hakuna matangazo), *delete me* (futa data yako).".into(),
            fr: "Commandes : *menu* (début), *panier*, *suivi* (votre commande), *annuler*, *agent* (une personne), *fr*/*ar* (langue), *stop* (plus d'offres), *delete me* (effacer vos données).".into(),
            ar: "الأوامر: *menu* (البداية)، *cart* (السلة)، *track* (تتبع طلبكم)، *cancel* (الإلغاء)، *agent* (التحدث مع شخص)، *fr*/*ar* (اللغة)، *stop* (إيقاف العروض)، *delete me* (حذف بياناتكم).".into(),
        },
    )
}

pub(crate) fn confirm_delete(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Delete your details? We will erase your name, number and chats. Past orders stay in the shop's tax records without your details.\nReply *YES* to delete, anything else to keep them.".into(),
            sw: "Futa taarifa zako? Tutafuta jina, namba na mazungumzo yako. Oda za zamani zinabaki kwenye rekodi za kodi bila taarifa zako.\nJibu *NDIO* kufuta, chochote kingine kuacha.".into(),
            fr: "Supprimer vos données ? Nous effacerons votre nom, votre numéro et vos conversations. Les anciennes commandes restent dans les registres fiscaux du magasin, sans vos données.\nRépondez *OUI* pour supprimer, ou autre chose pour les garder.".into(),
            ar: "هل تريدون حذف بياناتكم؟ سنمحو اسمكم ورقمكم ومحادثاتكم. تبقى الطلبات السابقة في السجلات الضريبية للمحل دون بياناتكم.\nأرسلوا *نعم* للحذف، أو أي شيء آخر للاحتفاظ بها.".into(),
        },
    )
}

pub(crate) fn deleted(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Done: your details are being erased. Goodbye! 👋".into(),
            sw: "Imekamilika: taarifa zako zinafutwa. Kwaheri! 👋".into(),
            fr: "C'est fait : vos données sont en cours d'effacement. Au revoir ! 👋".into(),
            ar: "تم: يجري حذف بياناتكم. مع السلامة! 👋".into(),
        },
    )
}

pub(crate) fn delete_kept(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Okay, nothing was deleted.".into(),
            sw: "Sawa, hakuna kilichofutwa.".into(),
            fr: "D'accord, rien n'a été supprimé.".into(),
            ar: "حسنًا، لم يتم حذف أي شيء.".into(),
        },
    )
}

pub(crate) fn opted_out(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "You won't get offers from us. You'll still get messages about your own orders. Type *start* to undo.".into(),
            sw: "Hutapata matangazo kutoka kwetu. Utaendelea kupata ujumbe kuhusu oda zako. Andika *start* kurudisha.".into(),
            fr: "Vous ne recevrez plus nos offres. Vous recevrez toujours les messages sur vos propres commandes. Tapez *start* pour revenir en arrière.".into(),
            ar: "لن تصلكم عروضنا بعد الآن، وستظل تصلكم الرسائل الخاصة بطلباتكم. اكتبوا *start* للتراجع.".into(),
        },
    )
}

pub(crate) fn opted_in(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Welcome back! You'll get our offers again.".into(),
            sw: "Karibu tena! Utapata matangazo yetu tena.".into(),
            fr: "Bon retour parmi nous ! Vous recevrez à nouveau nos offres.".into(),
            ar: "مرحبًا بعودتكم! ستصلكم عروضنا من جديد.".into(),
        },
    )
}

pub(crate) fn didnt_understand(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Sorry, I didn't get that.".into(),
            sw: "Samahani, sijaelewa.".into(),
            fr: "Désolé, je n'ai pas compris.".into(),
            ar: "عذرًا، لم أفهم.".into(),
        },
    )
}

pub(crate) fn reply_with_number(lang: Language, max: usize) -> String {
    pick(
        lang,
        Say {
            en: format!("Please reply with a number from 1 to {max}."),
            sw: format!("Tafadhali jibu kwa namba kutoka 1 hadi {max}."),
            fr: format!("Merci de répondre par un numéro de 1 à {max}."),
            ar: format!("يرجى الرد برقم من 1 إلى {max}."),
        },
    )
}

pub(crate) fn recipient_question(lang: Language, item: &str, own: Option<&str>) -> String {
    let say = match own {
        Some(own) => Say {
            en: format!("*{item}*: who is it for?\n1. This number ({own})\n2. Another number"),
            sw: format!("*{item}*: ni kwa nani?\n1. Namba hii ({own})\n2. Namba nyingine"),
            fr: format!("*{item}* : c'est pour qui ?\n1. Ce numéro ({own})\n2. Un autre numéro"),
            ar: format!("*{item}*: لمن هذا؟\n1. هذا الرقم ({own})\n2. رقم آخر"),
        },
        None => Say {
            en: format!("*{item}*: send the phone number it is for, e.g. 0712 345 678."),
            sw: format!("*{item}*: tuma namba ya simu inayopokea, mf. 0712 345 678."),
            fr: format!(
                "*{item}* : envoyez le numéro de téléphone qui doit le recevoir, par ex. 0712 345 678."
            ),
            ar: format!("*{item}*: أرسلوا رقم الهاتف الذي سيستلمه، مثلًا 0712 345 678."),
        },
    };
    pick(lang, say)
}

pub(crate) fn ask_recipient(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Send the number that should receive it, e.g. 0712 345 678.".into(),
            sw: "Tuma namba itakayopokea, mf. 0712 345 678.".into(),
            fr: "Envoyez le numéro qui doit le recevoir, par ex. 0712 345 678.".into(),
            ar: "أرسلوا الرقم الذي سيستلمه، مثلًا 0712 345 678.".into(),
        },
    )
}

pub(crate) fn digital_sent(lang: Language, item: &str, number: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("📲 {item} is being sent to {number}."),
            sw: format!("📲 {item} inatumwa kwa {number}."),
            fr: format!("📲 {item} est en cours d'envoi au {number}."),
            ar: format!("📲 يجري إرسال {item} إلى {number}."),
        },
    )
}

/// Airtime or a bundle reached the phone.
pub(crate) fn digital_delivered(lang: Language, item: &str, number: &str) -> String {
    pick(
        lang,
        Say {
            en: format!("✅ {item} has reached {number}. Thank you!"),
            sw: format!("✅ {item} imefika kwa {number}. Asante!"),
            fr: format!("✅ {item} est bien arrivé au {number}. Merci !"),
            ar: format!("✅ وصل {item} إلى {number}. شكرًا!"),
        },
    )
}

/// Airtime or a bundle could not be sent: the shop refunds or sends again.
pub(crate) fn digital_failed(lang: Language, item: &str, number: &str) -> String {
    pick(
        lang,
        Say {
            en: format!(
                "⚠️ We could not send {item} to {number}. Your money is safe: the shop will send it again or refund you. You don't need to do anything."
            ),
            sw: format!(
                "⚠️ Hatukuweza kutuma {item} kwa {number}. Pesa yako iko salama: duka litatuma tena au litakurudishia pesa. Huhitaji kufanya chochote."
            ),
            fr: format!(
                "⚠️ Nous n'avons pas pu envoyer {item} au {number}. Votre argent est en sécurité : la boutique va le renvoyer ou vous rembourser. Vous n'avez rien à faire."
            ),
            ar: format!(
                "⚠️ لم نتمكن من إرسال {item} إلى {number}. أموالك في أمان: سيعيد المتجر الإرسال أو يرد لك المبلغ. لا تحتاج إلى فعل أي شيء."
            ),
        },
    )
}

/// The customer chose a language: said in that language.
pub(crate) fn language_set(lang: Language) -> String {
    pick(
        lang,
        Say {
            en: "Okay, English it is.".into(),
            sw: "Sawa, tutaongea Kiswahili.".into(),
            fr: "D'accord, on continue en français.".into(),
            ar: "حسنًا، سنكمل بالعربية.".into(),
        },
    )
}
