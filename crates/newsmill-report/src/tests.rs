use std::path::{Path, PathBuf};
use std::process::Command;

use newsmill_core::{Block, Entity, EntityKind, Fact, Quote, QuoteKind, Span, SpeakerType};

use super::*;

fn article(id: &str, published: &str, people: &[&str], killed: Option<u64>) -> Article {
    let mut a = Article::new(id, id);
    a.blocks = vec![Block::paragraph("Some words here.")];
    a.meta.published = Some(published.into());
    a.meta.language = Some("en".into());
    a.annotations.entities = people
        .iter()
        .map(|p| Entity {
            kind: EntityKind::Person,
            name: (*p).into(),
            aliases: vec![(*p).into()],
            mentions: 2,
            first: Span::new(0, 0, 1),
        })
        .collect();
    a.annotations.quotes = vec![Quote {
        speaker: people.first().map(|p| (*p).to_string()),
        speaker_mention: None,
        cue: None,
        text: "q".into(),
        kind: QuoteKind::Full,
        span: Span::new(0, 0, 1),
        speaker_type: SpeakerType::Unknown,
    }];
    a.annotations.facts = killed
        .map(|n| Fact {
            kind: "killed".into(),
            count: Some(n),
            count_min: Some(n),
            count_max: Some(n),
            qualifier: None,
            subject: None,
            place: None,
            place_source: None,
            date: None,
            date_start: None,
            date_end: None,
            sentence: "s".into(),
            span: Span::new(0, 0, 1),
        })
        .into_iter()
        .collect();
    a
}

fn sample() -> Report {
    let mut r = Report::new();
    r.add_article(&article(
        "world/a.md",
        "2013-01-05",
        &["Barack Obama", "John Kerry"],
        Some(5),
    ));
    r.add_article(&article(
        "world/b.md",
        "2013-03-20",
        &["Barack Obama"],
        Some(2),
    ));
    r.add_article(&article(
        "sport/c.md",
        "2013-03-21",
        &["<script>x</script>"],
        None,
    ));
    r.add_error("decode");
    r.add_error("decode");
    r.add_dropped("duplicate");
    r
}

#[test]
fn tallies_rank_and_fill_empty_months() {
    let r = sample();
    assert_eq!(
        top(&r.people, 2),
        [
            ("Barack Obama".to_string(), 2),
            ("<script>x</script>".to_string(), 1)
        ]
    );
    assert_eq!(top(&r.sources, 5)[0], ("world/".to_string(), 2));
    let html = r.render();
    // January to March, February empty: three columns.
    let start = html.find("id=\"articles-over-time\"").unwrap();
    let chart = &html[start..start + html[start..].find("</svg>").unwrap()];
    assert_eq!(chart.matches("<rect").count(), 3);
    assert!(chart.contains(">2013-02</text>"));
}

#[test]
fn page_is_self_contained_and_escapes_names() {
    let html = sample().render();
    assert!(!html.contains("<script>x</script>"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    for remote in ["http://", "https://", "src=", "@import", "url("] {
        let outside_svg_ns = html.replace("http://www.w3.org/2000/svg", "");
        assert!(!outside_svg_ns.contains(remote), "page refers to {remote}");
    }
    assert_eq!(html, sample().render(), "same input, same bytes");
}

#[test]
fn an_empty_run_renders() {
    let html = Report::new().render();
    assert!(html.contains("nothing to show"));
    assert!(html.ends_with("</html>\n"));
}

/// Debian's `chromium`, or the name in NEWSMILL_CHROMIUM.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("NEWSMILL_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Headless Chromium, offline as far as its flags go, with a fresh profile.
fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut command = Command::new(chromium);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// The page in a real browser: every chart is laid out with a non-empty box (the page's own
/// script counts them after load) and the DOM is the page's, not an error page.
#[test]
fn chromium_draws_every_chart() {
    let Some(chromium) = chromium() else {
        println!(
            "skipping: no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, sample().render()).unwrap();
    let output = headless(&chromium, &dir.path().join("profile"))
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output();
    let output = match output {
        Ok(o) if o.status.success() => o,
        Ok(o) => {
            println!(
                "skipping: chromium failed to start: {}",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            return;
        }
        Err(e) => {
            println!("skipping: cannot run chromium: {e}");
            return;
        }
    };
    let dom = String::from_utf8_lossy(&output.stdout);
    let expected = sample().render().matches("<svg class=\"chart\"").count();
    // Over time, languages, sources, people, speakers, killed (the sample names no
    // organisation or place and counts no wounded: those sections say so instead).
    assert_eq!(expected, 6);
    assert!(
        dom.contains(&format!("data-charts=\"{expected}\"")),
        "charts not counted: {}",
        &dom[..dom.len().min(400)]
    );
    assert!(
        dom.contains(&format!("data-charts-drawn=\"{expected}\"")),
        "not every chart was drawn: {}",
        &dom[dom.find("<body").unwrap_or(0)..][..200.min(dom.len())]
    );
}
