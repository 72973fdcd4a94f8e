//! KRA eTIMS tax invoices. [`oscu`] is the client of KRA's online sales
//! control unit, tested against `dukadesk_sims::etims`; [`settings`] sets
//! this till up as a device (Settings → Tax); [`invoices`] writes each
//! invoice in its sale's transaction, numbered with no gap; [`items`]
//! keeps which items KRA knows; [`classes`] keeps KRA's item
//! classification list; [`signer`] registers what it must and
//! sends the invoices to KRA in order, and the chat runtime runs it. The figures
//! (bands, VAT) are `dukadesk_domain::tax`.

pub mod classes;
pub mod invoices;
pub mod items;
pub mod oscu;
pub mod settings;
pub mod signer;

#[cfg(test)]
mod tests;
