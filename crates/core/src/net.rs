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

/// A server certificate pinned by the SHA-256 of its DER bytes, for shops
/// that run their own server with a certificate no public authority signed.
/// Written as `openssl x509 -noout -fingerprint -sha256` prints it
/// (`AB:CD:…`); read with or without the colons, in either case.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CertPin([u8; 32]);

impl CertPin {
    /// The pin of a certificate.
    pub fn of(der: &[u8]) -> Self {
        use sha2::Digest;
        CertPin(sha2::Sha256::digest(der).into())
    }

    /// Reads a fingerprint: 64 hex digits, colons and spaces ignored.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let s = s
            .strip_prefix("sha256:")
            .or_else(|| s.strip_prefix("SHA256:"))
            .or_else(|| s.strip_prefix("sha256 Fingerprint="))
            .unwrap_or(s);
        let digits: Vec<u8> = s
            .bytes()
            .filter(|b| *b != b':' && !b.is_ascii_whitespace())
            .collect();
        if digits.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, pair) in digits.chunks(2).enumerate() {
            let hi = (pair[0] as char).to_digit(16)?;
            let lo = (pair[1] as char).to_digit(16)?;
            out[i] = u8::try_from(hi * 16 + lo).ok()?;
        }
        Some(CertPin(out))
    }
}

impl std::fmt::Display for CertPin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(":")?;
            }
            write!(f, "{b:02X}")?;
        }
        Ok(())
    }
}

impl std::fmt::Debug for CertPin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CertPin({self})")
    }
}

impl serde::Serialize for CertPin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CertPin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CertPin::parse(&s).ok_or_else(|| serde::de::Error::custom("not a SHA-256 fingerprint"))
    }
}

/// What a pinned connection reports when the server shows another
/// certificate (the sync client names it to the merchant).
pub const PIN_MISMATCH: &str = "the server showed a certificate other than the pinned one";

/// Printed the same both ways: rustls shows it with `Debug` inside its own
/// error's text, which is what the sync client reads.
struct PinMismatch;

impl std::fmt::Debug for PinMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(PIN_MISMATCH)
    }
}

impl std::fmt::Display for PinMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(PIN_MISMATCH)
    }
}

impl std::error::Error for PinMismatch {}

/// Accepts exactly the pinned certificate (its name and issuer are not
/// looked at: the pin is the trust), and checks that the server holds its
/// key (the handshake's signatures) as usual.
#[derive(Debug)]
struct PinnedVerifier {
    pin: CertPin,
    algorithms: rustls::crypto::WebPkiSupportedAlgorithms,
}

impl rustls::client::danger::ServerCertVerifier for PinnedVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        if CertPin::of(end_entity.as_ref()) == self.pin {
            Ok(rustls::client::danger::ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::Other(rustls::OtherError(std::sync::Arc::new(
                    PinMismatch,
                ))),
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// [`http_client`] that trusts only the certificate `pin` names.
pub fn pinned_http_client(pin: CertPin) -> reqwest::ClientBuilder {
    install_crypto_provider();
    let algorithms = rustls::crypto::ring::default_provider().signature_verification_algorithms;
    let tls = rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(std::sync::Arc::new(PinnedVerifier { pin, algorithms }))
        .with_no_client_auth();
    reqwest::Client::builder().tls_backend_preconfigured(tls)
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

    #[test]
    fn pins_read_as_openssl_prints_them_and_round_trip() {
        let pin = super::CertPin::of(b"a certificate");
        let shown = pin.to_string();
        assert_eq!(shown.len(), 32 * 3 - 1);
        assert_eq!(super::CertPin::parse(&shown), Some(pin));
        assert_eq!(
            super::CertPin::parse(&shown.replace(':', "").to_lowercase()),
            Some(pin)
        );
        assert_eq!(
            super::CertPin::parse(&format!("sha256 Fingerprint={shown}")),
            Some(pin)
        );
        assert_eq!(super::CertPin::parse(&shown[3..]), None);
        assert_eq!(super::CertPin::parse(&format!("G{}", &shown[1..])), None);
        let json = serde_json::to_string(&pin).expect("json");
        assert_eq!(
            serde_json::from_str::<super::CertPin>(&json).expect("back"),
            pin
        );
        assert!(serde_json::from_str::<super::CertPin>("\"nope\"").is_err());
        assert!(super::pinned_http_client(pin).build().is_ok());
    }
}
