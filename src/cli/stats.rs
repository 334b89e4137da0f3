//! `cables stats <dir|index.ndjson|index.json|->`.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};

use cables::index::{self, Options};
use cables::stats::{self, Stats};

use super::{Error, StatsArgs, StatsFormat, EXIT_OK, EXIT_TROUBLE};

pub fn run(a: StatsArgs) -> Result<u8, Error> {
    let shown = a.input.display().to_string();
    let is_index = matches!(
        a.input.extension().and_then(|e| e.to_str()),
        Some("ndjson" | "json")
    );
    let result: Stats = if shown == "-" {
        match stats::of_index(io::stdin().lock()) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cables: error: stdin: {e}");
                return Ok(EXIT_TROUBLE);
            }
        }
    } else if is_index && !a.input.is_dir() {
        let f = match File::open(&a.input) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("cables: error: {}", cables::hint::cannot_read(&a.input, &e));
                return Ok(EXIT_TROUBLE);
            }
        };
        match stats::of_index(BufReader::with_capacity(1 << 16, f)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cables: error: {shown}: {e}");
                eprintln!("cables: hint: give the folder itself, or an index written by `cables index DIR > index.ndjson`");
                return Ok(EXIT_TROUBLE);
            }
        }
    } else {
        let opts = Options {
            follow_links: a.follow,
            ..Options::default()
        };
        match stats::of_folder(&a.input, &opts, |msg| eprintln!("cables: warning: {msg}")) {
            Ok((s, summary)) => {
                if summary.files == 0 {
                    eprintln!("cables: {}", cables::hint::no_documents(&a.input));
                }
                s
            }
            Err(index::Error::Root(p, e)) => {
                eprintln!("cables: error: {}", cables::hint::cannot_read(&p, &e));
                return Ok(EXIT_TROUBLE);
            }
            Err(e) => return Err(Box::new(e)),
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match a.format {
        StatsFormat::Table => stats::render_table(&result, &mut out)?,
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &result)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}
