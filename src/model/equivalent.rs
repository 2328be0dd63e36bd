//! Ids that print alike because they are one text in two Unicode normalisation forms.
//!
//! Ids compare byte for byte (DESIGN.md, "Why names are escaped in reports and ids
//! refused"), so `José` precomposed (NFC) and decomposed (NFD) are two ids and are never
//! merged. A framework holding both is almost always a mistake of the tool that wrote it,
//! so [`Framework::review`] names them, escaped so the marks show.

use std::collections::HashMap;

use unicode_normalization::{UnicodeNormalization, is_nfc};

use crate::model::order;
use crate::{EntityKind, Error, Framework};

impl Framework {
    /// Probable mistakes in the framework that are not errors: ids of one kind that are
    /// the same text in different Unicode normalisation forms ([`Error::EquivalentIds`]),
    /// for competencies, activities, roles, positions, courses, groups and departments.
    /// Such ids are distinct entities (nothing is merged); the warning says that they
    /// print alike.
    ///
    /// The warnings are sorted by kind, then ids; the same framework gives the same list.
    ///
    /// # Complexity
    /// O(total length of the ids): a text already in NFC (every ASCII id, and what most
    /// keyboards and exports write) is checked without being copied, and only ids that are
    /// not in NFC are normalised.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Error, Framework};
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2, "competencies": [
    ///   {"id": "Jos\u00e9", "name": "Precomposed", "type": "domain"},
    ///   {"id": "Jose\u0301", "name": "Decomposed", "type": "domain"}]}"#)?;
    /// let warnings = fw.review();
    /// assert_eq!(
    ///     warnings[0].to_string(),
    ///     r#"competency ids "Jose\u{301}", "Jos\u{e9}" are one text in different unicode forms (nfc/nfd): distinct ids that print alike"#
    /// );
    /// # Ok::<(), karmayogi::Errors>(())
    /// ```
    pub fn review(&self) -> Vec<Error> {
        let mut warnings = Vec::new();
        // In the order of `EntityKind`.
        let kinds: [(EntityKind, Vec<&str>); 7] = [
            (
                EntityKind::Competency,
                self.competencies().iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                EntityKind::Activity,
                self.activities().iter().map(|a| a.id.as_str()).collect(),
            ),
            (
                EntityKind::Role,
                self.roles().iter().map(|r| r.id.as_str()).collect(),
            ),
            (
                EntityKind::Position,
                self.positions().iter().map(|p| p.id.as_str()).collect(),
            ),
            (
                EntityKind::Course,
                self.courses().iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                EntityKind::Group,
                self.groups().iter().map(|g| g.id.as_str()).collect(),
            ),
            (
                EntityKind::Department,
                self.positions()
                    .iter()
                    .map(|p| p.department.as_str())
                    .collect(),
            ),
        ];
        for (kind, ids) in kinds {
            for ids in equivalent_ids(ids) {
                warnings.push(Error::EquivalentIds { kind, ids });
            }
        }
        warnings
    }
}

/// The sets of two or more distinct `ids` that have one NFC form, each sorted byte by byte,
/// in order of their first id. Two texts already in NFC that differ have different NFC
/// forms, so only a text not in NFC can share its form with another.
pub(crate) fn equivalent_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<Vec<String>> {
    let ids: Vec<&str> = ids.into_iter().collect();
    let mut by_form: HashMap<String, Vec<&str>> = HashMap::new();
    for &id in &ids {
        if !is_nfc(id) {
            by_form.entry(id.nfc().collect()).or_default().push(id);
        }
    }
    if by_form.is_empty() {
        return Vec::new();
    }
    for &id in &ids {
        if is_nfc(id)
            && let Some(group) = by_form.get_mut(id)
        {
            group.push(id);
        }
    }
    let mut sets: Vec<Vec<String>> = by_form
        .into_values()
        .filter_map(|mut group| {
            order::sort_by(&mut group, Ord::cmp);
            group.dedup();
            (group.len() > 1).then(|| group.into_iter().map(str::to_owned).collect())
        })
        .collect();
    order::sort_by(&mut sets, Ord::cmp);
    sets
}

#[cfg(test)]
mod tests {
    use super::equivalent_ids;

    #[test]
    fn only_texts_with_one_nfc_form_are_grouped() {
        let nfc = "Jos\u{e9}";
        let nfd = "Jose\u{301}";
        assert_eq!(
            equivalent_ids([nfc, "x", nfd, nfd]),
            [vec![nfd.to_owned(), nfc.to_owned()]]
        );
        // The Kelvin sign's NFC form is the letter K.
        assert_eq!(
            equivalent_ids(["K", "\u{212a}", "k"]),
            [vec!["K".to_owned(), "\u{212a}".to_owned()]]
        );
        assert!(equivalent_ids(["a", "b", nfc]).is_empty());
        assert!(equivalent_ids([nfd]).is_empty());
    }
}
