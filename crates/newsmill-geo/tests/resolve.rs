//! The choice rules on a tiny gazetteer in the shared files' format (no ../shared needed).

use std::path::Path;

use newsmill_core::{Article, Block, Entity, EntityKind, EntityMention, Span};
use newsmill_geo::{geocode, Gazetteer};

const COUNTRIES: &str = "alpha2\talpha3\tnumeric\tname\tofficial_name\tcommon_name\tcapital\tcontinent\tregion\tsubregion\tpopulation\tlatitude\tlongitude\tdemonym_m\tdemonym_f\taliases
IQ\tIRQ\t368\tIraq\tRepublic of Iraq\t\tBaghdad\tAS\tAsia\tWestern Asia\t38433600\t33\t44\tIraqi\tIraqi\tIQ
SY\tSYR\t760\tSyria\tSyrian Arab Republic\t\tDamascus\tAS\tAsia\tWestern Asia\t16906283\t35\t38\tSyrian\tSyrian\tSY
TR\tTUR\t792\tTurkey\tRepublic of Turkey\t\tAnkara\tAS\tAsia\tWestern Asia\t82319724\t39\t35\tTurkish\tTurkish\tTR
US\tUSA\t840\tUnited States\tUnited States of America\t\tWashington D.C.\tNA\tAmericas\tNorthern America\t327167434\t38\t-97\tAmerican\tAmerican\tUS|USA
";

const ADMINS: &str = "geonames_code\tiso_code\tgeonameid\tadmin_level\tname\ttype\tparent_code\tparent_name\tcountry_code\tcountry_name\taliases
IQ.01\tIQ-AN\t99592\t1\tAl Anbār\tGovernorate\t\t\tIQ\tIraq\tAnbar|Anbar Province
IQ.13\tIQ-KI\t98410\t1\tKirkūk\tGovernorate\t\t\tIQ\tIraq\tKirkuk Governorate
US.WA\tUS-WA\t5815135\t1\tWashington\tState\t\t\tUS\tUnited States\t
US.DC\tUS-DC\t4138106\t1\tDistrict of Columbia\tDistrict\t\t\tUS\tUnited States\t
US.NY\tUS-NY\t5128638\t1\tNew York\tState\t\t\tUS\tUnited States\t
";

const PLACES: &str = "geonameid\tname\tascii_name\tcountry_code\tcountry_name\tadmin1_code\tadmin1_name\tadmin2_code\tadmin2_name\tpopulation\tlatitude\tlongitude\ttimezone\talt_names_latin
94787\tKirkuk\tKirkuk\tIQ\tIraq\tIQ.13\tKirkūk\t\t\t1031000\t35.46806\t44.39222\tAsia/Baghdad\t
98717\tRamadi\tRamadi\tIQ\tIraq\tIQ.01\tAl Anbār\t\t\t223500\t33.42056\t43.30778\tAsia/Baghdad\t
390188\tAl Ḩawījah\tAl Hawijah\tIQ\tIraq\tIQ.13\tKirkūk\t\t\t0\t35.32592\t43.77267\tAsia/Baghdad\tAl Huwayjah
4140963\tWashington\tWashington\tUS\tUnited States\tUS.DC\tDistrict of Columbia\t\t\t689545\t38.89511\t-77.03637\tAmerica/New_York\tWashington D.C.
5815539\tSpokane\tSpokane\tUS\tUnited States\tUS.WA\tWashington\t\t\t2500000\t47.65966\t-117.42908\tAmerica/Los_Angeles\t
5128581\tNew York City\tNew York City\tUS\tUnited States\tUS.NY\tNew York\t\t\t8804190\t40.71427\t-74.00597\tAmerica/New_York\tNew York|NYC
5110629\tBuffalo\tBuffalo\tUS\tUnited States\tUS.NY\tNew York\t\t\t6000000\t42.88645\t-78.87837\tAmerica/New_York\t
4140000\tWashington\tWashington\tUS\tUnited States\tUS.WA\tWashington\t\t\t5000\t47.0\t-120.0\tAmerica/Los_Angeles\t
900001\tHamra\tHamra\tIQ\tIraq\tIQ.13\tKirkūk\t\t\t20000\t35.0\t44.0\tAsia/Baghdad\t
900002\tHamra\tHamra\tSY\tSyria\t\t\t\t\t20000\t36.0\t37.0\tAsia/Damascus\t
";

fn gazetteer() -> Gazetteer {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("countries.tsv", COUNTRIES);
    write("admin_divisions.tsv", ADMINS);
    write("places_cities500.tsv", PLACES);
    Gazetteer::load(Path::new(dir.path())).unwrap()
}

/// An article of one paragraph whose location entities are `places` (each at its first
/// occurrence).
fn article(text: &str, places: &[&str]) -> Article {
    let mut a = Article::new("a", "a.txt");
    a.blocks = vec![Block::paragraph(text)];
    for (i, p) in places.iter().enumerate() {
        let at = text.find(p).unwrap();
        let span = Span::new(0, at, at + p.len());
        a.annotations.entities.push(Entity {
            kind: EntityKind::Location,
            name: p.to_string(),
            aliases: vec![p.to_string()],
            mentions: 1,
            first: span,
        });
        a.annotations.mentions.push(EntityMention {
            span,
            surface: p.to_string(),
            kind: EntityKind::Location,
            entity: i,
        });
    }
    a
}

fn located(text: &str, places: &[&str]) -> Vec<(String, Option<u32>, Option<String>, String)> {
    let gaz = gazetteer();
    let a = article(text, places);
    geocode(&a, &gaz)
        .into_iter()
        .map(|g| {
            (
                a.annotations.entities[g.entity].name.clone(),
                g.geonames_id,
                g.country,
                g.method.to_string(),
            )
        })
        .collect()
}

#[test]
fn seed_places_get_iraqi_ids_and_washington_is_the_capital() {
    let text = "Iraqi troops raided a camp in Hawija, west of Kirkuk, and a sit-in in Ramadi, \
                Anbar's largest city. Washington has offered help to the United States' ally Iraq.";
    let got = located(
        text,
        &[
            "Hawija",
            "Kirkuk",
            "Ramadi",
            "Anbar",
            "Washington",
            "United States",
            "Iraq",
        ],
    );
    let id = |name: &str| got.iter().find(|g| g.0 == name).and_then(|g| g.1);
    assert_eq!(id("Hawija"), Some(390188), "{got:?}");
    assert_eq!(id("Kirkuk"), Some(94787), "{got:?}");
    assert_eq!(id("Ramadi"), Some(98717));
    assert_eq!(id("Anbar"), Some(99592));
    assert_eq!(id("Washington"), Some(4140963), "not the state: {got:?}");
    assert_eq!(id("Iraq"), Some(99237));
}

#[test]
fn a_place_missing_from_the_gazetteer_takes_its_sentences_country_not_the_border_side() {
    let text =
        "Syrian rebels lost a depot in Babisqa, just south of the border crossing with Turkey.";
    let got = located(text, &["Babisqa", "Turkey"]);
    let babisqa = got.iter().find(|g| g.0 == "Babisqa").unwrap();
    assert_eq!(babisqa.1, None);
    assert_eq!(babisqa.2.as_deref(), Some("SY"));
    assert_eq!(babisqa.3, "sentence_country");
}

#[test]
fn regions_and_unsettled_names_stay_empty() {
    let text = "Oil from the Middle East and Western Europe reached Atlantis.";
    assert!(located(text, &["Middle East", "Western Europe", "Atlantis"]).is_empty());
}

#[test]
fn a_bare_division_name_is_its_namesake_city_and_with_state_the_division() {
    let got = located("Shares fell in New York on Monday.", &["New York"]);
    assert_eq!(got[0].1, Some(5128581), "{got:?}");
    let got = located("Voters in New York state went to the polls.", &["New York"]);
    assert_eq!(got[0].1, Some(5128638), "{got:?}");
}

#[test]
fn the_dateline_and_the_publishers_domain_are_country_evidence() {
    let gaz = gazetteer();
    let text = "Kirkuk (Reuters) - Fighting began at dawn. By night it had spread to Hamra.";
    // Hamra is in Iraq and in Syria, equally large: nothing else decides it.
    let bare = article("Fighting spread to Hamra on Monday.", &["Hamra"]);
    assert!(geocode(&bare, &gaz).iter().all(|g| g.geonames_id.is_none()));
    let dated = article(text, &["Kirkuk", "Hamra"]);
    let hamra = geocode(&dated, &gaz)
        .into_iter()
        .find(|g| g.entity == 1)
        .unwrap();
    assert_eq!(hamra.geonames_id, Some(900001));
    let mut published = article("Fighting spread to Hamra on Monday.", &["Hamra"]);
    published.meta.url = Some("https://news.example.sy/world/1".into());
    let hamra = geocode(&published, &gaz).into_iter().next().unwrap();
    assert_eq!(hamra.geonames_id, Some(900002));
    // A generic country-code domain says nothing.
    published.meta.url = Some("https://news.example.tv/world/1".into());
    assert!(geocode(&published, &gaz)
        .iter()
        .all(|g| g.geonames_id.is_none()));
}
