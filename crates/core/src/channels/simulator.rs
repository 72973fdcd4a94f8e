//! The in-process channel behind the test chat: it "delivers" by recording
//! what was sent, so tests can read it and the app shows it from the store.

use super::{Capabilities, Channel, ChannelFuture};
use std::sync::Mutex;

/// A channel that keeps what it sent.
#[derive(Debug, Default)]
pub struct SimulatorChannel {
    sent: Mutex<Vec<(String, String)>>,
}

impl SimulatorChannel {
    /// Everything sent so far: (address, text).
    pub fn sent(&self) -> Vec<(String, String)> {
        self.sent.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Channel for SimulatorChannel {
    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }

    fn send_text<'a>(&'a self, to: &'a str, text: &'a str) -> ChannelFuture<'a, ()> {
        Box::pin(async move {
            if let Ok(mut sent) = self.sent.lock() {
                sent.push((to.to_owned(), text.to_owned()));
            }
            Ok(())
        })
    }

    fn mark_read<'a>(&'a self, _to: &'a str) -> ChannelFuture<'a, ()> {
        Box::pin(async { Ok(()) })
    }

    fn typing<'a>(&'a self, _to: &'a str, _on: bool) -> ChannelFuture<'a, ()> {
        Box::pin(async { Ok(()) })
    }
}
