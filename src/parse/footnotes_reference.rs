//! The footnote alignment as it was before the CPU work of issue 4 linked
//! candidates by key (commit da5f292): each candidate linked to every
//! earlier candidate of a key that may come before it. Kept, for the tests
//! only, as the oracle of `align_hinted`, which must give the same marks on
//! any candidates (`footnotes::tests::align_is_the_reference`).

use super::*;

pub(super) fn align_hinted(
    src: &str,
    cands: &[Candidate],
    n: usize,
    first_unmarked: bool,
    repeat: &[bool],
) -> Alignment {
    // What leaving item 0 unmarked costs less than another item.
    let free0 = if first_unmarked { MISSING } else { 0 };
    if n == 0 {
        return Alignment::default();
    }
    let m = cands.len();
    // The table below is candidates × items; beyond a few million cells (a
    // file of 100,000 notes) a greedy walk takes its place, so time and
    // memory stay linear.
    if m.saturating_mul(n) > 4_000_000 {
        return align_greedy(src, cands, n);
    }
    const NONE: i32 = i32::MIN / 4;
    // dp[j * n + k]: best score with candidate j as the mark of item k.
    let mut dp = vec![NONE; m * n];
    // parent[j * n + k]: the cell the best chain came from, or NO_PARENT.
    // u32, half the table to fill: its indexes are below m * n, at most
    // the 4,000,000 cells above.
    const NO_PARENT: u32 = u32::MAX;
    let mut parent = vec![NO_PARENT; m * n];
    // Candidates whose group is finished, to link from.
    let mut by_key: std::collections::HashMap<(u64, Option<u8>), Vec<usize>, MixState> =
        std::collections::HashMap::with_hasher(MixState::new());
    // The values in `by_key`, by their low twelve bits: a key whose bit is
    // clear is in no list, and is not hashed and looked up (most of the
    // sixteen keys of a candidate are in none; issue 4).
    let mut seen_values = [0u64; 64];
    let value_bit = |v: u64| ((v % 4096 / 64) as usize, 1u64 << (v % 64));
    let mut done = 0; // cands[..done] are linkable
                      // Best linkable numeric chain ending at item k (for restarts), and the
                      // linkable symbol candidates (few), so that no step scans every earlier
                      // candidate.
    let mut best_num: Vec<(i32, usize)> = vec![(NONE, usize::MAX); n];
    let mut symbols_done: Vec<usize> = Vec::new();
    let mut links: Vec<(usize, i32)> = Vec::new();
    let mut sym_links: Vec<(usize, i32)> = Vec::new();
    // The bonus for a repeated value, per item (see below).
    let no_again = vec![0; n];
    let again_at: Vec<i32> = (0..n)
        .map(|k| {
            if repeat.get(k).copied().unwrap_or(false) {
                6
            } else {
                0
            }
        })
        .collect();
    for j in 0..m {
        while done < j && cands[done].group != cands[j].group {
            let d = &cands[done];
            by_key.entry((d.value, d.suffix)).or_default().push(done);
            let (word, bit) = value_bit(d.value);
            seen_values[word] |= bit;
            if d.value >= SYMBOL_BASE {
                symbols_done.push(done);
            } else if d.value >= 1 {
                for (k, slot) in best_num.iter_mut().enumerate() {
                    let sc = dp[done * n + k];
                    if sc > slot.0 {
                        *slot = (sc, done);
                    }
                }
            }
            done += 1;
        }
        let c = &cands[j];
        // The earlier candidates that `c` may follow as the next mark, and
        // how well (the same for every item k, so found once per j).
        links.clear();
        if n > 1 {
            let mut keys: [(u64, Option<u8>); 16] = [(0, None); 16];
            let mut nk = 0;
            let mut key = |k: (u64, Option<u8>)| {
                keys[nk] = k;
                nk += 1;
            };
            match c.suffix {
                Some(sb) => {
                    key((c.value, None));
                    key((c.value, Some(sb)));
                    if sb > b'a' {
                        key((c.value, Some(sb - 1)));
                    }
                }
                None => {
                    if c.value > 0 {
                        key((c.value - 1, None));
                        key((c.value - 1, Some(b'a')));
                        key((c.value - 1, Some(b'b')));
                    }
                    key((c.value, None));
                    for skip in 3..=6 {
                        if c.value > skip {
                            key((c.value - skip, None));
                        }
                    }
                    if c.value > 1 {
                        key((c.value - 2, None));
                        for back in 1..=6 {
                            key((c.value + back, None));
                        }
                    }
                }
            }
            for key in &keys[..nk] {
                let (word, bit) = value_bit(key.0);
                if seen_values[word] & bit == 0 {
                    continue;
                }
                if let Some(list) = by_key.get(key) {
                    for &i in list {
                        if let Some(t) = follows(&cands[i], c) {
                            links.push((i, t));
                        }
                    }
                }
            }
        }
        let row = j * n;
        let (done_dp, cur_dp) = dp.split_at_mut(row);
        let cur_dp = &mut cur_dp[..n];
        let cur_parent = &mut parent[row..row + n];
        let bc = base(c);
        for (k, (d, p)) in cur_dp.iter_mut().zip(cur_parent.iter_mut()).enumerate() {
            // Start a chain: items before k have no mark.
            let mut best = bc - MISSING * k as i32 + if k > 0 { free0 } else { -free0 };
            // A mark in the head belongs to the first note: starting it
            // further down the list loses ties.
            if c.in_head && k > 0 {
                best -= 1;
            }
            if c.value + 1 < k as u64 && c.value != 0 {
                best -= 2;
            }
            *d = best;
            *p = NO_PARENT;
        }
        // Item k follows item k-1, or k-2 with one mark missing. Each link
        // is run over the whole row (the earlier candidate's row is read in
        // order); per item the chains are tried in the order links, then
        // restarts, then symbols, and the first best wins, as before.
        for &(i, t) in &links {
            let prev_row = &done_dp[i * n..i * n + n];
            // A note whose text repeats an earlier one's is that note cited
            // again: its mark repeats an earlier value.
            let again_ok = c.value < SYMBOL_BASE && c.value <= cands[i].value;
            let gap_ok = cands[i].value + 2 == c.value;
            let step0 = bc + t;
            let step1 = bc + 4 - MISSING;
            let again: &[i32] = if again_ok { &again_at } else { &no_again };
            // Cell (i, k) of the earlier row, as a parent (below m * n).
            let parent_at = |k: usize| (i * n + k) as u32;
            // Item k after item k-1 of `i`, then after item k-2 (one mark
            // missing): per item the same order as one loop doing both, as
            // neither reads a cell the other writes. Plain index loops
            // over slices of one length: the zipped iterators of an
            // earlier version compiled to twice the instructions in some
            // builds (issue 4).
            for (skip, step, ok) in [(1, step0, true), (2, step1, gap_ok)] {
                if !ok || n <= skip {
                    continue;
                }
                let len = n - skip;
                let prev = &prev_row[..len];
                let again = &again[skip..];
                let dst = &mut cur_dp[skip..];
                let from = &mut cur_parent[skip..];
                let (again, dst, from) = (&again[..len], &mut dst[..len], &mut from[..len]);
                // Every cell of an earlier row holds a score (each row is
                // filled with its start scores before any link reads it),
                // so no cell is NONE here: no test for it, and the loop is
                // a compare and two selects per item (issue 4).
                for k in 0..len {
                    let sc = prev[k] + step + again[k];
                    if sc > dst[k] {
                        dst[k] = sc;
                        from[k] = parent_at(k);
                    }
                }
            }
        }
        // A restart at 0 or 1, or a symbol, may follow any earlier mark; a
        // number may follow a symbol.
        let any_before = (c.value <= 1 && c.suffix.is_none()) || c.value >= SYMBOL_BASE;
        // The symbols `c` may follow, and how well (the same for every k).
        sym_links.clear();
        if n > 1 {
            sym_links.extend(symbols_done.iter().filter_map(|&i| {
                follows(&cands[i], c)
                    .filter(|_| cands[i].value >= 1)
                    .map(|t| (i, t))
            }));
        }
        for k in 1..n {
            let mut best = cur_dp[k];
            let mut from = cur_parent[k];
            let (num_score, num_i) = best_num[k - 1];
            if any_before && num_i != usize::MAX && num_score != NONE {
                if let Some(t) = follows(&cands[num_i], c) {
                    let sc = num_score + bc + t;
                    if sc > best {
                        best = sc;
                        from = (num_i * n + k - 1) as u32;
                    }
                }
            }
            for &(i, t) in &sym_links {
                let prev = done_dp[i * n + k - 1];
                if prev != NONE {
                    let sc = prev + bc + t;
                    if sc > best {
                        best = sc;
                        from = (i * n + k - 1) as u32;
                    }
                }
            }
            cur_dp[k] = best;
            cur_parent[k] = from;
        }
    }
    // Best end: items after k have no mark.
    let mut best = -MISSING * n as i32 + free0;
    let mut end = usize::MAX;
    for j in 0..m {
        for k in 0..n {
            let sc = dp[j * n + k];
            if sc == NONE {
                continue;
            }
            let sc = sc - MISSING * (n - 1 - k) as i32;
            // On a tie, the chain that ends later in the list wins: marks are
            // lost at the start (in a dropped dateline) more often than at
            // the end.
            if sc > best || (sc == best && end != usize::MAX && k > end % n) {
                best = sc;
                end = j * n + k;
            }
        }
    }
    let mut marks: Vec<Option<usize>> = vec![None; n];
    let mut cur = end;
    while cur != usize::MAX {
        let (j, k) = (cur / n, cur % n);
        marks[k] = Some(j);
        cur = match parent[cur] {
            NO_PARENT => usize::MAX,
            p => p as usize,
        };
    }
    if n == 1 && marks[0].is_none() && !first_unmarked {
        marks[0] = lone_mark(src, cands);
    }
    let markers = infer_markers(src, cands, &marks);
    Alignment { marks, markers }
}
