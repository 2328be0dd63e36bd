//! The TypeScript types of optional arguments.
//!
//! An optional argument typed with `unchecked_param_type` would lose its `?` in the
//! declarations, so each is an imported type named after its declaration in `types.d.ts`;
//! the values are read as plain `JsValue`s, unchecked by the glue.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An optional `AcbpOptions` argument.
    #[wasm_bindgen(typescript_type = "AcbpOptions")]
    pub type AcbpOptions;

    /// An optional `CareerOptions` argument.
    #[wasm_bindgen(typescript_type = "CareerOptions")]
    pub type CareerOptions;

    /// An optional `CaseExportOptions` argument.
    #[wasm_bindgen(typescript_type = "CaseExportOptions")]
    pub type CaseExportOptions;

    /// An optional `CaseImportOptions` argument.
    #[wasm_bindgen(typescript_type = "CaseImportOptions")]
    pub type CaseImportOptions;

    /// An optional `CompareOptions` argument.
    #[wasm_bindgen(typescript_type = "CompareOptions")]
    pub type CompareOptions;

    /// An optional `FracOptions` argument.
    #[wasm_bindgen(typescript_type = "FracOptions")]
    pub type FracOptions;

    /// An optional `IgotCourseOptions` argument.
    #[wasm_bindgen(typescript_type = "IgotCourseOptions")]
    pub type IgotCourseOptions;

    /// An optional `EscoOptions` argument.
    #[wasm_bindgen(typescript_type = "EscoOptions")]
    pub type EscoOptions;

    /// An optional `GapOptions` argument.
    #[wasm_bindgen(typescript_type = "GapOptions")]
    pub type GapOptions;

    /// An optional `KcmOptions` argument.
    #[wasm_bindgen(typescript_type = "KcmOptions")]
    pub type KcmOptions;

    /// An optional `LevelPolicy` argument.
    #[wasm_bindgen(typescript_type = "LevelPolicy")]
    pub type LevelPolicy;

    /// An optional `NeedsOptions` argument.
    #[wasm_bindgen(typescript_type = "NeedsOptions")]
    pub type NeedsOptions;

    /// An optional `OfficersCsvOptions` argument.
    #[wasm_bindgen(typescript_type = "OfficersCsvOptions")]
    pub type OfficersCsvOptions;

    /// An optional `ReviewOptions` argument.
    #[wasm_bindgen(typescript_type = "ReviewOptions")]
    pub type ReviewOptions;

    /// An optional `OnetOptions` argument.
    #[wasm_bindgen(typescript_type = "OnetOptions")]
    pub type OnetOptions;

    /// An optional `RankOptions` argument.
    #[wasm_bindgen(typescript_type = "RankOptions")]
    pub type RankOptions;

    /// An optional `RollupOptions` argument.
    #[wasm_bindgen(typescript_type = "RollupOptions")]
    pub type RollupOptions;

    /// An optional `RecommendOptions` argument.
    #[wasm_bindgen(typescript_type = "RecommendOptions")]
    pub type RecommendOptions;

    /// An optional `string[]` argument.
    #[wasm_bindgen(typescript_type = "string[]")]
    pub type StringList;
}
