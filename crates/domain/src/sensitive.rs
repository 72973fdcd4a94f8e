//! A secret as a type: a password, a PIN, an API key, a device credential.
//!
//! [`Sensitive`] travels through serde exactly as the value it holds (so the
//! IPC and the config files are unchanged), prints `<redacted>` in `Debug`
//! (so derived `Debug`, `tracing` fields and panics never show it), and wipes
//! its memory when dropped. Reading the value is always spelt out
//! ([`Sensitive::expose`]), so a secret reaching a log, an error message or
//! a request needs someone to write it there.
//!
//! It deliberately has no `Display`: one printing `<redacted>` would let
//! `format!("{secret}")`, reqwest's `bearer_auth(&secret)` or
//! `basic_auth(key, Some(&secret))` compile and send the word `<redacted>`
//! to the provider. Without it, each of those is a compile error until the
//! code says `expose()`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroize;

/// A secret value: serialised as itself, formatted as `<redacted>`, zeroed on
/// drop.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sensitive<T: Zeroize>(T);

impl<T: Zeroize> Sensitive<T> {
    /// Wraps a secret.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The secret itself, for the one place that must use it (a hash, a
    /// request's header, a key derivation).
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl Sensitive<String> {
    /// Whether nothing was typed (an empty secret means "keep the saved one"
    /// in the settings forms).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The secret with surrounding spaces removed (a key pasted with a
    /// trailing newline), still a secret.
    pub fn trimmed(&self) -> Self {
        Self(self.0.trim().to_owned())
    }
}

impl<T: Zeroize> Drop for Sensitive<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl From<&str> for Sensitive<String> {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl<T: Zeroize> std::fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<T: Zeroize + Serialize> Serialize for Sensitive<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Zeroize + Deserialize<'de>> Deserialize<'de> for Sensitive<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct SignIn {
        person: String,
        secret: Sensitive<String>,
    }

    #[test]
    fn formats_as_redacted_and_serialises_as_itself() {
        let s = SignIn {
            person: "Amina".into(),
            secret: "4821".into(),
        };
        let debug = format!("{s:?} {s:#?} {:?}", s.secret);
        assert!(!debug.contains("4821"), "{debug}");
        assert!(debug.contains("Amina") && debug.contains("<redacted>"));

        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"person":"Amina","secret":"4821"}"#);
        let back: SignIn = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.secret.expose(), "4821");
    }

    #[test]
    fn optional_secrets_stay_optional() {
        let none: Option<Sensitive<String>> = serde_json::from_str("null").unwrap();
        assert!(none.is_none());
        let some: Option<Sensitive<String>> = serde_json::from_str(r#""k""#).unwrap();
        assert_eq!(some.unwrap().expose(), "k");
    }

    #[test]
    fn trimmed_and_empty() {
        let s = Sensitive::from(" key\n");
        assert_eq!(s.trimmed().expose(), "key");
        assert!(Sensitive::<String>::default().is_empty());
    }
}
