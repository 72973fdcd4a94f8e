use super::*;

fn offer() -> UpdateOffer {
    UpdateOffer {
        version: "0.2.0".into(),
        notes: "Faster till.".into(),
        date: None,
    }
}

#[test]
fn progress_reads_in_megabytes_and_percent() {
    assert_eq!(
        progress_text(1_200_000, Some(4_800_000)),
        "1.2 of 4.8 MB (25%)"
    );
    assert_eq!(
        progress_text(4_800_000, Some(4_800_000)),
        "4.8 of 4.8 MB (100%)"
    );
    // A server that sent more than it announced never shows over 100%.
    assert_eq!(
        progress_text(9_000_000, Some(4_800_000)),
        "4.8 of 4.8 MB (100%)"
    );
    assert_eq!(progress_text(2_500_000, None), "2.5 MB so far");
    assert_eq!(progress_text(10, Some(0)), "0.0 MB so far");
}

#[test]
fn each_state_says_what_happened() {
    assert_eq!(headline(&UpdateState::UpToDate), "DukaDesk is up to date.");
    assert_eq!(
        headline(&UpdateState::Available { offer: offer() }),
        "DukaDesk 0.2.0 is available."
    );
    assert!(headline(&UpdateState::Ready { offer: offer() }).contains("Restart"));
    let offline = UpdateState::Offline {
        message: "offline".into(),
    };
    assert_eq!(headline(&offline), "offline");
    assert!(is_downloading(&Some(UpdateStatus {
        current_version: "0.1.0".into(),
        state: UpdateState::Downloading {
            offer: offer(),
            received: 1,
            total: None
        },
    })));
    assert!(!is_downloading(&None));
}
