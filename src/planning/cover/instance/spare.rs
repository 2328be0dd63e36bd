//! An instance built in the vectors of one no longer needed ([`Spare`]): a thread planning
//! officer after officer builds and drops an instance of about a dozen vectors for each.

use super::{Instance, Rows, common_unit};

/// The emptied vectors of an instance no longer needed ([`Instance::into_spare`]), for
/// building the next one in: a vector allocates only when shorter than needed.
#[derive(Default)]
pub(crate) struct Spare {
    /// For [`Instance::values`].
    pub(crate) values: Vec<f64>,
    /// For the candidates' selection costs.
    pub(crate) cost: Vec<f64>,
    /// For the candidates' hours.
    pub(crate) hours: Vec<f64>,
    /// Starts and items for the covers', the prerequisites' and the closers' rows.
    pub(crate) rows: [(Vec<u32>, Vec<u32>); 3],
    /// Starts and items for the dependants' rows.
    deps: (Vec<u32>, Vec<u32>),
    /// For the topological order.
    topo: Vec<u32>,
    /// For the prerequisites each candidate still misses while the order is found.
    missing: Vec<u32>,
}

impl Rows {
    /// [`Rows::transpose`] built in the starts and items given (their contents dropped),
    /// which then allocate only when shorter than needed. Each row's start serves as its next
    /// free slot while the items are placed, and is moved back one row after.
    pub(super) fn transpose_into(
        &self,
        rows: usize,
        (mut start, mut items): (Vec<u32>, Vec<u32>),
    ) -> Rows {
        start.clear();
        start.resize(rows + 1, 0);
        for &v in &self.items {
            start[v as usize + 1] += 1;
        }
        for r in 0..rows {
            start[r + 1] += start[r];
        }
        items.clear();
        items.resize(self.items.len(), 0);
        for r in 0..self.start.len() - 1 {
            let row = &self.items[self.start[r] as usize..self.start[r + 1] as usize];
            for &v in row {
                let at = &mut start[v as usize];
                items[*at as usize] = r as u32;
                *at += 1;
            }
        }
        // Row `v`'s slot now stands where row `v + 1` starts.
        for v in (1..rows).rev() {
            start[v] = start[v - 1];
        }
        start[0] = 0;
        Rows { start, items }
    }

    /// Its starts and items, emptied, for building other rows in.
    pub(super) fn into_spare(self) -> (Vec<u32>, Vec<u32>) {
        let (mut start, mut items) = (self.start, self.items);
        start.clear();
        items.clear();
        (start, items)
    }
}

impl Instance {
    /// [`Instance::finish`] for a caller that already holds the candidates closing each
    /// element: row `e` of `closers` lists, in ascending order (repeats included), the
    /// candidates whose covers hold `e`, exactly as [`Instance::finish`] derives it
    /// (checked in debug builds). Saves transposing the covers.
    pub(crate) fn finish_with_closers(&mut self, closers: Rows) {
        self.finish_reusing(closers, &mut Spare::default());
    }

    /// [`Instance::finish_with_closers`] with the derived indexes built in the vectors of
    /// `spare` ([`Instance::into_spare`]), which then allocate only when too short.
    pub(crate) fn finish_reusing(&mut self, closers: Rows, spare: &mut Spare) {
        debug_assert!(
            closers.start == self.covers.transpose(self.values.len()).start
                && closers.items == self.covers.transpose(self.values.len()).items,
            "closers given are not the covers' transpose"
        );
        let n = self.len() as u32;
        if (0..n).any(|c| self.pre.row(c).len() > 1) {
            self.pre = self.pre.without_implied(self.len());
        }
        self.closers = closers;
        self.deps = self
            .pre
            .transpose_into(self.len(), std::mem::take(&mut spare.deps));
        // Kahn's algorithm, smallest index first among the ready ones is not needed: any
        // topological order gives the same results, as the solvers only use it for passes.
        let mut missing = std::mem::take(&mut spare.missing);
        missing.clear();
        missing.extend((0..n).map(|c| self.pre.row(c).len() as u32));
        let mut topo = std::mem::take(&mut spare.topo);
        topo.clear();
        topo.reserve(n as usize);
        topo.extend((0..n).filter(|&c| missing[c as usize] == 0));
        let mut next = 0;
        while next < topo.len() {
            let c = topo[next];
            next += 1;
            for &d in self.deps.row(c) {
                missing[d as usize] -= 1;
                if missing[d as usize] == 0 {
                    topo.push(d);
                }
            }
        }
        spare.missing = missing;
        self.topo = topo;
        self.unit = common_unit(&self.cost);
        self.set_values_derived();
    }

    /// Its vectors, emptied, for the next instance to be built in without allocating
    /// ([`Instance::finish_reusing`]): a thread planning officer after officer builds and
    /// drops an instance of about a dozen vectors for each.
    pub(crate) fn into_spare(self, spare: &mut Spare) {
        let clear = |mut v: Vec<f64>| {
            v.clear();
            v
        };
        spare.values = clear(self.values);
        spare.cost = clear(self.cost);
        spare.hours = clear(self.hours);
        spare.rows = [
            self.covers.into_spare(),
            self.pre.into_spare(),
            self.closers.into_spare(),
        ];
        spare.deps = self.deps.into_spare();
        let mut topo = self.topo;
        topo.clear();
        spare.topo = topo;
    }
}

impl Rows {
    /// The prerequisite rows without the links one of the row's own prerequisites already
    /// implies: of candidate `c`'s prerequisites, the one with the most prerequisites, `r`,
    /// is looked at, and every other prerequisite of `c` that `r` directly requires is
    /// dropped, when `r` has no more prerequisites than `c` (so each row costs at most twice
    /// its length, O(links) in all). Each closure stays the same set (a dropped `p` is
    /// still reached through `r`, whose own link to `p` is justified the same way, deeper),
    /// but a walk of it reads fewer links: where course i requires every course before it,
    /// every closure walk reads its i courses' links once each instead of i²/2 of them
    /// (BENCHMARKS.md, "Dense prerequisites: closures walked over the links they need").
    /// Rows with one prerequisite or none, and rows of a chain or a tree, are unchanged.
    pub(super) fn without_implied(&self, rows: usize) -> Rows {
        let mut mark = vec![u32::MAX; rows];
        let mut out = Rows {
            start: Vec::with_capacity(self.start.len()),
            items: Vec::with_capacity(self.items.len()),
        };
        out.start.push(0);
        for c in 0..self.start.len().saturating_sub(1) as u32 {
            let row = self.row(c);
            let widest = row.iter().copied().max_by(|&a, &b| {
                // The first of the widest, so the choice does not depend on `max_by`'s ties.
                self.row(a).len().cmp(&self.row(b).len()).then(b.cmp(&a))
            });
            match widest {
                Some(r)
                    if row.len() > 1
                        && !self.row(r).is_empty()
                        && self.row(r).len() <= row.len() =>
                {
                    for &p in self.row(r) {
                        mark[p as usize] = c;
                    }
                    out.items
                        .extend(row.iter().copied().filter(|&p| mark[p as usize] != c));
                }
                _ => out.items.extend_from_slice(row),
            }
            out.start.push(out.items.len() as u32);
        }
        out
    }
}
