//! Training: an averaged perceptron over the hashed features, decoding greedily with its own
//! predictions as history (as it will at tagging time), documents shuffled with a fixed seed
//! every pass, and early stopping on the development set's F1.
//!
//! With `stacked` (the default) a second stage is trained on top (see `stacking`): the
//! training documents get first-stage labels from `folds` models that each did not see them,
//! the development documents from the final first-stage model, exactly as at tagging time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;

use crate::conll::{read_documents, Document};
use crate::decode::{best_label, decode_document, decode_sentences, run_stages, score, History};
use crate::document::{prepare_document, PreparedSentence};
use crate::eval::Scores;
use crate::features::features;
use crate::gazetteer::{builtin_lists, lists_from_dir, Gazetteer};
use crate::hash::SplitMix;
use crate::labels::{label_of, tag_of, to_iob2, type_of, Tag};
use crate::model_file::{write_model, ModelParts};
use crate::stacking::{attach_first_stage, has_evidence, second_stage_decides};
use crate::weights::{average, AveragedWeights, CompactWeights, TrainingWeights, Weights};
use crate::word_classes::{builtin_table, WordClasses};

/// Knobs for [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Most passes over the training data (per stage).
    pub iterations: usize,
    /// Stop after this many passes without a better development F1.
    pub patience: usize,
    /// Seed for the per-pass document shuffle and the fold split.
    pub seed: u64,
    /// Feature hash table size is `2^hash_bits` rows during training.
    pub hash_bits: u8,
    /// Folder of gazetteer lists (`*.txt`); `None` uses the lists built into the crate.
    pub gazetteers: Option<PathBuf>,
    /// Train the second, document-level stage too.
    pub stacked: bool,
    /// Folds for the first-stage labels the second stage trains on.
    pub folds: usize,
    /// Word-class table (`word<TAB>coarse<TAB>fine`); `None` uses the committed one and an
    /// empty file trains without word classes.
    pub word_classes: Option<PathBuf>,
    /// More training files, each read like `train`. A file whose gold tags hold no MISC
    /// mention at all comes from a scheme without that type (Broad Twitter Corpus, Universal
    /// NER): its `O` tokens are not taken as evidence against MISC (the update is skipped
    /// where the model says MISC and the gold says O).
    pub extra_train: Vec<PathBuf>,
    /// Update size for errors on `extra_train` documents (1 for `train`): other sources
    /// annotate by other conventions (tweets, UNER's metonymic capitals), so they inform the
    /// model without outweighing the news it is mainly for.
    pub extra_step: f32,
    /// Rows whose largest weight is below this fraction of the model's largest are left out
    /// of the written model (see `CompactWeights::pruned`): measured on eng.testa, 0.0007
    /// costs under 0.1 F1 and keeps a third of the rows, which is what keeps tagging fast.
    pub prune: f32,
    /// Independent training runs (seeds `seed`, `seed + 1`, ...) whose weights are averaged
    /// into the written model. One run's answers move with the order it saw the data in
    /// (eng.testa F1 within about ±0.2, cross-domain sets within ±0.9, between seeds); the
    /// mean of five was at or above the mean single run on every set measured
    /// (docs/ner-model.md), and pruning then keeps fewer rows.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 40,
            patience: 6,
            seed: 42,
            hash_bits: 22,
            gazetteers: None,
            stacked: true,
            folds: 5,
            word_classes: None,
            extra_train: Vec::new(),
            extra_step: 0.15,
            prune: 0.0007,
            runs: 5,
        }
    }
}

/// Gold-labelled documents, prepared for feature extraction.
#[derive(Clone)]
struct LabelledDocument {
    sentences: Vec<PreparedSentence>,
    labels: Vec<Vec<usize>>,
    /// First-stage labels, when training the second stage; empty otherwise.
    first_stage: Vec<Vec<usize>>,
    /// The source has no MISC type: a MISC prediction on a gold `O` is not an error.
    mask_misc: bool,
    /// Perceptron update size for this document's errors (see `TrainOptions::extra_step`).
    step: f32,
}

fn prepare(
    docs: &[Document],
    gazetteer: &Gazetteer,
    classes: &WordClasses,
) -> anyhow::Result<Vec<LabelledDocument>> {
    docs.iter()
        .map(|doc| {
            let mut words = Vec::with_capacity(doc.sentences.len());
            let mut labels = Vec::with_capacity(doc.sentences.len());
            for sentence in &doc.sentences {
                let mut tags = Vec::with_capacity(sentence.len());
                let mut tokens = Vec::with_capacity(sentence.len());
                for row in sentence {
                    let (Some(token), Some(tag)) = (row.first(), row.last()) else {
                        continue;
                    };
                    tokens.push(token.as_str());
                    tags.push(
                        Tag::parse(tag).with_context(|| {
                            format!("unknown tag {tag:?} after token {token:?}")
                        })?,
                    );
                }
                to_iob2(&mut tags);
                words.push(tokens);
                labels.push(tags.into_iter().map(label_of).collect());
            }
            Ok(LabelledDocument {
                sentences: prepare_document(&words, gazetteer, classes),
                labels,
                first_stage: Vec::new(),
                mask_misc: false,
                step: 1.0,
            })
        })
        .collect()
}

/// Reads and prepares one training file; marks it `mask_misc` when it has no MISC mention.
fn prepare_file(
    path: &Path,
    gazetteer: &Gazetteer,
    classes: &WordClasses,
) -> anyhow::Result<Vec<LabelledDocument>> {
    let mut docs = prepare(&read_documents(path)?, gazetteer, classes)?;
    let has_misc = docs
        .iter()
        .flat_map(|d| d.labels.iter().flatten())
        .any(|&l| type_of(l) == MISC_TYPE);
    for doc in &mut docs {
        doc.mask_misc = !has_misc;
    }
    Ok(docs)
}

/// `type_of` of MISC labels.
const MISC_TYPE: usize = 4;

/// Whether a prediction counts as right: equal to the gold label, or MISC where a source
/// without MISC says O.
fn agrees(doc: &LabelledDocument, gold: usize, predicted: usize) -> bool {
    gold == predicted || (doc.mask_misc && gold == 0 && type_of(predicted) == MISC_TYPE)
}

fn evaluate<W: Weights>(weights: &W, docs: &[LabelledDocument]) -> Scores {
    let mut scores = Scores::default();
    for doc in docs {
        let first = (!doc.first_stage.is_empty()).then_some(&doc.first_stage[..]);
        let predicted = decode_sentences(weights, &doc.sentences, first);
        for (gold, predicted) in doc.labels.iter().zip(&predicted) {
            let gold: Vec<Tag> = gold.iter().map(|&l| tag_of(l)).collect();
            let predicted: Vec<Tag> = predicted.iter().map(|&l| tag_of(l)).collect();
            scores.add_sentence(&gold, &predicted);
        }
    }
    scores
}

/// One pass over the training documents in the given order; returns token accuracy.
fn train_pass(weights: &mut TrainingWeights, docs: &[LabelledDocument], order: &[usize]) -> f64 {
    let (mut correct, mut total) = (0usize, 0usize);
    let mut feats = Vec::with_capacity(128);
    for &d in order {
        let doc = &docs[d];
        let mut history = History::default();
        for (s, (sentence, gold)) in doc.sentences.iter().zip(&doc.labels).enumerate() {
            // The second stage trains only where it will decide at tagging time.
            let first = doc.first_stage.get(s);
            if let Some(first) = first.filter(|_| !has_evidence(sentence)) {
                history.record(sentence, first);
                continue;
            }
            let mut predicted = Vec::with_capacity(gold.len());
            let (mut prev1, mut prev2) = (0, 0);
            for (i, &gold_label) in gold.iter().enumerate() {
                let label = match first {
                    Some(first) if !second_stage_decides(sentence, first, i) => first[i],
                    _ => {
                        features(
                            sentence,
                            i,
                            prev1,
                            prev2,
                            history.lookup(sentence, i),
                            &mut feats,
                        );
                        let label = best_label(&score(&*weights, &feats), prev1);
                        weights.clock += 1;
                        if agrees(doc, gold_label, label) {
                            correct += 1;
                        } else {
                            weights.update(&feats, gold_label, label, doc.step);
                        }
                        total += 1;
                        label
                    }
                };
                predicted.push(label);
                prev2 = prev1;
                prev1 = label;
            }
            history.record(sentence, &predicted);
        }
    }
    correct as f64 / total.max(1) as f64
}

/// The result of fitting one stage.
struct Fitted {
    passes: usize,
    weights: AveragedWeights,
}

/// Fits one stage on `docs[indices]`: `max_passes` passes at most, early-stopped on `dev`.
fn fit(
    docs: &[LabelledDocument],
    indices: &[usize],
    dev: Option<&[LabelledDocument]>,
    max_passes: usize,
    opts: &TrainOptions,
    report: &mut String,
    stage: &str,
) -> anyhow::Result<Fitted> {
    let mut weights = TrainingWeights::new(opts.hash_bits);
    let mut rng = SplitMix(opts.seed);
    let mut order = indices.to_vec();
    let mut best: Option<(usize, f64, AveragedWeights)> = None;
    for pass in 1..=max_passes.max(1) {
        let pass_started = Instant::now();
        rng.shuffle(&mut order);
        let accuracy = train_pass(&mut weights, docs, &order);
        let mut line = format!("{stage} pass {pass:>2}: train token accuracy {accuracy:.4}");
        let Some(dev) = dev else {
            if pass == max_passes.max(1) {
                best = Some((pass, 0.0, weights.averaged()));
            }
            continue;
        };
        let averaged = weights.averaged();
        let scores = evaluate(&averaged, dev);
        let f1 = scores.overall().f1();
        let per: Vec<String> = ["PER", "ORG", "LOC", "MISC"]
            .iter()
            .zip(&scores.per_type)
            .map(|(n, c)| format!("{n} {:.4}", c.f1()))
            .collect();
        let _ = write!(line, ", dev F1 {f1:.4} ({})", per.join(", "));
        let _ = writeln!(
            report,
            "{line} [{:.1}s]",
            pass_started.elapsed().as_secs_f64()
        );
        eprintln!("{line}");
        if best.as_ref().is_none_or(|b| f1 > b.1) {
            best = Some((pass, f1, averaged));
        } else if best.as_ref().is_some_and(|b| pass - b.0 >= opts.patience) {
            let _ = writeln!(
                report,
                "{stage}: stopping, no better dev F1 for {} passes",
                opts.patience
            );
            break;
        }
    }
    let (passes, _, weights) = best.context("no training pass ran")?;
    Ok(Fitted { passes, weights })
}

/// Trains a model on `train` (CoNLL columns, token first, gold NER tag last, IOB1 or IOB2),
/// early-stopping on `dev` when given, and writes it to `out`. Returns a report of every pass.
pub fn train(
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
    opts: &TrainOptions,
) -> anyhow::Result<String> {
    anyhow::ensure!(
        (10..=26).contains(&opts.hash_bits),
        "hash_bits must be within 10..=26"
    );
    let started = Instant::now();
    let lists = match &opts.gazetteers {
        Some(dir) => lists_from_dir(dir)?,
        None => builtin_lists(),
    };
    let gazetteer = Gazetteer::new(lists.clone());
    let word_classes = match &opts.word_classes {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("reading word classes {}", path.display()))?,
        None => builtin_table().to_string(),
    };
    let classes = WordClasses::new(&word_classes);
    let mut train_docs = prepare_file(train, &gazetteer, &classes)?;
    let mut sources = vec![format!(
        "{} ({} documents)",
        train.display(),
        train_docs.len()
    )];
    for path in &opts.extra_train {
        let mut docs = prepare_file(path, &gazetteer, &classes)?;
        for doc in &mut docs {
            doc.step = opts.extra_step;
        }
        let masked = if docs.first().is_some_and(|d| d.mask_misc) {
            ", no MISC: masked"
        } else {
            ""
        };
        sources.push(format!(
            "{} ({} documents{masked})",
            path.display(),
            docs.len()
        ));
        train_docs.extend(docs);
    }
    anyhow::ensure!(
        !train_docs.is_empty(),
        "no sentences in {}",
        train.display()
    );
    let mut dev_docs = match dev {
        Some(path) => Some(prepare(&read_documents(path)?, &gazetteer, &classes)?),
        None => None,
    };
    let mut report = String::new();
    let tokens: usize = train_docs
        .iter()
        .flat_map(|d| &d.labels)
        .map(Vec::len)
        .sum();
    let _ = writeln!(
        report,
        "training on {} documents, {tokens} tokens; {} gazetteer lists; {} word classes; {} run(s) from seed {}\nsources: {}",
        train_docs.len(),
        lists.len(),
        if classes.is_empty() { "no" } else { "with" },
        opts.runs,
        opts.seed,
        sources.join(", ")
    );

    anyhow::ensure!(opts.runs >= 1, "runs must be at least 1");
    let seeds: Vec<u64> = (0..opts.runs as u64)
        .map(|k| opts.seed.wrapping_add(k))
        .collect();
    // Runs are independent: as many at once as there are cores (each holds its own
    // training table, about 1 GB), in seed order, so the result does not depend on timing.
    let parallel = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut runs: Vec<(String, Vec<CompactWeights>)> = Vec::with_capacity(seeds.len());
    for batch in seeds.chunks(parallel) {
        let finished = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .iter()
                .map(|&seed| {
                    let run_opts = TrainOptions {
                        seed,
                        ..opts.clone()
                    };
                    let (docs, dev) = (&train_docs, &dev_docs);
                    scope.spawn(move || train_run(docs, dev.as_deref(), &run_opts))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a training run panicked"))
                .collect::<Vec<_>>()
        });
        for run in finished {
            runs.push(run?);
        }
    }
    for (seed, (run_report, _)) in seeds.iter().zip(&runs) {
        if seeds.len() > 1 {
            let _ = writeln!(report, "run with seed {seed}:");
        }
        report.push_str(run_report);
    }
    let stage_count = runs[0].1.len();
    let stages: Vec<CompactWeights> = (0..stage_count)
        .map(|stage| {
            let of_stage: Vec<&CompactWeights> = runs.iter().map(|r| &r.1[stage]).collect();
            average(&of_stage)
        })
        .collect();
    if seeds.len() > 1 {
        let _ = writeln!(report, "averaged the weights of {} runs", seeds.len());
    }
    let stages: Vec<_> = stages.iter().map(|s| s.pruned(opts.prune)).collect();
    let rows: Vec<usize> = stages.iter().map(|s| s.len).collect();
    let parts = ModelParts {
        stages,
        lists,
        word_classes,
    };
    let bytes = write_model(&parts)?;
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let _ = writeln!(
        report,
        "wrote {}: {} bytes, non-zero rows per stage {rows:?}",
        out.display(),
        bytes.len()
    );
    if let Some(dev) = dev_docs.as_mut() {
        // Score the written (quantised) model end to end, as `Tagger` runs it.
        let mut scores = Scores::default();
        for doc in dev.iter_mut() {
            let predicted = run_stages(&parts.stages, &mut doc.sentences);
            for (gold, predicted) in doc.labels.iter().zip(&predicted) {
                let gold: Vec<Tag> = gold.iter().map(|&l| tag_of(l)).collect();
                let predicted: Vec<Tag> = predicted.iter().map(|&l| tag_of(l)).collect();
                scores.add_sentence(&gold, &predicted);
            }
        }
        let _ = writeln!(
            report,
            "dev scores of the written model:\n{}",
            scores.report()
        );
    }
    let _ = writeln!(report, "total time {:.1}s", started.elapsed().as_secs_f64());
    Ok(report)
}

/// One training run with `opts.seed`: stage 1, then (when stacked) stage 2 on k-fold
/// first-stage labels. Returns the run's report and its unpruned stages.
fn train_run(
    train_docs: &[LabelledDocument],
    dev_docs: Option<&[LabelledDocument]>,
    opts: &TrainOptions,
) -> anyhow::Result<(String, Vec<CompactWeights>)> {
    let mut report = String::new();
    let mut train_docs = train_docs.to_vec();
    let mut dev_docs = dev_docs.map(<[LabelledDocument]>::to_vec);
    let all: Vec<usize> = (0..train_docs.len()).collect();
    let first = fit(
        &train_docs,
        &all,
        dev_docs.as_deref(),
        opts.iterations,
        opts,
        &mut report,
        &format!("seed {} stage 1", opts.seed),
    )?;
    let _ = writeln!(report, "stage 1: kept pass {}", first.passes);
    let mut stages = vec![first.weights.compact()];

    let folds = opts.folds.min(train_docs.len());
    if opts.stacked && folds >= 2 {
        // First-stage labels for each training document from a model that never saw it.
        let mut shuffled = all.clone();
        SplitMix(opts.seed ^ 0xF01D).shuffle(&mut shuffled);
        let mut fold_of = vec![0; train_docs.len()];
        for (position, &doc) in shuffled.iter().enumerate() {
            fold_of[doc] = position % folds;
        }
        let mut first_stage_labels: Vec<Vec<Vec<usize>>> = vec![Vec::new(); train_docs.len()];
        for fold in 0..folds {
            let training: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&d| fold_of[d] != fold)
                .collect();
            let mut quiet = String::new();
            let model = fit(
                &train_docs,
                &training,
                None,
                first.passes,
                opts,
                &mut quiet,
                "fold",
            )?
            .weights
            .compact();
            for d in all.iter().copied().filter(|&d| fold_of[d] == fold) {
                first_stage_labels[d] = decode_document(&model, &train_docs[d].sentences);
            }
            eprintln!(
                "seed {} stage 2: first-stage labels for fold {}/{folds}",
                opts.seed,
                fold + 1
            );
        }
        for (doc, labels) in train_docs.iter_mut().zip(first_stage_labels) {
            attach_first_stage(&mut doc.sentences, &labels);
            doc.first_stage = labels;
        }
        if let Some(dev) = dev_docs.as_mut() {
            for doc in dev.iter_mut() {
                let labels = decode_document(&stages[0], &doc.sentences);
                attach_first_stage(&mut doc.sentences, &labels);
                doc.first_stage = labels;
            }
        }
        let second = fit(
            &train_docs,
            &all,
            dev_docs.as_deref(),
            opts.iterations,
            opts,
            &mut report,
            &format!("seed {} stage 2", opts.seed),
        )?;
        let _ = writeln!(report, "stage 2: kept pass {}", second.passes);
        stages.push(second.weights.compact());
    }

    Ok((report, stages))
}
