//! The first step of an import: checks identifiers (present, unique across the package)
//! and required fields, and resolves every association's ends.

use std::borrow::Cow;
use std::collections::HashMap;

use super::join::Joined;
use super::node::{Assoc, Node, Parsed, key, missing_identifier, non_blank};
use super::read::mentions;
use super::repeats::{Copies, repeats_association, repeats_item, repeats_rubric};
use crate::interop::case::package::{
    CaseAssociation, CaseDocument, CaseExtra, CaseLink, CasePackage,
};
use crate::{CaseDropReason, CaseElement, Error};
use CaseDropReason::{NoAssociationType, NoDestination, NoOrigin, Repeated};

/// Identifiers met so far, each with how it was first written, where, and whether it was
/// reported as a duplicate (each duplicate is reported once).
#[derive(Default)]
struct Seen<'p>(HashMap<Cow<'p, str>, (&'p str, Place, bool)>);

/// Where an element sits in the package, written as a path (`CFItems[3]`) only when an
/// error names it.
#[derive(Clone, Copy)]
enum Place {
    /// The `CFDocument`.
    Document,
    /// `CFItems[i]`.
    Item(usize),
    /// `CFAssociations[i]`.
    Association(usize),
    /// `CFRubrics[r]`.
    Rubric(usize),
    /// `CFRubrics[r].CFRubricCriteria[c]`.
    Criterion(usize, usize),
    /// `CFRubrics[r].CFRubricCriteria[c].CFRubricCriterionLevels[l]`.
    Level(usize, usize, usize),
}

impl Place {
    /// The element's path, as the import's other errors write it.
    fn path(self) -> String {
        match self {
            Place::Document => "CFDocument".to_owned(),
            Place::Item(i) => format!("CFItems[{i}]"),
            Place::Association(i) => format!("CFAssociations[{i}]"),
            Place::Rubric(r) => format!("CFRubrics[{r}]"),
            Place::Criterion(r, c) => format!("CFRubrics[{r}].CFRubricCriteria[{c}]"),
            Place::Level(r, c, l) => {
                format!("CFRubrics[{r}].CFRubricCriteria[{c}].CFRubricCriterionLevels[{l}]")
            }
        }
    }
}

/// What [`Seen::first`] found an identifier to be.
enum First<'p> {
    /// Present and new: its key.
    New(Cow<'p, str>),
    /// Held by an element met before (reported as a duplicate unless the caller finds
    /// the element a whole repeat): its key.
    Again(Cow<'p, str>),
    /// Absent (reported).
    Missing,
}

impl<'p> Seen<'p> {
    /// The identifier's key when present and new; reports it as missing (unless `extra`
    /// holds it under another type or name, reported apart) or duplicate otherwise.
    fn first(
        &mut self,
        identifier: (&'p str, &CaseExtra),
        element: CaseElement,
        place: Place,
        errors: &mut Vec<Error>,
    ) -> Option<Cow<'p, str>> {
        match self.check(identifier, element, place, errors) {
            First::New(k) => Some(k),
            First::Again(k) => {
                self.duplicate(&k, identifier.0, place, errors);
                None
            }
            First::Missing => None,
        }
    }

    /// Reports the identifier held by `k`, met again at `place`, as a duplicate, once,
    /// with how and where it was first written.
    fn duplicate(&mut self, k: &str, id: &str, place: Place, errors: &mut Vec<Error>) {
        if let Some((earlier, earlier_place, reported)) = self.0.get_mut(k)
            && !*reported
        {
            errors.push(Error::CaseDuplicateIdentifier {
                identifier: id.to_owned(),
                path: place.path(),
                earlier: (*earlier).to_owned(),
                earlier_path: earlier_place.path(),
            });
            *reported = true;
        }
    }

    /// Whether the identifier is new, met before or missing (reported, unless `extra`
    /// holds it under another type or name, reported apart); a duplicate is not reported.
    fn check(
        &mut self,
        (id, extra): (&'p str, &CaseExtra),
        element: CaseElement,
        place: Place,
        errors: &mut Vec<Error>,
    ) -> First<'p> {
        if non_blank(id).is_none() {
            if !mentions(extra, "identifier") {
                errors.push(missing_identifier(extra, element, place.path()));
            }
            return First::Missing;
        }
        let k = key(id);
        if self.0.contains_key(&k) {
            First::Again(k)
        } else {
            self.0.insert(k.clone(), (id, place, false));
            First::New(k)
        }
    }
}

/// Checks identifiers (present, unique across the package) and required fields, and
/// resolves every association's ends.
pub(super) fn parse<'p>(
    package: &'p CasePackage,
    document: &'p CaseDocument,
    joined: &Joined,
    errors: &mut Vec<Error>,
) -> Parsed<'p> {
    let mut seen = Seen::default();
    let copies = Copies::of(package, document);
    let mut parsed = Parsed::new(document);
    if let Some(k) = &parsed.document {
        seen.0.insert(
            k.clone(),
            (document.identifier.as_str(), Place::Document, false),
        );
    }
    for copy in &package.repeated_documents {
        (parsed.set_aside).push((CaseElement::Document, copy.clone(), Repeated));
    }
    for (at, item) in package.items.iter().enumerate() {
        // Errors name the item by its position as written, `null`s before it counted.
        let i = package.null_items.written(at);
        let identifier = (item.identifier.as_str(), &item.extra);
        let k = match seen.check(identifier, CaseElement::Item, Place::Item(i), errors) {
            First::New(k) => k,
            First::Again(k) => {
                // A server that pages its answer may send an element twice: a whole
                // repeat of an earlier item loses nothing when set aside, also when it
                // spells the identifier otherwise (see [`repeats_item`]); nor does a
                // copy read into the earlier one (`super::join`).
                match parsed.index.get(&k) {
                    Some(&earlier)
                        if joined.items.contains(&at)
                            || repeats_item(parsed.items[earlier], item, &copies) =>
                    {
                        parsed.set_aside.push((
                            CaseElement::Item,
                            item.identifier.clone(),
                            Repeated,
                        ));
                    }
                    _ => seen.duplicate(&k, &item.identifier, Place::Item(i), errors),
                }
                continue;
            }
            First::Missing => continue,
        };
        parsed.add_item(k, item, i);
    }
    let complete = complete_associations(
        package,
        (&copies, joined),
        &mut seen,
        &mut parsed.set_aside,
        errors,
    );
    parsed.repeated_rubrics = rubric_identifiers(
        package,
        (&copies, joined),
        &mut seen,
        &mut parsed.set_aside,
        errors,
    );
    for a in complete {
        let end = |link: &Option<CaseLink>| {
            link.as_ref()
                .and_then(|l| parsed.resolve(l))
                .unwrap_or(Node::Outside)
        };
        let (origin, destination) = (end(&a.origin_node_uri), end(&a.destination_node_uri));
        parsed.assocs.push(Assoc {
            a,
            origin,
            destination,
        });
    }
    parsed
}

/// The associations with an identifier, a type and both ends. An association without a
/// type or an end is set aside in `set_aside` with the first field it lacks, as is one
/// repeating an earlier one whole.
fn complete_associations<'p>(
    package: &'p CasePackage,
    (copies, joined): (&Copies, &Joined),
    seen: &mut Seen<'p>,
    set_aside: &mut Vec<(CaseElement, String, CaseDropReason)>,
    errors: &mut Vec<Error>,
) -> Vec<&'p CaseAssociation> {
    let mut complete = Vec::new();
    // Identifier → the position of the association first met with it (a map type the
    // module compiles anyway, rather than one keyed to `&CaseAssociation`).
    let mut met: HashMap<Cow<'p, str>, usize> = HashMap::new();
    for (i, a) in package.associations.iter().enumerate() {
        let identifier = (a.identifier.as_str(), &a.extra);
        let place = Place::Association(package.null_associations.written(i));
        match seen.check(identifier, CaseElement::Association, place, errors) {
            First::New(k) => {
                met.insert(k, i);
            }
            First::Again(k) => {
                // As for items: a whole repeat is set aside, anything else is a duplicate.
                if joined.associations.contains(&i)
                    || met.get(&k).is_some_and(|&earlier| {
                        repeats_association(&package.associations[earlier], a, copies)
                    })
                {
                    set_aside.push((CaseElement::Association, a.identifier.clone(), Repeated));
                } else {
                    seen.duplicate(&k, &a.identifier, place, errors);
                }
                continue;
            }
            First::Missing => continue,
        }
        let mut lack: Option<CaseDropReason> = None;
        let mut ok = true;
        if non_blank(&a.association_type).is_none() {
            // Absent or blank: set aside and reported. A value of another type is the
            // shape check's to report.
            if !mentions(&a.extra, "associationType") {
                lack = Some(NoAssociationType);
            }
        }
        for (link, field, reason) in [
            (&a.origin_node_uri, "originNodeURI", NoOrigin),
            (&a.destination_node_uri, "destinationNodeURI", NoDestination),
        ] {
            let named = link
                .as_ref()
                .is_some_and(|l| non_blank(&l.identifier).is_some() || non_blank(&l.uri).is_some());
            let aside = mentions(&a.extra, field)
                || link
                    .as_ref()
                    .is_some_and(|l| mentions(&l.extra, "identifier"));
            if !named && !aside {
                // Absent, or a link object naming no node (a `title` without `identifier`
                // or `uri`): set aside and reported.
                lack = lack.or(Some(reason));
            }
            ok &= named;
        }
        if let Some(reason) = lack {
            set_aside.push((CaseElement::Association, a.identifier.clone(), reason));
        } else if ok && non_blank(&a.association_type).is_some() {
            complete.push(a);
        }
    }
    complete
}

/// Checks that the identifiers of rubrics, criteria and levels are unique. They may be
/// absent: the spec keeps none of them (export writes new ones), and the report names such
/// an element by its path. A rubric repeating an earlier one whole, as a client that
/// fetched a rubric covering several items once per item (`/CFRubrics/{id}` answers the
/// whole rubric) collects it, is set aside in `set_aside` as items are; anything else
/// sharing an identifier is a duplicate. Returns, per rubric, whether it was set aside.
fn rubric_identifiers<'p>(
    package: &'p CasePackage,
    (copies, joined): (&Copies, &Joined),
    seen: &mut Seen<'p>,
    set_aside: &mut Vec<(CaseElement, String, CaseDropReason)>,
    errors: &mut Vec<Error>,
) -> Vec<bool> {
    let mut repeated = vec![false; package.rubrics.len()];
    // Identifier → the position of the rubric first met with it.
    let mut met: HashMap<Cow<'p, str>, usize> = HashMap::new();
    for (r, rubric) in package.rubrics.iter().enumerate() {
        if non_blank(&rubric.identifier).is_some() {
            let (identifier, place) = (
                (rubric.identifier.as_str(), &CaseExtra::new()),
                Place::Rubric(package.null_rubrics.written(r)),
            );
            match seen.check(identifier, CaseElement::Rubric, place, errors) {
                First::New(k) => {
                    met.insert(k, r);
                }
                First::Again(k) => {
                    let earlier = met.get(&k).map(|&e| &package.rubrics[e]);
                    if joined.rubrics.contains(&r)
                        || earlier.is_some_and(|e| repeats_rubric(e, rubric, copies))
                    {
                        set_aside.push((CaseElement::Rubric, rubric.identifier.clone(), Repeated));
                        repeated[r] = true;
                        continue;
                    }
                    seen.duplicate(&k, &rubric.identifier, place, errors);
                }
                First::Missing => {}
            }
        }
        let mut check = |identifier: &'p str, element, place| {
            if non_blank(identifier).is_some() {
                seen.first((identifier, &CaseExtra::new()), element, place, errors);
            }
        };
        let r = package.null_rubrics.written(r);
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            let c = rubric.null_criteria.written(c);
            check(
                &criterion.identifier,
                CaseElement::Criterion,
                Place::Criterion(r, c),
            );
            for (l, level) in criterion.levels.iter().enumerate() {
                let l = criterion.null_levels.written(l);
                check(&level.identifier, CaseElement::Level, Place::Level(r, c, l));
            }
        }
    }
    repeated
}
