//! `detect.language`: the article's language as an ISO 639-1 code, with whatlang.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use newsmill_core::{
    parse_options, Article, ConfigIssue, Family, Outcome, Stage, StageCounters, StageError,
    StageFactory, StageTable,
};
use serde::{Deserialize, Serialize};
use whatlang::Lang;

pub const NAME: &str = "detect.language";

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct LanguageOptions {
    /// Drop articles in other languages (counted as dropped_language); empty keeps all.
    /// Articles whose language stays undetermined are kept (of ISO 639-1 codes).
    keep: Vec<String>,
    /// Detect even when the source stated a language (front matter, HTML lang) and replace it.
    overwrite: bool,
    /// With fewer letters in the body the language is left empty (counter undetermined).
    min_letters: usize,
    /// Below this whatlang confidence the language is left empty (counter undetermined) (0..1).
    min_confidence: f64,
    /// Detect on at most this many characters from the start of the body (speed).
    max_chars: usize,
}

impl Default for LanguageOptions {
    fn default() -> Self {
        LanguageOptions {
            keep: Vec::new(),
            overwrite: false,
            min_letters: 40,
            min_confidence: 0.25,
            max_chars: 1000,
        }
    }
}

pub fn factory() -> StageFactory {
    StageFactory {
        name: NAME,
        summary: "Detect the article's language (ISO 639-1) and confidence with whatlang; optionally keep only some languages.",
        options: newsmill_core::option_docs::<LanguageOptions>,
        example: "keep = [\"en\", \"fr\"]\noverwrite = false\nmin_letters = 40\nmin_confidence = 0.25",
        reads: &[],
        writes: &[Family::Language],
        build,
    }
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let o: LanguageOptions = parse_options(table)?;
    let mut issues = Vec::new();
    let known: Vec<&str> = Lang::all().iter().filter_map(|l| iso639_1(*l)).collect();
    let mut keep = Vec::new();
    for code in &o.keep {
        let code = code.trim().to_lowercase();
        if known.contains(&code.as_str()) {
            keep.push(code);
        } else {
            let nearest = newsmill_core::nearest_name(&code, known.iter().copied());
            issues.push(
                table
                    .issue(
                        None,
                        format!("keep: `{code}` is not an ISO 639-1 code whatlang can detect"),
                    )
                    .with_key("keep")
                    .with_suggestion(nearest),
            );
        }
    }
    if !(0.0..=1.0).contains(&o.min_confidence) {
        issues.push(
            table
                .issue(None, "min_confidence must be between 0 and 1")
                .with_key("min_confidence"),
        );
    }
    if o.max_chars < 20 {
        issues.push(
            table
                .issue(None, "max_chars must be at least 20")
                .with_key("max_chars"),
        );
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(Box::new(LanguageStage {
        options: LanguageOptions { keep, ..o },
        memo: Memo::default(),
    }))
}

pub struct LanguageStage {
    options: LanguageOptions,
    memo: Memo,
}

/// What [`detect`] returned.
type Detection = Option<(&'static str, f64)>;

/// Detections kept from the corpus first pass for the main pass. When a pipeline has a
/// corpus stage after this one (`clean.dedup`), the runner runs this stage twice on every
/// document, and whatlang was 13% of a default run's CPU. A detection is kept under a
/// 128-bit hash of its sample and taken out again by the first lookup with the same sample,
/// so a text that changed between the passes is detected anew and the result is always
/// what detecting would give. At most [`Memo::CAP`] detections are held, so memory stays
/// bounded on a pipeline without a second pass or on a huge folder (past the cap, the
/// stage simply detects).
#[derive(Default)]
struct Memo {
    held: Mutex<HashMap<(u64, u64), Detection>>,
}

impl Memo {
    /// About 12 MB of detections at most.
    const CAP: usize = 1 << 18;

    fn key(sample: &str) -> (u64, u64) {
        // Two SipHash digests with different prefixes: DefaultHasher::new() has fixed keys,
        // so keys are the same in every run and thread.
        let digest = |salt: u8| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            salt.hash(&mut h);
            sample.hash(&mut h);
            h.finish()
        };
        (digest(0), digest(1))
    }

    fn detect(&self, sample: &str, min_letters: usize, min_confidence: f64) -> Detection {
        let key = Self::key(sample);
        let lock = || self.held.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = lock().remove(&key) {
            return found;
        }
        let found = detect(sample, min_letters, min_confidence);
        let mut held = lock();
        if held.len() < Self::CAP {
            held.insert(key, found);
        }
        found
    }
}

/// The first `max_chars` characters of the body (cut at a character boundary).
fn sample(article: &Article, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for block in &article.blocks {
        for c in block.text.chars().chain(std::iter::once('\n')) {
            if chars >= max_chars {
                return out;
            }
            out.push(c);
            chars += 1;
        }
    }
    out
}

/// Detected (ISO 639-1 code, confidence), or `None` when the text is too short or unclear.
pub fn detect(text: &str, min_letters: usize, min_confidence: f64) -> Option<(&'static str, f64)> {
    if text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(min_letters)
        .count()
        < min_letters
    {
        return None;
    }
    let info = whatlang::detect(text)?;
    let code = iso639_1(info.lang())?;
    (info.confidence() >= min_confidence).then_some((code, info.confidence()))
}

/// "en-US", "EN", "eng" → "en"; anything unrecognised as it was, lower-cased.
fn primary_code(stated: &str) -> String {
    let primary = stated
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    if primary.len() == 3 {
        if let Some(code) = Lang::from_code(primary.as_str()).and_then(iso639_1) {
            return code.to_string();
        }
    }
    primary
}

impl Stage for LanguageStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let o = &self.options;
        let stated = article
            .meta
            .language
            .as_deref()
            .filter(|l| !l.trim().is_empty())
            .map(primary_code);
        let language = match stated {
            Some(code) if !o.overwrite => {
                counters.add("stated", 1);
                article.meta.language = Some(code.clone());
                Some(code)
            }
            _ => match self.memo.detect(
                &sample(article, o.max_chars),
                o.min_letters,
                o.min_confidence,
            ) {
                Some((code, confidence)) => {
                    counters.add("detected", 1);
                    article.meta.language = Some(code.to_string());
                    article.meta.language_confidence = Some((confidence * 1000.0).round() / 1000.0);
                    Some(code.to_string())
                }
                None => {
                    counters.add("undetermined", 1);
                    article.meta.language = None;
                    article.meta.language_confidence = None;
                    None
                }
            },
        };
        match language {
            Some(code) if !o.keep.is_empty() && !o.keep.contains(&code) => {
                Ok(Outcome::Drop("language"))
            }
            _ => Ok(Outcome::Keep),
        }
    }
}

/// whatlang's ISO 639-3 languages mapped to ISO 639-1 (all 69 have one).
fn iso639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    fn article(text: &str) -> Article {
        Article {
            blocks: vec![Block::paragraph(text)],
            ..Default::default()
        }
    }

    #[test]
    fn every_whatlang_language_has_a_two_letter_code() {
        let codes: Vec<&str> = Lang::all().iter().filter_map(|l| iso639_1(*l)).collect();
        assert_eq!(codes.len(), Lang::all().len());
        assert!(codes.iter().all(|c| c.len() == 2));
    }

    #[test]
    fn short_text_is_undetermined_and_kept() {
        let stage = build(&StageTable::from_options(NAME, "keep = [\"en\"]")).unwrap();
        let mut a = article("Oui.");
        let mut counters = StageCounters::default();
        assert_eq!(stage.process(&mut a, &mut counters).unwrap(), Outcome::Keep);
        assert_eq!(a.meta.language, None);
        assert_eq!(counters.0.get("undetermined"), Some(&1));
    }

    #[test]
    fn stated_language_wins_unless_overwrite() {
        let text = "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs touchés par la sécheresse.";
        let stage = build(&StageTable::from_options(NAME, "")).unwrap();
        let mut a = article(text);
        a.meta.language = Some("en-GB".into());
        stage
            .process(&mut a, &mut StageCounters::default())
            .unwrap();
        assert_eq!(a.meta.language.as_deref(), Some("en"));
        assert_eq!(a.meta.language_confidence, None);
        let stage = build(&StageTable::from_options(
            NAME,
            "overwrite = true\nkeep = [\"en\"]",
        ))
        .unwrap();
        let mut a = article(text);
        a.meta.language = Some("en".into());
        assert_eq!(
            stage
                .process(&mut a, &mut StageCounters::default())
                .unwrap(),
            Outcome::Drop("language")
        );
        assert_eq!(a.meta.language.as_deref(), Some("fr"));
    }

    #[test]
    fn a_remembered_detection_is_used_once_and_equals_detecting() {
        let memo = Memo::default();
        let text = "The government announced on Tuesday a new series of measures to support farmers hit by the drought.";
        let fresh = detect(text, 40, 0.25);
        assert!(fresh.is_some());
        assert_eq!(memo.detect(text, 40, 0.25), fresh);
        assert_eq!(memo.held.lock().unwrap().len(), 1);
        // The second pass takes it out; a changed text is detected anew.
        assert_eq!(memo.detect(text, 40, 0.25), fresh);
        assert!(memo.held.lock().unwrap().is_empty());
        let french = "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs touchés par la sécheresse.";
        assert_eq!(memo.detect(french, 40, 0.25), detect(french, 40, 0.25));
        assert_ne!(Memo::key(text), Memo::key(french));
    }

    #[test]
    fn unknown_keep_code_is_a_config_issue() {
        let issues = build(&StageTable::from_options(NAME, "keep = [\"english\"]"))
            .err()
            .unwrap();
        assert_eq!(issues[0].key.as_deref(), Some("keep"));
    }
}
