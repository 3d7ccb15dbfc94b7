//! A typical clipped article, written for this test: share bar, image credit,
//! "Advertisement", "Read more:", a hard-wrapped paragraph with hyphenated breaks, a page
//! break mid-sentence, a newsletter prompt, a cookie notice and a copyright footer. After
//! markup, boilerplate and paragraphs, only the article's own text is left.

use crate::support::{blocks_from_text, run_stage, stage};
use newsmill_core::Article;

const CLIPPED: &str = "\
Share this article | Facebook | Twitter | Email

# Flood defences to be raised along the estuary

![Workers on the flood wall](https://example.org/wall.jpg)

Photo: Jane Doe/Reuters

The Environment Agency said on **Tuesday** that it would raise the flood
defences along the estuary by half a metre, after last winter's storms over-
topped the old walls in three places. The work is part of an inter-
national programme financed by the [European Investment Bank](https://eib.org).

Advertisement

Read more: Storm damage bill reaches £40m

Residents of the low-lying streets, many of whom were evacuated twice, said they
were relieved but that the work should have started years

ago, when the first cracks were reported.

Subscribe to our newsletter

We use cookies to improve your experience. Accept all cookies

© 2024 Estuary News Ltd. All rights reserved.
";

#[test]
fn clipped_article_keeps_only_its_own_text() {
    let mut articles = vec![Article {
        id: "clip.md".into(),
        path: "clips/clip.md".into(),
        blocks: blocks_from_text(CLIPPED),
        ..Default::default()
    }];
    for name in ["clean.markup", "clean.boilerplate", "clean.paragraphs"] {
        run_stage(stage(name, "").as_ref(), &mut articles);
    }
    let article = &articles[0];
    let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Flood defences to be raised along the estuary",
            "The Environment Agency said on Tuesday that it would raise the flood defences along the estuary by half a metre, after last winter's storms overtopped the old walls in three places. The work is part of an international programme financed by the European Investment Bank.",
            "Residents of the low-lying streets, many of whom were evacuated twice, said they were relieved but that the work should have started years ago, when the first cracks were reported.",
        ]
    );
    assert!(article.blocks[0].is_heading());
    let reasons: Vec<&str> = article
        .annotations
        .removed
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "share_line",
            "image_credit",
            "advertisement",
            "read_more",
            "subscribe",
            "cookie_notice",
            "copyright"
        ]
    );
}
