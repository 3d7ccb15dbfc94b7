//! Print what the reader makes of one page: metadata, then the blocks.
//! `cargo run --release -p newsmill-html --example extract -- PAGE.html [--explain NEEDLE]`

use newsmill_core::{RawDocument, Reader};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        anyhow::bail!("usage: extract PAGE.html [--explain NEEDLE]")
    };
    let bytes = std::fs::read(path)?;
    if let (Some(flag), Some(needle)) = (args.get(1), args.get(2)) {
        if flag == "--explain" {
            print!(
                "{}",
                newsmill_html::explain_extraction(&String::from_utf8_lossy(&bytes), needle)
            );
            return Ok(());
        }
    }
    let doc = RawDocument {
        id: path.clone(),
        seq: 0,
        path: path.into(),
        bytes,
        hints: Default::default(),
    };
    let article = newsmill_html::HtmlReader::new()
        .read(doc)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("encoding: {}\n{:#?}", article.encoding, article.meta);
    for b in &article.blocks {
        println!("[{:?}] {}", b.kind, b.text);
    }
    Ok(())
}
