//! Class/id/itemprop/role hints: which words in an element's attributes mark boilerplate
//! (navigation, comments, sharing, related links, ads, cookie banners) and which mark
//! article content. Generic vocabulary only; no per-site rules.
//!
//! Matching works on `-`/`_` separated parts of each class token, through hash sets: it
//! runs once per element of every page, so it must stay cheap.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use regex::Regex;

/// Boilerplate words that mark a block as never article text, even inside the article
/// container (comments, sharing, related links, cookie banners); with [`AD_WORDS`], the
/// strong vocabulary.
const STRONG_BOILERPLATE: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "comment-list",
    "comments-area",
    "respond",
    "replies",
    "disqus",
    "share",
    "shares",
    "sharing",
    "sharedaddy",
    "sharebar",
    "share-bar",
    "social",
    "socials",
    "sociable",
    "addthis",
    "shareaholic",
    "related",
    "relatedposts",
    "related-posts",
    "related-articles",
    "related-content",
    "recommended",
    "recommendations",
    "more-stories",
    "read-more",
    "readmore",
    "also-read",
    "read-also",
    "you-may-like",
    "most-read",
    "most-popular",
    "trending",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "paywall",
    "cookie",
    "cookies",
    "cookie-banner",
    "cookie-notice",
    "consent",
    "gdpr",
    // advertising words: AD_WORDS
    "sponsored",
    "promo",
    "outbrain",
    "taboola",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
    "nav",
    "navigation",
    "menu",
    "footer",
    "site-footer",
    "site-header",
    "masthead",
    "popup",
    "modal",
    "overlay",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
    "skip-link",
    "print-only",
    "jp-relatedposts",
    "yarpp",
    "crp_related",
    "pagination",
    "pager",
    "post-navigation",
    "nav-links",
    "tags",
    "tag-list",
    "tagcloud",
    "post-tags",
    "entry-tags",
    "login",
    "author-bio",
    "author-box",
    "about-author",
    "post-author",
    "byline",
    "wp-caption-text",
    "factbox",
    "next-post",
    "nextstory",
    "next-story",
    "prev-post",
    "previous-post",
    "up-next",
    "more-posts",
    "callout",
    "fact-box",
    "infobox",
    "read-next",
    "more-from",
    "further-reading",
];

/// Words that mark boilerplate outside the article container, but that article
/// containers also use for layout parts (widgets of a page builder, a meta line, hidden
/// copies).
const WEAK_BOILERPLATE: &[&str] = &[
    "sidebar",
    "side-bar",
    "widget",
    "widgets",
    "widget-area",
    "aside",
    "topbar",
    "toolbar",
    "tools",
    "meta",
    "entry-meta",
    "post-meta",
    "article-meta",
    "caption",
    "credit",
    "copyright",
    "banner",
    "search",
    "rss",
    "categories",
    "popular",
    "foot",
    "header-bar",
    "teaser",
    "promotion",
    "sponsor",
    "links",
];

/// Weak words that count only as a whole class token: as a part they describe a child or
/// a screen size (Drupal's `field-label-hidden` on every body field, Bootstrap's
/// `hidden-xs` on boxes shown on every other screen).
const WHOLE_TOKEN_WEAK: &[&str] = &["hidden", "hide"];

/// Author boxes named only by the role of their content: `class="vcard author"`,
/// `itemprop="author"` around a photo, a bio and links. As parts of a class (`author-name`
/// in a byline, `by-author`) the word is not enough; as a whole token it marks the
/// author's box, whose prose (the bio) is not the article's.
const WHOLE_TOKEN_AUTHOR: &[&str] = &["author", "vcard", "author-info", "authorinfo"];

/// Strong words that name advertising. An ad slot holds an iframe or a script, not a
/// page of prose: a box so named that holds the article (`<div id="ad_portal">` around
/// the whole layout) is a wrapper, which `blocks` keeps.
const AD_WORDS: &[&str] = &[
    "advert",
    "advertisement",
    "adverts",
    "ads",
    "adsbygoogle",
    "ad",
    "ad-slot",
    "adslot",
    "ad-container",
    "ad-wrapper",
    "dfp",
];

/// Strong words so specific that they mark boilerplate anywhere in a token, also glued to
/// other words (`relatedcoverage-container`, `articlebody-related-coverage`).
const ANYWHERE_BOILERPLATE: &[&str] = &[
    "related",
    "comments",
    "newsletter",
    "cookie",
    "advert",
    "disqus",
    "outbrain",
    "taboola",
    "breadcrumb",
    "subscribe",
    "paywall",
];

/// The containers most sites put the body text in.
const STRONG_CONTENT: &[&str] = &[
    "articlebody",
    "article-body",
    "article-content",
    "article-text",
    "articletext",
    "entry-content",
    "post-content",
    "post-body",
    "postbody",
    "story-body",
    "storytext",
    "story-text",
    "body-text",
    "e-content",
    "rich-text",
    "text-content",
    "post-text",
    "story-content",
    "articlecontent",
    "post-entry",
    "entry-body",
    "article-main",
];

/// Words that suggest article content wherever they appear as a token part.
const CONTENT: &[&str] = &[
    "article",
    "story",
    "post",
    "content",
    "text",
    "body",
    "main",
    "blog",
    "entry",
    "hentry",
    "prose",
    "articlebody",
    "storytext",
    "postbody",
];

/// Weaker negative words used only as a scoring penalty, not to drop the element.
const NEGATIVE: &[&str] = &[
    "combx",
    "contact",
    "footnote",
    "media",
    "meta",
    "scroll",
    "shoutbox",
    "skyscraper",
    "shopping",
    "tool",
    "teaser",
    "card",
    "list",
    "links",
    "info",
    "date",
    "time",
    "head",
    "header",
    "title",
];

/// Strong words that name boxes whose own text is prose other than the article's: reader
/// comments, related-story teasers, fact boxes and author bios. A box so named is dropped even when it holds
/// paragraphs; other strong words (share, social, paywall, ads) on a box full of prose
/// are a theme's modifier on the article itself (`entry themeform share`,
/// `steady-paywall-container`), see `blocks`.
const OTHER_PROSE: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "comment-list",
    "comments-area",
    "respond",
    "replies",
    "disqus",
    "related",
    "relatedposts",
    "related-posts",
    "related-articles",
    "related-content",
    "recommended",
    "recommendations",
    "more-stories",
    "you-may-like",
    "most-read",
    "most-popular",
    "trending",
    "more-posts",
    "more-from",
    "read-next",
    "up-next",
    "jp-relatedposts",
    "yarpp",
    "crp_related",
    "factbox",
    "fact-box",
    "infobox",
    "callout",
    "author-bio",
    "author-box",
    "about-author",
    "post-author",
];

/// Taxonomy prefixes of WordPress's `post_class()` (`tag-insurance_health_social`,
/// `category-social-media`): the words after them are the post's tags and categories,
/// chosen by its author, not the element's role.
const TAXONOMY_PREFIXES: &[&str] = &["tag-", "category-", "tag_", "category_"];

/// Markers that the class list is WordPress's `post_class()` output.
fn is_wordpress_post_class(hint: &str) -> bool {
    hint.split_whitespace().any(|t| {
        t == "hentry"
            || t.starts_with("type-")
            || t.starts_with("status-")
            || t.starts_with("format-")
    })
}

/// State-flag prefixes (`no-share`, `has-comments`, `with-sidebar`): they describe the
/// element's options or neighbours, not its role.
const FLAG_PREFIXES: &[&str] = &[
    "no-", "has-", "with-", "is-", "show-", "hide-", "enable-", "disable-",
];

struct Vocabulary {
    /// Strong words other than advertising ones.
    strong: HashSet<&'static str>,
    ads: HashSet<&'static str>,
    weak: HashSet<&'static str>,
    content_strong: HashSet<&'static str>,
    content: HashSet<&'static str>,
    negative: HashSet<&'static str>,
    other_prose: HashSet<&'static str>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary {
    strong: STRONG_BOILERPLATE.iter().copied().collect(),
    ads: AD_WORDS.iter().copied().collect(),
    weak: WEAK_BOILERPLATE.iter().copied().collect(),
    content_strong: STRONG_CONTENT.iter().copied().collect(),
    content: CONTENT.iter().copied().collect(),
    negative: NEGATIVE.iter().copied().collect(),
    other_prose: OTHER_PROSE.iter().copied().collect(),
});

/// How a class/id hint marks boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Boilerplate {
    #[default]
    No,
    Weak,
    Strong,
}

/// What an element's class/id/itemprop/role say about it; computed once per element.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HintInfo {
    pub boilerplate: Boilerplate,
    /// The strong boilerplate mark comes from advertising words alone ([`AD_WORDS`]).
    pub ad_only: bool,
    /// A strong mark names comments or related teasers ([`OTHER_PROSE`]): boxes whose
    /// prose is not the article's.
    pub other_prose: bool,
    /// Marked as the article body container.
    pub content: bool,
    /// Readability-style class weight.
    pub weight: f64,
}

/// One class token normalised to `-` separators, and its non-empty parts.
fn parts_of(token: &str) -> (String, Vec<&str>) {
    let norm = token.replace('_', "-");
    let parts = token.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    (norm, parts)
}

/// Whether the token, its first or last part, or its first or last two parts (joined by
/// `-`) are in `set`. A word in the middle (`with-sidebar-right`) describes layout.
#[inline]
fn edge_match(norm: &str, parts: &[&str], set: &HashSet<&'static str>) -> bool {
    if set.contains(norm) {
        return true;
    }
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if set.contains(first) || set.contains(last) {
        return true;
    }
    let n = parts.len();
    n >= 2 && (pair_in(parts[0], parts[1], set) || pair_in(parts[n - 2], parts[n - 1], set))
}

/// Whether `a-b` is in `set` (no allocation for the common miss: the set's longest entry
/// bounds the pair length).
#[inline]
fn pair_in(a: &str, b: &str, set: &HashSet<&'static str>) -> bool {
    let len = a.len() + 1 + b.len();
    if len > 24 {
        return false;
    }
    let mut buf = [0u8; 24];
    buf[..a.len()].copy_from_slice(a.as_bytes());
    buf[a.len()] = b'-';
    buf[a.len() + 1..len].copy_from_slice(b.as_bytes());
    std::str::from_utf8(&buf[..len]).is_ok_and(|pair| set.contains(pair))
}

/// Whether any part or adjacent pair of parts is in `set`.
#[inline]
fn any_match(parts: &[&str], set: &HashSet<&'static str>) -> bool {
    parts.iter().any(|p| set.contains(p)) || parts.windows(2).any(|w| pair_in(w[0], w[1], set))
}

impl HintInfo {
    pub fn of(hint: &str) -> HintInfo {
        let mut info = HintInfo::default();
        if hint.is_empty() {
            return info;
        }
        let v = &*VOCABULARY;
        let mut weak_content = false;
        let mut negative = false;
        let (mut strong_ad, mut strong_other) = (false, false);
        let wordpress = is_wordpress_post_class(hint);
        for token in hint.split_whitespace() {
            if wordpress && TAXONOMY_PREFIXES.iter().any(|p| token.starts_with(p)) {
                continue;
            }
            let (norm, parts) = parts_of(token);
            if any_match(&parts, &v.content_strong) || v.content_strong.contains(norm.as_str()) {
                info.content = true;
            }
            weak_content |= any_match(&parts, &v.content);
            negative |= any_match(&parts, &v.negative);
            if FLAG_PREFIXES.iter().any(|p| norm.starts_with(p)) {
                continue;
            }
            if WHOLE_TOKEN_AUTHOR.contains(&token) {
                info.other_prose = true;
                strong_other = true;
                info.boilerplate = Boilerplate::Strong;
                continue;
            }
            let anywhere = ANYWHERE_BOILERPLATE.iter().find(|w| token.contains(*w));
            let ad = edge_match(&norm, &parts, &v.ads) || anywhere == Some(&"advert");
            let other =
                edge_match(&norm, &parts, &v.strong) || anywhere.is_some_and(|w| *w != "advert");
            if ad || other {
                info.other_prose |= edge_match(&norm, &parts, &v.other_prose)
                    || ["related", "comments", "disqus"]
                        .iter()
                        .any(|w| token.contains(w));
                strong_ad |= ad;
                strong_other |= other;
                info.boilerplate = Boilerplate::Strong;
            } else if info.boilerplate == Boilerplate::No
                && (edge_match(&norm, &parts, &v.weak) || WHOLE_TOKEN_WEAK.contains(&token))
            {
                info.boilerplate = Boilerplate::Weak;
            }
        }
        info.ad_only = strong_ad && !strong_other;
        let mut w = 0.0;
        if info.content {
            w += 40.0;
        } else if weak_content {
            w += 20.0;
        }
        match info.boilerplate {
            Boilerplate::Strong => w -= 40.0,
            Boilerplate::Weak => w -= 20.0,
            Boilerplate::No => {}
        }
        if negative {
            w -= 10.0;
        }
        info.weight = w;
        info
    }
}

/// Calls to action and page furniture that sites put inside the article container:
/// subscription prompts, app and social plugs, captions and credits, "related" headers.
static BOILERPLATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix-u)
        \b(?:subscribe\ (?:now|today|here|to\ our)|please\ subscribe|already\ a\ subscriber|
            subscribers?\ (?:also\ )?receive|first-time\ subscribers|subscription\ (?:required|offer)|
            sign\ up\ (?:for|to|now|here|today)|by\ signing\ up|(?:our|free|daily|weekly)\ newsletter|
            newsletter\ sign|log\ in\ for|
            follow\ (?:us|the\ \w+)\ on|download\ (?:the|our)\ \w+\ apps?|our\ app|the\ \w+\ app\b|
            click\ here|all\ rights\ reserved|related\ (?:stories|coverage|articles|posts|content)|
            read\ more|explore\ further|\d+\ min\ read|keep\ up\ with\ me|
            contains\ references\ to\ products|affiliate\ links?|we\ recommend\ the\ best|
            not\ responsible\ for\ the\ opinions|share\ this|
            you\ (?:may|might)\ also\ like|recommended\ for\ you|
            estimated\ value\ calculated|copyrighted\ (?:property|material)|written\ permission|
            contact\ us\ at|want\ to\ hear\ what\ you\ think|let\ us\ know\ what\ you\ think)\b
        |^(?:advertisement|advertising|sponsored|credit|credits|photo|image|source|category|release\ date|posted\ in|filed\ under|tags?)\s*:?\s*(?:$|:)
        |^\(?(?:advertisement|credit|photo|image|getty\ images|related|category|categories|tags?|filed\ under|posted\ in)\s*:",
    )
    .expect("boilerplate text pattern")
});

/// The same furniture in the other languages of the corpus (German, Spanish, French,
/// Polish): newsletter and social plugs, "read also" teasers, rights notices, and
/// advert, photo and source labels. Its literals are not ASCII, so it is kept apart from
/// the ASCII pattern; word boundaries stay ASCII (the fast engines need that).
static FOREIGN_BOILERPLATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)(?:abonnieren\ sie|jetzt\ abonnieren|newsletter\ abonnieren|folgen\ sie\ uns|lesen\ sie\ (?:auch|mehr)|
            mehr\ zum\ thema|alle\ rechte\ vorbehalten|
            síguenos|suscríbete|suscribete\ a|lee\ también|todos\ los\ derechos\ reservados|
            suivez-nous|abonnez-vous|à\ lire\ aussi|lire\ aussi|tous\ droits\ réservés|
            obserwuj\ nas|zapisz\ się|czytaj\ (?:też|także|więcej)|wszelkie\ prawa\ zastrzeżone)
        |^\(?(?:anzeige|werbung|foto|fotos|bild|quelle|publicidad|fuente|publicité|crédits?|reklama|fot\.|zdjęcie|źródło)\s*:?\s*(?:$|:)",
    )
    .expect("foreign boilerplate text pattern")
});

/// Whether a short block reads as page furniture rather than article text.
pub fn is_boilerplate_text(text: &str) -> bool {
    let (words, mixed) = homoglyph_words(text);
    (text.len() < 300
        && (mixed > 0
            || BOILERPLATE_TEXT.is_match(text)
            || FOREIGN_BOILERPLATE_TEXT.is_match(text)))
        || (mixed >= 3 && mixed * 5 >= words)
}

/// Words in the text, and words mixing Latin and Cyrillic letters: spam and ads disguised
/// from filters (`Аdvеrtіѕе wіth uѕ`), never prose. A short block with one is furniture;
/// a long one is when a fifth of its words are (Russian technical prose writes a few
/// `Wi-Fi-сети`, never that many).
fn homoglyph_words(text: &str) -> (usize, usize) {
    let (mut words, mut mixed) = (0, 0);
    for w in text.split_whitespace() {
        words += 1;
        if w.is_ascii() {
            continue;
        }
        let latin = w.chars().any(|c| c.is_ascii_alphabetic());
        let cyrillic = w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        mixed += usize::from(latin && cyrillic);
    }
    (words, mixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boilerplate(hint: &str) -> Boilerplate {
        HintInfo::of(hint).boilerplate
    }

    fn is_boilerplate(hint: &str) -> bool {
        boilerplate(hint) != Boilerplate::No
    }

    fn is_content(hint: &str) -> bool {
        HintInfo::of(hint).content
    }

    fn class_weight(hint: &str) -> f64 {
        HintInfo::of(hint).weight
    }

    #[test]
    fn token_boundaries() {
        assert!(is_boilerplate("post-comments"));
        assert!(is_boilerplate("social_share"));
        assert!(!is_boilerplate("commentary-piece"));
        assert!(!is_boilerplate("with-sidebar-right sticky-sidebar-parent"));
        assert_eq!(boilerplate("elementor-widget"), Boilerplate::Weak);
        assert!(!is_boilerplate("advantage"));
        assert!(is_content("entry-content clearfix"));
        assert!(class_weight("article-body") > class_weight("sidebar"));
        assert!(is_boilerplate("articlebody-related-coverage-7s2f1"));
    }

    #[test]
    fn wordpress_taxonomy_classes_name_tags_not_roles() {
        let post = "post-1234 post type-post status-publish hentry tag-insurance_health_social category-news";
        assert!(!is_boilerplate(post));
        // Outside post_class() output the same token still names a box.
        assert!(is_boilerplate("tag-social"));
    }

    #[test]
    fn comment_and_related_marks_name_other_prose() {
        assert!(HintInfo::of("comments-area").other_prose);
        assert!(HintInfo::of("jp-relatedposts").other_prose);
        assert!(HintInfo::of("relatedcoverage-container").other_prose);
        assert!(!HintInfo::of("entry themeform share").other_prose);
        assert!(!HintInfo::of("steady-paywall-container").other_prose);
    }

    #[test]
    fn hidden_only_as_a_whole_token() {
        assert_eq!(boilerplate("hidden"), Boilerplate::Weak);
        assert_eq!(boilerplate("box hide"), Boilerplate::Weak);
        assert!(!is_boilerplate(
            "field field-name-body field-type-text-with-summary field-label-hidden"
        ));
        assert!(!is_boilerplate("hidden-xs col-md-8"));
        assert_eq!(boilerplate("visually-hidden"), Boilerplate::Strong);
    }

    #[test]
    fn advertising_marks_are_told_apart() {
        assert!(HintInfo::of("ad_portal").ad_only);
        assert!(HintInfo::of("advertisement-box").ad_only);
        assert!(!HintInfo::of("ad-slot comments").ad_only);
        assert!(
            !HintInfo::of("related-ads").ad_only,
            "related is not an ad word"
        );
        assert!(!HintInfo::of("comments").ad_only);
    }

    #[test]
    fn furniture_text() {
        assert!(is_boilerplate_text(
            "Subscribe now to our edition for the full story."
        ));
        assert!(is_boilerplate_text("Credit: Getty"));
        assert!(is_boilerplate_text("(Credit: Jane Roe / Agency)"));
        assert!(!is_boilerplate_text(
            "The council voted to subscribe to the new water plan in May."
        ));
    }
}
