use super::*;
use dukadesk_domain::ipc::ErrorCode;

#[test]
fn shown_fields_go_beside_their_input() {
    let err = IpcError::invalid(vec![FieldError::new("price", "Too much.")]);
    let errors = FormErrors::from_ipc(err, &["name", "price"]);
    assert_eq!(errors.field("price"), Some("Too much."));
    assert_eq!(errors.banner(), None);
}

#[test]
fn fields_the_form_does_not_show_go_into_the_banner() {
    let err = IpcError::invalid(vec![
        FieldError::new("price", "Too much."),
        FieldError::new("sku", "Already used."),
    ]);
    let errors = FormErrors::from_ipc(err, &["price"]);
    assert_eq!(errors.field("price"), Some("Too much."));
    assert_eq!(errors.field("sku"), None);
    assert_eq!(errors.banner(), Some("Already used."));
}

#[test]
fn an_error_without_fields_is_a_banner() {
    let err = IpcError::new(
        ErrorCode::Storage,
        "The database is locked. Close other copies.",
    );
    let errors = FormErrors::from_ipc(err, &["name"]);
    assert_eq!(
        errors.banner(),
        Some("The database is locked. Close other copies.")
    );
    assert_eq!(errors.invalid("name"), None);
}
