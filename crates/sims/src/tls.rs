//! A TLS front on a loopback port: terminates TLS with a self-signed
//! certificate (`tls/`, made for tests only) and forwards the plain bytes
//! to a target, as the reverse proxy in front of a shop's own server does.
//! [`Cert::Other`] plays someone between the till and the server showing a
//! certificate of their own.

use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// Which certificate the front shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cert {
    /// The shop's server's own.
    Server,
    /// Another one, with the same names.
    Other,
}

impl Cert {
    /// The certificate's DER bytes.
    pub fn der(self) -> &'static [u8] {
        match self {
            Cert::Server => include_bytes!("../tls/server.der"),
            Cert::Other => include_bytes!("../tls/other.der"),
        }
    }

    fn key(self) -> &'static [u8] {
        match self {
            Cert::Server => include_bytes!("../tls/server.key.der"),
            Cert::Other => include_bytes!("../tls/other.key.der"),
        }
    }
}

/// A running TLS front; stops when dropped.
#[derive(Debug)]
pub struct TlsFront {
    addr: SocketAddr,
    accept: AbortHandle,
}

impl TlsFront {
    /// Starts terminating TLS with `cert` and forwarding to `target`.
    pub async fn start(target: SocketAddr, cert: Cert) -> std::io::Result<Self> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .and_then(|b| {
                b.with_no_client_auth().with_single_cert(
                    vec![CertificateDer::from(cert.der())],
                    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key())),
                )
            })
            .map_err(std::io::Error::other)?;
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let accept = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    // A client that refuses the certificate ends the
                    // handshake: nothing to forward.
                    let Ok(mut tls) = acceptor.accept(client).await else {
                        return;
                    };
                    if let Ok(mut server) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut tls, &mut server).await;
                    }
                });
            }
        })
        .abort_handle();
        Ok(TlsFront { addr, accept })
    }

    /// Where clients connect (`https://` this).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for TlsFront {
    fn drop(&mut self) {
        self.accept.abort();
    }
}
