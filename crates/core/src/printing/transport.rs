//! Sending a job to the printer, on a blocking thread, one job at a time.
//!
//! A network printer is asked for its paper sensor first (`DLE EOT 4`):
//! a printer out of paper is reported before anything is sent; one that
//! does not answer within a moment (many cheap ones do not) is sent the
//! job anyway. A device path is opened for writing: a USB printer
//! (`/dev/usb/lp0`), a serial port (`/dev/ttyUSB0`, `COM3`, used at the
//! port's current speed) or a printer shared on Windows
//! (`\\localhost\POS58`).

use dukadesk_domain::receipt::{split_address, PrinterConnection};
use std::io::{ErrorKind, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// Why a job did not print, in words for the clerk.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// No printer chosen.
    #[error("No receipt printer is set up on this till. Choose one in Settings, Printer.")]
    NotSetUp,
    /// The address or path as typed cannot be used.
    #[error("{0}")]
    Address(#[from] dukadesk_domain::receipt::AddressError),
    /// Nothing answered.
    #[error("The printer at {at} did not answer ({reason}). Check that it is switched on and on the same network as this computer, then print again.")]
    Unreachable {
        /// Where.
        at: String,
        /// Cause.
        reason: String,
    },
    /// The paper sensor says the roll is out.
    #[error("The printer at {at} is out of paper. Put in a new roll, then print again.")]
    PaperOut {
        /// Where.
        at: String,
    },
    /// The printer went away part-way.
    #[error("The printer at {at} stopped part-way through ({reason}), so the receipt may be cut short. Check the printer, then print again.")]
    Interrupted {
        /// Where.
        at: String,
        /// Cause.
        reason: String,
    },
    /// The device could not be opened.
    #[error("Could not open the printer at {at}: {reason}")]
    Device {
        /// Where.
        at: String,
        /// Cause and what to do.
        reason: String,
    },
    /// The job could not be made.
    #[error(transparent)]
    Layout(#[from] super::escpos::LayoutError),
}

/// How long to wait to connect.
const CONNECT: Duration = Duration::from_secs(3);
/// How long to wait for the paper sensor's answer.
const STATUS: Duration = Duration::from_millis(700);
/// How long one write may block (a printer busy printing a long job
/// stops reading for a while).
const WRITE: Duration = Duration::from_secs(15);

/// The paper-sensor status request.
const PAPER_STATUS: [u8; 3] = [0x10, 0x04, 0x04];
/// Bits 5 and 6 of its answer: paper end detected.
const PAPER_END: u8 = 0x60;

/// Jobs go out one at a time (a printer takes one connection at a time,
/// and two receipts must not interleave).
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Sends `bytes` to the printer and returns once it has taken them all.
pub async fn send(connection: &PrinterConnection, bytes: Vec<u8>) -> Result<(), PrintError> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let connection = connection.clone();
    tokio::task::spawn_blocking(move || match &connection {
        PrinterConnection::None => Err(PrintError::NotSetUp),
        PrinterConnection::Network { address } => network(address, &bytes),
        PrinterConnection::Device { path } => device(path.trim(), &bytes),
    })
    .await
    .unwrap_or_else(|e| {
        Err(PrintError::Interrupted {
            at: "this till".into(),
            reason: e.to_string(),
        })
    })
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::ConnectionRefused => "it refused the connection".into(),
        ErrorKind::TimedOut | ErrorKind::WouldBlock => "no answer in time".into(),
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => {
            "the connection was dropped".into()
        }
        _ => e.to_string(),
    }
}

fn network(address: &str, bytes: &[u8]) -> Result<(), PrintError> {
    let (host, port) = split_address(address)?;
    let at = format!("{host}:{port}");
    let unreachable = |reason: String| PrintError::Unreachable {
        at: at.clone(),
        reason,
    };
    let addrs: Vec<_> = (host.as_str(), port)
        .to_socket_addrs()
        .map_err(|_| unreachable("no such address on this network".into()))?
        .collect();
    let mut last = None;
    let mut stream = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, CONNECT) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let mut stream = match (stream, last) {
        (Some(s), _) => s,
        (None, Some(e)) => return Err(unreachable(reason(&e))),
        (None, None) => return Err(unreachable("no such address on this network".into())),
    };
    let interrupted = |e: std::io::Error| PrintError::Interrupted {
        at: at.clone(),
        reason: reason(&e),
    };
    stream.set_write_timeout(Some(WRITE)).map_err(interrupted)?;
    stream.set_read_timeout(Some(STATUS)).map_err(interrupted)?;
    stream.write_all(&PAPER_STATUS).map_err(interrupted)?;
    let mut status = [0u8; 1];
    match stream.read(&mut status) {
        Ok(1) if status[0] & PAPER_END == PAPER_END => {
            return Err(PrintError::PaperOut { at });
        }
        Ok(0) => {
            return Err(interrupted(std::io::Error::from(
                ErrorKind::ConnectionAborted,
            )))
        }
        // An answer with paper, or none at all: print.
        Ok(_) => {}
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
        Err(e) => return Err(interrupted(e)),
    }
    stream.write_all(bytes).map_err(interrupted)?;
    stream.flush().map_err(interrupted)?;
    stream
        .shutdown(std::net::Shutdown::Write)
        .map_err(interrupted)?;
    Ok(())
}

fn device(path: &str, bytes: &[u8]) -> Result<(), PrintError> {
    if path.is_empty() {
        return Err(PrintError::NotSetUp);
    }
    let failed = |e: std::io::Error| {
        let reason = match e.kind() {
            ErrorKind::NotFound => "nothing is there. Check the cable and the port's name (Device Manager on Windows lists COM ports; a USB printer on Linux is /dev/usb/lp0).".to_owned(),
            ErrorKind::PermissionDenied => "this computer's account may not use it. On Linux, add the account to the lp group (USB) or dialout group (serial), then sign in again.".to_owned(),
            _ => format!("{e}. Check the cable and that no other program is using the printer."),
        };
        PrintError::Device {
            at: path.to_owned(),
            reason,
        }
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(failed)?;
    let interrupted = |e: std::io::Error| PrintError::Interrupted {
        at: path.to_owned(),
        reason: reason(&e),
    };
    file.write_all(bytes).map_err(interrupted)?;
    file.flush().map_err(interrupted)?;
    Ok(())
}
