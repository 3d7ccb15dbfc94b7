//! Main-text extraction: pick the element that holds the article and keep its prose blocks.
//!
//! Signals, combined: readability-style paragraph scores propagated to ancestors (length,
//! commas), class/id/itemprop hints, `<article>`/`<main>`, link density, and the siblings of
//! the winner that look like continuation of the same text. Boilerplate elements were
//! already dropped by [`crate::blocks::skipped_elements`].

use newsmill_core::{Block, BlockKind};

use crate::blocks::{self, TextBlock};
use crate::dom::Dom;
use crate::hints;

/// How many ancestor levels a paragraph's score reaches.
const LEVELS: usize = 5;

/// Blocks whose text is mostly link text are navigation, not prose.
const LINK_LIMIT: f64 = 0.6;

/// How the body was found (the `extraction` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// The page's JSON-LD `articleBody` (chosen in [`crate::page`]).
    JsonLdBody,
    /// An element the page marks as the article (`article`, `main`, `articleBody`,
    /// `entry-content`, ...), or a container inside one.
    ArticleContainer,
    /// The best-scoring container, with no article mark around it.
    ScoredBlocks,
    /// No container stood out: every block of the page that passed the filters.
    #[default]
    WholePage,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::JsonLdBody => "jsonld_body",
            Method::ArticleContainer => "article_container",
            Method::ScoredBlocks => "scored_blocks",
            Method::WholePage => "whole_page",
        }
    }
}

/// The extracted main text.
#[derive(Debug, Default)]
pub struct MainText {
    pub blocks: Vec<Block>,
    pub method: Method,
    /// 0..=1, see [`confidence`].
    pub confidence: f64,
}

/// The intermediate results of one extraction, kept so that [`loss_reason`] can tell at
/// which step a text was lost.
struct Run {
    /// Blocks that survived pruning.
    all: Vec<TextBlock>,
    /// The blocks of the chosen container(s), before the final filter.
    kept: Vec<TextBlock>,
    best: Option<usize>,
    method: Method,
    confidence: f64,
}

fn run(dom: &Dom) -> Run {
    let skip = blocks::skipped_elements(dom);
    let all = blocks::collect(dom, &skip);
    let empty = |all| Run {
        all,
        kept: Vec::new(),
        best: None,
        method: Method::WholePage,
        confidence: 0.0,
    };
    if all.is_empty() {
        return empty(all);
    }
    let scores = score_candidates(dom, &all);
    let Some(best) = best_candidate(dom, &scores) else {
        let kept = all.clone();
        return Run {
            confidence: 0.2,
            ..empty(all)
        }
        .with_kept(kept);
    };
    if dom.elements[best].tag == "body" {
        let kept = all.clone();
        return Run {
            confidence: 0.2,
            ..empty(all)
        }
        .with_kept(kept);
    }
    let best = promote_to_marked_container(dom, best);
    let mut roots = with_siblings(dom, &scores, best);
    add_marked_cousins(dom, best, &mut roots);
    add_template_twins(dom, &scores, best, &mut roots);
    drop_other_posts(dom, best, &mut roots);
    add_recipe_ingredients(dom, &skip, &mut roots);
    let mut kept: Vec<TextBlock> = all
        .iter()
        .filter(|b| roots.iter().any(|&r| dom.contains(r, b.owner)))
        .cloned()
        .collect();
    prepend_headline(dom, &all, &mut kept);
    let method = if is_marked_article(dom, best) {
        Method::ArticleContainer
    } else {
        Method::ScoredBlocks
    };
    let confidence = confidence(dom, &scores, best, method, &all, &kept);
    Run {
        all,
        kept,
        best: Some(best),
        method,
        confidence,
    }
}

impl Run {
    fn with_kept(mut self, kept: Vec<TextBlock>) -> Run {
        self.kept = kept;
        self
    }
}

pub fn extract(dom: &Dom) -> MainText {
    let r = run(dom);
    MainText {
        blocks: filter_blocks(dom, &r.kept, r.best),
        method: r.method,
        confidence: r.confidence,
    }
}

/// Whether the element or one of its ancestors marks the article (`article`, `main`, or
/// a content class such as `articleBody`/`entry-content`).
fn is_marked_article(dom: &Dom, i: usize) -> bool {
    let mut node = Some(i);
    while let Some(a) = node {
        let el = &dom.elements[a];
        if matches!(el.tag.as_str(), "article" | "main") || el.info.content {
            return true;
        }
        node = el.parent;
    }
    false
}

/// How sure the extractor is that it found the main text, 0..=1. Three signals, each a
/// factor: the method (a container the page marks as the article beats a scored guess),
/// the margin over the best rival container outside the winner (a close second means two
/// texts competed), and the amount of prose kept (a few lines may be a teaser).
fn confidence(
    dom: &Dom,
    scores: &[f64],
    best: usize,
    method: Method,
    all: &[TextBlock],
    kept: &[TextBlock],
) -> f64 {
    let base = match method {
        Method::JsonLdBody => 0.9,
        Method::ArticleContainer => 0.9,
        Method::ScoredBlocks => 0.7,
        Method::WholePage => 0.3,
    };
    let best_score = scores[best].max(1e-9);
    // Rivals: candidates that neither hold nor sit inside the winner.
    let rival = scores
        .iter()
        .enumerate()
        .filter(|&(i, _)| !dom.contains(best, i) && !dom.contains(i, best))
        .map(|(_, &s)| s)
        .fold(0.0f64, f64::max);
    let margin = (1.0 - rival / best_score).clamp(0.0, 1.0);
    let prose_chars: usize = kept.iter().filter(|b| is_prose(b)).map(|b| b.chars).sum();
    let amount = (prose_chars as f64 / 1000.0).min(1.0).sqrt();
    // Share of the page's prose that the winner holds: low when text was left outside.
    let page_prose: usize = all.iter().filter(|b| is_prose(b)).map(|b| b.chars).sum();
    let share = if page_prose == 0 {
        0.0
    } else {
        (prose_chars as f64 / page_prose as f64).min(1.0)
    };
    let c = base * (0.6 + 0.4 * margin) * (0.5 + 0.5 * amount) * (0.7 + 0.3 * share);
    (c * 100.0).round() / 100.0
}

/// At which step of the extraction the text `needle` was lost, for the evaluation's
/// per-page error classes: `not_in_html` (no text block of the page holds it: scripts,
/// images, or a text split across blocks), `pruned` (inside an element dropped as
/// boilerplate), `not_chosen` (outside the chosen container), `filtered` (dropped by
/// the block filter), or `kept` (it is in the output).
pub fn loss_reason(dom: &Dom, needle: &str) -> &'static str {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let joined = |blocks: &[TextBlock]| {
        squash(
            &blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    let needle = squash(needle);
    let everything = blocks::collect(dom, &vec![false; dom.elements.len()]);
    if !joined(&everything).contains(&needle) {
        return "not_in_html";
    }
    let r = run(dom);
    if !joined(&r.all).contains(&needle) {
        return "pruned";
    }
    if !joined(&r.kept).contains(&needle) {
        return "not_chosen";
    }
    let out = filter_blocks(dom, &r.kept, r.best);
    let out_text = squash(
        &out.iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    if !out_text.contains(&needle) {
        return "filtered";
    }
    "kept"
}

/// Article templates often put the headline above the body container: keep the page's
/// first `<h1>` when it comes before the kept text and the text has no `<h1>` of its own.
fn prepend_headline(dom: &Dom, all: &[TextBlock], kept: &mut Vec<TextBlock>) {
    if kept.iter().any(|b| b.kind == BlockKind::Heading(1)) {
        return;
    }
    let Some(first_owner) = kept.first().map(|b| b.owner) else {
        return;
    };
    let Some(at) = all
        .iter()
        .position(|b| b.kind == BlockKind::Heading(1) && b.owner < first_owner)
    else {
        return;
    };
    let h = &all[at];
    if h.link_chars * 2 >= h.chars {
        return;
    }
    // The standfirst between headline and body (`<p class="intro">`, `lead`, `dek`), or
    // a paragraph in the `<header>`/`<hgroup>` that holds the headline (HTML5's article
    // header: headline and dek together, byline and date in their own marked boxes).
    let mut header = dom.elements[h.owner].parent;
    for _ in 0..3 {
        match header {
            Some(p) if !matches!(dom.elements[p].tag.as_str(), "header" | "hgroup") => {
                header = dom.elements[p].parent;
            }
            _ => break,
        }
    }
    let header = header.filter(|&p| matches!(dom.elements[p].tag.as_str(), "header" | "hgroup"));
    // Only the header's first paragraph: a byline or date line may follow it.
    let mut header_p_seen = false;
    let mut in_header = |b: &TextBlock| {
        let yes = !header_p_seen
            && dom.elements[b.owner].tag == "p"
            && header.is_some_and(|hd| dom.contains(hd, b.owner))
            && !b.text.starts_with("By ");
        header_p_seen |= yes;
        yes
    };
    let mut lead: Vec<TextBlock> = all[at + 1..]
        .iter()
        .take_while(|b| b.owner < first_owner)
        .filter(|b| {
            b.chars >= 40 && b.link_chars * 4 < b.chars && (is_lead(dom, b.owner) || in_header(b))
        })
        .cloned()
        .collect();
    lead.insert(0, h.clone());
    kept.splice(0..0, lead);
}

/// Whether an element (or its parent) is marked as the article's standfirst.
fn is_lead(dom: &Dom, owner: usize) -> bool {
    const WORDS: &[&str] = &[
        "intro",
        "lead",
        "standfirst",
        "dek",
        "summary",
        "excerpt",
        "subtitle",
        "teaser-text",
        "sapo",
        "chapo",
    ];
    let mut node = Some(owner);
    for _ in 0..2 {
        let Some(i) = node else { break };
        let hint = &dom.elements[i].hint;
        if hint
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|part| WORDS.contains(&part))
        {
            return true;
        }
        node = dom.elements[i].parent;
    }
    false
}

/// Blocks that vote for their container. List items do not: reference lists, link lists
/// and menus are long and comma-rich without being the article.
fn is_prose(b: &TextBlock) -> bool {
    matches!(b.kind, BlockKind::Paragraph | BlockKind::BlockQuote) && b.chars >= 25
}

/// Paragraph scores summed into ancestors, then weighted by the candidate's hints and link
/// density.
fn score_candidates(dom: &Dom, all: &[TextBlock]) -> Vec<f64> {
    let n = dom.elements.len();
    let mut raw = vec![0.0f64; n];
    for b in all.iter().filter(|b| is_prose(b)) {
        let link_ratio = b.link_chars as f64 / b.chars.max(1) as f64;
        if link_ratio > 0.5 {
            continue;
        }
        let commas = b.text.matches([',', '，', '、', '،']).count() as f64;
        let score = 1.0 + commas + (b.chars as f64 / 100.0).min(3.0);
        // Loose text belongs to its container, which then acts as the paragraph.
        let mut node = if dom.elements[b.owner].tag == "p" || b.kind != BlockKind::Paragraph {
            dom.elements[b.owner].parent
        } else {
            Some(b.owner)
        };
        let mut level = 0;
        while let Some(a) = node {
            if level >= LEVELS {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            raw[a] += score / divider;
            node = dom.elements[a].parent;
            level += 1;
        }
    }
    let mut scores = vec![0.0f64; n];
    for i in 0..n {
        if raw[i] <= 0.0 {
            continue;
        }
        let el = &dom.elements[i];
        let mut s = raw[i] + el.info.weight;
        match el.tag.as_str() {
            "article" => s += 15.0,
            "main" => s += 10.0,
            "td" | "blockquote" | "li" => s -= 5.0,
            "form" | "ul" | "ol" | "dl" => s -= 5.0,
            _ => {}
        }
        scores[i] = s * (1.0 - dom.link_density(i));
    }
    scores
}

fn best_candidate(dom: &Dom, scores: &[f64]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if s <= 0.0 || matches!(dom.elements[i].tag.as_str(), "html" | "body") {
            continue;
        }
        let better = match best {
            None => true,
            Some(b) => s > scores[b],
        };
        if better {
            best = Some(i);
        }
    }
    best.or_else(|| dom.elements.iter().position(|e| e.tag == "body"))
}

/// When the winner sits inside an element the page marks as the article body
/// (`itemprop=articleBody`, `entry-content`, `article-body`, ...), the whole marked element
/// is the article: page builders split one text into many small boxes.
fn promote_to_marked_container(dom: &Dom, best: usize) -> usize {
    let mut node = dom.elements[best].parent;
    while let Some(a) = node {
        let el = &dom.elements[a];
        if matches!(el.tag.as_str(), "body" | "html") {
            break;
        }
        if el.info.content && dom.link_density(a) < 0.4 {
            return a;
        }
        node = el.parent;
    }
    best
}

/// Sites that split the body into several marked sections (`articleBody` per section)
/// leave some of them outside the winner's siblings: take every marked section that shares
/// the winner's `article`/`main` ancestor.
fn add_marked_cousins(dom: &Dom, best: usize, roots: &mut Vec<usize>) {
    if !dom.elements[best].info.content {
        return;
    }
    let mut scope = dom.elements[best].parent;
    while let Some(a) = scope {
        if matches!(dom.elements[a].tag.as_str(), "article" | "main") {
            break;
        }
        scope = dom.elements[a].parent;
    }
    let Some(scope) = scope.or_else(|| dom.elements.iter().position(|e| e.tag == "body")) else {
        return;
    };
    let mut i = scope + 1;
    while i < dom.elements[scope].end {
        let el = &dom.elements[i];
        if roots.iter().any(|&r| dom.contains(r, i))
            || el.info.boilerplate != hints::Boilerplate::No
        {
            i = el.end;
            continue;
        }
        if el.info.content
            && el.info.boilerplate == hints::Boilerplate::No
            && el.text_len > 100
            && dom.link_density(i) < 0.4
        {
            roots.push(i);
            i = el.end;
            continue;
        }
        i += 1;
    }
    roots.sort_unstable();
}

/// Page builders and CMS frames (TYPO3 `frame frame-type-text`, Elementor
/// `elementor-widget-text-editor`, Gutenberg groups) cut one article into boxes built
/// from one template, each in its own row or column: the winner and the boxes around it
/// (and its parent) have class lists that the other parts of the text repeat
/// exactly. Those twins join the text when they hold prose with few links, within the
/// article's scope (the nearest `article`/`main`/content-marked ancestor, else the page).
fn add_template_twins(dom: &Dom, scores: &[f64], best: usize, roots: &mut Vec<usize>) {
    let mut templates: Vec<(&str, &str, String)> = Vec::new();
    let mut node = Some(best);
    for _ in 0..2 {
        let Some(i) = node else { break };
        let el = &dom.elements[i];
        if matches!(el.tag.as_str(), "body" | "html" | "article" | "main") {
            break;
        }
        // A class of one generic word (`row`, `col`) says nothing about the box's job.
        if el.class().contains(['-', '_']) {
            templates.push((el.tag.as_str(), el.class(), id_shape(el)));
        }
        node = el.parent;
    }
    if templates.is_empty() {
        return;
    }
    let mut scope = dom.elements[best].parent;
    while let Some(a) = scope {
        let el = &dom.elements[a];
        if matches!(el.tag.as_str(), "article" | "main" | "body") || el.info.content {
            break;
        }
        scope = el.parent;
    }
    let Some(scope) = scope else { return };
    // A twin carries prose of its own (a one-line disclaimer or a tag list built from the
    // same box template does not).
    let prose = blocks::prose_paragraphs(dom);
    let mut added = false;
    let mut i = scope + 1;
    while i < dom.elements[scope].end {
        let el = &dom.elements[i];
        if roots
            .iter()
            .any(|&r| dom.contains(r, i) || dom.contains(i, r))
        {
            i += 1;
            continue;
        }
        // A twin shares the winner's class list, so also its layout words (`widget`).
        let twin = templates
            .iter()
            .any(|(tag, class, id)| el.tag == *tag && el.class() == *class && id_shape(el) == *id);
        if !twin && el.info.boilerplate != hints::Boilerplate::No {
            i = el.end;
            continue;
        }
        if twin && prose[i].1 >= 200 && dom.link_density(i) < 0.3 && subtree_scored(scores, dom, i)
        {
            roots.push(i);
            added = true;
            i = el.end;
            continue;
        }
        i += 1;
    }
    if added {
        roots.sort_unstable();
    }
}

/// A recipe's text is two boxes: the ingredient list and the method. Scoring finds the
/// method (paragraphs); the list, items of a few words each, never wins and sits in a
/// sibling column. On a page whose markup names a recipe (schema.org `recipeIngredient`,
/// classes `recipe-ingredients`, `wprm-recipe-ingredient`, ...) the outermost
/// ingredient-marked boxes join the text.
fn add_recipe_ingredients(dom: &Dom, skip: &[bool], roots: &mut Vec<usize>) {
    let mut added = false;
    let mut i = 0;
    while i < dom.elements.len() {
        let el = &dom.elements[i];
        if skip[i] {
            i = el.end;
            continue;
        }
        if el.hint.contains("ingredient")
            && el.info.boilerplate == hints::Boilerplate::No
            && el.text_len >= 10
            && dom.link_density(i) < 0.5
        {
            if !roots
                .iter()
                .any(|&r| dom.contains(r, i) || dom.contains(i, r))
            {
                roots.push(i);
                added = true;
            }
            i = el.end;
            continue;
        }
        i += 1;
    }
    if added {
        roots.sort_unstable();
    }
}

/// The nearest element, the node itself included, that is one post of a page: an
/// `<article>` or a box with a post class (`hentry`, `h-entry`, `type-post`, `post`,
/// `blog-post`).
fn post_box(dom: &Dom, i: usize) -> Option<usize> {
    let mut node = Some(i);
    while let Some(a) = node {
        let el = &dom.elements[a];
        if el.tag == "article"
            || el
                .class()
                .split_whitespace()
                .any(|t| matches!(t, "hentry" | "h-entry" | "type-post" | "post" | "blog-post"))
        {
            return Some(a);
        }
        node = el.parent;
    }
    None
}

/// Blog and archive pages list several posts built from one template: their bodies are
/// each other's siblings, twins and marked cousins, but each is a text of its own. A root
/// inside another post than the winner's (post boxes neither of which holds the other)
/// leaves the text; boxes outside any post (TYPO3 frames, builder widgets) are not
/// affected.
fn drop_other_posts(dom: &Dom, best: usize, roots: &mut Vec<usize>) {
    let Some(own) = post_box(dom, best) else {
        return;
    };
    roots.retain(|&r| {
        r == best
            || dom.contains(own, r)
            || post_box(dom, r).is_none_or(|p| dom.contains(p, best) || dom.contains(own, p))
    });
}

/// The element's id, itemprop and role with digits removed: a template numbers its
/// boxes (`c101`, `c104`), while a box with another job has another name
/// (`js-content` and `post-tags-content` share a class list, not a job).
fn id_shape(el: &crate::dom::El) -> String {
    el.hint
        .get(el.class_len..)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect()
}

/// Whether some element in the subtree received paragraph score.
fn subtree_scored(scores: &[f64], dom: &Dom, i: usize) -> bool {
    scores[i..dom.elements[i].end].iter().any(|&s| s > 0.0)
}

/// The winner plus siblings that continue the same text (readability's sibling rule).
fn with_siblings(dom: &Dom, scores: &[f64], best: usize) -> Vec<usize> {
    let Some(parent) = dom.elements[best].parent else {
        return vec![best];
    };
    let threshold = (scores[best] * 0.2).max(10.0);
    let best_hint = &dom.elements[best].hint;
    let mut roots = Vec::new();
    let mut child = parent + 1;
    while child < dom.elements[parent].end {
        let el = &dom.elements[child];
        if child != best && el.info.boilerplate != hints::Boilerplate::No {
            child = el.end;
            continue;
        }
        let keep = child == best
            || scores[child] >= threshold
            || (el.info.content && el.text_len > 100 && dom.link_density(child) < 0.4)
            || (!best_hint.is_empty() && el.hint == *best_hint && scores[child] > 0.0)
            || (el.tag == "p" && el.text_len > 80 && dom.link_density(child) < 0.25);
        if keep {
            roots.push(child);
        }
        child = el.end;
    }
    roots
}

/// A block that is only a caption or update label ("Updated", "Caption", "Foto",
/// "Bildunterschrift", "Actualizado", "Mis à jour"), with an optional colon.
fn is_lone_label(text: &str) -> bool {
    if text.len() > 24 {
        return false;
    }
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        t.as_str(),
        "updated"
            | "caption"
            | "close caption"
            | "hide caption"
            | "toggle caption"
            | "aktualisiert"
            | "bildunterschrift"
            | "actualizado"
            | "mis à jour"
            | "zaktualizowano"
    )
}

/// Headings that open a section of page furniture rather than of the article: reader
/// comments, related and recommended stories, "read more" lists, in the languages the
/// corpus holds (English, German, Spanish, French, Polish, Portuguese, Italian).
static SECTION_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?ix)^(?:
            \d*\s*(?:comments?|responses?|replies)(?:\s*\(\d+\))?|leave\ a\ (?:comment|reply)|join\ the\ (?:conversation|discussion)|
            related(?:\ (?:articles?|stories|posts|news|content|reading|coverage|links))?|
            (?:read|see)\ (?:more|also|next)|more\ (?:from|on|stories|news|articles)\b.*|
            you\ (?:may|might)\ also\ (?:like|enjoy)|recommended(?:\ for\ you)?|editors?'?’?s?\ (?:picks|recommendations)|
            (?:most\ (?:read|popular|viewed)|trending(?:\ now)?|popular\ (?:posts|stories)|latest\ (?:news|posts|stories))|
            (?:today'?’?s\ )?(?:best|top)\ deals|deals\ of\ the\ day|about\ the\ authors?|
            kommentare?|\d+\ kommentare?|mehr\ zum\ thema|das\ könnte\ sie\ auch\ interessieren|lesen\ sie\ auch|auch\ interessant|weitere\ artikel|
            comentarios?|\d+\ comentarios?|noticias\ relacionadas|te\ puede\ interesar|lee\ también|más\ noticias|
            commentaires?|\d+\ commentaires?|à\ lire\ aussi|lire\ aussi|sur\ le\ même\ sujet|
            komentarze?|\d+\ komentarz[ey]?|czytaj\ (?:też|także)|zobacz\ (?:też|także)|
            comentários|leia\ também|commenti|leggi\ anche
        )\s*:?$",
    )
    .expect("section label pattern")
});

/// Whether a heading names a section of furniture (see [`SECTION_LABEL`]).
fn is_section_label(text: &str) -> bool {
    text.len() <= 60 && SECTION_LABEL.is_match(text.trim())
}

/// Whether every line of a short block is a bare date or page furniture.
fn is_metadata_lines(text: &str) -> bool {
    // Every date form has digits; most blocks have none and skip the parsers.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let is_date_line = |line: &str| {
        line.chars().count() < 40
            && line.split_whitespace().count() <= 6
            && crate::dates::parse(line, false).is_some()
    };
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    if lines.peek().is_none() {
        return false;
    }
    let mut any_date = false;
    for line in lines {
        if is_date_line(line) {
            any_date = true;
        } else if !hints::is_boilerplate_text(line) {
            return false;
        }
    }
    any_date
}

/// Drop link lists and leftovers inside the chosen container.
fn filter_blocks(dom: &Dom, kept: &[TextBlock], best: Option<usize>) -> Vec<Block> {
    let _ = (dom, best);
    let mut out = Vec::new();
    // Gallery captions and pull quotes repeat text the article already gave.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    // Inside a section that a furniture heading opened ("Comments", "Related stories",
    // "Lesen Sie auch"): its level. Its items (headlines, links, a deal, a comment
    // prompt) go; the section ends at the next heading as high or at the first block of
    // prose, since sites put such boxes mid-article too and the story goes on after them.
    let mut furniture: Option<u8> = None;
    for b in kept {
        if let Some(level) = furniture {
            let prose = !b.is_heading() && b.chars >= 150 && b.link_chars * 10 < b.chars * 3;
            match b.kind {
                BlockKind::Heading(l) if l <= level => furniture = None,
                _ if prose => furniture = None,
                _ => continue,
            }
        }
        if let BlockKind::Heading(level) = b.kind {
            if is_section_label(&b.text) {
                furniture = Some(level);
                continue;
            }
        }
        if !b.is_heading() && b.chars >= 40 && !seen.insert(b.text.as_str()) {
            continue;
        }
        // Labels that captions and live pages leave on their own line.
        if is_lone_label(&b.text) {
            continue;
        }
        let link_ratio = b.link_chars as f64 / b.chars.max(1) as f64;
        if link_ratio > LINK_LIMIT && !b.preformatted {
            continue;
        }
        if !b.preformatted && hints::is_boilerplate_text(&b.text) {
            continue;
        }
        // A block that is only a date (the dateline under a headline) is metadata; so is a
        // short stack of such lines and labels (`News date : ...` over `Category : ...`).
        if !b.is_heading() && b.chars < 120 && is_metadata_lines(&b.text) {
            continue;
        }
        out.push(Block {
            kind: b.kind,
            text: b.text.clone(),
            source: None,
        });
    }
    out
}

/// Tuning aid: for the first text block containing `needle`, the chain of its ancestors
/// with their skip flag, score and hint, and the chosen container.
pub fn explain(dom: &Dom, needle: &str) -> String {
    use std::fmt::Write as _;
    let skip = blocks::skipped_elements(dom);
    let all = blocks::collect(dom, &vec![false; dom.elements.len()]);
    let scores = score_candidates(dom, &blocks::collect(dom, &skip));
    let best = best_candidate(dom, &scores);
    let mut out = String::new();
    if let Some(b) = best {
        let _ = writeln!(
            out,
            "best: {} <{} {}> score {:.1}",
            b, dom.elements[b].tag, dom.elements[b].hint, scores[b]
        );
        for r in with_siblings(dom, &scores, b) {
            let _ = writeln!(
                out,
                "  root {} <{} {}>",
                r, dom.elements[r].tag, dom.elements[r].hint
            );
        }
    }
    let Some(block) = all.iter().find(|b| b.text.contains(needle)) else {
        let _ = writeln!(out, "needle not in any block");
        return out;
    };
    let mut node = Some(block.owner);
    while let Some(i) = node {
        let el = &dom.elements[i];
        let _ = writeln!(
            out,
            "{i} <{} {}> skip={} score={:.1} len={} links={}",
            el.tag, el.hint, skip[i], scores[i], el.text_len, el.link_len
        );
        node = el.parent;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_labels_are_furniture() {
        assert!(is_lone_label("Updated"));
        assert!(is_lone_label("Caption:"));
        assert!(is_lone_label("Mis à jour"));
        assert!(!is_lone_label("Updated figures came in on Monday."));
    }

    #[test]
    fn stacked_date_and_label_lines_are_metadata() {
        assert!(is_metadata_lines(
            "News date : 04/21/2022\nCategory : Press Releases"
        ));
        assert!(is_metadata_lines("June 7, 2020"));
        assert!(!is_metadata_lines("Category : Press Releases"));
        assert!(!is_metadata_lines(
            "June 7, 2020\nThe council voted to close the bridge."
        ));
        assert!(!is_metadata_lines(""));
    }
}
