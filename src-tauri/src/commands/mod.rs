//! One module per area; each command takes `req` (the shared IPC request
//! type), calls core, and maps the error.

pub mod app;
pub mod cashup;
pub mod catalogue;
pub mod chat;
pub mod credit;
pub mod digital;
pub mod disconnect;
pub mod export;
pub mod files;
pub mod hosted;
pub mod orders;
pub mod payments;
pub mod people;
pub mod printing;
pub mod privacy;
pub mod reports;
pub mod resellers;
pub mod shop;
pub mod start;
pub mod tax;
pub mod updates;
pub mod vault;
pub mod whatsapp;
pub mod windows;
