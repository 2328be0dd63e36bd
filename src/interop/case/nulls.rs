//! Where a package's element lists held `null`s ([`CaseNulls`]), so that errors and the
//! report name each element by its position in the list as written.

/// Where a list of elements as written held `null`s, which reading takes as absent
/// elements and leaves out of the list read: their positions in the list as written,
/// from 0, increasing. Errors and the import's report name an element by its position as
/// written (`CFItems[2]` for the third entry, whether a `null` stands before it or not),
/// which [`CaseNulls::written`] gives. Empty for a list built in code or without `null`s.
///
/// Two values are always equal: a `null` says nothing, so elements and packages that
/// differ only in where their lists held one say the same (a rubric repeated whole is
/// still a repeat).
#[derive(Clone, Debug, Default)]
pub struct CaseNulls(pub Vec<usize>);

impl PartialEq for CaseNulls {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl CaseNulls {
    /// The position as written of the list's element `at` (from 0) among those read:
    /// `at` plus the `null`s before it.
    ///
    /// # Complexity
    /// O(log n) for n `null`s.
    ///
    /// # Example
    /// ```
    /// use karmayogi::CaseNulls;
    ///
    /// // `[item, null, null, item, null, item]`: the items read are at 0, 3 and 5.
    /// let nulls = CaseNulls(vec![1, 2, 4]);
    /// assert_eq!([0, 1, 2].map(|at| nulls.written(at)), [0, 3, 5]);
    /// ```
    #[must_use]
    pub fn written(&self, at: usize) -> usize {
        // With the positions increasing, `position − (nulls before it)` does not
        // decrease: the nulls before element `at` are those where it is at most `at`.
        let (mut before, mut past) = (0, self.0.len());
        while before < past {
            let mid = before + (past - before) / 2;
            if self.0[mid].saturating_sub(mid) <= at {
                before = mid + 1;
            } else {
                past = mid;
            }
        }
        at + before
    }
}
