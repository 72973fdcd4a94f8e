//! One module per screen. Pages own their state and their keyboard map; the
//! pieces they draw live in [`crate::components`].

pub mod catalogue;
pub mod customers;
pub mod disconnect;
pub mod export;
pub mod inbox;
pub mod lock;
pub mod pairing;
pub mod reports;
pub mod resellers;
pub mod settings;
pub mod setup;
pub mod test_chat;
pub mod till;
