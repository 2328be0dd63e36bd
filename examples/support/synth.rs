//! A deterministic generator of **synthetic** officers on a real framework, for benchmarks.
//!
//! No public data set of civil servants and their competency passbooks exists, so the people
//! side of the benchmarks is made up here; the requirement side is whatever framework is
//! passed in (the benchmarks use the real ESCO data). Every figure measured with these
//! officers is a figure about synthetic officers.
//!
//! The shape of an officer, drawn from a seeded [`SplitMix64`] stream of their own (so
//! officer `i` is the same whatever else is generated, and any range can be streamed):
//!
//! - a position chosen uniformly among the framework's positions;
//! - a department (one of [`SynthOptions::departments`] synthetic MDOs, `mdo-000`, …): the
//!   position's home MDO for 9 officers in 10, any MDO otherwise;
//! - a passbook of about 30 evidence entries: 24 to 32 distinct competencies sampled from the
//!   position's own requirements (all of them when it has fewer), plus 2 to 6 competencies
//!   drawn from the whole dictionary, each at a level uniform in `0..=max` for that
//!   competency. Sources: 85% assessments, 10% 360-degree feedback, 5% self-declared (which
//!   the default level policy ignores); 2% of entries are unverified. Dates are month ends
//!   of 2021–2024.
//!
//! With ESCO's required levels of 2 and 3 this gives realistic gaps: about 45% of the
//! sampled requirements are short and the requirements not sampled are missing outright, so
//! about two thirds of all officer–requirement pairs are short.
//!
//! Nothing here uses the clock, the environment or the file system: the same seed and the
//! same framework give the same officers on every machine.
#![allow(dead_code)]

use std::ops::Range;

use karmayogi::{
    CompetencyId, DepartmentId, Evidence, EvidenceSource, Framework, OfficerId, OfficerSpec,
    PositionId,
};

/// The splitmix64 generator (Steele, Lea and Flood, 2014): 64 bits of state, statistically
/// strong enough for workload generation, and trivially seekable.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number uniform in `0..n` (0 when `n` is 0), by Lemire's multiply-shift; the bias
    /// is below `n / 2⁶⁴`.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A `usize` uniform in `0..n`.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// `true` with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

/// Settings of the generator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthOptions {
    seed: u64,
    departments: u32,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            seed: 0x6b61_726d_6179_6f67,
            departments: 120,
        }
    }
}

impl SynthOptions {
    /// The seed (default fixed): the same seed gives the same officers.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// How many synthetic MDOs officers are spread over (default 120; 0 counts as 1).
    pub fn departments(mut self, n: u32) -> Self {
        self.departments = n.max(1);
        self
    }
}

/// One position as the generator sees it.
#[derive(Clone, Debug)]
struct SynthPosition {
    id: PositionId,
    /// Index into [`Synth::departments`].
    home: usize,
    /// Competency indices (into [`Synth::competencies`]) the position requires, ascending.
    requires: Vec<u32>,
}

/// Generates synthetic officers for one framework. See the module docs for their shape.
#[derive(Clone, Debug)]
pub struct Synth {
    seed: u64,
    /// Every competency of the framework with its highest level, sorted by id.
    competencies: Vec<(CompetencyId, u8)>,
    positions: Vec<SynthPosition>,
    departments: Vec<DepartmentId>,
    dates: Vec<String>,
}

/// Smallest and largest number of own requirements sampled into a passbook.
const OWN: (u64, u64) = (24, 32);
/// Smallest and largest number of other competencies added to a passbook.
const OTHER: (u64, u64) = (2, 6);

impl Synth {
    /// Prepares a generator over `framework`'s positions and competencies.
    pub fn new(framework: &Framework, options: &SynthOptions) -> Synth {
        let competencies: Vec<(CompetencyId, u8)> = framework
            .competencies()
            .iter()
            .map(|c| {
                let max = framework.max_level(c.id.as_str()).map_or(5, u8::from);
                (c.id.clone(), max)
            })
            .collect();
        let index_of = |id: &CompetencyId| {
            competencies
                .binary_search_by(|(c, _)| c.cmp(id))
                .ok()
                .map(|i| i as u32)
        };
        let departments: Vec<DepartmentId> = (0..options.departments)
            .map(|d| DepartmentId::new(format!("mdo-{d:03}")))
            .collect();
        let mut rng = SplitMix64::new(options.seed ^ 0x7061_7373_626f_6f6b);
        let positions = framework
            .positions()
            .iter()
            .map(|p| SynthPosition {
                id: p.id.clone(),
                home: rng.index(departments.len()),
                requires: framework
                    .requirements(p.id.as_str())
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|r| index_of(r.competency))
                    .collect(),
            })
            .collect();
        let dates = (2021..=2024)
            .flat_map(|y| (1..=12).map(move |m| (y, m)))
            .map(|(y, m)| {
                let last = match m {
                    2 if y % 4 == 0 => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                format!("{y}-{m:02}-{last}")
            })
            .collect();
        Synth {
            seed: options.seed,
            competencies,
            positions,
            departments,
            dates,
        }
    }

    /// How many positions officers are spread over.
    pub fn positions(&self) -> usize {
        self.positions.len()
    }

    /// The synthetic MDOs, sorted.
    pub fn departments(&self) -> &[DepartmentId] {
        &self.departments
    }

    /// The synthetic MDO that is `position`'s home (where 9 officers in 10 holding it are
    /// placed), or `None` for a position the framework does not have.
    pub fn home(&self, position: &PositionId) -> Option<&DepartmentId> {
        // `positions` are in the framework's order, sorted by id.
        let p = self
            .positions
            .binary_search_by(|p| p.id.cmp(position))
            .ok()?;
        Some(&self.departments[self.positions[p].home])
    }

    /// The generator of officer `index`: a function of the seed and the index only.
    fn rng_for(&self, index: u64) -> SplitMix64 {
        let mut mix = SplitMix64::new(self.seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        SplitMix64::new(mix.next_u64())
    }

    /// Officer number `index`, in a uniformly chosen position.
    ///
    /// # Panics
    /// When the framework has no position.
    pub fn officer(&self, index: u64) -> OfficerSpec {
        let mut rng = self.rng_for(index);
        let position = rng.index(self.positions.len());
        self.fill(index, position, &mut rng)
    }

    /// Officer number `index`, placed in position number `position` (in id order) instead
    /// of a random one; otherwise drawn as [`Synth::officer`] draws.
    ///
    /// # Panics
    /// When `position` is out of range.
    pub fn officer_in(&self, index: u64, position: usize) -> OfficerSpec {
        let mut rng = self.rng_for(index);
        rng.next_u64();
        self.fill(index, position, &mut rng)
    }

    /// Officers `range.start`, …, `range.end - 1`, generated one at a time, so millions can
    /// be streamed into a `Cohort` without holding their specs.
    pub fn officers(&self, range: Range<u64>) -> impl Iterator<Item = OfficerSpec> + '_ {
        range.map(|i| self.officer(i))
    }

    fn fill(&self, index: u64, position: usize, rng: &mut SplitMix64) -> OfficerSpec {
        let p = &self.positions[position];
        let department = if rng.chance(900) {
            p.home
        } else {
            rng.index(self.departments.len())
        };
        let own = (OWN.0 + rng.below(OWN.1 - OWN.0 + 1)).min(p.requires.len() as u64);
        let other = OTHER.0 + rng.below(OTHER.1 - OTHER.0 + 1);
        let mut passbook = Vec::with_capacity((own + other) as usize);
        // Selection sampling (Knuth's algorithm S): `own` distinct requirements, in order.
        let mut needed = own;
        for (k, &c) in p.requires.iter().enumerate() {
            if needed == 0 {
                break;
            }
            if rng.below((p.requires.len() - k) as u64) < needed {
                passbook.push(self.evidence(c as usize, rng));
                needed -= 1;
            }
        }
        for _ in 0..other {
            let c = rng.index(self.competencies.len());
            passbook.push(self.evidence(c, rng));
        }
        OfficerSpec {
            id: OfficerId::new(format!("officer-{index:07}")),
            name: None,
            department: self.departments[department].clone(),
            position: p.id.clone(),
            target_position: None,
            passbook,
        }
    }

    fn evidence(&self, competency: usize, rng: &mut SplitMix64) -> Evidence {
        let (id, max) = &self.competencies[competency];
        let level = rng.below(u64::from(*max) + 1) as u8;
        let source = match rng.below(100) {
            0..85 => EvidenceSource::Assessment,
            85..95 => EvidenceSource::Feedback360,
            _ => EvidenceSource::SelfDeclared,
        };
        Evidence {
            competency: id.clone(),
            level,
            level_name: None,
            source,
            date: self.dates[rng.index(self.dates.len())].clone(),
            verified: !rng.chance(20),
            course: None,
        }
    }
}
