//! A loopback ESC/POS network printer (the "raw" port 9100 protocol): it
//! accepts a connection, answers the paper-sensor status request
//! (`DLE EOT 4`) the way a real printer does, and keeps the bytes of each
//! job (one connection is one job). Tests can take its paper away, make it
//! silent about status (as many cheap printers are), or have it drop the
//! connection part-way through a job.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::AbortHandle;

/// The paper-sensor status request: `DLE EOT 4`.
pub const PAPER_STATUS: [u8; 3] = [0x10, 0x04, 0x04];
/// Status byte: paper present (fixed bits 1 and 4 set).
pub const PAPER_OK: u8 = 0x12;
/// Status byte: paper end detected (bits 5 and 6 also set).
pub const PAPER_OUT: u8 = 0x72;

/// A running printer on a free loopback port.
#[derive(Debug)]
pub struct LoopbackPrinter {
    addr: SocketAddr,
    inner: Arc<Inner>,
    accept: AbortHandle,
}

#[derive(Debug, Default)]
struct Inner {
    jobs: Mutex<Vec<Vec<u8>>>,
    paper_out: AtomicBool,
    silent: AtomicBool,
    /// Drop the connection after this many bytes of a job (0: never).
    cut_after: AtomicUsize,
    changed: Notify,
}

impl LoopbackPrinter {
    /// Starts the printer.
    pub async fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let inner = Arc::new(Inner::default());
        let task_inner = inner.clone();
        let accept = tokio::spawn(async move {
            loop {
                let Ok((conn, _)) = listener.accept().await else {
                    continue;
                };
                tokio::spawn(job(conn, task_inner.clone()));
            }
        })
        .abort_handle();
        Ok(Self {
            addr,
            inner,
            accept,
        })
    }

    /// Where the till connects (`127.0.0.1:port`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Takes the paper out (or puts a roll back in).
    pub fn set_paper_out(&self, out: bool) {
        self.inner.paper_out.store(out, Ordering::SeqCst);
    }

    /// Stops answering status requests (the job is still printed).
    pub fn set_silent(&self, silent: bool) {
        self.inner.silent.store(silent, Ordering::SeqCst);
    }

    /// Drops the next jobs' connections after `bytes` bytes (0: never).
    pub fn cut_after(&self, bytes: usize) {
        self.inner.cut_after.store(bytes, Ordering::SeqCst);
    }

    /// The jobs printed in full so far, oldest first (status requests
    /// taken out).
    pub fn jobs(&self) -> Vec<Vec<u8>> {
        self.inner
            .jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits until at least `n` jobs are printed and returns them.
    pub async fn wait_for_jobs(&self, n: usize) -> Vec<Vec<u8>> {
        loop {
            let changed = self.inner.changed.notified();
            let jobs = self.jobs();
            if jobs.len() >= n {
                return jobs;
            }
            changed.await;
        }
    }
}

impl Drop for LoopbackPrinter {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn job(mut conn: tokio::net::TcpStream, inner: Arc<Inner>) {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = match conn.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        data.extend_from_slice(&buf[..n]);
        // Real-time status requests are answered as they arrive and are
        // not part of what is printed.
        while let Some(at) = data
            .windows(PAPER_STATUS.len())
            .position(|w| w == PAPER_STATUS)
        {
            data.drain(at..at + PAPER_STATUS.len());
            if !inner.silent.load(Ordering::SeqCst) {
                let status = if inner.paper_out.load(Ordering::SeqCst) {
                    PAPER_OUT
                } else {
                    PAPER_OK
                };
                if conn.write_all(&[status]).await.is_err() {
                    return;
                }
            }
        }
        let cut = inner.cut_after.load(Ordering::SeqCst);
        if cut > 0 && data.len() >= cut {
            // Gone part-way: nothing of this job counts as printed.
            return;
        }
    }
    if data.is_empty() || inner.paper_out.load(Ordering::SeqCst) {
        return;
    }
    inner
        .jobs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(data);
    inner.changed.notify_waiters();
}
