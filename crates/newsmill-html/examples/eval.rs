//! Run the gold-set evaluations without the CLI:
//! `cargo run --release -p newsmill-html --example eval -- body GOLD.json [HTML_DIR]`
//! `cargo run --release -p newsmill-html --example eval -- dates GOLD.csv [HTML_DIR]`

use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(kind), Some(gold)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: eval body|dates GOLD [HTML_DIR]");
    };
    let dir = args.get(2).map(Path::new);
    let report = match kind.as_str() {
        "body" => newsmill_html::eval_body(Path::new(gold), dir)?,
        "dates" => newsmill_html::eval_pubdates(Path::new(gold), dir)?,
        other => anyhow::bail!("unknown evaluation {other:?}: use body or dates"),
    };
    print!("{report}");
    Ok(())
}
