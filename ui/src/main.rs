//! DukaDesk's front end. Talks to the shell only through [`ipc`].
mod ipc;

fn main() {}
