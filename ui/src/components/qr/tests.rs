use super::*;

#[test]
fn a_pairing_string_draws_as_one_path_of_squares() {
    // The shape of a real pairing string: ref, keys and adv secret in base64.
    let code = "2@Xy9sQp3Lk0aTmv8RZ1nB/4hUeDwC6fJgY2oKq5rTsVxA7iEbH,\
                6Rj1Ao4d6e2Wb0b2c9c5KpLmN3qR7sT1uV5wX9yZ0aB=,\
                Mz5aQ1bW2cE3dR4fT5gY6hU7jI8kO9lP0qA1sD2fG3h=,\
                AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/aBcD=";
    let (width, d) = qr_path(code).expect("encodes");
    // A string this long needs a larger version than 1 (21 modules).
    assert!(width > 21 && width <= 177, "{width}");
    let squares = d.matches('M').count();
    // Finder patterns alone are 3 x 33 dark modules.
    assert!(squares > 99 && squares < width * width, "{squares}");
    assert!(
        d.starts_with("M4 4h1v1h-1z"),
        "top-left finder corner after the quiet zone"
    );
}

#[test]
fn different_codes_draw_differently() {
    let a = qr_path("2@first").expect("a").1;
    let b = qr_path("2@second").expect("b").1;
    assert_ne!(a, b);
}

#[test]
fn text_too_long_for_any_qr_code_is_refused_not_a_panic() {
    assert!(qr_path(&"x".repeat(8_000)).is_none());
}
