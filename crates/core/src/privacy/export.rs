//! Export: the whole shop, or one customer found by phone number, as a ZIP
//! holding a `.json` and a `.csv` per entity, a `manifest.json` (schema
//! version, rows and sha256 of every file) and a readable `SUMMARY.txt`.
//!
//! Memory stays flat whatever the shop's size: a table is never collected.
//! Its rows are read once, in order of insertion, a chunk of 512 at a time
//! (keyset on rowid: each chunk starts after the last one's rowid), each
//! row made by SQLite into one JSON array of its values and the chunk into
//! one text. Carrying a few large values out of SQLite instead of one per
//! column and row is what makes the export fast (a value per column was
//! three times slower, a row at a time half as fast). Each row is then
//! written at once as JSON and as CSV, each through a writer that hashes
//! the bytes as they pass, into a deflated ZIP entry. A ZIP has one entry
//! open at a time, so the CSV entries go into a second ZIP in a nameless
//! temporary file beside the destination, merged into the export at the
//! end without compressing again. Every table is read inside one read
//! transaction, so every file sees the same snapshot.
//!
//! The JSON file is one array, one object per line (`[\n{..},\n{..}\n]`):
//! any JSON parser reads it whole, and a line-oriented tool can still read
//! it line by line. Columns are the stored ones (money in minor units with
//! its currency beside it, times in Unix milliseconds), found from the
//! schema, so a new column is exported without touching this file. Never
//! exported: secrets (`secrets`, `vault`, the staff's password hashes),
//! the sync outbox and this till's settings.
//!
//! Invariant: nothing is ever found at the destination that is not a
//! complete export. The ZIP is written to `<dest>.partial`, fsynced, and
//! renamed to `<dest>` in the same step as the audit line is committed; any
//! failure (a full disk, a stop, an unreadable row) removes the partial
//! file.

use std::io::{self, BufWriter, Seek, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use dukadesk_domain::ipc::{ExportPlan, ExportRequest, ExportResult, ExportScope, ExportedEntity};
use dukadesk_domain::{Msisdn, PhoneError};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::audit::{self, Actor, AuditAction};
use crate::{Store, StoreError};

/// The format of `manifest.json`; raised when its shape changes.
pub const FORMAT_VERSION: u32 = 1;

/// Deflate level: 1 is several times faster than the default and the files
/// (repetitive JSON and CSV) still shrink about tenfold.
const DEFLATE_LEVEL: i64 = 1;

/// Rows read from SQLite at a time.
const CHUNK: i64 = 512;

/// How often (in rows) progress is reported and a stop is looked for.
const PROGRESS_EVERY: u64 = 4096;

/// Why an export did not complete. In every case nothing was left at the
/// destination.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The phone number typed is not a phone number.
    #[error("{0}")]
    Phone(PhoneError),
    /// No customer has this number.
    #[error("No customer has the number {number}. Check the number with the customer (it is the one they order or chat from), or export the whole shop.")]
    UnknownPhone {
        /// The number, in its national form.
        number: String,
    },
    /// The disk filled up while writing.
    #[error("The disk is full: free some space or choose another place. Nothing was saved.")]
    DiskFull,
    /// The file could not be written there.
    #[error("Could not write the export to {path}: {source}. Choose another place (a folder you can write to) and try again. Nothing was saved.")]
    Write {
        /// The destination.
        path: PathBuf,
        /// Cause.
        source: io::Error,
    },
    /// The export was stopped before it completed.
    #[error("The export was stopped. Nothing was saved.")]
    Cancelled,
    /// Reading the shop database failed, or the shop is not set up.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ExportError {
    fn from(e: sqlx::Error) -> Self {
        ExportError::Store(StoreError::Sql(e))
    }
}

/// How far an export is, in rows (each written as JSON and as CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The entity being written, as its files are named (`orders`).
    pub name: &'static str,
    /// The entity being written, for people (`Orders`).
    pub entity: &'static str,
    /// Rows written.
    pub done: u64,
    /// Rows to write.
    pub total: u64,
}

/// One file in the ZIP, as `manifest.json` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ManifestFile {
    /// Name inside the ZIP.
    pub name: String,
    /// The entity it holds (absent for `SUMMARY.txt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Rows (absent for `SUMMARY.txt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
    /// Uncompressed size.
    pub bytes: u64,
    /// sha256 of the uncompressed bytes, lowercase hex.
    pub sha256: String,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Manifest {
    /// Always `dukadesk-export`.
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The DukaDesk version that wrote it.
    pub app_version: String,
    /// The newest local migration of the database it came from.
    pub schema_version: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// `shop` or `customer`.
    pub scope: String,
    /// For a customer export, their id (never their phone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// Every other file in the ZIP.
    pub files: Vec<ManifestFile>,
}

/// Which rows of a table an export takes.
#[derive(Debug, Clone, Copy)]
enum Filter {
    /// A customer scope: SQL with `?` placeholders, bound in this order.
    Customer(&'static str, &'static [Bind]),
    /// Not part of a customer export.
    ShopOnly,
}

#[derive(Debug, Clone, Copy)]
enum Bind {
    CustomerId,
    Phone,
}

/// One exported table.
#[derive(Debug)]
struct Entity {
    /// File stem and table.
    name: &'static str,
    table: &'static str,
    label: &'static str,
    /// Columns left out: the app's own bookkeeping, not the shop's data.
    skip: &'static [&'static str],
    customer: Filter,
}

const ORDERS_OF: &str =
    "order_id IN (SELECT id FROM orders WHERE customer_id = ? OR customer_phone = ?)";
const ORDERS_OF_BINDS: &[Bind] = &[Bind::CustomerId, Bind::Phone];

/// Everything exported, in the order written.
const ENTITIES: &[Entity] = &[
    Entity {
        name: "business",
        table: "shop",
        label: "Business details",
        skip: &["version_device"],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "delivery_zones",
        table: "delivery_zones",
        label: "Delivery zones",
        skip: &["version_device"],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "categories",
        table: "categories",
        label: "Categories",
        skip: &["version_device"],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "catalogue",
        table: "items",
        label: "Catalogue",
        skip: &["version_device"],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "stock_movements",
        table: "stock_movements",
        label: "Stock movements",
        skip: &[],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "cash_ups",
        table: "cash_ups",
        label: "Cash-ups",
        skip: &["here"],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "resellers",
        table: "resellers",
        label: "Resellers",
        skip: &["version_device"],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "reseller_credits",
        table: "reseller_credits",
        label: "Orders credited to resellers",
        skip: &[],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "reseller_payouts",
        table: "reseller_payouts",
        label: "Payouts to resellers",
        skip: &[],
        customer: Filter::ShopOnly,
    },
    Entity {
        name: "credit_payments",
        table: "credit_payments",
        label: "Credit paid back",
        skip: &["here"],
        customer: Filter::Customer("customer_id = ?", &[Bind::CustomerId]),
    },
    Entity {
        name: "customers",
        table: "customers",
        label: "Customers",
        skip: &["version_device"],
        customer: Filter::Customer("id = ?", &[Bind::CustomerId]),
    },
    Entity {
        name: "orders",
        table: "orders",
        label: "Orders",
        skip: &["version_device", "customer_phone_rev"],
        customer: Filter::Customer(
            "customer_id = ? OR customer_phone = ?",
            &[Bind::CustomerId, Bind::Phone],
        ),
    },
    Entity {
        name: "order_items",
        table: "order_items",
        label: "Order lines",
        skip: &[],
        customer: Filter::Customer(ORDERS_OF, ORDERS_OF_BINDS),
    },
    Entity {
        name: "order_history",
        table: "order_events",
        label: "Order history",
        skip: &[],
        customer: Filter::Customer(ORDERS_OF, ORDERS_OF_BINDS),
    },
    Entity {
        name: "payments",
        table: "payments",
        label: "Payments",
        skip: &["version_device"],
        customer: Filter::Customer(ORDERS_OF, ORDERS_OF_BINDS),
    },
    Entity {
        name: "refunds",
        table: "refunds",
        label: "Refunds",
        skip: &["here"],
        customer: Filter::Customer(ORDERS_OF, ORDERS_OF_BINDS),
    },
    Entity {
        name: "digital_sends",
        table: "digital_sends",
        label: "Airtime and bundles",
        skip: &[],
        customer: Filter::Customer(ORDERS_OF, ORDERS_OF_BINDS),
    },
    Entity {
        name: "conversations",
        table: "conversations",
        label: "Conversations",
        skip: &[],
        customer: Filter::Customer(
            "customer_id = ? OR address = ?",
            &[Bind::CustomerId, Bind::Phone],
        ),
    },
    Entity {
        name: "messages",
        table: "messages",
        label: "Messages",
        skip: &[],
        customer: Filter::Customer(
            "conversation_id IN (SELECT id FROM conversations WHERE customer_id = ? OR address = ?)",
            &[Bind::CustomerId, Bind::Phone],
        ),
    },
    Entity {
        name: "erasure_requests",
        table: "erasure_requests",
        label: "Erasure requests",
        skip: &[],
        customer: Filter::Customer(
            "customer_id = ? OR address = ?",
            &[Bind::CustomerId, Bind::Phone],
        ),
    },
    Entity {
        name: "audit_log",
        table: "audit_log",
        label: "Audit log",
        skip: &[],
        customer: Filter::Customer("subject = ?", &[Bind::CustomerId]),
    },
];

/// The scope, resolved: for a customer, their id and canonical phone.
#[derive(Debug, Clone)]
struct Resolved {
    customer: Option<(String, Msisdn, Option<String>)>,
}

impl Resolved {
    fn filter(&self, entity: &Entity) -> Option<(String, Vec<String>)> {
        let Some((id, phone, _)) = &self.customer else {
            return Some((String::new(), Vec::new()));
        };
        match entity.customer {
            Filter::ShopOnly => None,
            Filter::Customer(sql, binds) => Some((
                format!(" AND ({sql})"),
                binds
                    .iter()
                    .map(|b| match b {
                        Bind::CustomerId => id.clone(),
                        Bind::Phone => phone.as_str().to_owned(),
                    })
                    .collect(),
            )),
        }
    }
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Hashing<W> {
    fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    fn finish(self) -> (u64, String) {
        let digest = self.hasher.finalize();
        let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
        (self.bytes, hex)
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Where the rows go while a file is written.
type Zip = ZipWriter<BufWriter<std::fs::File>>;

/// Something went wrong while writing: kept as the I/O error so a full disk
/// can be told apart.
fn io_from_zip(e: zip::result::ZipError) -> io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

fn io_from_csv(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The standard library sorts ENOSPC (Unix) and ERROR_DISK_FULL /
/// ERROR_HANDLE_DISK_FULL (Windows) as `StorageFull`; the raw checks keep
/// the answer right whatever the kind mapping does next.
fn is_disk_full(e: &io::Error) -> bool {
    #[cfg(unix)]
    const RAW: &[i32] = &[28]; // ENOSPC
    #[cfg(windows)]
    const RAW: &[i32] = &[39, 112]; // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
    #[cfg(not(any(unix, windows)))]
    const RAW: &[i32] = &[];
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    ) || e.raw_os_error().is_some_and(|code| RAW.contains(&code))
}

/// The step that failed: writing (disk, permissions) or reading the store.
enum Failure {
    Io(io::Error),
    Export(ExportError),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<sqlx::Error> for Failure {
    fn from(e: sqlx::Error) -> Self {
        Failure::Export(e.into())
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Export(e.into())
    }
}

impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        Failure::Export(e)
    }
}

impl Failure {
    fn into_error(self, dest: &Path) -> ExportError {
        match self {
            Failure::Export(e) => e,
            Failure::Io(e) if is_disk_full(&e) => ExportError::DiskFull,
            Failure::Io(source) => ExportError::Write {
                path: dest.to_path_buf(),
                source,
            },
        }
    }
}

/// Removes the partial file unless disarmed (when it was renamed).
struct PartialFile {
    path: PathBuf,
    armed: bool,
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        if self.armed {
            if let Err(e) = std::fs::remove_file(&self.path) {
                if e.kind() != io::ErrorKind::NotFound {
                    tracing::warn!(path = %self.path.display(), error = %e, "could not remove a partial export");
                }
            }
        }
    }
}

/// The partial file beside `dest`: `<dest>.partial`.
pub fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    dest.with_file_name(name)
}

impl Store {
    /// Checks an export request (the phone of a customer export) and says
    /// what it will hold, without writing anything.
    pub async fn plan_export(&self, req: &ExportRequest) -> Result<ExportPlan, ExportError> {
        let shop = self.require_shop().await?;
        let resolved = self.resolve(req).await?;
        let mut conn = self.pool().acquire().await?;
        let mut rows = 0u64;
        for entity in ENTITIES {
            if let Some((filter, binds)) = resolved.filter(entity) {
                rows += count(&mut conn, entity, &filter, &binds).await?;
            }
        }
        let date = self.now().format("%Y-%m-%d");
        let (customer, suggested_name) = match &resolved.customer {
            None => (None, format!("{} export {date}.zip", file_safe(&shop.name))),
            Some((_, phone, name)) => {
                let who = match name.as_deref().filter(|n| !n.trim().is_empty()) {
                    Some(name) => format!("{name} ({})", phone.national()),
                    None => phone.national(),
                };
                // Named after the person, never their number: file
                // names show in folders and recent-file lists.
                let file = match name.as_deref().map(file_safe) {
                    Some(name) if name != FALLBACK_NAME => format!("{name} data export {date}.zip"),
                    _ => format!("Customer data export {date}.zip"),
                };
                (Some(who), file)
            }
        };
        Ok(ExportPlan {
            scope: req.scope,
            customer,
            rows,
            suggested_name,
        })
    }

    /// Exports to `dest` (a ZIP), reporting progress; `progress` may stop
    /// the export by returning `Break`. Records `export.shop` or
    /// `export.customer` in the audit log (subject: the customer's id) in
    /// the same step as the file appears. On any error nothing is left at
    /// `dest` or beside it.
    pub async fn export(
        &self,
        req: &ExportRequest,
        dest: &Path,
        actor: &Actor,
        mut progress: impl FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<ExportResult, ExportError> {
        let shop = self.require_shop().await?;
        let resolved = self.resolve(req).await?;
        let partial = partial_path(dest);
        let file = std::fs::File::create(&partial).map_err(|e| Failure::Io(e).into_error(dest))?;
        let mut guard = PartialFile {
            path: partial.clone(),
            armed: true,
        };
        // Nameless (gone when closed, even after a crash), on the same disk
        // as the export so a full disk shows up the same way.
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let spool = tempfile::tempfile_in(&dir).map_err(|e| Failure::Io(e).into_error(dest))?;
        let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 18, file));
        let written = self
            .write_all(&shop.name, &resolved, &mut zip, spool, &mut progress)
            .await
            .map_err(|f| f.into_error(dest))?;
        let file = zip
            .finish()
            .map_err(io_from_zip)
            .and_then(|w| w.into_inner().map_err(io::IntoInnerError::into_error))
            .and_then(|f| f.sync_all().map(|()| f))
            .map_err(|e| Failure::Io(e).into_error(dest))?;
        let bytes = file
            .metadata()
            .map_err(|e| Failure::Io(e).into_error(dest))?
            .len();
        drop(file);

        // Complete: the audit line and the file's appearance go together.
        let rows: u64 = written.iter().map(|e| e.rows).sum();
        let (action, subject) = match &resolved.customer {
            None => (AuditAction::ExportShop, None),
            Some((id, _, _)) => (AuditAction::ExportCustomer, Some(id.as_str())),
        };
        let mut tx = self.write_tx().await?;
        audit::record(
            &mut tx,
            self.now().timestamp_millis(),
            actor,
            action,
            subject,
            &format!("{} entities, {rows} rows, {bytes} bytes", written.len()),
        )
        .await?;
        std::fs::rename(&partial, dest).map_err(|e| Failure::Io(e).into_error(dest))?;
        guard.armed = false;
        if let Err(e) = tx.commit().await {
            // Not recorded, so not exported.
            let _ = std::fs::remove_file(dest);
            return Err(e.into());
        }
        // The rename is durable once the folder is.
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            if let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all()) {
                tracing::debug!(error = %e, "could not sync the export's folder");
            }
        }
        tracing::info!(action = action.as_str(), rows, bytes, "export written");
        Ok(ExportResult {
            path: dest.display().to_string(),
            bytes,
            entities: written,
            rows,
        })
    }

    /// Finds the customer of a customer export.
    async fn resolve(&self, req: &ExportRequest) -> Result<Resolved, ExportError> {
        if req.scope == ExportScope::Shop {
            return Ok(Resolved { customer: None });
        }
        let shop = self.require_shop().await?;
        let phone = Msisdn::parse(&req.phone, shop.country).map_err(ExportError::Phone)?;
        let row: Option<(String, Option<String>)> =
            sqlx::query_as("SELECT id, name FROM customers WHERE phone = ?")
                .bind(phone.as_str())
                .fetch_optional(self.pool())
                .await?;
        match row {
            Some((id, name)) => Ok(Resolved {
                customer: Some((id, phone, name)),
            }),
            None => Err(ExportError::UnknownPhone {
                number: phone.national(),
            }),
        }
    }

    /// Writes every entity, the summary and the manifest into `zip`, in one
    /// read transaction and one pass over each table: the JSON goes straight
    /// into `zip`, the CSV into a second ZIP in `spool` (a nameless
    /// temporary file beside the destination), merged into `zip` at the
    /// end. Returns the rows per entity.
    async fn write_all(
        &self,
        shop_name: &str,
        resolved: &Resolved,
        zip: &mut Zip,
        spool: std::fs::File,
        progress: &mut impl FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<Vec<ExportedEntity>, Failure> {
        let mut spool = ZipWriter::new(BufWriter::with_capacity(1 << 18, spool));
        let mut tx = self.pool().begin().await?;
        let schema_version: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success = 1",
        )
        .fetch_one(&mut *tx)
        .await?;
        let mut plan = Vec::new();
        let mut total = 0u64;
        for entity in ENTITIES {
            if let Some((filter, binds)) = resolved.filter(entity) {
                let columns = columns(&mut tx, entity).await?;
                let rows = count(&mut tx, entity, &filter, &binds).await?;
                total += rows;
                plan.push((entity, columns, filter, binds));
            }
        }
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(DEFLATE_LEVEL))
            .large_file(true);
        let mut files = Vec::new();
        let mut written = Vec::new();
        let mut done = 0u64;
        let mut tick =
            |(name, entity): (&'static str, &'static str), done: u64| -> Result<(), Failure> {
                match progress(Progress {
                    name,
                    entity,
                    done,
                    total,
                }) {
                    ControlFlow::Continue(()) => Ok(()),
                    ControlFlow::Break(()) => Err(ExportError::Cancelled.into()),
                }
            };
        if let Some((first, ..)) = plan.first() {
            tick((first.name, first.label), 0)?;
        }
        for (entity, columns, filter, binds) in &plan {
            // Rows in order of insertion, CHUNK at a time from where the
            // last chunk ended, each row as one JSON array made by SQLite:
            // a few large values to carry across instead of one per column
            // (several times faster to read), and memory stays bounded.
            let sql = format!(
                "SELECT MAX(export_rowid), COUNT(*), group_concat(export_row, char(10) ORDER BY export_rowid)
                 FROM (SELECT rowid AS export_rowid, json_array({}) AS export_row FROM {}
                       WHERE rowid > ?{filter} ORDER BY rowid LIMIT {CHUNK})",
                columns
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                entity.table,
            );
            let json_name = format!("{}.json", entity.name);
            let csv_name = format!("{}.csv", entity.name);
            zip.start_file(json_name.as_str(), options)
                .map_err(io_from_zip)?;
            spool
                .start_file(csv_name.as_str(), options)
                .map_err(io_from_zip)?;
            let mut json = Hashing::new(&mut *zip);
            let mut csv = Hashing::new(&mut spool);
            let rows = write_rows(
                &mut tx,
                &sql,
                binds,
                columns,
                &mut json,
                &mut csv,
                &mut |n| tick((entity.name, entity.label), done + n),
            )
            .await?;
            done += rows;
            tick((entity.name, entity.label), done)?;
            for (name, out) in [(json_name, json.finish()), (csv_name, csv.finish())] {
                let (bytes, sha256) = out;
                files.push(ManifestFile {
                    name,
                    entity: Some(entity.name.to_owned()),
                    rows: Some(rows),
                    bytes,
                    sha256,
                });
            }
            written.push(ExportedEntity {
                name: entity.name.to_owned(),
                label: entity.label.to_owned(),
                rows,
            });
        }
        tx.rollback().await?;
        // The CSV files join the JSON ones, copied as they are (no second
        // compression).
        let mut spooled = spool
            .finish()
            .map_err(io_from_zip)?
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        spooled.rewind()?;
        let spooled = zip::ZipArchive::new(io::BufReader::with_capacity(1 << 18, spooled))
            .map_err(io_from_zip)?;
        zip.merge_archive(spooled).map_err(io_from_zip)?;

        let now = self.now();
        let customer_id = resolved.customer.as_ref().map(|(id, _, _)| id.clone());
        let summary = summary(
            shop_name,
            resolved,
            &written,
            &now.format("%Y-%m-%d %H:%M UTC").to_string(),
            schema_version,
        );
        zip.start_file("SUMMARY.txt", options)
            .map_err(io_from_zip)?;
        let mut out = Hashing::new(&mut *zip);
        out.write_all(summary.as_bytes())?;
        let (bytes, sha256) = out.finish();
        files.push(ManifestFile {
            name: "SUMMARY.txt".into(),
            entity: None,
            rows: None,
            bytes,
            sha256,
        });
        let manifest = Manifest {
            format: "dukadesk-export".into(),
            format_version: FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            schema_version,
            created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            scope: if customer_id.is_some() {
                "customer"
            } else {
                "shop"
            }
            .into(),
            customer_id,
            files,
        };
        zip.start_file("manifest.json", options)
            .map_err(io_from_zip)?;
        serde_json::to_writer_pretty(&mut *zip, &manifest).map_err(io::Error::other)?;
        Ok(written)
    }
}

/// Starts every CSV file (see [`spreadsheet_csv`]).
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV writer for spreadsheets as shops open them: Excel on Windows
/// reads a CSV as UTF-8 only with the byte-order mark (otherwise Arabic
/// and accented names come out garbled), and RFC 4180 ends records with
/// CRLF.
pub(crate) fn spreadsheet_csv<W: Write>(mut out: W, buffer: usize) -> io::Result<csv::Writer<W>> {
    out.write_all(UTF8_BOM)?;
    Ok(csv::WriterBuilder::new()
        .buffer_capacity(buffer)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

/// The file name part used when a name has no usable letters.
const FALLBACK_NAME: &str = "DukaDesk";

/// A file name made of the shop's name: no path separators or odd marks.
fn file_safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        FALLBACK_NAME.into()
    } else {
        cleaned
    }
}

/// The table's columns, from the schema, less the skipped ones.
async fn columns(conn: &mut SqliteConnection, entity: &Entity) -> Result<Vec<String>, sqlx::Error> {
    let names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
            .bind(entity.table)
            .fetch_all(&mut *conn)
            .await?;
    Ok(names
        .into_iter()
        .filter(|name| !entity.skip.contains(&name.as_str()))
        .collect())
}

async fn count(
    conn: &mut SqliteConnection,
    entity: &Entity,
    filter: &str,
    binds: &[String],
) -> Result<u64, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM {} WHERE TRUE{filter}", entity.table);
    let mut query = sqlx::query_scalar::<_, i64>(&sql);
    for b in binds {
        query = query.bind(b);
    }
    Ok(u64::try_from(query.fetch_one(&mut *conn).await?).unwrap_or(0))
}

/// Streams a table's rows, [`CHUNK`] at a time (`sql` takes the rowid to
/// start after, then `binds`; each row is a JSON array of its values, made
/// by SQLite's `json_array`), into `json` (an array, one object per line)
/// and `csv` (a header, then one record per row); returns the rows.
async fn write_rows<J: Write, C: Write>(
    conn: &mut SqliteConnection,
    sql: &str,
    binds: &[String],
    columns: &[String],
    json: J,
    csv: C,
    tick: &mut impl FnMut(u64) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    // Each column's `"name":`, escaped once.
    let keys = columns
        .iter()
        .map(|c| serde_json::to_string(c).map(|k| format!("{k}:")))
        .collect::<Result<Vec<_>, _>>()
        .map_err(io::Error::other)?;
    let mut json = BufWriter::with_capacity(1 << 16, json);
    let mut csv = spreadsheet_csv(csv, 1 << 16)?;
    csv.write_record(columns).map_err(io_from_csv)?;
    json.write_all(b"[")?;
    let mut n = 0u64;
    let mut after = i64::MIN;
    loop {
        let mut query = sqlx::query_as::<_, (Option<i64>, i64, Option<String>)>(sql).bind(after);
        for b in binds {
            query = query.bind(b);
        }
        let (last, count, chunk) = query.fetch_one(&mut *conn).await?;
        let (Some(last), Some(chunk)) = (last, chunk) else {
            break;
        };
        // A JSON text never holds a raw new line: one row per line.
        for row in chunk.split('\n') {
            write_row(row, &keys, &mut json, &mut csv, n)?;
            n += 1;
            if n % PROGRESS_EVERY == 0 {
                tick(n)?;
            }
        }
        after = last;
        if count < CHUNK {
            break;
        }
    }
    json.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?;
    json.flush()?;
    csv.flush()?;
    Ok(n)
}

/// Writes one row (SQLite's JSON array of its values) as a JSON object and
/// a CSV record; `n` is the rows written before it.
fn write_row<J: Write, C: Write>(
    row: &str,
    keys: &[String],
    json: &mut J,
    csv: &mut csv::Writer<C>,
    n: u64,
) -> Result<(), Failure> {
    {
        let values: Vec<&serde_json::value::RawValue> =
            serde_json::from_str(row).map_err(|_| StoreError::BadRow("exported row"))?;
        if values.len() != keys.len() {
            return Err(StoreError::BadRow("exported row").into());
        }
        json.write_all(if n == 0 { b"\n{" } else { b",\n{" })?;
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                json.write_all(b",")?;
            }
            json.write_all(keys[i].as_bytes())?;
            let raw = value.get();
            json.write_all(raw.as_bytes())?;
            if raw.len() >= 2 && raw.starts_with('"') && !raw.contains('\\') {
                // A string without escapes: its text is between the quotes.
                csv.write_field(&raw.as_bytes()[1..raw.len() - 1])
                    .map_err(io_from_csv)?;
            } else if raw.starts_with('"') {
                let text: String =
                    serde_json::from_str(raw).map_err(|_| StoreError::BadRow("exported row"))?;
                csv.write_field(text.as_bytes()).map_err(io_from_csv)?;
            } else if raw == "null" {
                csv.write_field(b"").map_err(io_from_csv)?;
            } else {
                csv.write_field(raw.as_bytes()).map_err(io_from_csv)?;
            }
        }
        json.write_all(b"}")?;
        csv.write_record(None::<&[u8]>).map_err(io_from_csv)?;
    }
    Ok(())
}

/// `SUMMARY.txt`: what is inside, for a person opening the ZIP.
fn summary(
    shop_name: &str,
    resolved: &Resolved,
    written: &[ExportedEntity],
    created: &str,
    schema_version: i64,
) -> String {
    let mut s = String::new();
    let scope = match &resolved.customer {
        None => format!("Everything {shop_name} keeps in DukaDesk."),
        Some((id, _, _)) => format!(
            "The data {shop_name} keeps about one customer (customer id {id}): their details, orders with lines and payments, and chats."
        ),
    };
    s.push_str(&format!("DukaDesk export\n===============\n\n{scope}\n"));
    s.push_str(&format!(
        "Written {created} by DukaDesk {} (database schema {schema_version}).\n\n",
        env!("CARGO_PKG_VERSION")
    ));
    s.push_str("What is inside (rows):\n\n");
    let width = written.iter().map(|e| e.label.len()).max().unwrap_or(0);
    for e in written {
        s.push_str(&format!(
            "  {:<width$}  {:>10}   {name}.csv, {name}.json\n",
            e.label,
            group_thousands(e.rows),
            name = e.name
        ));
    }
    s.push_str(
        "\nEach table is there twice: as CSV (opens in a spreadsheet) and as JSON
(for other software; one array, one object per line). Both hold the same rows.
Money is in minor units (cents) with its currency beside it: 21000 KES is
KES 210.00. Times are milliseconds since 1970-01-01 UTC.

manifest.json lists every file with its rows and its SHA-256 checksum, so you
can check that nothing was changed or cut off.
",
    );
    s
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
