//! Export tests on real SQLite files and real ZIPs: every row comes back,
//! counts match the manifest, the CSV parses, checksums verify; a customer
//! export holds nobody else; bad input and failures leave no file.

use super::*;
use crate::payments::ProviderOutcome;
use crate::store::testing::{chat_to_payment, shop_store};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

const AMINA: &str = "0722000111";
const BARAKA: &str = "0711222333";

/// A shop with two chat customers with paid orders, till orders (cash,
/// M-Pesa with a receipt code, a walk-in), and an audit line.
async fn busy_shop() -> (tempfile::TempDir, Store) {
    let (dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let line = |qty| ManualLineInput {
        item_id: items[0].id,
        qty,
        label: None,
    };
    // Chats first: a returning customer's dialogue goes differently.
    for (phone, receipt) in [(AMINA, "RAM1N4PAID"), (BARAKA, "RBAR4KPAID")] {
        let (_chat, payment) = chat_to_payment(&store, phone).await;
        store
            .apply_payment_outcome(
                payment,
                ProviderOutcome::Paid {
                    receipt: Some(receipt.into()),
                },
            )
            .await
            .expect("paid");
    }
    for (phone, name, payment) in [
        (
            AMINA,
            "Amina",
            TillPayment::MpesaReceipt("QKX1A2B3C4".into()),
        ),
        (BARAKA, "Baraka", TillPayment::Cash),
        ("", "", TillPayment::Cash),
    ] {
        store
            .create_manual_order(
                &ManualOrderInput {
                    customer_phone: phone.into(),
                    customer_name: name.into(),
                    lines: vec![line(2)],
                    payment,
                    note: "Pack, \"with care\"\nplease".into(),
                    ..Default::default()
                },
                "till",
            )
            .await
            .expect("till order");
    }
    store
        .save_category(&dukadesk_domain::ipc::SaveCategory {
            id: None,
            name: "Greens".into(),
        })
        .await
        .expect("category");
    // Baraka takes goods on credit and pays part back.
    let on_credit = store
        .create_manual_order(
            &ManualOrderInput {
                customer_phone: BARAKA.into(),
                lines: vec![line(1)],
                payment: TillPayment::Credit,
                ..Default::default()
            },
            "till",
        )
        .await
        .expect("credit sale");
    store
        .record_repayment(
            &dukadesk_domain::credit::RepaymentInput {
                customer_id: on_credit.order.customer_id.expect("Baraka"),
                amount: "10".into(),
                method: dukadesk_domain::credit::RepaymentMethod::Mpesa,
                receipt: "RBAR4KBACK".into(),
            },
            "clerk",
        )
        .await
        .expect("repaid");
    store
        .record_cash_up(
            &dukadesk_domain::cashup::CashUpInput {
                float: "500".into(),
                counted: "900".into(),
                note: "Short, \"one coin\"\nlost".into(),
            },
            "Baraka",
        )
        .await
        .expect("cash-up");
    store
        .audit(
            &Actor::Owner,
            crate::privacy::AuditAction::CustomerCorrect,
            Some("someone"),
            "name",
        )
        .await
        .expect("audit");
    (dir, store)
}

fn shop() -> ExportRequest {
    ExportRequest {
        scope: ExportScope::Shop,
        phone: String::new(),
    }
}

fn customer(phone: &str) -> ExportRequest {
    ExportRequest {
        scope: ExportScope::Customer,
        phone: phone.into(),
    }
}

/// Every entry of the ZIP, uncompressed.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).expect("open zip");
    let mut archive = zip::ZipArchive::new(file).expect("a readable zip");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("inflate");
        out.insert(entry.name().expect("entry name").into_owned(), bytes);
    }
    out
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks the manifest against the files: every file listed, sizes,
/// checksums, rows of the JSON and the CSV. Returns the manifest.
fn verify(files: &BTreeMap<String, Vec<u8>>) -> Manifest {
    let manifest: Manifest =
        serde_json::from_slice(files.get("manifest.json").expect("manifest.json"))
            .expect("manifest");
    assert_eq!(manifest.format, "dukadesk-export");
    let known = crate::store::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max()
        .expect("migrations");
    assert_eq!(manifest.schema_version, known);
    let listed: BTreeSet<&str> = manifest.files.iter().map(|f| f.name.as_str()).collect();
    let present: BTreeSet<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|n| *n != "manifest.json")
        .collect();
    assert_eq!(listed, present, "the manifest lists exactly the files");
    for f in &manifest.files {
        let bytes = &files[&f.name];
        assert_eq!(bytes.len() as u64, f.bytes, "{} size", f.name);
        assert_eq!(sha256_hex(bytes), f.sha256, "{} checksum", f.name);
        if f.name.ends_with(".json") {
            let rows: Vec<serde_json::Map<String, serde_json::Value>> =
                serde_json::from_slice(bytes).expect("JSON array of objects");
            assert_eq!(Some(rows.len() as u64), f.rows, "{} rows", f.name);
        } else if f.name.ends_with(".csv") {
            // As Excel on Windows wants it: UTF-8 with its mark, CRLF.
            assert!(
                bytes.starts_with(UTF8_BOM),
                "{} starts with the BOM",
                f.name
            );
            let text = std::str::from_utf8(bytes).expect("UTF-8");
            assert!(text.ends_with("\r\n"), "{} ends its last record", f.name);
            let header = text.split('\n').next().expect("a header line");
            assert!(
                header.ends_with('\r'),
                "{}: the header ends with CRLF",
                f.name
            );
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            let headers = reader.headers().expect("CSV header").clone();
            assert!(!headers.is_empty(), "{} has columns", f.name);
            let mut n = 0u64;
            for record in reader.records() {
                let record = record.expect("a CSV record");
                assert_eq!(record.len(), headers.len(), "{} record width", f.name);
                n += 1;
            }
            assert_eq!(Some(n), f.rows, "{} rows", f.name);
        }
    }
    manifest
}

/// One column of a CSV file, as strings.
fn csv_column(files: &BTreeMap<String, Vec<u8>>, file: &str, column: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(files[file].as_slice());
    let idx = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("{file} has no column {column}"));
    reader
        .records()
        .map(|r| r.expect("record")[idx].to_owned())
        .collect()
}

async fn ids(store: &Store, sql: &str) -> BTreeSet<String> {
    sqlx::query_scalar::<_, String>(sql)
        .fetch_all(store.pool())
        .await
        .expect("ids")
        .into_iter()
        .collect()
}

/// Exported entities and their tables.
const TABLES: [(&str, &str); 15] = [
    ("business", "shop"),
    ("delivery_zones", "delivery_zones"),
    ("categories", "categories"),
    ("catalogue", "items"),
    ("stock_movements", "stock_movements"),
    ("cash_ups", "cash_ups"),
    ("credit_payments", "credit_payments"),
    ("customers", "customers"),
    ("orders", "orders"),
    ("order_items", "order_items"),
    ("order_history", "order_events"),
    ("payments", "payments"),
    ("conversations", "conversations"),
    ("messages", "messages"),
    ("audit_log", "audit_log"),
];

#[tokio::test]
async fn whole_shop_round_trip_every_row_counts_and_checksums() {
    let (dir, store) = busy_shop().await;
    // More audit lines than one chunk holds, several times over.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1300)
         INSERT INTO audit_log (at, actor, action, subject, detail)
         SELECT i, 'system', 'retention.chats', NULL, 'line ' || i FROM n",
    )
    .execute(store.writer())
    .await
    .expect("audit lines");
    let mut before = BTreeMap::new();
    for (_, table) in TABLES {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(store.pool())
            .await
            .expect("count");
        assert!(n > 0, "the shop has {table}");
        before.insert(table, n as u64);
    }
    let dest = dir.path().join("export.zip");
    let mut seen = Vec::new();
    let result = store
        .export(&shop(), &dest, &Actor::Owner, |p| {
            seen.push(p);
            ControlFlow::Continue(())
        })
        .await
        .expect("export");
    assert!(!partial_path(&dest).exists());
    assert_eq!(
        result.bytes,
        std::fs::metadata(&dest).expect("zip exists").len()
    );
    let files = unzip(&dest);
    let manifest = verify(&files);
    assert_eq!(manifest.scope, "shop");
    assert!(files.contains_key("SUMMARY.txt"));

    // Every table's rows (as they were before the export's own audit line).
    for (entity, table) in TABLES {
        let stored = before[table];
        let exported = result
            .entities
            .iter()
            .find(|e| e.name == entity)
            .unwrap_or_else(|| panic!("{entity} exported"));
        assert_eq!(exported.rows, stored, "{entity}");
        for ext in ["json", "csv"] {
            let f = manifest
                .files
                .iter()
                .find(|f| f.name == format!("{entity}.{ext}"))
                .expect("listed");
            assert_eq!(f.rows, Some(stored), "{entity}.{ext}");
        }
    }
    assert!(result.rows > 20, "a busy shop has rows: {}", result.rows);
    for (file, table) in [
        ("orders.csv", "orders"),
        ("payments.csv", "payments"),
        ("customers.csv", "customers"),
        ("conversations.csv", "conversations"),
        ("messages.csv", "messages"),
        ("catalogue.csv", "items"),
    ] {
        let exported: BTreeSet<String> = csv_column(&files, file, "id").into_iter().collect();
        assert_eq!(
            exported,
            ids(&store, &format!("SELECT id FROM {table}")).await,
            "{file}"
        );
    }
    let receipts = csv_column(&files, "payments.csv", "receipt");
    for code in ["QKX1A2B3C4", "RAM1N4PAID", "RBAR4KPAID"] {
        assert!(receipts.iter().any(|r| r == code), "receipt {code}");
    }
    // Quotes, commas and new lines in a note survive both formats.
    let notes = csv_column(&files, "orders.csv", "note");
    assert!(notes.iter().any(|n| n == "Pack, \"with care\"\nplease"));
    let orders: Vec<serde_json::Value> =
        serde_json::from_slice(&files["orders.json"]).expect("orders.json");
    assert!(orders
        .iter()
        .any(|o| o["note"] == "Pack, \"with care\"\nplease"));
    assert!(orders.iter().all(|o| o["total_minor"].is_i64()));
    // Internal bookkeeping is left out; secrets are never exported.
    assert!(orders[0].get("customer_phone_rev").is_none());
    for name in files.keys() {
        assert!(
            !name.contains("secret") && !name.contains("vault") && !name.contains("staff"),
            "{name}"
        );
    }
    // Every line once, in order, across chunk boundaries.
    let seqs: Vec<i64> = csv_column(&files, "audit_log.csv", "seq")
        .iter()
        .map(|s| s.parse().expect("a number"))
        .collect();
    let stored: Vec<i64> =
        sqlx::query_scalar("SELECT seq FROM audit_log WHERE action <> 'export.shop' ORDER BY seq")
            .fetch_all(store.pool())
            .await
            .expect("seqs");
    assert_eq!(seqs, stored);
    assert_eq!(seqs.len(), 1301);
    let audit: Vec<serde_json::Value> =
        serde_json::from_slice(&files["audit_log.json"]).expect("audit_log.json");
    assert_eq!(audit[0]["action"], "customer.correct");
    assert_eq!(audit[1300]["detail"], "line 1300");

    // Progress: from 0 to the end, never backwards.
    assert_eq!(seen.first().map(|p| p.done), Some(0));
    let last = seen.last().expect("progress");
    assert_eq!(last.done, last.total);
    assert_eq!(last.total, result.rows);
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));

    // The audit line was written with the file.
    let log = store.audit_log(1).await.expect("log");
    assert_eq!(log[0].action, "export.shop");
    assert_eq!(log[0].actor, "owner");
    assert_eq!(log[0].subject, None);
}

#[tokio::test]
async fn one_customer_holds_only_their_data() {
    let (dir, store) = busy_shop().await;
    let dest = dir.path().join("amina.zip");
    let plan = store
        .plan_export(&customer("+254 722 000 111"))
        .await
        .expect("plan");
    assert_eq!(plan.customer.as_deref(), Some("Amina (0722 000 111)"));
    assert!(plan.suggested_name.starts_with("Amina data export "));
    let result = store
        .export(&customer("+254 722 000 111"), &dest, &Actor::Owner, |_| {
            ControlFlow::Continue(())
        })
        .await
        .expect("export");
    assert_eq!(plan.rows, result.rows);
    let files = unzip(&dest);
    let manifest = verify(&files);
    let amina: String = sqlx::query_scalar("SELECT id FROM customers WHERE phone = '254722000111'")
        .fetch_one(store.pool())
        .await
        .expect("amina");
    assert_eq!(manifest.scope, "customer");
    assert_eq!(manifest.customer_id.as_deref(), Some(amina.as_str()));

    // Everything of Amina's is there.
    assert_eq!(
        csv_column(&files, "customers.csv", "id"),
        vec![amina.clone()]
    );
    let orders: BTreeSet<String> = csv_column(&files, "orders.csv", "id").into_iter().collect();
    assert_eq!(orders.len(), 2, "her till order and her chat order");
    assert_eq!(
        orders,
        ids(
            &store,
            &format!("SELECT id FROM orders WHERE customer_id = '{amina}'")
        )
        .await
    );
    let receipts = csv_column(&files, "payments.csv", "receipt");
    assert!(receipts.iter().any(|r| r == "QKX1A2B3C4"));
    assert!(receipts.iter().any(|r| r == "RAM1N4PAID"));
    assert_eq!(csv_column(&files, "conversations.csv", "id").len(), 1);
    assert!(!csv_column(&files, "messages.csv", "id").is_empty());
    // The shop's own tables are not part of it.
    assert!(!files.contains_key("catalogue.csv"));
    assert!(!files.contains_key("business.csv"));

    // Baraka is nowhere: not by phone (any form), receipt or id.
    let baraka: String =
        sqlx::query_scalar("SELECT id FROM customers WHERE phone = '254711222333'")
            .fetch_one(store.pool())
            .await
            .expect("baraka");
    let raw = std::fs::read(&dest).expect("zip bytes");
    for needle in [
        "254711222333",
        "0711222333",
        "711222333",
        "Baraka",
        "RBAR4KPAID",
        "RBAR4KBACK",
        baraka.as_str(),
    ] {
        for (name, bytes) in files.iter().chain([(&"the zip".to_owned(), &raw)]) {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle} found in {name}"
            );
        }
    }

    let log = store.audit_log(1).await.expect("log");
    assert_eq!(log[0].action, "export.customer");
    assert_eq!(log[0].subject.as_deref(), Some(amina.as_str()));
    assert!(!log[0].detail.contains("722"), "no phone in the audit log");
}

#[tokio::test]
async fn an_unknown_or_mistyped_phone_is_refused_and_writes_nothing() {
    let (dir, store) = busy_shop().await;
    let dest = dir.path().join("nobody.zip");
    let err = store
        .export(&customer("0799 123 456"), &dest, &Actor::Owner, |_| {
            ControlFlow::Continue(())
        })
        .await
        .expect_err("no such customer");
    assert!(matches!(err, ExportError::UnknownPhone { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("0799 123 456"), "{message}");
    assert!(message.contains("Check the number"), "{message}");

    let err = store
        .plan_export(&customer("07x9"))
        .await
        .expect_err("not a number");
    assert!(matches!(err, ExportError::Phone(_)), "{err:?}");
    assert!(!dest.exists());
    assert!(!partial_path(&dest).exists());
    let log = store.audit_log(1).await.expect("log");
    assert!(!log[0].action.starts_with("export"));
}

#[tokio::test]
async fn a_stopped_export_leaves_no_file() {
    let (dir, store) = busy_shop().await;
    let dest = dir.path().join("stopped.zip");
    let mut calls = 0;
    let err = store
        .export(&shop(), &dest, &Actor::Owner, |p| {
            calls += 1;
            // Stop half-way: some files are already in the partial ZIP.
            if p.done * 2 >= p.total {
                assert!(
                    partial_path(&dest).exists(),
                    "writing goes to the partial file"
                );
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .await
        .expect_err("stopped");
    assert!(matches!(err, ExportError::Cancelled), "{err:?}");
    assert!(calls > 2);
    assert!(!dest.exists());
    assert!(!partial_path(&dest).exists());
    let log = store.audit_log(1).await.expect("log");
    assert!(
        !log[0].action.starts_with("export"),
        "no audit line for no export"
    );
}

#[tokio::test]
async fn a_place_that_cannot_be_written_says_so_and_leaves_nothing() {
    let (dir, store) = busy_shop().await;
    let dest = dir.path().join("no such folder").join("export.zip");
    let err = store
        .export(&shop(), &dest, &Actor::Owner, |_| ControlFlow::Continue(()))
        .await
        .expect_err("missing folder");
    assert!(matches!(err, ExportError::Write { .. }), "{err:?}");
    assert!(err.to_string().contains("Choose another place"));
    assert!(!dest.exists());
}

/// The operating system's "disk full" is told apart from other write
/// failures on every platform the app ships for.
#[test]
fn the_systems_disk_full_errors_are_disk_full() {
    #[cfg(unix)]
    let full = [28];
    #[cfg(windows)]
    let full = [39, 112];
    for code in full {
        assert!(is_disk_full(&io::Error::from_raw_os_error(code)), "{code}");
    }
    // Access denied (EACCES 13 on Unix, ERROR_ACCESS_DENIED 5 on Windows).
    for code in [13, 5] {
        assert!(!is_disk_full(&io::Error::from_raw_os_error(code)), "{code}");
    }
}

/// A small tmpfs, unmounted when dropped (Linux: the Windows build checks
/// the error mapping above).
#[cfg(target_os = "linux")]
struct SmallDisk {
    dir: tempfile::TempDir,
}

#[cfg(target_os = "linux")]
impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().expect("mount point");
        let args = ["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"];
        let mounted = std::process::Command::new("mount")
            .args(args)
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success())
            || std::process::Command::new("sudo")
                .arg("-n")
                .arg("mount")
                .args(args)
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
        assert!(
            mounted,
            "this test fills a small tmpfs: run it as root or with passwordless sudo (cargo xtask test does on the build machines)"
        );
        SmallDisk { dir }
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let path = self.dir.path().to_owned();
        let ok = std::process::Command::new("umount")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = std::process::Command::new("sudo")
                .args(["-n", "umount"])
                .arg(&path)
                .status();
        }
    }
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_full_disk_says_so_and_leaves_no_file() {
    let (_dir, store) = busy_shop().await;
    // Enough audit lines of random text (it does not compress) to fill a
    // 64 KiB disk half-way through the export.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
         INSERT INTO audit_log (at, actor, action, subject, detail)
         SELECT i, 'system', 'retention.chats', NULL, hex(randomblob(24)) FROM n",
    )
    .execute(store.writer())
    .await
    .expect("fill");
    let disk = SmallDisk::mount("64k");
    let dest = disk.dir.path().join("export.zip");
    let err = store
        .export(&shop(), &dest, &Actor::Owner, |_| ControlFlow::Continue(()))
        .await
        .expect_err("the disk fills up");
    assert!(matches!(err, ExportError::DiskFull), "{err:?}");
    assert_eq!(
        err.to_string(),
        "The disk is full: free some space or choose another place. Nothing was saved."
    );
    assert_eq!(
        std::fs::read_dir(disk.dir.path()).expect("list").count(),
        0,
        "neither the export nor its partial file is left"
    );
    let log = store.audit_log(1).await.expect("log");
    assert_ne!(log[0].action, "export.shop");
}
