//! Bad input never panics: every stage (corpus passes included) over hand-picked edge cases
//! and pseudo-random text drawn from a palette of markup, punctuation, spaces and scripts.

use crate::support::{run_stage, stage};
use newsmill_core::{Article, Block, BlockKind};

const EDGE_CASES: &[&str] = &[
    "",
    " ",
    "\n",
    "\n\n\n",
    "-",
    "-\n",
    "\n-\n-",
    "a-\n",
    "-\nb",
    "**",
    "*",
    "_",
    "__",
    "[",
    "![",
    "[]()",
    "![](",
    "&",
    "&#",
    "&#x;",
    "&#xFFFFFFFF;",
    "&#0;",
    "&#55296;",
    "&amp",
    "<",
    "<>",
    "</",
    "<br",
    "#",
    "# ",
    "######## x",
    ">",
    "> ",
    "- ",
    "1.",
    "1. ",
    "•",
    "\u{200B}",
    "\u{FEFF}\u{00AD}",
    "e\u{301}\u{301}\u{301}",
    "🇺🇸👍🏽‍",
    "مرحبا بالعالم",
    "こんにちは",
    "\u{2028}\u{2029}",
    "\t\u{A0}\u{3000}",
    "al-\nMaliki",
    "inter-\nnational",
    "Read more:",
    "©",
    "© 2024",
    "wsws.org/contact",
    "a\rb\r\n",
];

fn palette_text(seed: &mut u64, len: usize) -> String {
    const PALETTE: &[&str] = &[
        "a",
        "B",
        "z",
        " ",
        " ",
        "\n",
        "\n\n",
        "-",
        "-\n",
        "*",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "#",
        ";",
        ".",
        ",",
        "“",
        "”",
        "’",
        "é",
        "\u{301}",
        "\u{200B}",
        "\u{A0}",
        "ß",
        "İ",
        "ж",
        "ع",
        "中",
        "🙂",
        "1",
        "0",
        "http://",
        "/",
        ":",
        "\t",
        "©",
        "Share",
        "Advertisement",
        "the",
    ];
    let mut out = String::new();
    for _ in 0..len {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(PALETTE[(*seed >> 33) as usize % PALETTE.len()]);
    }
    out
}

#[test]
fn stages_survive_edge_cases_and_random_text() {
    let mut seed = 7u64;
    let mut articles: Vec<Article> = Vec::new();
    for (i, text) in EDGE_CASES.iter().enumerate() {
        let kinds = [
            BlockKind::Paragraph,
            BlockKind::Heading(2),
            BlockKind::ListItem,
            BlockKind::BlockQuote,
        ];
        let blocks = vec![
            Block {
                kind: kinds[i % 4],
                text: text.to_string(),
                source: Some(0..0),
            },
            Block::paragraph(*text),
        ];
        articles.push(Article {
            id: format!("edge/{i}"),
            seq: i,
            path: format!("edge/{i}.txt").into(),
            blocks,
            ..Default::default()
        });
    }
    for i in 0..300 {
        let seq = EDGE_CASES.len() + i;
        let blocks = (0..(i % 5))
            .map(|_| Block::paragraph(palette_text(&mut seed, 1 + i % 97)))
            .collect();
        articles.push(Article {
            id: format!("rand/{i}"),
            seq,
            path: format!("rand/{}.txt", i % 3).into(),
            blocks,
            ..Default::default()
        });
    }
    let options = [
        ("clean.markup", ""),
        ("clean.markup", "drop_images = false\nkeep_link_urls = true"),
        (
            "clean.boilerplate",
            "min_docs = 2\nmin_share = 0.01\nmax_tracked = 16",
        ),
        (
            "clean.paragraphs",
            "fold_punctuation = true\nshort_line_chars = 1",
        ),
        ("clean.paragraphs", ""),
        ("detect.language", "min_letters = 1\nmin_confidence = 0.0"),
        (
            "clean.dedup",
            "threshold = 0.3\nshingle_words = 1\nmin_words = 1",
        ),
    ];
    for (name, body) in options {
        run_stage(stage(name, body).as_ref(), &mut articles);
        // clean.markup runs first and drops blank blocks; no later stage may create one.
        for a in &articles {
            assert!(
                a.blocks.iter().all(|b| !b.text.trim().is_empty()),
                "{name}: blank block in {}",
                a.id
            );
        }
    }
    assert!(!articles.is_empty());
}
