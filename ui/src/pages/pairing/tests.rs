use super::*;

#[test]
fn countdown_reads_minutes_and_seconds() {
    assert_eq!(countdown(60), "1:00");
    assert_eq!(countdown(59), "0:59");
    assert_eq!(countdown(180), "3:00");
    assert_eq!(countdown(0), "0:00");
}

#[test]
fn both_ways_start_from_linked_devices() {
    assert!(crate::i18n::t(QR_STEPS[1]).contains("WhatsApp > Linked devices > Link a device"));
    assert!(crate::i18n::t(CODE_STEPS[1]).contains("Link with phone number instead"));
}
