//! Plain text -> blocks, and the test for plain-text files that are really Markdown.

use newsmill_core::Block;

use crate::entities::decode_references;

/// A line of text with its byte range in the raw text.
struct Line<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Paragraphs separated by blank lines; lines inside a paragraph are kept, joined by `\n`
/// (trailing spaces and `\r` removed), and character references are decoded. `offset` is
/// where `text` starts in the raw text.
///
/// One layout is told apart by its line statistics ([`lines_are_paragraphs`]): text that
/// puts one paragraph (or sentence) per line with no blank lines between them, as the text
/// fields of trafilatura and news-please records do. There every line is a paragraph.
pub(crate) fn plain_blocks(text: &str, offset: usize) -> Vec<Block> {
    let groups = line_groups(text, offset);
    let split = split_group(&groups);
    let mut blocks = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        if split == Some(index) {
            for line in group {
                blocks.push(block(&[line.text], line.start..line.end));
            }
        } else if let (Some(first), Some(last)) = (group.first(), group.last()) {
            let texts: Vec<&str> = group.iter().map(|l| l.text).collect();
            blocks.push(block(&texts, first.start..last.end));
        }
    }
    blocks.retain(|b| !b.text.is_empty());
    blocks
}

/// Non-blank lines grouped by blank lines, each line trimmed at the end (and its start
/// recorded after leading whitespace).
fn line_groups(text: &str, offset: usize) -> Vec<Vec<Line<'_>>> {
    let mut groups: Vec<Vec<Line<'_>>> = vec![Vec::new()];
    let mut at = 0;
    for raw_line in text.split_inclusive('\n') {
        let content = raw_line.trim_end();
        if content.is_empty() {
            if groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(Vec::new());
            }
        } else {
            let indent = raw_line.len() - raw_line.trim_start().len();
            if let Some(group) = groups.last_mut() {
                group.push(Line {
                    text: content,
                    start: offset + at + indent,
                    end: offset + at + content.len(),
                });
            }
        }
        at += raw_line.len();
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// Fewest lines in a block before its lines can be read as paragraphs.
const MIN_SPLIT_LINES: usize = 4;
/// Share of a block's lines that must end a sentence for them to be paragraphs: hard-wrapped
/// prose ends most lines mid-sentence.
const MIN_SENTENCE_END_SHARE: f64 = 0.8;

/// The block whose lines are paragraphs, if the text has one: the only block of more than
/// one line in the whole text (a title block may precede it), holding at least
/// [`MIN_SPLIT_LINES`] lines and half the text's lines, at least 80% of which end a sentence.
/// Text that puts one sentence per line but separates paragraphs with blank lines has
/// several multi-line blocks and is left alone, as is hard-wrapped prose.
fn split_group(groups: &[Vec<Line<'_>>]) -> Option<usize> {
    let mut multi = groups.iter().enumerate().filter(|(_, g)| g.len() > 1);
    let (index, group) = multi.next()?;
    if multi.next().is_some() || group.len() < MIN_SPLIT_LINES {
        return None;
    }
    let total: usize = groups.iter().map(Vec::len).sum();
    if group.len() * 2 < total {
        return None;
    }
    let ends = group.iter().filter(|l| ends_sentence(l.text)).count();
    (ends as f64 >= MIN_SENTENCE_END_SHARE * group.len() as f64).then_some(index)
}

/// Whether a line ends with sentence punctuation (before closing quotes or brackets).
pub(crate) fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn block(lines: &[&str], source: std::ops::Range<usize>) -> Block {
    let text = lines.join("\n");
    let text = decode_references(text.trim()).into_owned();
    Block {
        source: Some(source),
        ..Block::paragraph(text)
    }
}

/// How many lines from the top the bold-line test looks at: bylines sit near the top.
const BOLD_LINE_WINDOW: usize = 40;

/// Whether a `.txt` body is Markdown in disguise: an ATX or `===` setext heading as its first
/// line, a whole line in bold near the top, or an inline link `[text](target)`. Plain prose
/// has none of these, so a false positive costs little (such text parses as Markdown
/// paragraphs anyway).
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let first = lines.next().unwrap_or("");
    if is_atx_heading(first)
        || lines
            .next()
            .is_some_and(|second| is_setext_underline(first, second))
    {
        return true;
    }
    if text
        .lines()
        .take(BOLD_LINE_WINDOW)
        .any(|l| is_bold_line(l.trim()))
    {
        return true;
    }
    text.lines().any(has_inline_link)
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && !line[hashes..].trim().is_empty()
}

/// "Title" over "=====": a setext heading (only `=`; a `---` line is too common in prose).
fn is_setext_underline(first: &str, second: &str) -> bool {
    !first.is_empty() && second.len() >= 3 && second.bytes().all(|b| b == b'=')
}

fn is_bold_line(line: &str) -> bool {
    ["**", "__"].iter().any(|m| {
        line.len() > 2 * m.len() + 1
            && line.starts_with(m)
            && line.ends_with(m)
            && !line[m.len()..line.len() - m.len()].contains(m)
    })
}

fn has_inline_link(line: &str) -> bool {
    line.match_indices("](")
        .any(|(i, _)| line[..i].contains('[') && line[i + 2..].contains(')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_with_sources() {
        let raw = "Headline here\n\nFirst line\nsecond line  \r\n   \nLast.";
        let blocks = plain_blocks(raw, 0);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Headline here", "First line\nsecond line", "Last."]);
        assert_eq!(
            &raw[blocks[1].source.clone().unwrap()],
            "First line\nsecond line"
        );
        assert_eq!(&raw[blocks[2].source.clone().unwrap()], "Last.");
    }

    fn texts(raw: &str) -> Vec<String> {
        plain_blocks(raw, 0).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn a_paragraph_per_line_layout_keeps_its_paragraphs() {
        let raw = "Title here\nFirst paragraph ends.\nSecond one too.\nA third, quoted: \"yes.\"\nFourth!\n";
        assert_eq!(
            texts(raw),
            [
                "Title here",
                "First paragraph ends.",
                "Second one too.",
                "A third, quoted: \"yes.\"",
                "Fourth!"
            ]
        );
        let raw =
            "Title\n\nOne sentence.\nTwo sentence.\n\nThree sentence.\nFour sentence.\nFive.\n";
        assert_eq!(
            texts(raw),
            [
                "Title",
                "One sentence.\nTwo sentence.",
                "Three sentence.\nFour sentence.\nFive."
            ]
        );
        let wrapped = "Title\n\nThis paragraph is wrapped at a fixed\nwidth so that most of its lines end\nin the middle of a sentence and\nonly the last one ends it.\n";
        assert_eq!(texts(wrapped).len(), 2);
    }

    #[test]
    fn references_are_decoded_in_blocks() {
        assert_eq!(
            texts("S&atilde;o Paulo &amp; &Aacute;vila&#8217;s"),
            ["São Paulo & Ávila’s"]
        );
    }

    #[test]
    fn markdown_signals() {
        assert!(looks_like_markdown("\n\n# US prepares strikes\n\nText"));
        assert!(looks_like_markdown("Title\n\n**Jane Doe**\n\nText"));
        assert!(looks_like_markdown("Storm warning\n=============\n\nText"));
        assert!(!looks_like_markdown("Storm warning\n---\n\nText"));
        assert!(looks_like_markdown("See [the report](http://x.org)."));
        assert!(!looks_like_markdown(
            "Ad sales boost Time Warner profit\n\nProfits rose 76% to $1.13bn (£600m) [sic]."
        ));
        assert!(!looks_like_markdown("#hashtag trends\n\n** not bold"));
    }
}
