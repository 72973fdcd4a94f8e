use super::Span::{Bold, Plain};
use super::*;

#[test]
fn stars_around_a_word_make_it_bold() {
    assert_eq!(
        spans("Welcome to *Mama Mboga*! 👋"),
        vec![Plain("Welcome to "), Bold("Mama Mboga"), Plain("! 👋")]
    );
}

#[test]
fn several_bold_runs_and_a_bold_start() {
    assert_eq!(
        spans("*1.* Sukuma *KES 30*"),
        vec![Bold("1."), Plain(" Sukuma "), Bold("KES 30")]
    );
}

#[test]
fn text_without_stars_is_one_plain_run() {
    assert_eq!(
        spans("Reply with a number"),
        vec![Plain("Reply with a number")]
    );
    assert_eq!(spans(""), Vec::<Span>::new());
}

#[test]
fn a_lone_star_stays_as_typed() {
    assert_eq!(spans("5 * 3 = 15"), vec![Plain("5 * 3 = 15")]);
    assert_eq!(spans("rate 5*"), vec![Plain("rate 5*")]);
    assert_eq!(spans("*"), vec![Plain("*")]);
    assert_eq!(spans("**"), vec![Plain("**")]);
}

#[test]
fn stars_inside_words_are_not_markup() {
    assert_eq!(spans("2*3*4"), vec![Plain("2*3*4")]);
    assert_eq!(spans("*a*b"), vec![Plain("*a*b")]);
}

#[test]
fn bold_does_not_cross_a_line_break() {
    assert_eq!(
        spans("*open\nclose* and *this*"),
        vec![Plain("*open\nclose* and "), Bold("this")]
    );
}

#[test]
fn a_space_before_the_closing_star_does_not_close() {
    assert_eq!(spans("*a * b*"), vec![Bold("a * b")]);
    assert_eq!(spans("*a *"), vec![Plain("*a *")]);
}

#[test]
fn multibyte_text_around_bold_is_kept_whole() {
    assert_eq!(
        spans("Karibu *Duka la Amani* — asante"),
        vec![Plain("Karibu "), Bold("Duka la Amani"), Plain(" — asante")]
    );
    assert_eq!(spans("*ñ*é"), vec![Plain("*ñ*é")]);
    assert_eq!(spans("(*ñ*)"), vec![Plain("("), Bold("ñ"), Plain(")")]);
}

#[test]
fn a_message_reads_the_way_its_first_letter_does() {
    use super::direction;
    assert_eq!(direction("مرحبًا بكم في *Duka*"), "rtl");
    // Digits, bullets and emoji first do not decide.
    assert_eq!(direction("📱 1. تصفح منتجاتنا"), "rtl");
    assert_eq!(direction("1. Sukuma — 30 DH"), "ltr");
    assert_eq!(direction("*Duka la Juma* السلام"), "ltr");
    assert_eq!(direction("Bienvenue chez *Mama*"), "ltr");
    assert_eq!(direction("👍"), "ltr");
    assert_eq!(direction(""), "ltr");
}

#[test]
fn a_customer_cannot_reorder_what_staff_read() {
    use super::shown;
    // "Paid, code XC21CBA4TFQ" written backwards behind a right-to-left
    // override would show as "QFT4ABC12CX".
    let sly = "Paid, code \u{202e}XC21CBA4TFQ\u{202c} thanks";
    assert_eq!(shown(sly), "Paid, code XC21CBA4TFQ thanks");
    assert_eq!(shown("\u{2067}مرحبا\u{2069} hi"), "مرحبا hi");
    // Plain text, Arabic and the direction marks that only hint are kept.
    let plain = "Karibu *Duka* \u{200f}مرحبا";
    assert_eq!(shown(plain), plain);
    assert!(matches!(shown(plain), std::borrow::Cow::Borrowed(_)));
}
