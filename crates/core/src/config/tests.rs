use super::*;

#[test]
fn layers_apply_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let c = Config::load(dir.path(), []).expect("defaults");
    assert_eq!(c.log, "info");
    assert_eq!(c.database_path(), dir.path().join("dukadesk.db"));

    std::fs::write(dir.path().join(FILE_NAME), "log = \"debug\"\n").expect("write");
    assert_eq!(Config::load(dir.path(), []).expect("file").log, "debug");

    let env = [("DUKADESK_LOG".to_owned(), "warn".to_owned())];
    assert_eq!(Config::load(dir.path(), env).expect("env").log, "warn");

    let other = tempfile::tempdir().expect("tempdir");
    let env = [(
        "DUKADESK_DATA_DIR".to_owned(),
        other.path().display().to_string(),
    )];
    assert_eq!(
        Config::load(dir.path(), env).expect("env").data_dir,
        other.path()
    );
}

#[test]
fn a_broken_file_says_where_and_what() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(FILE_NAME), "colour = 3\n").expect("write");
    let err = Config::load(dir.path(), []).unwrap_err().to_string();
    assert!(err.contains("dukadesk.toml"), "{err}");
    assert!(err.contains("delete it"), "{err}");
}

#[test]
fn the_update_address_comes_from_the_file_then_the_environment() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        Config::load(dir.path(), []).expect("defaults").update_url,
        None
    );
    std::fs::write(
        dir.path().join(FILE_NAME),
        "update_url = \"https://updates.example.test/latest.json\"\n",
    )
    .expect("write");
    assert_eq!(
        Config::load(dir.path(), [])
            .expect("file")
            .update_url
            .as_deref(),
        Some("https://updates.example.test/latest.json")
    );
    let env = [
        (
            "DUKADESK_UPDATE_URL".to_owned(),
            "http://127.0.0.1:9/latest.json".to_owned(),
        ),
        ("DUKADESK_UPDATE_PUBKEY".to_owned(), "a2V5".to_owned()),
    ];
    let c = Config::load(dir.path(), env).expect("env");
    assert_eq!(
        c.update_url.as_deref(),
        Some("http://127.0.0.1:9/latest.json")
    );
    assert_eq!(c.update_pubkey.as_deref(), Some("a2V5"));
}

#[test]
fn each_data_directory_is_its_own_instance() {
    assert_eq!(Config::instance_key([]), None);
    let key = |dir: &str| {
        Config::instance_key([("DUKADESK_DATA_DIR".to_owned(), dir.to_owned())])
            .expect("a key for an override")
    };
    assert_eq!(key("/tmp/a"), key("/tmp/a"));
    assert_ne!(key("/tmp/a"), key("/tmp/b"));
    let k = key("/tmp/a b/é");
    assert!(k.starts_with("data_"), "{k}");
    assert!(
        k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
        "{k}"
    );
}
