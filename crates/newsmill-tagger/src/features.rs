//! Feature extraction: the features of a position are cheap mixes of a template number with
//! the hashes in the tokens' [`TokenInfo`] summaries, the sentence and document flags, and
//! the tags already chosen. Nothing here allocates.

use crate::document::PreparedSentence;
use crate::gazetteer::MAX_LISTS;
use crate::hash::mix;
use crate::token_info::{TokenInfo, INIT_CAP};

/// Template numbers: one per feature kind, mixed into every feature's hash.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SHORT_SHAPE: u64 = 5;
    pub const PREFIX: u64 = 6; // +0..4
    pub const SUFFIX: u64 = 10; // +0..4
    pub const LOWER_PREV: u64 = 14;
    pub const LOWER_NEXT: u64 = 15;
    pub const LOWER_PREV2: u64 = 16;
    pub const LOWER_NEXT2: u64 = 17;
    pub const SHAPE_PREV: u64 = 18;
    pub const SHAPE_NEXT: u64 = 19;
    pub const SHAPE_PREV_CUR: u64 = 20;
    pub const SHAPE_CUR_NEXT: u64 = 21;
    pub const SHAPE_TRIGRAM: u64 = 22;
    pub const BIGRAM_PREV: u64 = 23;
    pub const BIGRAM_NEXT: u64 = 24;
    pub const TAG1: u64 = 25;
    pub const TAG12: u64 = 26;
    pub const TAG1_LOWER: u64 = 27;
    pub const TAG1_SHAPE: u64 = 28;
    pub const POSITION_SHAPE: u64 = 29;
    pub const ALLCAPS_SHAPE: u64 = 30;
    pub const GAZ: u64 = 31;
    pub const GAZ_PREV: u64 = 32;
    pub const GAZ_NEXT: u64 = 33;
    pub const DOC: u64 = 34;
    pub const HISTORY: u64 = 35;
    pub const HISTORY_SHAPE: u64 = 36;
    pub const LENGTH_SHAPE: u64 = 37;
    pub const SUFFIX3_NEXT: u64 = 38;
    pub const WORD_PREV: u64 = 39;
    pub const WORD_NEXT: u64 = 40;
    pub const TAG1_WORD_PREV: u64 = 41;
    pub const GAZ_SHAPE: u64 = 42;
    pub const DOC_POSITION: u64 = 43;
    pub const RUN_LAST: u64 = 44;
    pub const RUN_FIRST: u64 = 45;
    pub const RUN_SHAPE: u64 = 46;
    pub const RUN_LAST_GAZ: u64 = 47;
    pub const NUMERIC_SHAPE: u64 = 53;
    pub const NUMERIC_POSITION: u64 = 54;
    pub const CLASS_COARSE: u64 = 60;
    pub const CLASS_FINE: u64 = 61;
    pub const CLASS_FINE_PREV: u64 = 62;
    pub const CLASS_FINE_NEXT: u64 = 63;
    pub const CLASS_FINE_SHAPE: u64 = 66;
    pub const STAGE1_OTHERS: u64 = 51;
    pub const STAGE1_LONGER: u64 = 52;
    pub const STAGE1_LISTED_LEFT: u64 = 55;
    pub const STAGE1_LISTED_RIGHT: u64 = 56;
    // Numbers kept from the experiment that also fed the first-stage label itself.
    pub const STAGE1_OTHERS_SHAPE: u64 = 151;
    pub const STAGE1_LONGER_RUN: u64 = 152;
}

/// The numbers of the gazetteer marks set in `marks` (bit `n` is mark `n`), lowest first:
/// a token carries one or two of the 2 x MAX_LISTS marks, so only those are visited.
fn set_bits(marks: u32) -> impl Iterator<Item = u64> {
    let mut rest = marks & MARK_MASK;
    std::iter::from_fn(move || {
        (rest != 0).then(|| {
            let bit = rest.trailing_zeros();
            rest &= rest - 1;
            u64::from(bit)
        })
    })
}

/// The bits that are gazetteer marks (first and later token of a match, per list).
const MARK_MASK: u32 = if 2 * MAX_LISTS >= 32 {
    u32::MAX
} else {
    (1 << (2 * MAX_LISTS)) - 1
};

const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4E44;

/// The hashes of the features at position `i`, given the labels chosen for the two previous
/// tokens and the label this word form got most often earlier in the document (0 = none).
pub(crate) fn features(
    sentence: &PreparedSentence,
    i: usize,
    prev1: usize,
    prev2: usize,
    history: usize,
    out: &mut Vec<u64>,
) {
    use template::*;
    out.clear();
    let tokens = &sentence.tokens;
    let Some(cur) = tokens.get(i) else { return };
    let at = |offset: isize| -> Option<&TokenInfo> {
        i.checked_add_signed(offset).and_then(|j| tokens.get(j))
    };
    let lower_at =
        |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |t| t.lower);
    let word_at =
        |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |t| t.word);
    let shape_at =
        |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |t| t.short_shape);
    let mut push = |template: u64, value: u64| out.push(mix(template, value));

    push(BIAS, 0);
    push(WORD, cur.word);
    push(LOWER, cur.lower);
    push(SHAPE, cur.shape);
    push(SHORT_SHAPE, cur.short_shape);
    for n in 0..4 {
        if cur.prefix[n] != 0 {
            push(PREFIX + n as u64, cur.prefix[n]);
            push(SUFFIX + n as u64, cur.suffix[n]);
        }
    }
    push(LOWER_PREV, lower_at(-1));
    push(LOWER_NEXT, lower_at(1));
    push(LOWER_PREV2, lower_at(-2));
    push(LOWER_NEXT2, lower_at(2));
    push(WORD_PREV, word_at(-1));
    push(WORD_NEXT, word_at(1));
    push(SHAPE_PREV, shape_at(-1));
    push(SHAPE_NEXT, shape_at(1));
    push(SHAPE_PREV_CUR, mix(shape_at(-1), cur.short_shape));
    push(SHAPE_CUR_NEXT, mix(cur.short_shape, shape_at(1)));
    push(
        SHAPE_TRIGRAM,
        mix(mix(shape_at(-1), cur.short_shape), shape_at(1)),
    );
    push(BIGRAM_PREV, mix(lower_at(-1), cur.lower));
    push(BIGRAM_NEXT, mix(cur.lower, lower_at(1)));
    push(SUFFIX3_NEXT, at(1).map_or(END, |t| t.suffix[2]));
    // Word classes from unlabelled news: evidence for words the labelled data never showed.
    let fine_at = |offset: isize| {
        at(offset).map_or(if offset < 0 { START } else { END }, |t| {
            u64::from(t.class_fine)
        })
    };
    push(CLASS_COARSE, u64::from(cur.class_coarse));
    push(CLASS_FINE, u64::from(cur.class_fine));
    push(CLASS_FINE_PREV, fine_at(-1));
    push(CLASS_FINE_NEXT, fine_at(1));
    push(
        CLASS_FINE_SHAPE,
        mix(u64::from(cur.class_fine), cur.short_shape),
    );
    push(TAG1, prev1 as u64);
    push(TAG12, (prev1 * 16 + prev2) as u64);
    push(TAG1_LOWER, mix(prev1 as u64, cur.lower));
    push(TAG1_SHAPE, mix(prev1 as u64, cur.short_shape));
    push(TAG1_WORD_PREV, mix(prev1 as u64, lower_at(-1)));
    let position = match i {
        0 => 0,
        1 => 1,
        _ if i + 1 == tokens.len() => 2,
        _ => 3,
    };
    push(POSITION_SHAPE, mix(position, cur.short_shape));
    push(
        NUMERIC_SHAPE,
        mix(u64::from(sentence.numeric), cur.short_shape),
    );
    push(NUMERIC_POSITION, mix(u64::from(sentence.numeric), position));
    push(
        ALLCAPS_SHAPE,
        mix(u64::from(sentence.all_caps), cur.short_shape),
    );
    push(
        LENGTH_SHAPE,
        mix(u64::from(cur.length_bucket), cur.short_shape),
    );
    for list in set_bits(cur.gazetteer) {
        push(GAZ, list);
        push(GAZ_SHAPE, mix(list, cur.short_shape));
    }
    if let Some(prev) = at(-1) {
        for list in set_bits(prev.gazetteer) {
            push(GAZ_PREV, list);
        }
    }
    if let Some(next) = at(1) {
        for list in set_bits(next.gazetteer) {
            push(GAZ_NEXT, list);
        }
    }
    if cur.run_position != 0 {
        let place = u64::from(cur.run_position) * 8 + u64::from(cur.run_length);
        push(RUN_LAST, mix(u64::from(cur.run_position), cur.run_last));
        push(RUN_FIRST, mix(u64::from(cur.run_position), cur.run_first));
        push(RUN_SHAPE, place);
        for list in set_bits(cur.run_last_gazetteer) {
            push(RUN_LAST_GAZ, mix(list, u64::from(cur.run_position)));
        }
    }
    if cur.flags & INIT_CAP != 0 {
        push(DOC, u64::from(cur.doc));
        push(
            DOC_POSITION,
            mix(
                u64::from(cur.doc),
                position.min(1) + 2 * u64::from(sentence.all_caps),
            ),
        );
        push(HISTORY, history as u64);
        push(HISTORY_SHAPE, mix(history as u64, cur.short_shape));
    }
    if let Some(stage1) = sentence.stack.get(i) {
        // Only what the first stage says about the rest of the document: feeding the second
        // stage the token's own first-stage label made it copy that label (measured: no gain).
        if stage1.others != 0 {
            push(STAGE1_OTHERS, u64::from(stage1.others));
            push(
                STAGE1_OTHERS_SHAPE,
                mix(u64::from(stage1.others), cur.short_shape),
            );
        }
        if stage1.longer != 0 {
            push(STAGE1_LONGER, u64::from(stage1.longer));
            push(
                STAGE1_LONGER_RUN,
                mix(u64::from(stage1.longer), u64::from(cur.run_position)),
            );
        }
        if stage1.listed_left != 0 {
            push(STAGE1_LISTED_LEFT, u64::from(stage1.listed_left));
        }
        if stage1.listed_right != 0 {
            push(STAGE1_LISTED_RIGHT, u64::from(stage1.listed_right));
        }
    }
}
