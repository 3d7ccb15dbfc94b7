//! The place gold and `newsmill eval places`.
//!
//! One JSON line per article: `{"file": "...", "places": [{"name": "Baghdad", "geonames_id":
//! 98182, "country": "IQ"}, ...]}`. `geonames_id` is absent for a place GeoNames' populated
//! places lack (a village, a border crossing), `country` absent for a region ("Middle East").
//! A gold place is matched to the location entity whose name or alias equals it (case and
//! accents aside). Scores: coverage (gold places found as location entities), then, among
//! them, id accuracy and country accuracy (an empty prediction counts as wrong), and the
//! same end to end over every gold place.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use newsmill_core::{Article, EntityKind};
use newsmill_gold::{impl_gold_file, load_jsonl, ratio};
use serde::Deserialize;

use crate::gazetteer::fold;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldPlace {
    pub name: String,
    #[serde(default)]
    pub geonames_id: Option<u32>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldArticle {
    pub file: String,
    #[serde(skip)]
    pub path: PathBuf,
    #[serde(default)]
    pub note: Option<String>,
    pub places: Vec<GoldPlace>,
}

impl_gold_file!(GoldArticle);

pub fn load_gold(path: &Path) -> anyhow::Result<Vec<GoldArticle>> {
    load_jsonl(path)
}

#[derive(Debug, Default)]
pub struct Tally {
    gold: usize,
    found: usize,
    with_id: usize,
    found_with_id: usize,
    id_right: usize,
    with_country: usize,
    found_with_country: usize,
    country_right: usize,
    misses: Vec<String>,
}

impl Tally {
    pub fn add(&mut self, gold: &GoldArticle, article: &Article) {
        let a = &article.annotations;
        for place in &gold.places {
            self.gold += 1;
            let key = fold(&place.name);
            let entity = a.entities.iter().position(|e| {
                e.kind == EntityKind::Location
                    && (fold(&e.name) == key || e.aliases.iter().any(|x| fold(x) == key))
            });
            let geocode = entity.and_then(|i| a.geocodes.iter().find(|g| g.entity == i));
            if place.geonames_id.is_some() {
                self.with_id += 1;
            }
            if place.country.is_some() {
                self.with_country += 1;
            }
            let Some(_) = entity else {
                self.misses.push(format!(
                    "{}: {} not found as a place",
                    gold.file, place.name
                ));
                continue;
            };
            self.found += 1;
            let got_id = geocode.and_then(|g| g.geonames_id);
            let got_country = geocode.and_then(|g| g.country.clone());
            if let Some(id) = place.geonames_id {
                self.found_with_id += 1;
                if got_id == Some(id) {
                    self.id_right += 1;
                } else {
                    self.misses.push(format!(
                        "{}: {} id {:?} (gold {id}) via {}",
                        gold.file,
                        place.name,
                        got_id,
                        geocode.map_or("nothing", |g| g.method)
                    ));
                }
            } else if got_id.is_some() {
                // No GeoNames entry for it: any id is wrong, but this gold has no id to
                // count against; report it.
                self.misses.push(format!(
                    "{}: {} got id {:?}, gold has none",
                    gold.file, place.name, got_id
                ));
            }
            if let Some(cc) = &place.country {
                self.found_with_country += 1;
                if got_country.as_deref() == Some(cc.as_str()) {
                    self.country_right += 1;
                } else {
                    self.misses.push(format!(
                        "{}: {} country {:?} (gold {cc})",
                        gold.file, place.name, got_country
                    ));
                }
            }
        }
    }

    pub fn id_accuracy(&self) -> f64 {
        ratio(self.id_right, self.found_with_id)
    }

    pub fn country_accuracy(&self) -> f64 {
        ratio(self.country_right, self.found_with_country)
    }

    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "places: {} gold, {} found as location entities (coverage {:.3})",
            self.gold,
            self.found,
            ratio(self.found, self.gold)
        );
        let _ = writeln!(
            out,
            "geonames id: {:.3} of found ({}/{}), {:.3} of all gold with an id ({}/{})",
            self.id_accuracy(),
            self.id_right,
            self.found_with_id,
            ratio(self.id_right, self.with_id),
            self.id_right,
            self.with_id
        );
        let _ = writeln!(
            out,
            "country: {:.3} of found ({}/{}), {:.3} of all gold with a country ({}/{})",
            self.country_accuracy(),
            self.country_right,
            self.found_with_country,
            ratio(self.country_right, self.with_country),
            self.country_right,
            self.with_country
        );
        for miss in &self.misses {
            let _ = writeln!(out, "  {miss}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Entity, Geocode, Span};

    #[test]
    fn scores_ids_and_countries_of_found_places() {
        let mut article = Article::new("a", "a.txt");
        article.annotations.entities = vec![Entity {
            kind: EntityKind::Location,
            name: "Baghdad".into(),
            aliases: vec!["Baghdad".into()],
            mentions: 1,
            first: Span::default(),
        }];
        article.annotations.geocodes = vec![Geocode {
            entity: 0,
            geonames_id: Some(98182),
            country: Some("IQ".into()),
            admin1: None,
            lat: None,
            lon: None,
            feature: "city",
            method: "context",
        }];
        let gold: GoldArticle = serde_json::from_str(
            r#"{"file": "a.txt", "places": [{"name": "Baghdad", "geonames_id": 98182, "country": "IQ"}, {"name": "Hawija", "geonames_id": 390188, "country": "IQ"}]}"#,
        )
        .unwrap();
        let mut tally = Tally::default();
        tally.add(&gold, &article);
        assert_eq!(tally.id_accuracy(), 1.0);
        assert_eq!(tally.country_accuracy(), 1.0);
        assert!(
            tally.report().contains("coverage 0.500"),
            "{}",
            tally.report()
        );
    }
}
