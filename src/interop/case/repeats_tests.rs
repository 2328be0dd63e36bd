//! Unit tests of `repeats`: copies compared as the import reads them.

use super::*;

/// case/92: a criterion's item as a mirror's URI string in the earlier copy and, in the
/// later, as an object with that `uri` and the item's identifier written as a URI ending
/// in its UUID. [`Copies::same_link`] resolved the string by a lookup of its own (the
/// `uri`s of the package, else the UUID the string ends in, compared with the object's
/// identifier as written), which took the two for different items; it now asks the
/// import's own lookup (`Parsed::by_uri`, `Parsed::by_key`), which resolves both to the
/// item, so the later rubric repeats the earlier whole.
#[test]
fn a_string_and_an_object_naming_one_item_by_the_import_s_lookup_are_one_link() {
    let json = include_str!(
        "../../../tests/data/cases/case/92-rubric-item-string-and-identifier-uri.json"
    );
    let package = CasePackage::from_json(json).expect("reads");
    let document = package.document.clone().expect("a document");
    let copies = Copies::of(&package, &document);
    let (earlier, later) = (&package.rubrics[0], &package.rubrics[1]);
    assert!(repeats_rubric(earlier, later, &copies));
    // A string naming another item is another link.
    let mut other = later.clone();
    other.criteria[0].item_uri = package.rubrics[0].criteria[1].item_uri.clone();
    assert!(!repeats_rubric(earlier, &other, &copies));
}
