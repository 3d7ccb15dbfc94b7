//! Prints the sentences of a file, one per line, with its tokens separated by `|`:
//! `cargo run -p newsmill-text --example split -- FILE`.
fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: split FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let tokens = newsmill_text::tokenize(&text);
    for range in newsmill_text::sentence_token_ranges(&text, &tokens) {
        let words: Vec<&str> = tokens[range].iter().map(|t| t.text(&text)).collect();
        println!("{}", words.join("|"));
    }
    Ok(())
}
