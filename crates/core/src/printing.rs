//! Receipts on paper. `escpos` lays a [`Receipt`] out as ESC/POS bytes for
//! a 58 or 80 mm thermal printer (with the `escpos` crate); `transport`
//! sends them to the till's printer over the network (the raw port 9100)
//! or to a device path (a USB printer, a serial port, a printer shared on
//! Windows) on a blocking thread of its own, one job at a time. Printing
//! only reads the store: a failed print never changes an order or a
//! payment.
//!
//! The printer is this till's own hardware, so its settings are a local
//! setting (`printer`), never synced.

pub mod escpos;
mod raster;
mod transport;

pub use transport::{send, PrintError};

use crate::store::{Store, StoreError};
use dukadesk_domain::receipt::{PrinterSettings, Receipt};
use dukadesk_domain::OrderId;

/// The local setting holding this till's printer.
const SETTING: &str = "printer";

impl Store {
    /// This till's printer settings (no printer until chosen).
    pub async fn printer_settings(&self) -> Result<PrinterSettings, StoreError> {
        match self.setting(SETTING).await? {
            Some(json) => serde_json::from_str(&json).map_err(|_| StoreError::BadRow("printer")),
            None => Ok(PrinterSettings::default()),
        }
    }

    /// Saves this till's printer settings after checking them.
    pub async fn save_printer_settings(
        &self,
        settings: &PrinterSettings,
    ) -> Result<PrinterSettings, StoreError> {
        let problems = settings.validate();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let json = serde_json::to_string(settings).map_err(|_| StoreError::BadRow("printer"))?;
        self.set_setting(SETTING, &json).await?;
        Ok(settings.clone())
    }

    /// The receipt of an order as it stands (a bill if it is not paid);
    /// `link` is the shop's customer link, printed as a QR code.
    pub async fn receipt(&self, id: OrderId, link: Option<String>) -> Result<Receipt, StoreError> {
        let detail = self.order_detail(id).await?;
        let shop = self.require_shop().await?;
        let mut receipt = Receipt::of(&shop, &detail, link);
        receipt.tax = self.receipt_tax(id).await?;
        Ok(receipt)
    }
}

#[cfg(test)]
mod tests;
