//! Each [`Error`] variant's stable machine-readable code.

use super::variants::Error;

impl Error {
    /// The error's stable machine-readable code: its variant's name in snake case (e.g.
    /// `"unknown_reference"` for [`Error::UnknownReference`]). The table in [`Error`]'s
    /// docs lists them; a code never changes meaning once released.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Json { .. } => "json",
            Error::UnsupportedFormatVersion { .. } => "unsupported_format_version",
            Error::LevelOutOfRange { .. } => "level_out_of_range",
            Error::EmptyId { .. } => "empty_id",
            Error::EmptyName { .. } => "empty_name",
            Error::EmptyField { .. } => "empty_field",
            Error::HiddenCharacter { .. } => "hidden_character",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::EquivalentIds { .. } => "equivalent_ids",
            Error::UnknownReference { .. } => "unknown_reference",
            Error::DuplicateReference { .. } => "duplicate_reference",
            Error::InvalidLevel { .. } => "invalid_level",
            Error::InvalidLevelScale { .. } => "invalid_level_scale",
            Error::InvalidLevelRange { .. } => "invalid_level_range",
            Error::BlankLevelName { .. } => "blank_level_name",
            Error::BlankArea { .. } => "blank_area",
            Error::PositionWithoutRoles { .. } => "position_without_roles",
            Error::PrerequisiteCycle { .. } => "prerequisite_cycle",
            Error::GroupCycle { .. } => "group_cycle",
            Error::InvalidGroupRule { .. } => "invalid_group_rule",
            Error::GroupRuleCycle { .. } => "group_rule_cycle",
            Error::InvalidHours { .. } => "invalid_hours",
            Error::InvalidEvidence { .. } => "invalid_evidence",
            Error::DepartmentMismatch { .. } => "department_mismatch",
            Error::InvalidPolicyDate { .. } => "invalid_policy_date",
            Error::UnknownId { .. } => "unknown_id",
            Error::FrameworkMismatch => "framework_mismatch",
            Error::InvalidWeight { .. } => "invalid_weight",
            Error::InvalidIdWeight { .. } => "invalid_id_weight",
            Error::CapacityExceeded { .. } => "capacity_exceeded",
            Error::CaseMissingDocument => "case_missing_document",
            Error::CaseMissingIdentifier { .. } => "case_missing_identifier",
            Error::CaseMissingField { .. } => "case_missing_field",
            Error::CaseFieldName { .. } => "case_field_name",
            Error::CaseFieldType { .. } => "case_field_type",
            Error::CaseDuplicateIdentifier { .. } => "case_duplicate_identifier",
            Error::CaseChildOfCycle { .. } => "case_child_of_cycle",
            Error::CaseInvalidIdentifier { .. } => "case_invalid_identifier",
            Error::CaseConflictingIdentifiers { .. } => "case_conflicting_identifiers",
            Error::CaseIdentifierClash { .. } => "case_identifier_clash",
            Error::CaseInvalidDateTime { .. } => "case_invalid_date_time",
            Error::CaseItemTypeName { .. } => "case_item_type_name",
            Error::CsvUnclosedQuote { .. } => "csv_unclosed_quote",
            Error::CsvMisplacedQuote { .. } => "csv_misplaced_quote",
            Error::CsvFieldCount { .. } => "csv_field_count",
            Error::CsvMissingColumn { .. } => "csv_missing_column",
            Error::CsvAmbiguousColumn { .. } => "csv_ambiguous_column",
            Error::CsvDelimiter { .. } => "csv_delimiter",
            Error::CsvNameColumn { .. } => "csv_name_column",
            Error::CsvInvalidValue { .. } => "csv_invalid_value",
            Error::CsvDuplicateKey { .. } => "csv_duplicate_key",
            Error::CsvUnknownReference { .. } => "csv_unknown_reference",
            Error::CsvRefusedReference { .. } => "csv_refused_reference",
            Error::CsvRow { .. } => "csv_row",
            Error::InvalidOption { .. } => "invalid_option",
            Error::IgotShape { .. } => "igot_shape",
        }
    }
}
