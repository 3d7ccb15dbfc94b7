//! Rebuilds `data/prominent_places.tsv`, the places the stage treats as known by their
//! prominence (GeoNames population) rather than by the hand-written lists:
//!
//! ```sh
//! cargo run --release -p newsmill-ner --example build_places -- \
//!     ../shared/data/gazetteers > crates/newsmill-ner/data/prominent_places.tsv
//! ```
//!
//! Rows: every GeoNames populated place of at least `MIN_POPULATION` people
//! (`MIN_POPULATION_ONE_WORD` for a one-word name), by its name and ASCII name, the largest population per name, sorted by name. A name that is also a
//! common US given name (SSA births since 1950 >= `MIN_GIVEN_BIRTHS`) or one of the
//! `MAX_SURNAME_RANK` commonest US surnames (Census 1990) is left out: "Jackson", "Florence",
//! "Marion" are people more often than towns, so their population says nothing. Both name
//! lists are public domain (US government works); GeoNames is CC BY 4.0 (attribution:
//! GeoNames, geonames.org), and the table is a derived list of names and numbers.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

const MIN_POPULATION: u64 = 20_000;
/// One-word names are far more often also a surname somewhere ("Dole", "Staunton"): they
/// need a larger town to count.
const MIN_POPULATION_ONE_WORD: u64 = 50_000;
const MIN_GIVEN_BIRTHS: u64 = 10_000;
const MAX_SURNAME_RANK: u64 = 5_000;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        std::process::exit(1)
    })
}

/// The rows of a TSV with a header, as field vectors, and the index of each named column.
fn columns<'a>(text: &'a str, names: &[&str]) -> (Vec<usize>, Vec<Vec<&'a str>>) {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let index = names
        .iter()
        .map(|n| {
            header.iter().position(|h| h == n).unwrap_or_else(|| {
                eprintln!("no column {n}");
                std::process::exit(1)
            })
        })
        .collect();
    (index, lines.map(|l| l.split('\t').collect()).collect())
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: build_places GAZETTEERS_DIR > prominent_places.tsv");
        std::process::exit(2);
    };
    let dir = Path::new(&dir);
    let mut people: HashSet<String> = HashSet::new();
    let given = read(&dir.join("person_names/given_names_us_ssa.tsv"));
    let (ix, rows) = columns(&given, &["name", "births_since_1950"]);
    for row in &rows {
        let births: u64 = row.get(ix[1]).and_then(|b| b.parse().ok()).unwrap_or(0);
        if births >= MIN_GIVEN_BIRTHS {
            people.insert(row[ix[0]].to_lowercase());
        }
    }
    let surnames = read(&dir.join("person_names/surnames_us_census1990.tsv"));
    let (ix, rows) = columns(&surnames, &["surname", "rank"]);
    for row in &rows {
        let rank: u64 = row
            .get(ix[1])
            .and_then(|r| r.parse().ok())
            .unwrap_or(u64::MAX);
        if rank <= MAX_SURNAME_RANK {
            people.insert(row[ix[0]].to_lowercase());
        }
    }
    let places = read(&dir.join("geonames/places_cities500.tsv"));
    let (ix, rows) = columns(&places, &["name", "ascii_name", "population"]);
    let mut out: BTreeMap<String, u64> = BTreeMap::new();
    for row in &rows {
        let population: u64 = row.get(ix[2]).and_then(|p| p.parse().ok()).unwrap_or(0);
        if population < MIN_POPULATION {
            continue;
        }
        for name in [row[ix[0]], row[ix[1]]] {
            let name = name.trim();
            let needed = if name.contains(' ') {
                MIN_POPULATION
            } else {
                MIN_POPULATION_ONE_WORD
            };
            let usable = population >= needed
                && name.starts_with(char::is_uppercase)
                && !name.contains(['\t', '|'])
                && !people.contains(&name.to_lowercase());
            if usable {
                let best = out.entry(name.to_string()).or_insert(0);
                *best = (*best).max(population);
            }
        }
    }
    println!("# GeoNames places >= {MIN_POPULATION} people ({MIN_POPULATION_ONE_WORD} for one word) (CC BY 4.0, geonames.org), without common US given names and surnames; rebuilt by examples/build_places.rs");
    for (name, population) in out {
        println!("{name}\t{population}");
    }
}
