//! Language codes and weekday names.

use super::*;

#[test]
fn every_language_reads_back_from_its_code() {
    for lang in Language::ALL {
        assert_eq!(Language::from_code(lang.code()), Some(lang), "{lang:?}");
    }
    assert_eq!(
        Language::ALL.map(Language::code),
        ["en", "sw", "fr", "ar"],
        "the stored codes never change"
    );
    assert_eq!(Language::from_code(" AR "), Some(Language::Ar));
    assert_eq!(Language::from_code("Fr"), Some(Language::Fr));
    // Unknown codes are the caller's to decide; English is the default.
    assert_eq!(Language::from_code("de"), None);
    assert_eq!(Language::from_code(""), None);
    assert_eq!(Language::from_code("zz").unwrap_or_default(), Language::En);
}

#[test]
fn weekdays_are_named_in_each_language() {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    let week = [Mon, Tue, Wed, Thu, Fri, Sat, Sun];
    let names = |lang: Language| week.map(|d| lang.weekday_name(d));
    assert_eq!(
        names(Language::En),
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday"
        ]
    );
    assert_eq!(
        names(Language::Sw),
        ["Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa", "Jumamosi", "Jumapili"]
    );
    assert_eq!(
        names(Language::Fr),
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    );
    assert_eq!(
        names(Language::Ar),
        [
            "الاثنين",
            "الثلاثاء",
            "الأربعاء",
            "الخميس",
            "الجمعة",
            "السبت",
            "الأحد"
        ]
    );
}
