//! One test per failure class of issue 13, on short hand-written texts: each pins a general
//! rule, not an article.

use newsmill_core::{Quote, QuoteKind, SpeakerType};

use crate::seed_tests::article_from_paragraphs;
use crate::{extract_quotes, QuoteOptions};

fn quotes(text: &str) -> Vec<Quote> {
    extract_quotes(&article_from_paragraphs(text), &QuoteOptions::default())
}

fn said(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .map(|q| (q.text, q.speaker))
        .collect()
}

fn pair(text: &str, speaker: &str) -> (String, Option<String>) {
    (text.to_string(), Some(speaker.to_string()))
}

#[test]
fn two_apostrophes_delimit_quotations() {
    assert_eq!(
        said("''The rate will rise in spring,'' said Maria Olsen, an analyst at the bank."),
        vec![pair("The rate will rise in spring,", "Maria Olsen")]
    );
}

#[test]
fn speaker_type_tells_people_from_organisations() {
    let q = quotes(
        "\"We will appeal the ruling at once,\" said Tom Reyes.\n\n\"The ruling stands as written,\" the Supreme Court of Ruritania said.",
    );
    assert_eq!(q[0].speaker_type, SpeakerType::Person, "{q:?}");
    assert_eq!(q[1].speaker_type, SpeakerType::Organisation, "{q:?}");
}
