//! The walk up the group hierarchy from a competency, marking each group once per stamp.

use crate::model::validate::Hierarchy;

/// Marks groups above competencies, once per stamp.
pub(crate) struct Walker {
    pub(super) stamp: Vec<u32>,
    stack: Vec<u32>,
}

impl Walker {
    pub(crate) fn new(groups: usize) -> Walker {
        Walker {
            stamp: vec![0; groups],
            stack: Vec::new(),
        }
    }

    /// Calls `reach(g)` for every group above competency `c` (the groups it is in and all
    /// their ancestors) not yet reached under `stamp` (never 0), and marks them.
    pub(crate) fn up(&mut self, h: &Hierarchy, c: u32, stamp: u32, mut reach: impl FnMut(u32)) {
        for &g in h.of_competency.get(c) {
            self.visit(g, stamp, &mut reach);
        }
        while let Some(g) = self.stack.pop() {
            for &p in h.parents.get(g) {
                self.visit(p, stamp, &mut reach);
            }
        }
    }

    fn visit(&mut self, g: u32, stamp: u32, reach: &mut impl FnMut(u32)) {
        if let Some(s) = self.stamp.get_mut(g as usize)
            && *s != stamp
        {
            *s = stamp;
            reach(g);
            self.stack.push(g);
        }
    }

    /// Forgets every mark, so stamps can be reused.
    pub(crate) fn reset(&mut self) {
        self.stamp.iter_mut().for_each(|s| *s = 0);
    }
}
