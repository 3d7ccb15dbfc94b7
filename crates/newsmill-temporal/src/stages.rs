//! The `extract.dates` and `extract.facts` stages: options, registry entries and the
//! per-article passes that turn scanner output into annotations.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use newsmill_core::{
    nearest_name, parse_options, Article, DateMention, EntityKind, EntityMention, Fact, Family,
    Granularity, Outcome, Span, Stage, StageCounters, StageError, StageFactory, StageTable,
};

use crate::date_resolve::{resolve, Resolved, Unresolved};
use crate::date_scan::{is_attributive, is_dateline, scan, Expr, ScanOptions};
use crate::facts::{facts_in_sentence, sentence_excerpt, EVENT_KINDS};
use crate::lexicon::{forward_lead, future_after, has_past_cue, tense_near, Tense};
use crate::places::{self, BlockPlaces, Clauses, Place};
use crate::tokens::{view, Tok, TokenKind};
use newsmill_core::civil::CivilDate;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatesOptions {
    /// Recognise a lone four-digit year ("in 2008", "the 2003 winner").
    #[serde(default = "yes")]
    pub bare_years: bool,
    /// Recognise fixed-date holidays (Christmas Day, Boxing Day, New Year's Day, ...).
    #[serde(default = "yes")]
    pub holidays: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactsOptions {
    /// Also report counts of concrete things with no event ("75 Hellfire missiles").
    #[serde(default = "yes")]
    pub quantities: bool,
    /// Keep only these kinds (empty = all): killed, wounded, arrested, detained, displaced,
    /// missing, kidnapped, quantity.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Also scan headings (a headline usually repeats a body fact).
    #[serde(default)]
    pub headings: bool,
}

fn yes() -> bool {
    true
}

impl Default for DatesOptions {
    fn default() -> Self {
        DatesOptions {
            bare_years: true,
            holidays: true,
        }
    }
}

impl Default for FactsOptions {
    fn default() -> Self {
        FactsOptions {
            quantities: true,
            kinds: Vec::new(),
            headings: false,
        }
    }
}

/// Resolves temporal expressions against `meta.published` into `annotations.dates`.
#[derive(Debug, Clone, Default)]
pub struct DatesStage {
    pub options: DatesOptions,
}

/// Finds counted facts into `annotations.facts`, reading places from entity mentions and
/// dates from `annotations.dates`.
#[derive(Debug, Clone, Default)]
pub struct FactsStage {
    pub options: FactsOptions,
}

pub fn factories() -> Vec<StageFactory> {
    vec![
        StageFactory {
            name: "extract.dates",
            summary: "Find date expressions (absolute, weekdays, relative) and resolve them against the publication date",
            options: newsmill_core::option_docs::<DatesOptions>,
            example: "[[stage]]\nuse = \"extract.dates\"\nbare_years = true\nholidays = true\n",
            reads: &[Family::Metadata],
            writes: &[Family::Dates],
            build: build_dates,
        },
        StageFactory {
            name: "extract.facts",
            summary: "Find casualty, arrest and displacement counts and quantities of concrete things, with place and date",
            options: newsmill_core::option_docs::<FactsOptions>,
            example: "[[stage]]\nuse = \"extract.facts\"\nquantities = true\nkinds = [\"killed\", \"wounded\", \"quantity\"]\nheadings = false\n",
            reads: &[Family::Entities, Family::Dates],
            writes: &[Family::Facts],
            build: build_facts,
        },
    ]
}

fn build_dates(table: &StageTable) -> Result<Box<dyn Stage>, Vec<newsmill_core::ConfigIssue>> {
    let options: DatesOptions = parse_options(table)?;
    Ok(Box::new(DatesStage { options }))
}

fn build_facts(table: &StageTable) -> Result<Box<dyn Stage>, Vec<newsmill_core::ConfigIssue>> {
    let options: FactsOptions = parse_options(table)?;
    let known = || EVENT_KINDS.iter().copied().chain(["quantity"]);
    let issues: Vec<_> = options
        .kinds
        .iter()
        .filter(|k| !known().any(|n| n == k.as_str()))
        .map(|k| {
            let line = table
                .text
                .lines()
                .position(|l| l.trim_start().starts_with("kinds"))
                .map(|i| table.first_line + i);
            let mut issue = table
                .issue(line, format!("unknown fact kind `{k}`"))
                .with_key("kinds");
            issue.suggestion = nearest_name(k, known()).map(str::to_string);
            issue
        })
        .collect();
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(Box::new(FactsStage { options }))
}

fn published(article: &Article) -> Option<CivilDate> {
    article
        .meta
        .published
        .as_deref()
        .and_then(CivilDate::parse_iso)
}

fn token_bytes(tokens: &[Tok], range: &Range<usize>) -> Range<usize> {
    match (
        tokens.get(range.start),
        range.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => 0..0,
    }
}

impl DatesStage {
    /// The date mentions of an article, in text order, and how many were left unresolved.
    /// An unresolved expression ("on Monday" in an undated article) is still a mention, with
    /// an empty value and the `reason`.
    pub fn find(&self, article: &Article) -> (Vec<DateMention>, u64) {
        let pub_date = published(article);
        let scan_options = ScanOptions {
            bare_years: self.options.bare_years,
            holidays: self.options.holidays,
        };
        let mut previous: Option<(Resolved, String)> = None;
        let mut found = Vec::new();
        let mut unresolved = 0;
        let shared = newsmill_text::article_tokens(article);
        for (b, block) in article.blocks.iter().enumerate() {
            let Some(block_tokens) = shared.blocks.get(b) else {
                continue;
            };
            let mut norms = String::new();
            let view = view(&block.text, block_tokens, &mut norms);
            let tokens = view.tokens.as_slice();
            for sentence in view.sentences {
                for expr in scan(tokens, sentence.clone(), scan_options) {
                    if is_dateline(&block.text, tokens, &expr.tokens) {
                        continue;
                    }
                    // A date used as a modifier names an event: the most recent one ("after
                    // the Oct. 23 slaying" in a May story, "will be affected by Sunday's
                    // earthquake"), unless what is said of the event is future ("the 19
                    // February meets would show"; not for weekdays, a week is too short).
                    let near = || tense_near(tokens, sentence.clone(), expr.tokens.start);
                    let tense = if is_attributive(tokens, &expr.tokens) {
                        let weekday = matches!(expr.expr, Expr::Weekday { .. });
                        if !weekday && future_after(tokens, sentence.clone(), expr.tokens.end) {
                            Tense::Future
                        } else {
                            Tense::Past
                        }
                    } else if forward_lead(tokens, expr.tokens.start) {
                        Tense::Future
                    } else {
                        near()
                    };
                    let bytes = token_bytes(tokens, &expr.tokens);
                    let text = block
                        .text
                        .get(bytes.clone())
                        .unwrap_or_default()
                        .to_string();
                    let anchor = match (&expr.expr, &previous) {
                        (Expr::Shift { .. }, Some((_, text))) => format!("previous:{text}"),
                        (Expr::Shift { .. }, None) => String::new(),
                        (e, _) if e.is_relative() => "published".to_string(),
                        _ => String::new(),
                    };
                    let mut mention = DateMention {
                        text,
                        value: String::new(),
                        granularity: expr.expr.granularity(),
                        span: Span::new(b, bytes.start, bytes.end),
                        start: String::new(),
                        end: String::new(),
                        anchor,
                        reason: String::new(),
                    };
                    match resolve(expr.expr, pub_date, tense, previous.as_ref().map(|p| p.0)) {
                        Ok(resolved) => {
                            mention.value = resolved.value();
                            mention.granularity = resolved.granularity;
                            (mention.start, mention.end) = resolved.bounds();
                            // A vague past or future is no anchor for "two days later".
                            let vague = matches!(
                                resolved.granularity,
                                Granularity::Past | Granularity::Future
                            );
                            if !vague {
                                previous = Some((resolved, mention.text.clone()));
                            }
                        }
                        Err(why) => {
                            unresolved += 1;
                            mention.anchor.clear();
                            mention.reason = match why {
                                Unresolved::NoPublicationDate => "no_publication_date",
                                Unresolved::NoAnchor => "no_anchor",
                            }
                            .to_string();
                        }
                    }
                    found.push(mention);
                }
            }
        }
        (found, unresolved)
    }
}

impl Stage for DatesStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let (dates, unresolved) = self.find(article);
        counters.add("dates", dates.len() as u64);
        if unresolved > 0 {
            counters.add("unresolved", unresolved);
        }
        article.annotations.dates = dates;
        Ok(Outcome::Keep)
    }
}

/// Commas, semicolons, colons, dashes and brackets separate clauses.
fn is_clause_separator(t: &Tok) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm, "," | ";" | ":" | "—" | "–" | "(" | ")")
}

/// Which tokens fall inside a date expression (never counts), for the whole block at once:
/// each date marks the tokens it overlaps, found by binary search.
fn tokens_in(tokens: &[Tok], dates: &[(Range<usize>, &DateMention)]) -> Vec<bool> {
    let mut inside = vec![false; tokens.len()];
    for (r, _) in dates {
        let from = tokens.partition_point(|t| t.end <= r.start);
        for (i, t) in tokens.iter().enumerate().skip(from) {
            if t.start >= r.end {
                break;
            }
            inside[i] |= t.start < r.end && r.start < t.end;
        }
    }
    inside
}

/// A block's dates, indexed for the two questions each fact asks: which lie inside its
/// sentence, and which is the last (in text order) to end before the sentence starts.
struct DateIndex<'d, 'a> {
    dates: &'d [(Range<usize>, &'a DateMention)],
    /// Indices of `dates` by start.
    by_start: Vec<usize>,
    /// Ends in increasing order, with the highest index among the dates ending there or
    /// earlier.
    by_end: Vec<(usize, usize)>,
}

impl<'d, 'a> DateIndex<'d, 'a> {
    fn new(dates: &'d [(Range<usize>, &'a DateMention)]) -> Self {
        let mut by_start: Vec<usize> = (0..dates.len()).collect();
        by_start.sort_by_key(|&i| dates[i].0.start);
        let mut ends: Vec<usize> = (0..dates.len()).collect();
        ends.sort_by_key(|&i| dates[i].0.end);
        let mut highest = 0;
        let by_end = ends
            .into_iter()
            .map(|i| {
                highest = highest.max(i);
                (dates[i].0.end, highest)
            })
            .collect();
        DateIndex {
            dates,
            by_start,
            by_end,
        }
    }

    /// The dates inside `sentence` (bytes), in the block's order.
    fn within(&self, sentence: &Range<usize>) -> Vec<&'d (Range<usize>, &'a DateMention)> {
        let from = self
            .by_start
            .partition_point(|&i| self.dates[i].0.start < sentence.start);
        let mut inside: Vec<usize> = self.by_start[from..]
            .iter()
            .copied()
            .take_while(|&i| self.dates[i].0.start <= sentence.end)
            .filter(|&i| self.dates[i].0.end <= sentence.end)
            .collect();
        inside.sort_unstable();
        inside.into_iter().map(|i| &self.dates[i]).collect()
    }

    /// The last date in the block's order that ends at or before byte `at`.
    fn last_ending_by(&self, at: usize) -> Option<&'d (Range<usize>, &'a DateMention)> {
        let k = self.by_end.partition_point(|&(end, _)| end <= at);
        k.checked_sub(1).map(|k| &self.dates[self.by_end[k].1])
    }
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

impl FactsStage {
    /// The facts of an article, in text order.
    pub fn find(&self, article: &Article) -> Vec<Fact> {
        let pub_value = published(article).map(|d| d.to_string());
        let annotations = &article.annotations;
        let mut facts = Vec::new();
        let shared = newsmill_text::article_tokens(article);
        let article_place = places::article_place(article);
        // Dates and places by block, in one pass each: filtering the article's lists once
        // per block made a page of 15,000 paragraphs quadratic.
        let blocks = article.blocks.len();
        let mut dates_of: Vec<Vec<(Range<usize>, &DateMention)>> = vec![Vec::new(); blocks];
        for d in &annotations.dates {
            // A vague past or future ("recently") dates no event.
            if d.value.is_empty()
                || matches!(d.granularity, Granularity::Past | Granularity::Future)
            {
                continue;
            }
            if let Some(list) = dates_of.get_mut(d.span.block) {
                list.push((d.span.start..d.span.end, d));
            }
        }
        let mut places_of: Vec<Vec<&EntityMention>> = vec![Vec::new(); blocks];
        for m in &annotations.mentions {
            if m.kind == EntityKind::Location {
                if let Some(list) = places_of.get_mut(m.span.block) {
                    list.push(m);
                }
            }
        }
        for (b, block) in article.blocks.iter().enumerate() {
            if block.is_heading() && !self.options.headings {
                continue;
            }
            let Some(block_tokens) = shared.blocks.get(b) else {
                continue;
            };
            let dates = std::mem::take(&mut dates_of[b]);
            let places = BlockPlaces::new(
                std::mem::take(&mut places_of[b])
                    .into_iter()
                    .map(|m| {
                        let name = annotations
                            .entities
                            .get(m.entity)
                            .map_or_else(|| m.surface.clone(), |e| e.name.clone());
                        Place::new(&block.text, m.span.start..m.span.end, name)
                    })
                    .collect(),
            );
            let mut norms = String::new();
            let view = view(&block.text, block_tokens, &mut norms);
            let tokens = view.tokens.as_slice();
            let in_dates = tokens_in(tokens, &dates);
            let in_date = |i: usize| in_dates[i];
            let date_index = DateIndex::new(&dates);
            for sentence in view.sentences {
                let sentence_bytes = token_bytes(tokens, &sentence);
                let clauses = Clauses::new(
                    tokens[sentence.clone()]
                        .iter()
                        .filter(|t| is_clause_separator(t))
                        .map(|t| t.start),
                );
                let sentence_dates = date_index.within(&sentence_bytes);
                // Asked once per sentence, not once per fact: it reads the whole sentence.
                let mut past_cue: Option<bool> = None;
                for found in
                    facts_in_sentence(tokens, sentence.clone(), &in_date, self.options.quantities)
                {
                    if !self.options.kinds.is_empty()
                        && !self.options.kinds.iter().any(|k| k == found.kind)
                    {
                        continue;
                    }
                    let bytes = token_bytes(tokens, &found.tokens);
                    let count_bytes = token_bytes(tokens, &found.count.tokens);
                    let subject_words = found.subject.clone().unwrap_or(0..0);
                    let demonym = tokens[subject_words]
                        .iter()
                        .find_map(|t| newsmill_text::countries::country_of_demonym(t.norm));
                    let place = places
                        .choose(&sentence_bytes, &count_bytes, &clauses, demonym)
                        .or_else(|| article_place.clone());
                    let clause = clauses.of(count_bytes.start);
                    let in_sentence = sentence_dates.iter().copied().min_by_key(|(r, _)| {
                        (
                            clauses.of(r.start) != clause,
                            distance(r, &count_bytes),
                            r.start,
                        )
                    });
                    let carried = || {
                        let past =
                            *past_cue.get_or_insert_with(|| has_past_cue(tokens, sentence.clone()));
                        past.then(|| date_index.last_ending_by(sentence_bytes.start))
                            .flatten()
                    };
                    let (date, date_start, date_end) = match in_sentence.or_else(carried) {
                        // "now" dates a fact to the publication day.
                        Some((_, d)) if d.granularity == Granularity::Present => (
                            Some(d.start.clone()),
                            Some(d.start.clone()),
                            Some(d.end.clone()),
                        ),
                        Some((_, d)) => (
                            Some(d.value.clone()),
                            Some(d.start.clone()),
                            Some(d.end.clone()),
                        ),
                        None => (pub_value.clone(), pub_value.clone(), pub_value.clone()),
                    };
                    let subject = found
                        .subject
                        .as_ref()
                        .and_then(|s| block.text.get(token_bytes(tokens, s)))
                        .map(str::to_string);
                    facts.push(Fact {
                        kind: found.kind.to_string(),
                        count: Some(found.count.value),
                        count_min: found.count.min,
                        count_max: found.count.max,
                        qualifier: found.qualifier,
                        subject,
                        place_source: place.as_ref().map(|(_, s)| s.to_string()),
                        place: place.map(|(p, _)| p),
                        date,
                        date_start,
                        date_end,
                        sentence: sentence_excerpt(
                            &block.text,
                            sentence_bytes.clone(),
                            count_bytes.start,
                        ),
                        span: Span::new(b, bytes.start, bytes.end),
                    });
                }
            }
        }
        facts
    }
}

impl Stage for FactsStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let facts = self.find(article);
        counters.add("facts", facts.len() as u64);
        let quantities = facts.iter().filter(|f| f.kind == "quantity").count();
        if quantities > 0 {
            counters.add("quantities", quantities as u64);
        }
        article.annotations.facts = facts;
        Ok(Outcome::Keep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Block, Entity, EntityMention, Granularity};

    fn article(published: Option<&str>, paragraphs: &[&str]) -> Article {
        let mut article = Article::new("test", "test.txt");
        article.meta.published = published.map(str::to_string);
        article.blocks = paragraphs.iter().map(|p| Block::paragraph(*p)).collect();
        article
    }

    /// Tags every occurrence of `names` as a Location mention, as an entity stage would.
    fn tag_places(article: &mut Article, names: &[&str]) {
        for (entity, name) in names.iter().enumerate() {
            article.annotations.entities.push(Entity {
                kind: EntityKind::Location,
                name: name.to_string(),
                aliases: vec![name.to_string()],
                mentions: 0,
                first: Span::default(),
            });
            for (b, block) in article.blocks.iter().enumerate() {
                let whole_word =
                    |at: usize| !block.text[at + name.len()..].starts_with(char::is_alphabetic);
                for (at, _) in block
                    .text
                    .match_indices(name)
                    .filter(|(at, _)| whole_word(*at))
                {
                    article.annotations.mentions.push(EntityMention {
                        span: Span::new(b, at, at + name.len()),
                        surface: name.to_string(),
                        kind: EntityKind::Location,
                        entity,
                    });
                }
            }
        }
    }

    fn run(article: &mut Article) -> StageCounters {
        let mut counters = StageCounters::default();
        DatesStage::default()
            .process(article, &mut counters)
            .unwrap();
        FactsStage::default()
            .process(article, &mut counters)
            .unwrap();
        counters
    }

    fn value_of<'a>(article: &'a Article, text: &str, nth: usize) -> Option<&'a str> {
        article
            .annotations
            .dates
            .iter()
            .filter(|d| d.text == text)
            .nth(nth)
            .map(|d| d.value.as_str())
    }

    /// Excerpts of the seed article (published Friday 27 December 2013).
    const SEED_EXCERPTS: &[&str] = &[
        "These measures are a response to an appeal, the New York Times reported Thursday, with over 8,000 Iraqis having lost their lives over the last year.",
        "A shipment of 75 Hellfire missiles arrived in Iraq last week, according to the Times report.",
        "Last Sunday, State Department spokeswoman Jen Psaki signaled the escalating US involvement in Iraq.",
        "ISIS has claimed responsibility for the bombing on Monday of two television stations in Baghdad in which five journalists died. The group was suspected of being behind the Christmas Day bombings in Christian areas of the Iraqi capital that killed at least 38 on Wednesday, including 24 who died from a bomb that went off as they left Christmas mass.",
        "Last month, the SOHR described the ISIS as “the strongest group in Northern Syria.”",
        "The group has also revived its training camps in the western desert of Anbar province. In an ambush there last Saturday, it killed some 18 Iraqi military personnel, including a major general.",
        "On Tuesday, the Iraqi government ordered the military to close the border, after Maj. Gen. Mohammad al-Karawi, the division commander killed in last Saturday’s attack.",
        "The pullback from direct US military intervention last September. Earlier this month, the administration cut off aid.",
        "Of immediate concern is next month’s US-Russian brokered talks. The negotiators for both sides are supposed to be named today, December 27.",
        "Last April, the army raided a similar Sunni protest encampment in Hawija, west of Kirkuk, leaving at least 42 people dead and 153 wounded. In clashes that followed over the next two days, hundreds more were killed.",
    ];

    #[test]
    fn seed_excerpts_resolve_as_the_quality_bar_says() {
        let mut a = article(Some("2013-12-27"), SEED_EXCERPTS);
        run(&mut a);
        for (text, nth, value) in [
            ("Thursday", 0, "2013-12-26"),
            ("the last year", 0, "2013"),
            ("last week", 0, "2013-W51"),
            ("Last Sunday", 0, "2013-12-22"),
            ("Monday", 0, "2013-12-23"),
            ("Christmas Day", 0, "2013-12-25"),
            ("Wednesday", 0, "2013-12-25"),
            ("Last month", 0, "2013-11"),
            ("last Saturday", 0, "2013-12-21"),
            ("Tuesday", 0, "2013-12-24"),
            ("last Saturday", 1, "2013-12-21"),
            ("last September", 0, "2013-09"),
            ("Earlier this month", 0, "2013-12"),
            ("next month", 0, "2014-01"),
            ("today", 0, "2013-12-27"),
            ("December 27", 0, "2013-12-27"),
            ("Last April", 0, "2013-04"),
        ] {
            assert_eq!(
                value_of(&a, text, nth),
                Some(value),
                "{text} #{nth}: {:?}",
                a.annotations.dates
            );
        }
        let week = a
            .annotations
            .dates
            .iter()
            .find(|d| d.text == "last week")
            .unwrap();
        assert_eq!(week.granularity, Granularity::Week);
    }

    /// kind, count, qualifier, place, date
    type Row = (String, u64, Option<String>, Option<String>, Option<String>);

    fn fact_rows(a: &Article) -> Vec<Row> {
        a.annotations
            .facts
            .iter()
            .map(|f| {
                (
                    f.kind.clone(),
                    f.count.unwrap_or(0),
                    f.qualifier.clone(),
                    f.place.clone(),
                    f.date.clone(),
                )
            })
            .collect()
    }

    fn row(
        kind: &str,
        count: u64,
        qualifier: Option<&str>,
        place: Option<&str>,
        date: &str,
    ) -> Row {
        (
            kind.into(),
            count,
            qualifier.map(Into::into),
            place.map(Into::into),
            Some(date.into()),
        )
    }

    #[test]
    fn seed_excerpts_give_the_casualty_rows_with_places_and_dates() {
        let mut a = article(Some("2013-12-27"), SEED_EXCERPTS);
        tag_places(
            &mut a,
            &["Iraq", "Baghdad", "Syria", "Anbar", "Hawija", "Kirkuk"],
        );
        run(&mut a);
        assert_eq!(
            fact_rows(&a),
            [
                row("killed", 8000, Some("over"), Some("Iraq"), "2013"),
                row("quantity", 75, None, Some("Iraq"), "2013-W51"),
                row("killed", 5, None, Some("Baghdad"), "2013-12-23"),
                row(
                    "killed",
                    38,
                    Some("at least"),
                    Some("Baghdad"),
                    "2013-12-25"
                ),
                row("killed", 24, None, Some("Baghdad"), "2013-12-25"),
                row("killed", 18, Some("some"), Some("Anbar"), "2013-12-21"),
                row("killed", 42, Some("at least"), Some("Hawija"), "2013-04"),
                row("wounded", 153, None, Some("Hawija"), "2013-04"),
                row("killed", 200, None, Some("Hawija"), "2013-04"),
            ]
        );
        let subjects: Vec<Option<&str>> = a
            .annotations
            .facts
            .iter()
            .map(|f| f.subject.as_deref())
            .collect();
        assert_eq!(
            subjects[..6],
            [
                Some("Iraqis"),
                Some("Hellfire missiles"),
                Some("journalists"),
                None,
                None,
                Some("Iraqi military personnel")
            ]
        );
        let hundreds = &a.annotations.facts[8];
        assert_eq!(
            (hundreds.count_min, hundreds.count_max),
            (Some(200), Some(999))
        );
    }

    #[test]
    fn the_real_seed_article_meets_the_quality_bar() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/seed/000_6f674ebd69299959.txt"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("skipping: ../shared not found");
            return;
        };
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(|p| {
                p.lines()
                    .map(str::trim_end)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace('*', "")
            })
            .filter(|p| !p.trim().is_empty() && !p.starts_with('#'))
            .collect();
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let mut a = article(Some("2013-12-27"), &refs);
        tag_places(
            &mut a,
            &[
                "Iraq", "Baghdad", "Syria", "Anbar", "Hawija", "Kirkuk", "Turkey", "Ramadi",
                "Nineveh",
            ],
        );
        run(&mut a);
        for (text, value) in [
            ("Thursday", "2013-12-26"),
            ("Last Sunday", "2013-12-22"),
            ("Monday", "2013-12-23"),
            ("Wednesday", "2013-12-25"),
            ("last Saturday", "2013-12-21"),
            ("Tuesday", "2013-12-24"),
            ("Last month", "2013-11"),
            ("last September", "2013-09"),
            ("Earlier this month", "2013-12"),
            ("next month", "2014-01"),
            ("today", "2013-12-27"),
            ("December 27", "2013-12-27"),
            ("Last April", "2013-04"),
        ] {
            assert_eq!(value_of(&a, text, 0), Some(value), "{text}");
        }
        let rows = fact_rows(&a);
        for expected in [
            row("killed", 8000, Some("over"), Some("Iraq"), "2013"),
            row("killed", 5, None, Some("Baghdad"), "2013-12-23"),
            row(
                "killed",
                38,
                Some("at least"),
                Some("Baghdad"),
                "2013-12-25",
            ),
            row("killed", 24, None, Some("Baghdad"), "2013-12-25"),
            row("killed", 18, Some("some"), Some("Anbar"), "2013-12-21"),
            row("killed", 42, Some("at least"), Some("Hawija"), "2013-04"),
            row("wounded", 153, None, Some("Hawija"), "2013-04"),
        ] {
            assert!(rows.contains(&expected), "{expected:?} not in {rows:?}");
        }
        assert!(a.annotations.facts.iter().any(|f| f.kind == "quantity"
            && f.count == Some(75)
            && f.subject.as_deref() == Some("Hellfire missiles")));
    }

    #[test]
    fn without_a_publication_date_relative_dates_are_rows_with_a_reason() {
        let mut a = article(None, &["On 12 March 1993 and in 2008 it rained; last week and on Monday it did not. Two days later it snowed."]);
        let counters = run(&mut a);
        let rows: Vec<(&str, &str, &str)> = a
            .annotations
            .dates
            .iter()
            .map(|d| (d.text.as_str(), d.value.as_str(), d.reason.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("12 March 1993", "1993-03-12", ""),
                ("2008", "2008", ""),
                ("last week", "", "no_publication_date"),
                ("Monday", "", "no_publication_date"),
                ("Two days later", "", "no_anchor"),
            ],
            "'Two days later' follows 2008, a year: no day to count from"
        );
        assert_eq!(counters.0.get("unresolved"), Some(&3));
        assert_eq!(a.annotations.dates[0].start, "1993-03-12");
        assert_eq!(a.annotations.dates[1].end, "2008-12-31");
        assert_eq!(a.annotations.facts.len(), 0);
    }

    #[test]
    fn mentions_carry_their_period_and_anchor() {
        let mut a = article(
            Some("2013-12-27"),
            &["Last week, on 18 April 2013 and two days later, and in the third quarter."],
        );
        run(&mut a);
        let rows: Vec<(&str, &str, &str, &str, &str)> = a
            .annotations
            .dates
            .iter()
            .map(|d| {
                (
                    d.text.as_str(),
                    d.value.as_str(),
                    d.start.as_str(),
                    d.end.as_str(),
                    d.anchor.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "Last week",
                    "2013-W51",
                    "2013-12-16",
                    "2013-12-22",
                    "published"
                ),
                (
                    "18 April 2013",
                    "2013-04-18",
                    "2013-04-18",
                    "2013-04-18",
                    ""
                ),
                (
                    "two days later",
                    "2013-04-20",
                    "2013-04-20",
                    "2013-04-20",
                    "previous:18 April 2013"
                ),
                (
                    "the third quarter",
                    "2013-Q3",
                    "2013-07-01",
                    "2013-09-30",
                    "published"
                ),
            ]
        );
    }

    #[test]
    fn datelines_are_not_dates() {
        let mut a = article(
            Some("1998-08-11"),
            &[
                "WASHINGTON, August 11 (Xinhua) -- The talks resumed on Tuesday.",
                "NAIROBI, Kenya, Aug. 10 _ Rescuers dug on.",
                "In Nairobi, August 10 was quiet.",
            ],
        );
        run(&mut a);
        let texts: Vec<&str> = a
            .annotations
            .dates
            .iter()
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(texts, ["Tuesday", "August 10"]);
    }

    #[test]
    fn facts_fall_back_to_the_publication_date_and_carry_past_dates() {
        let mut a = article(
            Some("2014-03-12"),
            &[
                "On Monday a bus crashed. Nine people were killed in the crash.",
                "Twelve people are still missing.",
            ],
        );
        run(&mut a);
        let dates: Vec<Option<&str>> = a
            .annotations
            .facts
            .iter()
            .map(|f| f.date.as_deref())
            .collect();
        assert_eq!(dates, [Some("2014-03-10"), Some("2014-03-12")]);
    }

    #[test]
    fn options_filter_kinds_and_quantities() {
        let mut a = article(
            Some("2014-03-12"),
            &["Rebels killed 11 civilians and seized 40 trucks."],
        );
        let mut counters = StageCounters::default();
        let only_killed = FactsStage {
            options: FactsOptions {
                kinds: vec!["wounded".into()],
                ..FactsOptions::default()
            },
        };
        only_killed.process(&mut a, &mut counters).unwrap();
        assert!(a.annotations.facts.is_empty());
        let no_quantities = FactsStage {
            options: FactsOptions {
                quantities: false,
                ..FactsOptions::default()
            },
        };
        no_quantities.process(&mut a, &mut counters).unwrap();
        assert_eq!(
            a.annotations
                .facts
                .iter()
                .map(|f| f.kind.as_str())
                .collect::<Vec<_>>(),
            ["killed"]
        );
        FactsStage::default()
            .process(&mut a, &mut counters)
            .unwrap();
        assert_eq!(
            a.annotations
                .facts
                .iter()
                .map(|f| f.kind.as_str())
                .collect::<Vec<_>>(),
            ["killed", "quantity"]
        );
    }

    #[test]
    fn factory_examples_build_and_bad_kinds_are_reported() {
        for factory in factories() {
            newsmill_core::testing::check_factory(&factory);
        }
        let table = StageTable::from_options("extract.facts", "kinds = [\"kiled\"]");
        let issues = build_facts(&table).err().unwrap();
        assert_eq!(issues[0].suggestion.as_deref(), Some("killed"));
        let table = StageTable::from_options("extract.dates", "bare_year = true");
        assert!(build_dates(&table).is_err());
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let mut a = article(
            Some("not a date"),
            &[
                "",
                "’s ’s 1,2,3 , . ? 31 February 2013 and February 30",
                "Dec. 99, 0000-00-00 9999 killed",
            ],
        );
        run(&mut a);
        let mut b = article(
            Some("2013-12-27"),
            &[
                "Friday Friday the the 5 5 killed killed 1.5. million",
                "\u{a0}…”“",
            ],
        );
        run(&mut b);
    }
}
