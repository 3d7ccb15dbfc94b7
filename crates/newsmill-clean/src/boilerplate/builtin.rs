//! The built-in list of junk lines clipped articles carry: share and subscribe prompts,
//! advertisement markers, "Read more:" teasers, image credits, cookie notices, contact
//! footers, "Click here" prompts and copyright lines.
//!
//! Every rule matches a whole line (anchored), and only lines up to a length limit are
//! tested (so the rules use `.*` rather than bounded repeats, which would bloat the DFA): "Read more about the strikes in our report" may start a real sentence, but a
//! 300-character paragraph that starts with "Photo:" is content.

use regex::RegexSet;

/// Words a pure share bar is made of ("Share this article | Facebook | Twitter | Email").
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "this",
    "the",
    "article",
    "story",
    "page",
    "post",
    "on",
    "via",
    "with",
    "to",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "print",
    "pinterest",
    "reddit",
    "copy",
    "link",
    "copied",
    "tweet",
    "messenger",
    "telegram",
    "flipboard",
    "pocket",
    "bluesky",
    "threads",
    "sms",
    "comments",
    "comment",
    "save",
    "gift",
    "url",
];
/// A share bar must name at least one of these, so "Print" alone or "The article" are not taken.
const SHARE_ANCHORS: &[&str] = &[
    "share",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "tweet",
    "messenger",
    "telegram",
    "flipboard",
    "bluesky",
];

/// (reason, anchored case-insensitive pattern). Reasons become `Removal::reason`.
const RULES: &[(&str, &str)] = &[
    (
        "subscribe",
        r"^(subscribe|sign up|signup)\b.*\b(newsletters?|updates|alerts|podcasts?|channel|briefing|digest|mailing list|inbox|e-?mails?)\b.*$",
    ),
    (
        "subscribe",
        r"^(subscribe( now| today| here)?|get (our|the) (daily |weekly |free )?newsletters?.*|newsletter sign[- ]?up.*|already a subscriber\?.*|become a (member|subscriber).*|support (our|independent) journalism.*)[.!:]?$",
    ),
    ("follow_us", r"^(follow|like|find) us (on|at)\b.*$"),
    ("follow_us", r"^follow @\w+.*$"),
    (
        "advertisement",
        r"^[-–—\s\[(]*(advertisement|advertising|sponsored( content)?|paid (content|post)|ad|ads|story continues below( this)?( advertisement| ad)?|article continues below( this)?( advertisement| ad)?|continue reading( (the )?(main )?story)?( below)?|scroll (down )?to continue( reading)?.*)[-–—\s\])]*[.:]?$",
    ),
    (
        "read_more",
        r"^(read more|read also|also read|more reading|see also|related|related (articles?|stories|content|coverage|news|links?|topics)|more on this( story| topic)?|recommended( for you| reading| stories)?|most (read|popular|viewed|shared)|trending( now)?|you (may|might) also (like|be interested in)|more from \S+|top stories|latest (news|stories)|further reading|watch( now| more)?|listen( now)?)\s*((:|-|–|—|>|»|\|).*)?$",
    ),
    (
        "image_credit",
        r"^(photo|photos|photograph|image|images|picture|pictures|pic|illustration|graphic|video|file photo|main image|top image|credit|credits|photo credit|image credit|image source|source image)\s*(:|-|–|—|/|by\b).*$",
    ),
    (
        "image_credit",
        r"^[\[(]\s*[^()\[\]]{0,80}\b(getty images|afp|reuters|associated press|ap photo|ap|epa|shutterstock|alamy|pa wire|pa media|pa|istock|bloomberg|anadolu|xinhua|efe|dpa|sipa|zuma|wikimedia commons|wikimedia|flickr)\b[^()\[\]]{0,60}[\])]\.?$",
    ),
    (
        "image_credit",
        r"^(getty images|afp|reuters|associated press|ap photo|ap|epa|shutterstock|alamy|pa wire|pa media|pa|istock|bloomberg|anadolu|xinhua|efe|dpa|sipa|zuma|wikimedia commons|wikimedia|flickr)(\s*(photo|photos|images|pictures|file))?(\s*(/|via)\s*\S.*)?\.?$",
    ),
    (
        "image_credit",
        r"^[\p{L} .'-]{2,40}\s*/\s*(getty images|afp|reuters|associated press|ap photo|ap|epa|shutterstock|alamy|pa wire|pa media|pa|istock|bloomberg|anadolu|xinhua|efe|dpa|sipa|zuma|wikimedia commons|wikimedia|flickr)(\s*(/|via)\s*.{0,40})?\.?$",
    ),
    (
        "cookie_notice",
        r"^.*\b(we use cookies|this (web)?site uses cookies|uses cookies to|cookie (policy|settings|preferences|notice|consent)|accept (all )?cookies|manage cookies)\b.*$",
    ),
    (
        "contact_footer",
        r"^(to contact (the|us)\b.*|contact us( at| via| on)?\b.*|for (more information|inquiries|enquiries|questions|comments|tips|corrections),?\s+(contact|email|write|visit|call)\b.*|got a (news )?tip\?.*|send (us )?(your )?(news )?tips\b.*|email (us|the author|the reporter)\b.*|write to us\b.*)$",
    ),
    (
        "contact_footer",
        r"^[<(\[]?((https?://)?(www\.)?[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.[a-z]{2,}(/[^\s]*)?|[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,})[>)\]]?[.]?$",
    ),
    (
        "click_here",
        r"^(please )?(click|tap|press) (here|this link|the link|below|to)\b.*$",
    ),
    (
        "copyright",
        r"^(©|\(c\)|copyright\b|all rights reserved\b).*$",
    ),
    (
        "copyright",
        r"^.*\b(all rights reserved|©\s*\d{4}|copyright\s*(©\s*)?\d{4}).*$",
    ),
    (
        "navigation",
        r"^(skip to (main )?(content|navigation)|back to top|go to top|jump to|home|menu|search|sign in|log in|login|log out|my account|open menu|close( menu)?|loading\.*|listen to this article.{0,40}|print this (page|article)|view comments|show comments|comments \(\d+\)|\d+ comments?|next article|previous article|next|previous|share this)[.:]?$",
    ),
];

/// Compiled built-in rules, built once per stage.
pub struct BuiltinRules {
    set: RegexSet,
    reasons: Vec<&'static str>,
}

impl BuiltinRules {
    pub fn new() -> Self {
        // ASCII word boundaries: a Unicode `\b` makes the regex engine leave its fast DFA
        // on non-ASCII text, and these English keywords never border non-ASCII letters.
        let sources: Vec<String> = RULES
            .iter()
            .map(|(_, p)| format!("(?i){}", p.replace(r"\b", r"(?-u:\b)")))
            .collect();
        BuiltinRules {
            set: RegexSet::new(&sources).expect("built-in boilerplate patterns compile"),
            reasons: RULES.iter().map(|(r, _)| *r).collect(),
        }
    }

    /// The reason a trimmed line is junk, if it is.
    pub fn classify(&self, line: &str) -> Option<&'static str> {
        if is_share_bar(line) {
            return Some("share_line");
        }
        self.set
            .matches(line)
            .iter()
            .next()
            .map(|i| self.reasons[i])
    }
}

fn is_share_bar(line: &str) -> bool {
    let in_list = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    let mut words = 0;
    let mut anchored = false;
    for word in line
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
    {
        // Most lines fail on their first word, before anything is allocated.
        if !in_list(SHARE_WORDS, word) {
            return false;
        }
        words += 1;
        anchored |= in_list(SHARE_ANCHORS, word);
    }
    anchored && words <= 16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_common_junk_lines() {
        let rules = BuiltinRules::new();
        let cases = [
            ("Share this article", "share_line"),
            ("Share on Facebook | Twitter | Email", "share_line"),
            ("Subscribe to our newsletter", "subscribe"),
            ("Sign up for our free daily briefing", "subscribe"),
            ("Follow us on Twitter @wsws", "follow_us"),
            ("Advertisement", "advertisement"),
            ("- Advertisement -", "advertisement"),
            ("Story continues below advertisement", "advertisement"),
            ("Read more: Iraq asks US for drones", "read_more"),
            ("Related: Obama signs order", "read_more"),
            ("Photo: Ali al-Saadi/AFP", "image_credit"),
            ("(Getty Images)", "image_credit"),
            ("AP Photo/Khalid Mohammed", "image_credit"),
            ("Khalid Mohammed/AP", "image_credit"),
            (
                "(Photo: Ali al-Saadi, AFP via Getty Images)",
                "image_credit",
            ),
            (
                "We use cookies to improve your experience. Accept all cookies",
                "cookie_notice",
            ),
            (
                "To contact the WSWS and the Socialist Equality Party visit:",
                "contact_footer",
            ),
            ("wsws.org/contact", "contact_footer"),
            ("Click here to read the full report", "click_here"),
            (
                "© 2013 World Socialist Web Site. All rights reserved.",
                "copyright",
            ),
            ("Copyright 2024 Example Media Ltd", "copyright"),
            ("Skip to main content", "navigation"),
        ];
        for (line, reason) in cases {
            assert_eq!(rules.classify(line), Some(reason), "{line}");
        }
    }

    #[test]
    fn keeps_sentences_that_merely_start_alike() {
        let rules = BuiltinRules::new();
        for line in [
            "Share prices fell 3% on Monday after the announcement.",
            "Related talks in Geneva are supposed to begin next month, officials said.",
            "The photo shows Prime Minister Nuri al-Maliki meeting envoys in Baghdad last week, when he asked for drones and more Hellfire missiles to fight the insurgents in the western desert of Anbar province.",
            "Print media advertising revenue fell sharply over the year as readers moved online.",
            "Contact between the two sides has been limited since the talks collapsed.",
            "Reuters reported that 38 people were killed.",
            "He said the group had left Syria.",
            "The deal was first reported by Reuters.",
            "Join the protest today",
            "Related talks in Geneva are supposed to begin next month.",
        ] {
            assert_eq!(rules.classify(line), None, "{line}");
        }
    }
}
