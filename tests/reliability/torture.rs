//! A torture folder generated here, one file per hostile case, run once; each case's
//! outcome is asserted by id in articles.csv, errors.csv and facts.csv.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::read_csv;

fn by_id(
    rows: Vec<BTreeMap<String, String>>,
    key: &str,
) -> BTreeMap<String, BTreeMap<String, String>> {
    rows.into_iter().map(|r| (r[key].clone(), r)).collect()
}

/// A billion-laughs YAML bomb in front matter: nine levels of nine aliases.
fn yaml_bomb() -> String {
    let mut yaml = String::from("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..9 {
        let items = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml.push_str(&format!("a{i}: &a{i} [{items}]\n"));
    }
    yaml + "title: boom\n---\nBody text of the bomb.\n"
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn every_torture_case_has_its_expected_outcome() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let body = "The council met on Monday in Leeds, officials said. ".repeat(20);
    write(&dir, "bomb.md", yaml_bomb());
    write(
        &dir,
        "bad-front-matter.md",
        "---\ntitle: [unclosed\nauthor: x\n---\nBody text.\n",
    );
    // UTF-8 with curly quotes and nine damaged bytes: still UTF-8, errors counted.
    let mut damaged = "“Damaged” report\n\n".as_bytes().to_vec();
    damaged.extend_from_slice(body.as_bytes());
    for _ in 0..9 {
        damaged.extend_from_slice(b" bad \xD0 byte");
    }
    write(&dir, "damaged-utf8.txt", damaged);
    let utf16: Vec<u8> = format!("UTF-16 report\n\n{body}")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(&dir, "utf16-no-bom.txt", utf16);
    // UTF-16 JSON Lines (with a BOM): decoded before it is split into records.
    let mut utf16_lines = vec![0xFF, 0xFE];
    utf16_lines.extend(
        format!("{{\"title\": \"First\", \"text\": \"{body}\"}}\n{{\"title\": \"Second\", \"text\": \"{body}\"}}\n")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(&dir, "utf16.jsonl", utf16_lines);
    write(&dir, "one-nul.txt", format!("NUL report\n\n{body}\0 end."));
    write(
        &dir,
        "controls.jsonl",
        "{\"title\": \"Bad\\u0000 \\u001b[31mtitle\", \"text\": \"Body\\u0007 text of the record, long enough to keep.\"}\n",
    );
    write(
        &dir,
        "cr-only.txt",
        "CR report title\r\rFirst paragraph about AOL.\rTime Warner merged.\r\rSecond paragraph.\r",
    );
    write(
        &dir,
        "huge-count.txt",
        "Huge count\n\n999999999999999999999 killed in the attack on Monday.\n",
    );
    // One run-on sentence holding hundreds of counts.
    let run_on = (0..600)
        .map(|i| format!("{} people were killed in town {i}", i + 2))
        .collect::<Vec<_>>()
        .join(" and ");
    write(&dir, "run-on.txt", format!("Run-on\n\n{run_on}.\n"));
    write(&dir, "binary.txt", [0u8, 1, 2, 3, 0, 0, 0, 0xff].repeat(50));
    // One paragraph of traps for the entity rules that look around a word: given names
    // before opening quotation marks that never close, institution heads before "for",
    // acronyms after "a"; appositions, "its", score lines, plural verbs, line-up items,
    // patronymics and "X and Y" pairs in one sentence without end.
    let traps = "Marion “Suge Knight Center for Public Policy a PAC, Zorbex, a leading \
                 firm said its Newcastle 2-1 Bolton Wasps have C Paterson; S Danielli, \
                 Osama bin Laden and Rangers analyst at Nomura "
        .repeat(4_000);
    write(&dir, "name-traps.txt", format!("Name traps\n\n{traps}\n"));
    let para = "<p>The council met on Monday in Leeds, officials said, and voted.</p>";
    let attrs: Vec<String> = (0..100_000).map(|i| format!("a{i}=\"v{i}\"")).collect();
    write(
        &dir,
        "attrs.html",
        format!(
            "<html><body><div {}>{para}</div></body></html>",
            attrs.join(" ")
        ),
    );
    write(
        &dir,
        "deep.html",
        format!(
            "<html><body>{}{para}{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        ),
    );
    write(
        &dir,
        "unclosed.html",
        format!(
            "<html><body>{para}{}</body></html>",
            "<div><span>x ".repeat(50_000)
        ),
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_os_string();
        std::fs::write(
            dir.join(name(b"latin-\xe9.txt")),
            format!("Name one\n\n{body}"),
        )
        .unwrap();
        std::fs::write(
            dir.join(name(b"latin-\xe8.txt")),
            format!("Name two\n\n{body}"),
        )
        .unwrap();
        std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("dangling.txt")).unwrap();
        let _ = Command::new("mkfifo").arg(dir.join("fifo.txt")).status();
    }
    let out = tmp.path().join("out");
    let (run, seconds) = super::run_quiet(&dir, &out);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(seconds < 60.0, "torture run took {seconds:.1} s");
    let articles = by_id(read_csv(&out.join("articles.csv")), "id");
    let errors = by_id(read_csv(&out.join("errors.csv")), "path");
    let error_code = |name: &str| {
        errors
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .map(|(_, r)| r["code"].clone())
    };
    assert_eq!(error_code("bomb.md").as_deref(), Some("front_matter"));
    assert_eq!(
        error_code("bad-front-matter.md").as_deref(),
        Some("front_matter")
    );
    assert_eq!(error_code("binary.txt").as_deref(), Some("binary"));
    for page in ["attrs.html", "deep.html", "unclosed.html"] {
        // Parsed in bounded time: an article or a content verdict, never too_slow.
        let code = error_code(page);
        assert!(
            articles.contains_key(page) || code.as_deref() == Some("no_content"),
            "{page}: {code:?}"
        );
    }
    // Processed in bounded time, not stopped by the stage's time limit.
    assert!(
        articles.contains_key("name-traps.txt"),
        "name-traps.txt: {:?}",
        error_code("name-traps.txt")
    );
    let damaged = &articles["damaged-utf8.txt"];
    assert_eq!(damaged["encoding"], "UTF-8+windows-1252");
    assert_eq!(damaged["encoding_errors"], "9");
    assert_eq!(damaged["title"], "“Damaged” report");
    assert_eq!(articles["utf16-no-bom.txt"]["encoding"], "UTF-16LE");
    assert_eq!(articles["utf16-no-bom.txt"]["title"], "UTF-16 report");
    assert_eq!(articles["utf16.jsonl#1"]["title"], "First");
    assert_eq!(articles["utf16.jsonl#2"]["title"], "Second");
    assert_eq!(articles["one-nul.txt"]["title"], "NUL report");
    let record = &articles["controls.jsonl#1"];
    assert_eq!(record["title"], "Bad [31mtitle");
    assert_eq!(articles["cr-only.txt"]["title"], "CR report title");
    assert!(
        articles["cr-only.txt"]["paragraphs"]
            .parse::<u32>()
            .unwrap()
            >= 2
    );
    let cells = std::fs::read_to_string(out.join("articles.csv")).unwrap()
        + &std::fs::read_to_string(out.join("articles.jsonl")).unwrap();
    assert!(
        !cells
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
        "a control character reached the outputs"
    );
    let facts = read_csv(&out.join("facts.csv"));
    assert!(facts.iter().all(|f| f["count"] != "18446744073709551615"));
    assert!(!facts.iter().any(|f| f["article_id"] == "huge-count.txt"));
    let run_on: Vec<_> = facts
        .iter()
        .filter(|f| f["article_id"] == "run-on.txt")
        .collect();
    assert!(!run_on.is_empty());
    assert!(run_on.iter().all(|f| f["sentence"].chars().count() <= 402));
    #[cfg(unix)]
    {
        assert!(articles.contains_key("latin-%E9.txt") && articles.contains_key("latin-%E8.txt"));
        assert_eq!(
            error_code("dangling.txt").as_deref(),
            Some("dangling_symlink")
        );
        if dir.join("fifo.txt").exists() {
            assert_eq!(error_code("fifo.txt").as_deref(), Some("not_a_file"));
        }
    }
}
