//! The owner and staff against real SQLite files.

use crate::clock::ManualClock;
use crate::privacy::Actor;
use crate::store::testing::{file_bytes, holds};
use crate::store::{Store, StoreError};
use dukadesk_domain::people::Role;
use std::sync::Arc;

const OWNER_PASSWORD: &str = "mama njeri duka 2026";

async fn store_with_clock() -> (tempfile::TempDir, Store, ManualClock) {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(chrono::Utc::now());
    let store = Store::open_with_clock(&dir.path().join("dukadesk.db"), Arc::new(clock.clone()))
        .await
        .expect("open");
    (dir, store, clock)
}

fn field_message(e: StoreError, field: &str) -> String {
    match e {
        StoreError::Invalid(fields) => fields
            .into_iter()
            .find(|f| f.field == field)
            .map(|f| f.message)
            .unwrap_or_else(|| panic!("no error on {field}")),
        other => panic!("expected a field error on {field}, got {other:?}"),
    }
}

#[tokio::test]
async fn the_owner_password_is_set_once_checked_and_changed_with_the_old_one() {
    let (_dir, store, _clock) = store_with_clock().await;
    assert!(!store.owner_password_set().await.unwrap());

    let short = store
        .set_owner_password("short", "short")
        .await
        .unwrap_err();
    assert!(field_message(short, "password").contains("at least 8"));
    let differ = store
        .set_owner_password(OWNER_PASSWORD, "something else")
        .await
        .unwrap_err();
    assert!(field_message(differ, "repeat").contains("differ"));

    let owner = store
        .set_owner_password(OWNER_PASSWORD, OWNER_PASSWORD)
        .await
        .unwrap();
    assert_eq!(owner.role, Role::Owner);
    assert!(store.owner_password_set().await.unwrap());
    // Set once: a second "first" password is refused.
    assert!(matches!(
        store
            .set_owner_password("another password", "another password")
            .await,
        Err(StoreError::Stale(_))
    ));

    assert_eq!(
        store.verify_owner(OWNER_PASSWORD).await.unwrap().id,
        owner.id
    );
    let wrong = store.verify_owner("mama njeri duka").await.unwrap_err();
    assert!(field_message(wrong, "password").contains("4 more tries"));

    // Changing needs the old password.
    let refused = store
        .change_owner_password("not it at all", "new password 1", "new password 1")
        .await
        .unwrap_err();
    assert!(field_message(refused, "old").contains("not right"));
    store
        .change_owner_password(OWNER_PASSWORD, "new password 1", "new password 1")
        .await
        .unwrap();
    assert!(store.verify_owner(OWNER_PASSWORD).await.is_err());
    store.verify_owner("new password 1").await.unwrap();

    let actions: Vec<String> = store
        .audit_log(20)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.action)
        .collect();
    assert!(actions.contains(&"owner.password_set".to_owned()));
    assert!(actions.contains(&"owner.password_changed".to_owned()));
}

#[tokio::test]
async fn five_wrong_pins_lock_the_person_with_the_wait_shown_and_a_right_pin_resets() {
    let (_dir, store, clock) = store_with_clock().await;
    let amina = store
        .save_staff(&Actor::Owner, None, "Amina", "4821")
        .await
        .unwrap();

    for left in [4, 3, 2, 1] {
        let e = store.verify_pin(&amina.id, "1111").await.unwrap_err();
        assert!(
            field_message(e, "pin").contains(&format!("{left} more")),
            "{left} tries left"
        );
    }
    // The 5th wrong try: a 30-second wait, said plainly.
    let locked = store.verify_pin(&amina.id, "1111").await.unwrap_err();
    assert_eq!(
        locked.to_string(),
        "Too many wrong tries. Wait 30 seconds, then try again."
    );
    // While locked even the right PIN waits.
    let still = store.verify_pin(&amina.id, "4821").await.unwrap_err();
    assert!(still.to_string().contains("Wait 30 seconds"), "{still}");
    clock.advance(chrono::Duration::seconds(20));
    let later = store.verify_pin(&amina.id, "4821").await.unwrap_err();
    assert!(later.to_string().contains("Wait 10 seconds"), "{later}");

    // After the wait, one more wrong try doubles it.
    clock.advance(chrono::Duration::seconds(11));
    let doubled = store.verify_pin(&amina.id, "2222").await.unwrap_err();
    assert!(doubled.to_string().contains("Wait 1 minute"), "{doubled}");

    // The right PIN after the wait signs in and starts the count afresh.
    clock.advance(chrono::Duration::seconds(61));
    assert_eq!(
        store.verify_pin(&amina.id, "4821").await.unwrap().name,
        "Amina"
    );
    let fresh = store.verify_pin(&amina.id, "1111").await.unwrap_err();
    assert!(field_message(fresh, "pin").contains("4 more"));

    let log = store.audit_log(50).await.unwrap();
    let locks: Vec<_> = log.iter().filter(|l| l.action == "signin.locked").collect();
    assert_eq!(locks.len(), 2);
    assert_eq!(locks[1].subject.as_deref(), Some(amina.id.as_str()));
    assert!(log
        .iter()
        .all(|l| !l.detail.contains("1111") && !l.detail.contains("4821")));
}

#[tokio::test]
async fn pins_are_unique_among_active_staff_and_deactivated_staff_cannot_sign_in() {
    let (_dir, store, _clock) = store_with_clock().await;
    let amina = store
        .save_staff(&Actor::Owner, None, "Amina", "4821")
        .await
        .unwrap();
    let clash = store
        .save_staff(&Actor::Owner, None, "Juma", "4821")
        .await
        .unwrap_err();
    assert!(field_message(clash, "pin").contains("Someone else"));
    let bad = store
        .save_staff(&Actor::Owner, None, " ", "12")
        .await
        .unwrap_err();
    assert!(matches!(&bad, StoreError::Invalid(f) if f.len() == 2));

    let juma = store
        .save_staff(&Actor::Owner, None, "Juma", "7310")
        .await
        .unwrap();
    // Renaming keeps the PIN.
    store
        .save_staff(&Actor::Owner, Some(&juma.id), "Juma K.", "")
        .await
        .unwrap();
    assert_eq!(
        store.verify_pin(&juma.id, "7310").await.unwrap().name,
        "Juma K."
    );

    store
        .deactivate_staff(&Actor::Owner, &amina.id)
        .await
        .unwrap();
    assert!(matches!(
        store.verify_pin(&amina.id, "4821").await,
        Err(StoreError::Refusal(_))
    ));
    let names: Vec<String> = store
        .active_staff()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Juma K."]);
    // Amina's old PIN is free again.
    store
        .save_staff(&Actor::Owner, None, "Wanjiru", "4821")
        .await
        .unwrap();

    let log = store.audit_log(50).await.unwrap();
    assert!(log
        .iter()
        .any(|l| l.action == "staff.removed" && l.subject.as_deref() == Some(amina.id.as_str())));
    assert_eq!(log.iter().filter(|l| l.action == "staff.added").count(), 3);
}

#[tokio::test]
async fn secrets_are_kept_only_as_argon2id_hashes_never_in_the_file() {
    let (_dir, store, _clock) = store_with_clock().await;
    store
        .set_owner_password(OWNER_PASSWORD, OWNER_PASSWORD)
        .await
        .unwrap();
    let amina = store
        .save_staff(&Actor::Owner, None, "Amina", "482193")
        .await
        .unwrap();
    let hash: String = sqlx::query_scalar("SELECT secret_hash FROM staff WHERE id = ?")
        .bind(&amina.id)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(!hash.contains("482193"));
    // Two hashes of the same PIN differ (random salt), and both check.
    let (a, b) = (
        super::hash("482193").await.unwrap(),
        super::hash("482193").await.unwrap(),
    );
    assert_ne!(a, b);
    assert!(super::matches("482193", &a).await && super::matches("482193", &b).await);
    assert!(!super::matches("482194", &a).await);
    store.checkpoint().await;
    let bytes = file_bytes(&store);
    assert!(holds(&bytes, "$argon2id$"), "the hashes are in the file");
    assert!(!holds(&bytes, OWNER_PASSWORD));
    assert!(!holds(&bytes, "482193"));
    // Listing people never carries a hash.
    let listed = serde_json::to_string(&store.people().await.unwrap()).unwrap();
    assert!(!listed.contains("argon2"));
}

#[tokio::test]
async fn idle_minutes_default_to_five_and_stay_in_range() {
    let (_dir, store, _clock) = store_with_clock().await;
    assert_eq!(store.idle_minutes().await.unwrap(), 5);
    assert!(store.set_idle_minutes(0).await.is_err());
    assert!(store.set_idle_minutes(121).await.is_err());
    store.set_idle_minutes(15).await.unwrap();
    assert_eq!(store.idle_minutes().await.unwrap(), 15);
}
