//! `cables check <dir>`.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::time::Instant;

use cables::check::config::{parse_file, Settings};
use cables::check::report::{self, Format};
use cables::check::{self, Levels, Options};
use cables::Severity;

use super::{CheckArgs, CheckFormat, Error, EXIT_OK, EXIT_TROUBLE};

/// Exit code: findings at error level.
const EXIT_FINDINGS: u8 = 1;

pub fn run(a: CheckArgs) -> Result<u8, Error> {
    let start = Instant::now();
    let mut levels = Levels::default();
    let config_path = match &a.config {
        Some(p) => Some(p.clone()),
        None => Some(a.dir.join("cables.toml")).filter(|p| a.dir.is_dir() && p.is_file()),
    };
    if let Some(p) = &config_path {
        let settings = std::fs::read_to_string(p)
            .map_err(|e| format!("{e}"))
            .and_then(|t| parse_file(&t).map_err(|e| e.to_string()))
            .and_then(|s| levels.apply(&s).map_err(|e| e.to_string()));
        if let Err(e) = settings {
            eprintln!("cables: error: {}: {e}", p.display());
            return Ok(EXIT_TROUBLE);
        }
    }
    let cli = Settings {
        deny: a.deny.clone(),
        warn: a.warn.clone(),
        allow: a.allow.clone(),
    };
    if let Err(e) = levels.apply(&cli) {
        eprintln!("cables: error: {e}");
        return Ok(EXIT_TROUBLE);
    }
    let opts = Options {
        follow_links: a.follow,
        split: a.split,
    };
    let rep = match check::check(&a.dir, &levels, &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cables: error: {e}");
            return Ok(EXIT_TROUBLE);
        }
    };
    for m in &rep.walk_messages {
        eprintln!("cables: warning: {m}");
    }
    let format = match a.format {
        CheckFormat::Human => Format::Human,
        CheckFormat::Json => Format::Json,
        CheckFormat::Github => Format::Github,
        CheckFormat::Sarif => Format::Sarif,
    };
    let stdout = io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    report::write(&mut w, &rep.findings, format, color)?;
    w.flush()?;
    if !a.quiet {
        for line in report::summary_lines(&rep.findings, rep.files) {
            eprintln!("cables: {line}");
        }
        eprintln!("cables: {:.2} s", start.elapsed().as_secs_f64());
        if rep.files == 0 {
            eprintln!("cables: no .txt files under {}", a.dir.display());
        }
    }
    Ok(if rep.count(Severity::Error) > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
