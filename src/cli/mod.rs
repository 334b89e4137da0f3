//! Command-line declarations (clap derive) and the glue to the library.
//! Each subcommand lives in its own file and exposes `run`.

mod index;
mod out;
mod parse;

use std::io;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit code: no error.
pub const EXIT_OK: u8 = 0;
/// Exit code: usage error, unreadable root, or output failure.
pub const EXIT_TROUBLE: u8 = 2;

/// The error type of subcommands.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// True when `e` is a closed pipe: `cables index … | head` ends quietly.
pub fn is_broken_pipe(e: &Error) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e.as_ref());
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        if let Some(crate_err) = err.downcast_ref::<cables::index::Error>() {
            if let cables::index::Error::Sink(io) = crate_err {
                return io.kind() == io::ErrorKind::BrokenPipe;
            }
        }
        cur = err.source();
    }
    false
}

/// Turn FRUS diplomatic documents into JSON records, and check folders of them.
#[derive(Debug, Parser)]
#[command(name = "cables", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Index a folder: one JSON record per document, in path order.
    ///
    /// Examples:
    ///   cables index fixtures > index.ndjson
    ///   cables index fixtures | jq 'select(.routing.series == "Hakto") | .title'
    ///   cables index fixtures --format json --pretty --out index.json
    #[command(verbatim_doc_comment)]
    Index(IndexArgs),
    /// Parse files (or - for stdin) and write their records.
    ///
    /// Examples:
    ///   cables parse fixtures/seed/frus1969-76v16-d67.txt | jq .footnotes
    ///   pbpaste | cables parse - | jq '{number, title, routing}'
    #[command(verbatim_doc_comment)]
    Parse(ParseArgs),
    /// Print the JSON Schema of a record.
    ///
    /// Example:
    ///   cables schema | jq '.properties | keys'
    #[command(verbatim_doc_comment)]
    Schema,
}

/// Output options shared by index and parse.
#[derive(Debug, clap::Args)]
struct OutArgs {
    /// Output layout: one record per line, or one JSON array.
    #[arg(long, value_enum, default_value_t = OutFormat::Ndjson)]
    format: OutFormat,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
    /// Write to FILE atomically (a temporary file, then rename) instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutFormat {
    Ndjson,
    Json,
}

#[derive(Debug, clap::Args)]
struct IndexArgs {
    /// The folder to index (walked recursively; .txt and .xml files are read).
    dir: PathBuf,
    #[command(flatten)]
    out: OutArgs,
    /// Follow symbolic links (they are skipped by default).
    #[arg(long)]
    follow: bool,
    /// Reuse the records of unchanged files (same size, mtime, content hash
    /// and parser version) from the previous --out FILE, using the cache
    /// FILE.cables-cache next to it. Needs --out and NDJSON output.
    #[arg(long, requires = "out")]
    incremental: bool,
    /// Print no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, clap::Args)]
struct ParseArgs {
    /// Files to parse; - reads stdin.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    out: OutArgs,
}

/// Parse arguments and run; returns the exit code.
pub fn run() -> Result<u8, Error> {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_TROUBLE } else { EXIT_OK };
            e.print()?;
            return Ok(code);
        }
    };
    match cli.command {
        Command::Index(a) => index::run(a),
        Command::Parse(a) => parse::run(a),
        Command::Schema => {
            let schema = schemars::schema_for!(cables::Record);
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            serde_json::to_writer_pretty(&mut lock, &schema)?;
            io::Write::write_all(&mut lock, b"\n")?;
            Ok(EXIT_OK)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
