//! The import's steps in order, behind [`CaseImport::from_json`] and
//! [`CaseImport::from_package`]: check and resolve (`parse`), build the `isChildOf` tree
//! (`tree`), type the items (`items`), map rubric levels (`scale`) and skill levels
//! (`skill_levels`), then assemble the spec and the report (`map`).

use super::items::{classify, item_ids};
use super::join::join;
use super::join_document::join_document;
use super::linked::linked_document;
use super::map::Assembly;
use super::node::{ONE_LINE, missing_identifier, non_blank};
use super::one_line::several_lines;
use super::parse::parse;
use super::read::mentions;
use super::reporter::Reporter;
use super::text::{ItemText, document_text, item_text, wrong_statement};
use super::tree::{child_of_cycles, child_of_tree};
use super::uuid::{document_case_uuid, parse_case_uuid};
use super::{scale, shape, skill_levels};
use crate::interop::case::import::{
    CaseImport, CaseImportOptions, CaseImportReport, CaseItemMapping,
};
use crate::interop::case::package::{CaseDocument, CasePackage};
use crate::{CaseDropReason, CaseDroppedField, CaseElement, CaseFieldReason, Error, Errors};

impl CaseImport {
    /// Reads CASE JSON and maps it as [`CaseImport::from_package`] does.
    ///
    /// # Errors
    /// A single [`Error::Json`](crate::Error::Json) when the text is not JSON or not an
    /// object, or [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind)
    /// for a document of another kind (as [`CasePackage::from_json`] gives them);
    /// otherwise every problem [`CaseImport::from_package`] finds.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{CaseImport, CaseImportOptions, CompetencyType, Framework};
    ///
    /// let json = r#"{
    ///   "CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000000",
    ///                  "uri": "https://case.example.org/d", "creator": "DoPT",
    ///                  "title": "Office competencies", "lastChangeDateTime": "2025-01-15T10:00:00Z"},
    ///   "CFItems": [
    ///     {"identifier": "a0000000-0000-4000-8000-000000000001", "fullStatement": "Office procedure",
    ///      "CFItemType": "Area"},
    ///     {"identifier": "c0000000-0000-4000-8000-000000000001", "abbreviatedStatement": "Noting and drafting",
    ///      "fullStatement": "Writes clear notes and drafts replies on files.",
    ///      "CFItemType": "Functional Competency", "humanCodingScheme": "OP.1"}
    ///   ],
    ///   "CFAssociations": [
    ///     {"identifier": "e0000000-0000-4000-8000-000000000001", "associationType": "isChildOf",
    ///      "originNodeURI": {"identifier": "c0000000-0000-4000-8000-000000000001"},
    ///      "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"}}
    ///   ]
    /// }"#;
    /// let import = CaseImport::from_json(json, &CaseImportOptions::default())?;
    /// let c = &import.spec.competencies[0];
    /// assert_eq!(c.name, "Noting and drafting");
    /// assert_eq!(c.kind, CompetencyType::Functional);
    /// // The area item is a group with its own identity.
    /// assert_eq!(c.groups[0].as_str(), "a0000000-0000-4000-8000-000000000001");
    /// assert_eq!(import.spec.groups[0].name, "Office procedure");
    /// // Nothing is dropped silently: the unused code is reported.
    /// assert_eq!(import.report.dropped_fields[0].field, "humanCodingScheme");
    /// Framework::new(import.spec)?;
    /// # Ok::<(), karmayogi::Errors>(())
    /// ```
    ///
    /// # Complexity
    /// As [`CasePackage::from_json`] then [`CaseImport::from_package`]: O(n) for the text
    /// of length n, then O(m log m) time and O(m) memory in the package's m items,
    /// associations and rubrics.
    pub fn from_json(json: &str, options: &CaseImportOptions) -> Result<CaseImport, Errors> {
        CaseImport::from_package(&CasePackage::from_json(json)?, options)
    }

    /// Maps a package to a competency dictionary and its groups, following the import
    /// table on [`CasePackage`].
    ///
    /// # Errors
    /// [`Errors`] listing every problem: [`Error::CaseMissingDocument`],
    /// [`Error::CaseSeveralDocuments`] for a `CFDocument` listing documents with different
    /// identifiers,
    /// [`Error::CaseMissingIdentifier`],
    /// [`Error::CaseFieldName`] for a field named like a CASE field with `-` or `_`, or
    /// in another case beside CASE's own name or another spelling of it,
    /// [`Error::CaseFieldType`] for a field the import needs holding another JSON type,
    /// [`Error::CaseDuplicateIdentifier`] (also for copies of the document with other
    /// titles), [`Error::CaseChildOfCycle`],
    /// [`Error::CaseDuplicateId`] for two items giving the same competency or group id, and
    /// [`Error::InvalidOption`] for a level rule that cannot map anything.
    ///
    /// [`Error::CaseMissingDocument`]: crate::Error::CaseMissingDocument
    /// [`Error::CaseSeveralDocuments`]: crate::Error::CaseSeveralDocuments
    /// [`Error::CaseMissingIdentifier`]: crate::Error::CaseMissingIdentifier
    /// [`Error::CaseFieldName`]: crate::Error::CaseFieldName
    /// [`Error::CaseFieldType`]: crate::Error::CaseFieldType
    /// [`Error::CaseDuplicateIdentifier`]: crate::Error::CaseDuplicateIdentifier
    /// [`Error::CaseChildOfCycle`]: crate::Error::CaseChildOfCycle
    /// [`Error::CaseDuplicateId`]: crate::Error::CaseDuplicateId
    /// [`Error::InvalidOption`]: crate::Error::InvalidOption
    ///
    /// # Complexity
    /// O(m log m) time and O(m) memory in the package's m items, associations and rubric
    /// criteria and levels: identifiers are looked up by hash, the `isChildOf` graph is
    /// checked for cycles in linear time (Tarjan's algorithm, no recursion, so no depth of
    /// hierarchy exhausts the stack), and the spec and report are sorted for stable output.
    pub fn from_package(
        package: &CasePackage,
        options: &CaseImportOptions,
    ) -> Result<CaseImport, Errors> {
        import(package, options)
    }
}

fn import(package: &CasePackage, options: &CaseImportOptions) -> Result<CaseImport, Errors> {
    let mut errors = scale::check_rule(&options.level_rule);
    // Copies of the document agreeing on its identifier and title are read as one
    // (case/87).
    match join_document(package, &mut errors) {
        Some((joined, notes)) => import_package(&joined, options, errors, notes),
        None => import_package(package, options, errors, Vec::new()),
    }
}

/// [`import`] once the document's copies are joined: `errors` holds the problems found so
/// far, `document_copies` the values of the document's copies set aside.
fn import_package(
    package: &CasePackage,
    options: &CaseImportOptions,
    mut errors: Vec<Error>,
    document_copies: Vec<CaseDroppedField>,
) -> Result<CaseImport, Errors> {
    shape::check(package, &mut errors);
    let mut linked = None;
    let document = if let Some(document) = &package.document {
        if non_blank(&document.identifier).is_none() && !mentions(&document.extra, "identifier") {
            errors.push(missing_identifier(
                &document.extra,
                CaseElement::Document,
                "CFDocument".to_owned(),
            ));
        }
        document
    } else {
        let wrapped = package
            .extra
            .keys()
            .any(|k| super::read::fold(k) == "cfpackage");
        if !mentions(&package.extra, "CFDocument") && !wrapped {
            match linked_document(package) {
                Ok(Some(document)) => linked = Some(document),
                Ok(None) => errors.push(Error::CaseMissingDocument {
                    documents: Vec::new(),
                }),
                Err(error) => errors.push(error),
            }
        }
        linked.get_or_insert_with(CaseDocument::default)
    };
    // Copies of one element agreeing on their content are read as one (case/88).
    let (joined, copied, joined_fields) = join(package, document);
    let package = &*joined;
    let parsed = parse(package, document, &copied, &mut errors);
    let tree = child_of_tree(&parsed);
    child_of_cycles(&parsed, &tree, &mut errors);
    let types = classify(package, &parsed, &tree, options);
    // A title, creator or description written in several languages is read in one.
    let (read_document, document_others) = document_text(document);
    let mut reporter = Reporter {
        report: CaseImportReport {
            document: read_document.clone(),
            renamed: package.renamed.clone(),
            ..CaseImportReport::default()
        },
        scales: Vec::new(),
    };
    if package.document.is_none() && !document.identifier.is_empty() {
        // Read from the elements' links: the package itself lacks it.
        let (element, reason) = (CaseElement::Package, CaseFieldReason::Missing);
        reporter.field(element, &document.identifier, "CFDocument", reason);
    }
    reporter.report.dropped_fields.extend(document_copies);
    reporter.report.dropped_fields.extend(joined_fields);
    for (element, identifier, reason) in &parsed.set_aside {
        reporter.drop(*element, identifier, *reason);
    }
    // An item nothing names is set aside (an ignored one needs no name).
    let texts: Vec<Option<ItemText<'_>>> = parsed.items.iter().map(|i| item_text(i)).collect();
    let named: Vec<bool> = texts.iter().map(Option::is_some).collect();
    for ((item, typed), named) in parsed.items.iter().zip(&types).zip(&named) {
        if !named && typed.mapping != CaseItemMapping::Ignore {
            // A statement of another type is no missing one: say which, and what it held.
            match wrong_statement(item) {
                Some(statement) => reporter.drop_wrong_statement(&item.identifier, statement),
                None => reporter.drop(
                    CaseElement::Item,
                    &item.identifier,
                    CaseDropReason::NoStatement,
                ),
            }
        }
    }
    // Items that are another item's skill levels (`hasSkillLevel`) become its levels.
    let steps = (package, &parsed, &*types, (&*named, &*texts));
    let (levels, carried, skill_used, owners) =
        skill_levels::item_levels(steps, options, &mut reporter);
    let namespace = document_case_uuid(&document.identifier).and_then(|id| parse_case_uuid(&id));
    let given = (options, namespace);
    let (ids, shared_codes, by_code) = item_ids(&parsed, &types, &carried, given, &mut errors);
    if let Some(errors) = Errors::from_vec(errors) {
        return Err(errors);
    }
    skill_levels::name_competencies(&mut reporter.report.skill_levels, &owners, &ids);
    let assembly = Assembly {
        parsed: &parsed,
        tree: &tree,
        types: &types,
        ids: &ids,
        shared_codes: &shared_codes,
        by_code: &by_code,
        texts: &texts,
        skill_levels: &skill_used,
    };
    let spec = assembly.assemble(levels, &mut reporter);
    for (identifier, field) in several_lines(&parsed.items, &texts, (&ids, &carried), &spec) {
        reporter.field(CaseElement::Item, identifier, &field, ONE_LINE);
    }
    reporter.package_fields(&document.identifier, &package.extra);
    reporter.document_fields(&read_document);
    for field in &document_others {
        let (element, reason) = (CaseElement::Document, CaseFieldReason::NoPlace);
        reporter.field(element, &document.identifier, field, reason);
    }
    Ok(CaseImport {
        spec,
        report: reporter.finish(),
    })
}
