//! The default pipeline (every text stage) on arbitrary bytes read as a text article: no
//! panic row, no hang. Corpus indexes are finished empty, as in a run whose first pass saw
//! nothing else.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsmill_core::RawDocument;
use newsmill_runner::{load_config, DocResult, DocStats, Pipeline, Registry};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let mut stages = Vec::new();
        stages.extend(newsmill_clean::factories());
        stages.extend(newsmill_extract::factories());
        stages.extend(newsmill_ner::factories());
        stages.extend(newsmill_quotes::factories());
        stages.extend(newsmill_temporal::factories());
        let registry = Registry {
            stages,
            readers: |_| newsmill_read::readers(),
        };
        let (_, pipeline) = load_config(
            newsmill_runner::DEFAULT_CONFIG_NAME,
            newsmill_runner::DEFAULT_CONFIG,
            &registry,
        )
        .expect("the default config loads");
        for stage in &pipeline.stages {
            if let Some(index) = stage.stage.corpus_index() {
                index.finish();
            }
        }
        pipeline
    })
}

fuzz_target!(|data: &[u8]| {
    let pipeline = pipeline();
    let doc = RawDocument {
        id: "a.txt".into(),
        seq: 0,
        path: "a.txt".into(),
        bytes: data.to_vec(),
        hints: Default::default(),
    };
    let mut stats = DocStats::for_pipeline(pipeline);
    if let DocResult::Failed(row) = pipeline.process(doc, &|_: &mut newsmill_core::Article| {}, &mut stats) {
        assert_ne!(row.code, "panic", "{}", row.message);
    }
});
