use super::*;
use dukadesk_domain::ipc::{ErrorCode, FieldError, IpcError};

#[test]
fn the_form_fills_from_the_saved_hours() {
    let input = draft(&OpeningHours::default(), true);
    assert_eq!(input.days.len(), 7);
    assert!(input.days[0].open);
    assert_eq!(input.days[0].from, "08:00");
    assert_eq!(input.days[0].to, "20:00");
    assert!(!input.days[6].open);
    assert!(input.orders_when_closed);
}

#[test]
fn the_saved_hours_come_back_unchanged_through_the_form() {
    let hours = OpeningHours::default();
    assert_eq!(draft(&hours, false).validate(), Ok(hours));
    let always = OpeningHours::always();
    let input = draft(&always, false);
    assert_eq!(input.days[3].to, "23:59");
    assert!(input.validate().is_ok());
}

#[test]
fn every_day_has_its_own_error_field() {
    for (i, field) in DAY_FIELDS.iter().enumerate() {
        assert_eq!(*field, format!("day{i}"));
        assert!(FIELDS.contains(field));
    }
}

#[test]
fn edits_change_one_day() {
    let input = draft(&OpeningHours::default(), false);
    let next = HoursEdit::Open(6, true).apply(&input);
    assert!(next.days[6].open);
    assert_eq!(next.days[..6], input.days[..6]);
    let next = HoursEdit::From(1, "09:30".into()).apply(&next);
    assert_eq!(next.days[1].from, "09:30");
    let next = HoursEdit::To(1, "17:00".into()).apply(&next);
    assert_eq!(next.days[1].to, "17:00");
    let next = HoursEdit::OrdersWhenClosed(true).apply(&next);
    assert!(next.orders_when_closed);
}

#[test]
fn an_edit_out_of_range_changes_nothing() {
    let input = draft(&OpeningHours::default(), false);
    assert_eq!(HoursEdit::Open(7, false).apply(&input), input);
    assert_eq!(HoursEdit::Open(9, false).field(), "days");
}

#[test]
fn an_edit_clears_its_days_error() {
    assert_eq!(HoursEdit::Open(0, false).field(), "day0");
    assert_eq!(HoursEdit::From(3, String::new()).field(), "day3");
    assert_eq!(HoursEdit::To(6, String::new()).field(), "day6");
    assert_eq!(
        HoursEdit::OrdersWhenClosed(true).field(),
        "orders_when_closed"
    );
}

#[test]
fn a_day_closing_before_it_opens_is_named() {
    let input = draft(&OpeningHours::default(), false);
    let input = HoursEdit::To(2, "07:00".into()).apply(&input);
    let errors = FormErrors::from_fields(input.validate().unwrap_err());
    assert!(errors.field("day2").is_some());
    assert_eq!(errors.field("day1"), None);
}

#[test]
fn a_closed_day_is_not_checked() {
    let input = draft(&OpeningHours::default(), false);
    let input = HoursEdit::From(6, String::new()).apply(&input);
    assert!(input.validate().is_ok());
    let input = HoursEdit::Open(6, true).apply(&input);
    let errors = FormErrors::from_fields(input.validate().unwrap_err());
    assert!(errors.field("day6").is_some());
}

#[test]
fn shell_errors_for_days_go_beside_the_row() {
    let err = IpcError::invalid(vec![
        FieldError::new("day4", "Friday is wrong."),
        FieldError::new("shop", "No shop yet."),
    ]);
    let errors = FormErrors::from_ipc(err, FIELDS);
    assert_eq!(errors.field("day4"), Some("Friday is wrong."));
    assert_eq!(errors.banner(), Some("No shop yet."));
    let err = IpcError::new(ErrorCode::Internal, "Disk full.");
    assert_eq!(
        FormErrors::from_ipc(err, FIELDS).banner(),
        Some("Disk full.")
    );
}
