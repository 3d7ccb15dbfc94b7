//! Writes WARC.gz files (with the `warc` crate's writer, one gzip member per record as
//! Common Crawl does) and streams them through discovery.
//!
//! - `cargo run --release -p newsmill-read --example warc_bench -- 10000` writes a WARC of
//!   10,000 records (a warcinfo record, then request/response pairs; one response in ten is a
//!   404, one in ten an image) to the temp folder, splits it with `Discovery`, loads every
//!   page and prints records/s, pages found and peak RSS. Keep the file with `--keep PATH` to
//!   run `newsmill run PATH` on it.
//! - `-- --fixture fixtures/inputs/archive.warc.gz` writes the small fixture of the input
//!   end-to-end test.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;
use newsmill_read::discover::{load, Discovery, InputSpec};
use warc::{RecordBuilder, RecordType, WarcHeader, WarcWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--fixture") {
        let path = PathBuf::from(args.get(1).ok_or("--fixture needs a path")?);
        write_fixture(&path)?;
        println!("wrote {}", path.display());
        return Ok(());
    }
    let records: usize = args
        .first()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let path = keep
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("newsmill-bench.warc.gz"));
    let started = Instant::now();
    write_bench(&path, records)?;
    let bytes = std::fs::metadata(&path)?.len();
    println!(
        "wrote {records} records ({:.1} MB gzipped) in {:.2} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let spec = InputSpec {
        root: path.clone(),
        include: vec![],
        exclude: vec![],
        case_sensitive: false,
        follow_symlinks: false,
        max_file_bytes: 32 * 1024 * 1024,
        skip_dirs: vec![],
    };
    let started = Instant::now();
    let discovery = Discovery::new(spec)?;
    let (mut pages, mut page_bytes, mut failed) = (0u64, 0u64, 0u64);
    let mut discovery = discovery;
    for (seq, found) in discovery.by_ref().enumerate() {
        match load(found, seq, u64::MAX) {
            Ok(doc) => {
                pages += 1;
                page_bytes += doc.bytes.len() as u64;
            }
            Err(_) => failed += 1,
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "streamed {records} records in {seconds:.2} s ({:.0} records/s, {:.1} MB/s of pages): {pages} pages, {failed} errors, skipped {:?}",
        records as f64 / seconds,
        page_bytes as f64 / 1e6 / seconds,
        discovery.skips().warc_records
    );
    println!("peak RSS {:.1} MB", peak_rss_mb().unwrap_or(f64::NAN));
    if keep.is_none() {
        std::fs::remove_file(&path)?;
    }
    Ok(())
}

/// One record, gzipped as its own member.
fn write_record(
    out: &mut impl Write,
    kind: RecordType,
    uri: &str,
    date: &str,
    block: Vec<u8>,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut builder = RecordBuilder::default()
        .warc_type(kind)
        .header(WarcHeader::Date, date)
        .body(block);
    if !uri.is_empty() {
        builder = builder.header(WarcHeader::TargetURI, uri);
    }
    let record = builder.build()?;
    let mut plain = Vec::new();
    WarcWriter::new(&mut plain).write(&record)?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(&plain)?;
    out.write_all(&gz.finish()?)?;
    Ok(())
}

fn http(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"Harbour Times\"></head>\n<body><article>\
         <h1>{title}</h1>\n{body}</article></body></html>\n"
    )
}

fn write_fixture(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::fs::File::create(path)?;
    let date = "2020-01-06T10:00:00Z";
    write_record(
        &mut out,
        RecordType::WarcInfo,
        "",
        date,
        b"software: newsmill warc_bench example\r\n".to_vec(),
    )?;
    let uri = "https://harbourtimes.example/2020/ferry-timetable";
    write_record(
        &mut out,
        RecordType::Request,
        uri,
        date,
        b"GET /2020/ferry-timetable HTTP/1.1\r\nHost: harbourtimes.example\r\n\r\n".to_vec(),
    )?;
    let html = page(
        "Ferry timetable changes from Monday",
        &[
            "The harbour authority will run the morning ferry half an hour earlier from Monday, its director said at a briefing on Friday.",
            "Commuters had asked for the change for two years, and a survey of 1,200 passengers found broad support for it.",
            "The evening crossings stay as they are, and fares will not rise this year.",
        ],
    );
    write_record(
        &mut out,
        RecordType::Response,
        uri,
        date,
        http("200 OK", "text/html; charset=utf-8", &html),
    )?;
    write_record(
        &mut out,
        RecordType::Response,
        "https://harbourtimes.example/missing",
        date,
        http(
            "404 Not Found",
            "text/html",
            "<html><body>Not found</body></html>",
        ),
    )?;
    write_record(
        &mut out,
        RecordType::Response,
        "https://harbourtimes.example/logo.png",
        date,
        http("200 OK", "image/png", "PNG"),
    )?;
    Ok(())
}

fn write_bench(path: &Path, records: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let date = "2021-05-04T12:00:00Z";
    write_record(
        &mut out,
        RecordType::WarcInfo,
        "",
        date,
        b"software: newsmill warc_bench example\r\n".to_vec(),
    )?;
    let paragraph = "The council said on Tuesday that the new bridge would open in the spring, after engineers finished checks on the supports and the approach roads were resurfaced.";
    // About 30 KB of HTML per page, the size of a news page without its scripts.
    let paragraphs: Vec<&str> = std::iter::repeat_n(paragraph, 180).collect();
    for n in 1..records {
        let uri = format!("https://news.example/{n}");
        if n % 2 == 1 {
            let request = format!("GET /{n} HTTP/1.1\r\nHost: news.example\r\n\r\n");
            write_record(
                &mut out,
                RecordType::Request,
                &uri,
                date,
                request.into_bytes(),
            )?;
            continue;
        }
        let block = match n % 20 {
            0 => http("404 Not Found", "text/html", "<html>gone</html>"),
            10 => http("200 OK", "image/jpeg", "JPEG"),
            _ => http(
                "200 OK",
                "text/html; charset=utf-8",
                &page(&format!("Bridge to open in spring, part {n}"), &paragraphs),
            ),
        };
        write_record(&mut out, RecordType::Response, &uri, date, block)?;
    }
    out.flush()?;
    Ok(())
}

/// Peak resident set size of this process, from /proc/self/status (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
