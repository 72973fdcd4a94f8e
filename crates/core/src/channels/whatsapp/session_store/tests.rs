//! The same conformance cases run against the crate's reference
//! `InMemoryBackend` and against [`SqlBackend`] on a real SQLite file, plus
//! what only the SQLite store promises: values sealed, survival across a
//! reopen, and a wipe that leaves no key bytes in the file.

use super::{has_device, wipe, SqlBackend};
use crate::store::testing::{file_bytes, holds as contains, unlocked_store};
use std::sync::Arc;
use whatsapp_rust::bytes::Bytes;
use whatsapp_rust::wacore::appstate::hash::HashState;
use whatsapp_rust::wacore::appstate::processor::AppStateMutationMAC;
use whatsapp_rust::wacore::store::traits::{
    AppStateSyncKey, AppSyncStore, Backend, DeviceInfo, DeviceListRecord, DeviceStore,
    LidPnMappingEntry, MsgSecretEntry, SignalStore,
};
use whatsapp_rust::wacore::store::{Device, InMemoryBackend};

fn lid(lid: &str, phone: &str, at: i64) -> LidPnMappingEntry {
    LidPnMappingEntry {
        lid: lid.into(),
        phone_number: phone.into(),
        created_at: at,
        updated_at: at,
        learning_source: "usync".into(),
    }
}

fn secret(chat: &str, sender: &str, id: &str, byte: u8, exp: i64, ts: i64) -> MsgSecretEntry {
    MsgSecretEntry {
        chat: Arc::from(chat),
        sender: Arc::from(sender),
        msg_id: Arc::from(id),
        secret: [byte; 32],
        expires_at: exp,
        message_ts: ts,
    }
}

/// Every case, against any backend. Panics (failing the test) on the first
/// difference from the trait's contract.
async fn conformance<B: Backend>(b: &B) {
    // Identities.
    assert_eq!(
        b.load_identity("254711@s.whatsapp.net")
            .await
            .expect("load"),
        None
    );
    b.put_identity("254711:3@s.whatsapp.net", [7; 32])
        .await
        .expect("put");
    assert_eq!(
        b.load_identity("254711:3@s.whatsapp.net")
            .await
            .expect("load"),
        Some([7; 32])
    );
    assert!(b.has_signal_state_for_user("254711").await.expect("state"));
    b.put_identities_batch(&[(Arc::from("254722@s.whatsapp.net"), [8; 32])])
        .await
        .expect("batch");
    assert_eq!(
        b.load_identity("254722@s.whatsapp.net")
            .await
            .expect("load"),
        Some([8; 32])
    );
    b.delete_identity("254711:3@s.whatsapp.net")
        .await
        .expect("del");
    assert_eq!(
        b.load_identity("254711:3@s.whatsapp.net")
            .await
            .expect("load"),
        None
    );

    // Sessions.
    assert!(!b.has_session("254733@s.whatsapp.net").await.expect("has"));
    b.put_session("254733@s.whatsapp.net", b"ratchet-1")
        .await
        .expect("put");
    b.put_sessions_batch(&[
        (
            Arc::from("254733@s.whatsapp.net"),
            Bytes::from_static(b"ratchet-2"),
        ),
        (Arc::from("254744:1@lid"), Bytes::from_static(b"other")),
    ])
    .await
    .expect("batch");
    assert_eq!(
        b.get_session("254733@s.whatsapp.net")
            .await
            .expect("get")
            .as_deref(),
        Some(&b"ratchet-2"[..])
    );
    assert!(b.has_session("254744:1@lid").await.expect("has"));
    assert!(b.has_signal_state_for_user("254744").await.expect("state"));
    assert!(!b.has_signal_state_for_user("25474").await.expect("state"));
    b.delete_session("254744:1@lid").await.expect("del");
    assert!(!b.has_session("254744:1@lid").await.expect("has"));

    // Pre-keys.
    assert_eq!(b.get_max_prekey_id().await.expect("max"), 0);
    b.store_prekey(5, b"pk5", false).await.expect("pk");
    b.store_prekeys_batch(
        &[
            (6, Bytes::from_static(b"pk6")),
            (40, Bytes::from_static(b"pk40")),
        ],
        true,
    )
    .await
    .expect("batch");
    assert_eq!(b.get_max_prekey_id().await.expect("max"), 40);
    assert_eq!(
        b.load_prekey(6).await.expect("load").as_deref(),
        Some(&b"pk6"[..])
    );
    let mut some = b.load_prekeys_batch(&[5, 7, 40]).await.expect("batch");
    some.sort_by_key(|(id, _)| *id);
    assert_eq!(
        some,
        vec![
            (5, Bytes::from_static(b"pk5")),
            (40, Bytes::from_static(b"pk40"))
        ]
    );
    b.remove_prekey(5).await.expect("rm");
    b.mark_prekeys_uploaded(&[5, 6]).await.expect("mark");
    // Marking never brings a used-up key back.
    assert_eq!(b.load_prekey(5).await.expect("load"), None);

    // Signed pre-keys.
    b.store_signed_prekey(1, b"spk1").await.expect("spk");
    b.store_signed_prekey(2, b"spk2").await.expect("spk");
    let mut all = b.load_all_signed_prekeys().await.expect("all");
    all.sort();
    assert_eq!(all, vec![(1, b"spk1".to_vec()), (2, b"spk2".to_vec())]);
    b.remove_signed_prekey(1).await.expect("rm");
    assert_eq!(b.load_signed_prekey(1).await.expect("load"), None);
    assert_eq!(
        b.load_signed_prekey(2).await.expect("load"),
        Some(b"spk2".to_vec())
    );

    // Sender keys.
    b.put_sender_key("g1::254711:0", b"sk").await.expect("sk");
    b.put_sender_keys_batch(&[(Arc::from("g1::254711:0"), Bytes::from_static(b"sk2"))])
        .await
        .expect("batch");
    assert_eq!(
        b.get_sender_key("g1::254711:0").await.expect("get"),
        Some(b"sk2".to_vec())
    );
    b.delete_sender_key("g1::254711:0").await.expect("del");
    assert_eq!(b.get_sender_key("g1::254711:0").await.expect("get"), None);

    // App-state keys, versions, mutation MACs.
    assert_eq!(b.get_latest_sync_key_id().await.expect("latest"), None);
    for (id, data) in [(b"k1", 1u8), (b"k2", 2u8)] {
        b.set_sync_key(
            id,
            AppStateSyncKey {
                key_data: vec![data; 32],
                fingerprint: vec![data],
                timestamp: i64::from(data),
            },
        )
        .await
        .expect("set");
    }
    let k1 = b.get_sync_key(b"k1").await.expect("get").expect("k1");
    assert_eq!((k1.key_data, k1.timestamp), (vec![1; 32], 1));
    assert_eq!(
        b.get_latest_sync_key_id().await.expect("latest"),
        Some(b"k2".to_vec())
    );
    assert!(b.get_sync_key(b"k3").await.expect("get").is_none());
    assert_eq!(b.get_version("regular").await.expect("v").version, 0);
    let v = HashState {
        version: 9,
        hash: [3; 128],
        ..Default::default()
    };
    b.set_version("regular", v).await.expect("set v");
    let back = b.get_version("regular").await.expect("v");
    assert_eq!((back.version, back.hash), (9, [3; 128]));
    let macs = |n: u8| AppStateMutationMAC {
        index_mac: vec![n; 32],
        value_mac: vec![n + 100; 32],
    };
    b.put_mutation_macs("regular", 9, &[macs(1), macs(2)])
        .await
        .expect("macs");
    b.put_mutation_macs("critical", 1, &[macs(1)])
        .await
        .expect("macs");
    assert_eq!(
        b.get_mutation_mac("regular", &[2; 32]).await.expect("mac"),
        Some(vec![102; 32])
    );
    let batch = b
        .get_mutation_macs("regular", &[[1; 32], [7; 32]])
        .await
        .expect("batch");
    assert_eq!(batch.len(), 1);
    b.delete_mutation_macs("regular", &[vec![1; 32]])
        .await
        .expect("del");
    assert_eq!(
        b.get_mutation_mac("regular", &[1; 32]).await.expect("mac"),
        None
    );
    b.clear_mutation_macs("regular").await.expect("clear");
    assert_eq!(
        b.get_mutation_mac("regular", &[2; 32]).await.expect("mac"),
        None
    );
    assert!(b
        .get_mutation_mac("critical", &[1; 32])
        .await
        .expect("mac")
        .is_some());

    // Sender-key device tracking.
    b.set_sender_key_status("g1", &[("d1", true), ("d2", false)])
        .await
        .expect("set");
    b.set_sender_key_status("g2", &[("d1", true)])
        .await
        .expect("set");
    let mut g1 = b.get_sender_key_devices("g1").await.expect("get");
    g1.sort();
    assert_eq!(g1, vec![("d1".into(), true), ("d2".into(), false)]);
    b.delete_sender_key_device_rows(&["d1"]).await.expect("del");
    assert_eq!(
        b.get_sender_key_devices("g1").await.expect("get"),
        vec![("d2".into(), false)]
    );
    assert!(b
        .get_sender_key_devices("g2")
        .await
        .expect("get")
        .is_empty());
    b.clear_sender_key_devices("g1").await.expect("clear");
    assert!(b
        .get_sender_key_devices("g1")
        .await
        .expect("get")
        .is_empty());
    b.set_sender_key_status("g3", &[("d9", true)])
        .await
        .expect("set");
    b.clear_all_sender_key_devices().await.expect("clear all");
    assert!(b
        .get_sender_key_devices("g3")
        .await
        .expect("get")
        .is_empty());

    // LID to phone number mappings.
    assert!(b.get_lid_mapping("801").await.expect("get").is_none());
    b.put_lid_mapping(&lid("801", "254711000111", 10))
        .await
        .expect("put");
    b.put_lid_mappings(&[lid("802", "254722000222", 11)])
        .await
        .expect("put");
    assert_eq!(
        b.get_pn_mapping("254711000111")
            .await
            .expect("pn")
            .map(|m| m.lid),
        Some("801".into())
    );
    assert_eq!(
        b.get_lid_mapping("802")
            .await
            .expect("lid")
            .map(|m| m.phone_number),
        Some("254722000222".into())
    );
    // A newer id for the same number wins.
    b.put_lid_mapping(&lid("803", "254711000111", 20))
        .await
        .expect("put");
    assert_eq!(
        b.get_pn_mapping("254711000111")
            .await
            .expect("pn")
            .map(|m| m.lid),
        Some("803".into())
    );
    assert_eq!(b.get_all_lid_mappings().await.expect("all").len(), 3);

    // Base keys.
    b.save_base_key("254711.0", "m1", b"base")
        .await
        .expect("save");
    assert!(b
        .has_same_base_key("254711.0", "m1", b"base")
        .await
        .expect("same"));
    assert!(!b
        .has_same_base_key("254711.0", "m1", b"other")
        .await
        .expect("same"));
    assert!(!b
        .has_same_base_key("254711.0", "m2", b"base")
        .await
        .expect("same"));
    b.delete_base_key("254711.0", "m1").await.expect("del");
    assert!(!b
        .has_same_base_key("254711.0", "m1", b"base")
        .await
        .expect("same"));

    // Device lists.
    let rec = DeviceListRecord {
        user: "254711".into(),
        devices: vec![DeviceInfo::new(0, None), DeviceInfo::new(3, Some(2))],
        timestamp: 5,
        phash: Some("2:abc".into()),
        raw_id: Some(4),
    };
    b.update_device_list(rec).await.expect("update");
    let got = b.get_devices("254711").await.expect("get").expect("some");
    assert_eq!(
        (got.devices.len(), got.raw_id, got.phash),
        (2, Some(4), Some("2:abc".into()))
    );
    b.delete_devices("254711").await.expect("del");
    assert!(b.get_devices("254711").await.expect("get").is_none());

    // Trusted-contact tokens.
    b.touch_tc_token_sender_timestamp("c1", 100)
        .await
        .expect("touch");
    let t = b
        .get_tc_token("c1")
        .await
        .expect("get")
        .expect("placeholder");
    assert!(t.token.is_empty());
    assert_eq!(t.sender_timestamp, Some(100));
    b.store_received_tc_token("c1", b"tok", 200)
        .await
        .expect("store");
    b.store_received_tc_token("c1", b"stale", 150)
        .await
        .expect("stale");
    b.touch_tc_token_sender_timestamp("c1", 50)
        .await
        .expect("touch older");
    let t = b.get_tc_token("c1").await.expect("get").expect("token");
    assert_eq!(
        (t.token, t.token_timestamp, t.sender_timestamp),
        (b"tok".to_vec(), 200, Some(100))
    );
    b.store_received_tc_token("c2", b"old", 10)
        .await
        .expect("store");
    let mut jids = b.get_all_tc_token_jids().await.expect("jids");
    jids.sort();
    assert_eq!(jids, vec!["c1".to_string(), "c2".to_string()]);
    // c2's token is stale and it has no sender bucket: pruned; c1 stays.
    assert_eq!(
        b.delete_expired_tc_tokens(100, 100).await.expect("prune"),
        1
    );
    assert!(b.get_tc_token("c2").await.expect("get").is_none());
    b.delete_tc_token("c1").await.expect("del");
    assert!(b.get_tc_token("c1").await.expect("get").is_none());

    // Sent messages kept for retries: taken once.
    b.store_sent_message("254711@s.whatsapp.net", "M1", b"payload")
        .await
        .expect("store");
    assert_eq!(
        b.take_sent_message("254711@s.whatsapp.net", "M1")
            .await
            .expect("take"),
        Some(b"payload".to_vec())
    );
    assert_eq!(
        b.take_sent_message("254711@s.whatsapp.net", "M1")
            .await
            .expect("take"),
        None
    );
    b.store_sent_message("254711@s.whatsapp.net", "M2", b"p2")
        .await
        .expect("store");
    assert_eq!(b.delete_expired_sent_messages(0).await.expect("prune"), 0);
    assert_eq!(
        b.delete_expired_sent_messages(i64::MAX)
            .await
            .expect("prune"),
        1
    );

    // The pending inbound buffer.
    b.store_pending_inbound("chat", "sender", "id1", b"msg")
        .await
        .expect("store");
    assert_eq!(
        b.get_pending_inbound("chat", "sender", "id1")
            .await
            .expect("get"),
        Some(b"msg".to_vec())
    );
    assert_eq!(
        b.get_pending_inbound("chat", "other", "id1")
            .await
            .expect("get"),
        None
    );
    b.delete_pending_inbound("chat", "sender", "id1")
        .await
        .expect("del");
    assert_eq!(
        b.get_pending_inbound("chat", "sender", "id1")
            .await
            .expect("get"),
        None
    );
    b.store_pending_inbound("chat", "sender", "id2", b"m2")
        .await
        .expect("store");
    assert_eq!(
        b.delete_expired_pending_inbound(i64::MAX)
            .await
            .expect("prune"),
        1
    );

    // Message secrets.
    assert_eq!(
        b.put_msg_secrets(vec![
            secret("c", "s", "m1", 1, 500, 0),
            secret("c", "s", "m2", 2, 0, 7),
        ])
        .await
        .expect("put"),
        2
    );
    assert_eq!(
        b.get_msg_secret("c", "s", "m1").await.expect("get"),
        Some(vec![1; 32])
    );
    assert_eq!(b.get_msg_secret("c", "x", "m1").await.expect("get"), None);
    // A redelivery never shortens a window nor forgets the parent's time.
    b.put_msg_secrets(vec![secret("c", "s", "m1", 3, 400, 9)])
        .await
        .expect("put");
    assert_eq!(
        b.get_msg_secret_with_ts("c", "s", "m1").await.expect("get"),
        Some((vec![3; 32], 9))
    );
    assert_eq!(b.delete_expired_msg_secrets(450).await.expect("prune"), 0);
    assert_eq!(b.delete_expired_msg_secrets(500).await.expect("prune"), 1);
    assert!(b
        .get_msg_secret("c", "s", "m2")
        .await
        .expect("get")
        .is_some());

    // The device.
    assert!(!b.exists().await.expect("exists"));
    assert!(b.load().await.expect("load").is_none());
    b.create().await.expect("create");
    assert!(b.exists().await.expect("exists"));
    let mut device = Device::new();
    device.push_name = "Mama Mboga".into();
    device.registration_id = 4242;
    b.save(&device).await.expect("save");
    let back = b.load().await.expect("load").expect("device");
    assert_eq!(
        (back.push_name.as_str(), back.registration_id),
        ("Mama Mboga", 4242)
    );
    assert_eq!(
        back.identity_key.public_key.public_key_bytes(),
        device.identity_key.public_key.public_key_bytes()
    );
}

#[tokio::test]
async fn the_crates_in_memory_backend_passes_the_conformance_cases() {
    conformance(&InMemoryBackend::new()).await;
}

#[tokio::test]
async fn the_sqlite_backend_passes_the_same_cases() {
    let (_dir, store) = unlocked_store().await;
    let backend = SqlBackend::new(store.clone()).expect("backend");
    conformance(&backend).await;
}

#[tokio::test]
async fn no_backend_without_an_unlocked_vault() {
    let dir = tempfile::tempdir().expect("dir");
    let store = crate::store::Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("store");
    let err = SqlBackend::new(store).expect_err("locked");
    assert!(err.to_string().contains("Saved secrets"), "{err}");
}

#[tokio::test]
async fn values_are_sealed_and_survive_a_reopen() {
    let (dir, store) = unlocked_store().await;
    let backend = SqlBackend::new(store.clone()).expect("backend");
    let marker = b"SIGNAL-SESSION-PLAINTEXT-MARKER";
    backend
        .put_session("254711@s.whatsapp.net", marker)
        .await
        .expect("put");
    backend
        .put_identity("254711@s.whatsapp.net", [0x5a; 32])
        .await
        .expect("id");
    let mut device = Device::new();
    device.push_name = "DEVICE-PUSH-NAME-MARKER".into();
    backend.save(&device).await.expect("device");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(store.writer())
        .await
        .expect("checkpoint");
    let bytes = file_bytes(&store);
    assert!(
        !contains(&bytes, marker),
        "a session was written in the clear"
    );
    assert!(
        !contains(&bytes, b"DEVICE-PUSH-NAME-MARKER"),
        "the device was written in the clear"
    );
    assert!(
        !contains(&bytes, [0x5a; 32]),
        "an identity key was written in the clear"
    );
    // A sealed value copied to another row does not open there.
    sqlx::query(
        "UPDATE wa_keys SET sealed = (SELECT sealed FROM wa_keys WHERE kind = 'session')
         WHERE kind = 'identity'",
    )
    .execute(store.writer())
    .await
    .expect("swap");
    assert!(backend
        .load_identity("254711@s.whatsapp.net")
        .await
        .is_err());
    // The same file, opened again with the same vault: the session is there.
    let vault = store.vault().expect("vault");
    drop(backend);
    drop(store);
    let again = crate::store::Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("reopen");
    again.attach_vault(vault).await.expect("vault");
    let backend = SqlBackend::new(again).expect("backend");
    assert_eq!(
        backend
            .get_session("254711@s.whatsapp.net")
            .await
            .expect("get")
            .as_deref(),
        Some(&marker[..])
    );
    assert_eq!(
        backend.load().await.expect("load").map(|d| d.push_name),
        Some("DEVICE-PUSH-NAME-MARKER".into())
    );
}

#[tokio::test]
async fn a_wipe_leaves_no_key_row_and_no_key_bytes_in_the_file() {
    let (_dir, store) = unlocked_store().await;
    let backend = SqlBackend::new(store.clone()).expect("backend");
    conformance(&backend).await;
    backend
        .put_session("254799000999@s.whatsapp.net", b"s")
        .await
        .expect("put");
    backend.store_prekey(77, b"pk", false).await.expect("pk");
    backend
        .set_sync_key(b"kk", AppStateSyncKey::default())
        .await
        .expect("sync");
    let sealed: Vec<String> =
        sqlx::query_scalar("SELECT sealed FROM wa_keys UNION ALL SELECT sealed FROM wa_device")
            .fetch_all(store.pool())
            .await
            .expect("sealed");
    assert!(sealed.len() > 10);
    assert!(has_device(&store).await.expect("device"));

    wipe(&store).await.expect("wipe");

    let rows: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM wa_keys) + (SELECT COUNT(*) FROM wa_device)",
    )
    .fetch_one(store.pool())
    .await
    .expect("count");
    assert_eq!(rows, 0);
    assert!(!has_device(&store).await.expect("device"));
    let bytes = file_bytes(&store);
    for s in &sealed {
        assert!(
            !contains(&bytes, s.as_bytes()),
            "a sealed key value is still in the file after the wipe"
        );
    }
    // The lookup keys (customers' numbers) are gone too.
    assert!(!contains(&bytes, b"254799000999@s.whatsapp.net"));
}
