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

#[test]
fn clearing_a_field_keeps_the_others_and_the_banner() {
    let err = IpcError::invalid(vec![
        FieldError::new("phone", "Too short."),
        FieldError::new("text", "Too long."),
    ]);
    let mut errors = FormErrors::from_ipc(err, &["phone"]);
    errors.clear_field("phone");
    assert_eq!(errors.field("phone"), None);
    assert_eq!(errors.banner(), Some("Too long."));
}
