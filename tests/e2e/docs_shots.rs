//! The README's pictures cannot go stale: each `docs/<name>.png` the README
//! shows is taken by exactly one end-to-end step (`App::doc_shot`), which
//! `cargo xtask shots` reruns to write them all again, and every such step
//! names a picture the README shows.

use std::collections::BTreeMap;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
}

/// The `docs/<name>.png` pictures a Markdown text shows.
fn pictures_in(markdown: &str) -> Vec<String> {
    markdown
        .match_indices("](docs/")
        .filter_map(|(at, m)| {
            let rest = &markdown[at + m.len()..];
            let end = rest.find(')')?;
            rest[..end].strip_suffix(".png").map(str::to_owned)
        })
        .collect()
}

/// Each `doc_shot(_, "<name>")` in the end-to-end sources, with its file.
fn doc_shots() -> BTreeMap<String, Vec<String>> {
    let mut shots = BTreeMap::<String, Vec<String>>::new();
    let dir = root().join("tests/e2e");
    for entry in std::fs::read_dir(&dir).expect("read tests/e2e") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "rs")
            || path.ends_with("harness.rs")
            || path.ends_with("docs_shots.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read a test");
        // Formatted calls may break the line after the first argument.
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (at, m) in flat.match_indices(".doc_shot(") {
            let args = &flat[at + m.len()..];
            let args = &args[..args.find(')').expect("a closed call")];
            let doc = args
                .rsplit(',')
                .next()
                .expect("two arguments")
                .trim()
                .trim_matches('"')
                .to_owned();
            let file = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            shots.entry(doc).or_default().push(file);
        }
    }
    shots
}

#[test]
fn every_readme_picture_is_retaken_by_exactly_one_end_to_end_step() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let pictures = pictures_in(&readme);
    assert!(pictures.len() >= 20, "found only {pictures:?}");
    let shots = doc_shots();
    for picture in &pictures {
        match shots.get(picture).map(Vec::as_slice) {
            Some([_]) => {}
            Some(files) => panic!("docs/{picture}.png is taken in several places: {files:?}"),
            None => panic!("docs/{picture}.png is in the README but no end-to-end step takes it: call App::doc_shot"),
        }
        assert!(
            root().join("docs").join(format!("{picture}.png")).is_file(),
            "docs/{picture}.png is missing: run cargo xtask shots"
        );
    }
    for (doc, files) in &shots {
        assert!(
            pictures.contains(doc),
            "{files:?} take docs/{doc}.png, which the README does not show"
        );
    }
}

#[test]
fn pictures_are_read_from_markdown_links() {
    let text = "![A](docs/a.png) and ![B](docs/b-c.png), not [x](other/d.png)";
    assert_eq!(pictures_in(text), ["a", "b-c"]);
}
