//! The real session: `whatsapp-rust` (pinned `=0.7.0`) with its Tokio
//! WebSocket transport, ureq for media and version lookups, and
//! [`SqlBackend`] as its store. Started only when the merchant links (or,
//! once linked, when the app starts): nothing contacts WhatsApp before.
//!
//! Every inbound batch is journalled by the crate's durability hook before
//! the crate acknowledges it to WhatsApp, so a crash between receipt and
//! handling loses nothing; the same batch then arrives as an event, which
//! [`super::link`] handles from the journal.

use super::session_store::{has_device, wipe, SqlBackend};
use super::translate;
use super::{
    async_trait, jid_user_phone, Document, Image, LinkMethod, SessionError, WaEvent,
    WhatsAppSession,
};
use crate::store::Store;
use std::sync::Arc;
use tokio::sync::mpsc;
use whatsapp_rust::download::MediaType;
use whatsapp_rust::pair_code::PairCodeOptions;
use whatsapp_rust::prelude::{
    wa, Bot, BotHandle, Client, Event, EventDelivery, InboundMessage, Jid, MessageField,
};
use whatsapp_rust::upload::{UploadOptions, UploadResponse};
use whatsapp_rust::InboundDurabilityHook;

/// Journals each inbound batch before WhatsApp is told it arrived.
struct JournalHook {
    store: Store,
}

#[async_trait]
impl InboundDurabilityHook for JournalHook {
    async fn on_messages(
        &self,
        _client: Arc<Client>,
        batch: &[InboundMessage],
    ) -> whatsapp_rust::anyhow::Result<()> {
        let messages: Vec<_> = batch
            .iter()
            .map(|m| translate::inbound(&m.message, &m.info))
            .collect();
        self.store
            .journal_whatsapp(&messages)
            .await
            .map(|_| ())
            .map_err(|e| whatsapp_rust::anyhow::anyhow!("journal: {e}"))
    }
}

/// The running crate client.
#[derive(Default)]
struct Running {
    handle: Option<BotHandle>,
    client: Option<Arc<Client>>,
}

/// A linked-device session over WhatsApp's servers.
pub struct RealSession {
    store: Store,
    running: tokio::sync::Mutex<Running>,
}

impl std::fmt::Debug for RealSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RealSession")
    }
}

impl RealSession {
    /// Uploads a file to WhatsApp's media servers, then sends the message
    /// `message` makes of the upload (a document or an image pointing at
    /// it).
    async fn upload_and_send(
        &self,
        to: &str,
        bytes: Vec<u8>,
        kind: MediaType,
        message: impl FnOnce(UploadResponse) -> wa::Message,
    ) -> Result<String, SessionError> {
        let client = self.client().await?;
        let up = client
            .upload(bytes, kind, UploadOptions::default())
            .await
            .map_err(failed)?;
        let sent = client
            .send_message(jid(to)?, message(up))
            .await
            .map_err(failed)?;
        Ok(sent.message_id.to_string())
    }

    /// A session keeping its keys in `store` (whose vault must be unlocked).
    pub fn new(store: Store) -> Self {
        Self {
            store,
            running: tokio::sync::Mutex::default(),
        }
    }

    async fn client(&self) -> Result<Arc<Client>, SessionError> {
        self.running
            .lock()
            .await
            .client
            .clone()
            .ok_or(SessionError::NotConnected)
    }
}

fn jid(s: &str) -> Result<Jid, SessionError> {
    s.parse::<Jid>()
        .map_err(|_| SessionError::Failed("not a WhatsApp id".into()))
}

fn failed(e: impl std::fmt::Display) -> SessionError {
    SessionError::Failed(e.to_string().chars().take(300).collect())
}

/// Fills in the phone number of hidden (`@lid`) senders the crate has a
/// mapping for.
async fn resolve_senders(client: &Client, event: &mut WaEvent) {
    let WaEvent::Messages { messages, .. } = event else {
        return;
    };
    for m in messages.iter_mut().filter(|m| m.sender_phone.is_none()) {
        let Ok(sender) = m.sender.parse::<Jid>() else {
            continue;
        };
        if let Ok(Some(entry)) = client.get_lid_pn_entry(&sender).await {
            let phone = entry.phone_number.to_string();
            if jid_user_phone(&format!("{phone}@s.whatsapp.net")).is_some() {
                m.sender_phone = Some(phone);
            }
        }
    }
}

#[async_trait]
impl WhatsAppSession for RealSession {
    async fn connect(&self, how: LinkMethod) -> Result<mpsc::Receiver<WaEvent>, SessionError> {
        self.shutdown().await;
        let linked = has_device(&self.store).await.map_err(failed)?;
        match &how {
            LinkMethod::Resume if !linked => {
                return Err(SessionError::Failed("no WhatsApp is linked".into()))
            }
            LinkMethod::Resume => {}
            // A new link starts from new keys.
            LinkMethod::Qr | LinkMethod::PhoneNumber(_) => {
                wipe(&self.store).await.map_err(failed)?;
            }
        }
        let backend =
            SqlBackend::new(self.store.clone()).map_err(|e| SessionError::Locked(e.to_string()))?;
        let (tx, rx) = mpsc::channel(4096);
        let mut builder = Bot::builder()
            .with_backend(backend)
            .with_inbound_durability_hook(JournalHook {
                store: self.store.clone(),
            })
            .with_event_delivery(EventDelivery::Ordered { capacity: 4096 })
            .skip_history_sync()
            .with_push_name("DukaDesk")
            .on_event(move |event: Arc<Event>, client: Arc<Client>| {
                let tx = tx.clone();
                async move {
                    let Some(mut ours) = translate::event(&event) else {
                        return;
                    };
                    resolve_senders(&client, &mut ours).await;
                    // The link stopped listening: nothing to deliver to.
                    let _ = tx.send(ours).await;
                }
            });
        if let LinkMethod::PhoneNumber(phone) = &how {
            builder = builder.with_pair_code(PairCodeOptions {
                phone_number: phone.clone(),
                ..Default::default()
            });
        }
        let bot = builder.build().await.map_err(failed)?;
        let client = bot.client();
        let handle = bot.spawn();
        let mut running = self.running.lock().await;
        running.client = Some(client);
        running.handle = Some(handle);
        Ok(rx)
    }

    async fn send_text(&self, to: &str, text: &str) -> Result<String, SessionError> {
        let client = self.client().await?;
        let sent = client.send_text(jid(to)?, text).await.map_err(failed)?;
        Ok(sent.message_id.to_string())
    }

    async fn send_document(&self, to: &str, doc: &Document) -> Result<String, SessionError> {
        self.upload_and_send(to, doc.bytes.clone(), MediaType::Document, |up| {
            wa::Message {
                document_message: MessageField::some(wa::message::DocumentMessage {
                    url: Some(up.url),
                    direct_path: Some(up.direct_path),
                    media_key: Some(up.media_key.to_vec()),
                    file_enc_sha256: Some(up.file_enc_sha256.to_vec()),
                    file_sha256: Some(up.file_sha256.to_vec()),
                    file_length: Some(up.file_length),
                    media_key_timestamp: Some(up.media_key_timestamp),
                    mimetype: Some(doc.mime.clone()),
                    file_name: Some(doc.file_name.clone()),
                    title: Some(doc.file_name.clone()),
                    caption: (!doc.caption.is_empty()).then(|| doc.caption.clone()),
                    ..Default::default()
                }),
                ..Default::default()
            }
        })
        .await
    }

    async fn send_image(&self, to: &str, image: &Image) -> Result<String, SessionError> {
        self.upload_and_send(to, image.bytes.clone(), MediaType::Image, |up| {
            wa::Message {
                image_message: MessageField::some(wa::message::ImageMessage {
                    url: Some(up.url),
                    direct_path: Some(up.direct_path),
                    media_key: Some(up.media_key.to_vec()),
                    file_enc_sha256: Some(up.file_enc_sha256.to_vec()),
                    file_sha256: Some(up.file_sha256.to_vec()),
                    file_length: Some(up.file_length),
                    media_key_timestamp: Some(up.media_key_timestamp),
                    mimetype: Some("image/jpeg".into()),
                    width: (image.width > 0).then_some(image.width),
                    height: (image.height > 0).then_some(image.height),
                    caption: (!image.caption.is_empty()).then(|| image.caption.clone()),
                    ..Default::default()
                }),
                ..Default::default()
            }
        })
        .await
    }

    async fn mark_read(&self, chat: &str, ids: &[String]) -> Result<(), SessionError> {
        let client = self.client().await?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        client
            .mark_as_read(&jid(chat)?, None, &ids)
            .await
            .map_err(failed)
    }

    async fn typing(&self, chat: &str, on: bool) -> Result<(), SessionError> {
        let client = self.client().await?;
        let to = jid(chat)?;
        let state = client.chatstate();
        if on {
            state.send_composing(&to).await.map_err(failed)
        } else {
            state.send_paused(&to).await.map_err(failed)
        }
    }

    async fn logout(&self) -> Result<(), SessionError> {
        let running = std::mem::take(&mut *self.running.lock().await);
        // The crate sends the "remove companion device" request only while
        // connected, and does not say whether it went out.
        let told = match running.client {
            Some(client) => {
                let connected = client.is_connected();
                client.logout().await;
                connected
            }
            None => false,
        };
        if let Some(handle) = running.handle {
            handle.shutdown().await;
        }
        if told {
            Ok(())
        } else {
            Err(SessionError::NotConnected)
        }
    }

    async fn shutdown(&self) {
        let running = std::mem::take(&mut *self.running.lock().await);
        if let Some(handle) = running.handle {
            handle.shutdown().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::unlocked_store;

    // Linking needs WhatsApp's servers, which tests cannot reach; what the
    // session decides before any network is tested here.

    #[tokio::test]
    async fn nothing_to_resume_when_nothing_was_linked() {
        let (_dir, store) = unlocked_store().await;
        let session = RealSession::new(store);
        let err = session
            .connect(LinkMethod::Resume)
            .await
            .expect_err("no device");
        assert!(err.to_string().contains("no WhatsApp is linked"), "{err}");
        assert!(matches!(
            session.send_text("254712345678@s.whatsapp.net", "hi").await,
            Err(SessionError::NotConnected)
        ));
    }

    #[tokio::test]
    async fn a_locked_vault_refuses_to_link() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(&dir.path().join("dukadesk.db"))
            .await
            .expect("store");
        let session = RealSession::new(store);
        let err = session.connect(LinkMethod::Qr).await.expect_err("locked");
        assert!(matches!(err, SessionError::Locked(_)), "{err:?}");
    }
}
