//! Plain text -> blocks, and the test for plain-text files that are really Markdown.

use newsmill_core::Block;

/// Paragraphs separated by blank lines; lines inside a paragraph are kept, joined by `\n`
/// (trailing spaces and `\r` removed). `offset` is where `text` starts in the raw text.
pub(crate) fn plain_blocks(text: &str, offset: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut block_start = 0;
    let mut block_end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if content.is_empty() {
            push_block(
                &mut blocks,
                &mut lines,
                offset + block_start..offset + block_end,
            );
        } else {
            if lines.is_empty() {
                block_start = at + (line.len() - line.trim_start().len());
            }
            lines.push(content);
            block_end = at + content.len();
        }
        at += line.len();
    }
    push_block(
        &mut blocks,
        &mut lines,
        offset + block_start..offset + block_end,
    );
    blocks
}

fn push_block(blocks: &mut Vec<Block>, lines: &mut Vec<&str>, source: std::ops::Range<usize>) {
    if lines.is_empty() {
        return;
    }
    let text = lines.join("\n").trim().to_string();
    lines.clear();
    blocks.push(Block {
        source: Some(source),
        ..Block::paragraph(text)
    });
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
