//! The publisher named by a site footer ("To contact the WSWS ...", "© 2024 Reuters") or
//! by the article's URL (`wsws.org` -> "World Socialist Web Site").

use regex::{Regex, RegexSet, RegexSetBuilder};

/// A footer pattern and the publisher it names.
#[derive(Debug)]
pub(crate) struct PublisherRule {
    pub pattern: Regex,
    pub name: String,
}

/// Footers of common news sites. A copyright sign or a site's own contact line is required,
/// because prose mentions these names all the time.
const FOOTERS: &[(&str, &str)] = &[
    (
        r"to contact the wsws|\bwsws\.org\b",
        "World Socialist Web Site",
    ),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:thomson\s+)?reuters\b",
        "Reuters",
    ),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:the\s+)?associated\s+press\b",
        "Associated Press",
    ),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:agence\s+france-presse|afp)\b",
        "AFP",
    ),
    (
        r"guardian\s+news\s+(?:&|and)\s+media|(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?the\s+guardian\b",
        "The Guardian",
    ),
    (r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?bbc\b", "BBC"),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?the\s+new\s+york\s+times\b",
        "The New York Times",
    ),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?the\s+washington\s+post\b",
        "The Washington Post",
    ),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:cable\s+news\s+network|cnn)\b",
        "CNN",
    ),
    (r"al\s+jazeera\s+media\s+network", "Al Jazeera"),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:npr|national\s+public\s+radio)\b",
        "NPR",
    ),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?bloomberg\b",
        "Bloomberg",
    ),
    (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:the\s+)?financial\s+times\b",
        "Financial Times",
    ),
];

/// Site domains and their names; subdomains match too (`news.bbc.co.uk`).
const DOMAINS: &[(&str, &str)] = &[
    ("wsws.org", "World Socialist Web Site"),
    ("reuters.com", "Reuters"),
    ("apnews.com", "Associated Press"),
    ("afp.com", "AFP"),
    ("theguardian.com", "The Guardian"),
    ("guardian.co.uk", "The Guardian"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("wsj.com", "The Wall Street Journal"),
    ("ft.com", "Financial Times"),
    ("economist.com", "The Economist"),
    ("bloomberg.com", "Bloomberg"),
    ("cnn.com", "CNN"),
    ("foxnews.com", "Fox News"),
    ("nbcnews.com", "NBC News"),
    ("cbsnews.com", "CBS News"),
    ("abcnews.go.com", "ABC News"),
    ("npr.org", "NPR"),
    ("politico.com", "Politico"),
    ("latimes.com", "Los Angeles Times"),
    ("usatoday.com", "USA Today"),
    ("aljazeera.com", "Al Jazeera"),
    ("independent.co.uk", "The Independent"),
    ("telegraph.co.uk", "The Telegraph"),
    ("dw.com", "Deutsche Welle"),
    ("france24.com", "France 24"),
    ("abc.net.au", "ABC News (Australia)"),
    ("cbc.ca", "CBC News"),
    ("thehindu.com", "The Hindu"),
    ("scmp.com", "South China Morning Post"),
];

/// The built-in footer table, matched in one pass per text.
#[derive(Debug)]
pub(crate) struct BuiltinFooters {
    set: RegexSet,
}

impl BuiltinFooters {
    /// The patterns compiled once per process and shared by every stage instance.
    pub(crate) fn shared() -> &'static BuiltinFooters {
        static SHARED: std::sync::LazyLock<BuiltinFooters> =
            std::sync::LazyLock::new(BuiltinFooters::new);
        &SHARED
    }

    pub(crate) fn new() -> Self {
        let set = RegexSetBuilder::new(FOOTERS.iter().map(|(pattern, _)| pattern))
            .case_insensitive(true)
            .build()
            .expect("footer patterns compile");
        BuiltinFooters { set }
    }

    /// The publisher of the first table entry that matches any of `texts`.
    pub(crate) fn find<'a>(
        &self,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Option<&'static str> {
        texts
            .into_iter()
            .filter_map(|text| self.set.matches(text).iter().next())
            .min()
            .map(|i| FOOTERS[i].1)
    }
}

/// The name of a known site for a URL, by its host.
pub(crate) fn publisher_for_url(url: &str) -> Option<&'static str> {
    let host = host_of(url)?;
    DOMAINS
        .iter()
        .find(|(domain, _)| {
            host == *domain
                || host
                    .strip_suffix(domain)
                    .is_some_and(|sub| sub.ends_with('.'))
        })
        .map(|(_, name)| *name)
}

/// Lower-cased host of an absolute URL (`https://www.Example.org:8080/x` -> `www.example.org`).
fn host_of(url: &str) -> Option<String> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn footer(text: &str) -> Option<String> {
        BuiltinFooters::shared().find([text]).map(str::to_string)
    }

    #[test]
    fn footers_need_a_copyright_or_contact_line() {
        assert_eq!(
            footer("To contact the WSWS and the Socialist Equality Party visit:").as_deref(),
            Some("World Socialist Web Site")
        );
        assert_eq!(
            footer("© 2024 Reuters. All rights reserved.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            footer("Copyright 2019 The Associated Press.").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            footer("© 2021 Guardian News & Media Limited").as_deref(),
            Some("The Guardian")
        );
        assert_eq!(footer("Copyright © 2023 BBC.").as_deref(), Some("BBC"));
        assert_eq!(footer("© BBC 2023").as_deref(), Some("BBC"));
        assert_eq!(footer("The BBC reported that Reuters had said so."), None);
    }

    #[test]
    fn urls_map_by_host_and_subdomain() {
        assert_eq!(
            publisher_for_url("http://www.wsws.org/en/articles/2013/12/27/iraq-d27.html"),
            Some("World Socialist Web Site")
        );
        assert_eq!(
            publisher_for_url("https://news.bbc.co.uk/1/hi/world.stm"),
            Some("BBC")
        );
        assert_eq!(publisher_for_url("https://notbbc.co.uk/x"), None);
        assert_eq!(publisher_for_url("https://example.org:8080/x"), None);
        assert_eq!(publisher_for_url("wsws.org/contact"), None);
    }
}
