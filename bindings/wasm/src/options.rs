//! Options objects: the library's options builders as plain objects with camelCase keys.
//!
//! Each key is optional and means the setter of the same name; an absent key (or
//! `undefined`, or `null`) keeps the library's default. Unknown keys are rejected, so a
//! misspelt option fails instead of being ignored, and a value of the wrong type names its
//! path. Values in range are checked by the library's setters, which name the option.
//! An options object and every object in it must be plain (its prototype
//! `Object.prototype` or `null`), and each key is read once, in the package's JavaScript
//! (`values.js`): a `Map`, a class instance or a key whose getter throws is a problem at
//! its path, never options read as absent.
//!
//! Options are read from the object's properties directly rather than through serde: a
//! derived deserializer per options type would add more WebAssembly than all of this.

use std::cell::RefCell;
use std::rc::Rc;

use karmayogi::{
    AcbpOptions, CareerOptions, CaseExportOptions, CaseIds, CaseImportOptions, CaseItemMapping,
    CaseLevelRule, CaseScoreOrder, CompareOptions, CompetencyType, CourseLevels, DateOrder,
    Delimiter, Error, EscoHierarchy, EscoOptions, FracOptions, GapOptions, GroupKind,
    IgotCourseOptions, KcmOptions, KcmSubThemes, KcmTagKey, Level, LevelPolicy, NeedsOptions,
    OfficersCsvOptions, OnetHierarchy, OnetOptions, RankOptions, RecommendOptions, ReviewOptions,
    RollupOptions, Solver, UndatedEvidence, UntaggedLevel, Weights,
};
use wasm_bindgen::JsValue;

use crate::failure::{Failure, Problem, js_number};
use crate::json::json_problem;

#[wasm_bindgen::prelude::wasm_bindgen(raw_module = "../values.js")]
extern "C" {
    /// `{keys, values, thrown}`: an object's own keys, and each key's value read once (or
    /// what reading it threw); `{found}` for an object that is not plain; `null` for a
    /// value that is no object, or an array.
    #[wasm_bindgen(js_name = optionFields)]
    pub(crate) fn option_fields(value: &JsValue) -> JsValue;

    /// `{values, thrown}`: an array's elements read once; `{found}` for one of another
    /// class or one that cannot be read; `null` for a value that is no array.
    #[wasm_bindgen(js_name = optionItems)]
    pub(crate) fn option_items(value: &JsValue) -> JsValue;

    /// What an object JSON would write as something else is (`an object of class Map`),
    /// or `null`.
    #[wasm_bindgen(js_name = notPlain)]
    fn not_plain(value: &JsValue) -> JsValue;

    /// What a thrown value says (`Error: budget not configured`).
    #[wasm_bindgen(js_name = thrownText)]
    pub(crate) fn thrown_text(error: &JsValue) -> String;
}

/// A property of an object the package made itself (`values.js`), which has no getters.
pub(crate) fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Options read with every problem found: the options of the values that were valid, and
/// a problem for each of the others (a key unknown, a value of the wrong type or out of
/// range), in the order the reader reads its keys.
pub(crate) struct Read<T> {
    options: T,
    problems: Vec<Problem>,
}

impl<T> Read<T> {
    /// The options read from two objects (as `careerStep` takes), with the problems of both.
    pub(crate) fn and<U>(mut self, other: Read<U>) -> Read<(T, U)> {
        let Read { options, problems } = other;
        self.problems.extend(problems);
        Read {
            options: (self.options, options),
            problems: self.problems,
        }
    }

    /// `call` with the options. When the options had problems, `call` still runs with the
    /// options that were valid, so that the problems of the call itself (an argument of
    /// the wrong type, an unknown position, weighted competency or department) are
    /// reported after the options' in one failure; its result is then dropped. The call's
    /// time is what a valid call would take.
    pub(crate) fn then<R>(self, call: impl FnOnce(&T) -> Result<R, Failure>) -> Result<R, Failure> {
        let result = call(&self.options);
        if self.problems.is_empty() {
            return result;
        }
        let mut problems = self.problems;
        if let Err(failure) = result {
            problems.extend(failure.0);
        }
        Err(Failure(problems))
    }
}

/// The problems found so far in one options object and the objects nested in it.
type Found = Rc<RefCell<Vec<Problem>>>;

/// An options object whose keys have been checked against the ones it may have.
pub(crate) struct Fields {
    object: JsValue,
    path: String,
    found: Found,
}

/// An object's keys and values as `optionFields` (`values.js`) read them.
struct Opened {
    keys: js_sys::Array,
    /// A prototype-less object of the values read.
    values: JsValue,
    /// A prototype-less object of what reading a key threw, by key.
    thrown: JsValue,
}

impl Opened {
    /// Whether reading `key` threw; if so, reported to `f` at `path`.
    fn thrown_at(&self, f: &Fields, path: &str, key: &str) -> bool {
        let Some(what) = field(&self.thrown, key).as_string() else {
            return false;
        };
        f.report(problem(path, &what));
        true
    }
}

impl Fields {
    /// Checks `value` (an object, or `undefined`/`null` for no options) against `allowed`.
    pub(crate) fn new(value: Option<impl Into<JsValue>>, allowed: &[&str]) -> Fields {
        let value = value.map_or(JsValue::UNDEFINED, Into::into);
        Fields::at(&value, String::new(), allowed, Found::default())
    }

    /// Every problem found reading this object and the ones nested in it, with `options`.
    fn done<T>(&self, options: T) -> Read<T> {
        Read {
            options,
            problems: self.found.take(),
        }
    }

    fn report(&self, failure: Failure) {
        self.found.borrow_mut().extend(failure.0);
    }

    /// Records `result`'s failure; its value otherwise.
    fn keep<T>(&self, result: Result<T, Failure>) -> Option<T> {
        result.map_err(|f| self.report(f)).ok()
    }

    /// `o` with a library setter applied, or `o` unchanged with the setter's error recorded.
    /// The library's setters check the value alone, so the setter is tried on default
    /// options first: a refused value leaves every setting made before in place (the
    /// default options hold no ids, so the try is O(1)).
    fn set<O: Default>(&self, o: O, set: impl Fn(O) -> Result<O, Error>) -> O {
        if let Err(e) = set(O::default()) {
            self.report(e.into());
            return o;
        }
        set(o).unwrap_or_else(|e| {
            self.report(e.into());
            O::default()
        })
    }

    /// `o` with a weight given to an id by a library setter; a weight refused (or `None`,
    /// of the wrong type, reported already) is reported and the id weighted 0 instead, so
    /// that the call still names the id if it is unknown (the call fails either way).
    fn weigh<O: Default>(
        &self,
        o: O,
        weight: Option<f64>,
        set: impl Fn(O, f64) -> Result<O, Error>,
    ) -> O {
        if let Some(w) = weight {
            match set(O::default(), w) {
                Ok(_) => return self.set(o, |o| set(o, w)),
                Err(e) => self.report(e.into()),
            }
        }
        self.set(o, |o| set(o, 0.0))
    }

    /// Like [`Fields::new`], at `path`, adding its problems to `found`; a value that is
    /// not a plain object is reported and read as no options.
    fn at(value: &JsValue, path: String, allowed: &[&str], found: Found) -> Fields {
        let mut fields = Fields {
            object: JsValue::UNDEFINED,
            path,
            found,
        };
        if value.is_undefined() || value.is_null() {
            return fields;
        }
        let Some(read) = fields.open(value, &fields.path, "a plain object") else {
            return fields;
        };
        for key in read.keys.iter() {
            let key = key.as_string().unwrap_or_default();
            if allowed.contains(&key.as_str()) {
                read.thrown_at(&fields, &join(&fields.path, &key), &key);
            } else {
                let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
                fields.report(problem(
                    &join(&fields.path, &key),
                    &format!(
                        "unknown option {}, expected {}",
                        karmayogi::quoted(&key),
                        expected.join(", ")
                    ),
                ));
            }
        }
        fields.object = read.values;
        fields
    }

    /// The keys of `value` at `path`, each read once; `None`, reported as not `expected`,
    /// when it is not a plain object.
    ///
    /// `optionFields` (`values.js`) reads them, and the options are read from the values
    /// it read: a getter or Proxy trap that throws is a problem naming its key and what it
    /// threw (as a document's is), never an option read as absent. Only an object whose
    /// prototype is `Object.prototype` or `null` is read, so that a key it inherits is
    /// neither read unchecked nor dropped: a `Map` (which has no keys), a `Set`, a `Date`,
    /// a typed array, a class instance or an object made by `Object.create(other)` is
    /// refused by what it is. Keys added to `Object.prototype` are not read; each own
    /// symbol key is a problem at its path (`Symbol(budget)`), never passed over.
    fn open(&self, value: &JsValue, path: &str, expected: &str) -> Option<Opened> {
        let read = option_fields(value);
        if read.is_null() {
            self.report(wrong(path, expected, value));
            return None;
        }
        if let Some(what) = field(&read, "found").as_string() {
            self.report(problem(path, &format!("expected {expected}, found {what}")));
            return None;
        }
        // `JSON.stringify` and the reading of options by name both pass over a symbol
        // key: refused, so that `{[Symbol("budget")]: 0}` is no plan without a budget.
        for symbol in js_sys::Array::from(&field(&read, "symbols")).iter() {
            let symbol = symbol.as_string().unwrap_or_default();
            self.report(problem(
                &join(path, &symbol),
                &format!("unknown key {symbol}, a symbol: options and ids are named by strings"),
            ));
        }
        Some(Opened {
            keys: js_sys::Array::from(&field(&read, "keys")),
            values: field(&read, "values"),
            thrown: field(&read, "thrown"),
        })
    }

    /// The value of a key; `None` when absent, `undefined` or `null` (or when reading it
    /// threw, reported already).
    fn get(&self, key: &str) -> Option<JsValue> {
        if self.object.is_undefined() {
            return None;
        }
        Some(field(&self.object, key)).filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// The ids and values of an object used as a map from ids (`seats`, weights by id),
    /// in key order: `None` for an id whose value could not be read (reported), the id
    /// kept so that the call names it if it is unknown. A value that is not a plain object
    /// is reported as not `expected`.
    fn entries(&self, key: &str, expected: &str) -> Vec<(String, Option<JsValue>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let path = join(&self.path, key);
        let Some(read) = self.open(&value, &path, expected) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for id in read.keys.iter() {
            let id = id.as_string().unwrap_or_default();
            let value =
                (!read.thrown_at(self, &join(&path, &id), &id)).then(|| field(&read.values, &id));
            out.push((id, value));
        }
        out
    }

    pub(crate) fn number(&self, key: &str) -> Option<f64> {
        let v = self.get(key)?;
        let n = v.as_f64();
        if n.is_none() {
            self.report(wrong(&join(&self.path, key), "a number", &v));
        }
        n
    }

    /// A whole number from 0 to `max`.
    pub(crate) fn count(&self, key: &str, max: f64) -> Option<u64> {
        let v = self.get(key)?;
        match v.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=max).contains(&n) => {
                #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
                // checked: whole, 0 to max
                Some(n as u64)
            }
            _ => {
                self.report(wrong(
                    &join(&self.path, key),
                    &format!("a whole number from 0 to {}", js_number(max)),
                    &v,
                ));
                None
            }
        }
    }

    pub(crate) fn flag(&self, key: &str) -> Option<bool> {
        let v = self.get(key)?;
        let b = v.as_bool();
        if b.is_none() {
            self.report(wrong(&join(&self.path, key), "true or false", &v));
        }
        b
    }

    pub(crate) fn text(&self, key: &str) -> Option<String> {
        let v = self.get(key)?;
        let s = v.as_string();
        if s.is_none() {
            self.report(wrong(&join(&self.path, key), "a string", &v));
        }
        s
    }

    /// One of a fixed set of strings, as the value it names.
    pub(crate) fn choice<T: Copy>(&self, key: &str, choices: &[(&str, T)]) -> Option<T> {
        let v = self.get(key)?;
        let found = v.as_string();
        if let Some((_, value)) = choices
            .iter()
            .find(|(name, _)| Some(*name) == found.as_deref())
        {
            return Some(*value);
        }
        let names: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        self.report(wrong(&join(&self.path, key), &names.join(" or "), &v));
        None
    }

    /// A nested options object.
    fn object(&self, key: &str, allowed: &[&str]) -> Fields {
        Fields::at(
            &self.get(key).unwrap_or(JsValue::UNDEFINED),
            join(&self.path, key),
            allowed,
            self.found.clone(),
        )
    }

    /// An object used as a map from ids to numbers, in key order; a value that is not a
    /// number is reported and read as `None`, its id kept (so that an unknown id is
    /// reported too).
    fn numbers_by_id(&self, key: &str) -> Vec<(String, Option<f64>)> {
        let path = join(&self.path, key);
        let mut out = Vec::new();
        for (id, v) in self.entries(key, "a plain object of numbers by id") {
            let n = v.and_then(|v| {
                let n = v.as_f64();
                if n.is_none() {
                    self.report(wrong(&join(&path, &id), "a number", &v));
                }
                n
            });
            out.push((id, n));
        }
        out
    }

    /// An object used as a map from names to strings, in key order; a value that is not a
    /// string is reported and left out.
    fn texts_by_name(&self, key: &str) -> Vec<(String, String)> {
        let path = join(&self.path, key);
        let mut out = Vec::new();
        for (name, v) in self.entries(key, "a plain object of strings by name") {
            let Some(v) = v else { continue };
            match v.as_string() {
                Some(s) => out.push((name, s)),
                None => self.report(wrong(&join(&path, &name), "a string", &v)),
            }
        }
        out
    }

    /// `weights: {behavioural, functional, domain}`; an absent type weighs 1. Each type's
    /// weight is checked alone, so every one out of range is reported.
    fn weights(&self) -> Option<Weights> {
        self.get("weights")?;
        let w = self.object("weights", &["behavioural", "functional", "domain"]);
        let mut valid = true;
        let mut weight = |k, at: fn(f64) -> [f64; 3]| {
            let value = w.number(k).unwrap_or(1.0);
            let [b, f, d] = at(value);
            if let Err(e) = Weights::new(b, f, d) {
                valid = false;
                self.report(e.into());
            }
            value
        };
        let b = weight("behavioural", |v| [v, 1.0, 1.0]);
        let f = weight("functional", |v| [1.0, v, 1.0]);
        let d = weight("domain", |v| [1.0, 1.0, v]);
        if !valid {
            return None;
        }
        self.keep(Weights::new(b, f, d).map_err(Failure::from))
    }

    /// `solver: "greedy" | {exact: {nodeLimit}}`.
    fn solver(&self) -> Option<Solver> {
        let value = self.get("solver")?;
        if value.as_string().as_deref() == Some("greedy") {
            return Some(Solver::Greedy);
        }
        let path = join(&self.path, "solver");
        if value.as_string().is_some() {
            self.report(wrong(&path, "\"greedy\" or {exact: {nodeLimit}}", &value));
            return None;
        }
        let outer = Fields::at(&value, path, &["exact"], self.found.clone());
        if outer.object.is_undefined() {
            return None;
        }
        let exact = outer.object("exact", &["nodeLimit"]);
        if outer.get("exact").is_some() && exact.object.is_undefined() {
            return None;
        }
        if exact.get("nodeLimit").is_some() {
            return exact
                .count("nodeLimit", 9_007_199_254_740_991.0)
                .map(|node_limit| Solver::Exact { node_limit });
        }
        self.report(problem(
            &join(&exact.path, "nodeLimit"),
            "missing `nodeLimit`: the exact solver needs a node limit",
        ));
        None
    }

    /// `untagged: "ignore" | {assume: level}`.
    fn untagged(&self) -> Option<UntaggedLevel> {
        let value = self.get("untagged")?;
        if value.as_string().as_deref() == Some("ignore") {
            return Some(UntaggedLevel::Ignore);
        }
        let path = join(&self.path, "untagged");
        if value.as_string().is_some() {
            self.report(wrong(&path, "\"ignore\" or {assume: level}", &value));
            return None;
        }
        let assume = Fields::at(&value, path, &["assume"], self.found.clone());
        if assume.object.is_undefined() {
            return None;
        }
        if assume.get("assume").is_none() {
            self.report(problem(
                &join(&assume.path, "assume"),
                "missing `assume`: the level to assume",
            ));
            return None;
        }
        // A level written as text (`"3"`, `"Level 3"`, `"III"`) is read as the library
        // reads every level field, by `Level`'s own reader.
        let raw = assume.get("assume")?;
        if raw.is_string() {
            let level = level_text(&raw);
            if level.is_none() {
                self.report(wrong(
                    &join(&assume.path, "assume"),
                    "a level from 0 to 5: a whole number, `Level 3`, `L3` or a Roman numeral \
                     such as `III`",
                    &raw,
                ));
            }
            return level.map(UntaggedLevel::Assume);
        }
        let level = assume.count("assume", 255.0)?;
        let level = Level::new(u8::try_from(level).unwrap_or(u8::MAX));
        self.keep(level.map_err(Failure::from))
            .map(UntaggedLevel::Assume)
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

/// A value of the wrong kind at `path`, shown as JavaScript writes it: a number by
/// `String(n)` (`Infinity`, `NaN`, `-1e+21`), which `JSON.stringify` would write as
/// `null` when not finite; an object JSON would write as something else by what it is
/// (`an object of class Map`, not `{}`); anything else as `JSON.stringify` writes it.
fn wrong(path: &str, expected: &str, found: &JsValue) -> Failure {
    let shown = match found.as_f64() {
        Some(n) => js_number(n),
        None if found.is_object() => not_plain(found).as_string().unwrap_or_else(|| shown(found)),
        None => shown(found),
    };
    problem(path, &format!("expected {expected}, found {shown}"))
}

/// `found` as `JSON.stringify` writes it, or its type when it writes nothing; a string
/// holding a character that would not show (a zero-width space, a right-to-left override)
/// in double quotes with it escaped, as the library's messages show ids.
fn shown(found: &JsValue) -> String {
    if let Some(text) = wasm_bindgen::JsCast::dyn_ref::<js_sys::JsString>(found) {
        // A lone surrogate has no UTF-8 form: `JSON.stringify` escapes it.
        if text.is_valid_utf16() {
            let quoted = karmayogi::quoted(&String::from(text)).to_string();
            if !quoted.starts_with('`') {
                return quoted;
            }
        }
    }
    js_sys::JSON::stringify(found)
        .ok()
        .and_then(|s| s.as_string())
        .map_or_else(
            || found.js_typeof().as_string().unwrap_or_default(),
            |json| braced_surrogates(&json),
        )
}

/// JSON text with each lone surrogate `JSON.stringify` wrote as `\ud800` written
/// `\u{d800}`, as the package's other messages and the library's show a character
/// escaped. O(length).
fn braced_surrogates(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find('\\') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        // `\\`, `\"`, `\n`, … and `\uXXXX`: JSON's escapes are two characters, or six.
        let hex = from
            .get(2..6)
            .filter(|h| from.get(1..2) == Some("u") && h.starts_with(['d', 'D']));
        if let Some(hex) = hex.filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) {
            out.push_str("\\u{");
            out.push_str(&hex.to_ascii_lowercase());
            out.push('}');
            rest = from.get(6..).unwrap_or_default();
        } else {
            let escape = from.get(..2).unwrap_or(from);
            out.push_str(escape);
            rest = from.get(escape.len()..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
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
pub(crate) fn policy(value: Option<impl Into<JsValue>>) -> Read<LevelPolicy> {
    let f = Fields::new(value, &POLICY_KEYS);
    let p = policy_of(&f);
    f.done(p)
}

fn policy_of(f: &Fields) -> LevelPolicy {
    let mut p = LevelPolicy::default();
    if let Some(yes) = f.flag("verifiedOnly") {
        p = p.verified_only(yes);
    }
    if let Some(yes) = f.flag("selfDeclared") {
        p = p.self_declared(yes);
    }
    if let Some(yes) = f.flag("feedback360") {
        p = p.feedback_360(yes);
    }
    if let Some(date) = f.text("notBefore") {
        p = f.set(p, |p| p.not_before(&date));
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
    ) {
        p = p.undated(rule);
    }
    if let Some(rule) = f.choice(
        "courseLevels",
        &[("reject", CourseLevels::Reject), ("cap", CourseLevels::Cap)],
    ) {
        p = p.course_levels(rule);
    }
    if let Some(yes) = f.flag("inferGroupRules") {
        p = p.infer_group_rules(yes);
    }
    p
}

/// [`ReviewOptions`]: `{asOf}`.
pub(crate) fn review(value: Option<impl Into<JsValue>>) -> Read<ReviewOptions> {
    let f = Fields::new(value, &["asOf"]);
    let o = review_of(&f);
    f.done(o)
}

fn review_of(f: &Fields) -> ReviewOptions {
    match f.text("asOf") {
        Some(date) => f.set(ReviewOptions::default(), |o| o.as_of(&date)),
        None => ReviewOptions::default(),
    }
}

/// [`OfficersCsvOptions`]: `{levelPolicy, review, delimiter, dateOrder}`, and the level
/// policy alone.
pub(crate) fn officers_csv(
    value: Option<impl Into<JsValue>>,
) -> Read<(OfficersCsvOptions, LevelPolicy)> {
    let f = Fields::new(value, &["levelPolicy", "review", "delimiter", "dateOrder"]);
    let policy = policy_of(&f.object("levelPolicy", &POLICY_KEYS));
    let review = review_of(&f.object("review", &["asOf"]));
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
    if let Some(d) = f.choice("delimiter", &delimiters) {
        options = options.delimiter(d);
    }
    let orders = [
        ("day_first", DateOrder::DayFirst),
        ("month_first", DateOrder::MonthFirst),
    ];
    if let Some(order) = f.choice("dateOrder", &orders) {
        options = options.date_order(order);
    }
    f.done((options, policy))
}

/// [`GapOptions`]: `{weights, includeMet}`.
pub(crate) fn gap(value: Option<impl Into<JsValue>>) -> Read<GapOptions> {
    let f = Fields::new(value, &["weights", "includeMet"]);
    let mut o = GapOptions::default();
    if let Some(w) = f.weights() {
        o = o.weights(w);
    }
    if let Some(yes) = f.flag("includeMet") {
        o = o.include_met(yes);
    }
    f.done(o)
}

/// [`RecommendOptions`]; `budget` chooses the budgeted objective.
pub(crate) fn recommend(value: Option<impl Into<JsValue>>) -> Read<RecommendOptions> {
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
    );
    let mut o = RecommendOptions::default();
    if let Some(hours) = f.number("budget") {
        o = f.set(o, |o| o.budget(hours));
    }
    if let Some(s) = f.solver() {
        o = o.solver(s);
    }
    if let Some(u) = f.untagged() {
        o = o.untagged(u);
    }
    if let Some(w) = f.weights() {
        o = o.weights(w);
    }
    for (id, w) in f.numbers_by_id("competencyWeights") {
        o = f.weigh(o, w, |o, w| o.competency_weight(id.as_str(), w));
    }
    if let Some(h) = f.number("termHours") {
        o = f.set(o, |o| o.term_hours(h));
    }
    if let Some(s) = f.number("maxFormalShare") {
        o = f.set(o, |o| o.max_formal_share(s));
    }
    f.done(o)
}

/// The most results a ranking may ask for.
const TOP_MAX: f64 = 4_294_967_295.0;

/// [`RankOptions`]: `{top, weights, excludeCurrent, department}`.
pub(crate) fn rank(value: Option<impl Into<JsValue>>) -> Read<RankOptions> {
    let f = Fields::new(value, &["top", "weights", "excludeCurrent", "department"]);
    let mut o = RankOptions::default();
    if let Some(k) = f.count("top", TOP_MAX) {
        o = o.top(usize::try_from(k).unwrap_or(usize::MAX));
    }
    if let Some(w) = f.weights() {
        o = o.gap_options(GapOptions::default().weights(w));
    }
    if let Some(yes) = f.flag("excludeCurrent") {
        o = o.exclude_current(yes);
    }
    if let Some(d) = f.text("department") {
        o = o.department(d);
    }
    f.done(o)
}

/// [`CareerOptions`]: `{top, excludeCurrent, department, untagged, weights, solver}`.
pub(crate) fn career(value: Option<impl Into<JsValue>>) -> Read<CareerOptions> {
    let f = Fields::new(
        value,
        &[
            "top",
            "excludeCurrent",
            "department",
            "untagged",
            "weights",
            "solver",
        ],
    );
    let mut o = CareerOptions::default();
    if let Some(k) = f.count("top", TOP_MAX) {
        o = o.top(usize::try_from(k).unwrap_or(usize::MAX));
    }
    if let Some(yes) = f.flag("excludeCurrent") {
        o = o.exclude_current(yes);
    }
    if let Some(d) = f.text("department") {
        o = o.department(d);
    }
    if let Some(u) = f.untagged() {
        o = o.untagged(u);
    }
    if let Some(w) = f.weights() {
        o = o.gap_options(GapOptions::default().weights(w));
    }
    if let Some(s) = f.solver() {
        o = o.solver(s);
    }
    f.done(o)
}

/// [`NeedsOptions`]: `{department}`. WebAssembly runs on the calling thread, so there is no
/// `threads`.
pub(crate) fn needs(value: Option<impl Into<JsValue>>) -> Read<NeedsOptions> {
    let f = Fields::new(value, &["department"]);
    let o = match f.text("department") {
        Some(d) => NeedsOptions::default().department(d),
        None => NeedsOptions::default(),
    };
    f.done(o)
}

/// [`AcbpOptions`]; `seats` maps course ids to their seat limits.
pub(crate) fn acbp(value: Option<impl Into<JsValue>>) -> Read<AcbpOptions> {
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
    );
    let seats_of = |path: &str, n: f64| {
        if n.fract() == 0.0 && (0.0..=4_294_967_295.0).contains(&n) {
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
            // checked: whole, 0 to u32::MAX
            Some(n as u32)
        } else {
            f.report(wrong(
                path,
                "a whole number of seats from 0 to 4294967295",
                &JsValue::from_f64(n),
            ));
            None
        }
    };
    let mut o = AcbpOptions::default();
    if let Some(d) = f.text("department") {
        o = o.department(d);
    }
    if let Some(b) = f.number("budget") {
        o = f.set(o, |o| o.budget(b));
    }
    if let Some(c) = f.number("officerCap") {
        o = f.set(o, |o| o.officer_cap(c));
    }
    for (course, n) in f.numbers_by_id("seats") {
        // A count refused is reported, and the course still given (0 seats) so that the
        // call names it if it is unknown; the call fails either way.
        let n = n.and_then(|n| seats_of(&join("seats", &course), n));
        o = o.seats(course, n.unwrap_or(0));
    }
    if let Some(n) = f
        .number("defaultSeats")
        .and_then(|n| seats_of("defaultSeats", n))
    {
        o = o.default_seats(n);
    }
    if let Some(w) = f.weights() {
        o = o.weights(w);
    }
    for (id, w) in f.numbers_by_id("competencyWeights") {
        o = f.weigh(o, w, |o, w| o.competency_weight(id.as_str(), w));
    }
    for (id, w) in f.numbers_by_id("positionWeights") {
        o = f.weigh(o, w, |o, w| o.position_weight(id.as_str(), w));
    }
    if let Some(u) = f.untagged() {
        o = o.untagged(u);
    }
    if let Some(s) = f.solver() {
        o = o.solver(s);
    }
    f.done(o)
}

/// [`CompareOptions`]: `{weights}`.
pub(crate) fn compare(value: Option<impl Into<JsValue>>) -> Read<CompareOptions> {
    let f = Fields::new(value, &["weights"]);
    let o = match f.weights() {
        Some(w) => CompareOptions::default().weights(w),
        None => CompareOptions::default(),
    };
    f.done(o)
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
/// `{group: kind}` or `"ignore"`; its problems reported to `f`.
fn item_mapping(f: &Fields, value: &JsValue, at: &str) -> Option<CaseItemMapping> {
    if value.as_string().as_deref() == Some("ignore") {
        return Some(CaseItemMapping::Ignore);
    }
    if value.as_string().is_some() {
        f.report(wrong(
            at,
            "{competency: type}, {group: kind} or \"ignore\"",
            value,
        ));
        return None;
    }
    let m = Fields::at(
        value,
        at.to_owned(),
        &["competency", "group"],
        f.found.clone(),
    );
    if m.object.is_undefined() {
        return None;
    }
    let (given_competency, given_group) = (m.get("competency"), m.get("group"));
    match (
        m.choice("competency", &COMPETENCY_TYPES),
        m.choice("group", &GROUP_KINDS),
    ) {
        (Some(kind), None) if given_group.is_none() => Some(CaseItemMapping::Competency(kind)),
        (None, Some(kind)) if given_competency.is_none() => Some(CaseItemMapping::Group(kind)),
        // A value of the wrong kind alone is reported by `choice`.
        (None, None) if given_competency.is_some() != given_group.is_some() => None,
        _ => {
            f.report(problem(
                at,
                "expected one of `competency` (a competency type) or `group` (a group kind)",
            ));
            None
        }
    }
}

/// A [`CaseLevelRule`] as the import report writes it: `"score"`, `"rank"`,
/// `{proportional: {top}}` or `{table: [[score, level], …]}`; every problem reported to
/// `f` (each row of a table).
fn level_rule(f: &Fields) -> Option<CaseLevelRule> {
    let value = f.get("levelRule")?;
    let path = join(&f.path, "levelRule");
    match value.as_string().as_deref() {
        Some("score") => return Some(CaseLevelRule::Score),
        Some("rank") => return Some(CaseLevelRule::Rank),
        _ => {}
    }
    let expected = "\"score\", \"rank\", {proportional: {top}} or {table: [[score, level], …]}";
    if value.as_string().is_some() {
        f.report(wrong(&path, expected, &value));
        return None;
    }
    let rule = Fields::at(
        &value,
        path.clone(),
        &["proportional", "table"],
        f.found.clone(),
    );
    if rule.object.is_undefined() {
        return None;
    }
    if rule.get("proportional").is_some() {
        let p = rule.object("proportional", &["top"]);
        if p.object.is_undefined() {
            return None;
        }
        if p.get("top").is_none() {
            f.report(problem(
                &join(&p.path, "top"),
                "missing `top`: the highest score of the scale",
            ));
            return None;
        }
        let top = p.count("top", 4_294_967_295.0)?;
        return Some(CaseLevelRule::Proportional {
            top: u32::try_from(top).unwrap_or(u32::MAX),
        });
    }
    let Some(table) = rule.get("table") else {
        f.report(wrong(&path, expected, &rule.object));
        return None;
    };
    let at = join(&path, "table");
    let rows = items(f, &table, &at, "an array of [score, level] pairs")?;
    let mut pairs = Vec::new();
    let mut valid = true;
    for (i, row) in rows.into_iter().enumerate() {
        let here = format!("{at}[{i}]");
        let Some(row) = row else {
            valid = false;
            continue;
        };
        let pair = items(f, &row, &here, "a [score, level] pair");
        let Some([score, level]) = pair.as_deref() else {
            if pair.is_some() {
                f.report(wrong(&here, "a [score, level] pair", &row));
            }
            valid = false;
            continue;
        };
        let score = score.as_ref().and_then(|score| {
            let n = score.as_f64();
            if n.is_none() {
                f.report(wrong(&format!("{here}[0]"), "a number", score));
            }
            n
        });
        // The table maps scores to the crate's scale, 0 to 5, whatever a competency's
        // levels: that is the range that applies, and every value outside it is named so.
        let level = level
            .as_ref()
            .and_then(|level| match (level.as_f64(), level_text(level)) {
                (Some(n), _) if n.fract() == 0.0 && (0.0..=5.0).contains(&n) => {
                    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
                    // checked: whole, 0 to 5
                    f.keep(Level::new(n as u8).map_err(Failure::from))
                }
                (None, Some(level)) => Some(level),
                _ => {
                    let expected = "a level of the crate's scale, 0 to 5";
                    f.report(wrong(&format!("{here}[1]"), expected, level));
                    None
                }
            });
        match (score, level) {
            (Some(score), Some(level)) => pairs.push((score, level)),
            _ => valid = false,
        }
    }
    valid.then_some(CaseLevelRule::Table(pairs))
}

/// The elements of an array in options at `path`, each read once by `optionItems`
/// (`values.js`): `None` for one whose reading threw (reported to `f`); `None` for all,
/// reported as not `expected`, when `value` is no array of the class Array.
fn items(f: &Fields, value: &JsValue, path: &str, expected: &str) -> Option<Vec<Option<JsValue>>> {
    let read = option_items(value);
    if read.is_null() {
        f.report(wrong(path, expected, value));
        return None;
    }
    if let Some(what) = field(&read, "found").as_string() {
        f.report(problem(path, &format!("expected {expected}, found {what}")));
        return None;
    }
    let thrown = field(&read, "thrown");
    let values = js_sys::Array::from(&field(&read, "values"));
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match field(&thrown, &i.to_string()).as_string() {
            Some(what) => {
                f.report(problem(&format!("{path}[{i}]"), &what));
                out.push(None);
            }
            None => out.push(Some(v)),
        }
    }
    Some(out)
}

/// A level written as text (`"3"`, `"Level 3"`, `"L3"`, `"III"`), read by `Level`'s own
/// reader as every level field of the library reads it; `None` for anything else. The
/// text is read as a JSON string by the reader of every JSON input, which gives
/// `Level`'s reader the same text as a `serde_json::Value::String` would, without
/// compiling that reader a second time for `Value`'s deserializer. O(length).
fn level_text(value: &JsValue) -> Option<Level> {
    level_of_text(&value.as_string()?)
}

/// [`level_text`]'s reading of a Rust string.
fn level_of_text(text: &str) -> Option<Level> {
    serde_json::from_str(&serde_json::to_string(text).ok()?).ok()
}

/// [`CaseImportOptions`]: `{itemTypes, defaultType, ids, levelRule, scoreOrder}`; an item type maps to
/// `{competency: type}`, `{group: kind}` or `"ignore"`, as in the import report.
pub(crate) fn case_import(value: Option<impl Into<JsValue>>) -> Read<CaseImportOptions> {
    let f = Fields::new(
        value,
        &["itemTypes", "defaultType", "ids", "levelRule", "scoreOrder"],
    );
    let mut o = CaseImportOptions::default();
    let path = join(&f.path, "itemTypes");
    for (name, value) in f.entries("itemTypes", "a plain object of mappings by item type") {
        let mapping = value.and_then(|v| item_mapping(&f, &v, &join(&path, &name)));
        if let Some(mapping) = mapping {
            o = o.item_type(&name, mapping);
        }
    }
    if let Some(kind) = f.choice("defaultType", &COMPETENCY_TYPES) {
        o = o.default_type(kind);
    }
    if let Some(ids) = f.choice(
        "ids",
        &[
            ("identifier", CaseIds::Identifier),
            ("human_coding_scheme", CaseIds::HumanCodingScheme),
        ],
    ) {
        o = o.ids(ids);
    }
    if let Some(rule) = level_rule(&f) {
        o = o.level_rule(rule);
    }
    if let Some(order) = f.choice(
        "scoreOrder",
        &[
            ("higher_is_better", CaseScoreOrder::HigherIsBetter),
            ("lower_is_better", CaseScoreOrder::LowerIsBetter),
        ],
    ) {
        o = o.score_order(order);
    }
    f.done(o)
}

/// [`CaseExportOptions`]: `{baseUri, itemTypes: {behavioural, functional, domain},
/// groupItemTypes: {area, theme, sub_theme, free}, areaItemType, areaIdentifiers,
/// groupIdentifiers, rubricTitle}`.
pub(crate) fn case_export(value: Option<impl Into<JsValue>>) -> Read<CaseExportOptions> {
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
    );
    let mut o = CaseExportOptions::default();
    if let Some(base) = f.text("baseUri") {
        o = o.base_uri(base);
    }
    let names = f.object("itemTypes", &COMPETENCY_TYPES.map(|(name, _)| name));
    for (name, kind) in COMPETENCY_TYPES {
        if let Some(text) = names.text(name) {
            o = o.item_type(kind, text);
        }
    }
    let names = f.object("groupItemTypes", &GROUP_KINDS.map(|(name, _)| name));
    for (name, kind) in GROUP_KINDS {
        if let Some(text) = names.text(name) {
            o = o.group_item_type(kind, text);
        }
    }
    if let Some(name) = f.text("areaItemType") {
        o = o.area_item_type(name);
    }
    for (area, id) in f.texts_by_name("areaIdentifiers") {
        o = o.area_identifier(area, id);
    }
    for (group, id) in f.texts_by_name("groupIdentifiers") {
        o = o.group_identifier(group, id);
    }
    if let Some(title) = f.text("rubricTitle") {
        o = o.rubric_title(title);
    }
    f.done(o)
}

/// [`EscoOptions`]: `{essentialLevel, optionalLevel, includeOptional, hierarchy}`; the type
/// rule is the library's standard one.
pub(crate) fn esco(value: Option<impl Into<JsValue>>) -> Read<EscoOptions> {
    let f = Fields::new(
        value,
        &[
            "essentialLevel",
            "optionalLevel",
            "includeOptional",
            "hierarchy",
        ],
    );
    let mut o = EscoOptions::default();
    if let Some(l) = f.count("essentialLevel", 255.0) {
        o = o.essential_level(u8::try_from(l).unwrap_or(u8::MAX));
    }
    if let Some(l) = f.count("optionalLevel", 255.0) {
        o = o.optional_level(u8::try_from(l).unwrap_or(u8::MAX));
    }
    if let Some(yes) = f.flag("includeOptional") {
        o = o.include_optional(yes);
    }
    if let Some(h) = f.choice(
        "hierarchy",
        &[
            ("groups", EscoHierarchy::Groups),
            ("nearest_area", EscoHierarchy::NearestArea),
        ],
    ) {
        o = o.hierarchy(h);
    }
    f.done(o)
}

/// [`OnetOptions`]: `{importanceThreshold, includeSuppressed, unratedOccupations,
/// coreTasksOnly, hierarchy}`; the type rule is the library's standard one.
pub(crate) fn onet(value: Option<impl Into<JsValue>>) -> Read<OnetOptions> {
    let f = Fields::new(
        value,
        &[
            "importanceThreshold",
            "includeSuppressed",
            "unratedOccupations",
            "coreTasksOnly",
            "hierarchy",
        ],
    );
    let mut o = OnetOptions::default();
    if let Some(t) = f.number("importanceThreshold") {
        o = o.importance_threshold(t);
    }
    if let Some(yes) = f.flag("includeSuppressed") {
        o = o.include_suppressed(yes);
    }
    if let Some(yes) = f.flag("unratedOccupations") {
        o = o.unrated_occupations(yes);
    }
    if let Some(yes) = f.flag("coreTasksOnly") {
        o = o.core_tasks_only(yes);
    }
    if let Some(h) = f.choice(
        "hierarchy",
        &[
            ("groups", OnetHierarchy::Groups),
            ("parent_area", OnetHierarchy::ParentArea),
        ],
    ) {
        o = o.hierarchy(h);
    }
    f.done(o)
}

/// [`KcmOptions`]: `{subThemes}`, `"competencies"` (the default) or `"groups"`.
pub(crate) fn kcm(value: Option<impl Into<JsValue>>) -> Read<KcmOptions> {
    let f = Fields::new(value, &["subThemes"]);
    let mut o = KcmOptions::default();
    if let Some(sub_themes) = f.choice(
        "subThemes",
        &[
            ("competencies", KcmSubThemes::Competencies),
            ("groups", KcmSubThemes::Groups),
        ],
    ) {
        o = o.sub_themes(sub_themes);
    }
    f.done(o)
}

/// [`RollupOptions`]: `{department, kind}`. WebAssembly runs on the calling thread, so there
/// is no `threads`.
pub(crate) fn rollup(value: Option<impl Into<JsValue>>) -> Read<RollupOptions> {
    let f = Fields::new(value, &["department", "kind"]);
    let mut o = RollupOptions::default();
    if let Some(d) = f.text("department") {
        o = o.department(d);
    }
    if let Some(kind) = f.choice("kind", &GROUP_KINDS) {
        o = o.kind(kind);
    }
    f.done(o)
}

/// [`IgotCourseOptions`]: `{key, hoursWhenMissing}`, `key` one of `"names"` (the default),
/// `"identifiers"` or `"ref_ids"`.
pub(crate) fn igot_courses(value: Option<impl Into<JsValue>>) -> Read<IgotCourseOptions> {
    let f = Fields::new(value, &["key", "hoursWhenMissing"]);
    let mut o = IgotCourseOptions::default();
    if let Some(key) = f.choice(
        "key",
        &[
            ("names", KcmTagKey::Names),
            ("identifiers", KcmTagKey::Identifiers),
            ("ref_ids", KcmTagKey::RefIds),
        ],
    ) {
        o = o.key(key);
    }
    if let Some(hours) = f.number("hoursWhenMissing") {
        o = o.hours_when_missing(hours);
    }
    f.done(o)
}

/// [`FracOptions`]: `{department}`, the department of positions whose node names none.
pub(crate) fn frac(value: Option<impl Into<JsValue>>) -> Read<FracOptions> {
    let f = Fields::new(value, &["department"]);
    let o = match f.text("department") {
        Some(d) => FracOptions::default().department(d),
        None => FracOptions::default(),
    };
    f.done(o)
}

#[cfg(test)]
mod tests {
    use super::{braced_surrogates, level_of_text};
    use karmayogi::Level;

    #[test]
    fn a_level_text_reads_as_a_json_string_value_reads() {
        for text in [
            "3",
            " 3 ",
            "3.0",
            "L3",
            "Level 3",
            "level\t3",
            "III",
            "Level III",
            "3 (Advanced)",
            "Advanced (3)",
            "0",
            "6",
            "-1",
            "three",
            "",
            "\"3\"",
            "3\n",
            "\u{1}3",
            "३",
            "Ⅲ",
        ] {
            let value: Option<Level> =
                serde_json::from_value(serde_json::Value::String(text.to_owned())).ok();
            assert_eq!(level_of_text(text), value, "{text:?}");
        }
    }

    #[test]
    fn lone_surrogates_are_braced_and_other_escapes_kept() {
        for (json, shown) in [
            (r#""\ud800""#, r#""\u{d800}""#),
            (
                r#"["a\uDFFF\\ud800\n\u0007"]"#,
                r#"["a\u{dfff}\\ud800\n\u0007"]"#,
            ),
            (r#""\\\udc00x""#, r#""\\\u{dc00}x""#),
            (r#""é\"""#, r#""é\"""#),
            ("\\u", "\\u"),
        ] {
            assert_eq!(braced_surrogates(json), shown, "{json}");
        }
    }
}
