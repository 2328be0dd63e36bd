//! Compressed sparse rows: a list per index, all lists in one allocation.

/// Row `i` is `items[start[i]..start[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Csr<T> {
    start: Vec<usize>,
    items: Vec<T>,
}

impl<T> Csr<T> {
    /// Rows in index order, each given by an iterator of its items.
    pub(crate) fn from_rows<R: IntoIterator<Item = T>>(rows: impl IntoIterator<Item = R>) -> Self {
        let mut start = vec![0];
        let mut items = Vec::new();
        for row in rows {
            items.extend(row);
            start.push(items.len());
        }
        items.shrink_to_fit();
        Csr { start, items }
    }

    /// `rows` rows from (row, item) pairs; within a row, items keep the order of `pairs`
    /// (a counting sort).
    pub(crate) fn group(rows: usize, pairs: &[(u32, T)]) -> Self
    where
        T: Copy + Default,
    {
        let mut start = vec![0; rows + 1];
        for &(r, _) in pairs {
            start[r as usize + 1] += 1;
        }
        for i in 0..rows {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut items = vec![T::default(); pairs.len()];
        for &(r, t) in pairs {
            items[fill[r as usize]] = t;
            fill[r as usize] += 1;
        }
        Csr { start, items }
    }

    /// How many rows there are.
    pub(crate) fn rows(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Every row's items, row after row.
    pub(crate) fn items(&self) -> &[T] {
        &self.items
    }

    /// The list of `i`; empty for an index out of range.
    pub(crate) fn row(&self, i: u32) -> &[T] {
        let i = i as usize;
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}
