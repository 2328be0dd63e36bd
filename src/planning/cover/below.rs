//! The candidates requiring one candidate, transitively, marked by one walk down its
//! dependants: what a walk up each of their closures would find, for the cost of one walk.

use super::instance::Instance;
use super::state::State;

/// Marks of a candidate and every candidate requiring it, transitively; empty until
/// [`Below::mark`], emptied by [`Below::clear`] in the time it took to mark.
#[derive(Clone, Debug, Default)]
pub(super) struct Below {
    marks: Vec<bool>,
    list: Vec<u32>,
}

impl Below {
    /// Marks `c` and every candidate whose closure holds it. O(d + l) for the d
    /// candidates marked and the l links from them.
    pub(super) fn mark(&mut self, inst: &Instance, c: u32) {
        self.clear();
        self.list.push(c);
        let list = &mut self.list;
        State::walk_down(inst, &[c], |d| list.push(d));
        if self.marks.len() < inst.len() {
            self.marks.resize(inst.len(), false);
        }
        for &d in &self.list {
            self.marks[d as usize] = true;
        }
    }

    /// Whether `c` is marked: it is the candidate marked from or requires it.
    pub(super) fn holds(&self, c: u32) -> bool {
        self.marks.get(c as usize).copied().unwrap_or(false)
    }

    /// Clears the marks.
    pub(super) fn clear(&mut self) {
        for &d in &self.list {
            self.marks[d as usize] = false;
        }
        self.list.clear();
    }
}
