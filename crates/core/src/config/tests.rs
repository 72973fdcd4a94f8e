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
