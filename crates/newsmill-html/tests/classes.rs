//! One hand-written page per failure class of issue 21 (`fixtures/html/classes/`): the
//! main text a class used to lose or the date it used to get wrong. Each page was written
//! for the class, none is copied from a gold set.

use std::path::Path;

use newsmill_html::{extract_page, Page};

fn page(name: &str, url: Option<&str>) -> Page {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/html/classes")
        .join(name);
    let html = std::fs::read_to_string(&path).expect("fixture exists");
    extract_page(&html, url)
}

fn body(p: &Page) -> String {
    p.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_body(name: &str, wanted: &[&str], unwanted: &[&str]) -> Page {
    let p = page(name, None);
    let text = body(&p);
    for w in wanted {
        assert!(text.contains(w), "{name}: missing {w:?} in\n{text}");
    }
    for u in unwanted {
        assert!(!text.contains(u), "{name}: unwanted {u:?} in\n{text}");
    }
    p
}

fn published(name: &str, url: Option<&str>) -> (Option<String>, Option<String>) {
    let p = page(name, url);
    (p.meta.published, p.meta.published_source)
}

#[test]
fn a_share_or_ads_modifier_on_the_article_box_does_not_prune_it() {
    assert_body(
        "class-token-share-modifier.html",
        &[
            "marode Fußgängerbrücke",
            "keine Mehrheit für eine Sanierung",
        ],
        &["Teilen", "Impressum"],
    );
}

#[test]
fn a_wordpress_tag_class_names_a_tag_not_a_social_box() {
    assert_body(
        "class-token-wordpress-tag.html",
        &["ocho por ciento", "ante el regulador"],
        &["Otra noticia"],
    );
}

#[test]
fn a_paywall_wrapper_around_text_that_is_there_keeps_the_text() {
    assert_body(
        "paywall-container.html",
        &["quarante millions", "étude d'impact indépendante"],
        &["Abonnez-vous", "Accueil"],
    );
}

#[test]
fn an_article_inside_an_aside_is_read() {
    assert_body(
        "article-in-aside.html",
        &["fundusze europejskie", "z zadowoleniem"],
        &["Pogoda", "Kontakt"],
    );
}

#[test]
fn an_unclosed_div_in_a_noscript_does_not_hide_the_page() {
    assert_body(
        "noscript-unclosed-div.html",
        &["Pegel in Kaub", "ganze Nacht im Einsatz"],
        &[],
    );
}
