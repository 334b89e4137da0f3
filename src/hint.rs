//! Error messages that say what to do: a path that does not exist gets a
//! "did you mean" for a sibling with a similar name; a folder without
//! documents says what it holds instead.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Entries looked at when describing a folder without documents.
const LOOK: usize = 10_000;

/// "cannot read DIR: No such file or directory; did you mean fixtures?"
/// (without the "cables: error: " prefix).
pub fn cannot_read(path: &Path, err: &io::Error) -> String {
    let mut msg = format!("cannot read {}: {}", path.display(), plain(err));
    if err.kind() == io::ErrorKind::NotFound {
        if let Some(s) = did_you_mean(path) {
            msg.push_str(&format!("; did you mean {}?", s.display()));
        }
    }
    msg
}

/// "x.txt: not a readable file" for `cables parse`, with what to do: a
/// folder is for `cables index`; a missing file may have a close sibling.
pub fn not_a_file(path: &Path) -> String {
    let shown = path.display();
    if path.is_dir() {
        return format!(
            "{shown}: is a folder; to read every document in it, run: cables index {shown}"
        );
    }
    let mut msg = format!("{shown}: not a readable file");
    if !path.exists() {
        if let Some(s) = did_you_mean(path) {
            msg.push_str(&format!("; did you mean {}?", s.display()));
        }
    }
    msg
}

/// The io error without its " (os error 2)" tail.
fn plain(err: &io::Error) -> String {
    let s = err.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

/// A sibling of `path` (same parent folder) whose name is close to the
/// name of `path`: equal ignoring case, or within an edit distance of
/// about a third of the name. None when the parent cannot be read or
/// nothing is close.
pub fn did_you_mean(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let limit = (name.chars().count() / 3).max(1);
    let mut best: Option<(usize, String)> = None;
    for entry in fs::read_dir(parent).ok()?.flatten() {
        let Some(cand) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if cand == name || cand.starts_with('.') {
            continue;
        }
        let d = if cand.eq_ignore_ascii_case(name) {
            0
        } else {
            distance(&cand.to_lowercase(), &name.to_lowercase())
        };
        if d <= limit
            && best
                .as_ref()
                .is_none_or(|(bd, bn)| d < *bd || (d == *bd && cand < *bn))
        {
            best = Some((d, cand));
        }
    }
    let (_, cand) = best?;
    Some(match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(cand),
        _ => PathBuf::from(cand),
    })
}

/// Edit distance over chars, a swap of two neighbours counting as one
/// edit ("sede" is one edit from "seed"; optimal string alignment).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // d[i][j]: distance between a[..i] and b[..j].
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// What to say when `root` holds no .txt or .xml file: "no .txt or .xml
/// files under DIR; found 12 .html files, 1 .pdf file; cables reads .txt
/// (page text) and .xml (TEI)". Looks at the first 10,000 entries.
pub fn no_documents(root: &Path) -> String {
    let mut by_ext: BTreeMap<String, usize> = BTreeMap::new();
    let mut files = 0;
    for entry in WalkDir::new(root).into_iter().take(LOOK).flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        files += 1;
        let ext = match entry.path().extension().and_then(|e| e.to_str()) {
            Some(e) => format!(".{}", e.to_lowercase()),
            None => "extension-less".to_string(),
        };
        *by_ext.entry(ext).or_default() += 1;
    }
    let mut msg = format!("no .txt or .xml files under {}", root.display());
    if files == 0 {
        msg.push_str(" (it holds no files)");
    } else {
        let mut kinds: Vec<(String, usize)> = by_ext.into_iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let shown: Vec<String> = kinds
            .iter()
            .take(4)
            .map(|(ext, n)| format!("{n} {ext} file{}", if *n == 1 { "" } else { "s" }))
            .collect();
        msg.push_str(&format!("; found {}", shown.join(", ")));
        if kinds.len() > 4 {
            msg.push_str(", …");
        }
    }
    msg.push_str("; cables reads .txt (page text) and .xml (TEI)");
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        for (a, b, d) in [
            ("", "", 0),
            ("abc", "abc", 0),
            ("fixtures", "fixture", 1),
            ("corpsu", "corpus", 1),
            ("sede", "seed", 1),
            ("abcd", "abdc", 1),
            ("kitten", "sitting", 3),
            ("", "ab", 2),
        ] {
            assert_eq!(distance(a, b), d, "{a} {b}");
        }
    }

    #[test]
    fn suggests_a_sibling() {
        let t = tempfile::tempdir().unwrap();
        fs::create_dir(t.path().join("corpus")).unwrap();
        fs::create_dir(t.path().join("seed")).unwrap();
        assert_eq!(
            did_you_mean(&t.path().join("corpsu")),
            Some(t.path().join("corpus"))
        );
        assert_eq!(
            did_you_mean(&t.path().join("Corpus")),
            Some(t.path().join("corpus"))
        );
        assert_eq!(did_you_mean(&t.path().join("zzzzzzz")), None);
        assert_eq!(did_you_mean(&t.path().join("nowhere/corpus")), None);
        let e = io::Error::from(io::ErrorKind::NotFound);
        let msg = cannot_read(&t.path().join("sede"), &e);
        assert!(
            msg.ends_with(&format!(
                "; did you mean {}?",
                t.path().join("seed").display()
            )),
            "{msg}"
        );
    }

    #[test]
    fn parse_of_a_folder_or_a_typo() {
        let t = tempfile::tempdir().unwrap();
        fs::write(t.path().join("d67.txt"), "x").unwrap();
        let dir = t.path().display();
        assert_eq!(
            not_a_file(t.path()),
            format!("{dir}: is a folder; to read every document in it, run: cables index {dir}")
        );
        assert_eq!(
            not_a_file(&t.path().join("d76.txt")),
            format!("{dir}/d76.txt: not a readable file; did you mean {dir}/d67.txt?")
        );
        assert_eq!(
            not_a_file(&t.path().join("zzz")),
            format!("{dir}/zzz: not a readable file")
        );
    }

    #[test]
    fn says_what_a_folder_holds() {
        let t = tempfile::tempdir().unwrap();
        assert!(no_documents(t.path()).contains("(it holds no files)"));
        for i in 0..3 {
            fs::write(t.path().join(format!("d{i}.html")), "x").unwrap();
        }
        fs::write(t.path().join("a.PDF"), "x").unwrap();
        let msg = no_documents(t.path());
        assert!(
            msg.ends_with(
                "; found 3 .html files, 1 .pdf file; cables reads .txt (page text) and .xml (TEI)"
            ),
            "{msg}"
        );
    }
}
