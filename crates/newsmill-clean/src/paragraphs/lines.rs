//! Undoing hard wraps inside a block, and the sentence-boundary tests shared with
//! paragraph joining.

use super::hyphen::{keep_hyphen, Vocabulary};

/// Closing characters that may follow a sentence's final punctuation (`.”`, `?)`).
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '*', '_'];
/// Characters that end a sentence or introduce what follows.
const TERMINALS: &[char] = &['.', '!', '?', '…', ':', ';', '。', '！', '？', '؟', '۔'];

/// Whether `text` ends a sentence (or a clause that introduces the next block, with `:`).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    trimmed.ends_with(TERMINALS)
}

/// Words after which a sentence cannot stop, so that what follows continues it even when
/// it starts with a capital ("according to the" / "Pentagon ...").
const CONTINUING_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "or", "but", "for", "with", "by", "from", "that",
    "on", "at", "as", "is", "was", "were", "are", "his", "her", "their", "its", "our", "this",
    "these", "those", "into", "than", "said", "says", "told",
];

pub fn ends_with_continuing_word(text: &str) -> bool {
    let last = text
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    CONTINUING_WORDS.contains(&last) || text.trim_end().ends_with(',')
}

/// First letter or digit of `text`, skipping opening quotes and brackets.
pub fn first_alphanumeric(text: &str) -> Option<char> {
    text.trim_start()
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '['))
        .filter(|c| c.is_alphanumeric())
}

/// Whether a line starts like a list entry (`- x`, `• x`, `1. x`, `a) x`).
pub fn is_list_line(line: &str) -> bool {
    let line = line.trim_start();
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '•' | '▪' | '◦' | '·' | '–' | '—') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() || c.is_ascii_lowercase() => {
            let marker: String = line
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let rest = &line[marker.len()..];
            let numbered = marker.chars().all(|c| c.is_ascii_digit()) && marker.len() <= 3;
            let lettered = marker.len() == 1 && c.is_ascii_lowercase();
            (numbered || lettered) && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

/// Counts of what [`join_lines`] did.
#[derive(Debug, Default, Clone, Copy)]
pub struct UnwrapStats {
    pub lines_unwrapped: u64,
    pub words_dehyphenated: u64,
    pub hyphens_kept: u64,
}

/// Appends `next` to `acc` across a break: a line-end hyphen between two word parts is
/// either dropped (broken word) or kept without a space (real hyphen); otherwise a space.
pub fn append_across_break(
    acc: &mut String,
    next: &str,
    vocabulary: &mut Option<Vocabulary>,
    make_vocabulary: &dyn Fn() -> Vocabulary,
    stats: &mut UnwrapStats,
) {
    let next = next.trim_start();
    let trimmed_len = acc.trim_end().len();
    acc.truncate(trimmed_len);
    if let Some(before_hyphen) = acc.strip_suffix('-') {
        let left_word: &str = before_hyphen
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let left_is_word = left_word.chars().last().is_some_and(char::is_alphanumeric);
        if left_is_word && next.chars().next().is_some_and(char::is_alphanumeric) {
            let vocabulary = vocabulary.get_or_insert_with(make_vocabulary);
            if keep_hyphen(left_word, next, vocabulary) {
                stats.hyphens_kept += 1;
            } else {
                acc.pop();
                stats.words_dehyphenated += 1;
            }
            acc.push_str(next);
            return;
        }
    }
    if !acc.is_empty() {
        acc.push(' ');
    }
    acc.push_str(next);
}

/// Unwraps the hard line breaks of one block. Prose (most lines long) is joined into one
/// line. Blocks of short lines (a byline and date, an address, a poem) and list-like
/// blocks keep their breaks, except where a line clearly continues onto the next (no
/// sentence end, next line starts lower-case).
pub fn join_lines(
    text: &str,
    short_line_chars: usize,
    vocabulary: &mut Option<Vocabulary>,
    make_vocabulary: &dyn Fn() -> Vocabulary,
    stats: &mut UnwrapStats,
) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let list_lines = lines.iter().filter(|l| is_list_line(l)).count();
    let list_like = list_lines >= 2 && list_lines * 2 >= lines.len();
    let body = &lines[..lines.len().saturating_sub(1)];
    let short_block =
        !body.is_empty() && body.iter().all(|l| l.chars().count() <= short_line_chars);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(line);
            continue;
        }
        let continues =
            !ends_sentence(&out) && first_alphanumeric(line).is_some_and(char::is_lowercase);
        let keep_break = if list_like {
            is_list_line(line) || !continues
        } else {
            short_block && !continues && !out.ends_with('-')
        };
        if keep_break {
            out.push('\n');
            out.push_str(line);
        } else {
            stats.lines_unwrapped += 1;
            append_across_break(&mut out, line, vocabulary, make_vocabulary, stats);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unwrap(text: &str) -> (String, UnwrapStats) {
        let mut stats = UnwrapStats::default();
        let out = join_lines(
            text,
            40,
            &mut None,
            &|| Vocabulary::from_texts([text].into_iter()),
            &mut stats,
        );
        (out, stats)
    }

    #[test]
    fn unwraps_prose_and_dehyphenates() {
        let text = "The inter-\nnational coalition, led by Nuri al-\nMaliki and backed by F-\n16 jets, stayed self-\nreliant and US-\nbacked for the whole of the\nyear.";
        let (out, stats) = unwrap(text);
        assert_eq!(
            out,
            "The international coalition, led by Nuri al-Maliki and backed by F-16 jets, stayed self-reliant and US-backed for the whole of the year."
        );
        assert_eq!(stats.words_dehyphenated, 1);
        assert_eq!(stats.hyphens_kept, 4);
    }

    #[test]
    fn keeps_breaks_in_bylines_and_lists() {
        assert_eq!(
            unwrap("Bill Van Auken\n27 December 2013").0,
            "Bill Van Auken\n27 December 2013"
        );
        assert_eq!(
            unwrap("- one thing\n- another\n  that continues").0,
            "- one thing\n- another that continues"
        );
        assert_eq!(unwrap("1. First\n2. Second").0, "1. First\n2. Second");
    }

    #[test]
    fn dash_at_line_end_is_not_a_hyphen() {
        assert_eq!(
            unwrap("a long line of text that goes on and on until -\nthe dash").0,
            "a long line of text that goes on and on until - the dash"
        );
    }

    #[test]
    fn sentence_end_detection() {
        assert!(ends_sentence("He said “no.”"));
        assert!(ends_sentence("visit:"));
        assert!(!ends_sentence("one of Washington’s own"));
        assert!(!ends_sentence("the “common enemy”"));
        assert!(is_list_line("a) item"));
        assert!(!is_list_line("a lot of items"));
    }
}
