//! The seed article's quotations (the project's reference case): an inline excerpt, and
//! the real file when ../shared is present.

use newsmill_core::{Article, Block, QuoteKind};

use crate::{extract_quotes, QuoteOptions};

pub fn article_from_paragraphs(text: &str) -> Article {
    let mut article = Article::new("test", "test.txt");
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(heading) = para.strip_prefix("# ") {
            article.blocks.push(Block::heading(1, heading));
        } else {
            article.blocks.push(Block::paragraph(para));
        }
    }
    article
}

const EXCERPT: &str = "# US prepares strikes against Islamists in Iraq

Two years after President Barack Obama declared that his administration had ended the catastrophic US war in Iraq “responsibly... leaving behind a sovereign, stable and self-reliant” government, the US has rushed emergency shipments of Hellfire missiles to Baghdad.

These measures are a response to an appeal from the government of Iraqi Prime Minister Nuri al-Maliki, and come in the face of a rise in violence to a level not seen since the US military “surge” of 2008.

Last Sunday, State Department spokeswoman Jen Psaki signaled the escalating US involvement in Iraq, declaring that Al Qaeda-connected insurgents were “seeking to gain control of territory inside the borders of Iraq” and describing these elements as the “common enemy of the United States and the Republic of Iraq, and a threat to the greater Middle East region.”

This “threat,” however, is one of Washington’s own

making, and the “common enemy” in Iraq has been the de facto proxy force of US imperialism’s war for regime-change in neighboring Syria.

Last month, the British-based Syrian Observatory for Human Rights (SOHR) described the ISIS, which includes thousands of foreign jihadis from as far away as Russia and Western Europe, as “the strongest group in Northern Syria.”

On Tuesday, the Iraqi government ordered the military to close the country’s border with Syria as part of a major military operation against Al Qaeda-associated forces in the area dubbed “Avenge the Leader Mohammed,” after Maj. Gen. Mohammad al-Karawi, the division commander killed in last Saturday’s attack.

Iraqi Defense Ministry spokesman Mohammed al-Askari told the AFP news agency that the military had detected “the arrival of weapons and advanced equipment from Syria to the desert of western Anbar and the border of Nineveh province.” He added that intelligence indicated that “whenever there is pressure on armed groups in Syria, they withdraw to Iraq … to regroup and then carry out terrorist operations in the two countries.”

Washington has also been forced to confront the rout of the so-called “moderate” forces of the Free Syrian Army (FSA), and the growing dominance of Islamists of various stripes among the so-called “rebels.” Earlier this month, the Obama administration cut off aid to the Syrian armed opposition.

The Obama administration instructed its Syrian envoy Robert Ford to make contact with the Islamic Front in the hope of developing it as a Western-aligned “third force” between Al Qaeda and the Syrian regime.

Of immediate concern is next month’s US-Russian brokered talks, known as “Geneva II,” in which representatives of the Syrian government have agreed to sit down with opposition delegates.

In launching the latest offensive in Anbar, Prime Minister al-Maliki issued a simultaneous threat to unleash a bloodbath against an ongoing sit-in protest in Ramadi, Anbar’s largest city. In a statement broadcast on Iraqi television last Sunday, al-Maliki declared that the sit-in “has turned into a headquarters for the leadership of Al Qaeda.” He demanded that all those not involved in “sabotage” evacuate the protest camp “so that Al Qaeda stays alone,” adding that protesters had a “very short period” in which they could escape the implied threat of repression.";

/// (start of the quotation, expected speaker)
const EXPECTED: &[(&str, &str)] = &[
    (
        "responsibly... leaving behind a sovereign, stable and self-reliant",
        "Barack Obama",
    ),
    ("seeking to gain control of territory", "Jen Psaki"),
    (
        "common enemy of the United States and the Republic of Iraq",
        "Jen Psaki",
    ),
    (
        "the strongest group in Northern Syria",
        "Syrian Observatory for Human Rights",
    ),
    ("the arrival of weapons", "Mohammed al-Askari"),
    ("whenever there is pressure", "Mohammed al-Askari"),
    ("has turned into a headquarters", "Nuri al-Maliki"),
    ("so that Al Qaeda stays alone", "Nuri al-Maliki"),
];

const TERMS: &[&str] = &[
    "surge",
    "threat,",
    "common enemy",
    "moderate",
    "rebels.",
    "third force",
    "Geneva II,",
];

fn check(article: &Article) {
    let quotes = extract_quotes(article, &QuoteOptions::default());
    for (start, speaker) in EXPECTED {
        let found = quotes.iter().find(|q| q.text.starts_with(start));
        let found = found.unwrap_or_else(|| panic!("missing quotation {start:?} in {quotes:#?}"));
        assert_eq!(
            found.speaker.as_deref(),
            Some(*speaker),
            "speaker of {start:?}: {found:?}"
        );
        assert_ne!(found.kind, QuoteKind::Term);
    }
    for term in TERMS {
        assert!(
            !quotes.iter().any(|q| q.text == *term),
            "term {term:?} reported as a quotation"
        );
    }
    assert!(
        !quotes.iter().any(|q| q.text.starts_with("Avenge")),
        "operation name reported"
    );
}

#[test]
fn seed_excerpt_quotations_and_speakers() {
    check(&article_from_paragraphs(EXCERPT));
}

#[test]
fn seed_excerpt_keeps_terms_only_when_asked() {
    let article = article_from_paragraphs(EXCERPT);
    let options = QuoteOptions {
        include_terms: true,
        ..QuoteOptions::default()
    };
    let quotes = extract_quotes(&article, &options);
    let terms: Vec<&str> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Term)
        .map(|q| q.text.as_str())
        .collect();
    for term in [
        "surge",
        "moderate",
        "third force",
        "Geneva II,",
        "Avenge the Leader Mohammed,",
    ] {
        assert!(terms.contains(&term), "{term:?} not among terms {terms:?}");
    }
}

#[test]
fn seed_file_quotations_and_speakers() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
    let path = std::path::Path::new(shared).join("corpora/seed/000_6f674ebd69299959.txt");
    if !std::path::Path::new(shared).exists() {
        println!("skipping: ../shared not found");
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap();
    check(&article_from_paragraphs(&text));
}

#[test]
fn odd_marks_and_multibyte_text_never_panic() {
    let pieces = [
        "“", "”", "\"", "„", "«", "»", "é", "’", " ", "\n", ".", ",", ":", "said", "He", "Mr X",
        "(", ")", "—",
    ];
    // Every string of up to four pieces, joined into short articles.
    let mut texts = Vec::new();
    for a in pieces {
        for b in pieces {
            for c in pieces {
                texts.push(format!("{a}{b}{c} said Mr Jones{b}{a}\n\n{c}{a}quoted{b}"));
            }
        }
    }
    let options = QuoteOptions {
        include_terms: true,
        ..QuoteOptions::default()
    };
    for text in texts {
        let article = article_from_paragraphs(&text);
        for q in extract_quotes(&article, &options) {
            let block = &article.blocks[q.span.block].text;
            assert!(
                block.get(q.span.start..q.span.end).is_some(),
                "bad span in {text:?}"
            );
        }
    }
}

#[test]
fn bbc_politics_folder_runs_and_finds_quotations() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
    let dir = std::path::Path::new(shared).join("data/bbc/politics");
    if !std::path::Path::new(shared).exists() {
        println!("skipping: ../shared not found");
        return;
    }
    let mut articles = 0;
    let mut quotes = 0;
    let mut named = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let found = extract_quotes(&article_from_paragraphs(&text), &QuoteOptions::default());
        articles += 1;
        quotes += found.len();
        named += found.iter().filter(|q| q.speaker.is_some()).count();
    }
    assert!(articles > 400);
    // BBC politics stories quote people throughout; most quotations name their speaker.
    assert!(
        quotes > 3 * articles,
        "{quotes} quotations in {articles} articles"
    );
    assert!(
        named * 10 > quotes * 8,
        "{named} of {quotes} quotations have a speaker"
    );
}
