//! A loopback TCP proxy that can cut every connection through it, refuse
//! new ones, or cut after a number of bytes of replies, on demand: the
//! network dropping under a client mid-conversation, at a chosen point
//! (after the server acted on a request, before the client heard it all).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

/// A running proxy from a free loopback port to `target`.
#[derive(Debug)]
pub struct CutProxy {
    addr: SocketAddr,
    inner: Arc<Inner>,
    accept: AbortHandle,
}

#[derive(Debug)]
struct Inner {
    conns: Mutex<Vec<AbortHandle>>,
    down: AtomicBool,
    cuts: AtomicU64,
    /// Bytes of replies still let through before the connection carrying
    /// them is cut; negative: no limit.
    reply_budget: AtomicI64,
}

impl Default for Inner {
    fn default() -> Self {
        Inner {
            conns: Mutex::default(),
            down: AtomicBool::new(false),
            cuts: AtomicU64::new(0),
            reply_budget: AtomicI64::new(-1),
        }
    }
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
                let Ok((client, _)) = listener.accept().await else {
                    continue;
                };
                if task_inner.down.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let budget_inner = task_inner.clone();
                let conn = tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(target).await {
                        forward(client, server, &budget_inner).await;
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

    /// Lets `bytes` more bytes of replies through (over all connections),
    /// then cuts the connection that would carry the next one; `None`: no
    /// limit again.
    pub fn cut_replies_after(&self, bytes: Option<u64>) {
        let budget = bytes.map_or(-1, |b| i64::try_from(b).unwrap_or(i64::MAX));
        self.inner.reply_budget.store(budget, Ordering::SeqCst);
    }

    /// How many times connections were cut.
    pub fn cuts(&self) -> u64 {
        self.inner.cuts.load(Ordering::SeqCst)
    }
}

/// Copies both ways until either side closes, counting replies against the
/// budget; spending it cuts the connection (both sockets dropped).
async fn forward(client: TcpStream, server: TcpStream, inner: &Inner) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let up = tokio::io::copy(&mut client_read, &mut server_write);
    let down = async {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let n = match server_read.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            let budget = inner.reply_budget.load(Ordering::SeqCst);
            let pass = if budget < 0 {
                n
            } else {
                let pass = n.min(usize::try_from(budget).unwrap_or(usize::MAX));
                inner
                    .reply_budget
                    .fetch_sub(i64::try_from(pass).unwrap_or(i64::MAX), Ordering::SeqCst);
                pass
            };
            if client_write.write_all(&buf[..pass]).await.is_err() {
                return;
            }
            if pass < n {
                inner.cuts.fetch_add(1, Ordering::SeqCst);
                return;
            }
        }
    };
    tokio::select! {
        _ = up => {}
        _ = down => {}
    }
}

impl Drop for CutProxy {
    fn drop(&mut self) {
        self.accept.abort();
        self.cut();
    }
}
