//! A loopback TCP proxy that can cut every connection through it, or refuse
//! new ones, on demand: the network dropping under a client mid-conversation.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

/// A running proxy from a free loopback port to `target`.
#[derive(Debug)]
pub struct CutProxy {
    addr: SocketAddr,
    inner: Arc<Inner>,
    accept: AbortHandle,
}

#[derive(Debug, Default)]
struct Inner {
    conns: Mutex<Vec<AbortHandle>>,
    down: AtomicBool,
    cuts: AtomicU64,
}

impl CutProxy {
    /// Starts forwarding to `target`.
    pub async fn start(target: SocketAddr) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let inner = Arc::new(Inner::default());
        let task_inner = inner.clone();
        let accept = tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    continue;
                };
                if task_inner.down.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let conn = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                let mut conns = task_inner.conns.lock().unwrap_or_else(|e| e.into_inner());
                conns.retain(|c| !c.is_finished());
                conns.push(conn.abort_handle());
            }
        })
        .abort_handle();
        Ok(CutProxy {
            addr,
            inner,
            accept,
        })
    }

    /// Where clients connect.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Drops every open connection at once (both sides see the socket close).
    pub fn cut(&self) {
        let conns: Vec<AbortHandle> =
            std::mem::take(&mut *self.inner.conns.lock().unwrap_or_else(|e| e.into_inner()));
        for c in conns {
            c.abort();
        }
        self.inner.cuts.fetch_add(1, Ordering::SeqCst);
    }

    /// While down, new connections are closed as soon as they are accepted.
    pub fn set_down(&self, down: bool) {
        self.inner.down.store(down, Ordering::SeqCst);
        if down {
            self.cut();
        }
    }

    /// How many times connections were cut.
    pub fn cuts(&self) -> u64 {
        self.inner.cuts.load(Ordering::SeqCst)
    }
}

impl Drop for CutProxy {
    fn drop(&mut self) {
        self.accept.abort();
        self.cut();
    }
}
