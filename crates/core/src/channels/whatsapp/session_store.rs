//! The linked device's keys and protocol state in the shop's own SQLite
//! file: the `whatsapp-rust` storage traits (`SignalStore`, `AppSyncStore`,
//! `ProtocolStore`, `MsgSecretStore`, `DeviceStore`) over `wa_keys` and
//! `wa_device` (migration 0007).
//!
//! Invariant: every value (identity keys, Signal sessions, pre-keys, sender
//! keys, app-state keys, the Device...) is sealed by the vault with
//! AES-256-GCM, bound to its kind, scope and key, before it is written.
//! Lookup keys and the numbers searched by stay plain. Without an unlocked
//! vault the store cannot be built: there is no plaintext fallback.
//!
//! [`wipe`] removes every row (secure_delete overwrites the freed pages, and
//! the WAL is checkpointed and truncated) when the link ends.

use crate::store::{Store, StoreError};
use crate::vault::Vault;
use std::sync::Arc;
use whatsapp_rust::async_trait;
use whatsapp_rust::bytes::Bytes;
use whatsapp_rust::wacore::appstate::hash::HashState;
use whatsapp_rust::wacore::appstate::processor::AppStateMutationMAC;
use whatsapp_rust::wacore::store::error::{Result, StoreError as WaError};
use whatsapp_rust::wacore::store::traits::{
    merge_msg_secret_expiry, merge_msg_secret_message_ts, AppStateSyncKey, AppSyncStore,
    DeviceListRecord, DeviceStore, LidPnMappingEntry, MsgSecretEntry, MsgSecretStore,
    ProtocolStore, SignalStore, TcTokenEntry,
};
use whatsapp_rust::wacore::store::Device;
use zeroize::Zeroizing;

/// The `whatsapp-rust` backend over the shop's store, sealed by its vault.
#[derive(Clone)]
pub struct SqlBackend {
    store: Store,
    vault: Vault,
}

impl std::fmt::Debug for SqlBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqlBackend(<sealed>)")
    }
}

fn db(e: impl std::error::Error + Send + Sync + 'static) -> WaError {
    WaError::Database(Box::new(e))
}

fn ser(e: impl std::error::Error + Send + Sync + 'static) -> WaError {
    WaError::Serialization(Box::new(e))
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The user part of a Signal address (`user@server`, `user:dev@server`).
fn user_of(address: &str) -> &str {
    address.split(['@', ':']).next().unwrap_or(address)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn pair_key(a: &str, b: &str) -> String {
    format!("{a}\n{b}")
}

/// One row to write.
struct Row<'a> {
    kind: &'a str,
    scope: &'a str,
    key: &'a str,
    aux: Option<&'a str>,
    n1: i64,
    n2: Option<i64>,
}

impl<'a> Row<'a> {
    fn new(kind: &'a str, key: &'a str) -> Self {
        Self {
            kind,
            scope: "",
            key,
            aux: None,
            n1: 0,
            n2: None,
        }
    }
    fn scope(mut self, scope: &'a str) -> Self {
        self.scope = scope;
        self
    }
    fn aux(mut self, aux: Option<&'a str>) -> Self {
        self.aux = aux;
        self
    }
    fn n(mut self, n1: i64, n2: Option<i64>) -> Self {
        self.n1 = n1;
        self.n2 = n2;
        self
    }
}

fn aad_row(kind: &str, scope: &str, key: &str) -> String {
    format!("{kind}|{scope}|{key}")
}

impl SqlBackend {
    /// The backend for `store`; refused while its vault is locked.
    pub fn new(store: Store) -> std::result::Result<Self, StoreError> {
        let vault = store.vault().ok_or_else(|| {
            StoreError::VaultLocked(
                "WhatsApp needs the saved secrets open to keep its keys, and they are locked. Open them in Settings → Saved secrets (enter their passphrase, or choose one), or set DUKADESK_VAULT_PASSPHRASE and start DukaDesk again.".into(),
            )
        })?;
        Ok(Self { store, vault })
    }

    fn seal(&self, kind: &str, scope: &str, key: &str, value: &[u8]) -> String {
        self.vault
            .seal("wa_keys", "sealed", &aad_row(kind, scope, key), value)
    }

    fn open(&self, kind: &str, scope: &str, key: &str, sealed: &str) -> Result<Zeroizing<Vec<u8>>> {
        self.vault
            .open("wa_keys", "sealed", &aad_row(kind, scope, key), sealed)
            .map_err(|e| WaError::Validation(e.to_string()))
    }

    async fn put_on(
        &self,
        conn: &mut sqlx::SqliteConnection,
        row: Row<'_>,
        value: &[u8],
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO wa_keys (kind, scope, key, aux, n1, n2, sealed) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (kind, scope, key) DO UPDATE SET aux = excluded.aux, n1 = excluded.n1,
               n2 = excluded.n2, sealed = excluded.sealed",
        )
        .bind(row.kind)
        .bind(row.scope)
        .bind(row.key)
        .bind(row.aux)
        .bind(row.n1)
        .bind(row.n2)
        .bind(self.seal(row.kind, row.scope, row.key, value))
        .execute(conn)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn put(&self, row: Row<'_>, value: &[u8]) -> Result<()> {
        let mut conn = self.store.writer().acquire().await.map_err(db)?;
        self.put_on(&mut conn, row, value).await
    }

    /// Several rows in one transaction.
    async fn put_many(&self, rows: Vec<(Row<'_>, &[u8])>) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut tx = self.tx().await?;
        for (row, value) in rows {
            self.put_on(&mut tx, row, value).await?;
        }
        tx.commit().await.map_err(db)
    }

    async fn tx(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.store.write_tx().await.map_err(db)
    }

    async fn get(&self, kind: &str, scope: &str, key: &str) -> Result<Option<Zeroizing<Vec<u8>>>> {
        let sealed: Option<String> = sqlx::query_scalar(
            "SELECT sealed FROM wa_keys WHERE kind = ? AND scope = ? AND key = ?",
        )
        .bind(kind)
        .bind(scope)
        .bind(key)
        .fetch_optional(self.store.pool())
        .await
        .map_err(db)?;
        sealed.map(|s| self.open(kind, scope, key, &s)).transpose()
    }

    async fn get_on(
        &self,
        conn: &mut sqlx::SqliteConnection,
        kind: &str,
        scope: &str,
        key: &str,
    ) -> Result<Option<(Zeroizing<Vec<u8>>, i64, Option<i64>)>> {
        let row: Option<(String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT sealed, n1, n2 FROM wa_keys WHERE kind = ? AND scope = ? AND key = ?",
        )
        .bind(kind)
        .bind(scope)
        .bind(key)
        .fetch_optional(conn)
        .await
        .map_err(db)?;
        row.map(|(s, n1, n2)| Ok((self.open(kind, scope, key, &s)?, n1, n2)))
            .transpose()
    }

    async fn json<T: serde::de::DeserializeOwned>(
        &self,
        kind: &str,
        scope: &str,
        key: &str,
    ) -> Result<Option<T>> {
        self.get(kind, scope, key)
            .await?
            .map(|b| serde_json::from_slice(&b).map_err(ser))
            .transpose()
    }

    async fn del(&self, kind: &str, scope: &str, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM wa_keys WHERE kind = ? AND scope = ? AND key = ?")
            .bind(kind)
            .bind(scope)
            .bind(key)
            .execute(self.store.writer())
            .await
            .map_err(db)?;
        Ok(())
    }

    /// Every (scope, key, value) of a kind (optionally one scope).
    async fn all(
        &self,
        kind: &str,
        scope: Option<&str>,
    ) -> Result<Vec<(String, String, Zeroizing<Vec<u8>>)>> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT scope, key, sealed FROM wa_keys WHERE kind = ? AND (? IS NULL OR scope = ?)",
        )
        .bind(kind)
        .bind(scope)
        .bind(scope)
        .fetch_all(self.store.pool())
        .await
        .map_err(db)?;
        rows.into_iter()
            .map(|(s, k, v)| {
                let open = self.open(kind, &s, &k, &v)?;
                Ok((s, k, open))
            })
            .collect()
    }

    async fn delete_where(&self, sql: &str, binds: &[i64]) -> Result<u32> {
        let mut q = sqlx::query(sql);
        for b in binds {
            q = q.bind(*b);
        }
        let n = q
            .execute(self.store.writer())
            .await
            .map_err(db)?
            .rows_affected();
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }
}

/// Forgets the linked device: every key row and the device, in one
/// transaction; then the WAL is checkpointed and truncated so no copy of a
/// freed page stays in it.
pub async fn wipe(store: &Store) -> std::result::Result<(), StoreError> {
    let mut tx = store.write_tx().await?;
    sqlx::query("DELETE FROM wa_keys").execute(&mut *tx).await?;
    sqlx::query("DELETE FROM wa_device")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(store.writer())
        .await?;
    Ok(())
}

/// Whether a device is stored (a link to resume).
pub async fn has_device(store: &Store) -> std::result::Result<bool, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM wa_device")
            .fetch_one(store.pool())
            .await?
            > 0,
    )
}

#[async_trait]
impl SignalStore for SqlBackend {
    async fn put_identity(&self, address: &str, key: [u8; 32]) -> Result<()> {
        self.put(
            Row::new("identity", address).aux(Some(user_of(address))),
            &key,
        )
        .await
    }

    async fn put_identities_batch(&self, identities: &[(Arc<str>, [u8; 32])]) -> Result<()> {
        self.put_many(
            identities
                .iter()
                .map(|(a, k)| (Row::new("identity", a).aux(Some(user_of(a))), k.as_slice()))
                .collect(),
        )
        .await
    }

    async fn load_identity(&self, address: &str) -> Result<Option<[u8; 32]>> {
        Ok(self
            .get("identity", "", address)
            .await?
            .and_then(|v| <[u8; 32]>::try_from(v.as_slice()).ok()))
    }

    async fn delete_identity(&self, address: &str) -> Result<()> {
        self.del("identity", "", address).await
    }

    async fn get_session(&self, address: &str) -> Result<Option<Bytes>> {
        Ok(self
            .get("session", "", address)
            .await?
            .map(|v| Bytes::copy_from_slice(&v)))
    }

    async fn put_session(&self, address: &str, session: &[u8]) -> Result<()> {
        self.put(
            Row::new("session", address).aux(Some(user_of(address))),
            session,
        )
        .await
    }

    async fn put_sessions_batch(&self, sessions: &[(Arc<str>, Bytes)]) -> Result<()> {
        self.put_many(
            sessions
                .iter()
                .map(|(a, s)| (Row::new("session", a).aux(Some(user_of(a))), s.as_ref()))
                .collect(),
        )
        .await
    }

    async fn delete_session(&self, address: &str) -> Result<()> {
        self.del("session", "", address).await
    }

    async fn has_signal_state_for_user(&self, user: &str) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM wa_keys WHERE kind IN ('identity', 'session') AND aux = ?",
        )
        .bind(user)
        .fetch_one(self.store.pool())
        .await
        .map_err(db)?;
        Ok(n > 0)
    }

    async fn store_prekey(&self, id: u32, record: &[u8], uploaded: bool) -> Result<()> {
        let key = id.to_string();
        self.put(
            Row::new("prekey", &key).n(i64::from(id), Some(i64::from(uploaded))),
            record,
        )
        .await
    }

    async fn store_prekeys_batch(&self, keys: &[(u32, Bytes)], uploaded: bool) -> Result<()> {
        let names: Vec<String> = keys.iter().map(|(id, _)| id.to_string()).collect();
        self.put_many(
            keys.iter()
                .zip(&names)
                .map(|((id, rec), name)| {
                    (
                        Row::new("prekey", name).n(i64::from(*id), Some(i64::from(uploaded))),
                        rec.as_ref(),
                    )
                })
                .collect(),
        )
        .await
    }

    async fn load_prekey(&self, id: u32) -> Result<Option<Bytes>> {
        Ok(self
            .get("prekey", "", &id.to_string())
            .await?
            .map(|v| Bytes::copy_from_slice(&v)))
    }

    async fn mark_prekeys_uploaded(&self, ids: &[u32]) -> Result<()> {
        let mut tx = self.tx().await?;
        for id in ids {
            // UPDATE only: a key used up meanwhile stays deleted.
            sqlx::query(
                "UPDATE wa_keys SET n2 = 1 WHERE kind = 'prekey' AND scope = '' AND key = ?",
            )
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn remove_prekey(&self, id: u32) -> Result<()> {
        self.del("prekey", "", &id.to_string()).await
    }

    async fn get_max_prekey_id(&self) -> Result<u32> {
        let max: Option<i64> =
            sqlx::query_scalar("SELECT MAX(n1) FROM wa_keys WHERE kind = 'prekey'")
                .fetch_one(self.store.pool())
                .await
                .map_err(db)?;
        Ok(max.and_then(|m| u32::try_from(m).ok()).unwrap_or(0))
    }

    async fn store_signed_prekey(&self, id: u32, record: &[u8]) -> Result<()> {
        let key = id.to_string();
        self.put(
            Row::new("signed_prekey", &key).n(i64::from(id), None),
            record,
        )
        .await
    }

    async fn load_signed_prekey(&self, id: u32) -> Result<Option<Vec<u8>>> {
        Ok(self
            .get("signed_prekey", "", &id.to_string())
            .await?
            .map(|v| v.to_vec()))
    }

    async fn load_all_signed_prekeys(&self) -> Result<Vec<(u32, Vec<u8>)>> {
        Ok(self
            .all("signed_prekey", None)
            .await?
            .into_iter()
            .filter_map(|(_, k, v)| k.parse().ok().map(|id| (id, v.to_vec())))
            .collect())
    }

    async fn remove_signed_prekey(&self, id: u32) -> Result<()> {
        self.del("signed_prekey", "", &id.to_string()).await
    }

    async fn put_sender_key(&self, address: &str, record: &[u8]) -> Result<()> {
        self.put(Row::new("sender_key", address), record).await
    }

    async fn put_sender_keys_batch(&self, sender_keys: &[(Arc<str>, Bytes)]) -> Result<()> {
        self.put_many(
            sender_keys
                .iter()
                .map(|(a, r)| (Row::new("sender_key", a), r.as_ref()))
                .collect(),
        )
        .await
    }

    async fn get_sender_key(&self, address: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .get("sender_key", "", address)
            .await?
            .map(|v| v.to_vec()))
    }

    async fn delete_sender_key(&self, address: &str) -> Result<()> {
        self.del("sender_key", "", address).await
    }
}

#[async_trait]
impl AppSyncStore for SqlBackend {
    async fn get_sync_key(&self, key_id: &[u8]) -> Result<Option<AppStateSyncKey>> {
        self.json("sync_key", "", &hex(key_id)).await
    }

    async fn set_sync_key(&self, key_id: &[u8], key: AppStateSyncKey) -> Result<()> {
        let name = hex(key_id);
        let value = Zeroizing::new(serde_json::to_vec(&key).map_err(ser)?);
        self.put_many(vec![
            (Row::new("sync_key", &name), value.as_slice()),
            (Row::new("sync_key_latest", ""), key_id),
        ])
        .await
    }

    async fn get_version(&self, name: &str) -> Result<HashState> {
        Ok(self.json("version", "", name).await?.unwrap_or_default())
    }

    async fn set_version(&self, name: &str, state: HashState) -> Result<()> {
        let value = serde_json::to_vec(&state).map_err(ser)?;
        self.put(Row::new("version", name), &value).await
    }

    async fn put_mutation_macs(
        &self,
        name: &str,
        version: u64,
        mutations: &[AppStateMutationMAC],
    ) -> Result<()> {
        let keys: Vec<String> = mutations.iter().map(|m| hex(&m.index_mac)).collect();
        let version = i64::try_from(version).unwrap_or(i64::MAX);
        self.put_many(
            mutations
                .iter()
                .zip(&keys)
                .map(|(m, k)| {
                    (
                        Row::new("mutation_mac", k).scope(name).n(version, None),
                        m.value_mac.as_slice(),
                    )
                })
                .collect(),
        )
        .await
    }

    async fn get_mutation_mac(&self, name: &str, index_mac: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self
            .get("mutation_mac", name, &hex(index_mac))
            .await?
            .map(|v| v.to_vec()))
    }

    async fn delete_mutation_macs(&self, name: &str, index_macs: &[Vec<u8>]) -> Result<()> {
        let mut tx = self.tx().await?;
        for im in index_macs {
            sqlx::query(
                "DELETE FROM wa_keys WHERE kind = 'mutation_mac' AND scope = ? AND key = ?",
            )
            .bind(name)
            .bind(hex(im))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn clear_mutation_macs(&self, name: &str) -> Result<()> {
        sqlx::query("DELETE FROM wa_keys WHERE kind = 'mutation_mac' AND scope = ?")
            .bind(name)
            .execute(self.store.writer())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn get_latest_sync_key_id(&self) -> Result<Option<Vec<u8>>> {
        Ok(self
            .get("sync_key_latest", "", "")
            .await?
            .map(|v| v.to_vec()))
    }
}

#[async_trait]
impl ProtocolStore for SqlBackend {
    async fn get_sender_key_devices(&self, group_jid: &str) -> Result<Vec<(String, bool)>> {
        Ok(self
            .all("skd", Some(group_jid))
            .await?
            .into_iter()
            .map(|(_, k, v)| (k, v.first() == Some(&1)))
            .collect())
    }

    async fn set_sender_key_status(&self, group_jid: &str, entries: &[(&str, bool)]) -> Result<()> {
        self.put_many(
            entries
                .iter()
                .map(|(device, has)| {
                    let v: &[u8] = if *has { &[1] } else { &[0] };
                    (Row::new("skd", device).scope(group_jid), v)
                })
                .collect(),
        )
        .await
    }

    async fn clear_sender_key_devices(&self, group_jid: &str) -> Result<()> {
        sqlx::query("DELETE FROM wa_keys WHERE kind = 'skd' AND scope = ?")
            .bind(group_jid)
            .execute(self.store.writer())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn delete_sender_key_device_rows(&self, device_jids: &[&str]) -> Result<()> {
        let mut tx = self.tx().await?;
        for d in device_jids {
            sqlx::query("DELETE FROM wa_keys WHERE kind = 'skd' AND key = ?")
                .bind(*d)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn clear_all_sender_key_devices(&self) -> Result<()> {
        self.delete_where("DELETE FROM wa_keys WHERE kind = 'skd'", &[])
            .await
            .map(|_| ())
    }

    async fn get_lid_mapping(&self, lid: &str) -> Result<Option<LidPnMappingEntry>> {
        self.json("lid", "", lid).await
    }

    async fn get_pn_mapping(&self, phone: &str) -> Result<Option<LidPnMappingEntry>> {
        let key: Option<String> = sqlx::query_scalar(
            "SELECT key FROM wa_keys WHERE kind = 'lid' AND aux = ? ORDER BY n1 DESC LIMIT 1",
        )
        .bind(phone)
        .fetch_optional(self.store.pool())
        .await
        .map_err(db)?;
        match key {
            Some(lid) => self.json("lid", "", &lid).await,
            None => Ok(None),
        }
    }

    async fn put_lid_mapping(&self, entry: &LidPnMappingEntry) -> Result<()> {
        self.put_lid_mappings(std::slice::from_ref(entry)).await
    }

    async fn put_lid_mappings(&self, entries: &[LidPnMappingEntry]) -> Result<()> {
        let values: Vec<Vec<u8>> = entries
            .iter()
            .map(|e| serde_json::to_vec(e).map_err(ser))
            .collect::<Result<_>>()?;
        self.put_many(
            entries
                .iter()
                .zip(&values)
                .map(|(e, v)| {
                    (
                        Row::new("lid", &e.lid)
                            .aux(Some(&e.phone_number))
                            .n(e.updated_at, None),
                        v.as_slice(),
                    )
                })
                .collect(),
        )
        .await
    }

    async fn get_all_lid_mappings(&self) -> Result<Vec<LidPnMappingEntry>> {
        self.all("lid", None)
            .await?
            .into_iter()
            .map(|(_, _, v)| serde_json::from_slice(&v).map_err(ser))
            .collect()
    }

    async fn save_base_key(&self, address: &str, message_id: &str, base_key: &[u8]) -> Result<()> {
        self.put(Row::new("base_key", message_id).scope(address), base_key)
            .await
    }

    async fn has_same_base_key(
        &self,
        address: &str,
        message_id: &str,
        current_base_key: &[u8],
    ) -> Result<bool> {
        Ok(self
            .get("base_key", address, message_id)
            .await?
            .is_some_and(|stored| stored.as_slice() == current_base_key))
    }

    async fn delete_base_key(&self, address: &str, message_id: &str) -> Result<()> {
        self.del("base_key", address, message_id).await
    }

    async fn update_device_list(&self, record: DeviceListRecord) -> Result<()> {
        self.update_device_lists(vec![record]).await
    }

    async fn update_device_lists(&self, records: Vec<DeviceListRecord>) -> Result<()> {
        let values: Vec<Vec<u8>> = records
            .iter()
            .map(|r| serde_json::to_vec(r).map_err(ser))
            .collect::<Result<_>>()?;
        self.put_many(
            records
                .iter()
                .zip(&values)
                .map(|(r, v)| (Row::new("devices", &r.user), v.as_slice()))
                .collect(),
        )
        .await
    }

    async fn get_devices(&self, user: &str) -> Result<Option<DeviceListRecord>> {
        self.json("devices", "", user).await
    }

    async fn delete_devices(&self, user: &str) -> Result<()> {
        self.del("devices", "", user).await
    }

    async fn get_group_metadata(&self, group_jid: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .get("group_meta", "", group_jid)
            .await?
            .map(|v| v.to_vec()))
    }

    async fn put_group_metadata(&self, group_jid: &str, blob: &[u8]) -> Result<()> {
        self.put(Row::new("group_meta", group_jid), blob).await
    }

    async fn delete_group_metadata(&self, group_jid: &str) -> Result<()> {
        self.del("group_meta", "", group_jid).await
    }

    async fn get_tc_token(&self, jid: &str) -> Result<Option<TcTokenEntry>> {
        self.json("tc", "", jid).await
    }

    async fn put_tc_token(&self, jid: &str, entry: &TcTokenEntry) -> Result<()> {
        let mut conn = self.store.writer().acquire().await.map_err(db)?;
        self.put_tc_on(&mut conn, jid, entry).await
    }

    async fn delete_tc_token(&self, jid: &str) -> Result<()> {
        self.del("tc", "", jid).await
    }

    async fn get_all_tc_token_jids(&self) -> Result<Vec<String>> {
        sqlx::query_scalar("SELECT key FROM wa_keys WHERE kind = 'tc'")
            .fetch_all(self.store.pool())
            .await
            .map_err(db)
    }

    async fn delete_expired_tc_tokens(&self, token_cutoff: i64, sender_cutoff: i64) -> Result<u32> {
        // Kept while either the received token or the sender bucket is live.
        self.delete_where(
            "DELETE FROM wa_keys WHERE kind = 'tc'
               AND NOT ((aux IS NOT NULL AND n1 >= ?) OR (n2 IS NOT NULL AND n2 >= ?))",
            &[token_cutoff, sender_cutoff],
        )
        .await
    }

    async fn touch_tc_token_sender_timestamp(
        &self,
        jid: &str,
        sender_timestamp: i64,
    ) -> Result<()> {
        // Read and write under one write transaction: atomic against
        // `store_received_tc_token`.
        let mut tx = self.tx().await?;
        let existing = self.tc_on(&mut tx, jid).await?;
        let entry = match existing {
            Some(e) => TcTokenEntry {
                sender_timestamp: Some(
                    e.sender_timestamp
                        .map_or(sender_timestamp, |s| s.max(sender_timestamp)),
                ),
                ..e
            },
            None => TcTokenEntry {
                token: Vec::new(),
                token_timestamp: sender_timestamp,
                sender_timestamp: Some(sender_timestamp),
            },
        };
        self.put_tc_on(&mut tx, jid, &entry).await?;
        tx.commit().await.map_err(db)
    }

    async fn store_received_tc_token(
        &self,
        jid: &str,
        token: &[u8],
        token_timestamp: i64,
    ) -> Result<()> {
        let mut tx = self.tx().await?;
        let existing = self.tc_on(&mut tx, jid).await?;
        if let Some(e) = &existing {
            if !e.token.is_empty() && token_timestamp < e.token_timestamp {
                return Ok(());
            }
        }
        let entry = TcTokenEntry {
            token: token.to_vec(),
            token_timestamp,
            sender_timestamp: existing.and_then(|e| e.sender_timestamp),
        };
        self.put_tc_on(&mut tx, jid, &entry).await?;
        tx.commit().await.map_err(db)
    }

    async fn store_sent_message(
        &self,
        chat_jid: &str,
        message_id: &str,
        payload: &[u8],
    ) -> Result<()> {
        self.put(
            Row::new("sent", message_id)
                .scope(chat_jid)
                .n(now_secs(), None),
            payload,
        )
        .await
    }

    async fn take_sent_message(&self, chat_jid: &str, message_id: &str) -> Result<Option<Vec<u8>>> {
        let mut tx = self.tx().await?;
        let found = self.get_on(&mut tx, "sent", chat_jid, message_id).await?;
        sqlx::query("DELETE FROM wa_keys WHERE kind = 'sent' AND scope = ? AND key = ?")
            .bind(chat_jid)
            .bind(message_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(found.map(|(v, _, _)| v.to_vec()))
    }

    async fn delete_expired_sent_messages(&self, cutoff_timestamp: i64) -> Result<u32> {
        self.delete_where(
            "DELETE FROM wa_keys WHERE kind = 'sent' AND n1 < ?",
            &[cutoff_timestamp],
        )
        .await
    }

    async fn store_pending_inbound(
        &self,
        chat: &str,
        sender: &str,
        id: &str,
        message: &[u8],
    ) -> Result<()> {
        let key = pair_key(sender, id);
        self.put(
            Row::new("pending_in", &key).scope(chat).n(now_secs(), None),
            message,
        )
        .await
    }

    async fn get_pending_inbound(
        &self,
        chat: &str,
        sender: &str,
        id: &str,
    ) -> Result<Option<Vec<u8>>> {
        Ok(self
            .get("pending_in", chat, &pair_key(sender, id))
            .await?
            .map(|v| v.to_vec()))
    }

    async fn delete_pending_inbound(&self, chat: &str, sender: &str, id: &str) -> Result<()> {
        self.del("pending_in", chat, &pair_key(sender, id)).await
    }

    async fn delete_expired_pending_inbound(&self, cutoff_timestamp: i64) -> Result<u32> {
        self.delete_where(
            "DELETE FROM wa_keys WHERE kind = 'pending_in' AND n1 < ?",
            &[cutoff_timestamp],
        )
        .await
    }
}

impl SqlBackend {
    async fn tc_on(
        &self,
        conn: &mut sqlx::SqliteConnection,
        jid: &str,
    ) -> Result<Option<TcTokenEntry>> {
        self.get_on(conn, "tc", "", jid)
            .await?
            .map(|(v, _, _)| serde_json::from_slice(&v).map_err(ser))
            .transpose()
    }

    async fn put_tc_on(
        &self,
        conn: &mut sqlx::SqliteConnection,
        jid: &str,
        entry: &TcTokenEntry,
    ) -> Result<()> {
        let value = serde_json::to_vec(entry).map_err(ser)?;
        let has_token = (!entry.token.is_empty()).then_some("token");
        self.put_on(
            conn,
            Row::new("tc", jid)
                .aux(has_token)
                .n(entry.token_timestamp, entry.sender_timestamp),
            &value,
        )
        .await
    }
}

#[async_trait]
impl MsgSecretStore for SqlBackend {
    async fn put_msg_secrets(&self, entries: Vec<MsgSecretEntry>) -> Result<usize> {
        let count = entries.len();
        let mut tx = self.tx().await?;
        for e in &entries {
            let key = pair_key(&e.sender, &e.msg_id);
            let (expires, ts) = match self.get_on(&mut tx, "msg_secret", &e.chat, &key).await? {
                Some((_, old_exp, old_ts)) => (
                    merge_msg_secret_expiry(old_exp, e.expires_at),
                    merge_msg_secret_message_ts(old_ts.unwrap_or(0), e.message_ts),
                ),
                None => (e.expires_at, e.message_ts),
            };
            self.put_on(
                &mut tx,
                Row::new("msg_secret", &key)
                    .scope(&e.chat)
                    .n(expires, Some(ts)),
                &e.secret,
            )
            .await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(count)
    }

    async fn get_msg_secret(
        &self,
        chat: &str,
        sender: &str,
        msg_id: &str,
    ) -> Result<Option<Vec<u8>>> {
        Ok(self
            .get_msg_secret_with_ts(chat, sender, msg_id)
            .await?
            .map(|(s, _)| s))
    }

    async fn get_msg_secret_with_ts(
        &self,
        chat: &str,
        sender: &str,
        msg_id: &str,
    ) -> Result<Option<(Vec<u8>, i64)>> {
        let mut conn = self.store.pool().acquire().await.map_err(db)?;
        Ok(self
            .get_on(&mut conn, "msg_secret", chat, &pair_key(sender, msg_id))
            .await?
            .map(|(v, _, ts)| (v.to_vec(), ts.unwrap_or(0))))
    }

    async fn delete_expired_msg_secrets(&self, cutoff_timestamp: i64) -> Result<u32> {
        self.delete_where(
            "DELETE FROM wa_keys WHERE kind = 'msg_secret' AND n1 != 0 AND n1 <= ?",
            &[cutoff_timestamp],
        )
        .await
    }
}

#[async_trait]
impl DeviceStore for SqlBackend {
    async fn save(&self, device: &Device) -> Result<()> {
        let value = Zeroizing::new(serde_json::to_vec(device).map_err(ser)?);
        sqlx::query(
            "INSERT INTO wa_device (id, sealed, updated_at) VALUES (1, ?, ?)
             ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at",
        )
        .bind(self.vault.seal("wa_device", "sealed", "1", &value))
        .bind(crate::store::to_millis(self.store.now()))
        .execute(self.store.writer())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn load(&self) -> Result<Option<Device>> {
        let sealed: Option<String> =
            sqlx::query_scalar("SELECT sealed FROM wa_device WHERE id = 1")
                .fetch_optional(self.store.pool())
                .await
                .map_err(db)?;
        let Some(sealed) = sealed else {
            return Ok(None);
        };
        let plain = self
            .vault
            .open("wa_device", "sealed", "1", &sealed)
            .map_err(|e| WaError::Validation(e.to_string()))?;
        serde_json::from_slice(&plain).map(Some).map_err(ser)
    }

    async fn exists(&self) -> Result<bool> {
        has_device(&self.store).await.map_err(db)
    }

    async fn create(&self) -> Result<i32> {
        if !self.exists().await? {
            self.save(&Device::new()).await?;
        }
        // One linked device per shop file.
        Ok(1)
    }
}

#[cfg(test)]
mod tests;
