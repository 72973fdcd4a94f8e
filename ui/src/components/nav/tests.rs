use super::*;

#[test]
fn alt_digits_follow_nav_order() {
    assert_eq!(Page::from_key_code("Digit1"), Some(Page::Till));
    assert_eq!(Page::from_key_code("Digit2"), Some(Page::Catalogue));
    assert_eq!(Page::from_key_code("Numpad3"), Some(Page::Settings));
    assert_eq!(Page::from_key_code("Digit4"), Some(Page::Inbox));
    assert_eq!(Page::from_key_code("Numpad5"), Some(Page::TestChat));
    assert_eq!(Page::from_key_code("Digit6"), Some(Page::Customers));
    assert_eq!(Page::from_key_code("Digit7"), Some(Page::Reports));
    assert_eq!(Page::from_key_code("Numpad7"), Some(Page::Reports));
    assert_eq!(Page::from_key_code("Digit8"), Some(Page::Resellers));
    assert_eq!(Page::from_key_code("Numpad8"), Some(Page::Resellers));
}

#[test]
fn other_keys_pick_no_screen() {
    for code in [
        "Digit0",
        "Digit9",
        "Numpad9",
        "KeyA",
        "Digit",
        "NumpadEnter",
        "",
    ] {
        assert_eq!(Page::from_key_code(code), None, "{code}");
    }
}

#[test]
fn slugs_and_ids_are_distinct() {
    for (i, a) in Page::ALL.iter().enumerate() {
        for b in &Page::ALL[i + 1..] {
            assert_ne!(a.slug(), b.slug());
            assert_ne!(a.nav_id(), b.nav_id());
        }
    }
    assert_eq!(Page::TestChat.slug(), "test-chat");
    assert_eq!(Page::TestChat.nav_id(), "nav-test-chat");
    assert_eq!(Page::Reports.slug(), "reports");
    assert_eq!(Page::Reports.nav_id(), "nav-reports");
    assert_eq!(Page::Resellers.slug(), "resellers");
    assert_eq!(Page::Resellers.nav_id(), "nav-resellers");
}

#[test]
fn every_screen_has_an_alt_digit() {
    // Alt+1..Alt+9 only: a tenth screen would need another key.
    assert!(Page::ALL.len() <= 9);
    for (i, page) in Page::ALL.iter().enumerate() {
        assert_eq!(Page::from_key_code(&format!("Digit{}", i + 1)), Some(*page));
    }
    assert_eq!(Page::ALL.last(), Some(&Page::Resellers));
}

#[test]
fn the_badge_stays_small() {
    assert_eq!(badge_text(3), "3");
    assert_eq!(badge_text(99), "99");
    assert_eq!(badge_text(100), "99+");
}
