//! `cables parse <file>…`.

use std::io::Read;

use cables::index::{kind_of, records_of_file_split, Kind};

use super::out::Sink;
use super::{Error, ParseArgs, EXIT_OK, EXIT_TROUBLE};

pub fn run(a: ParseArgs) -> Result<u8, Error> {
    let mut sink = Sink::open(&a.out)?;
    let mut code = EXIT_OK;
    for f in &a.files {
        let shown = f.to_string_lossy().into_owned();
        let mut reported = false;
        let records = if shown == "-" {
            let mut buf = Vec::new();
            std::io::stdin().lock().read_to_end(&mut buf)?;
            cables::document::records_from_text_bytes_with(&buf, "-", a.split)
        } else {
            if !f.is_file() {
                eprintln!("cables: error: {}", cables::hint::not_a_file(f));
                code = EXIT_TROUBLE;
                reported = true;
            }
            let kind = kind_of(f).unwrap_or(Kind::Text);
            records_of_file_split(f, &shown, kind, a.split)
        };
        for r in &records {
            if let Some(line) = super::file_error_line(r).filter(|_| !reported) {
                eprintln!("cables: error: {line}");
            }
            sink.write(r)?;
        }
    }
    sink.finish()?;
    Ok(code)
}
