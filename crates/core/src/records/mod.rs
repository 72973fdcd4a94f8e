//! The one write path for shared data: one function per kind of change,
//! each writing the row and its outbox row together inside the caller's
//! transaction (the `_in`/`tx` convention: the caller owns the transaction
//! and commits it with the business event).
//!
//! Invariant: a change made on this till to a shared table is written here
//! (or by a function that writes its outbox row the same way), so every
//! change reaches the other tills and the server. The outbox payload is
//! read back from the row after the write, so it always carries the whole
//! row as stored, never a hand-assembled part of it. Changes pulled from
//! other tills (`sync::local`) write no outbox rows (no echo).
//!
//! This module must not depend on chat, orders or payments use cases: they
//! call it, never the other way round.

pub(crate) mod cash_ups;
pub(crate) mod categories;
pub(crate) mod credit;
pub(crate) mod customers;
pub(crate) mod items;
pub(crate) mod orders;
pub(crate) mod payments;
pub(crate) mod photos;
pub(crate) mod refunds;
pub(crate) mod resellers;
pub(crate) mod shop;
pub(crate) mod stock;

#[cfg(test)]
mod tests;
