//! The `Profile` class: one officer checked against a framework, with current levels.

use std::rc::Rc;

use karmayogi::{CompetencyId, Level, OfficerSpec};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::failure::Failure;
use crate::framework::Framework;
use crate::json::{Input, output, text_arg};
use crate::options;

/// An officer checked against a framework, with the current level in each competency
/// derived from their passbook by a level policy.
///
/// By default the policy counts verified course completions, assessments and 360-degree
/// feedback of any date, and not self-declared evidence; the current level is the highest
/// level the counted evidence shows.
#[wasm_bindgen]
pub struct Profile {
    pub(crate) inner: karmayogi::Profile,
    framework: Rc<karmayogi::Framework>,
}

/// A competency held above level 0.
#[derive(Serialize)]
struct Held<'f> {
    competency: &'f CompetencyId,
    level: Level,
}

impl Profile {
    /// Wraps a profile of `framework`.
    pub(crate) fn wrap(inner: karmayogi::Profile, framework: Rc<karmayogi::Framework>) -> Profile {
        Profile { inner, framework }
    }
}

#[wasm_bindgen]
impl Profile {
    /// Checks an officer (an object or its JSON text) against the framework and derives
    /// their current levels.
    ///
    /// Throws a `KarmayogiError` listing every problem: an unknown position, target,
    /// competency or course, a level outside a competency's scale, a date that is not
    /// `YYYY-MM-DD`, or a malformed officer.
    #[wasm_bindgen(constructor)]
    pub fn new(
        framework: &Framework,
        #[wasm_bindgen(unchecked_param_type = "OfficerSpec | string")] officer: &JsValue,
        policy: Option<crate::args::LevelPolicy>,
    ) -> Result<Profile, Failure> {
        options::policy(policy).then(|policy| {
            let officer: OfficerSpec = Input::new(officer, "officer")?.parse()?;
            let inner = karmayogi::Profile::new(&framework.inner, &officer, policy)?;
            Ok(Profile::wrap(inner, Rc::clone(&framework.inner)))
        })
    }

    /// The officer's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_string()
    }

    /// The officer's name; `undefined` when the officer has none.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> Option<String> {
        self.inner.name().map(ToOwned::to_owned)
    }

    /// The officer's department.
    #[wasm_bindgen(getter)]
    pub fn department(&self) -> String {
        self.inner.department().to_string()
    }

    /// The position the officer holds.
    #[wasm_bindgen(getter)]
    pub fn position(&self) -> Result<String, Failure> {
        Ok(self.inner.position(&self.framework)?.to_string())
    }

    /// The position the officer is moving to, if any.
    #[wasm_bindgen(getter, js_name = targetPosition)]
    pub fn target_position(&self) -> Result<Option<String>, Failure> {
        Ok(self
            .inner
            .target_position(&self.framework)?
            .map(ToString::to_string))
    }

    /// The current level in a competency (0 when no counted evidence shows it, or for an
    /// unknown id).
    pub fn level(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] competency: &JsValue,
    ) -> Result<u8, Failure> {
        let competency = text_arg(competency, "competency id")?;
        Ok(self.inner.level(&self.framework, &competency)?.get())
    }

    /// Every competency held above level 0, by competency id.
    #[wasm_bindgen(unchecked_return_type = "HeldLevel[]")]
    pub fn held(&self) -> Result<JsValue, Failure> {
        let held: Vec<Held<'_>> = self
            .inner
            .held(&self.framework)?
            .into_iter()
            .map(|(competency, level)| Held { competency, level })
            .collect();
        output(&held)
    }

    /// The courses the officer has completed (every course-completion entry counts,
    /// whatever the policy), by id.
    #[wasm_bindgen(js_name = completedCourses, unchecked_return_type = "string[]")]
    pub fn completed_courses(&self) -> Result<JsValue, Failure> {
        output(&self.inner.completed_courses(&self.framework)?)
    }
}
