//! Readiness exactly as defined: rankings tie on readiness values that are equal as
//! ratios whatever the weights, the value reported is the double nearest the exact ratio,
//! and a gap that counts keeps it below 1 (`tests/data/cases/scales/38` and `39`, and a
//! property test against an oracle of exact rationals built from the weights' binary
//! values, independently of the library's arithmetic).

// Exact values are the point of these tests.
#![allow(clippy::float_cmp)]

use std::cmp::Ordering;

use karmayogi::{
    CareerOptions, Cohort, CompareOptions, Framework, GapOptions, LevelPolicy, OfficerSpec,
    OfficersSpec, Profile, RankOptions, Weights,
};
use proptest::prelude::*;

const TIES_FRAMEWORK: &str =
    include_str!("../data/cases/scales/38-equal-readiness-ties-framework.json");
const TIES_OFFICERS: &str =
    include_str!("../data/cases/scales/38-equal-readiness-ties-officers.json");
const EXTREME_FRAMEWORK: &str =
    include_str!("../data/cases/scales/39-gap-under-extreme-weights-framework.json");
const EXTREME_OFFICERS: &str =
    include_str!("../data/cases/scales/39-gap-under-extreme-weights-officers.json");

/// The largest double below 1.
const BELOW_ONE: f64 = 1.0 - f64::EPSILON / 2.0;

fn weighted(b: f64, f: f64, d: f64) -> GapOptions {
    GapOptions::default().weights(Weights::new(b, f, d).unwrap())
}

fn ties() -> (Framework, Vec<OfficerSpec>) {
    let fw = Framework::from_json(TIES_FRAMEWORK).unwrap();
    (fw, OfficersSpec::from_json(TIES_OFFICERS).unwrap().officers)
}

// scales/38: post `a` asks integrity 3, post `b` integrity 3 and accounts 3; officer `o1`
// holds 1 of each, so readiness is 1/3 against both whatever the weights, and `a` (2 levels
// short) ranks before `b` (4 short). Weights such as 0.1 made `b`'s 1/3 one unit in the
// last place above `a`'s.
#[test]
fn positions_equally_ready_are_ranked_by_shortfall() {
    let (fw, officers) = ties();
    let o1 = Profile::new(&fw, &officers[0], &LevelPolicy::default()).unwrap();
    for wf in [1.0, 0.1, 0.2, 0.3, 0.6, 0.7, 1e-9, 1e9] {
        let options = RankOptions::default()
            .top(10)
            .gap_options(weighted(1.0, wf, 1.0));
        let ranked = fw.positions_for(&o1, &options).unwrap();
        let place = |id: &str| {
            ranked
                .iter()
                .position(|f| f.position.as_str() == id)
                .unwrap()
        };
        assert!(
            place("a") < place("b"),
            "functional weight {wf}: {ranked:?}"
        );
        let (a, b) = (&ranked[place("a")], &ranked[place("b")]);
        assert_eq!((a.readiness, b.readiness), (1.0 / 3.0, 1.0 / 3.0), "{wf}");
        assert_eq!((a.shortfall_levels, b.shortfall_levels), (2, 4));
        for id in ["a", "b"] {
            let report = fw.gap_for(&o1, id, &weighted(1.0, wf, 1.0)).unwrap();
            assert_eq!(
                report.readiness,
                1.0 / 3.0,
                "{id} at functional weight {wf}"
            );
        }
    }
}

// scales/38: against the Postmaster's integrity, accounts and postal operations at 3,
// weighted 0.1, 0.1 and 0.2, officers `x` (0, 3, 3), `y` (2, 3, 2) and `z` (1, 2, 3) all
// hold 0.9 of 1.2 weighted levels: readiness 3/4, reported as 0.75 (not
// 0.7499999999999999). `y` is 2 levels short, `x` and `z` 3: y, then x and z in input order.
#[test]
fn officers_equally_ready_are_ranked_by_shortfall_then_input_order() {
    let (fw, officers) = ties();
    let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default()).unwrap();
    let options = RankOptions::default().gap_options(weighted(0.1, 0.1, 0.2));
    let ranked = fw.officers_for(&cohort, "p", &options).unwrap();
    let got: Vec<(&str, f64, u32)> = ranked
        .iter()
        .map(|f| (f.officer.as_str(), f.readiness, f.shortfall_levels))
        .collect();
    assert_eq!(got[..3], [("y", 0.75, 2), ("x", 0.75, 3), ("z", 0.75, 3)]);
    for o in &officers[1..] {
        let profile = Profile::new(&fw, o, &LevelPolicy::default()).unwrap();
        let report = fw.gap_for(&profile, "p", &weighted(0.1, 0.1, 0.2)).unwrap();
        assert_eq!(report.readiness, 0.75, "{}", o.id.as_str());
        let text = report.to_string();
        assert!(text.contains(": readiness 75% ("), "{text}");
    }
}

// scales/38: with no courses every gap is open and no hours are planned, so successors and
// career paths are ranked by readiness, then input order or post id. `y` and `z` are
// equally ready for the Postmaster (3/4, 2 gaps each); `c1` and `c2` are equally near for
// `y` (7/8, 1 gap each).
#[test]
fn career_rankings_tie_on_equal_readiness() {
    let (fw, officers) = ties();
    let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default()).unwrap();
    let options = CareerOptions::default().gap_options(weighted(0.1, 0.1, 0.2));
    let ranked = fw.successors(&cohort, "p", &options).unwrap();
    let got: Vec<(&str, u32, f64)> = ranked
        .iter()
        .map(|f| (f.officer.as_str(), f.open, f.readiness))
        .collect();
    assert_eq!(got[..3], [("x", 1, 0.75), ("y", 2, 0.75), ("z", 2, 0.75)]);
    let y = Profile::new(&fw, &officers[2], &LevelPolicy::default()).unwrap();
    let ranked = fw.career_paths(&y, &options).unwrap();
    let got: Vec<(&str, u32, f64)> = ranked
        .iter()
        .map(|f| (f.position.as_str(), f.open, f.readiness))
        .collect();
    assert_eq!(got[..2], [("c1", 1, 0.875), ("c2", 1, 0.875)]);
}

// scales/39: a cashier's post asks integrity 5 and accounts 1, weighted 10⁹ and 10⁻⁹ (both
// accepted); `o1` holds integrity 5 only. Readiness is 5·10⁹ / (5·10⁹ + 10⁻⁹), which
// rounds to 1, but `o1` is short: readiness is the largest double below 1, printed `>99%`,
// and 1 only for `o2`, who meets both.
#[test]
fn a_gap_keeps_readiness_below_one_under_extreme_weights() {
    let fw = Framework::from_json(EXTREME_FRAMEWORK).unwrap();
    let officers = OfficersSpec::from_json(EXTREME_OFFICERS).unwrap().officers;
    let gap = weighted(Weights::MAX, Weights::MIN_POSITIVE, 1.0);
    let policy = LevelPolicy::default();
    let short = Profile::new(&fw, &officers[0], &policy).unwrap();
    let report = fw.gap(&short, &gap).unwrap();
    assert_eq!((report.readiness, report.gaps.len()), (BELOW_ONE, 1));
    let text = report.to_string();
    assert!(text.contains("readiness >99% ("), "{text}");
    let met = Profile::new(&fw, &officers[1], &policy).unwrap();
    assert_eq!(fw.gap(&met, &gap).unwrap().readiness, 1.0);

    let one = Cohort::new(&fw, &officers[..1], &policy).unwrap();
    let ranked = fw
        .officers_for(
            &one,
            "p",
            &RankOptions::default()
                .exclude_current(false)
                .gap_options(gap.clone()),
        )
        .unwrap();
    assert_eq!(ranked[0].readiness, BELOW_ONE);
    let e = fw
        .compare(
            &one,
            &one,
            &CompareOptions::default().weights(*gap.get_weights()),
        )
        .unwrap();
    assert_eq!(
        (e.overall.readiness_before, e.overall.gaps_before),
        (BELOW_ONE, 1)
    );
    let text = e.to_string();
    assert!(!text.contains("100.0%"), "{text}");
    assert!(text.contains("readiness >99.9% -> >99.9%"), "{text}");
    // Of two officers, one short: the mean is below 1 too, however it rounds.
    let both = Cohort::new(&fw, &officers, &policy).unwrap();
    let e = fw
        .compare(
            &both,
            &both,
            &CompareOptions::default().weights(*gap.get_weights()),
        )
        .unwrap();
    assert_eq!(e.overall.readiness_before, BELOW_ONE);
}

/// Unsigned integers of any size, in base 2³², least significant first: the oracle's
/// arithmetic, written for clarity rather than speed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn of(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32]).trim()
    }

    fn trim(mut self) -> Big {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }

    fn add(&self, o: &Big) -> Big {
        let mut out = Vec::new();
        let mut carry = 0u64;
        for i in 0..self.0.len().max(o.0.len()) {
            let s = u64::from(*self.0.get(i).unwrap_or(&0))
                + u64::from(*o.0.get(i).unwrap_or(&0))
                + carry;
            out.push(s as u32);
            carry = s >> 32;
        }
        out.push(carry as u32);
        Big(out).trim()
    }

    fn mul(&self, o: &Big) -> Big {
        let mut out = vec![0u64; self.0.len() + o.0.len() + 1];
        for (i, &a) in self.0.iter().enumerate() {
            for (j, &b) in o.0.iter().enumerate() {
                out[i + j] += u64::from(a) * u64::from(b);
                // Carry at once so no cell overflows.
                let mut k = i + j;
                while out[k] >> 32 != 0 {
                    out[k + 1] += out[k] >> 32;
                    out[k] &= 0xffff_ffff;
                    k += 1;
                }
            }
        }
        Big(out.into_iter().map(|x| x as u32).collect()).trim()
    }

    fn shl(&self, bits: u32) -> Big {
        let mut b = self.clone();
        for _ in 0..bits {
            b = b.add(&b);
        }
        b
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
}

impl Ord for Big {
    fn cmp(&self, o: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, o: &Big) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// A non-negative finite double as `m · 2^k`, exactly.
fn dyadic(x: f64) -> (Big, i32) {
    if x == 0.0 {
        return (Big::of(0), 0);
    }
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    let m = bits & ((1 << 52) - 1);
    if e == 0 {
        (Big::of(m), -1074)
    } else {
        (Big::of(m | 1 << 52), e - 1075)
    }
}

/// `a·2^p` against `b·2^q`.
fn cmp_scaled(a: &Big, p: i32, b: &Big, q: i32) -> Ordering {
    let low = p.min(q);
    a.shl((p - low).unsigned_abs())
        .cmp(&b.shl((q - low).unsigned_abs()))
}

/// A readiness as an exact ratio `num · 2^e / den · 2^e` (the scale cancels), from the
/// weights' exact binary values: `Σ w·met` over `Σ w·required`.
#[derive(Clone, Debug)]
struct Exact {
    num: Big,
    den: Big,
}

fn exact(weights: [f64; 3], met: [u32; 3], required: [u32; 3]) -> Exact {
    // Every weight as an integer times 2^low.
    let parts = weights.map(dyadic);
    let low = parts
        .iter()
        .filter(|p| !p.0.is_zero())
        .map(|p| p.1)
        .min()
        .unwrap_or(0);
    let w: Vec<Big> = parts
        .iter()
        .map(|(m, k)| {
            if m.is_zero() {
                Big::of(0)
            } else {
                m.shl((k - low).unsigned_abs())
            }
        })
        .collect();
    let sum = |levels: [u32; 3]| {
        (0..3).fold(Big::of(0), |s, t| {
            s.add(&w[t].mul(&Big::of(levels[t].into())))
        })
    };
    let (num, den) = (sum(met), sum(required));
    if den.is_zero() {
        Exact {
            num: Big::of(1),
            den: Big::of(1),
        }
    } else {
        Exact { num, den }
    }
}

impl Exact {
    fn cmp(&self, o: &Exact) -> Ordering {
        self.num.mul(&o.den).cmp(&o.num.mul(&self.den))
    }

    /// The exact ratio against `(x + y) / 2` for doubles `x`, `y`.
    fn against_mid(&self, x: f64, y: f64) -> Ordering {
        let ((mx, ex), (my, ey)) = (dyadic(x), dyadic(y));
        let low = ex.min(ey);
        let sum = mx
            .shl((ex - low).unsigned_abs())
            .add(&my.shl((ey - low).unsigned_abs()));
        // num/den against sum·2^(low−1): num·2 against den·sum·2^low.
        cmp_scaled(&self.num.shl(1), 0, &self.den.mul(&sum), low)
    }

    /// Whether `r` is what the docs say is reported: 1 exactly when the ratio is 1; else
    /// the double nearest the ratio (ties to even), or the largest below 1 where that
    /// would be 1.
    fn reported_as(&self, r: f64) -> bool {
        if self.num == self.den {
            return r == 1.0;
        }
        if self.num.is_zero() {
            return r == 0.0;
        }
        if !(r > 0.0 && r < 1.0) {
            return false;
        }
        let (down, up) = (
            f64::from_bits(r.to_bits() - 1),
            f64::from_bits(r.to_bits() + 1),
        );
        let even = r.to_bits().is_multiple_of(2);
        let above_low = match self.against_mid(down, r) {
            Ordering::Greater => true,
            Ordering::Equal => even,
            Ordering::Less => false,
        };
        let below_high = match self.against_mid(r, up) {
            Ordering::Less => true,
            Ordering::Equal => even,
            // Nearest to 1 but below it: the largest double below 1.
            Ordering::Greater => r == BELOW_ONE,
        };
        above_low && below_high
    }
}

/// Weights with exact ties in mind: decimals, extremes, 0, and any value in range.
fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::sample::select(vec![0.0, 1e-9, 0.1, 0.2, 0.3, 0.7, 1.0, 3.0, 1e9]),
        1e-9f64..1e9,
        1e-9f64..1e-3,
    ]
}

/// A framework of one competency per type and the given posts (their required levels per
/// type, 0 for none), plus a post `home` requiring nothing.
fn framework(posts: &[[u8; 3]]) -> Framework {
    let names = ["integrity", "accounts", "postal-ops"];
    let kinds = ["behavioural", "functional", "domain"];
    let competencies: Vec<_> = (0..3)
        .map(|t| serde_json::json!({"id": names[t], "name": names[t], "type": kinds[t]}))
        .collect();
    let (mut roles, mut positions) = (Vec::new(), Vec::new());
    for (i, levels) in posts.iter().chain([&[0; 3]]).enumerate() {
        let id = if i == posts.len() {
            "home".to_owned()
        } else {
            format!("p{i:02}")
        };
        let requires: Vec<_> = (0..3)
            .filter(|&t| levels[t] > 0)
            .map(|t| serde_json::json!({"competency": names[t], "level": levels[t]}))
            .collect();
        roles.push(serde_json::json!({"id": format!("r-{id}"), "name": id, "requires": requires}));
        positions.push(serde_json::json!(
            {"id": id, "name": id, "department": "posts", "roles": [format!("r-{id}")]}));
    }
    let spec = serde_json::json!({"format_version": 2, "competencies": competencies,
        "roles": roles, "positions": positions});
    Framework::from_json(&spec.to_string()).unwrap()
}

fn officer(i: usize, held: [u8; 3]) -> OfficerSpec {
    let names = ["integrity", "accounts", "postal-ops"];
    let passbook = (0..3)
        .filter(|&t| held[t] > 0)
        .map(|t| crate::support::assessed(names[t], held[t], "2024-01-01"))
        .collect();
    crate::support::officer(&format!("o{i:02}"), "posts", "home", passbook)
}

/// Per-type met and required level sums, and the shortfall, of `held` against `levels`.
fn sums(held: [u8; 3], levels: [u8; 3]) -> ([u32; 3], [u32; 3], u32) {
    let met = (0..3)
        .map(|t| u32::from(held[t].min(levels[t])))
        .collect::<Vec<_>>();
    let met = [met[0], met[1], met[2]];
    let required = levels.map(u32::from);
    (
        met,
        required,
        required.iter().sum::<u32>() - met.iter().sum::<u32>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// `positions_for`, `officers_for` and `gap_for` against the oracle: rankings ordered
    /// by exact readiness, then shortfall, then post id or input order; every readiness
    /// reported as the docs say.
    #[test]
    fn rankings_and_values_follow_exact_readiness(
        w in [weight(), weight(), weight()],
        posts in prop::collection::vec([0u8..=5, 0u8..=5, 0u8..=5], 1..12),
        people in prop::collection::vec([0u8..=5, 0u8..=5, 0u8..=5], 1..12),
    ) {
        let fw = framework(&posts);
        let gap = GapOptions::default().weights(Weights::new(w[0], w[1], w[2]).unwrap());
        let specs: Vec<OfficerSpec> = people.iter().enumerate().map(|(i, &h)| officer(i, h)).collect();
        let policy = LevelPolicy::default();

        let profile = Profile::new(&fw, &specs[0], &policy).unwrap();
        let ranked = fw
            .positions_for(&profile, &RankOptions::default().top(posts.len()).gap_options(gap.clone()))
            .unwrap();
        let mut want: Vec<(Exact, u32, usize)> = posts
            .iter()
            .enumerate()
            .map(|(i, &levels)| {
                let (met, required, short) = sums(people[0], levels);
                (exact(w, met, required), short, i)
            })
            .collect();
        want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let got: Vec<String> = ranked.iter().map(|f| f.position.as_str().to_owned()).collect();
        let expected: Vec<String> = want.iter().map(|x| format!("p{:02}", x.2)).collect();
        prop_assert_eq!(got, expected);
        // Fewer asked for: the first of the same list (the exact search around the k-th).
        for k in 1..posts.len() {
            let top = fw
                .positions_for(&profile, &RankOptions::default().top(k).gap_options(gap.clone()))
                .unwrap();
            prop_assert_eq!(&top[..], &ranked[..k], "top {}", k);
        }
        for (f, x) in ranked.iter().zip(&want) {
            prop_assert!(x.0.reported_as(f.readiness), "{} reported {:?} for {:?}", f.position.as_str(), f.readiness, x.0);
            prop_assert_eq!(f.shortfall_levels, x.1);
            let report = fw.gap_for(&profile, f.position.as_str(), &gap).unwrap();
            prop_assert_eq!(report.readiness, f.readiness);
        }

        let cohort = Cohort::new(&fw, &specs, &policy).unwrap();
        for (p, &levels) in posts.iter().enumerate() {
            let post = format!("p{p:02}");
            let ranked = fw
                .officers_for(&cohort, &post, &RankOptions::default().top(people.len()).gap_options(gap.clone()))
                .unwrap();
            let mut want: Vec<(Exact, u32, usize)> = people
                .iter()
                .enumerate()
                .map(|(i, &held)| {
                    let (met, required, short) = sums(held, levels);
                    (exact(w, met, required), short, i)
                })
                .collect();
            want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            let got: Vec<String> = ranked.iter().map(|f| f.officer.as_str().to_owned()).collect();
            let expected: Vec<String> = want.iter().map(|x| format!("o{:02}", x.2)).collect();
            prop_assert_eq!(got, expected, "post {}", post);
            for (f, x) in ranked.iter().zip(&want) {
                prop_assert!(x.0.reported_as(f.readiness), "{:?} for {:?}", f.readiness, x.0);
            }
        }
    }

}
