//! The app's secondary windows (Export, Disconnect, pairing): closing them
//! (the shell's `commands/windows.rs`).

use super::NoArgs;

commands! {
    /// Close the window that asks (the Export or Disconnect window).
    CloseWindow, "close_window", NoArgs => NoArgs;
}
