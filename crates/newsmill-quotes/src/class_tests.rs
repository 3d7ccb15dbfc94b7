//! One test per failure class of issue 13, on short hand-written texts: each pins a general
//! rule, not an article.

use newsmill_core::{Quote, QuoteKind, SpeakerType};

use crate::seed_tests::article_from_paragraphs;
use crate::{extract_quotes, QuoteOptions};

fn quotes(text: &str) -> Vec<Quote> {
    extract_quotes(&article_from_paragraphs(text), &QuoteOptions::default())
}

fn said(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .map(|q| (q.text, q.speaker))
        .collect()
}

/// The speaker of each quotation, in order.
fn speakers_of(quotes: &[Quote]) -> Vec<Option<&str>> {
    quotes.iter().map(|q| q.speaker.as_deref()).collect()
}

fn pair(text: &str, speaker: &str) -> (String, Option<String>) {
    (text.to_string(), Some(speaker.to_string()))
}

#[test]
fn two_apostrophes_delimit_quotations() {
    assert_eq!(
        said("''The rate will rise in spring,'' said Maria Olsen, an analyst at the bank."),
        vec![pair("The rate will rise in spring,", "Maria Olsen")]
    );
}

#[test]
fn speaker_type_tells_people_from_organisations() {
    let q = quotes(
        "\"We will appeal the ruling at once,\" said Tom Reyes.\n\n\"The ruling stands as written,\" the Supreme Court of Ruritania said.",
    );
    assert_eq!(q[0].speaker_type, SpeakerType::Person, "{q:?}");
    assert_eq!(q[1].speaker_type, SpeakerType::Organisation, "{q:?}");
}

#[test]
fn a_quotation_closed_before_its_cue_takes_the_next_sentence_attribution() {
    assert_eq!(
        said("Dana Pruitt spoke for an hour. \"We love this town!\" Pruitt said to cheers."),
        vec![pair("We love this town!", "Dana Pruitt")]
    );
}

#[test]
fn speech_verbs_end_a_headline_case_name() {
    let q = said("Senator Rosa Lind Joked: \"I never sleep during budget talks.\"");
    assert_eq!(
        q,
        vec![pair("I never sleep during budget talks.", "Rosa Lind")]
    );
}

#[test]
fn more_speech_verbs_name_their_subject() {
    assert_eq!(
        said("\"Get out of my office,\" Ray Kemp barked at the reporter."),
        vec![pair("Get out of my office,", "Ray Kemp")]
    );
}

#[test]
fn a_pronoun_skips_the_names_of_an_opening_subordinate_clause() {
    let q = said(
        "Nora Quist, a lawyer, has followed the case.\n\nAfter Oren Blake described the verdict, she wrote: \"This is not justice.\"",
    );
    assert_eq!(q, vec![pair("This is not justice.", "Nora Quist")]);
}

#[test]
fn panel_labels_name_the_speaker() {
    assert_eq!(
        said("Lena Brook, The Daily Ledger: \"The debate changed nothing at all.\""),
        vec![pair("The debate changed nothing at all.", "Lena Brook")]
    );
}

#[test]
fn each_transcript_turn_is_a_quotation_of_its_speaker() {
    let q = said(
        "On Sunday Sam Ortiz spoke with Governor Kay Dunn.\n\nORTIZ: Will you run again?\n\nDUNN: I have not decided, and I will not \"rush\" it.\n\nORTIZ: Thank you.\n\nDUNN: Thank you for having me.",
    );
    assert_eq!(q.len(), 4, "{q:?}");
    assert_eq!(q[0], pair("Will you run again?", "Sam Ortiz"));
    assert_eq!(
        q[1],
        pair(
            "I have not decided, and I will not \"rush\" it.",
            "Kay Dunn"
        )
    );
}

#[test]
fn an_inverted_cue_names_an_organisation() {
    // The article's "The" is not part of the name the speaker column gives.
    assert_eq!(
        said("\"We are not blind to those costs,\" wrote The Courier in an editorial."),
        vec![pair("We are not blind to those costs,", "Courier")]
    );
}

#[test]
fn a_fragment_governed_by_a_speech_verb_is_a_quotation() {
    let q = said("The Dockers Union called the board's decision \"reckless and rushed.\"");
    assert_eq!(q, vec![pair("reckless and rushed.", "Dockers Union")]);
    // Right after "called" the quotation is a name, not speech.
    assert!(said("They formed a group called \"Citizens for a Better Port.\"").is_empty());
}

#[test]
fn a_colon_without_a_verb_introduces_the_subjects_quotation() {
    assert_eq!(
        said("The Harbor Gazette adds a few numbers: \"Traffic fell by half in a year.\""),
        vec![pair("Traffic fell by half in a year.", "Harbor Gazette")]
    );
}

#[test]
fn pronouns_agree_with_a_gendered_first_name() {
    let q = said(
        "Hillary Lamb met Donald Ferris in the square.\n\nShe said: \"Our town needs a new bridge.\"",
    );
    assert_eq!(
        q,
        vec![pair("Our town needs a new bridge.", "Hillary Lamb")]
    );
    // A name given to both sexes ("Terry": one in five since 1950 a girl) rules nobody out.
    let q = said(
        "\"The bill is at risk,\" said Josh Earnest.\n\n\"They are wrong,\" said widow Terry Strada.\n\n\
         She continued, \"All we ask for is a day in court.\"",
    );
    assert_eq!(
        q.last(),
        Some(&pair("All we ask for is a day in court.", "Terry Strada")),
        "{q:?}"
    );
}

#[test]
fn a_manner_adverb_between_name_and_verb_is_skipped() {
    assert_eq!(
        said("Vera Holt repeatedly warned that the budget was \"a recipe for ruin and debt.\""),
        vec![pair("a recipe for ruin and debt.", "Vera Holt")]
    );
}

#[test]
fn a_dash_and_a_name_after_a_quotation_name_its_speaker() {
    let got = said(
        "Readers wrote in after the debate.\n\n\
         \u{201c}He is ignorant of our culture and our lives.\u{201d} \u{2015} Pamela Padilla\n\n\
         \u{201c}I cannot believe a man like that is the nominee.\u{201d} \u{2014} Jorge Falcon, Miami",
    );
    assert_eq!(
        got,
        vec![
            pair(
                "He is ignorant of our culture and our lives.",
                "Pamela Padilla"
            ),
            pair(
                "I cannot believe a man like that is the nominee.",
                "Jorge Falcon"
            ),
        ]
    );
    // A dash that goes on with the reporter's sentence is no byline.
    let got = said(
        "\u{201c}We will see what the voters decide\u{201d} \u{2014} Ada Lind and her staff repeated it all week.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_ne!(
        got.first().and_then(|q| q.1.as_deref()),
        Some("Ada Lind"),
        "{got:?}"
    );
}

#[test]
fn a_quoted_transcript_is_read_turn_by_turn() {
    let got = said(
        "\"WALLACE: Welcome back to the program, Governor.\n\n\
         \"PENCE: Thank you, Chris, it is good to be here.\n\n\
         \"WALLACE: Will she be at the debate tomorrow night?\n\n\
         \"PENCE: She will not be attending the debate at all.\"",
    );
    let speakers: Vec<_> = got.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Wallace"),
            Some("Pence"),
            Some("Wallace"),
            Some("Pence")
        ],
        "{got:?}"
    );
}

#[test]
fn a_quotation_without_a_speech_verb_is_its_sentence_subject_s() {
    assert_eq!(
        said("Former Governor Mike Huckabee is labeling the new rules \"a blatant, belligerent abuse of power.\""),
        vec![pair("a blatant, belligerent abuse of power.", "Mike Huckabee")]
    );
}

#[test]
fn quoted_paragraphs_take_the_speaker_around_them() {
    // The paragraph after a sentence about a person, with no cue of its own.
    let got = said(
        "Richard Viguerie is upbeat about the senator's chances this year.\n\n\
         \"Not only can he win in November, he is the one with the best chance.\"",
    );
    assert_eq!(got[0].1.as_deref(), Some("Richard Viguerie"), "{got:?}");
    // A quoted paragraph attributed at the end of the next one.
    let got = said(
        "The polls closed at eight in the evening.\n\n\
         \"We never gave up on this district, not for a single day.\"\n\n\
         \"It was a long night for everyone,\" said Tom Reyes.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Tom Reyes"), "{got:?}");
}

#[test]
fn a_capitalised_common_opener_is_no_speaker() {
    use newsmill_core::{Entity, EntityKind, EntityMention, Span};
    let text = "Appearing before supporters, the leader spoke briefly. He added, \"I think you all know the results.\"";
    let mut article = article_from_paragraphs(text);
    let span = Span::new(0, 0, "Appearing".len());
    article.annotations.entities = vec![Entity {
        kind: EntityKind::Person,
        name: "Appearing".into(),
        aliases: vec![],
        mentions: 1,
        first: span,
    }];
    article.annotations.mentions = vec![EntityMention {
        span,
        surface: "Appearing".into(),
        kind: EntityKind::Person,
        entity: 0,
    }];
    let q = extract_quotes(&article, &QuoteOptions::default());
    assert_ne!(q[0].speaker.as_deref(), Some("Appearing"), "{q:?}");
}

#[test]
fn a_speaking_person_typed_as_an_organisation_is_still_he() {
    use newsmill_core::{Entity, EntityKind, EntityMention, Span};
    let text = "William Buckley was his uncle. \"You are with us or against us,\" Bozell says. \"The party has disdain for us,\" he adds.";
    let mut article = article_from_paragraphs(text);
    let mut add = |surface: &str, name: &str, kind: EntityKind| {
        let start = text.find(surface).unwrap();
        let span = Span::new(0, start, start + surface.len());
        let entity = article.annotations.entities.len();
        article.annotations.entities.push(Entity {
            kind,
            name: name.into(),
            aliases: vec![],
            mentions: 1,
            first: span,
        });
        article.annotations.mentions.push(EntityMention {
            span,
            surface: surface.into(),
            kind,
            entity,
        });
    };
    add("William Buckley", "William Buckley", EntityKind::Person);
    add("Bozell", "Brent Bozell", EntityKind::Organization);
    let q = extract_quotes(&article, &QuoteOptions::default());
    assert_eq!(q[1].speaker.as_deref(), Some("Brent Bozell"), "{q:?}");
}

/// The quotations of `text` when the entity stage found each (surface, name, kind) at its
/// first occurrence.
fn with_mentions(text: &str, found: &[(&str, &str, newsmill_core::EntityKind)]) -> Vec<Quote> {
    use newsmill_core::{Entity, EntityMention, Span};
    let mut article = article_from_paragraphs(text);
    for (entity, (surface, name, kind)) in found.iter().enumerate() {
        // The first block that holds the surface, as article_from_paragraphs splits them.
        let (block, start) = article
            .blocks
            .iter()
            .enumerate()
            .find_map(|(b, block)| block.text.find(surface).map(|at| (b, at)))
            .expect("surface in text");
        let span = Span::new(block, start, start + surface.len());
        article.annotations.entities.push(Entity {
            kind: *kind,
            name: (*name).into(),
            aliases: vec![],
            mentions: 1,
            first: span,
        });
        article.annotations.mentions.push(EntityMention {
            span,
            surface: (*surface).into(),
            kind: *kind,
            entity,
        });
    }
    article
        .annotations
        .mentions
        .sort_by_key(|m| (m.span.block, m.span.start));
    extract_quotes(&article, &QuoteOptions::default())
}

#[test]
fn a_name_qualifying_a_role_is_not_the_subject_he_refers_to() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "Trump campaign chairman Paul Manafort offered a slogan. \"He will fight for the families,\" he said.",
        &[("Trump", "Donald Trump", Person), ("Paul Manafort", "Paul Manafort", Person)],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Paul Manafort"), "{q:?}");
}

#[test]
fn a_party_and_state_parenthesis_does_not_cut_the_attribution() {
    assert_eq!(
        said("\"We will hold hearings in the spring,\" Sen. Mara Quill (D-N.Y.) said Tuesday."),
        vec![pair("We will hold hearings in the spring,", "Mara Quill")]
    );
    assert_eq!(
        said(
            "Rep. Tom Hale (R-S.C.) told reporters the bill was \"dead on arrival in the House.\""
        ),
        vec![pair("dead on arrival in the House.", "Tom Hale")]
    );
}

#[test]
fn a_middle_initial_stays_inside_the_speaker_name() {
    let q = said("\"The numbers are not good for us,\" said Jock A. Finlayson, head of policy.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(
        q[0].1.as_deref().is_some_and(|s| s.ends_with("Finlayson")),
        "{q:?}"
    );
}

#[test]
fn a_verb_right_after_a_quotation_is_inverted_whatever_its_usual_object() {
    assert_eq!(
        said("\"Why would anyone vote against that?\" asked Sen. Barbara Lunn of Maine."),
        vec![pair("Why would anyone vote against that?", "Barbara Lunn")]
    );
    // With a subject before it, "asked" takes an object: the listener is no speaker.
    let q = said("Mr. Dorn asked Sen. Barbara Lunn: \"Why would anyone vote against that?\"");
    assert_eq!(q[0].1.as_deref(), Some("Dorn"), "{q:?}");
}

#[test]
fn an_absolute_phrase_names_the_participle_speaker() {
    assert_eq!(
        said("Senators were irritated by the plan, with Sen. Ada Morrow calling it \"a menu of bad options.\""),
        vec![pair("a menu of bad options.", "Ada Morrow")]
    );
}

#[test]
fn a_common_word_opening_an_adverbial_is_not_the_subject() {
    assert_eq!(
        said("Hours later, Dana Pruitt answered the critics, telling the paper: \"We are not going anywhere.\"\n\nThe critics had hours to respond."),
        vec![pair("We are not going anywhere.", "Dana Pruitt")]
    );
}

#[test]
fn a_listener_after_told_is_no_antecedent() {
    let q = said("\"It is a fair question,\" Dana Pruitt, 61, told Channel Nine News on Monday.\n\n\"We will see what happens,\" she said.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("Dana Pruitt"), "{q:?}");
}

#[test]
fn phrasal_speech_verbs_are_cues_only_with_their_particle() {
    let q = quotes("Dana Pruitt was asked about the vote. \"Nobody here is afraid of a fight,\" Pruitt shot back.");
    assert_eq!(q[0].speaker.as_deref(), Some("Dana Pruitt"), "{q:?}");
    assert_eq!(q[0].cue.as_deref(), Some("shot back"), "{q:?}");
    assert!(!crate::lexicon::is_phrasal_cue("shot", "the"));
}

#[test]
fn an_inverted_speaker_reads_through_unlisted_role_nouns_to_the_name() {
    assert_eq!(
        said("\"I can't vote for either of them,\" said Dover resident Whit Sams."),
        vec![pair("I can't vote for either of them,", "Whit Sams")]
    );
    // A time word after the name ends the phrase.
    assert_eq!(
        said("\"We are ready for the vote,\" said Whit Sams on Monday in Dover."),
        vec![pair("We are ready for the vote,", "Whit Sams")]
    );
}

#[test]
fn a_role_phrase_refers_to_the_person_the_role_is_stated_with() {
    // The role sits before the first name, and only elsewhere in the second one's sentence.
    assert_eq!(
        said("President Rita Alvarez visited the school on Monday.\n\nDuring the assembly, Tom Becker had a question for the president.\n\n\"The budget is settled,\" the president said."),
        vec![pair("The budget is settled,", "Rita Alvarez")]
    );
    // In an apposition after the name.
    assert_eq!(
        said("Jake Morrow, the network host, met Ann Lee at noon.\n\n\"We will air it tonight,\" the host said."),
        vec![pair("We will air it tonight,", "Jake Morrow")]
    );
    // In a role phrase and a comma before the name.
    assert_eq!(
        said("The Minister of State for Rivers, Lakes and Canals, Ana Ruiz, opened the dam.\n\n\"Water is life,\" the rivers minister said."),
        vec![pair("Water is life,", "Ana Ruiz")]
    );
}

#[test]
fn a_participle_cue_finds_its_subject_behind_several_opening_adverbials() {
    assert_eq!(
        said("On Thursday, after weeks of silence, Dana Ruiz endorsed the plan, saying, \"It is the right call.\""),
        vec![pair("It is the right call.", "Dana Ruiz")]
    );
    assert_eq!(
        said("And then Tom Hale went on the attack, saying, \"They lied to us.\""),
        vec![pair("They lied to us.", "Tom Hale")]
    );
}

#[test]
fn a_pronoun_speaker_is_never_a_name_inside_the_quotation() {
    assert_eq!(
        said(
            "Dana Ruiz walked in late.\n\n\"Everyone should vote for Maria Lopez now,\" she said."
        ),
        vec![pair(
            "Everyone should vote for Maria Lopez now,",
            "Dana Ruiz"
        )]
    );
}

#[test]
fn a_digest_heading_before_a_dash_is_not_the_label_of_its_quotation() {
    assert_eq!(
        said("SOUTHERN STATES LEAN RIGHT AGAIN - Maria Olsen: \"The partisan gap in the states widened this year.\""),
        vec![pair("The partisan gap in the states widened this year.", "Maria Olsen")]
    );
    assert_eq!(
        said("Turnout is rising — Dana Pruitt, Civic Lab: \"Young voters came out early.\""),
        vec![pair("Young voters came out early.", "Dana Pruitt")]
    );
}

#[test]
fn a_prepositional_phrase_between_subject_and_verb_is_skipped() {
    assert_eq!(
        said("Lena Ortiz spoke first. Then Tom Reyes during a Sunday rally thanked his volunteers \"for every door they knocked on.\""),
        vec![pair("for every door they knocked on.", "Tom Reyes")]
    );
    // "went on to say": no name before the preposition, so no phrase is skipped.
    assert_eq!(
        said("Tom Reyes arrived late. He went on to say \"the budget is sound.\""),
        vec![pair("the budget is sound.", "Tom Reyes")]
    );
}

#[test]
fn an_attribution_after_an_exclamation_may_end_with_a_time_phrase_or_a_short_object() {
    let q = said("Lena Ortiz opened the meeting.\n\n\"We won the vote!\" Tom Reyes said last week.\n\n\"Are we done yet?\" Maria Olsen told reporters.");
    assert_eq!(
        q,
        vec![
            pair("We won the vote!", "Tom Reyes"),
            pair("Are we done yet?", "Maria Olsen")
        ]
    );
}

#[test]
fn less_common_speech_verbs_are_cues_and_passive_ones_are_not() {
    assert_eq!(
        said("Tom Reyes spoke first.\n\n\"Are these the actions of a conservative?\" Maria Olsen questioned."),
        vec![pair("Are these the actions of a conservative?", "Maria Olsen")]
    );
    // "when questioned": the subject is spoken to; the quotation stays the subject's own.
    assert_eq!(
        said("Tom Reyes took the remark, treating it as praise -- \"That makes me smart\" -- and, when questioned later, asserting, \"Of course I pay taxes.\""),
        vec![
            pair("That makes me smart", "Tom Reyes"),
            pair("Of course I pay taxes.", "Tom Reyes")
        ]
    );
}

#[test]
fn a_dash_paragraph_after_a_quotation_is_its_byline() {
    assert_eq!(
        said("Quotable.\n\n\"Great speech. She is ready for the job.\"\n\n-Maria Olsen, tweeting after the speech.\n\n\"The budget is sound.\"\n\n— Tom Reyes."),
        vec![
            pair("Great speech. She is ready for the job.", "Maria Olsen"),
            pair("The budget is sound.", "Tom Reyes")
        ]
    );
}

#[test]
fn a_pronoun_with_no_earlier_antecedent_takes_the_name_of_its_opening_clause() {
    assert_eq!(
        said("Since Tom Reyes announced his candidacy, he has said the same thing at every stop: \"The economy is rigged.\""),
        vec![pair("The economy is rigged.", "Tom Reyes")]
    );
}

#[test]
fn a_capitalised_connective_opening_a_sentence_is_no_speaker() {
    for opener in ["Moreover", "Amid"] {
        let q = said(&format!(
            "The hearing ran late.\n\n{opener} the exchange with the panel, the report found that \"less than one percent of the emails\" were kept."
        ));
        assert!(q.iter().all(|(_, s)| s.as_deref() != Some(opener)), "{q:?}");
    }
}

#[test]
fn a_time_phrase_opening_the_sentence_is_no_subject() {
    assert_eq!(
        said("Maria Olsen praised him at lunch.\n\nHours later, Tom Reyes returned the compliment, telling reporters, \"She is an amazing woman.\""),
        vec![pair("She is an amazing woman.", "Tom Reyes")]
    );
}

#[test]
fn a_name_before_a_modified_role_is_the_employer_not_the_speaker() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "\"We returned the donations in question,\" said Olsen campaign manager Tom Reyes.",
        &[
            ("Olsen", "Maria Olsen", Person),
            ("Tom Reyes", "Tom Reyes", Person),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Tom Reyes"), "{q:?}");
}

#[test]
fn lowercase_nouns_right_after_an_inverted_verb_lead_to_the_name() {
    assert_eq!(
        said("\"The budget is sound,\" said conservative activist Tom Reyes, who backs no candidate."),
        vec![pair("The budget is sound,", "Tom Reyes")]
    );
}

#[test]
fn an_adverb_opening_an_adverbial_phrase_is_no_subject() {
    // "Ever since …,", "Back in 1999,": the subject follows the phrase, even where the
    // entity stage tagged the capitalised adverb as a name.
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "Ever since she endorsed Mr. Vance this month, Ms. Ortlieb has been a powerful surrogate, visiting his offices with a simple message: \"Do not let up now.\"",
        &[("Ever", "Ever", Person), ("Vance", "Ed Vance", Person), ("Ortlieb", "Jan Ortlieb", Person)],
    );
    assert_eq!(speakers_of(&q), vec![Some("Jan Ortlieb")], "{q:?}");
}

#[test]
fn as_name_put_it_names_the_speaker() {
    assert_eq!(
        said("Or, as Tom Fennimore, a former trade minister, put it: \"Tariffs are a tax on our own shoppers.\""),
        vec![pair("Tariffs are a tax on our own shoppers.", "Tom Fennimore")]
    );
}

#[test]
fn a_quoted_title_inside_the_sentence_does_not_join_the_quotation_after_it() {
    // Joined, the two read as one quotation that opens with a title, and are dropped as a term.
    let q = said("As Ada Brenner, author of ''The Quiet Ledger,'' put it, ''Auditors should be paid by the state and not by the firms they audit.''");
    let texts: Vec<&str> = q.iter().map(|(text, _)| text.as_str()).collect();
    assert_eq!(
        texts,
        vec!["Auditors should be paid by the state and not by the firms they audit."]
    );
}

#[test]
fn a_pronoun_prefers_the_sentence_subject_that_speaks_over_an_earlier_name() {
    let q = said("Jacques Hamelin and Kurt Lindqvist met in Rouen, where Lindqvist asserted that the town had changed: \"It is not the same place any more,\" he claimed.");
    assert_eq!(
        q,
        vec![pair("It is not the same place any more,", "Kurt Lindqvist")]
    );
}

#[test]
fn the_last_name_of_name_noun_name_is_the_head() {
    // "Cruz constituent Dan Golvach": the first name qualifies the second.
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "\"The plan puts families at risk,\" said Brandt constituent Dale Ormond.",
        &[
            ("Brandt", "Oliver Brandt", Person),
            ("Dale Ormond", "Dale Ormond", Person),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Dale Ormond")], "{q:?}");
}

#[test]
fn a_digest_label_follows_a_dash_after_a_sentence_heading_inside_a_paragraph() {
    let q = said("This is the digest for Monday. Turnout was low in the north - Maria Olsen: \"Fewer than half of the voters came out this time.\" More news below. Signs of a shift were there all along -More from Pruitt and Cole: \"Our data show the swing began in March.\"");
    assert_eq!(
        q,
        vec![
            pair(
                "Fewer than half of the voters came out this time.",
                "Maria Olsen"
            ),
            pair("Our data show the swing began in March.", "Cole"),
        ]
    );
}

#[test]
fn a_role_with_of_leads_on_to_the_inverted_name() {
    assert_eq!(
        said("\"We will rebuild the pier,\" said former secretary of state Helen Marsh."),
        vec![pair("We will rebuild the pier,", "Helen Marsh")]
    );
}

#[test]
fn a_party_and_state_note_may_stand_before_the_comma_of_the_subject() {
    assert_eq!(
        said("Tuesday at Baldwin College in Berea, OH, after winning Ohio in the primary, Gov. Tom Reyes (R-OH), said, \"We are going all the way to the convention.\""),
        vec![pair("We are going all the way to the convention.", "Tom Reyes")]
    );
}

#[test]
fn an_age_before_a_name_belongs_to_the_subject_phrase() {
    assert_eq!(
        said("76-year-old Morton Blackwood, founder of the institute, endorsed Reyes last week, saying he \"has always kept his word.\""),
        vec![pair("has always kept his word.", "Morton Blackwood")]
    );
}

#[test]
fn an_apposition_without_its_closing_comma_leaves_the_person_as_speaker() {
    use newsmill_core::EntityKind::{Organization, Person};
    let q = with_mentions(
        "Anthony Antonelli, president and CEO of Harbour Restaurant Association stated, \"Servers are seeing a pay cut.\"",
        &[
            ("Anthony Antonelli", "Anthony Antonelli", Person),
            ("Harbour Restaurant Association", "Harbour Restaurant Association", Organization),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Anthony Antonelli")], "{q:?}");
    let q = with_mentions(
        "\"The senator skipped the vote,\" Kate Pecker, who is chairman of Our Principles PAC said.",
        &[
            ("Kate Pecker", "Kate Pecker", Person),
            ("Our Principles PAC", "Our Principles PAC", Organization),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Kate Pecker")], "{q:?}");
}

#[test]
fn a_name_in_an_opening_of_phrase_is_not_the_comma_subject() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "Of Carlson, Eric Lavine, who has given money to Rubio, said, \"He is a fine surgeon.\"",
        &[
            ("Carlson", "Ben Carlson", Person),
            ("Eric Lavine", "Eric Lavine", Person),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Eric Lavine")], "{q:?}");
}

#[test]
fn a_person_introduced_by_role_before_a_colon_is_the_source() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "The timing of Sandler's surge does not surprise Republican pollster Dara Shaw: \"Lesser-known candidates often win early contests.\"",
        &[("Sandler", "Bernie Sandler", Person), ("Dara Shaw", "Dara Shaw", Person)],
    );
    assert_eq!(speakers_of(&q), vec![Some("Dara Shaw")], "{q:?}");
}

#[test]
fn the_name_right_before_an_infinitive_cue_says_it() {
    assert_eq!(
        said("\"We will win,\" Tom Reyes said. The debate was so dull that Mr. Ortlieb was prompted to say, \"I cannot believe how civil it has been.\""),
        vec![
            pair("We will win,", "Tom Reyes"),
            pair("I cannot believe how civil it has been.", "Ortlieb"),
        ]
    );
}

#[test]
fn a_contracted_pronoun_is_still_the_subject() {
    assert_eq!(
        said("Ever since Tom Reyes announced his run, he's said the same thing at every stop: \"It is not about me, it is about us.\""),
        vec![pair("It is not about me, it is about us.", "Tom Reyes")]
    );
}

#[test]
fn frequency_adverbs_stand_between_a_subject_and_its_verb() {
    assert_eq!(
        said("\"He is not ready,\" Ann Cole said of Tom Reyes.\n\nAt first, Tom Reyes pointed to his long record. Then he began dismissing the notion.\n\n\"Experience is not the issue,\" he often says."),
        vec![
            pair("He is not ready,", "Ann Cole"),
            pair("Experience is not the issue,", "Tom Reyes")
        ]
    );
}

#[test]
fn a_participial_phrase_before_the_subject_is_an_adverbial() {
    // Even where the entity stage tagged the capitalised participle as a name.
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "Reprising a favourite line, Clara Stone talked about the \"progress we had under the governor\" and more.",
        &[("Reprising", "Reprising", Person), ("Clara Stone", "Clara Stone", Person)],
    );
    assert_eq!(speakers_of(&q), vec![Some("Clara Stone")], "{q:?}");
}

#[test]
fn a_list_item_name_after_a_quotation_paragraph_is_its_byline() {
    // A text reader reads "- Sanders." as the list item "Sanders.".
    let mut article = article_from_paragraphs(
        "Her bill went nowhere.\n\n\"Her bill went nowhere and nobody on the committee took it up.\"",
    );
    let mut item = newsmill_core::Block::paragraph("Sanders.");
    item.kind = newsmill_core::BlockKind::ListItem;
    article.blocks.push(item);
    article
        .blocks
        .push(newsmill_core::Block::paragraph("This is a complex issue."));
    let q = extract_quotes(&article, &QuoteOptions::default());
    assert_eq!(speakers_of(&q), vec![Some("Sanders")], "{q:?}");
}

#[test]
fn name_s_before_been_is_a_contracted_verb_not_an_owner() {
    assert_eq!(
        said("Chris Kristoff lit into Mark Rubin at the debate.\n\nKristoff's been making the case for weeks that Rubin is not ready. \"He has to be held accountable,\" he said."),
        vec![pair("He has to be held accountable,", "Chris Kristoff")]
    );
}

#[test]
fn panel_labels_hold_roles_with_of_and_party_notes() {
    let q = said("Rep. Tom Reyes (R-S.C.):\"Who told you that ninety percent of them were in the system?\"\n\nFormer secretary of state Clara Stone:\"We learned that from the department and its own analysis.\"");
    assert_eq!(
        q,
        vec![
            pair(
                "Who told you that ninety percent of them were in the system?",
                "Tom Reyes"
            ),
            pair(
                "We learned that from the department and its own analysis.",
                "Clara Stone"
            ),
        ]
    );
}

#[test]
fn a_definite_role_description_with_no_named_holder_refers_to_the_person_discussed() {
    let q = said("Music mogul Tom Wilder will produce the film. Mr Wilder said he would rather not appear in it. He made a cameo in the last one, in which his role was played by Steve Cougar. \"I'm not an actor and I did a lousy job,\" said the Cosmic Records founder, who has long been on the scene.");
    assert_eq!(
        q,
        vec![pair(
            "I'm not an actor and I did a lousy job,",
            "Tom Wilder"
        )]
    );
}

#[test]
fn names_after_a_role_s_of_are_what_the_role_is_of() {
    // Even a title the entity stage took for a person.
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "Hollywood legend Dustin Hoffer has hit out at current films.\n\nThe star of Rain Man and Tootsie said the film culture was \"in the craphouse\" at a press conference.",
        &[("Dustin Hoffer", "Dustin Hoffer", Person), ("Tootsie", "Tootsie", Person)],
    );
    assert_eq!(speakers_of(&q), vec![Some("Dustin Hoffer")], "{q:?}");
}

#[test]
fn a_phrasal_cue_after_a_quoted_title_takes_the_subject_before_the_apposition() {
    assert_eq!(
        said("As Ada Brenner, author of ''The Quiet Ledger,'' put it, ''Auditors should be paid by the state and not by the firms they audit.''"),
        vec![pair("Auditors should be paid by the state and not by the firms they audit.", "Ada Brenner")]
    );
}

#[test]
fn a_rank_ordinal_stays_inside_the_inverted_speaker_phrase() {
    use newsmill_core::EntityKind::{Organization, Person};
    let q = with_mentions(
        "\"I do not understand the race,\" said Air Force 1st Lt. Tyler Livsey.",
        &[
            ("Air Force", "Air Force", Organization),
            ("Tyler Livsey", "Tyler Livsey", Person),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Tyler Livsey")], "{q:?}");
}

#[test]
fn a_role_noun_with_its_own_of_leads_on_to_the_inverted_name() {
    assert_eq!(
        said("\"Thanks for welcoming these families,\" said master of ceremonies Asad Tabchi, an engineer."),
        vec![pair("Thanks for welcoming these families,", "Asad Tabchi")]
    );
}

#[test]
fn a_name_closing_the_clause_after_comma_said_is_the_inverted_subject() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "\"He can assert it, but it seems extremely unlikely\" that Sandler can catch Clinton, said Steve Elmore, a strategist.\n\n\"He had a lot of supporters,\" Tom Blunt, after a long pause, said of Cruz.",
        &[
            ("Sandler", "Bernie Sandler", Person),
            ("Clinton", "Hillary Clinton", Person),
            ("Steve Elmore", "Steve Elmore", Person),
            ("Tom Blunt", "Tom Blunt", Person),
            ("Cruz", "Ted Cruz", Person),
        ],
    );
    assert_eq!(
        speakers_of(&q),
        vec![Some("Steve Elmore"), Some("Tom Blunt")],
        "{q:?}"
    );
}

#[test]
fn a_pronoun_after_a_description_subject_is_the_person_described() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "\"We will win,\" David Morgan said.\n\nThe prime minister shrugged off claims from Michael Howard that he led a grubby government. \"He has done nothing wrong,\" he said.\n\nThe shadow home secretary, Mark Oaten, accused Mr Morgan of dodging. \"It is a mess,\" he said.",
        &[
            ("David Morgan", "David Morgan", Person),
            ("Michael Howard", "Michael Howard", Person),
            ("Mark Oaten", "Mark Oaten", Person),
            ("Morgan", "David Morgan", Person),
        ],
    );
    // "The prime minister" is Morgan, not the Howard after it; "The shadow home secretary,
    // Mark Oaten," names its person.
    assert_eq!(
        speakers_of(&q),
        vec![
            Some("David Morgan"),
            Some("David Morgan"),
            Some("Mark Oaten")
        ],
        "{q:?}"
    );
}

#[test]
fn he_never_refers_to_a_place_even_one_that_speaks() {
    use newsmill_core::EntityKind::{Location, Person};
    let q = with_mentions(
        "Edward Leigh chairs the committee.\n\nBritain said the deal was fair. \"We were misled,\" he said.",
        &[("Edward Leigh", "Edward Leigh", Person), ("Britain", "Britain", Location)],
    );
    assert_eq!(speakers_of(&q), vec![Some("Edward Leigh")], "{q:?}");
}

#[test]
fn a_participle_after_an_attribution_continues_its_speaker() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "Mateen left as soon as prayers were finished, Nefzi said, adding, \"He was not very religious.\"",
        &[("Mateen", "Omar Mateen", Person), ("Nefzi", "Nefzi", Person)],
    );
    assert_eq!(speakers_of(&q), vec![Some("Nefzi")], "{q:?}");
}

#[test]
fn a_partial_quotation_in_the_next_sentence_continues_the_speaker_just_quoted() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "\"It's an enormous moment,\" said Steve Schmidt, a strategist. Unless rivals quit soon, \"it's very difficult to see how he is stopped.\"\n\n\"We won,\" said Anna Lee. It is a view shared by Tom Rooney, who believes \"we have a great chance\".",
        &[
            ("Steve Schmidt", "Steve Schmidt", Person),
            ("Anna Lee", "Anna Lee", Person),
            ("Tom Rooney", "Tom Rooney", Person),
        ],
    );
    // The second sentence of the first paragraph names nobody: Schmidt goes on. The last
    // sentence names another person, so Lee does not carry on into it.
    assert_eq!(
        speakers_of(&q)[..3],
        [
            Some("Steve Schmidt"),
            Some("Steve Schmidt"),
            Some("Anna Lee")
        ],
        "{q:?}"
    );
    assert_ne!(speakers_of(&q)[3], Some("Anna Lee"), "{q:?}");
}

#[test]
fn an_opening_prepositional_phrase_is_no_speaker() {
    let q = quotes(
        "Between tasks, this remarkably active pensioner reveals his goal: \"To be number one.\"",
    );
    assert_eq!(speakers_of(&q), vec![None], "{q:?}");
    let q = quotes("Around noon, Anna Lee gave her view: \"We are ready.\"");
    assert_eq!(speakers_of(&q), vec![Some("Anna Lee")], "{q:?}");
}

#[test]
fn a_long_role_description_without_its_closing_comma_is_the_named_persons() {
    use newsmill_core::EntityKind::{Organization, Person};
    let q = with_mentions(
        "Siemens has plans for a network.\n\n\"What we propose is a commons,\" Will Davies, senior research fellow at the IPPR told the BBC.",
        &[
            ("Siemens", "Siemens", Organization),
            ("Will Davies", "Will Davies", Person),
            ("IPPR", "IPPR", Organization),
            ("BBC", "BBC", Organization),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Will Davies")], "{q:?}");
}

#[test]
fn a_place_before_the_noun_heading_the_subject_does_not_speak() {
    use newsmill_core::EntityKind::{Location, Organization};
    let q = with_mentions(
        "Bioware makes games.\n\nThe Canada-based company says it wanted \"a wide variety of people\" as models.",
        &[("Bioware", "Bioware", Organization), ("Canada", "Canada", Location)],
    );
    assert_eq!(speakers_of(&q), vec![Some("Bioware")], "{q:?}");
}

#[test]
fn he_after_a_role_description_ending_in_a_company_is_the_person_described() {
    use newsmill_core::EntityKind::{Organization, Person};
    let q = with_mentions(
        "JF Sullivan, spokesman for e-mail software firm Sendmail said many firms were learning. \"The key thing is managing all this information,\" he said.",
        &[
            ("JF Sullivan", "JF Sullivan", Person),
            ("Sendmail", "Sendmail", Organization),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("JF Sullivan")], "{q:?}");
}

#[test]
fn the_nationality_alone_describes_a_person_of_the_story() {
    use newsmill_core::EntityKind::{Misc, Organization, Person};
    let q = with_mentions(
        "Arsenal's Edu has lifted the lid on the scenes after the match.\n\nThe Brazilian confirmed tempers had flared. \"I saw people being pulled apart,\" he told the club.",
        &[
            ("Arsenal", "Arsenal", Organization),
            ("Edu", "Edu", Person),
            ("Brazilian", "Brazilian", Misc),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Edu")], "{q:?}");
}

#[test]
fn a_name_with_a_verb_after_said_is_the_reported_clauses_subject() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "Noel Dempsey, the communications minister, said Bertie Ahern had been committed. \"He is very disappointed,\" he said.",
        &[
            ("Noel Dempsey", "Noel Dempsey", Person),
            ("Bertie Ahern", "Bertie Ahern", Person),
        ],
    );
    assert_eq!(speakers_of(&q), vec![Some("Noel Dempsey")], "{q:?}");
}

#[test]
fn a_person_named_before_a_role_is_whom_the_role_serves() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "The singer denies the charges.\n\nShe said a Jackson lawyer had told her the mother would look like a \"crack whore\".",
        &[("Jackson", "Michael Jackson", Person)],
    );
    assert_eq!(speakers_of(&q), vec![None], "{q:?}");
}

#[test]
fn an_unclosed_apposition_may_open_with_an_article_and_modifiers() {
    // "Sam Lau, the communications director for the Iowa Democratic Party said": the
    // description before the verb opens with "the" and a modifier, and its person speaks.
    assert_eq!(
        said(
            "Officials said a recount was impossible. \"There are no paper ballots to \
             recount,\" Sam Lau, the communications director for the Iowa Democratic Party \
             said in a statement."
        ),
        vec![pair("There are no paper ballots to recount,", "Sam Lau")]
    );
}

#[test]
fn a_past_participle_clause_opening_the_sentence_holds_no_subject() {
    // "Preceded at the lectern by Joe Arpaio, Trump launched into …": the name in the
    // opening clause is not the sentence's subject, so not whom a later "he" stands for.
    assert_eq!(
        said(
            "Preceded at the lectern by Tom Hill, the county sheriff, Mark Reed spoke about \
             crime for an hour. \"We will be safe again,\" he said."
        ),
        vec![pair("We will be safe again,", "Mark Reed")]
    );
}

#[test]
fn a_number_or_date_modifying_the_role_after_an_inverted_verb_leads_to_the_name() {
    assert_eq!(
        said("\"We will not stop,\" said 9/11 widow Ann Berg, who leads the group."),
        vec![pair("We will not stop,", "Ann Berg")]
    );
    assert_eq!(
        said("\"It was terrifying,\" said 17-year-old student Maya Cole."),
        vec![pair("It was terrifying,", "Maya Cole")]
    );
}

#[test]
fn a_speaker_in_a_subordinate_clause_is_not_whom_a_later_pronoun_means() {
    assert_eq!(
        said(
            "Mr. Nevins said he pursued the case because Mr. Lynch agreed. \
             ''It was the right thing to do,'' he said."
        ),
        vec![pair("It was the right thing to do,", "Nevins")]
    );
}

#[test]
fn a_name_shown_or_heard_speaking_is_the_participle_speaker() {
    assert_eq!(
        said("The ad shows footage of Jane Ortiz asking, \"Why are we not ahead?\""),
        vec![pair("Why are we not ahead?", "Jane Ortiz")]
    );
    assert_eq!(
        said("The video features Tom Baker saying, \"The rich are getting richer.\""),
        vec![pair("The rich are getting richer.", "Tom Baker")]
    );
    // An object of praise before the participle is not who speaks.
    assert_eq!(
        said("Mark Reed praised Tom Baker, saying, \"He did well.\""),
        vec![pair("He did well.", "Mark Reed")]
    );
}

#[test]
fn a_modal_between_subject_and_speech_verb_is_skipped() {
    assert_eq!(
        said("Tom Reyes may have said: \"The deal is dead.\""),
        vec![pair("The deal is dead.", "Tom Reyes")]
    );
    assert_eq!(
        said("Ann Berg did say: \"We lost.\""),
        vec![pair("We lost.", "Ann Berg")]
    );
}

#[test]
fn a_quotation_between_a_named_owner_and_a_saying_noun_is_the_owners() {
    assert_eq!(
        said(
            "It's the persistent pull of Tom Baker's \"if you like your plan, you can keep it\" \
             promise."
        ),
        vec![pair("if you like your plan, you can keep it", "Tom Baker")]
    );
}

#[test]
fn a_speech_verb_form_used_as_a_plural_noun_is_no_cue() {
    // "late-night tweets" and "Baker's tweets" are things; the verb is "says".
    assert_eq!(
        said("Ann Berg says Tom Baker's late-night tweets were \"unhinged, even for him.\""),
        vec![pair("unhinged, even for him.", "Ann Berg")]
    );
    assert_eq!(
        said("Ann Berg says his tweets were \"unhinged, even for him.\""),
        vec![pair("unhinged, even for him.", "Ann Berg")]
    );
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_next_paragraphs_quotation() {
    use newsmill_core::EntityKind::{Organization, Person};
    let q = with_mentions(
        "The Ruritania Herald reports:\n\n\"Just 24 percent of the donors gave $200 or less.\"\n\n\
         On July 6, 2015, Tom Reyes made the following comment:\n\n\"The rate is 33 percent.\"",
        &[
            ("Ruritania Herald", "Ruritania Herald", Organization),
            ("Tom Reyes", "Tom Reyes", Person),
        ],
    );
    assert_eq!(
        speakers_of(&q),
        [Some("Ruritania Herald"), Some("Tom Reyes")],
        "{q:?}"
    );
    // Without the colon an organisation's sentence before a quotation names no speaker.
    let q = with_mentions(
        "The Ruritania Herald ran the figures.\n\n\"Just 24 percent of the donors gave $200.\"",
        &[("Ruritania Herald", "Ruritania Herald", Organization)],
    );
    assert_eq!(speakers_of(&q), [None], "{q:?}");
}

#[test]
fn a_stopped_title_abbreviation_stays_inside_the_inverted_speaker() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "\"This is a waste of time,\" said Del. Stacey Plaskett of the Virgin Islands.",
        &[("Stacey Plaskett", "Stacey Plaskett", Person)],
    );
    assert_eq!(speakers_of(&q), [Some("Stacey Plaskett")], "{q:?}");
}

#[test]
fn a_participle_after_an_opening_quotation_takes_the_subject_behind_it() {
    assert_eq!(
        speakers_of(&quotes(
            "“Keep your hands in sight,” Mary Blige sings to Clinton before asking her, \
             “Where do we go from here?”"
        )),
        [Some("Mary Blige")]
    );
}

#[test]
fn an_uncued_quotation_after_a_sentence_about_someone_in_its_paragraph_is_theirs() {
    use newsmill_core::EntityKind::Person;
    let q = with_mentions(
        "\"We must step away from these efforts,\" Mark Pence said.\n\n\
         On “Meet the Press,” Sen. Ann Berg, who lost the primary, named exhaustion with \
         bigotry as a reason to vote. \"The younger people are sick and tired of it.\"",
        &[
            ("Mark Pence", "Mark Pence", Person),
            ("Ann Berg", "Ann Berg", Person),
        ],
    );
    assert_eq!(
        speakers_of(&q),
        [Some("Mark Pence"), Some("Ann Berg")],
        "{q:?}"
    );
    // In the quotation's own paragraph, the earlier quotation's speaker goes on.
    let q = with_mentions(
        "\"We must step away from these efforts,\" Mark Pence said. Ann Berg nodded. \
         \"The younger people are sick and tired of it.\"",
        &[
            ("Mark Pence", "Mark Pence", Person),
            ("Ann Berg", "Ann Berg", Person),
        ],
    );
    assert_eq!(
        speakers_of(&q),
        [Some("Mark Pence"), Some("Mark Pence")],
        "{q:?}"
    );
    // A friend's own words outside the marks (a first name, the first person) name the
    // person talked about, not the speaker.
    for (between, surface) in [
        ("But Bob in the 1990s became one of the great icons.", "Bob"),
        (
            "Bob Marley was the most driven man I ever worked with.",
            "Bob Marley",
        ),
    ] {
        let q = with_mentions(
            &format!(
                "\"We must step away from these efforts,\" Mark Pence said.\n\n{between} \
                 \"He sold more records than at any time.\""
            ),
            &[
                ("Mark Pence", "Mark Pence", Person),
                (surface, "Bob Marley", Person),
            ],
        );
        assert_ne!(
            q.last().and_then(|q| q.speaker.as_deref()),
            Some("Bob Marley"),
            "{q:?}"
        );
    }
}
