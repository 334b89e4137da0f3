//! Rule levels: the defaults, changed by `cables.toml` and by `--deny`,
//! `--warn`, `--allow`.
//!
//! ```toml
//! # cables.toml at the folder root (or --config FILE)
//! [check]
//! deny = ["warnings", "FN002"]   # "warnings": every warning becomes an error
//! warn = ["REF001"]
//! allow = ["VOL004"]
//! ```
//!
//! Within one source, `allow` is applied first, then `warn`, then `deny`;
//! the command line is applied after the file, so it wins. `deny =
//! ["warnings"]` is applied last of all.

use std::collections::HashMap;

use serde::Deserialize;

use super::{rule_by_id, RULES};
use crate::diag::Severity;

/// The level of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported at this severity.
    Report(Severity),
}

/// Levels of every rule.
#[derive(Debug, Clone)]
pub struct Levels {
    levels: HashMap<&'static str, Level>,
    deny_warnings: bool,
}

impl Default for Levels {
    fn default() -> Self {
        Levels {
            levels: RULES
                .iter()
                .map(|r| (r.id, Level::Report(r.severity)))
                .collect(),
            deny_warnings: false,
        }
    }
}

/// One source of settings: the `[check]` table of `cables.toml`, or the
/// command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Rule ids (or "warnings") raised to error.
    #[serde(default)]
    pub deny: Vec<String>,
    /// Rule ids set to warning.
    #[serde(default)]
    pub warn: Vec<String>,
    /// Rule ids not reported.
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    check: Settings,
}

/// A bad setting: an unknown rule id or a file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Read the settings of a `cables.toml` text.
pub fn parse_file(text: &str) -> Result<Settings, ConfigError> {
    toml::from_str::<File>(text)
        .map(|f| f.check)
        .map_err(|e| ConfigError(e.to_string().trim_end().to_string()))
}

impl Levels {
    /// Apply one source of settings on top of the current levels.
    pub fn apply(&mut self, s: &Settings) -> Result<(), ConfigError> {
        for (ids, level) in [
            (&s.allow, Level::Allow),
            (&s.warn, Level::Report(Severity::Warning)),
            (&s.deny, Level::Report(Severity::Error)),
        ] {
            for id in ids {
                if id.eq_ignore_ascii_case("warnings") {
                    match level {
                        Level::Report(Severity::Error) => self.deny_warnings = true,
                        _ => {
                            return Err(ConfigError(format!(
                                "\"warnings\" can only be denied, not {}",
                                name(level)
                            )))
                        }
                    }
                    continue;
                }
                let rule = rule_by_id(id).ok_or_else(|| {
                    let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
                    ConfigError(format!(
                        "unknown rule id {id:?} (known: {}, or \"warnings\")",
                        known.join(", ")
                    ))
                })?;
                self.levels.insert(rule.id, level);
            }
        }
        Ok(())
    }

    /// Severity of `rule` after all settings; None when allowed.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        match self.levels.get(rule).copied().unwrap_or(Level::Allow) {
            Level::Allow => None,
            Level::Report(Severity::Warning) if self.deny_warnings => Some(Severity::Error),
            Level::Report(s) => Some(s),
        }
    }
}

fn name(l: Level) -> &'static str {
    match l {
        Level::Allow => "allowed",
        Level::Report(Severity::Warning) => "warned",
        Level::Report(_) => "set",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(deny: &[&str], warn: &[&str], allow: &[&str]) -> Settings {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
        Settings {
            deny: v(deny),
            warn: v(warn),
            allow: v(allow),
        }
    }

    #[test]
    fn levels_table() {
        // (settings, rule, expected severity)
        let cases: &[(Settings, &str, Option<Severity>)] = &[
            (Settings::default(), "FN001", Some(Severity::Error)),
            (Settings::default(), "DOC007", Some(Severity::Warning)),
            (Settings::default(), "REF001", Some(Severity::Info)),
            (
                settings(&["DOC007"], &[], &[]),
                "DOC007",
                Some(Severity::Error),
            ),
            (
                settings(&["warnings"], &[], &[]),
                "DOC007",
                Some(Severity::Error),
            ),
            (
                settings(&["warnings"], &[], &[]),
                "REF001",
                Some(Severity::Info),
            ),
            (
                settings(&[], &["FN001"], &[]),
                "FN001",
                Some(Severity::Warning),
            ),
            (
                settings(&["warnings"], &["FN001"], &[]),
                "FN001",
                Some(Severity::Error),
            ),
            (settings(&[], &[], &["fn001"]), "FN001", None),
            (
                settings(&["FN001"], &[], &["FN001"]),
                "FN001",
                Some(Severity::Error),
            ),
        ];
        for (s, rule, want) in cases {
            let mut l = Levels::default();
            l.apply(s).unwrap();
            assert_eq!(l.severity(rule), *want, "{s:?} {rule}");
        }
    }

    #[test]
    fn bad_settings() {
        let mut l = Levels::default();
        assert!(l
            .apply(&settings(&["XX999"], &[], &[]))
            .unwrap_err()
            .0
            .contains("unknown rule id \"XX999\""));
        assert!(l.apply(&settings(&[], &[], &["warnings"])).is_err());
    }

    #[test]
    fn file_table() {
        let s = parse_file("[check]\ndeny = [\"warnings\"]\nallow = [\"REF001\"]\n").unwrap();
        assert_eq!(s, settings(&["warnings"], &[], &["REF001"]));
        assert_eq!(parse_file("").unwrap(), Settings::default());
        assert!(parse_file("[check]\ndenny = []\n").is_err());
        assert!(parse_file("[check\n").is_err());
    }
}
