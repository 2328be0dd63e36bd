//! [`DocumentKind`]: the kinds of JSON document the crate's readers take, as an
//! [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) names the one a
//! reader was given. How a kind is told from a document is `model::kind_of`.

/// A kind of JSON document one of the crate's readers takes, as told from its keys by
/// [`DocumentKind::of_json`](crate::DocumentKind::of_json).
///
/// Serialized in snake case (`"officers"`, `"igot_courses"`), as
/// [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) carries it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// A framework document of this crate: an object holding `format_version` and
    /// `competencies`, `groups`, `activities`, `roles`, `positions` or `courses`
    /// ([`FrameworkSpec::from_json`](crate::FrameworkSpec::from_json),
    /// [`Framework::from_json`](crate::Framework::from_json)).
    Framework,
    /// An officers document of this crate: an object holding `officers`
    /// ([`OfficersSpec::from_json`](crate::OfficersSpec::from_json),
    /// [`Cohort::from_json`](crate::Cohort::from_json)).
    Officers,
    /// A CASE 1.1 package: an object holding `CFDocument`, `CFItems`, `CFAssociations`,
    /// `CFDefinitions`, `CFRubrics` or a `CFPackage` wrapper, in any case
    /// ([`CaseImport::from_json`](crate::CaseImport::from_json),
    /// [`CasePackage::from_json`](crate::CasePackage::from_json)).
    CasePackage,
    /// The iGOT Karmayogi Competency Model dictionary: an array of areas holding
    /// `competency_theme`, or of flat entries holding `theme` and `sub_theme`
    /// ([`load_kcm`](crate::load_kcm)).
    KcmDictionary,
    /// iGOT course records: an array of records holding `identifier` and
    /// `competencies_v3`, `competencies_v5`, `competencies_v6`, `duration` or
    /// `objectType`, one such record, a search response holding `content` or `count`, or
    /// a content read response holding `content`
    /// ([`load_igot_courses`](crate::load_igot_courses)).
    IgotCourses,
    /// FRAC-era position trees: nodes whose `type` is a FRAC node type (`POSITION`,
    /// `ROLE`, `ACTIVITY`, `COMPETENCY`, …), or a service response holding `responseData`
    /// ([`load_frac_positions`](crate::load_frac_positions)).
    FracPositions,
    /// The iGOT position master list: `{"positions": [...]}`, each entry holding `id` and
    /// neither a framework position's `department` nor `roles`, or the bare array, each
    /// entry holding `id`, `name` and at most `description` beside them
    /// ([`load_position_master`](crate::load_position_master)).
    PositionMaster,
    /// iGOT profile competencies: entries holding `competencySelfAttestedLevel…` or
    /// `competencyCBPCompletionLevel…` fields, an object holding them as `competencies`,
    /// a user record holding `profileDetails` (or `profiledetails`), a user read response
    /// holding such a record at `result.response`, or a profile registry search holding
    /// `result.UserProfile` ([`load_igot_profile`](crate::load_igot_profile)).
    IgotProfile,
}

impl DocumentKind {
    /// What the document is, as messages name it (`an officers document (an object
    /// holding `officers`)`).
    pub fn description(self) -> &'static str {
        match self {
            DocumentKind::Framework => {
                "a framework document (an object holding `format_version` and `competencies`)"
            }
            DocumentKind::Officers => "an officers document (an object holding `officers`)",
            DocumentKind::CasePackage => "a CASE package (an object holding `CFDocument`)",
            DocumentKind::KcmDictionary => {
                "the iGOT KCM dictionary (areas holding `competency_theme`, or entries of \
                 `theme` and `sub_theme`)"
            }
            DocumentKind::IgotCourses => {
                "iGOT course records (records holding `identifier` and competency tags)"
            }
            DocumentKind::FracPositions => "FRAC position nodes (nodes holding a FRAC `type`)",
            DocumentKind::PositionMaster => {
                "the iGOT position master list (entries of `id`, `name` and `description`)"
            }
            DocumentKind::IgotProfile => {
                "iGOT profile competencies (entries holding `competencySelfAttestedLevel`)"
            }
        }
    }

    /// The crate's functions that read a document of this kind, as messages name them
    /// (`` `OfficersSpec::from_json` or `Cohort::from_json` ``).
    pub fn readers(self) -> &'static str {
        match self {
            DocumentKind::Framework => "`FrameworkSpec::from_json` or `Framework::from_json`",
            DocumentKind::Officers => "`OfficersSpec::from_json` or `Cohort::from_json`",
            DocumentKind::CasePackage => "`CaseImport::from_json` or `CasePackage::from_json`",
            DocumentKind::KcmDictionary => "`load_kcm`",
            DocumentKind::IgotCourses => "`load_igot_courses`",
            DocumentKind::FracPositions => "`load_frac_positions`",
            DocumentKind::PositionMaster => "`load_position_master`",
            DocumentKind::IgotProfile => "`load_igot_profile`",
        }
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.description())
    }
}
