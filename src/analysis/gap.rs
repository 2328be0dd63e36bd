//! Gap analysis: what an officer lacks against a position, and how ready they are.

use serde::Serialize;

use crate::analysis::readiness::ExactWeights;
use crate::model::framework::Req;
use crate::model::order;
use crate::model::spec::CompetencyType;
use crate::{CompetencyId, Error, Framework, Level, OfficerId, Paths, PositionId, Profile};

/// Weights per competency type for the readiness score. All default to 1.
///
/// # Example
/// ```
/// use karmayogi::Weights;
///
/// // Domain knowledge counts twice as much as the rest.
/// let w = Weights::new(1.0, 1.0, 2.0)?;
/// assert!(Weights::new(-1.0, 1.0, 1.0).is_err());
/// # Ok::<(), karmayogi::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Weights([f64; 3]);

impl Default for Weights {
    fn default() -> Self {
        Weights([1.0; 3])
    }
}

impl Weights {
    /// The largest weight accepted, here and for one competency or position (10⁹): a
    /// gap's value multiplies a type's, a competency's and a position's weight with a
    /// shortfall of at most 5 levels, and a department plan sums such values over every
    /// officer's gaps, so with each factor at most 10⁹ every sum of up to 10²⁷⁰ gaps stays
    /// a finite number (`f64` ends near 1.8 × 10³⁰⁸). A billion to one between two
    /// priorities is more than any ranking of competencies needs.
    pub const MAX: f64 = 1e9;

    /// The smallest weight above 0 accepted, here and for one competency or position
    /// (10⁻⁹): a gap's value multiplies up to three weights with a shortfall of at least one
    /// level, so with each positive factor at least 10⁻⁹ a gap whose weights are all above
    /// 0 is worth at least 10⁻²⁷, never a product too small for a double. Two weights of
    /// 10⁻²⁰⁰ would multiply to exactly 0, and the gap would be read as not wanted, which
    /// only a weight of 0 says. A billion to one below 1 matches [`Weights::MAX`] above it.
    pub const MIN_POSITIVE: f64 = 1e-9;

    /// Weights for behavioural, functional and domain competencies, each 0 or from
    /// [`Weights::MIN_POSITIVE`] to [`Weights::MAX`].
    ///
    /// # Errors
    /// [`Error::InvalidWeight`] naming the first weight that is negative, above 0 and below
    /// [`Weights::MIN_POSITIVE`], above [`Weights::MAX`] or not a number.
    pub fn new(behavioural: f64, functional: f64, domain: f64) -> Result<Weights, Error> {
        for (name, value) in [
            ("behavioural", behavioural),
            ("functional", functional),
            ("domain", domain),
        ] {
            if !valid_weight(value) {
                return Err(Error::InvalidWeight { name, value });
            }
        }
        Ok(Weights([behavioural, functional, domain]))
    }

    /// The weight of one type.
    pub fn get(&self, kind: CompetencyType) -> f64 {
        self.0[kind.index()]
    }

    /// The weights in exact form, for many readiness values of one call.
    pub(crate) fn exact(&self) -> ExactWeights {
        ExactWeights::new(self.0)
    }

    /// Readiness from per-type sums of held-and-required levels over required levels, as
    /// reported: the double nearest the exact ratio (see [`GapReport`]).
    pub(crate) fn readiness(&self, met: [u32; 3], required: [u32; 3]) -> f64 {
        self.exact().ratio(met, required).value()
    }
}

/// Whether `value` is a weight: 0, or from [`Weights::MIN_POSITIVE`] to [`Weights::MAX`].
fn valid_weight(value: f64) -> bool {
    value == 0.0 || (Weights::MIN_POSITIVE..=Weights::MAX).contains(&value)
}

/// Checks a priority weight given to one competency or position: 0, or from
/// [`Weights::MIN_POSITIVE`] to [`Weights::MAX`].
pub(crate) fn check_id_weight(kind: crate::EntityKind, id: &str, value: f64) -> Result<f64, Error> {
    if valid_weight(value) {
        Ok(value)
    } else {
        Err(Error::InvalidIdWeight {
            kind,
            id: id.to_owned(),
            value,
        })
    }
}

/// Options for gap reports and rankings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GapOptions {
    weights: Weights,
    include_met: bool,
}

impl GapOptions {
    /// Readiness weights per competency type (default: all 1).
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Whether a report also lists requirements already met, with shortfall 0, after the
    /// gaps (default `false`).
    pub fn include_met(mut self, yes: bool) -> Self {
        self.include_met = yes;
        self
    }

    /// The readiness weights.
    pub fn get_weights(&self) -> &Weights {
        &self.weights
    }
}

/// One line of a gap report: a required competency, what is held, and the shortfall.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// The level the position requires.
    pub required: Level,
    /// The officer's current level.
    pub current: Level,
    /// `required − current`, at least 0, in FRAC's levels: for a competency that exists at
    /// some levels only (an SFIA skill at 4 and 5), an officer holding none of it (0)
    /// where 5 is required is 5 short, not 2 (the levels of its scale) nor 4, as in every
    /// other output (readiness, heatmaps, plans; see `DESIGN.md`, "Why this readiness
    /// definition?").
    pub shortfall: u8,
    /// The roles and activities that demand the competency, derived when iterated.
    pub provenance: Paths<'f>,
}

/// An officer's gaps against one position, and their readiness for it.
///
/// **Readiness** is the weighted share of required proficiency the officer holds:
///
/// ```text
///              Σ_c w(type c) · min(current_c, required_c)
/// readiness = ────────────────────────────────────────────
///              Σ_c w(type c) · required_c
/// ```
///
/// over the competencies the position requires. It lies in `[0, 1]`; 1 means every
/// requirement that counts (of a type weighted above 0) is met; a position requiring
/// nothing (or only zero-weighted types) gives 1. Each level counts once, so a gap of two
/// levels costs twice a gap of one; levels are FRAC's 1 to 5 whatever levels a competency
/// has, so holding none of a skill that exists at 4 and 5 only, required at 5, is 5 levels
/// short and readiness 0 for it.
///
/// The ratio is taken exactly, with each weight at its exact binary value (a weight of
/// 0.1 is the double nearest 0.1): two officers or posts whose ratios are equal have
/// equal readiness whatever the weights, so rankings reach their tie-breaks, and order
/// by readiness is the order of the exact ratios. The value reported is the double
/// nearest the exact ratio (3/4 is `0.75`, 1/3 is `1.0 / 3.0`), except that a ratio
/// below 1 that would round to 1 (a gap weighted 10⁻⁹ beside requirements weighted 10⁹)
/// is reported as the largest double below 1, `1 − 2⁻⁵³`: readiness is 1 exactly when
/// no requirement that counts is short. Reports print such a value as `>99%`, never
/// `100%`.
///
/// # Properties
/// - Raising a held level never adds a gap nor lowers readiness.
/// - `gaps` is sorted by shortfall (largest first), then competency id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapReport<'a> {
    /// The officer.
    pub officer: &'a OfficerId,
    /// The officer's name, when their spec gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<&'a str>,
    /// The position assessed against.
    pub position: &'a PositionId,
    /// Its name.
    pub position_name: &'a str,
    /// Readiness in `[0, 1]`, as defined above: the double nearest the exact ratio, below
    /// 1 while a requirement that counts is short.
    pub readiness: f64,
    /// How many competencies the position requires.
    pub requirements: usize,
    /// How many of them the officer meets.
    pub met: usize,
    /// Sum of required levels.
    pub required_levels: u32,
    /// Sum of shortfalls.
    pub shortfall_levels: u32,
    /// The gaps (and, with [`GapOptions::include_met`], the met requirements after them).
    pub gaps: Vec<Gap<'a>>,
}

/// Per-type sums for readiness, and the shortfall total, of one officer against one position.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tally {
    pub(crate) met_levels: [u32; 3],
    pub(crate) shortfall: u32,
    pub(crate) short_count: u32,
}

/// Merges a position's sorted requirements with an officer's sorted held levels, calling
/// `each(req_index, current_level)` for every requirement.
///
/// # Complexity
/// O(r + h) for r requirements and h held competencies.
#[inline]
pub(crate) fn merge_held(reqs: &[Req], held: &[(u32, u8)], mut each: impl FnMut(usize, u8)) {
    let mut h = 0;
    for (i, r) in reqs.iter().enumerate() {
        while h < held.len() && held[h].0 < r.competency {
            h += 1;
        }
        let current = if h < held.len() && held[h].0 == r.competency {
            held[h].1
        } else {
            0
        };
        each(i, current);
    }
}

pub(crate) fn tally(reqs: &[Req], held: &[(u32, u8)]) -> Tally {
    let mut t = Tally::default();
    merge_held(reqs, held, |i, current| {
        let r = reqs[i];
        let short = r.level.saturating_sub(current);
        t.met_levels[r.kind as usize] += u32::from(r.level - short);
        t.shortfall += u32::from(short);
        t.short_count += u32::from(short > 0);
    });
    t
}

impl Framework {
    /// The officer's gap report against their current position.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework.
    ///
    /// # Complexity
    /// As [`Framework::gap_for`].
    pub fn gap<'a>(
        &'a self,
        profile: &'a Profile,
        options: &GapOptions,
    ) -> Result<GapReport<'a>, Error> {
        self.check_stamp(profile.stamp)?;
        Ok(self.gap_at(profile, profile.position, options))
    }

    /// The officer's gap report against any position (a transfer, a promotion).
    ///
    /// # Errors
    /// [`Error::UnknownId`] for an unknown position; [`Error::FrameworkMismatch`] when the
    /// profile was built from another framework.
    ///
    /// # Complexity
    /// O(r + h + g log g) time for r requirements, h held competencies and g gaps; memory
    /// O(g) (O(r) with [`GapOptions::include_met`]). Provenance is borrowed as a
    /// [`Paths`](crate::Paths) view, so a line costs the same however many role → activity
    /// paths lead to it.
    pub fn gap_for<'a>(
        &'a self,
        profile: &'a Profile,
        position: &str,
        options: &GapOptions,
    ) -> Result<GapReport<'a>, Error> {
        self.check_stamp(profile.stamp)?;
        let p = self.position_index(position)?;
        Ok(self.gap_at(profile, p, options))
    }

    fn gap_at<'a>(&'a self, profile: &'a Profile, p: u32, options: &GapOptions) -> GapReport<'a> {
        let reqs = self.position_reqs(p);
        let mut gaps = Vec::new();
        let mut met = Vec::new();
        let mut t = Tally::default();
        merge_held(reqs, &profile.held, |i, current| {
            let r = reqs[i];
            let short = r.level.saturating_sub(current);
            t.met_levels[r.kind as usize] += u32::from(r.level - short);
            t.shortfall += u32::from(short);
            if short > 0 || options.include_met {
                let req = self.requirement(p, r);
                let line = Gap {
                    competency: req.competency,
                    name: req.name,
                    kind: req.kind,
                    required: req.level,
                    current: Level::saturating(current),
                    shortfall: short,
                    provenance: req.provenance,
                };
                if short > 0 {
                    gaps.push(line);
                } else {
                    met.push(line);
                }
            }
        });
        // Requirements arrive in competency-id order, so a stable sort keeps ids ascending
        // within equal shortfall.
        order::sort_by_key(&mut gaps, |g| std::cmp::Reverse(g.shortfall));
        let met_count = reqs.len() - gaps.len();
        gaps.append(&mut met);
        let required_levels = self.level_sums[p as usize].iter().sum();
        GapReport {
            officer: &profile.id,
            officer_name: profile.name.as_deref(),
            position: self.position_id(p),
            position_name: self.position_name(p),
            readiness: options
                .weights
                .readiness(t.met_levels, self.level_sums[p as usize]),
            requirements: reqs.len(),
            met: met_count,
            required_levels,
            shortfall_levels: t.shortfall,
            gaps,
        }
    }
}
