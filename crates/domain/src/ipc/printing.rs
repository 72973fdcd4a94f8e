//! The receipt printer, printed receipts and receipts saved as PDF (the
//! shell's `commands/printing.rs`).

use super::{NoArgs, OrderRef, SavedFile};
use serde::{Deserialize, Serialize};

/// What a print did, in words for a toast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Printed {
    /// "Receipt #1042 printed on 192.168.1.50:9100."
    pub message: String,
}

commands! {
    /// This till's receipt printer settings.
    GetPrinterSettings, "get_printer_settings", NoArgs => crate::receipt::PrinterSettings;
    /// Save this till's receipt printer settings.
    SavePrinterSettingsCmd, "save_printer_settings", crate::receipt::PrinterSettings => crate::receipt::PrinterSettings;
    /// Print a test page on the printer as typed (before saving it).
    PrintTestPage, "print_test_page", crate::receipt::PrinterSettings => Printed;
    /// Print an order's receipt (or its bill, if unpaid) on this till's
    /// printer.
    PrintReceipt, "print_receipt", OrderRef => Printed;
    /// Save an order's receipt (or its bill, unpaid) as a PDF where the
    /// merchant chooses.
    SaveReceiptPdf, "save_receipt_pdf", OrderRef => SavedFile;
}
