//! The `extract.metadata` stage: fills title, authors, publication date and publisher from
//! the text when the source did not state them, and takes the header lines out of the body.

use newsmill_core::{
    Article, Block, ConfigIssue, Outcome, Removal, SourceFormat, Stage, StageCounters, StageError,
    StageTable,
};

use crate::byline::BylineParser;
use crate::dates::{DateParser, DateRole, FoundDate};
use crate::options::{self, MetadataOptions};
use crate::publisher::{publisher_for_url, BuiltinFooters};
use crate::source_dates::{self, DayOrder, StatedDate};
use newsmill_core::CAPTURED_KEY;

const STAGE: &str = "extract.metadata";
/// Longest line read as a headline when the title comes from the first line of the text
/// (BBC headlines are at most 52 characters; a longer first line is usually a lede).
const MAX_TITLE_CHARS: usize = 200;
/// A block longer than this with no header line is the start of the body: scanning stops.
const BODY_BLOCK_CHARS: usize = 150;
/// Lines per block looked at for bylines and dates.
const HEADER_LINES_PER_BLOCK: usize = 6;
/// How much of the end of the raw text is searched for footers besides the last blocks
/// (an earlier cleaning stage may have dropped the footer block).
const RAW_FOOTER_BYTES: usize = 2000;

pub(crate) struct MetadataStage {
    options: MetadataOptions,
    footers: &'static BuiltinFooters,
    dates: &'static DateParser,
    bylines: &'static BylineParser,
}

pub(crate) fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let options = options::parse(table)?;
    Ok(Box::new(MetadataStage {
        options,
        footers: BuiltinFooters::shared(),
        dates: DateParser::shared(),
        bylines: BylineParser::shared(),
    }))
}

/// Where the title was found in the body.
struct TitleSource {
    block: usize,
    /// The title is the whole block (so stripping removes the block).
    whole_block: bool,
}

/// Byline and date lines found near the top.
#[derive(Default)]
struct Header {
    authors: Vec<String>,
    published: Option<FoundDate>,
    updated: Option<FoundDate>,
    /// `(block, line, reason)` of every header line, in order.
    lines: Vec<(usize, usize, &'static str)>,
}

impl Stage for MetadataStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        self.normalise_source_dates(article, counters);
        let title = self.title(article, counters);
        let header = self.header(article, title.as_ref());
        self.apply_header(article, &header, counters);
        self.captured_date(article, counters);
        if self.options.strip_header {
            strip(article, title.as_ref(), &header, counters);
        }
        self.publisher(article, counters);
        Ok(Outcome::Keep)
    }
}

impl MetadataStage {
    /// Source-stated dates (front matter, JSON fields, HTML meta) become a `YYYY-MM-DD` date
    /// plus, when the source gives a time, `published_time` (ISO 8601); the stated text is
    /// kept in `extra` as `published_source` / `modified_source` when it was in another form.
    /// A stated value no form reads leaves the column empty (it stays in `extra`).
    fn normalise_source_dates(&self, article: &mut Article, counters: &mut StageCounters) {
        let meta = &mut article.meta;
        let locale = meta
            .extra
            .get(LOCALE_KEY)
            .cloned()
            .or_else(|| meta.language.clone());
        let order = DayOrder::for_locale(locale.as_deref());
        let mut published_time = None;
        for (slot, key) in [
            (&mut meta.published, "published"),
            (&mut meta.modified, "modified"),
        ] {
            let Some(stated) = slot.clone() else {
                continue;
            };
            if is_plain_date(&stated) {
                continue;
            }
            let found = source_dates::normalise(&stated, order).or_else(|| {
                self.dates
                    .date_line(&stated)
                    .map(|(d, _)| d)
                    .or_else(|| self.dates.find(&stated))
                    .and_then(|d| {
                        let date = chrono::NaiveDate::parse_from_str(&d.iso, "%Y-%m-%d").ok()?;
                        let timestamp = d.time.as_deref().and_then(|t| timestamp_of(&d.iso, t));
                        Some(StatedDate { date, timestamp })
                    })
            });
            meta.extra
                .entry(format!("{key}_source"))
                .or_insert_with(|| stated.clone());
            match found {
                Some(found) => {
                    *slot = Some(found.iso_date());
                    if key == "published" {
                        published_time = found.timestamp;
                    }
                    counters.add("dates_normalised", 1);
                }
                None => {
                    *slot = None;
                    counters.add("dates_unreadable", 1);
                }
            }
        }
        if meta.published_time.is_none() {
            meta.published_time = published_time.or_else(|| {
                // HTML meta (`article:published_time`) keeps the full stamp in `extra`.
                let stamp = meta.extra.get("published_time")?;
                let found = source_dates::normalise(stamp, order)?;
                let same_day = meta.published.as_deref() == Some(found.iso_date().as_str());
                found.timestamp.filter(|_| same_day)
            });
        }
    }

    /// When neither the source nor the text gave a publication date, the date a container
    /// captured the document (WARC-Date) is the last resort.
    fn captured_date(&self, article: &mut Article, counters: &mut StageCounters) {
        let meta = &mut article.meta;
        if meta.published.is_some() {
            return;
        }
        let Some(captured) = meta.extra.get(CAPTURED_KEY) else {
            return;
        };
        if let Some(found) = source_dates::normalise(captured, DayOrder::DayFirst) {
            meta.published = Some(found.iso_date());
            counters.add("published_from_capture", 1);
        }
    }

    /// Finds the title block, filling `meta.title` when the source gave none.
    fn title(&self, article: &mut Article, counters: &mut StageCounters) -> Option<TitleSource> {
        let blocks = &article.blocks;
        if let Some(stated) = &article.meta.title {
            // A stated title repeated as the first block is a duplicate to strip.
            let stated = fold(stated).to_lowercase();
            let block = blocks
                .iter()
                .take(3)
                .position(|b| fold(&b.text).to_lowercase() == stated)?;
            return Some(TitleSource {
                block,
                whole_block: true,
            });
        }
        let top = &blocks[..blocks.len().min(self.options.header_blocks)];
        let h1 = top
            .iter()
            .position(|b| b.kind == newsmill_core::BlockKind::Heading(1));
        let (block, text, whole_block) = match h1 {
            Some(i) if top[..i].iter().all(is_short) => (i, fold(&top[i].text), true),
            _ => match blocks.first() {
                Some(first) if first.is_heading() => (0, fold(&first.text), true),
                Some(first) if article.format != SourceFormat::Html => {
                    let line = first.text.lines().next().unwrap_or("").trim();
                    if !plausible_headline(line) || self.is_header_line(line, false) {
                        return None;
                    }
                    (0, line.to_string(), !first.text.contains('\n'))
                }
                _ => return None,
            },
        };
        if text.is_empty() {
            return None;
        }
        article.meta.title = Some(text);
        counters.add("title_from_text", 1);
        Some(TitleSource { block, whole_block })
    }

    fn is_header_line(&self, line: &str, bold: bool) -> bool {
        self.dates.date_line(line).is_some() || self.bylines.names(line, bold, self.dates).is_some()
    }

    /// Byline and date lines in the blocks at the top, up to the first body paragraph.
    fn header(&self, article: &Article, title: Option<&TitleSource>) -> Header {
        let mut header = Header::default();
        let last = (title.map_or(0, |t| t.block + 1) + self.options.header_blocks)
            .min(article.blocks.len());
        for (index, block) in article.blocks.iter().enumerate().take(last) {
            if title.is_some_and(|t| t.whole_block && t.block == index) {
                continue;
            }
            let source = block
                .source
                .clone()
                .and_then(|r| article.raw.get(r))
                .unwrap_or("");
            let skip_first_line = title.is_some_and(|t| !t.whole_block && t.block == index);
            let mut found_here = false;
            for (line_no, line) in block.text.lines().enumerate().take(HEADER_LINES_PER_BLOCK) {
                if (skip_first_line && line_no == 0) || block.is_heading() {
                    continue;
                }
                let line = line.trim();
                if let Some((date, role)) = self.dates.date_line(line) {
                    let slot = match role {
                        DateRole::Published => &mut header.published,
                        DateRole::Updated => &mut header.updated,
                    };
                    slot.get_or_insert(date);
                    header.lines.push((index, line_no, "dateline"));
                    found_here = true;
                } else if let Some(names) =
                    self.bylines.names(line, is_bold(source, line), self.dates)
                {
                    if header.authors.is_empty() {
                        header.authors = names;
                    }
                    if let Some(date) = self.dates.find(line) {
                        header.published.get_or_insert(date);
                    }
                    header.lines.push((index, line_no, "byline"));
                    found_here = true;
                }
            }
            if !found_here && !block.is_heading() && block.text.len() > BODY_BLOCK_CHARS {
                break;
            }
        }
        header
    }

    fn apply_header(&self, article: &mut Article, header: &Header, counters: &mut StageCounters) {
        let meta = &mut article.meta;
        if meta.authors.is_empty() && !header.authors.is_empty() {
            meta.authors = header.authors.clone();
            counters.add("authors_from_text", 1);
        }
        if meta.modified.is_none() {
            if let Some(updated) = &header.updated {
                meta.modified = Some(updated.iso.clone());
            }
        }
        if meta.published.is_none() {
            // An "Updated" date is the best date a page gives when it gives no other.
            if let Some(date) = header.published.as_ref().or(header.updated.as_ref()) {
                meta.published = Some(date.iso.clone());
                if let Some(time) = &date.time {
                    meta.extra
                        .entry("published_time".into())
                        .or_insert_with(|| time.clone());
                    if meta.published_time.is_none() {
                        meta.published_time = timestamp_of(&date.iso, time);
                    }
                }
                counters.add("published_from_text", 1);
            }
        }
    }

    /// Publisher from user rules, then the built-in footers, then the URL's domain.
    fn publisher(&self, article: &mut Article, counters: &mut StageCounters) {
        if article.meta.publisher.is_some() {
            return;
        }
        let blocks = &article.blocks;
        let tail = &blocks[blocks.len().saturating_sub(self.options.footer_blocks)..];
        let mut texts: Vec<&str> = tail.iter().map(|b| b.text.as_str()).collect();
        if article.format != SourceFormat::Html {
            // The raw tail also holds link targets ("wsws.org/contact") the block text lost.
            texts.push(raw_tail(&article.raw));
        }
        let url = article.meta.url.as_deref().unwrap_or("");
        let user = self
            .options
            .publishers
            .iter()
            .find(|r| r.pattern.is_match(url) || texts.iter().any(|t| r.pattern.is_match(t)));
        let (name, counter) = if let Some(rule) = user {
            (rule.name.clone(), "publisher_from_pattern")
        } else if let Some(name) = self.footers.find(texts.iter().copied()) {
            (name.to_string(), "publisher_from_footer")
        } else if let Some(name) = publisher_for_url(url) {
            (name.to_string(), "publisher_from_url")
        } else {
            return;
        };
        article.meta.publisher = Some(name);
        counters.add(counter, 1);
    }
}

/// Removes the title block and the header lines; blocks left empty go. Removed text is
/// recorded in `annotations.removed` for the audit trail.
fn strip(
    article: &mut Article,
    title: Option<&TitleSource>,
    header: &Header,
    counters: &mut StageCounters,
) {
    let mut removed_lines: Vec<(usize, usize, &'static str)> = header.lines.clone();
    removed_lines.sort_unstable();
    let mut drop_blocks: Vec<usize> = Vec::new();
    if let Some(t) = title.filter(|t| t.whole_block) {
        drop_blocks.push(t.block);
    }
    let mut removals = Vec::new();
    for t in &drop_blocks {
        if let Some(block) = article.blocks.get(*t) {
            removals.push(removal("title", &block.text));
        }
    }
    let mut index = 0;
    while index < removed_lines.len() {
        let block_index = removed_lines[index].0;
        let group_end = removed_lines[index..]
            .iter()
            .position(|l| l.0 != block_index)
            .map_or(removed_lines.len(), |n| index + n);
        let group = &removed_lines[index..group_end];
        index = group_end;
        let Some(block) = article.blocks.get_mut(block_index) else {
            continue;
        };
        let mut kept = Vec::new();
        for (line_no, line) in block.text.lines().enumerate() {
            match group.iter().find(|l| l.1 == line_no) {
                Some((_, _, reason)) => {
                    removals.push(removal(reason, line.trim()));
                    counters.add("header_lines_removed", 1);
                }
                None => kept.push(line),
            }
        }
        let text = kept.join("\n").trim().to_string();
        // "Headline\nBy Ann Lee\n3 May 2020" as one block: once the byline and date go,
        // what is left is the title alone, and it goes too.
        let title_left_alone = title.is_some_and(|t| t.block == block_index && !t.whole_block)
            && article.meta.title.as_deref() == Some(text.as_str());
        if title_left_alone {
            removals.push(removal("title", &text));
        }
        if text.is_empty() || title_left_alone {
            drop_blocks.push(block_index);
        } else {
            block.text = text;
        }
    }
    drop_blocks.sort_unstable();
    drop_blocks.dedup();
    for &i in drop_blocks.iter().rev() {
        if i < article.blocks.len() {
            article.blocks.remove(i);
            counters.add("header_blocks_removed", 1);
        }
    }
    article.annotations.removed.extend(removals);
}

fn removal(reason: &str, text: &str) -> Removal {
    Removal {
        stage: STAGE,
        reason: reason.to_string(),
        text: text.to_string(),
    }
}

/// Whitespace folded to single spaces, for comparing titles.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A first line that can be a headline: not too long, and not two sentences or more.
/// Key of `extra` where readers keep a stated locale with its country (`en-US`).
const LOCALE_KEY: &str = "locale";

/// Whether a stated value is already a bare `YYYY-MM-DD` date.
fn is_plain_date(value: &str) -> bool {
    value.len() == 10 && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
}

/// A dateline's date and time (`14:05 GMT`, `09:30`) as ISO 8601, with the offset of the
/// zone when it has one fixed offset (`ET`, `PT` and the like do not: summer time).
fn timestamp_of(iso_date: &str, time: &str) -> Option<String> {
    let mut parts = time.split_whitespace();
    let clock = parts.next()?;
    let mut numbers = clock.split(':').map(|n| n.parse::<u32>().ok());
    let (h, m) = (numbers.next()??, numbers.next()??);
    let s = numbers.next().flatten().unwrap_or(0);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    let offset = match parts.next().map(str::to_ascii_uppercase).as_deref() {
        Some("GMT" | "UTC" | "Z") => "+00:00",
        Some("BST" | "CET") => "+01:00",
        Some("CEST" | "EET") => "+02:00",
        Some("EEST") => "+03:00",
        Some("IST") => "+05:30",
        Some("JST") => "+09:00",
        Some("AEST") => "+10:00",
        Some("AEDT") => "+11:00",
        Some("EST") => "-05:00",
        Some("EDT") => "-04:00",
        Some("CDT") => "-05:00",
        Some("CST") => "-06:00",
        Some("MST") => "-07:00",
        Some("MDT") => "-06:00",
        Some("PST") => "-08:00",
        Some("PDT") => "-07:00",
        _ => "",
    };
    Some(format!("{iso_date}T{h:02}:{m:02}:{s:02}{offset}"))
}

/// A headline is one sentence: no `. ` followed by a capital, except after an abbreviation
/// (`Sen. Warren`, `U.K. Prime Minister`, `J. Edgar Hoover`).
fn plausible_headline(line: &str) -> bool {
    let sentence_breaks = line
        .match_indices(". ")
        .filter(|(i, _)| line[i + 2..].starts_with(char::is_uppercase))
        .filter(|(i, _)| !ends_with_abbreviation(&line[..*i]))
        .count();
    line.chars().count() <= MAX_TITLE_CHARS && sentence_breaks == 0
}

/// Titles and short forms that take a period before a name or noun.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm",
    "cmdr", "maj", "pres", "sec", "atty", "supt", "insp", "det", "st", "mt", "ft", "no", "vs",
    "jr", "sr", "inc", "corp", "co", "ltd", "dept", "univ", "rev", "hon", "sens", "reps", "govs",
    "messrs", "fr", "gens", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
];

/// Whether the text before a period ends with an abbreviation: a single letter (`J`), a
/// dotted initialism (`U.K`, `A.G`) or a listed short form (`Sen`, `Gov`).
fn ends_with_abbreviation(before_period: &str) -> bool {
    let word = before_period
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().count() == 1 {
        return true;
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// A kicker, dateline or label above the headline, not body text.
fn is_short(block: &Block) -> bool {
    block.text.len() <= BODY_BLOCK_CHARS && block.text.lines().count() <= 2
}

/// Whether the block's source shows `line` wholly in bold (`**..**`, `__..__`, `<b>`, `<strong>`).
fn is_bold(source: &str, line: &str) -> bool {
    !line.is_empty()
        && [
            ("**", "**"),
            ("__", "__"),
            ("<b>", "</b>"),
            ("<strong>", "</strong>"),
        ]
        .iter()
        .any(|(open, close)| source.contains(&format!("{open}{line}{close}")))
}

/// The last bytes of the raw text, cut at a character boundary.
fn raw_tail(raw: &str) -> &str {
    let mut start = raw.len().saturating_sub(RAW_FOOTER_BYTES);
    while !raw.is_char_boundary(start) {
        start += 1;
    }
    &raw[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Block, BlockKind};

    fn stage(options: &str) -> Box<dyn Stage> {
        build(&StageTable::from_options(STAGE, options)).unwrap()
    }

    fn article(format: SourceFormat, blocks: Vec<Block>) -> Article {
        Article {
            format,
            blocks,
            ..Article::new("a", "a")
        }
    }

    fn run(stage: &dyn Stage, article: &mut Article) -> StageCounters {
        let mut counters = StageCounters::default();
        assert_eq!(
            stage.process(article, &mut counters).unwrap(),
            Outcome::Keep
        );
        counters
    }

    fn texts(article: &Article) -> Vec<&str> {
        article.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn html_fills_gaps_only_and_drops_a_repeated_headline() {
        let mut a = article(
            SourceFormat::Html,
            vec![
                Block::heading(1, "Rates held at 5%"),
                Block::paragraph("By Ann Lee and Bo Chen"),
                Block::paragraph("The central bank kept rates on hold."),
            ],
        );
        a.meta.title = Some("Rates held at 5%".into());
        a.meta.published = Some("2020-05-01T10:00:00Z".into());
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.title.as_deref(), Some("Rates held at 5%"));
        assert_eq!(a.meta.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(a.meta.published.as_deref(), Some("2020-05-01"));
        assert_eq!(
            a.meta.published_time.as_deref(),
            Some("2020-05-01T10:00:00+00:00")
        );
        assert_eq!(texts(&a), ["The central bank kept rates on hold."]);
    }

    #[test]
    fn stated_authors_are_kept_but_the_byline_still_leaves_the_body() {
        let mut a = article(
            SourceFormat::Markdown,
            vec![
                Block::paragraph("By Someone Else"),
                Block::paragraph("Body text of the story."),
            ],
        );
        a.meta.authors = vec!["Jane Doe".into()];
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.authors, ["Jane Doe"]);
        assert_eq!(texts(&a), ["Body text of the story."]);
    }

    #[test]
    fn strip_header_off_keeps_every_block() {
        let blocks = vec![
            Block::paragraph("Headline"),
            Block::paragraph("By Ann Lee\n3 May 2020"),
            Block::paragraph("Body."),
        ];
        let mut a = article(SourceFormat::Text, blocks.clone());
        run(stage("strip_header = false").as_ref(), &mut a);
        assert_eq!(a.blocks, blocks);
        assert_eq!(
            (a.meta.title.as_deref(), a.meta.published.as_deref()),
            (Some("Headline"), Some("2020-05-03"))
        );
        assert!(a.annotations.removed.is_empty());
    }

    #[test]
    fn first_line_title_of_a_longer_block_stays_in_the_body() {
        let mut a = article(
            SourceFormat::Text,
            vec![Block::paragraph(
                "Headline here\nBy Ann Lee\nThe story begins.",
            )],
        );
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.title.as_deref(), Some("Headline here"));
        assert_eq!(a.meta.authors, ["Ann Lee"]);
        assert_eq!(texts(&a), ["Headline here\nThe story begins."]);
    }

    #[test]
    fn a_title_left_alone_by_the_header_lines_goes_with_them() {
        let mut a = article(
            SourceFormat::Text,
            vec![
                Block::paragraph("Headline here\nBy Ann Lee\n3 May 2020"),
                Block::paragraph("Body."),
            ],
        );
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.title.as_deref(), Some("Headline here"));
        assert_eq!(texts(&a), ["Body."]);
        let reasons: Vec<&str> = a
            .annotations
            .removed
            .iter()
            .map(|r| r.reason.as_str())
            .collect();
        assert_eq!(reasons, ["byline", "dateline", "title"]);
    }

    #[test]
    fn no_title_from_a_long_first_line_or_a_byline() {
        let mut a = article(
            SourceFormat::Text,
            vec![
                Block::paragraph("The mayor resigned. She gave no reason."),
                Block::paragraph("Body."),
            ],
        );
        run(stage("").as_ref(), &mut a);
        assert_eq!(
            a.meta.title, None,
            "two sentences are a lede, not a headline"
        );
        let long = "word ".repeat(50);
        let mut a = article(SourceFormat::Text, vec![Block::paragraph(long.trim())]);
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.title, None);
        let mut a = article(
            SourceFormat::Text,
            vec![Block::paragraph("By Ann Lee"), Block::paragraph("Body.")],
        );
        run(stage("").as_ref(), &mut a);
        assert_eq!((a.meta.title.as_deref(), a.meta.authors.len()), (None, 1));
    }

    #[test]
    fn first_line_titles_survive_abbreviations() {
        for title in [
            "Sen. Warren and Rep. Ocasio-Cortez unveil a plan",
            "U.K. and U.S. agree on tariffs",
            "A.G. Barr says J. Edgar Hoover files will open",
        ] {
            let mut a = article(
                SourceFormat::Text,
                vec![Block::paragraph(title), Block::paragraph("Body text.")],
            );
            run(stage("").as_ref(), &mut a);
            assert_eq!(a.meta.title.as_deref(), Some(title));
        }
        let mut a = article(
            SourceFormat::Text,
            vec![
                Block::paragraph("Prices rose. Markets fell sharply on Monday"),
                Block::paragraph("Body text."),
            ],
        );
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.title, None);
    }

    #[test]
    fn stated_dates_are_normalised_and_kept() {
        let mut a = article(SourceFormat::Markdown, vec![Block::paragraph("Body.")]);
        a.meta.published = Some("Friday, December 27, 2013 at 9:30 am".into());
        a.meta.modified = Some("not a date".into());
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.published.as_deref(), Some("2013-12-27"));
        assert_eq!(
            a.meta.extra.get("published_source").map(String::as_str),
            Some("Friday, December 27, 2013 at 9:30 am")
        );
        assert_eq!(
            a.meta.published_time.as_deref(),
            Some("2013-12-27T09:30:00")
        );
        // A stated value no form reads leaves the column empty and stays in `extra`.
        assert_eq!(a.meta.modified, None);
        assert_eq!(
            a.meta.extra.get("modified_source").map(String::as_str),
            Some("not a date")
        );
    }

    #[test]
    fn publisher_from_user_pattern_then_footer_then_url() {
        let body = vec![
            Block::paragraph("Body."),
            Block::paragraph("© 2024 Reuters. All rights reserved."),
        ];
        let mut a = article(SourceFormat::Text, body.clone());
        a.meta.url = Some("https://www.gazette.example/x".into());
        let counters = run(
            stage("publishers = [{ pattern = 'gazette\\.example', name = 'The Gazette' }]")
                .as_ref(),
            &mut a,
        );
        assert_eq!(a.meta.publisher.as_deref(), Some("The Gazette"));
        assert_eq!(counters.0.get("publisher_from_pattern"), Some(&1));
        let mut a = article(SourceFormat::Text, body);
        a.meta.url = Some("https://www.bbc.co.uk/news/x".into());
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.publisher.as_deref(), Some("Reuters"));
        let mut a = article(SourceFormat::Text, vec![Block::paragraph("Body.")]);
        a.meta.url = Some("https://www.bbc.co.uk/news/x".into());
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.publisher.as_deref(), Some("BBC"));
    }

    #[test]
    fn a_kicker_above_the_h1_does_not_hide_it() {
        let mut a = article(
            SourceFormat::Markdown,
            vec![
                Block::paragraph("World news"),
                Block::heading(1, "Floods in the north"),
                Block::paragraph("Body."),
            ],
        );
        run(stage("").as_ref(), &mut a);
        assert_eq!(a.meta.title.as_deref(), Some("Floods in the north"));
        assert_eq!(texts(&a), ["World news", "Body."]);
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
    }
}
