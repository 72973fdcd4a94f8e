//! HTTPS clients: every outgoing call (M-Pesa, the sync server, the updater)
//! uses rustls with one crypto provider, `ring`, chosen here for the whole
//! process. `ring` builds with a plain C compiler for every target we ship
//! (Linux, Windows through MinGW-w64, macOS); `aws-lc-rs` would need CMake
//! and NASM for the Windows cross-build and doubles the cold build.

use std::sync::Once;

/// Makes `ring` the process's rustls provider. Called by [`http_client`];
/// the app and the server also call it at start, before any library (the
/// updater plugin, sqlx) builds a TLS configuration of its own.
pub fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Err only if a provider is installed already, which is what we want.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// A reqwest client builder on the process's one TLS provider. Build every
/// HTTP client through this, never `reqwest::Client::builder()` directly:
/// reqwest has no provider of its own in this workspace and would panic.
pub fn http_client() -> reqwest::ClientBuilder {
    install_crypto_provider();
    reqwest::Client::builder()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_process_provider_is_ring() {
        super::install_crypto_provider();
        let provider = rustls::crypto::CryptoProvider::get_default().expect("installed");
        let ring = rustls::crypto::ring::default_provider();
        assert_eq!(
            provider.cipher_suites.len(),
            ring.cipher_suites.len(),
            "the installed provider is not ring's"
        );
        assert!(super::http_client().build().is_ok());
    }
}
