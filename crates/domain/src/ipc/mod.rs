//! Everything that crosses the boundary between the Yew front end and the
//! Tauri shell: command names, request and response types, and the one error
//! shape. Both sides compile this module, so a renamed field is a compile
//! error, not a runtime surprise.
//!
//! Convention: every command takes exactly one argument named `req` (the
//! command's `Req` type) and returns its `Resp` or an [`IpcError`].
//!
//! The declarations live in one file per area, as the shell's
//! `src-tauri/src/commands/` does (`app`, `shop`, `catalogue`, ...); every
//! area's items are re-exported here, so each is `ipc::Name` whatever its
//! file. An area declares its commands with one `commands!` block, which
//! also lists their names for [`ALL_COMMANDS`].

use crate::words::{Localize, Words};
use crate::OrderId;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A problem with one form field, shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name in the form's input type.
    pub field: String,
    /// What is wrong and what to type instead, in English.
    pub message: String,
    /// The same message by its key, for the screens to show in the till's
    /// language (`None`: only the English is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Words>,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            words: None,
        }
    }

    /// A field error the screens can show in any language.
    pub fn said(field: impl Into<String>, error: &impl Localize) -> Self {
        Self {
            field: field.into(),
            message: error.to_string(),
            words: Some(error.words()),
        }
    }
}

/// What kind of failure a command hit; the UI decides how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCode {
    /// The input was refused; see `fields`.
    Invalid,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The change conflicts with the current state (an illegal order move,
    /// stock gone).
    Conflict,
    /// The shop has not been set up yet.
    NotSetUp,
    /// The local database could not be read or written.
    Storage,
    /// Anything else; the message says what to do.
    Internal,
    /// Only the owner may do this: the UI asks for the owner password
    /// (`ConfirmOwner`) and tries again.
    OwnerRequired,
    /// The screen is locked: someone must sign in first.
    SignInRequired,
    /// The saved secrets are locked: the UI offers to open them (Settings →
    /// Saved secrets) and the action can be tried again after.
    VaultLocked,
    /// Asked too soon (too many wrong tries, a reminder just sent): the
    /// message says how long to wait.
    TryLater,
    /// What it was for moved on meanwhile (another till, the bot, M-Pesa's
    /// answer): refresh and look again.
    Stale,
}

/// The one error every command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    /// Kind.
    pub code: ErrorCode,
    /// For people: what happened and what to do next.
    pub message: String,
    /// Per-field problems, for `Invalid`.
    pub fields: Vec<FieldError>,
    /// The message by its key, for the screens to show in the till's
    /// language (`None`: only the English is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Words>,
}

impl IpcError {
    /// An error without field details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
            words: None,
        }
    }

    /// An error the screens can show in any language.
    pub fn said(code: ErrorCode, error: &impl Localize) -> Self {
        Self {
            words: Some(error.words()),
            ..Self::new(code, error.to_string())
        }
    }

    /// A validation error.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        Self {
            code: ErrorCode::Invalid,
            message: "Some fields need fixing.".into(),
            fields,
            words: Some(Words::new("error-fields")),
        }
    }

    /// The message for one field, if any.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == name)
            .map(|f| f.message.as_str())
    }
}

/// A command: its name as registered in the shell, and its types.
pub trait Command {
    /// The shell function's name.
    const NAME: &'static str;
    /// The `req` argument.
    type Req: Serialize + DeserializeOwned;
    /// The reply.
    type Resp: Serialize + DeserializeOwned;
}

/// An empty request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NoArgs {}

/// Whether two command names are the same, at compile time (the shell's
/// `#[ipc(Command)]` checks each command's function name with it).
pub const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// An event the shell sends to a window: its name and payload type.
pub trait Event {
    /// The Tauri event name.
    const NAME: &'static str;
    /// The payload.
    type Payload: Serialize + DeserializeOwned;
}

/// Look up one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRef {
    /// Order.
    pub id: OrderId,
}

/// Where a file the merchant saved went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SavedFile {
    /// Saved at this path.
    Saved {
        /// The file.
        path: String,
    },
    /// The merchant closed the dialog: nothing was written.
    NothingWritten,
}
/// Declares an area's commands: for each entry (doc comments, then
/// `Type, "name", Req => Resp;`) an uninhabited `Type` implementing
/// [`Command`], and `NAMES`, the area's command names in order, which
/// [`ALL_COMMANDS`] gathers.
macro_rules! commands {
    ($($(#[$doc:meta])* $ty:ident, $name:literal, $req:ty => $resp:ty);* $(;)?) => {
        $(
            $(#[$doc])*
            #[derive(Debug)]
            pub enum $ty {}
            impl $crate::ipc::Command for $ty {
                const NAME: &'static str = $name;
                type Req = $req;
                type Resp = $resp;
            }
        )*

        /// This area's command names, in the order declared (gathered into
        /// `ipc::ALL_COMMANDS`).
        pub(super) const NAMES: &[&str] = &[$($name),*];
    };
}

mod app;
mod cashup;
mod catalogue;
mod chat;
mod credit;
mod digital;
mod hosted;
mod orders;
mod payments;
mod people;
mod printing;
mod privacy;
mod reports;
mod resellers;
mod shop;
mod start;
mod tax;
mod updates;
mod whatsapp;
mod windows;

pub use app::*;
pub use cashup::*;
pub use catalogue::*;
pub use chat::*;
pub use credit::*;
pub use digital::*;
pub use hosted::*;
pub use orders::*;
pub use payments::*;
pub use people::*;
pub use printing::*;
pub use privacy::*;
pub use reports::*;
pub use resellers::*;
pub use shop::*;
pub use start::*;
pub use tax::*;
pub use updates::*;
pub use whatsapp::*;
pub use windows::*;

/// Every area's command names; [`ALL_COMMANDS`] is these, one after another.
const AREAS: &[&[&str]] = &[
    app::NAMES,
    shop::NAMES,
    catalogue::NAMES,
    orders::NAMES,
    chat::NAMES,
    payments::NAMES,
    digital::NAMES,
    hosted::NAMES,
    updates::NAMES,
    privacy::NAMES,
    windows::NAMES,
    people::NAMES,
    whatsapp::NAMES,
    reports::NAMES,
    printing::NAMES,
    cashup::NAMES,
    credit::NAMES,
    resellers::NAMES,
    start::NAMES,
    tax::NAMES,
];

/// How many names the areas hold in all.
const fn count(areas: &[&[&str]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < areas.len() {
        n += areas[i].len();
        i += 1;
    }
    n
}

/// The areas' names one after another, in an array of exactly `N` (their
/// [`count`]).
const fn concat<const N: usize>(areas: &[&[&'static str]]) -> [&'static str; N] {
    let mut all = [""; N];
    let mut k = 0;
    let mut i = 0;
    while i < areas.len() {
        let mut j = 0;
        while j < areas[i].len() {
            all[k] = areas[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(k == N, "the areas hold a different number of names");
    all
}

/// Every command name, for the test that checks the shell registers them all
/// (and for the shell's build script, which declares them to Tauri). Built
/// when the crate compiles from each area's `commands!` block, so a
/// command cannot be declared and left out.
pub const ALL_COMMANDS: &[&str] = &concat::<{ count(AREAS) }>(AREAS);

#[cfg(test)]
mod tests {
    use super::*;

    /// The command declarations in the area files' `commands!` blocks, read
    /// from the source: `(type, name)`.
    fn declared() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ipc");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("the ipc directory")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        let mut found = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("an ipc source file");
            let mut inside = false;
            for line in text.lines() {
                if line.starts_with("commands! {") {
                    inside = true;
                } else if inside && line == "}" {
                    inside = false;
                } else if inside {
                    let line = line.trim();
                    if line.starts_with("//") {
                        continue;
                    }
                    let (ty, rest) = line
                        .split_once(", \"")
                        .unwrap_or_else(|| panic!("{}: not a declaration: {line}", file.display()));
                    let (name, _) = rest
                        .split_once('"')
                        .unwrap_or_else(|| panic!("{}: no name: {line}", file.display()));
                    found.push((ty.to_owned(), name.to_owned()));
                }
            }
            assert!(
                !inside,
                "{}: a commands! block is not closed",
                file.display()
            );
        }
        found
    }

    #[test]
    fn all_commands_holds_every_declared_command_once() {
        let declared = declared();
        assert!(!declared.is_empty());
        assert_eq!(
            ALL_COMMANDS.len(),
            declared.len(),
            "ALL_COMMANDS and the commands! declarations differ in number"
        );
        let mut names: Vec<&str> = ALL_COMMANDS.to_vec();
        names.sort_unstable();
        for pair in names.windows(2) {
            assert_ne!(pair[0], pair[1], "two commands are named {}", pair[0]);
        }
        for (ty, name) in &declared {
            assert!(
                ALL_COMMANDS.contains(&name.as_str()),
                "{ty} ({name}) is missing"
            );
        }
    }

    #[test]
    fn every_command_name_is_snake_case() {
        for name in ALL_COMMANDS {
            let snake = name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && !name.ends_with('_')
                && !name.contains("__");
            assert!(snake, "{name:?} is not snake_case");
        }
    }

    #[test]
    fn a_command_type_carries_its_name() {
        assert_eq!(GetAppInfo::NAME, "get_app_info");
        assert!(ALL_COMMANDS.contains(&SaveShopPoster::NAME));
    }
}
