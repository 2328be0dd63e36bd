//! Interchange with other systems: CASE 1.1 competency packages (import and export, in
//! `case`), and loaders of the open occupational frameworks ESCO and O*NET into a [`FrameworkSpec`], an HR
//! export of officers and passbooks into [`OfficerSpec`](crate::OfficerSpec)s, and the iGOT
//! Karmayogi platform's JSON documents (the KCM dictionary, course records with their
//! competency tags, FRAC-era positions, the position master list, profile competencies).
//!
//! The iGOT loaders read JSON text and, since the platform validates none of it, return
//! what they built with an [`IgotReport`] of every record set aside or noted; only a
//! document of the wrong shape is an error.
//!
//! They take the texts of CSV files already in memory (for ESCO, the official download or
//! the compact layout of `data/esco`; for O*NET, the layout of `data/onet`; both
//! described in `data/README.md`)
//! and do no I/O. Every malformed row, missing column, repeated key or reference to an
//! unknown id is reported as an [`Error`](crate::Error) naming the file, the line and the
//! value; all problems come back at once as [`Errors`](crate::Errors), and nothing is
//! dropped silently.
//!
//! Every CSV loader reads text the same way (RFC 4180, as the `csv` crate reads it): CRLF,
//! LF or CR line ends, a UTF-8 byte-order mark, whitespace around fields and blank lines are
//! accepted; a field of whitespace only is empty, so a blank id or label is reported like an
//! empty one.
//!
//! [`FrameworkSpec`]: crate::FrameworkSpec

pub(crate) mod case;
mod cohort_csv;
pub(crate) mod csv;
mod esco;
mod igot;
mod officers;
mod onet;

pub use case::import::{
    CaseCopyValues, CaseDropReason, CaseDropped, CaseDroppedField, CaseFieldReason, CaseGroup,
    CaseIds, CaseImport, CaseImportOptions, CaseImportReport, CaseItemMapping, CaseItemTypeUse,
    CaseKeptAssociation, CaseLevelRule, CaseScale, CaseScaleLevel, CaseScoreOrder,
    CaseScoreReading, CaseSkillLevel, CaseTypeSource, CaseWrongStatement,
};
pub use case::left_out::{
    CaseExport, CaseExportReport, CaseLeftOut, CaseLeftOutField, CaseLeftOutReason,
};
pub use case::nulls::CaseNulls;
pub use case::package::{
    CaseAssociation, CaseCriterion, CaseCriterionLevel, CaseDocument, CaseExportOptions, CaseExtra,
    CaseItem, CaseLink, CasePackage, CaseRenamedKey, CaseRubric,
};

pub use cohort_csv::{CohortCsvReader, CohortLoad};
pub use csv::{
    ColumnNotRead, ColumnValues, CsvFileRead, DateForm, DateOrder, DatesRead, Delimiter,
    DelimiterFrom, HeaderPart, MissingCells, TITLE_LINES_MAX, TitleLine,
};
pub use esco::{
    EscoCsv, EscoHierarchy, EscoHierarchyCsv, EscoLoad, EscoOptions, EscoTypeRule, load_esco,
    load_esco_report,
};
pub use igot::{
    FracOptions, IgotCourseOptions, IgotEntry, IgotField, IgotLoad, IgotReport, IgotWhat,
    KcmOptions, KcmSubThemes, KcmTagKey, MasterPosition, PositionMaster, PositionMatch, kcm_id,
    load_frac_positions, load_igot_courses, load_igot_profile, load_kcm, load_position_master,
};
pub use officers::{OfficersCsv, OfficersCsvOptions, OfficersLoad, load_officers};
pub use onet::{OnetCsv, OnetHierarchy, OnetOptions, OnetTypeRule, load_onet};
