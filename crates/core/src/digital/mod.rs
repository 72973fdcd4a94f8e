//! Digital goods: airtime and data bundles delivered to a phone through a
//! provider. [`africastalking`] is the client of Africa's Talking, tested
//! against `dukadesk_sims::africastalking`; [`settings`] keeps its account
//! in the vault; [`fulfil`] is the machine's rows (written with a chat
//! order, released when it is paid, ended by the provider or staff);
//! [`sender`] takes each one step at a time, and the chat runtime runs it.

pub mod africastalking;
pub mod fulfil;
pub mod sender;
pub mod settings;

#[cfg(test)]
mod tests;
