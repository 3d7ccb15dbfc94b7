//! corpus_entities.csv: each person, organisation and place once across the folder
//! (`extract.entities`), and the `entity_id` of entities.csv.
//!
//! Rows are aggregated while articles are written (duplicates, `duplicate_of` set, are
//! left out of every count) and written at the end. Linking across articles is by name:
//! a one-word person name ("Blair") joins the one person of the corpus whose full name ends
//! with it ("Tony Blair") when there is exactly one; otherwise it stays its own row. Ids are
//! a hash of type and canonical name, so the same folder gives the same ids on every run
//! and for any thread count.

use std::collections::BTreeMap;

use newsmill_core::{Article, EntityKind, Family};
use xxhash_rust::xxh3::xxh3_64;

use super::{col, date_col, int_col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "corpus_entities.csv",
    about: "each person, organisation and place once across the folder",
    when: When::Writes(Family::Entities),
    columns: COLUMNS,
    rows: Rows::Corpus,
};

const COLUMNS: &[Column] = &[
    key_col(
        "entity_id",
        "stable id (`E` + 16 hex digits), also on entities.csv rows",
    ),
    col("type", "`person`, `organization` or `location`"),
    col(
        "name",
        "canonical name: the fullest name of the linked forms",
    ),
    col(
        "aliases",
        "`|`-joined other names and surface forms (at most 20)",
    ),
    int_col("articles", "articles naming it, duplicates left out"),
    int_col("mentions", "mentions across those articles"),
    date_col(
        "first_published",
        "earliest publication date of those articles",
    ),
    date_col(
        "last_published",
        "latest publication date of those articles",
    ),
    col(
        "country",
        "for places: the country most of its geocodes give",
    ),
];

/// At most this many aliases are kept per entity (memory stays bounded per entity).
const MAX_ALIASES: usize = 20;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Tally {
    articles: u64,
    mentions: u64,
    /// Distinct, in the order first met (so the first `MAX_ALIASES` of a folder are the
    /// same whether it was counted in one run or merged from shards, see
    /// [`CorpusEntities::absorb`]); sorted when written.
    aliases: Vec<String>,
    first: Option<String>,
    last: Option<String>,
    countries: BTreeMap<String, u64>,
}

/// The corpus-wide entity counts of a run.
#[derive(Debug, Default)]
pub struct CorpusEntities {
    tallies: BTreeMap<(&'static str, String), Tally>,
    links: BTreeMap<(&'static str, String), String>,
}

fn kept(kind: EntityKind) -> bool {
    kind != EntityKind::Misc
}

/// The id of a canonical entity.
pub fn entity_id(kind: &str, name: &str) -> String {
    format!("E{:016x}", xxh3_64(format!("{kind}\t{name}").as_bytes()))
}

impl CorpusEntities {
    /// Counts an article's entities, unless it duplicates an earlier article.
    pub fn observe(&mut self, article: &Article) {
        let a = &article.annotations;
        if a.duplicate_of.is_some() {
            return;
        }
        let date = article
            .meta
            .published
            .as_deref()
            .map(|d| d.get(..10).unwrap_or(d).to_string());
        for (i, e) in a.entities.iter().enumerate() {
            if !kept(e.kind) {
                continue;
            }
            let t = self
                .tallies
                .entry((e.kind.as_str(), e.name.clone()))
                .or_default();
            t.articles += 1;
            t.mentions += e.mentions as u64;
            for alias in &e.aliases {
                if t.aliases.len() < MAX_ALIASES && *alias != e.name && !t.aliases.contains(alias) {
                    t.aliases.push(alias.clone());
                }
            }
            if let Some(d) = &date {
                if t.first.as_ref().is_none_or(|f| d < f) {
                    t.first = Some(d.clone());
                }
                if t.last.as_ref().is_none_or(|l| d > l) {
                    t.last = Some(d.clone());
                }
            }
            if let Some(cc) = a
                .geocodes
                .iter()
                .find(|g| g.entity == i)
                .and_then(|g| g.country.clone())
            {
                *t.countries.entry(cc).or_default() += 1;
            }
        }
    }

    /// Links one-word person names to the one full name that ends with them.
    pub fn finish(&mut self) {
        let person = EntityKind::Person.as_str();
        let mut by_last: BTreeMap<&str, Vec<(u64, &str)>> = BTreeMap::new();
        for ((kind, name), t) in &self.tallies {
            if *kind == person && name.contains(' ') {
                if let Some(last) = name.rsplit(' ').next() {
                    by_last.entry(last).or_default().push((t.articles, name));
                }
            }
        }
        let mut links = BTreeMap::new();
        for (kind, name) in self.tallies.keys() {
            if *kind != person || name.contains(' ') {
                continue;
            }
            let Some(full) = by_last.get_mut(name.as_str()) else {
                continue;
            };
            full.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let total: u64 = full.iter().map(|f| f.0).sum();
            let (top, top_name) = full[0];
            let next = full.get(1).map_or(0, |f| f.0);
            // The only full name, or one so dominant that the folder's news means it:
            // three quarters of the articles of all full names ending so, and five
            // times the next ("Tony Blair" 145 articles, "Cherie Blair" 4).
            if full.len() == 1 || (top * 4 >= total * 3 && top >= next * 5) {
                links.insert((*kind, name.clone()), top_name.to_string());
            }
        }
        self.links = links;
    }

    /// The canonical name an entity of this type and name belongs to.
    pub fn canonical<'a>(&'a self, kind: &'static str, name: &'a str) -> &'a str {
        self.links
            .get(&(kind, name.to_string()))
            .map_or(name, String::as_str)
    }

    /// The id of an entities.csv row (empty for `misc`).
    pub fn id_of(&self, kind: &str, name: &str) -> String {
        let Some(kind) = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Location,
        ]
        .into_iter()
        .map(EntityKind::as_str)
        .find(|k| *k == kind) else {
            return String::new();
        };
        entity_id(kind, self.canonical(kind, name))
    }

    /// The counts so far (not the links, which [`finish`](Self::finish) derives), for a
    /// shard's output folder: `newsmill merge` absorbs every shard's summary in order.
    pub fn summary(&self) -> serde_json::Value {
        let rows: Vec<(&str, &str, &Tally)> = self
            .tallies
            .iter()
            .map(|((kind, name), t)| (*kind, name.as_str(), t))
            .collect();
        serde_json::json!({ "format": 1, "tallies": rows })
    }

    /// Adds the counts of a later part of the folder (a [`summary`](Self::summary)).
    /// Exact: counts add, dates take the extremes, and aliases are kept in the order first
    /// met up to the cap, which is what counting both parts in one run gives, because the
    /// first `k` new aliases of a part are always among that part's first `MAX_ALIASES`.
    pub fn absorb(&mut self, summary: &serde_json::Value) -> Result<(), String> {
        #[derive(serde::Deserialize)]
        struct Summary {
            format: u32,
            tallies: Vec<(String, String, Tally)>,
        }
        let summary: Summary = serde_json::from_value(summary.clone())
            .map_err(|e| format!("not a corpus entities summary: {e}"))?;
        if summary.format != 1 {
            return Err(format!("unknown summary format {}", summary.format));
        }
        for (kind, name, theirs) in summary.tallies {
            let kind = [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Location,
            ]
            .into_iter()
            .map(EntityKind::as_str)
            .find(|k| *k == kind)
            .ok_or_else(|| format!("unknown entity type `{kind}`"))?;
            let t = self.tallies.entry((kind, name)).or_default();
            t.articles += theirs.articles;
            t.mentions += theirs.mentions;
            for alias in theirs.aliases {
                if t.aliases.len() < MAX_ALIASES && !t.aliases.contains(&alias) {
                    t.aliases.push(alias);
                }
            }
            t.first = [t.first.take(), theirs.first].into_iter().flatten().min();
            t.last = [t.last.take(), theirs.last].into_iter().flatten().max();
            for (cc, n) in theirs.countries {
                *t.countries.entry(cc).or_default() += n;
            }
        }
        Ok(())
    }

    /// The rows of corpus_entities.csv, sorted by type then name; call after `finish`.
    pub fn rows(&self) -> Vec<Vec<Cell>> {
        let mut merged: BTreeMap<(&'static str, &str), Tally> = BTreeMap::new();
        for ((kind, name), t) in &self.tallies {
            let canonical = self.canonical(kind, name);
            let m = merged.entry((kind, canonical)).or_default();
            m.articles += t.articles;
            m.mentions += t.mentions;
            if canonical != name.as_str() && !m.aliases.contains(name) {
                m.aliases.push(name.clone());
            }
            let mut aliases: Vec<&String> = t.aliases.iter().collect();
            aliases.sort();
            for alias in aliases {
                if m.aliases.len() < MAX_ALIASES && alias != canonical && !m.aliases.contains(alias)
                {
                    m.aliases.push(alias.clone());
                }
            }
            m.first = [m.first.take(), t.first.clone()]
                .into_iter()
                .flatten()
                .min();
            m.last = [m.last.take(), t.last.clone()].into_iter().flatten().max();
            for (cc, n) in &t.countries {
                *m.countries.entry(cc.clone()).or_default() += n;
            }
        }
        merged
            .into_iter()
            .map(|((kind, name), mut t)| {
                t.aliases.sort();
                let country = t
                    .countries
                    .iter()
                    .max_by_key(|(cc, n)| (**n, std::cmp::Reverse(cc.as_str())))
                    .map(|(cc, _)| cc.as_str());
                vec![
                    Cell::text(entity_id(kind, name)),
                    Cell::text(kind),
                    Cell::text(name),
                    Cell::text(t.aliases.join("|")),
                    Cell::num(t.articles),
                    Cell::num(t.mentions),
                    Cell::opt(t.first.as_deref()),
                    Cell::opt(t.last.as_deref()),
                    Cell::opt(country),
                ]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Entity, Span};

    fn article(id: &str, date: &str, people: &[&str], duplicate: bool) -> Article {
        let mut a = Article::new(id, id);
        a.meta.published = Some(date.into());
        a.annotations.entities = people
            .iter()
            .map(|p| Entity {
                kind: EntityKind::Person,
                name: p.to_string(),
                aliases: vec![p.to_string()],
                mentions: 2,
                first: Span::default(),
            })
            .collect();
        a.annotations.duplicate_of = duplicate.then(|| "x".to_string());
        a
    }

    #[test]
    fn short_names_join_a_dominant_full_name_and_duplicates_do_not_count() {
        let mut c = CorpusEntities::default();
        c.observe(&article(
            "a",
            "2005-01-02",
            &["Tony Blair", "Gordon Brown"],
            false,
        ));
        c.observe(&article("b", "2005-03-04", &["Blair", "Brown"], false));
        c.observe(&article("c", "2005-05-06", &["Blair"], true));
        c.observe(&article("d", "2004-05-06", &["James Brown"], false));
        c.observe(&article("e", "2004-05-06", &["Gordon Brown"], false));
        c.finish();
        assert_eq!(
            c.id_of("person", "Blair"),
            entity_id("person", "Tony Blair")
        );
        // Two Browns, neither dominant (two articles to one): "Brown" stays apart.
        assert_eq!(c.id_of("person", "Brown"), entity_id("person", "Brown"));
        let rows = c.rows();
        let blair = rows
            .iter()
            .find(|r| r[2] == Cell::text("Tony Blair"))
            .unwrap();
        assert_eq!(blair[4], Cell::num(2));
        assert_eq!(blair[6], Cell::text("2005-01-02"));
        assert_eq!(blair[7], Cell::text("2005-03-04"));
        assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
    }

    #[test]
    fn shard_summaries_absorbed_in_order_give_the_single_run_rows() {
        let many: Vec<String> = (0..30).map(|i| format!("Blair{i:02}")).collect();
        let mut docs = vec![
            article("a", "2005-03-04", &["Tony Blair", "Gordon Brown"], false),
            article("b", "2005-01-02", &["Blair"], false),
            article("c", "2004-01-01", &["Tony Blair"], true),
        ];
        // More aliases than the cap, spread over the parts, met in a non-sorted order.
        for (i, alias) in many.iter().rev().enumerate() {
            let mut a = article(&format!("x{i}"), "2006-01-01", &["Tony Blair"], false);
            a.annotations.entities[0].aliases.push(alias.clone());
            docs.push(a);
        }
        let mut single = CorpusEntities::default();
        docs.iter().for_each(|d| single.observe(d));
        single.finish();
        for split in [1, 2, 10, docs.len() - 1] {
            let (left, right) = docs.split_at(split);
            let mut parts = [CorpusEntities::default(), CorpusEntities::default()];
            left.iter().for_each(|d| parts[0].observe(d));
            right.iter().for_each(|d| parts[1].observe(d));
            let mut merged = CorpusEntities::default();
            for part in &parts {
                merged.absorb(&part.summary()).unwrap();
            }
            merged.finish();
            assert_eq!(merged.rows(), single.rows(), "split at {split}");
            assert_eq!(
                merged.id_of("person", "Blair"),
                single.id_of("person", "Blair")
            );
        }
        assert!(CorpusEntities::default()
            .absorb(&serde_json::json!({"format": 2, "tallies": []}))
            .is_err());
    }
}
