//! From the solver's picks to a [`Plan`]: the steps in learning order with what each
//! closes, the gaps left open and why, the blend of modes and the terms.

use super::options::{Objective, RecommendOptions, UntaggedLevel, reaches};
use super::plan::{Blend, Closed, GapItem, OpenGap, OpenReason, Optimality, Plan, Step, Term};
use crate::model::hours::{TOLERANCE, exact_sum, picos, round_total, total_of};
use crate::model::order;
use crate::model::spec::Mode;
use crate::planning::cover::{self, Instance};
use crate::{CourseId, Framework, Level};

impl Framework {
    pub(super) fn open_reason(&self, g: &GapItem<'_>, untagged: UntaggedLevel) -> OpenReason {
        let offers = self.offers_of(g.competency);
        if offers.is_empty() {
            return OpenReason::NoCourse;
        }
        if offers
            .iter()
            .any(|o| reaches(o.level, untagged).is_some_and(|l| l >= g.required))
        {
            // Closable in principle, so only completed courses do it.
            return OpenReason::CompletedOnly;
        }
        match offers
            .iter()
            .filter_map(|o| reaches(o.level, untagged))
            .max()
        {
            Some(best) => OpenReason::LevelTooLow {
                best: Level::saturating(best),
            },
            None => OpenReason::UntaggedOnly,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn assemble<'f>(
        &'f self,
        picked: &[u32],
        closable: &[&GapItem<'f>],
        open: Vec<(&GapItem<'f>, OpenReason)>,
        inst: &Instance,
        chosen_local: &[u32],
        (optimality, bound, nodes): (Optimality, f64, u64),
        options: &RecommendOptions,
    ) -> Plan<'f> {
        let mut order: Vec<(u32, u32)> = picked
            .iter()
            .zip(chosen_local)
            .map(|(&c, &l)| (c, l))
            .collect();
        self.learning_order_by(&mut order, |&(c, _)| c);
        // Each step's dependants in the plan, in learning order: one pass over the
        // steps' direct prerequisites.
        let mut prerequisite_for: Vec<Vec<&'f CourseId>> = vec![Vec::new(); order.len()];
        super::marks::with_marks(self.courses.len(), |position| {
            for (i, &(c, _)) in order.iter().enumerate() {
                position.insert(c, i as u32);
            }
            for &(course, _) in &order {
                for &p in self.direct_prerequisites(course) {
                    if let Some(i) = position.get(p) {
                        prerequisite_for[i as usize].push(self.course_id(course));
                    }
                }
            }
        });
        let mut steps: Vec<Step<'f>> = Vec::with_capacity(order.len());
        // The blend's hours in pico-hours, summed exactly (`model::hours`).
        let mut by_mode = [0i128; 3];
        for (&(course, _), prerequisite_for) in order.iter().zip(prerequisite_for) {
            let spec = &self.courses.items[course as usize];
            by_mode[spec.mode as usize] += picos(spec.hours);
            steps.push(Step {
                course: &spec.id,
                name: &spec.name,
                hours: spec.hours,
                mode: spec.mode,
                term: 0,
                closes: Vec::new(),
                prerequisite_for,
            });
        }
        let blend = Blend {
            formal: total_of(by_mode[Mode::Formal as usize]),
            social: total_of(by_mode[Mode::Social as usize]),
            experiential: total_of(by_mode[Mode::Experiential as usize]),
        };
        let mut locals: Vec<u32> = order.iter().map(|&(_, l)| l).collect();
        let terms = match options.term_hours {
            Some(cap) => {
                let terms = self.split_terms(&mut steps, cap);
                // Learning order: by term, then the order within the path (a stable sort).
                let mut by_term: Vec<usize> = (0..steps.len()).collect();
                order::sort_by_key(&mut by_term, |&i| steps[i].term);
                steps = by_term.iter().map(|&i| steps[i].clone()).collect();
                locals = by_term.iter().map(|&i| locals[i]).collect();
                terms
            }
            None => Vec::new(),
        };
        let credited = self.credit_closes(&mut steps, &locals, closable, inst);
        let open = self.open_gaps(open, closable, &credited, inst);
        let value_closed = cover::value_of_chosen(inst, chosen_local);
        // Summed exactly in pico-hours, as every reported total of hours is
        // (`model::hours`); the terms' hours are summed so as they are assigned.
        let total_hours = exact_sum(steps.iter().map(|s| s.hours));
        // A least-hours bound is a number of (selection) hours: rounded as the total is, so
        // that, rounding being monotone, it is never reported above the hours of a plan it
        // bounds. A budget's bound is a value, reported as computed. A plan proven optimal
        // meets its bound: its own selection hours (summed exactly, as the total is) or
        // value. The solvers' bounds are rounded up to the costs' common unit with a
        // slack of 10⁻⁷ of the bound for the rounding of sums, which on costs of many units
        // (formal hours at `1 / share` for a tiny share) is whole units below the optimum.
        let optimal = optimality == Optimality::Optimal;
        let bound = match options.objective {
            Objective::CloseAll if optimal => {
                exact_sum(steps.iter().map(|s| match options.max_formal_share {
                    Some(share) if s.mode == Mode::Formal => s.hours / share,
                    _ => s.hours,
                }))
            }
            Objective::CloseAll => round_total(bound),
            Objective::Budget(_) if optimal => value_closed,
            Objective::Budget(_) => bound,
        };
        Plan {
            closed: credited.iter().filter(|&&c| c).count(),
            steps,
            total_hours,
            blend_target_met: options
                .max_formal_share
                .map(|share| blend.formal_share() <= share + 1e-12),
            blend,
            value_closed,
            open,
            terms,
            bound,
            optimality,
            nodes,
        }
    }

    /// Fills each step's `closes`: every gap is credited to the first step in the final
    /// order that closes it. Returns which of `closable` were credited.
    fn credit_closes<'f>(
        &'f self,
        steps: &mut [Step<'f>],
        locals: &[u32],
        closable: &[&GapItem<'f>],
        inst: &Instance,
    ) -> Vec<bool> {
        let mut credited = vec![false; closable.len()];
        for (step, &l) in steps.iter_mut().zip(locals) {
            // Counted first (a few elements): one allocation of the step's size (the vector
            // is empty until now), not the doubling series, which cost more than the count.
            let fresh = inst
                .covers(l)
                .iter()
                .filter(|&&e| !credited[e as usize])
                .count();
            step.closes = Vec::with_capacity(fresh);
            for &e in inst.covers(l) {
                if !credited[e as usize] {
                    credited[e as usize] = true;
                    let g = closable[e as usize];
                    step.closes.push(Closed {
                        competency: self.competency_id(g.competency),
                        name: self.competency_name(g.competency),
                        from: Level::saturating(g.current),
                        to: Level::saturating(g.required),
                        provenance: g.provenance,
                    });
                }
            }
        }
        credited
    }

    /// The gaps a plan leaves open, sorted by competency id: those no course closes, with
    /// their reason, and closable ones not credited to a step (budget, or weighted zero).
    fn open_gaps<'f>(
        &'f self,
        unclosable: Vec<(&GapItem<'f>, OpenReason)>,
        closable: &[&GapItem<'f>],
        credited: &[bool],
        inst: &Instance,
    ) -> Vec<OpenGap<'f>> {
        let gap = |g: &GapItem<'f>, reason| OpenGap {
            competency: self.competency_id(g.competency),
            name: self.competency_name(g.competency),
            current: Level::saturating(g.current),
            required: Level::saturating(g.required),
            reason,
        };
        let mut open: Vec<OpenGap<'f>> = unclosable
            .into_iter()
            .map(|(g, reason)| gap(g, reason))
            .collect();
        for (e, g) in closable.iter().enumerate() {
            if !credited.get(e).copied().unwrap_or(false) {
                let worthless = inst.values.get(e).is_some_and(|&v| v <= 0.0);
                open.push(gap(
                    g,
                    if worthless {
                        OpenReason::NotPrioritised
                    } else {
                        OpenReason::Budget
                    },
                ));
            }
        }
        order::sort_by(&mut open, |a, b| a.competency.cmp(b.competency));
        open
    }

    /// Assigns steps (in learning order) to terms of at most `cap` hours: each step goes to
    /// the earliest term after all its prerequisites' terms that has room; a step longer than
    /// `cap` gets a term of its own, marked over the cap. Returns the terms.
    ///
    /// A term's hours are summed in pico-hours and compared with the cap within 10⁻⁹ h, so a term holds courses whose decimal hours sum to the cap however many
    /// there are (`model::hours`).
    fn split_terms(&self, steps: &mut [Step<'_>], cap: f64) -> Vec<Term> {
        let mut terms: Vec<Term> = Vec::new();
        // Each term's hours in pico-hours; the cap, and the most a term may hold, likewise.
        let mut held: Vec<i128> = Vec::new();
        let most = picos(cap).saturating_add(TOLERANCE);
        // Course index → term (keyed by `usize`, a map type the module already has).
        let mut term_of: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        // Terms before `first_open` have less room than the shortest step, so the first-fit
        // search starts there: linear when courses are of similar length.
        let shortest = steps.iter().map(|s| picos(s.hours)).min().unwrap_or(0);
        let mut first_open = 0;
        for step in steps.iter_mut() {
            let course = self.courses.get(step.course.as_str());
            let earliest = course.map_or(0, |c| {
                self.direct_prerequisites(c)
                    .iter()
                    .filter_map(|&p| term_of.get(&(p as usize)))
                    .map(|&t| t + 1)
                    .max()
                    .unwrap_or(0)
            });
            let hours = picos(step.hours);
            let t = if hours > most {
                terms.push(Term {
                    hours: 0.0,
                    over_cap: true,
                });
                held.push(0);
                terms.len() - 1
            } else {
                (earliest.max(first_open)..terms.len())
                    .find(|&t| !terms[t].over_cap && held[t] + hours <= most)
                    .unwrap_or_else(|| {
                        terms.push(Term {
                            hours: 0.0,
                            over_cap: false,
                        });
                        held.push(0);
                        terms.len() - 1
                    })
            };
            held[t] += hours;
            terms[t].hours = total_of(held[t]);
            while (first_open < terms.len())
                && (terms[first_open].over_cap || held[first_open] + shortest > most)
            {
                first_open += 1;
            }
            if let Some(c) = course {
                term_of.insert(c as usize, t);
            }
            step.term = t as u32 + 1;
        }
        terms
    }
}
