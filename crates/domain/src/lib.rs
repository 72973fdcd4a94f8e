//! DukaDesk's domain: the types and rules of a small shop that sells over chat.
//!
//! This crate is pure. It knows nothing of sqlx, tokio, tauri, web-sys or the
//! file system, never reads a clock and never draws a random number: callers
//! pass `now` and fresh ids in. That keeps every rule table-testable and lets
//! the Yew front end (compiled to `wasm32-unknown-unknown`) validate forms with
//! exactly the rules the store enforces.

pub mod barcode;
pub mod bot;
pub mod cart;
pub mod cash;
pub mod cashup;
pub mod catalogue;
pub mod conversation;
pub mod credit;
pub mod customer;
pub mod ids;
pub mod ipc;
pub mod money;
pub mod order;
pub mod payment;
pub mod people;
pub mod phone;
pub mod qr;
pub mod receipt;
pub mod refund;
pub mod report;
pub mod resellers;
pub mod sensitive;
pub mod shop;
pub mod start;
pub mod summary;
pub mod tax;
pub mod words;

pub use ids::*;
pub use money::{Currency, Money, MoneyError};
pub use phone::{Country, Msisdn, Network, PhoneError};
pub use sensitive::Sensitive;
