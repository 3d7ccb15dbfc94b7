//! newsmill-geo: puts location entities on the map.
//!
//! The `link.places` stage looks each location entity of an article up in GeoNames (the
//! countries, divisions and populated places of `../shared/data/gazetteers/geonames`,
//! loaded once per run) and picks one entry from the article's own evidence: the countries
//! it names or whose people it names, the divisions it names, the word after a name
//! ("province", "state", "city"), then prominence. Every geocode says how it was decided;
//! a place the evidence does not settle keeps no id, only a country when one is certain.
//! GeoNames data is CC BY 4.0 (geonames.org); docs/places.md gives the sources.
//!
//! Modules: `gazetteer` (loading, name folding, the name index), `cache` (a binary image of
//! the loaded gazetteer for later runs), `resolve` (the choice per
//! article), `stage` (options and registry entry), [`eval`] (the place gold and its score).

mod cache;
pub mod eval;
mod gazetteer;
mod resolve;
mod stage;

pub use gazetteer::{fold, Entry, Feature, Gazetteer};
pub use resolve::geocode;
pub use stage::{factories, PlacesOptions, PlacesStage};
