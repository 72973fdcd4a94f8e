//! Loopback simulators of the providers DukaDesk talks to (Safaricom Daraja,
//! IntaSend, Africa's Talking for airtime and bundles, KRA eTIMS for tax invoices) and of the host its updates are published on, plus a
//! throwaway PostgreSQL server (`postgres`), a TCP proxy that can cut
//! connections (`proxy`) and a TLS front with test-only certificates (`tls`)
//! for the hosted sync tests, and an ESC/POS network receipt
//! printer (`printer`). Each is a real
//! HTTP server on 127.0.0.1 with a free port that checks requests the way the
//! provider does and answers the way it does, including its failures, so the
//! real clients can be tested and benchmarked without a network.
//!
//! Test code only: nothing in the app depends on this crate.

pub mod africastalking;
pub mod daraja;
pub mod etims;
pub mod intasend;
pub mod postgres;
pub mod printer;
pub mod proxy;
pub mod tls;
pub mod updates;
