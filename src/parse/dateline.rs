//! Datelines: "Paris, December 16, 1958, 11 p.m.", "Washington, undated.",
//! "Department of State,\nWashington, September 12, 1900.", "Moscow,
//! February 11, 1967, 0533Z".

use std::sync::LazyLock;

use regex::Regex;

use crate::record::Dateline;

/// The months, as the patterns of the parser and the splitter spell them.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `text.contains("dated") || MONTHS.iter().any(|m| text.contains(m))`, in
/// one pass over the bytes (thirteen substring searches cost more on the
/// short blocks this reads).
fn has_month_or_dated(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        let rest = &b[i..];
        match b[i] {
            b'd' => rest.starts_with(b"dated"),
            c if c.is_ascii_uppercase() => MONTHS.iter().any(|m| rest.starts_with(m.as_bytes())),
            _ => false,
        }
    })
}

/// The most characters of a dateline's place after its first.
const PLACE_MAX: usize = 80;

/// The dateline pattern (see [`parse`] for the length of the place).
const PATTERN: &str = r"(?x)^
    (?P<place>[A-Z][^\n]*?),\s+
    (?:
      (?P<undated>undated|not\ dated)
    | (?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)
         (?:\s(?P<day>\d{1,2}))?,?\s(?P<year>\d{4})
         (?:[,—–-]\s*(?P<time>\d{1,2}(?::\d{2})?\s?[ap]\.\s?m\.|noon|midnight|\d{4}Z|\d{4}\s?[A-Z]{1,4}|[a-z]+\s?[a-z.]*))?)
    )
    \.?$";

/// Read a block as a dateline, or None when it is not one.
///
/// The place is at most [`PLACE_MAX`] characters after the first. The
/// pattern leaves its length unbounded, and the bound is tested on the
/// place found: the bounded pattern made a large automaton, which the lazy
/// DFA rebuilt on most calls (30,000 instructions a call; issue 4). The
/// answers are the same: the place is lazy, so the match takes the
/// shortest place that lets the rest match, in both patterns; when that is
/// too long, the bounded pattern has no match.
pub fn parse(block: &str, offset: usize) -> Option<Dateline> {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(PATTERN).expect("regex"));
    let text = block.trim();
    // The place opens with an ASCII capital and a comma follows it: two
    // byte tests that refuse most blocks before the lines are counted.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        || memchr::memchr(b',', text.as_bytes()).is_none()
    {
        return None;
    }
    if text.len() > 160 || text.lines().count() > 3 {
        return None;
    }
    // The pattern needs "dated" ("undated", "not dated") or a month's
    // name; and a cheap match comes before the search for the captures.
    if !has_month_or_dated(text) {
        return None;
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !RE.is_match(&flat) {
        return None;
    }
    let c = RE.captures(&flat)?;
    if c.name("place")?.as_str().chars().count() > PLACE_MAX + 1 {
        return None;
    }
    let place = c.name("place").map(|p| p.as_str().trim().to_string());
    // A sentence is not a place: places have few words and no verbs.
    if let Some(p) = &place {
        if p.split_whitespace().count() > 8
            || p.ends_with(" is")
            || p.contains(" the ") && !p.starts_with("Department")
        {
            return None;
        }
    }
    let date = if c.name("undated").is_some() {
        None
    } else {
        let year: u32 = c.name("year")?.as_str().parse().ok()?;
        let month = c
            .name("month")
            .and_then(|m| MONTHS.iter().position(|x| *x == m.as_str()))
            .map(|i| i + 1);
        let day: Option<u32> = c.name("day").and_then(|d| d.as_str().parse().ok());
        Some(match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        })
    };
    Some(Dateline {
        text: flat.clone(),
        place,
        date,
        time: c.name("time").map(|t| t.as_str().trim().to_string()),
        offset,
    })
}

/// True when an ISO date is a real calendar date.
pub fn valid_iso(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y] => num(y).is_some(),
        [y, m] => num(y).is_some() && num(m).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) else {
                return false;
            };
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_month_or_dated_is_the_substring_test() {
        for t in [
            "",
            "Paris, December 16, 1958",
            "Washington, undated.",
            "not dated",
            "Dated",
            "Mayor of Paris",
            "JUNE 4",
            "Julyx",
            "Ma",
            "the 4th of Augus",
            "Señor, Octobe, Novembe",
            "Sept. 4, 1900",
        ] {
            let want = t.contains("dated") || MONTHS.iter().any(|m| t.contains(m));
            assert_eq!(has_month_or_dated(t), want, "{t:?}");
        }
    }

    /// The captures of the pattern with the place bounded, as it was
    /// written before (None when it does not match).
    fn bounded(flat: &str) -> Option<Vec<Option<(usize, usize)>>> {
        static RE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&PATTERN.replace(r"[^\n]*?", r"[^\n]{0,80}?")).unwrap());
        let c = RE.captures(flat)?;
        Some(c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
    }

    /// The same, from the unbounded pattern and the test of the place.
    fn unbounded(flat: &str) -> Option<Vec<Option<(usize, usize)>>> {
        static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(PATTERN).unwrap());
        let c = RE.captures(flat)?;
        if c.name("place")?.as_str().chars().count() > PLACE_MAX + 1 {
            return None;
        }
        Some(c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
    }

    #[test]
    fn place_bound_is_the_bounded_pattern() {
        let long = "Headquarters of the Commander in Chief of the Allied Expeditionary Force";
        for flat in [
            "Paris, December 16, 1958, 11 p.m.",
            "Washington, undated.",
            // Places of 81 and 82 characters; a comma in a long place.
            &format!("P{}, May 3, 1942.", "x".repeat(80)),
            &format!("P{}, May 3, 1942.", "x".repeat(81)),
            &format!("{long}, at Reims, May 7, 1945."),
            &format!("{long}, near Reims, in the field, May 7, 1945, 2 a.m."),
            &format!("É{}, Rome, June 2, 1950.", "é".repeat(79)),
        ] {
            assert_eq!(unbounded(flat), bounded(flat), "{flat:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn place_bound_is_the_bounded_pattern_on_words(words in proptest::collection::vec(
            "Paris|Department of State|Headquarters of the Commander|[A-Z][a-z]{0,12}|[a-z]{1,9}|,|May|June|undated|[0-9]{1,4}|1958|p\\.m\\.|0533Z|é",
            0..30,
        )) {
            let flat = words.join(" ");
            proptest::prop_assert_eq!(unbounded(&flat), bounded(&flat), "{:?}", flat);
            let flat = words.join(", ");
            proptest::prop_assert_eq!(unbounded(&flat), bounded(&flat), "{:?}", flat);
        }
    }

    #[test]
    fn dateline_table() {
        let cases: &[(&str, Option<(&str, Option<&str>, Option<&str>)>)] = &[
            (
                "Paris, December 16, 1958, 11 p.m.",
                Some(("Paris", Some("1958-12-16"), Some("11 p.m."))),
            ),
            ("Washington, undated.", Some(("Washington", None, None))),
            (
                "Department of State,\nWashington, September 12, 1900.",
                Some(("Department of State, Washington", Some("1900-09-12"), None)),
            ),
            (
                "Moscow, February 11, 1967, 0533Z.",
                Some(("Moscow", Some("1967-02-11"), Some("0533Z"))),
            ),
            ("Peking, May 1942.", Some(("Peking", Some("1942-05"), None))),
            ("I think the reason behind this, May 3, 1942.", None),
            ("Dear Mr. President:", None),
            // The place opens with an ASCII capital; a comma follows it.
            (
                "  Rome, June 2, 1950.  ",
                Some(("Rome", Some("1950-06-02"), None)),
            ),
            ("paris, December 16, 1958", None),
            ("“Paris, December 16, 1958", None),
            ("Paris December 16 1958", None),
        ];
        for (text, want) in cases {
            let got = parse(text, 0);
            let got = got.as_ref().map(|d| {
                (
                    d.place.as_deref().unwrap_or(""),
                    d.date.as_deref(),
                    d.time.as_deref(),
                )
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn iso_table() {
        for (d, ok) in [
            ("1958-12-16", true),
            ("1958-02-29", false),
            ("1960-02-29", true),
            ("1958-13", false),
            ("1958", true),
            ("x", false),
        ] {
            assert_eq!(valid_iso(d), ok, "{d}");
        }
    }
}
