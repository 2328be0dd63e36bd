//! Options objects: the library's options builders as plain objects with camelCase keys.
//!
//! Each key is optional and means the setter of the same name; an absent key (or
//! `undefined`, or `null`) keeps the library's default. Unknown keys are rejected, so a
//! misspelt option fails instead of being ignored, and a value of the wrong type names its
//! path. Values in range are checked by the library's setters, which name the option.
//!
//! Options are read from the object's properties directly rather than through serde: a
//! derived deserializer per options type would add more WebAssembly than all of this.

use karmayogi::{
    AcbpOptions, CareerOptions, CaseExportOptions, CaseIds, CaseImportOptions, CaseItemMapping,
    CaseLevelRule, CaseScoreOrder, CompareOptions, CompetencyType, CourseLevels, DateOrder,
    Delimiter, EscoHierarchy, EscoOptions, FracOptions, GapOptions, GroupKind, IgotCourseOptions,
    KcmOptions, KcmSubThemes, KcmTagKey, Level, LevelPolicy, NeedsOptions, OfficersCsvOptions,
    OnetHierarchy, OnetOptions, RankOptions, RecommendOptions, ReviewOptions, RollupOptions,
    Solver, UndatedEvidence, UntaggedLevel, Weights,
};
use wasm_bindgen::{JsCast, JsValue};

use crate::failure::Failure;
use crate::json::json_problem;

/// An options object whose keys have been checked against the ones it may have.
pub(crate) struct Fields {
    object: JsValue,
    path: String,
}

impl Fields {
    /// Checks `value` (an object, or `undefined`/`null` for no options) against `allowed`.
    pub(crate) fn new(
        value: Option<impl Into<JsValue>>,
        allowed: &[&str],
    ) -> Result<Fields, Failure> {
        let value = value.map_or(JsValue::UNDEFINED, Into::into);
        Fields::at(value, String::new(), allowed)
    }

    fn at(value: JsValue, path: String, allowed: &[&str]) -> Result<Fields, Failure> {
        if value.is_undefined() || value.is_null() {
            return Ok(Fields {
                object: JsValue::UNDEFINED,
                path,
            });
        }
        let Some(object) = value
            .dyn_ref::<js_sys::Object>()
            .filter(|_| !value.is_function())
        else {
            return Err(wrong(&path, "an object", &value));
        };
        if js_sys::Array::is_array(&value) {
            return Err(wrong(&path, "an object", &value));
        }
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
                return Err(problem(
                    &join(&path, &key),
                    &format!("unknown option `{key}`, expected {}", expected.join(", ")),
                ));
            }
        }
        Ok(Fields {
            object: value,
            path,
        })
    }

    /// The value of a key; `None` when absent, `undefined` or `null`.
    fn get(&self, key: &str) -> Option<JsValue> {
        if self.object.is_undefined() {
            return None;
        }
        js_sys::Reflect::get(&self.object, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    pub(crate) fn number(&self, key: &str) -> Result<Option<f64>, Failure> {
        self.get(key)
            .map(|v| {
                v.as_f64()
                    .ok_or_else(|| wrong(&join(&self.path, key), "a number", &v))
            })
            .transpose()
    }

    /// A whole number from 0 to `max`.
    pub(crate) fn count(&self, key: &str, max: f64) -> Result<Option<u64>, Failure> {
        self.get(key)
            .map(|v| match v.as_f64() {
                Some(n) if n.fract() == 0.0 && (0.0..=max).contains(&n) => {
                    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
                    // checked: whole, 0 to max
                    Ok(n as u64)
                }
                _ => Err(wrong(
                    &join(&self.path, key),
                    &format!("a whole number from 0 to {max}"),
                    &v,
                )),
            })
            .transpose()
    }

    pub(crate) fn flag(&self, key: &str) -> Result<Option<bool>, Failure> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| wrong(&join(&self.path, key), "true or false", &v))
            })
            .transpose()
    }

    pub(crate) fn text(&self, key: &str) -> Result<Option<String>, Failure> {
        self.get(key)
            .map(|v| {
                v.as_string()
                    .ok_or_else(|| wrong(&join(&self.path, key), "a string", &v))
            })
            .transpose()
    }

    /// One of a fixed set of strings, as the value it names.
    pub(crate) fn choice<T: Copy>(
        &self,
        key: &str,
        choices: &[(&str, T)],
    ) -> Result<Option<T>, Failure> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let found = v.as_string();
        if let Some((_, value)) = choices
            .iter()
            .find(|(name, _)| Some(*name) == found.as_deref())
        {
            return Ok(Some(*value));
        }
        let names: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        Err(wrong(&join(&self.path, key), &names.join(" or "), &v))
    }

    /// A nested options object.
    fn object(&self, key: &str, allowed: &[&str]) -> Result<Fields, Failure> {
        Fields::at(
            self.get(key).unwrap_or(JsValue::UNDEFINED),
            join(&self.path, key),
            allowed,
        )
    }

    /// An object used as a map from ids to numbers, in key order.
    fn numbers_by_id(&self, key: &str) -> Result<Vec<(String, f64)>, Failure> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = join(&self.path, key);
        let Some(object) = value.dyn_ref::<js_sys::Object>() else {
            return Err(wrong(&path, "an object of numbers by id", &value));
        };
        let mut out = Vec::new();
        for entry in js_sys::Object::entries(object).iter() {
            let pair = js_sys::Array::from(&entry);
            let id = pair.get(0).as_string().unwrap_or_default();
            let v = pair.get(1);
            let n = v
                .as_f64()
                .ok_or_else(|| wrong(&join(&path, &id), "a number", &v))?;
            out.push((id, n));
        }
        Ok(out)
    }

    /// An object used as a map from names to strings, in key order.
    fn texts_by_name(&self, key: &str) -> Result<Vec<(String, String)>, Failure> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = join(&self.path, key);
        let Some(object) = value.dyn_ref::<js_sys::Object>() else {
            return Err(wrong(&path, "an object of strings by name", &value));
        };
        let mut out = Vec::new();
        for entry in js_sys::Object::entries(object).iter() {
            let pair = js_sys::Array::from(&entry);
            let name = pair.get(0).as_string().unwrap_or_default();
            let v = pair.get(1);
            let s = v
                .as_string()
                .ok_or_else(|| wrong(&join(&path, &name), "a string", &v))?;
            out.push((name, s));
        }
        Ok(out)
    }

    /// `weights: {behavioural, functional, domain}`; an absent type weighs 1.
    fn weights(&self) -> Result<Option<Weights>, Failure> {
        if self.get("weights").is_none() {
            return Ok(None);
        }
        let w = self.object("weights", &["behavioural", "functional", "domain"])?;
        let weight = |k| Ok::<f64, Failure>(w.number(k)?.unwrap_or(1.0));
        Ok(Some(Weights::new(
            weight("behavioural")?,
            weight("functional")?,
            weight("domain")?,
        )?))
    }

    /// `solver: "greedy" | {exact: {nodeLimit}}`.
    fn solver(&self) -> Result<Option<Solver>, Failure> {
        let Some(value) = self.get("solver") else {
            return Ok(None);
        };
        if value.as_string().as_deref() == Some("greedy") {
            return Ok(Some(Solver::Greedy));
        }
        let path = join(&self.path, "solver");
        if value.as_string().is_some() {
            return Err(wrong(&path, "\"greedy\" or {exact: {nodeLimit}}", &value));
        }
        let outer = Fields::at(value, path, &["exact"])?;
        let exact = outer.object("exact", &["nodeLimit"])?;
        match exact.count("nodeLimit", 9_007_199_254_740_991.0)? {
            Some(node_limit) => Ok(Some(Solver::Exact { node_limit })),
            None => Err(problem(
                &join(&exact.path, "nodeLimit"),
                "missing `nodeLimit`: the exact solver needs a node limit",
            )),
        }
    }

    /// `untagged: "ignore" | {assume: level}`.
    fn untagged(&self) -> Result<Option<UntaggedLevel>, Failure> {
        let Some(value) = self.get("untagged") else {
            return Ok(None);
        };
        if value.as_string().as_deref() == Some("ignore") {
            return Ok(Some(UntaggedLevel::Ignore));
        }
        let path = join(&self.path, "untagged");
        if value.as_string().is_some() {
            return Err(wrong(&path, "\"ignore\" or {assume: level}", &value));
        }
        let assume = Fields::at(value, path, &["assume"])?;
        match assume.count("assume", 255.0)? {
            Some(level) => Ok(Some(UntaggedLevel::Assume(Level::new(
                u8::try_from(level).unwrap_or(u8::MAX),
            )?))),
            None => Err(problem(
                &join(&assume.path, "assume"),
                "missing `assume`: the level to assume",
            )),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A problem with an options object, at a path inside it.
fn problem(path: &str, description: &str) -> Failure {
    Failure::one(json_problem("options", false, path, 0, 0, description))
}

fn wrong(path: &str, expected: &str, found: &JsValue) -> Failure {
    let shown = js_sys::JSON::stringify(found)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| found.js_typeof().as_string().unwrap_or_default());
    problem(path, &format!("expected {expected}, found {shown}"))
}

/// The keys of a [`LevelPolicy`] object.
const POLICY_KEYS: [&str; 7] = [
    "verifiedOnly",
    "selfDeclared",
    "feedback360",
    "notBefore",
    "undated",
    "courseLevels",
    "inferGroupRules",
];

/// [`LevelPolicy`]: `{verifiedOnly, selfDeclared, feedback360, notBefore, undated,
/// courseLevels, inferGroupRules}`.
pub(crate) fn policy(value: Option<impl Into<JsValue>>) -> Result<LevelPolicy, Failure> {
    policy_of(&Fields::new(value, &POLICY_KEYS)?)
}

fn policy_of(f: &Fields) -> Result<LevelPolicy, Failure> {
    let mut p = LevelPolicy::default();
    if let Some(yes) = f.flag("verifiedOnly")? {
        p = p.verified_only(yes);
    }
    if let Some(yes) = f.flag("selfDeclared")? {
        p = p.self_declared(yes);
    }
    if let Some(yes) = f.flag("feedback360")? {
        p = p.feedback_360(yes);
    }
    if let Some(date) = f.text("notBefore")? {
        p = p.not_before(&date)?;
    }
    if let Some(rule) = f.choice(
        "undated",
        &[
            ("counts", UndatedEvidence::Counts),
            (
                "counts_without_cutoff",
                UndatedEvidence::CountsWithoutCutoff,
            ),
            ("ignored", UndatedEvidence::Ignored),
        ],
    )? {
        p = p.undated(rule);
    }
    if let Some(rule) = f.choice(
        "courseLevels",
        &[("reject", CourseLevels::Reject), ("cap", CourseLevels::Cap)],
    )? {
        p = p.course_levels(rule);
    }
    if let Some(yes) = f.flag("inferGroupRules")? {
        p = p.infer_group_rules(yes);
    }
    Ok(p)
}

/// [`ReviewOptions`]: `{asOf}`.
pub(crate) fn review(value: Option<impl Into<JsValue>>) -> Result<ReviewOptions, Failure> {
    review_of(&Fields::new(value, &["asOf"])?)
}

fn review_of(f: &Fields) -> Result<ReviewOptions, Failure> {
    Ok(match f.text("asOf")? {
        Some(date) => ReviewOptions::default().as_of(&date)?,
        None => ReviewOptions::default(),
    })
}

/// [`OfficersCsvOptions`]: `{levelPolicy, review, delimiter, dateOrder}`, and the level
/// policy alone.
pub(crate) fn officers_csv(
    value: Option<impl Into<JsValue>>,
) -> Result<(OfficersCsvOptions, LevelPolicy), Failure> {
    let f = Fields::new(value, &["levelPolicy", "review", "delimiter", "dateOrder"])?;
    let policy = policy_of(&f.object("levelPolicy", &POLICY_KEYS)?)?;
    let review = review_of(&f.object("review", &["asOf"])?)?;
    let mut options = OfficersCsvOptions::default()
        .level_policy(policy.clone())
        .review(review);
    let delimiters = Delimiter::ALL.map(|d| {
        let name: &'static str = match d {
            Delimiter::Semicolon => ";",
            Delimiter::Tab => "\t",
            Delimiter::Pipe => "|",
            _ => ",",
        };
        (name, d)
    });
    if let Some(d) = f.choice("delimiter", &delimiters)? {
        options = options.delimiter(d);
    }
    let orders = [
        ("day_first", DateOrder::DayFirst),
        ("month_first", DateOrder::MonthFirst),
    ];
    if let Some(order) = f.choice("dateOrder", &orders)? {
        options = options.date_order(order);
    }
    Ok((options, policy))
}

/// [`GapOptions`]: `{weights, includeMet}`.
pub(crate) fn gap(value: Option<impl Into<JsValue>>) -> Result<GapOptions, Failure> {
    let f = Fields::new(value, &["weights", "includeMet"])?;
    let mut o = GapOptions::default();
    if let Some(w) = f.weights()? {
        o = o.weights(w);
    }
    if let Some(yes) = f.flag("includeMet")? {
        o = o.include_met(yes);
    }
    Ok(o)
}

/// [`RecommendOptions`]; `budget` chooses the budgeted objective.
pub(crate) fn recommend(value: Option<impl Into<JsValue>>) -> Result<RecommendOptions, Failure> {
    let f = Fields::new(
        value,
        &[
            "budget",
            "solver",
            "untagged",
            "weights",
            "competencyWeights",
            "termHours",
            "maxFormalShare",
        ],
    )?;
    let mut o = RecommendOptions::default();
    if let Some(hours) = f.number("budget")? {
        o = o.budget(hours)?;
    }
    if let Some(s) = f.solver()? {
        o = o.solver(s);
    }
    if let Some(u) = f.untagged()? {
        o = o.untagged(u);
    }
    if let Some(w) = f.weights()? {
        o = o.weights(w);
    }
    for (id, w) in f.numbers_by_id("competencyWeights")? {
        o = o.competency_weight(id, w)?;
    }
    if let Some(h) = f.number("termHours")? {
        o = o.term_hours(h)?;
    }
    if let Some(s) = f.number("maxFormalShare")? {
        o = o.max_formal_share(s)?;
    }
    Ok(o)
}

/// The most results a ranking may ask for.
const TOP_MAX: f64 = 4_294_967_295.0;

/// [`RankOptions`]: `{top, weights, excludeCurrent, department}`.
pub(crate) fn rank(value: Option<impl Into<JsValue>>) -> Result<RankOptions, Failure> {
    let f = Fields::new(value, &["top", "weights", "excludeCurrent", "department"])?;
    let mut o = RankOptions::default();
    if let Some(k) = f.count("top", TOP_MAX)? {
        o = o.top(usize::try_from(k).unwrap_or(usize::MAX));
    }
    if let Some(w) = f.weights()? {
        o = o.gap_options(GapOptions::default().weights(w));
    }
    if let Some(yes) = f.flag("excludeCurrent")? {
        o = o.exclude_current(yes);
    }
    if let Some(d) = f.text("department")? {
        o = o.department(d);
    }
    Ok(o)
}

/// [`CareerOptions`]: `{top, excludeCurrent, department, untagged, weights}`.
pub(crate) fn career(value: Option<impl Into<JsValue>>) -> Result<CareerOptions, Failure> {
    let f = Fields::new(
        value,
        &["top", "excludeCurrent", "department", "untagged", "weights"],
    )?;
    let mut o = CareerOptions::default();
    if let Some(k) = f.count("top", TOP_MAX)? {
        o = o.top(usize::try_from(k).unwrap_or(usize::MAX));
    }
    if let Some(yes) = f.flag("excludeCurrent")? {
        o = o.exclude_current(yes);
    }
    if let Some(d) = f.text("department")? {
        o = o.department(d);
    }
    if let Some(u) = f.untagged()? {
        o = o.untagged(u);
    }
    if let Some(w) = f.weights()? {
        o = o.gap_options(GapOptions::default().weights(w));
    }
    Ok(o)
}

/// [`NeedsOptions`]: `{department}`. WebAssembly runs on the calling thread, so there is no
/// `threads`.
pub(crate) fn needs(value: Option<impl Into<JsValue>>) -> Result<NeedsOptions, Failure> {
    let f = Fields::new(value, &["department"])?;
    Ok(match f.text("department")? {
        Some(d) => NeedsOptions::default().department(d),
        None => NeedsOptions::default(),
    })
}

/// [`AcbpOptions`]; `seats` maps course ids to their seat limits.
pub(crate) fn acbp(value: Option<impl Into<JsValue>>) -> Result<AcbpOptions, Failure> {
    let f = Fields::new(
        value,
        &[
            "department",
            "budget",
            "officerCap",
            "seats",
            "defaultSeats",
            "weights",
            "competencyWeights",
            "positionWeights",
            "untagged",
            "solver",
        ],
    )?;
    let seats_of = |path: &str, n: f64| {
        if n.fract() == 0.0 && (0.0..=4_294_967_295.0).contains(&n) {
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
            // checked: whole, 0 to u32::MAX
            Ok(n as u32)
        } else {
            Err(wrong(
                path,
                "a whole number of seats from 0 to 4294967295",
                &JsValue::from_f64(n),
            ))
        }
    };
    let mut o = AcbpOptions::default();
    if let Some(d) = f.text("department")? {
        o = o.department(d);
    }
    if let Some(b) = f.number("budget")? {
        o = o.budget(b)?;
    }
    if let Some(c) = f.number("officerCap")? {
        o = o.officer_cap(c)?;
    }
    for (course, n) in f.numbers_by_id("seats")? {
        let n = seats_of(&join("seats", &course), n)?;
        o = o.seats(course, n);
    }
    if let Some(n) = f.number("defaultSeats")? {
        o = o.default_seats(seats_of("defaultSeats", n)?);
    }
    if let Some(w) = f.weights()? {
        o = o.weights(w);
    }
    for (id, w) in f.numbers_by_id("competencyWeights")? {
        o = o.competency_weight(id, w)?;
    }
    for (id, w) in f.numbers_by_id("positionWeights")? {
        o = o.position_weight(id, w)?;
    }
    if let Some(u) = f.untagged()? {
        o = o.untagged(u);
    }
    if let Some(s) = f.solver()? {
        o = o.solver(s);
    }
    Ok(o)
}

/// [`CompareOptions`]: `{weights}`.
pub(crate) fn compare(value: Option<impl Into<JsValue>>) -> Result<CompareOptions, Failure> {
    let f = Fields::new(value, &["weights"])?;
    Ok(match f.weights()? {
        Some(w) => CompareOptions::default().weights(w),
        None => CompareOptions::default(),
    })
}

const COMPETENCY_TYPES: [(&str, CompetencyType); 3] = [
    ("behavioural", CompetencyType::Behavioural),
    ("functional", CompetencyType::Functional),
    ("domain", CompetencyType::Domain),
];

const GROUP_KINDS: [(&str, GroupKind); 4] = [
    ("area", GroupKind::Area),
    ("theme", GroupKind::Theme),
    ("sub_theme", GroupKind::SubTheme),
    ("free", GroupKind::Free),
];

/// A [`CaseItemMapping`] as the import report writes it: `{competency: type}`,
/// `{group: kind}` or `"ignore"`.
fn item_mapping(value: JsValue, at: &str) -> Result<CaseItemMapping, Failure> {
    if value.as_string().as_deref() == Some("ignore") {
        return Ok(CaseItemMapping::Ignore);
    }
    if value.as_string().is_some() {
        return Err(wrong(
            at,
            "{competency: type}, {group: kind} or \"ignore\"",
            &value,
        ));
    }
    let m = Fields::at(value, at.to_owned(), &["competency", "group"])?;
    match (
        m.choice("competency", &COMPETENCY_TYPES)?,
        m.choice("group", &GROUP_KINDS)?,
    ) {
        (Some(kind), None) => Ok(CaseItemMapping::Competency(kind)),
        (None, Some(kind)) => Ok(CaseItemMapping::Group(kind)),
        _ => Err(problem(
            at,
            "expected one of `competency` (a competency type) or `group` (a group kind)",
        )),
    }
}

/// A [`CaseLevelRule`] as the import report writes it: `"score"`, `"rank"`,
/// `{proportional: {top}}` or `{table: [[score, level], …]}`.
fn level_rule(f: &Fields) -> Result<Option<CaseLevelRule>, Failure> {
    let Some(value) = f.get("levelRule") else {
        return Ok(None);
    };
    let path = join(&f.path, "levelRule");
    match value.as_string().as_deref() {
        Some("score") => return Ok(Some(CaseLevelRule::Score)),
        Some("rank") => return Ok(Some(CaseLevelRule::Rank)),
        _ => {}
    }
    let expected = "\"score\", \"rank\", {proportional: {top}} or {table: [[score, level], …]}";
    if value.as_string().is_some() {
        return Err(wrong(&path, expected, &value));
    }
    let rule = Fields::at(value, path.clone(), &["proportional", "table"])?;
    if rule.get("proportional").is_some() {
        let p = rule.object("proportional", &["top"])?;
        let top = p.count("top", 4_294_967_295.0)?.ok_or_else(|| {
            problem(
                &join(&p.path, "top"),
                "missing `top`: the highest score of the scale",
            )
        })?;
        return Ok(Some(CaseLevelRule::Proportional {
            top: u32::try_from(top).unwrap_or(u32::MAX),
        }));
    }
    let Some(table) = rule.get("table") else {
        return Err(wrong(&path, expected, &rule.object));
    };
    let at = join(&path, "table");
    let Some(rows) = table.dyn_ref::<js_sys::Array>() else {
        return Err(wrong(&at, "an array of [score, level] pairs", &table));
    };
    let mut pairs = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let here = format!("{at}[{i}]");
        let pair = row
            .dyn_ref::<js_sys::Array>()
            .filter(|p| p.length() == 2)
            .ok_or_else(|| wrong(&here, "a [score, level] pair", &row))?;
        let score = pair.get(0);
        let score = score
            .as_f64()
            .ok_or_else(|| wrong(&format!("{here}[0]"), "a number", &score))?;
        let level = pair.get(1);
        // The table maps scores to the crate's scale, 0 to 5, whatever a competency's
        // levels: that is the range that applies, and every value outside it is named so.
        let level = match level.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=5.0).contains(&n) => {
                #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
                // checked: whole, 0 to 5
                Level::new(n as u8)?
            }
            _ => {
                let expected = "a level of the crate's scale, 0 to 5";
                return Err(wrong(&format!("{here}[1]"), expected, &level));
            }
        };
        pairs.push((score, level));
    }
    Ok(Some(CaseLevelRule::Table(pairs)))
}

/// [`CaseImportOptions`]: `{itemTypes, defaultType, ids, levelRule, scoreOrder}`; an item type maps to
/// `{competency: type}`, `{group: kind}` or `"ignore"`, as in the import report.
pub(crate) fn case_import(value: Option<impl Into<JsValue>>) -> Result<CaseImportOptions, Failure> {
    let f = Fields::new(
        value,
        &["itemTypes", "defaultType", "ids", "levelRule", "scoreOrder"],
    )?;
    let mut o = CaseImportOptions::default();
    if let Some(types) = f.get("itemTypes") {
        let path = join(&f.path, "itemTypes");
        let Some(object) = types.dyn_ref::<js_sys::Object>() else {
            return Err(wrong(&path, "an object of mappings by item type", &types));
        };
        for entry in js_sys::Object::entries(object).iter() {
            let pair = js_sys::Array::from(&entry);
            let name = pair.get(0).as_string().unwrap_or_default();
            let mapping = item_mapping(pair.get(1), &join(&path, &name))?;
            o = o.item_type(&name, mapping);
        }
    }
    if let Some(kind) = f.choice("defaultType", &COMPETENCY_TYPES)? {
        o = o.default_type(kind);
    }
    if let Some(ids) = f.choice(
        "ids",
        &[
            ("identifier", CaseIds::Identifier),
            ("human_coding_scheme", CaseIds::HumanCodingScheme),
        ],
    )? {
        o = o.ids(ids);
    }
    if let Some(rule) = level_rule(&f)? {
        o = o.level_rule(rule);
    }
    if let Some(order) = f.choice(
        "scoreOrder",
        &[
            ("higher_is_better", CaseScoreOrder::HigherIsBetter),
            ("lower_is_better", CaseScoreOrder::LowerIsBetter),
        ],
    )? {
        o = o.score_order(order);
    }
    Ok(o)
}

/// [`CaseExportOptions`]: `{baseUri, itemTypes: {behavioural, functional, domain},
/// groupItemTypes: {area, theme, sub_theme, free}, areaItemType, areaIdentifiers,
/// groupIdentifiers, rubricTitle}`.
pub(crate) fn case_export(value: Option<impl Into<JsValue>>) -> Result<CaseExportOptions, Failure> {
    let f = Fields::new(
        value,
        &[
            "baseUri",
            "itemTypes",
            "groupItemTypes",
            "areaItemType",
            "areaIdentifiers",
            "groupIdentifiers",
            "rubricTitle",
        ],
    )?;
    let mut o = CaseExportOptions::default();
    if let Some(base) = f.text("baseUri")? {
        o = o.base_uri(base);
    }
    let names = f.object("itemTypes", &COMPETENCY_TYPES.map(|(name, _)| name))?;
    for (name, kind) in COMPETENCY_TYPES {
        if let Some(text) = names.text(name)? {
            o = o.item_type(kind, text);
        }
    }
    let names = f.object("groupItemTypes", &GROUP_KINDS.map(|(name, _)| name))?;
    for (name, kind) in GROUP_KINDS {
        if let Some(text) = names.text(name)? {
            o = o.group_item_type(kind, text);
        }
    }
    if let Some(name) = f.text("areaItemType")? {
        o = o.area_item_type(name);
    }
    for (area, id) in f.texts_by_name("areaIdentifiers")? {
        o = o.area_identifier(area, id);
    }
    for (group, id) in f.texts_by_name("groupIdentifiers")? {
        o = o.group_identifier(group, id);
    }
    if let Some(title) = f.text("rubricTitle")? {
        o = o.rubric_title(title);
    }
    Ok(o)
}

/// [`EscoOptions`]: `{essentialLevel, optionalLevel, includeOptional, hierarchy}`; the type
/// rule is the library's standard one.
pub(crate) fn esco(value: Option<impl Into<JsValue>>) -> Result<EscoOptions, Failure> {
    let f = Fields::new(
        value,
        &[
            "essentialLevel",
            "optionalLevel",
            "includeOptional",
            "hierarchy",
        ],
    )?;
    let mut o = EscoOptions::default();
    if let Some(l) = f.count("essentialLevel", 255.0)? {
        o = o.essential_level(u8::try_from(l).unwrap_or(u8::MAX));
    }
    if let Some(l) = f.count("optionalLevel", 255.0)? {
        o = o.optional_level(u8::try_from(l).unwrap_or(u8::MAX));
    }
    if let Some(yes) = f.flag("includeOptional")? {
        o = o.include_optional(yes);
    }
    if let Some(h) = f.choice(
        "hierarchy",
        &[
            ("groups", EscoHierarchy::Groups),
            ("nearest_area", EscoHierarchy::NearestArea),
        ],
    )? {
        o = o.hierarchy(h);
    }
    Ok(o)
}

/// [`OnetOptions`]: `{importanceThreshold, includeSuppressed, unratedOccupations,
/// coreTasksOnly, hierarchy}`; the type rule is the library's standard one.
pub(crate) fn onet(value: Option<impl Into<JsValue>>) -> Result<OnetOptions, Failure> {
    let f = Fields::new(
        value,
        &[
            "importanceThreshold",
            "includeSuppressed",
            "unratedOccupations",
            "coreTasksOnly",
            "hierarchy",
        ],
    )?;
    let mut o = OnetOptions::default();
    if let Some(t) = f.number("importanceThreshold")? {
        o = o.importance_threshold(t);
    }
    if let Some(yes) = f.flag("includeSuppressed")? {
        o = o.include_suppressed(yes);
    }
    if let Some(yes) = f.flag("unratedOccupations")? {
        o = o.unrated_occupations(yes);
    }
    if let Some(yes) = f.flag("coreTasksOnly")? {
        o = o.core_tasks_only(yes);
    }
    if let Some(h) = f.choice(
        "hierarchy",
        &[
            ("groups", OnetHierarchy::Groups),
            ("parent_area", OnetHierarchy::ParentArea),
        ],
    )? {
        o = o.hierarchy(h);
    }
    Ok(o)
}

/// [`KcmOptions`]: `{subThemes}`, `"competencies"` (the default) or `"groups"`.
pub(crate) fn kcm(value: Option<impl Into<JsValue>>) -> Result<KcmOptions, Failure> {
    let f = Fields::new(value, &["subThemes"])?;
    let mut o = KcmOptions::default();
    if let Some(sub_themes) = f.choice(
        "subThemes",
        &[
            ("competencies", KcmSubThemes::Competencies),
            ("groups", KcmSubThemes::Groups),
        ],
    )? {
        o = o.sub_themes(sub_themes);
    }
    Ok(o)
}

/// [`RollupOptions`]: `{department, kind}`. WebAssembly runs on the calling thread, so there
/// is no `threads`.
pub(crate) fn rollup(value: Option<impl Into<JsValue>>) -> Result<RollupOptions, Failure> {
    let f = Fields::new(value, &["department", "kind"])?;
    let mut o = RollupOptions::default();
    if let Some(d) = f.text("department")? {
        o = o.department(d);
    }
    if let Some(kind) = f.choice("kind", &GROUP_KINDS)? {
        o = o.kind(kind);
    }
    Ok(o)
}

/// [`IgotCourseOptions`]: `{key, hoursWhenMissing}`, `key` one of `"names"` (the default),
/// `"identifiers"` or `"ref_ids"`.
pub(crate) fn igot_courses(
    value: Option<impl Into<JsValue>>,
) -> Result<IgotCourseOptions, Failure> {
    let f = Fields::new(value, &["key", "hoursWhenMissing"])?;
    let mut o = IgotCourseOptions::default();
    if let Some(key) = f.choice(
        "key",
        &[
            ("names", KcmTagKey::Names),
            ("identifiers", KcmTagKey::Identifiers),
            ("ref_ids", KcmTagKey::RefIds),
        ],
    )? {
        o = o.key(key);
    }
    if let Some(hours) = f.number("hoursWhenMissing")? {
        o = o.hours_when_missing(hours);
    }
    Ok(o)
}

/// [`FracOptions`]: `{department}`, the department of positions whose node names none.
pub(crate) fn frac(value: Option<impl Into<JsValue>>) -> Result<FracOptions, Failure> {
    let f = Fields::new(value, &["department"])?;
    Ok(match f.text("department")? {
        Some(d) => FracOptions::default().department(d),
        None => FracOptions::default(),
    })
}
