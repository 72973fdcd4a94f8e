//! Privacy controls: the audit log of every privacy action, export,
//! customer erasure and retention, the owner and staff who sign in (ARCHITECTURE.md, "Privacy controls").

pub mod audit;
pub mod erase;
pub mod export;
pub mod retention;

pub use audit::{Actor, AuditAction, AuditEntry};
pub use erase::{Erased, ErasureSource};
pub use retention::RetentionRun;

#[cfg(test)]
mod tests;
