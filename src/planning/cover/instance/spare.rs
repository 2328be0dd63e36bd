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
