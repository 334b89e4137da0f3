//! Writing findings: human text, JSON lines, GitHub workflow commands,
//! SARIF 2.1.0.
//!
//! * human: `path:line:col: severity[ID]: message`, then the line and a
//!   caret under the column; colour only when asked (the CLI asks on a
//!   terminal without NO_COLOR).
//! * json: one object per line: `{"path", "rule", "severity", "message",
//!   "line", "column", "offset"}`.
//! * github: `::error file=…,line=…,col=…,title=ID::message` (`warning`,
//!   `notice` for info), escaped as the workflow-command grammar wants.
//! * sarif: one SARIF 2.1.0 log with the rules in `tool.driver.rules` and
//!   one result per finding.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::json;

use super::{Finding, RULES};
use crate::diag::Severity;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Human,
    /// JSON lines.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// Write `findings` in `format` to `w`.
pub fn write<W: Write>(
    w: &mut W,
    findings: &[Finding],
    format: Format,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Human => human(w, findings, color),
        Format::Json => {
            for f in findings {
                serde_json::to_writer(&mut *w, f)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        }
        Format::Github => {
            for f in findings {
                writeln!(w, "{}", github_line(f))?;
            }
            Ok(())
        }
        Format::Sarif => {
            serde_json::to_writer_pretty(&mut *w, &sarif(findings))?;
            w.write_all(b"\n")
        }
    }
}

fn human<W: Write>(w: &mut W, findings: &[Finding], color: bool) -> io::Result<()> {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    for f in findings {
        let sev = match f.severity {
            Severity::Error => paint("1;31", "error"),
            Severity::Warning => paint("1;33", "warning"),
            Severity::Info => paint("1;36", "info"),
        };
        writeln!(
            w,
            "{}:{}:{}: {sev}[{}]: {}",
            f.path, f.line, f.column, f.rule, f.message
        )?;
        if !f.source_line.is_empty() {
            let shown: String = f
                .source_line
                .chars()
                .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
                .collect();
            writeln!(w, "    {shown}")?;
            let pad = " ".repeat(f.source_column.saturating_sub(1));
            writeln!(w, "    {pad}{}", paint("1;32", "^"))?;
        }
    }
    Ok(())
}

/// The workflow command of one finding.
pub fn github_line(f: &Finding) -> String {
    let cmd = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    format!(
        "::{cmd} file={},line={},col={},title={}::{}",
        escape_property(&f.path),
        f.line,
        f.column,
        escape_property(f.rule),
        escape_data(&f.message)
    )
}

/// Escape a message (GitHub's `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (GitHub's `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF 2.1.0 log of `findings`.
pub fn sarif(findings: &[Finding]) -> serde_json::Value {
    let rules: Vec<serde_json::Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "defaultConfiguration": { "level": sarif_level(r.severity) },
            })
        })
        .collect();
    let index: BTreeMap<&str, usize> = RULES.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            json!({
                "ruleId": f.rule,
                "ruleIndex": index.get(f.rule).copied().unwrap_or(0),
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&f.path) },
                        "region": { "startLine": f.line, "startColumn": f.column, "byteOffset": f.offset },
                    }
                }],
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "cables",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// A relative URI reference for a path: "/" separators, spaces and other
/// reserved bytes percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Summary lines for stderr: one per severity, with the count per rule.
pub fn summary_lines(findings: &[Finding], files: usize) -> Vec<String> {
    let mut lines = vec![format!("{files} files checked")];
    for (sev, plural) in [
        (Severity::Error, "errors"),
        (Severity::Warning, "warnings"),
        (Severity::Info, "infos"),
    ] {
        let mut per: BTreeMap<&str, usize> = BTreeMap::new();
        // A cap's line stands for the findings it hides.
        for f in findings.iter().filter(|f| f.severity == sev) {
            *per.entry(f.rule).or_default() += f.more.max(1);
        }
        let total: usize = per.values().sum();
        let detail: Vec<String> = per.iter().map(|(r, n)| format!("{r} {n}")).collect();
        if detail.is_empty() {
            lines.push(format!("0 {plural}"));
        } else {
            lines.push(format!("{total} {plural} ({})", detail.join(", ")));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(path: &str, msg: &str) -> Finding {
        Finding {
            path: path.into(),
            rule: "FN001",
            severity: Severity::Error,
            message: msg.into(),
            line: 3,
            column: 7,
            offset: 40,
            more: 0,
            source_line: "abc".into(),
            source_column: 2,
        }
    }

    #[test]
    fn github_escapes() {
        let cases = [
            (
                ("a/d1.txt", "plain"),
                "::error file=a/d1.txt,line=3,col=7,title=FN001::plain",
            ),
            (
                ("a,b:c.txt", "50% done\nnext"),
                "::error file=a%2Cb%3Ac.txt,line=3,col=7,title=FN001::50%25 done%0Anext",
            ),
        ];
        for ((p, m), want) in cases {
            assert_eq!(github_line(&finding(p, m)), want);
        }
    }

    #[test]
    fn uri_table() {
        for (p, want) in [
            ("a/d1.txt", "a/d1.txt"),
            ("my dir/d 2.txt", "my%20dir/d%202.txt"),
            ("é.txt", "%C3%A9.txt"),
        ] {
            assert_eq!(uri(p), want);
        }
    }

    #[test]
    fn summary_counts_what_a_cap_hides() {
        let mut capped = finding("d1.txt", "7 more FN001 findings in this file");
        capped.more = 7;
        let mut warn = finding("d1.txt", "w");
        warn.severity = Severity::Warning;
        warn.rule = "PG001";
        let lines = summary_lines(&[finding("d1.txt", "a"), capped, warn], 1);
        assert_eq!(
            lines,
            [
                "1 files checked",
                "8 errors (FN001 8)",
                "1 warnings (PG001 1)",
                "0 infos"
            ]
        );
    }

    #[test]
    fn human_format() {
        let mut out = Vec::new();
        human(&mut out, &[finding("d1.txt", "m")], false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "d1.txt:3:7: error[FN001]: m\n    abc\n     ^\n"
        );
    }
}
