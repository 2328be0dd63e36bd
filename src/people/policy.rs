//! How current levels are derived from a passbook: [`LevelPolicy`] and its rules for
//! undated evidence and course completions.

use crate::Error;
use crate::model::date::parse_iso_date;
use crate::people::officer::EvidenceSource;

/// Whether evidence without a date counts, in a [`LevelPolicy`].
///
/// The platform's self-attestations carry no date, and real exports write `"date": ""`
/// or leave it out. Such evidence cannot be shown to be recent, so by default it counts
/// only while no cut-off ([`LevelPolicy::not_before`]) is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum UndatedEvidence {
    /// Undated evidence always counts: it never lapses.
    Counts,
    /// Undated evidence counts unless [`LevelPolicy::not_before`] sets a cut-off. The
    /// default.
    #[default]
    CountsWithoutCutoff,
    /// Undated evidence never counts.
    Ignored,
}

/// What a course completion claiming a level above the course's own level means, in a
/// [`LevelPolicy`].
///
/// A completion of a course that builds a competency to level 2 cannot show level 5: the
/// claim is a mistake in the export (or the catalogue).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CourseLevels {
    /// The completion is an error ([`EvidenceProblem::AboveCourseLevel`], naming the
    /// officer, course, competency and both levels). The default.
    ///
    /// [`EvidenceProblem::AboveCourseLevel`]: crate::EvidenceProblem::AboveCourseLevel
    #[default]
    Reject,
    /// The completion counts at the course's level.
    Cap,
}

/// How an officer's current level per competency is derived from the passbook.
///
/// The current level is the **highest level among the evidence the policy counts**, 0 when
/// none counts, and, when [`infer_group_rules`](LevelPolicy::infer_group_rules) is on,
/// raised by the groups' rules. By default it counts verified evidence from course
/// completions, assessments and 360-degree feedback, of any date (undated evidence too),
/// and not self-declared evidence; a course completion above the course's own level is an
/// error; no level is inferred.
///
/// # Example
/// ```
/// use karmayogi::LevelPolicy;
///
/// let policy = LevelPolicy::default().self_declared(true).not_before("2022-04-01")?;
/// assert!(policy.counts_self_declared());
/// # Ok::<(), karmayogi::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // independent switches, each with its own setter
pub struct LevelPolicy {
    verified_only: bool,
    self_declared: bool,
    feedback_360: bool,
    not_before: Option<u32>,
    undated: UndatedEvidence,
    pub(super) course_levels: CourseLevels,
    pub(super) infer_group_rules: bool,
}

impl Default for LevelPolicy {
    fn default() -> Self {
        LevelPolicy {
            verified_only: true,
            self_declared: false,
            feedback_360: true,
            not_before: None,
            undated: UndatedEvidence::default(),
            course_levels: CourseLevels::default(),
            infer_group_rules: false,
        }
    }
}

impl LevelPolicy {
    /// Whether only verified evidence counts (default `true`).
    pub fn verified_only(mut self, yes: bool) -> Self {
        self.verified_only = yes;
        self
    }

    /// Whether self-declared evidence counts (default `false`).
    pub fn self_declared(mut self, yes: bool) -> Self {
        self.self_declared = yes;
        self
    }

    /// Whether 360-degree feedback counts (default `true`).
    pub fn feedback_360(mut self, yes: bool) -> Self {
        self.feedback_360 = yes;
        self
    }

    /// Counts only evidence dated on or after `date` (`YYYY-MM-DD`), so old evidence lapses.
    /// Undated evidence then stops counting too, unless [`LevelPolicy::undated`] says
    /// [`UndatedEvidence::Counts`].
    ///
    /// # Errors
    /// [`Error::InvalidPolicyDate`] when `date` is not an ISO calendar date.
    pub fn not_before(mut self, date: &str) -> Result<Self, Error> {
        let d = parse_iso_date(date).ok_or_else(|| Error::InvalidPolicyDate {
            value: date.to_owned(),
        })?;
        self.not_before = Some(d);
        Ok(self)
    }

    /// Whether undated evidence counts (default
    /// [`UndatedEvidence::CountsWithoutCutoff`]).
    pub fn undated(mut self, rule: UndatedEvidence) -> Self {
        self.undated = rule;
        self
    }

    /// What a course completion above the course's own level means (default
    /// [`CourseLevels::Reject`]: an error).
    pub fn course_levels(mut self, rule: CourseLevels) -> Self {
        self.course_levels = rule;
        self
    }

    /// Whether the groups' rules ([`GroupRule`](crate::GroupRule)) infer levels (default
    /// `false`). When on, after the levels are derived from the evidence, every rule is
    /// applied once, bottom-up (each after the rules feeding it): an officer holding
    /// enough of a group's children at the rule's level holds the rule's competency at
    /// that level, unless they hold it higher already.
    ///
    /// # Properties
    /// - Off, or on with a framework without rules, gives exactly the levels of the
    ///   evidence.
    /// - Inference only raises levels, and is monotone: raising an evidence level never
    ///   lowers an inferred one.
    /// - One bottom-up pass reaches the fixpoint: applying any rule again changes nothing,
    ///   so the result does not depend on the order of groups in the spec.
    ///
    /// # Complexity
    /// Per officer, O(Σ children · log h) over the rules for h held competencies, and
    /// nothing for an officer holding nothing.
    pub fn infer_group_rules(mut self, yes: bool) -> Self {
        self.infer_group_rules = yes;
        self
    }

    /// Whether the groups' rules infer levels.
    pub fn infers_group_rules(&self) -> bool {
        self.infer_group_rules
    }

    /// Whether self-declared evidence counts.
    pub fn counts_self_declared(&self) -> bool {
        self.self_declared
    }

    /// Whether evidence from `source`, verified or not, dated `date` (`None`: undated)
    /// counts.
    pub(crate) fn counts(&self, source: EvidenceSource, verified: bool, date: Option<u32>) -> bool {
        (verified || !self.verified_only)
            && match source {
                EvidenceSource::SelfDeclared => self.self_declared,
                EvidenceSource::Feedback360 => self.feedback_360,
                EvidenceSource::CourseCompletion | EvidenceSource::Assessment => true,
            }
            && match (date, self.not_before) {
                (Some(date), Some(cut)) => date >= cut,
                (Some(_), None) => true,
                (None, cut) => match self.undated {
                    UndatedEvidence::Counts => true,
                    UndatedEvidence::CountsWithoutCutoff => cut.is_none(),
                    UndatedEvidence::Ignored => false,
                },
            }
    }

    /// [`LevelPolicy::counts`] settled once, for a loop over many entries.
    pub(crate) fn counting(&self) -> Counting {
        let mut sources = 0;
        for source in EvidenceSource::ALL {
            for verified in [false, true] {
                // No day fails a test of "on or after" with the last day: only the source
                // and the flag decide.
                if self.counts(source, verified, Some(u32::MAX)) {
                    sources |= 1 << Counting::bit(source, verified);
                }
            }
        }
        Counting {
            sources,
            from: self.not_before.unwrap_or(0),
            // A verified assessment counts whatever the switches: only the date decides.
            undated: self.counts(EvidenceSource::Assessment, true, None),
        }
    }
}

/// [`LevelPolicy::counts`] as a table of sources and flags and a first day: the policy's
/// test factors into one on the source and flag and one on the date, each read here with
/// a shift or a comparison.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Counting {
    /// Bit [`Counting::bit`] set when evidence of that source and flag counts.
    sources: u8,
    /// The first day that counts: the policy's cut-off, or 0.
    from: u32,
    /// Whether undated evidence counts.
    undated: bool,
}

impl Counting {
    /// The bit of `sources` for `source` and `verified`.
    const fn bit(source: EvidenceSource, verified: bool) -> u32 {
        2 * source as u32 + verified as u32
    }

    /// What [`LevelPolicy::counts`] gives for the same arguments.
    #[inline]
    pub(crate) fn counts(self, source: EvidenceSource, verified: bool, date: Option<u32>) -> bool {
        self.counts_source(source, verified) && self.counts_date(date)
    }

    /// The test of [`Counting::counts`] on the source and flag alone.
    #[inline]
    pub(crate) fn counts_source(self, source: EvidenceSource, verified: bool) -> bool {
        self.sources >> Counting::bit(source, verified) & 1 != 0
    }

    /// The test of [`Counting::counts`] on the date alone.
    #[inline]
    pub(crate) fn counts_date(self, date: Option<u32>) -> bool {
        date.map_or(self.undated, |day| day >= self.from)
    }
}

#[cfg(test)]
mod tests {
    use super::{EvidenceSource, LevelPolicy, UndatedEvidence};

    /// The table gives what the policy's own test gives, for every policy the switches
    /// make (with and without a cut-off), every source and flag, and dates around the
    /// cut-off, at both ends of the range, and none.
    #[test]
    fn counting_gives_what_the_policy_gives() {
        let rules = [
            UndatedEvidence::Counts,
            UndatedEvidence::CountsWithoutCutoff,
            UndatedEvidence::Ignored,
        ];
        let cut = crate::model::date::parse_iso_date("2022-04-01").expect("a date");
        let days = [
            None,
            Some(0),
            Some(1),
            Some(cut - 1),
            Some(cut),
            Some(cut + 1),
        ];
        let days = days.into_iter().chain([Some(u32::MAX - 1), Some(u32::MAX)]);
        let days: Vec<Option<u32>> = days.collect();
        let mut policies = 0;
        for bits in 0..8 {
            for rule in rules {
                for cutoff in [false, true] {
                    let mut policy = LevelPolicy::default()
                        .verified_only(bits & 1 != 0)
                        .self_declared(bits & 2 != 0)
                        .feedback_360(bits & 4 != 0)
                        .undated(rule);
                    if cutoff {
                        policy = policy.not_before("2022-04-01").expect("a date");
                    }
                    let counting = policy.counting();
                    for source in EvidenceSource::ALL {
                        for verified in [false, true] {
                            for &day in &days {
                                assert_eq!(
                                    counting.counts(source, verified, day),
                                    policy.counts(source, verified, day),
                                    "{policy:?}, {source:?}, verified {verified}, day {day:?}"
                                );
                            }
                        }
                    }
                    policies += 1;
                }
            }
        }
        assert_eq!(policies, 48);
    }
}
