//! Reading what customers type: commands in English and Kiswahili (with
//! French and Arabic words for the common ones), greetings in all four
//! languages, requests to see an item's photo, numbers picked from a list,
//! quantities ("2 sukuma", "sukuma x2"), and item names with typos
//! ("sukma", "tomatos").

use crate::catalogue::Item;
use crate::customer::Language;

/// What a message means before the conversation's stage is considered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Said {
    /// A greeting; `lang` is the language it was said in when that says
    /// something (Kiswahili, French, Arabic), `None` for English and for
    /// greetings every language shares ("hi", "salam").
    Greeting {
        lang: Option<Language>,
    },
    /// A greeting with a request after it ("Hi, 2 sukuma please"): the
    /// request, without the greeting, is read as its own message.
    GreetingThen {
        lang: Option<Language>,
        rest: String,
    },
    /// Thanks or an acknowledgement ("asante", "poa", "merci", 👍).
    Thanks,
    /// "I paid but got nothing": staff must check the payment.
    PaidNothing,
    /// "I did not get the M-Pesa prompt" / "send it again".
    NoPrompt,
    Menu,
    Help,
    Cart,
    Track,
    Cancel,
    Agent,
    Bot,
    DeleteMe,
    Yes,
    No,
    Stop,
    Start,
    /// The customer picked a language: "sw", "en", "fr", "ar", "français",
    /// "عربي"...
    Language(Language),
    /// "remove sukuma" / "ondoa sukuma" / "retirer sukuma" / "احذف sukuma".
    Remove(String),
    /// A request to see an item: "photo of sukuma", "picha ya unga",
    /// "montre-moi le riz", "صورة الأرز". `item` names the item as typed
    /// (normalised); a number ("picha 2") is a place in the list just
    /// shown. `lang` is the language the request was made in, when its
    /// words say so (as for greetings).
    Photo {
        lang: Option<Language>,
        item: String,
    },
    /// A bare number, as picked from a list.
    Number(u32),
    /// Anything else, normalised.
    Other(String),
}

/// Lower case, accents and other marks dropped (é → e, ṭ → t, Arabic
/// vowel marks), punctuation to spaces, whitespace collapsed. Emoji and
/// other symbols are dropped.
pub(crate) fn normalise(text: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let mut out = String::with_capacity(text.len());
    for c in text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

// Greetings, as normalised (lower case, marks dropped: "أهلا" is "اهلا").
// A greeting sits in one list only.

const SW_GREETINGS: &[&str] = &[
    "habari",
    "mambo",
    "sasa",
    "niaje",
    "hujambo",
    "jambo",
    "salama",
    "shikamoo",
    "vipi",
    "hodi",
    "habari yako",
    "habari za asubuhi",
    "habari za jioni",
    "salamu",
];
const FR_GREETINGS: &[&str] = &["bonjour", "bonsoir", "salut", "slt", "bjr", "bsr", "coucou"];
const AR_GREETINGS: &[&str] = &[
    "السلام عليكم",
    "السلام عليكم ورحمة الله",
    "السلام عليكم ورحمة الله وبركاته",
    "السلام",
    "سلام",
    "سلام عليكم",
    "مرحبا",
    "اهلا",
    "اهلا وسهلا",
    "صباح الخير",
    "مساء الخير",
];
/// English greetings, and those shared by several languages: "salam" in
/// Latin letters is said in Kenya as in Morocco, so it picks no language.
const EN_GREETINGS: &[&str] = &[
    "salam",
    "salam alaikum",
    "salamu alaikum",
    "assalamu alaikum",
    "hi",
    "hello",
    "hey",
    "hallo",
    "good morning",
    "good afternoon",
    "good evening",
    "hi there",
    "start order",
    "order",
];

/// Classifies a message.
pub(crate) fn classify(text: &str) -> Said {
    let n = without_polite_ending(&normalise(text));
    let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Said::Other(n);
    }
    if let Some(said) = phrased(&n, &words) {
        return said;
    }
    if let Some(said) = photo_request(&n) {
        return said;
    }
    if let Some(rest) = ["remove ", "ondoa ", "retirer ", "enlever ", "احذف "]
        .iter()
        .find_map(|p| n.strip_prefix(p))
    {
        return Said::Remove(rest.to_owned());
    }
    if n == "0" {
        return Said::Menu;
    }
    if words.len() == 1 {
        if let Ok(num) = words[0].parse::<u32>() {
            return Said::Number(num);
        }
    }
    if let Some(said) = command(&n) {
        return said;
    }
    if THANKS.contains(&n.as_str()) {
        return Said::Thanks;
    }
    let Some((first, lang)) = greeting_at(&words) else {
        return Said::Other(n);
    };
    // Every greeting and filler word before the request goes in one pass
    // ("hi hello boss habari, 2 sukuma"), so the request read next never
    // starts with one: a message of a thousand hellos is one hello.
    let mut at = first;
    while at < words.len() {
        if FILLER.contains(&words[at]) {
            at += 1;
        } else if let Some((len, _)) = greeting_at(&words[at..]) {
            at += len;
        } else {
            break;
        }
    }
    if at == words.len() {
        return Said::Greeting { lang };
    }
    Said::GreetingThen {
        lang,
        rest: words[at..].join(" "),
    }
}

/// A command typed on its own ("menu", "kikapu", "suivi", "تتبع"), as
/// normalised.
fn command(n: &str) -> Option<Said> {
    let said = match n {
        "menu" | "menyu" | "home" | "mwanzo" | "القائمة" => Said::Menu,
        "help" | "msaada" | "saidia" | "commands" | "amri" | "aide" | "مساعدة" => Said::Help,
        "cart" | "kikapu" | "basket" | "my cart" | "panier" | "mon panier" | "السلة" => {
            Said::Cart
        }
        "track" | "status" | "fuatilia" | "oda yangu" | "my order" | "where is my order"
        | "suivi" | "ma commande" | "تتبع" => Said::Track,
        "cancel" | "ghairi" | "sitisha" | "acha" | "annuler" | "الغاء" => Said::Cancel,
        "agent" | "human" | "person" | "staff" | "mtu" | "talk to a person" | "operator"
        | "customer care" => Said::Agent,
        "bot" | "robot" => Said::Bot,
        "delete me" | "deleteme" | "delete my data" | "futa data yangu" | "nifute" => {
            Said::DeleteMe
        }
        "yes" | "y" | "ndio" | "ndiyo" | "sawa" | "ok" | "okay" | "yes delete" | "oui"
        | "d accord" | "نعم" | "واخا" => Said::Yes,
        "no" | "n" | "hapana" | "la" | "non" | "لا" => Said::No,
        "stop" | "unsubscribe" | "acha matangazo" => Said::Stop,
        "start" | "subscribe" | "anza" => Said::Start,
        "en" | "english" | "kiingereza" => Said::Language(Language::En),
        "sw" | "swahili" | "kiswahili" => Said::Language(Language::Sw),
        "fr" | "francais" | "french" | "en francais" => Said::Language(Language::Fr),
        "ar" | "arabic" | "arabe" | "en arabe" | "عربي" | "العربية" | "بالعربية" => {
            Said::Language(Language::Ar)
        }
        _ => return None,
    };
    Some(said)
}

/// "menu please" is "menu": the politeness after a command, dropped.
fn without_polite_ending(normalised: &str) -> String {
    POLITE_ENDINGS
        .iter()
        .find_map(|e| {
            normalised
                .strip_suffix(e)
                .filter(|r| r.ends_with(' '))
                .map(|r| r.trim_end().to_owned())
        })
        .unwrap_or_else(|| normalised.to_owned())
}

/// Every greeting list with the language it picks (`None`: none).
pub(crate) const GREETINGS: [(&[&str], Option<Language>); 4] = [
    (SW_GREETINGS, Some(Language::Sw)),
    (FR_GREETINGS, Some(Language::Fr)),
    (AR_GREETINGS, Some(Language::Ar)),
    (EN_GREETINGS, None),
];

/// The longest greeting `words` start with ("habari za asubuhi" before
/// "habari"): its length in words, and the language it picks.
fn greeting_at(words: &[&str]) -> Option<(usize, Option<Language>)> {
    phrase_at(words, &GREETINGS)
}

/// The longest phrase of `lists` that `words` start with: its length in
/// words, and the language its list picks.
fn phrase_at(
    words: &[&str],
    lists: &[(&[&str], Option<Language>)],
) -> Option<(usize, Option<Language>)> {
    lists
        .iter()
        .flat_map(|(list, lang)| list.iter().map(move |p| (*p, *lang)))
        .filter_map(|(p, lang)| {
            let len = p.split(' ').count();
            (words.len() >= len && words[..len].iter().copied().eq(p.split(' ')))
                .then_some((len, lang))
        })
        .max_by_key(|(len, _)| *len)
}

/// Requests phrased in a sentence rather than as a command: "please delete
/// my data", "oda yangu iko wapi", "where is my order?", "I want to talk
/// to someone". Erasure is always confirmed by the bot afterwards.
fn phrased(n: &str, words: &[&str]) -> Option<Said> {
    let has = |w: &str| words.contains(&w);
    let any = |ws: &[&str]| ws.iter().any(|w| has(w));
    let says = |p: &str| format!(" {n} ").contains(&format!(" {p} "));
    let about_order = any(&["oda", "order", "mzigo", "commande", "delivery", "parcel"]);
    let my_data = says("my data")
        || says("my number")
        || says("my details")
        || says("my info")
        || says("my information")
        || has("me");
    if (any(&["delete", "erase", "remove"]) && my_data && !about_order)
        || (has("futa") && any(&["data", "namba", "taarifa", "nambari"]))
        || (any(&["supprimer", "supprimez", "effacer", "effacez"])
            && any(&["donnees", "numero", "informations"]))
        || (any(&["احذف", "احذفوا", "امسح", "امسحوا"]) && any(&["بياناتي", "رقمي", "معلوماتي"]))
    {
        return Some(Said::DeleteMe);
    }
    if says("where is my order")
        || says("wheres my order")
        || says("where s my order")
        || says("my order status")
        || says("status of my order")
        || says("ou est ma commande")
        || (has("wapi") && about_order)
        || (has("fin") && has("commande"))
        || (any(&["status", "hali"]) && about_order && words.len() <= 4)
        || (any(&["فين", "وين", "اين", "أين"])
            && any(&["طلبي", "الطلب", "طلبيتي", "الطلبية", "commande"]))
    {
        return Some(Said::Track);
    }
    let paid = any(&["paid", "nimelipa", "nimetuma", "nililipa"]) || says("j ai paye");
    let nothing = any(&[
        "nothing", "but", "not", "sijapata", "sijaona", "sikupata", "hakuna", "lakini", "rien",
        "bado",
    ]);
    if paid && nothing {
        return Some(Said::PaidNothing);
    }
    // The M-Pesa prompt (STK push) that did not come, or a request to send
    // it again: "I didn't get the prompt", "sijapata prompt", "prompt
    // haijafika", "tuma tena", "je n'ai pas reçu la demande", "ما وصلني".
    let prompt = any(&["prompt", "stk", "popup", "ombi", "demande", "notification"])
        || says("m pesa request")
        || says("mpesa request")
        || says("payment request");
    let missing = any(&[
        "didn",
        "didnt",
        "not",
        "no",
        "never",
        "havent",
        "haven",
        "sijapata",
        "sikupata",
        "sijaona",
        "haijafika",
        "haijakuja",
        "haikuja",
        "haijaingia",
        "haijakam",
        "hakuna",
        "bado",
        "pas",
        "jamais",
        "وصلني",
        "وصلنيش",
        "يصلني",
    ]);
    let again = says("resend")
        || says("send again")
        || says("send it again")
        || says("try again")
        || says("tuma tena")
        || says("rudia")
        || any(&["renvoyer", "renvoie", "renvoyez"]);
    if (prompt && (missing || again))
        || (again && any(&["mpesa", "pesa", "payment", "malipo"]))
        || says("ما وصلني")
        || says("ماوصلني")
    {
        return Some(Said::NoPrompt);
    }
    if says("talk to someone")
        || says("speak to someone")
        || says("talk to a human")
        || says("speak to a person")
        || says("speak to a human")
        || says("real person")
        || says("kuongea na mtu")
        || says("nataka mtu")
        || says("naomba mtu")
        || says("nataka kuongea")
        || says("niongee na mtu")
        || says("parler a quelqu un")
        || says("parler a une personne")
    {
        return Some(Said::Agent);
    }
    None
}

/// A request to see an item ([`Said::Photo`]): a photo named at the start
/// ("photo of the unga", "picha ya sukuma", "une photo de l'huile",
/// "صورة الأرز", "tswira dyal zit"), possibly after asking for it ("send a
/// pic of", "tuma picha ya", "vous avez une photo du"); asking to be shown
/// or to see an item ("show me sukuma", "can I see the sukuma",
/// "nionyeshe sukuma", "je peux voir le riz", "وريني الأرز", "بغيت نشوف
/// الزيت"); or how it looks ("how does the sukuma look"). The opening
/// words of a request ("please", "nataka", "je veux", "بغيت") are read
/// through as for items. A command after the words ("show me the menu",
/// "nionyeshe kikapu") is that command; the whole catalogue ("show me what
/// you have") is no one item, so no photo request.
fn photo_request(n: &str) -> Option<Said> {
    let request = without_request_words(n);
    let words: Vec<&str> = request.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lang = None;
    // Steps over the longest phrase of `lists` at the start of `rest`, when
    // something is left after it.
    let mut skip = |rest: &mut &[&str], lists: &[(&[&str], Option<Language>)]| {
        let found = phrase_at(rest, lists).filter(|(len, _)| *len < rest.len());
        if let Some((len, said_in)) = found {
            *rest = &rest[len..];
            lang = lang.or(said_in);
        }
        found.is_some()
    };
    let mut rest = words.as_slice();
    let seeing = skip(&mut rest, &SEE);
    let asking = !seeing && skip(&mut rest, &ASK_FOR);
    skip(&mut rest, &ARTICLES);
    if skip(&mut rest, &PHOTO_WORDS) {
        skip(&mut rest, &LINKS);
    } else if !seeing {
        if asking {
            return None;
        }
        return looks(&request);
    }
    skip(&mut rest, &ARTICLES);
    photo_of(lang, rest.join(" "))
}

/// "how does the sukuma look", "what does unga look like", "à quoi
/// ressemble le riz", "كيف يبدو الأرز".
fn looks(request: &str) -> Option<Said> {
    LOOKS.iter().find_map(|(open, close, lang)| {
        let rest = request.strip_prefix(open)?;
        let rest = if close.is_empty() {
            rest
        } else {
            rest.strip_suffix(close)?
        };
        let words: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
        let mut rest = words.as_slice();
        if let Some((len, _)) = phrase_at(rest, &ARTICLES).filter(|(len, _)| *len < rest.len()) {
            rest = &rest[len..];
        }
        photo_of(*lang, rest.join(" "))
    })
}

/// The request for `item`'s photo, unless `item` is no item: nothing, a
/// command, or [`NOT_ONE_ITEM`].
fn photo_of(lang: Option<Language>, item: String) -> Option<Said> {
    if item.is_empty() || NOT_ONE_ITEM.contains(&item.as_str()) {
        return None;
    }
    Some(command(&item).unwrap_or(Said::Photo { lang, item }))
}

/// Asking to be shown an item, or to see it, as normalised ("montre-moi"
/// is "montre moi", "ورّيني" is "وريني"): a photo request on its own.
const SEE: [(&[&str], Option<Language>); 4] = [
    (
        &[
            "show me",
            "show us",
            "can you show me",
            "could you show me",
            "can u show me",
            "can i see",
            "could i see",
            "may i see",
            "can we see",
            "let me see",
            "lemme see",
            "to see",
            "wanna see",
        ],
        None,
    ),
    (
        &[
            "nionyeshe",
            "tuonyeshe",
            "nionyesheni",
            "tuonyesheni",
            "onyesha",
            "naeza ona",
            "naeza kuona",
            "naweza ona",
            "naweza kuona",
            "ninaweza kuona",
            "tunaweza kuona",
            "kuona",
            "nione",
        ],
        Some(Language::Sw),
    ),
    (
        &[
            "montre moi",
            "montrez moi",
            "montre nous",
            "montrez nous",
            "je peux voir",
            "puis je voir",
            "on peut voir",
            "peut on voir",
            "est ce que je peux voir",
            "faites voir",
            "fais voir",
            "voir",
        ],
        Some(Language::Fr),
    ),
    (
        &[
            "وريني",
            "ورني",
            "ورينا",
            "ارني",
            "اريني",
            "ارنا",
            "نشوف",
            "اشوف",
            "ممكن نشوف",
            "ممكن اشوف",
            "ان ارى",
            "ارى",
            "اعرض",
            "اعرضوا",
        ],
        Some(Language::Ar),
    ),
];

/// Asking for something: a photo request only when a photo is named next
/// ("send a pic of", "tuma picha ya", "vous avez une photo du", "عندكم
/// صورة"); "do you have sukuma" is not one.
const ASK_FOR: [(&[&str], Option<Language>); 4] = [
    (
        &[
            "send",
            "send us",
            "can you send",
            "can you send me",
            "could you send",
            "could you send me",
            "can u send",
            "can u send me",
            "share",
            "do you have",
            "have you got",
            "you have",
            "got",
            "any",
        ],
        None,
    ),
    (
        &[
            "tuma",
            "tutumie",
            "una",
            "mna",
            "unayo",
            "mnayo",
            "kuna",
            "naeza pata",
            "naweza pata",
            "naweza kupata",
        ],
        Some(Language::Sw),
    ),
    (
        &[
            "envoie",
            "envoyez",
            "envoie moi",
            "vous avez",
            "avez vous",
            "tu as",
            "tu aurais",
            "vous auriez",
            "je peux avoir",
            "est ce que vous avez",
            "il y a",
        ],
        Some(Language::Fr),
    ),
    (
        &[
            "ارسل",
            "ارسلوا",
            "ارسل لي",
            "ارسلوا لي",
            "صيفط",
            "صيفطلي",
            "صيفط ليا",
            "صيفطو",
            "عندكم",
            "عندك",
            "هل لديكم",
            "واش عندكم",
            "ممكن",
        ],
        Some(Language::Ar),
    ),
];

/// A photo, as customers name it. "photo" is French as much as English,
/// and the Latin letters of Darija ("tswira") pick no language either.
const PHOTO_WORDS: [(&[&str], Option<Language>); 3] = [
    (
        &[
            "photo", "photos", "picture", "pictures", "pic", "pics", "image", "images", "foto",
            "fotos", "tswira", "tswera", "tsawer",
        ],
        None,
    ),
    (&["picha"], Some(Language::Sw)),
    (
        &[
            "صورة",
            "صوره",
            "صور",
            "الصورة",
            "الصوره",
            "الصور",
            "تصويرة",
            "تصويره",
            "التصويرة",
            "تصاور",
        ],
        Some(Language::Ar),
    ),
];

/// What joins a photo to its item: "of", "ya", "du", "dyal", "ديال".
const LINKS: [(&[&str], Option<Language>); 4] = [
    (&["of", "for", "d", "dyal", "dial"], None),
    (&["ya", "za"], Some(Language::Sw)),
    (&["du", "de", "des", "de la", "pour"], Some(Language::Fr)),
    (&["ديال", "د", "متاع"], Some(Language::Ar)),
];

/// Articles before a photo or an item: "a photo of the unga", "une photo
/// de l'huile", "montre-moi le riz".
const ARTICLES: [(&[&str], Option<Language>); 3] = [
    (&["a", "an", "the", "your", "this", "that", "some"], None),
    (&["hii", "hiyo"], Some(Language::Sw)),
    (
        &[
            "une", "un", "la", "le", "l", "les", "votre", "vos", "ce", "cette", "ces",
        ],
        Some(Language::Fr),
    ),
];

/// How an item looks: (opening, closing, language).
const LOOKS: &[(&str, &str, Option<Language>)] = &[
    ("how does ", " look", None),
    ("how does ", " look like", None),
    ("how do ", " look", None),
    ("how do ", " look like", None),
    ("what does ", " look like", None),
    ("what do ", " look like", None),
    ("a quoi ressemble ", "", Some(Language::Fr)),
    ("a quoi ressemblent ", "", Some(Language::Fr)),
    ("كيف يبدو ", "", Some(Language::Ar)),
    ("كيف تبدو ", "", Some(Language::Ar)),
    ("كيف شكل ", "", Some(Language::Ar)),
];

/// What may follow the words of a photo request without naming one item:
/// the whole catalogue or more of a list ("show me what you have", "voir
/// plus" are browsing), or a person ("how do I look").
const NOT_ONE_ITEM: &[&str] = &[
    "what you have",
    "what you sell",
    "what you got",
    "what you ve got",
    "everything",
    "all",
    "products",
    "items",
    "bidhaa",
    "bidhaa zote",
    "vitu",
    "produits",
    "nos produits",
    "tout",
    "المنتجات",
    "السلع",
    "كلشي",
    "more",
    "plus",
    "zaidi",
    "المزيد",
    "i",
    "you",
    "u",
    "we",
    "it",
];

/// Words that may follow a greeting before the request itself.
const FILLER: &[&str] = &[
    "boss", "sir", "madam", "maam", "bro", "sis", "there", "again", "friend", "rafiki", "msee",
    "buda", "dear", "team", "yako", "mkubwa", "mathe", "mummy", "madame", "monsieur",
];

/// Thanks and acknowledgements, as normalised (emoji-only messages are
/// read from the raw text by [`is_thumbs_up`]).
const THANKS: &[&str] = &[
    "asante",
    "asante sana",
    "asanti",
    "ahsante",
    "shukran",
    "shukrani",
    "thanks",
    "thank you",
    "thank you very much",
    "thanks a lot",
    "thanx",
    "thx",
    "tnx",
    "merci",
    "merci beaucoup",
    "poa",
    "poa sana",
    "fiti",
    "safi",
    "great",
    "nice",
    "cool",
    "شكرا",
    "شكرا جزيلا",
];

/// A message of nothing but a thumbs up, an OK hand or folded hands (a
/// smile alone is still read as a hello).
pub(crate) fn is_thumbs_up(raw: &str) -> bool {
    let symbols: Vec<char> = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{fe0f}' | '\u{200d}'))
        .filter(|c| !('\u{1f3fb}'..='\u{1f3ff}').contains(c))
        .collect();
    !symbols.is_empty()
        && symbols
            .iter()
            .all(|c| matches!(c, '👍' | '👌' | '🙏' | '✅'))
}

/// Words that join items in one message: "2 unga na 1 maziwa", "sugar and
/// bread", "pain et lait".
const JOINERS: &[&str] = &["na", "and", "et", "plus", "n", "pamoja"];

/// Several items in one message as typed, split into their parts
/// (normalised): at commas, semicolons, new lines and `+`/`&`, at joining
/// words, and before a quantity that starts a new item once the part in
/// hand began with one ("2 unga 1 maziwa"). `None` for a single item.
pub(crate) fn split_items(raw: &str) -> Option<Vec<String>> {
    let pieces: Vec<String> = raw
        .split([',', ';', '\n', '+', '&'])
        .map(normalise)
        .filter(|p| !p.is_empty())
        .collect();
    let mut parts: Vec<String> = Vec::new();
    for piece in &pieces {
        parts.extend(split_piece(piece));
    }
    (parts.len() > 1).then_some(parts)
}

fn split_piece(normalised: &str) -> Vec<String> {
    let is_qty = |w: &str| w.parse::<u32>().is_ok();
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for w in normalised.split(' ').filter(|w| !w.is_empty()) {
        let current = parts.last_mut().expect("one part");
        let new_item_by_count =
            is_qty(w) && current.first().is_some_and(|f| is_qty(f)) && current.len() > 1;
        if JOINERS.contains(&w) {
            if !current.is_empty() {
                parts.push(Vec::new());
            }
        } else if new_item_by_count {
            parts.push(vec![w]);
        } else {
            current.push(w);
        }
    }
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" "))
        .collect()
}

/// "2 sukuma", "sukuma x2", "sukuma 2", "sukuma": the quantity (default 1)
/// and the rest. A quantity alone is `(Some(n), "")`.
pub(crate) fn split_quantity(normalised: &str) -> (Option<u32>, String) {
    let request = without_request_words(normalised);
    let words: Vec<&str> = request.split(' ').filter(|w| !w.is_empty()).collect();
    let qty = |w: &str| -> Option<u32> {
        let digits = w.trim_start_matches('x').trim_end_matches('x');
        digits.parse::<u32>().ok().or_else(|| number_word(w))
    };
    if let Some(first) = words.first() {
        if let Some(q) = qty(first) {
            return (Some(q), words[1..].join(" "));
        }
    }
    if let Some(last) = words.last() {
        if words.len() > 1 {
            if let Some(q) = qty(last) {
                return (Some(q), words[..words.len() - 1].join(" "));
            }
        }
    }
    (None, words.join(" "))
}

/// Counting words customers type instead of digits ("nyanya mbili",
/// "deux tomates", "اثنين"), as normalised.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("moja", 1),
    ("mbili", 2),
    ("tatu", 3),
    ("nne", 4),
    ("tano", 5),
    ("sita", 6),
    ("saba", 7),
    ("nane", 8),
    ("tisa", 9),
    ("kumi", 10),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("ten", 10),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("dix", 10),
    ("واحد", 1),
    ("اثنين", 2),
    ("اثنان", 2),
    ("جوج", 2),
    ("ثلاثة", 3),
    ("تلاتة", 3),
    ("اربعة", 4),
    ("خمسة", 5),
];

fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
}

/// The words around a request that name no item: "I want", "nataka",
/// "naomba", "nipe", "je voudrais", "أريد", "please", "svp", French
/// articles ("des oignons"), and the kind said before a bundle's size
/// ("data 1gb", "bundle 500mb").
const REQUEST_OPENINGS: &[&str] = &[
    "i want",
    "i need",
    "i would like",
    "i d like",
    "can i get",
    "can i have",
    "could i get",
    "give me",
    "send me",
    "i ll take",
    "nataka",
    "ninataka",
    "naomba",
    "nipe",
    "niletee",
    "nitumie",
    "nauza",
    "nipatie",
    "je voudrais",
    "je veux",
    "j aimerais",
    "donnez moi",
    "envoyez moi",
    "أريد",
    "اريد",
    "بغيت",
    "عطيني",
    "ابغى",
    "please",
    "pls",
    "plz",
    "tafadhali",
    "des",
    "du",
    "de la",
    "les",
    "data",
    "bundle",
    "bando",
];

/// Politeness after a request or a command: "menu please", "2 sukuma pls".
const POLITE_ENDINGS: &[&str] = &[
    "please",
    "pls",
    "plz",
    "tafadhali",
    "svp",
    "stp",
    "s il vous plait",
    "s il te plait",
    "من فضلك",
    "عافاك",
];

/// `normalised` without the opening and polite words of a request, as many
/// as it has ("please I want 2 sukuma pls" is "2 sukuma"). Unchanged when
/// nothing else would be left.
pub(crate) fn without_request_words(normalised: &str) -> String {
    let mut rest = normalised.trim();
    loop {
        let before = rest;
        for opening in REQUEST_OPENINGS {
            if let Some(r) = rest.strip_prefix(opening) {
                if r.starts_with(' ') {
                    rest = r.trim_start();
                }
            }
        }
        for ending in POLITE_ENDINGS {
            if let Some(r) = rest.strip_suffix(ending) {
                if r.ends_with(' ') {
                    rest = r.trim_end();
                }
            }
        }
        if rest == before {
            break;
        }
    }
    if rest.is_empty() {
        normalised.trim().to_owned()
    } else {
        rest.to_owned()
    }
}

/// How well `query` names `item`, from 0 to 1.
fn score(query: &str, name: &str) -> f64 {
    let name = normalise(name);
    if name == query {
        return 1.0;
    }
    if name.contains(query) && query.len() >= 3 {
        return 0.95;
    }
    let whole = strsim::jaro_winkler(query, &name);
    // Best match of the query against any single word of the name, so
    // "sukma" finds "Sukuma wiki bunch".
    let by_word = name
        .split(' ')
        .map(|w| strsim::jaro_winkler(query, w))
        .fold(0.0_f64, f64::max);
    let by_prefix = name
        .split(' ')
        .filter(|w| w.len() >= 3 && query.starts_with(*w))
        .map(|_| 0.9)
        .fold(0.0_f64, f64::max);
    whole.max(by_word * 0.97).max(by_prefix)
}

/// Items matching `query` by their name or one of their other names, best
/// first. Only items on sale are considered.
pub(crate) fn find_items<'a>(query: &str, items: &'a [Item]) -> Vec<&'a Item> {
    const GOOD: f64 = 0.86;
    let query = query.trim();
    if query.chars().count() < 2 {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &Item)> = items
        .iter()
        .filter(|i| !i.archived)
        .map(|i| {
            let best = i.names().map(|n| score(query, n)).fold(0.0_f64, f64::max);
            (best, i)
        })
        .filter(|(s, _)| *s >= GOOD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    // A clear winner stands alone.
    if let [(best, item), (second, _), ..] = scored.as_slice() {
        if *best - *second >= 0.05 {
            return vec![*item];
        }
    }
    scored.into_iter().map(|(_, i)| i).take(8).collect()
}
