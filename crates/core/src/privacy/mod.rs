//! Privacy controls: the audit log of every privacy action, export,
//! customer erasure and retention (ARCHITECTURE.md, "Privacy controls").

pub mod audit;
pub mod export;

pub use audit::{Actor, AuditEntry};
