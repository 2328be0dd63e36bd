//! What one `select` of a [`settle`](super::Department::settle) leaves the next: each
//! officer's best step as last found, with the hours and seats it was found under, so that
//! after redundant picks are dropped only the officers whose best step may have changed are
//! scanned at once; the others enter the heap with their old best step as an upper bound
//! (the accelerated greedy of Minoux, 1978) and are scanned when that bound reaches the top.
//!
//! Why the old best step bounds the new one: an officer's steps are valued on their own
//! enrolment alone, so while it stands each step keeps its value and hours, and a step is
//! feasible now only if it was when the old best was found, provided the officer has no more
//! hours now than then and no course with a seat now was full then. Every candidate of the
//! steps feasible now was then among those the scan chose its best from.

use super::plan::{Department, Plan};

/// An officer's best step as found at one moment, and what it was found under.
#[derive(Clone, Copy)]
pub(super) struct Record {
    /// Steps taken in the settle before it was found ([`Record::NONE`]: no record).
    clock: u32,
    /// The hours the officer had left then (their cap and the budget).
    hours_left: f64,
    /// The best step's value per hour and hours (`None`: no step).
    best: Option<(f64, f64)>,
}

impl Record {
    const NONE: Record = Record {
        clock: u32::MAX,
        hours_left: 0.0,
        best: None,
    };
}

/// What an officer's records say at the start of a `select`.
#[derive(Clone, Copy)]
pub(super) enum Known {
    /// Nothing usable: scan them.
    Scan,
    /// No feasible step.
    Nothing,
    /// No step ranks above one of this value per hour and these hours.
    AtMost(f64, f64),
}

/// The records of a settle, one pair per officer.
pub(super) struct Carry {
    /// Steps taken so far in the settle.
    clock: u32,
    /// Per course, the clock when its seats first ran out (`u32::MAX`: never).
    first_full: Vec<u32>,
    /// Each officer's latest record.
    latest: Vec<Record>,
    /// Each officer's latest record found with hours left under their cap alone (the budget
    /// not binding), kept when a later one is found under a tighter budget.
    capped: Vec<Record>,
    /// Whether each officer's enrolment changed since their records (a pick dropped).
    pub(super) changed: Vec<bool>,
}

impl Carry {
    /// No records yet, the courses already full marked full from the start.
    pub(super) fn new(dept: &Department<'_>, plan: &Plan) -> Carry {
        let n = dept.officers.len();
        Carry {
            clock: 0,
            first_full: plan
                .seats_left
                .iter()
                .map(|&s| if s == 0 { 0 } else { u32::MAX })
                .collect(),
            latest: vec![Record::NONE; n],
            capped: vec![Record::NONE; n],
            changed: vec![false; n],
        }
    }

    /// Records officer `o`'s best step (`None`: none) found now, with `hours_left` hours
    /// left of which `cap_left` under their cap.
    pub(super) fn record(
        &mut self,
        o: usize,
        best: Option<(f64, f64)>,
        hours_left: f64,
        cap_left: f64,
    ) {
        let record = Record {
            clock: self.clock,
            hours_left,
            best,
        };
        self.latest[o] = record;
        if hours_left >= cap_left {
            self.capped[o] = record;
        }
    }

    /// Officer `o` took a step adding the candidates `added`: their records no longer
    /// hold, and courses whose seats ran out are marked.
    pub(super) fn took(&mut self, dept: &Department<'_>, o: usize, added: &[u32], plan: &Plan) {
        self.clock += 1;
        self.latest[o] = Record::NONE;
        self.capped[o] = Record::NONE;
        for &c in added {
            let course = dept.course(o, c);
            if plan.seats_left[course] == 0 && self.first_full[course] == u32::MAX {
                self.first_full[course] = self.clock;
            }
        }
    }

    /// What officer `o`'s records say now. `since` is the least clock at which a course
    /// with a seat now first ran out ([`Carry::since`]): records older than it were found
    /// with every such course open; a later one holds when none of the officer's courses
    /// with a seat now had run out by then.
    pub(super) fn known(&self, dept: &Department<'_>, plan: &Plan, o: usize, since: u32) -> Known {
        if self.changed[o] {
            return Known::Scan;
        }
        let hours_left = (dept.cap - plan.steppers[o].hours()).min(plan.budget_left);
        let holds = |r: &Record| {
            r.clock != u32::MAX
                && hours_left <= r.hours_left
                && (r.clock < since
                    || dept.officers[o].courses.iter().all(|&c| {
                        plan.seats_left[c as usize] == 0 || self.first_full[c as usize] > r.clock
                    }))
        };
        match [self.latest[o], self.capped[o]].into_iter().find(holds) {
            None => Known::Scan,
            Some(Record { best: None, .. }) => Known::Nothing,
            Some(Record {
                best: Some((ratio, hours)),
                ..
            }) => Known::AtMost(ratio, hours),
        }
    }

    /// The least clock at which a course with a seat now first ran out (`u32::MAX`: none).
    pub(super) fn since(&self, plan: &Plan) -> u32 {
        self.first_full
            .iter()
            .zip(&plan.seats_left)
            .filter(|&(_, &s)| s > 0)
            .map(|(&f, _)| f)
            .min()
            .unwrap_or(u32::MAX)
    }
}
