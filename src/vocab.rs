//! Vocabularies of the field (FIELD.md §3): classifications, handling
//! caveats, precedences, routing series, document types.

/// Classification markings, canonical spelling.
pub const CLASSIFICATIONS: &[&str] = &[
    "Top Secret",
    "Secret",
    "Confidential",
    "Strictly Confidential",
    "Limited Official Use",
    "Official Use Only",
    "Restricted",
    "Unclassified",
    "No classification marking",
];

/// Handling caveats and captions, canonical spelling.
pub const HANDLING: &[&str] = &[
    "Nodis",
    "Exdis",
    "Limdis",
    "Limit Distribution",
    "Limited Distribution",
    "Presidential Treatment",
    "Personal and Private",
    "Sensitive",
    "Eyes Only",
    "Exclusively Eyes Only",
    "Literally Eyes Only",
    "Noforn",
    "Controlled Dissem",
    "Not for the System",
    "Cherokee",
    "Nodis Cherokee",
    "Specat Exclusive",
    "Specat",
    "Sipdis",
    "Stadis",
    "Personal",
    "Personal and Confidential",
    "Private",
    "No Distribution",
    "Eyes Only for the Secretary",
    "Personal for the Secretary",
    "Exdis (distribute as Nodis)",
];

/// Precedences, canonical spelling, longest first.
pub const PRECEDENCE: &[&str] = &[
    "Flash Override",
    "Niact Immediate",
    "Operational Immediate",
    "Flash",
    "Niact",
    "Immediate",
    "Priority",
    "Routine",
    "Deferred",
    "Urgent",
    "Triple Priority",
];

/// Routing series indicators (FIELD.md §3.1).
pub const SERIES: &[&str] = &[
    "Hakto", "Tohak", "Secto", "Tosec", "Dulte", "Tedul", "Actel", "Telac", "Tasto", "Totas",
    "Polto", "Topol", "Delga", "Gadel", "Colux", "Todef", "Toica", "Ecato", "Usdel", "Cirtel",
    "Martel", "Tomap", "Delau", "Critic",
];

/// Document types that open a modern head, longest first so that
/// "Memorandum of Conversation" wins over "Memorandum".
pub const DOC_TYPES: &[&str] = &[
    "Memorandum of Discussion at the",
    "Memorandum of a Conversation",
    "Memorandum of Conversation",
    "Memorandum for the Record",
    "Memorandum for the President",
    "Special National Intelligence Estimate",
    "National Intelligence Estimate",
    "Special National Intelligence Estimates",
    "National Security Council Report",
    "National Security Action Memorandum",
    "National Security Decision Memorandum",
    "National Security Study Memorandum",
    "Intelligence Memorandum",
    "Information Memorandum",
    "Action Memorandum",
    "Intelligence Report",
    "Intelligence Note",
    "Intelligence Information Cable",
    "Circular Telegram",
    "Backchannel Message",
    "Telegram",
    "Message",
    "Memorandum",
    "Letter",
    "Despatch",
    "Dispatch",
    "Instruction",
    "Airgram",
    "Editorial Note",
    "Position Paper",
    "Paper",
    "Study",
    "Report",
    "Record of Meeting",
    "Record of a Meeting",
    "Summary of Conclusions",
    "Minutes",
    "Notes of a Meeting",
    "Notes of Meeting",
    "Notes",
    "Note",
    "Transcript of Telephone Conversation",
    "Transcript of a Telephone Conversation",
    "Telephone Conversation",
    "Diary Entry",
    "Conversation",
    "Aide-Mémoire",
    "Aide-Memoire",
    "Circular Airgram",
    "Circular Instruction",
    "Circular",
    "Statement",
    "Press Release",
    "Draft",
    "Record",
    "Summary",
    "Briefing Paper",
    "Talking Points",
    "Editorial note",
];

/// Canonical form of a classification, handling or precedence token, or
/// None when the token is in no vocabulary.
pub fn classify_token(token: &str) -> Option<(Kind, &'static str)> {
    let t = token.trim().trim_end_matches('.').trim();
    for (kind, list) in [
        (Kind::Classification, CLASSIFICATIONS),
        (Kind::Precedence, PRECEDENCE),
        (Kind::Handling, HANDLING),
    ] {
        if let Some(c) = list.iter().find(|c| c.eq_ignore_ascii_case(t)) {
            return Some((kind, c));
        }
    }
    None
}

/// Which vocabulary a marking token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Top Secret, Secret, …
    Classification,
    /// Nodis, Exdis, …
    Handling,
    /// Flash, Immediate, …
    Precedence,
}

/// True when `word` is a routing series: listed, or shaped like one
/// ("To" + 3 letters, or 3–4 letters + "to", Title case).
pub fn is_series(word: &str) -> bool {
    if SERIES.iter().any(|s| s.eq_ignore_ascii_case(word)) {
        return true;
    }
    let b = word.as_bytes();
    if b.len() != 5 || !b[0].is_ascii_uppercase() || !b[1..].iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    (word.starts_with("To")
        && !matches!(
            word,
            "Today" | "Token" | "Tokyo" | "Total" | "Topic" | "Touch" | "Tower" | "Towns" | "Toxic"
        ))
        || (word.ends_with("to")
            && !matches!(
                word,
                "Otto"
                    | "Porto"
                    | "Canto"
                    | "Junto"
                    | "Pinto"
                    | "Ditto"
                    | "Photo"
                    | "Alto"
                    | "Pluto"
            ))
}

/// The canonical series spelling ("SECTO" → "Secto").
pub fn series_name(word: &str) -> String {
    if let Some(s) = SERIES.iter().find(|s| s.eq_ignore_ascii_case(word)) {
        return (*s).to_string();
    }
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_table() {
        let cases = [
            ("Secret", Some((Kind::Classification, "Secret"))),
            ("top secret", Some((Kind::Classification, "Top Secret"))),
            (
                "Exclusively Eyes Only",
                Some((Kind::Handling, "Exclusively Eyes Only")),
            ),
            ("Flash.", Some((Kind::Precedence, "Flash"))),
            (
                "niact immediate",
                Some((Kind::Precedence, "Niact Immediate")),
            ),
            ("Drafted by Dulles", None),
        ];
        for (t, want) in cases {
            assert_eq!(classify_token(t), want, "{t}");
        }
    }

    #[test]
    fn series_table() {
        for (w, want) in [
            ("Hakto", true),
            ("SECTO", true),
            ("Tosec", true),
            ("Dulte", true),
            ("Today", false),
            ("Photo", false),
            ("Secret", false),
            ("Topol", true),
        ] {
            assert_eq!(is_series(w), want, "{w}");
        }
        assert_eq!(series_name("SECTO"), "Secto");
    }
}
