//! Readiness as an exact ratio: compared exactly, reported as the nearest double.
//!
//! Readiness is `Σ w·met / Σ w·required` over the three competency types (see
//! [`GapReport`](crate::GapReport)). A weight is a double, that is an exact binary fraction
//! `m·2^e`; multiplied by the power of two that makes the smallest of them an integer,
//! every weight is an integer below 2¹¹³ (a weight is 0 or from 10⁻⁹ to 10⁹, a span below
//! 2⁶⁰, with a significand of 53 bits), and each weighted sum an integer below 2¹⁴⁷ (three
//! terms, each a weight times a level sum below 2³²): three 64-bit limbs hold it exactly.
//! Two readiness values are then compared by cross-multiplying (six limbs), so values that
//! are equal as defined are equal here whatever the weights, and a ranking's tie-break
//! applies to them; a double computed in floating point would be one unit in the last
//! place apart for weights such as 0.1 and 0.3.
//!
//! Comparisons first look at the floating-point estimate, which lies within 2⁻⁵⁰ of the
//! exact value relatively (six roundings of non-negative terms and one division): when
//! two estimates are further apart than 2⁻⁴⁶ relatively, their order is the exact order,
//! and only closer ones are cross-multiplied. The value reported is the double nearest
//! the exact ratio (ties to even), found from the estimate by exact comparisons with the
//! midpoints to its neighbours, except that a ratio below 1 that would round to 1 is
//! reported as the largest double below 1: readiness is 1 only when nothing counted is
//! missing.

use std::cmp::Ordering;

/// A sum of weighted levels: an unsigned integer in three 64-bit limbs, least significant
/// first.
type Sum = [u64; 3];

/// A product of two sums, or a sum shifted left: six 64-bit limbs, least significant first.
type Wide = [u64; 6];

/// The largest double below 1, `1 − 2⁻⁵³`: the readiness reported for a ratio below 1 that
/// would round to 1.
pub(crate) const BELOW_ONE: f64 = 1.0 - f64::EPSILON / 2.0;

/// How far apart, relatively, two estimates must be for their order to be the exact order:
/// each is within 2⁻⁵⁰ of its exact value.
const CLEARLY_APART: f64 = 1.0 / (1u64 << 46) as f64;

/// Readiness weights per competency type, as given and as integers scaled by a common
/// power of two (exactly proportional to the weights given).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ExactWeights {
    float: [f64; 3],
    int: [u128; 3],
}

impl ExactWeights {
    /// The weights `w` (each 0 or a double from 10⁻⁹ to 10⁹, as `Weights::new` admits).
    pub(crate) fn new(w: [f64; 3]) -> ExactWeights {
        let parts = w.map(|x| {
            debug_assert!(x == 0.0 || (1e-9..=1e9).contains(&x));
            (x > 0.0).then(|| {
                let bits = x.to_bits();
                let exponent = ((bits >> 52) & 0x7ff) as i32 - 1075;
                let significand = bits & ((1 << 52) - 1) | 1 << 52;
                let zeros = significand.trailing_zeros();
                (significand >> zeros, exponent + zeros.cast_signed())
            })
        });
        let lowest = parts.iter().flatten().map(|p| p.1).min().unwrap_or(0);
        let int = parts.map(|p| p.map_or(0, |(m, e)| u128::from(m) << (e - lowest)));
        ExactWeights { float: w, int }
    }

    /// Readiness from per-type sums of held-and-required levels (`met`, each at most the
    /// same type's `required`) over per-type sums of required levels.
    pub(crate) fn ratio(&self, met: [u32; 3], required: [u32; 3]) -> Readiness {
        let (mut num, mut den) = ([0; 3], [0; 3]);
        for t in 0..3 {
            debug_assert!(met[t] <= required[t]);
            add(&mut num, times(self.int[t], met[t]));
            add(&mut den, times(self.int[t], required[t]));
        }
        if den == [0; 3] {
            // Nothing that counts is required: nothing is missing.
            return Readiness {
                approx: 1.0,
                num: [1, 0, 0],
                den: [1, 0, 0],
            };
        }
        Readiness {
            approx: self.estimate(met, required),
            num,
            den,
        }
    }

    /// [`ExactWeights::ratio`]'s value for many `met` sums against one `required`, when
    /// every scaled weight fits in 64 bits and the weighted required sum is exact as a
    /// double (below 2⁵³): so for the default weights `[1, 1, 1]` and any level sums a
    /// position has. `None` otherwise (weights 2⁶⁴ or more apart once scaled, such as 10⁹
    /// beside 10⁻⁹, or sums that large); [`ExactWeights::ratio`] then gives the value.
    ///
    /// # Complexity
    /// O(1).
    pub(crate) fn small_ratios(&self, required: [u32; 3]) -> Option<SmallRatios> {
        let mut den = [0; 3];
        for (&w, &n) in self.int.iter().zip(&required) {
            add(&mut den, times(w, n));
        }
        small(den)?;
        let int = [0, 1, 2].map(|t| u64::try_from(self.int[t]).ok());
        Some(SmallRatios {
            int: [int[0]?, int[1]?, int[2]?],
            den: den[0],
        })
    }

    /// The floating-point estimate of [`ExactWeights::ratio`]: within 2⁻⁵⁰ of the exact
    /// ratio relatively, so estimates further apart than [`clearly_below`] tells are in
    /// the exact ratios' order.
    pub(crate) fn estimate(&self, met: [u32; 3], required: [u32; 3]) -> f64 {
        let (mut num, mut den) = (0.0, 0.0);
        for t in 0..3 {
            num += self.float[t] * f64::from(met[t]);
            den += self.float[t] * f64::from(required[t]);
        }
        if den > 0.0 { num / den } else { 1.0 }
    }
}

/// Whether the exact readiness of estimate `x` is certainly below that of estimate `y`
/// (both from [`ExactWeights::estimate`]): `x` lies below `y` by more than either
/// estimate's error.
pub(crate) fn clearly_below(x: f64, y: f64) -> bool {
    y - x > y * CLEARLY_APART
}

/// The scaled weights and the weighted required sum of [`ExactWeights::small_ratios`]:
/// each readiness against that sum is then one weighted sum in 128 bits and, as
/// [`Readiness::value`] finds when both sums are exact as doubles, one division.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SmallRatios {
    int: [u64; 3],
    den: u64,
}

impl SmallRatios {
    /// The value of `ExactWeights::ratio(met, required).value()` for the `required` these
    /// were made for: the same double, from the same integers. `None` when the weighted
    /// `met` exceeds the weighted required sum (some `met` above its `required`, which the
    /// exact ratio does not admit either).
    #[inline]
    pub(crate) fn value(&self, met: [u32; 3]) -> Option<f64> {
        // Each term below 2⁹⁶: the sum fits.
        let num: u128 = (self.int.iter().zip(met))
            .map(|(&w, m)| u128::from(w) * u128::from(m))
            .sum();
        let den = u128::from(self.den);
        if num > den {
            return None;
        }
        Some(if num == den {
            // Nothing that counts is missing (or nothing counts: a sum of 0).
            1.0
        } else if num == 0 {
            0.0
        } else {
            // Both below 2⁵³: exact as doubles, so the division rounds correctly.
            let q = num as f64 / self.den as f64;
            if q >= 1.0 { BELOW_ONE } else { q }
        })
    }
}

/// One readiness, held exactly as a ratio of weighted sums, with an estimate for fast
/// comparisons. Equality and order are those of the exact ratios.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Readiness {
    approx: f64,
    num: Sum,
    den: Sum,
}

impl Readiness {
    /// The double nearest the exact ratio (ties to even), except that a ratio below 1 that
    /// would round to 1 gives the largest double below 1.
    pub(crate) fn value(&self) -> f64 {
        if self.num == self.den {
            return 1.0;
        }
        if self.num == [0; 3] {
            return 0.0;
        }
        let q = match (small(self.num), small(self.den)) {
            // Both exact as doubles: IEEE division rounds correctly.
            (Some(n), Some(d)) => n / d,
            _ => self.nearest(),
        };
        if q >= 1.0 { BELOW_ONE } else { q }
    }

    /// The double nearest `num / den` (in `(0, 1)`), ties to even: the estimate, moved to
    /// its neighbour while the exact ratio lies beyond the midpoint between them.
    fn nearest(&self) -> f64 {
        let mut q = self.approx.clamp(f64::MIN_POSITIVE, 1.0);
        loop {
            let (m, k) = parts(q);
            // The midpoint to the next double down; a power of two has a neighbour below
            // at half the spacing.
            let (below, scale) = if m == 1 << 52 {
                (4 * m - 1, k - 2)
            } else {
                (2 * m - 1, k - 1)
            };
            match self.against(below, scale) {
                Ordering::Less => {
                    q = f64::from_bits(q.to_bits() - 1);
                    continue;
                }
                Ordering::Equal if m % 2 == 1 => return f64::from_bits(q.to_bits() - 1),
                _ => {}
            }
            match self.against(2 * m + 1, k - 1) {
                Ordering::Greater => q = f64::from_bits(q.to_bits() + 1),
                Ordering::Equal if m % 2 == 1 => return f64::from_bits(q.to_bits() + 1),
                _ => return q,
            }
        }
    }

    /// The exact ratio against `a · 2^s` (`s < 0`): `num · 2^−s` against `den · a`.
    fn against(&self, a: u64, s: i32) -> Ordering {
        debug_assert!(s < 0);
        compare(
            &shifted(self.num, s.unsigned_abs()),
            &product(self.den, [a, 0, 0]),
        )
    }
}

impl PartialEq for Readiness {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Readiness {}

impl PartialOrd for Readiness {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Readiness {
    /// The order of the exact ratios.
    fn cmp(&self, other: &Self) -> Ordering {
        let (x, y) = (self.approx, other.approx);
        if (x - y).abs() > x.max(y) * CLEARLY_APART {
            return x.total_cmp(&y);
        }
        if self.den == other.den {
            return compare(&widen(self.num), &widen(other.num));
        }
        compare(&product(self.num, other.den), &product(other.num, self.den))
    }
}

/// `sum` as a double when it is one exactly (below 2⁵³).
fn small(sum: Sum) -> Option<f64> {
    (sum[1] == 0 && sum[2] == 0 && sum[0] < 1 << 53).then_some(sum[0] as f64)
}

/// A positive finite double as `m · 2^k`, `m` its significand with the leading bit.
fn parts(q: f64) -> (u64, i32) {
    let bits = q.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    debug_assert!(exponent > 0, "readiness values are normal doubles");
    (bits & ((1 << 52) - 1) | 1 << 52, exponent - 1075)
}

/// `w · n`, below 2¹⁴⁵.
fn times(w: u128, n: u32) -> Sum {
    let n = u128::from(n);
    let low = u128::from(w as u64) * n;
    let high = (w >> 64) * n + (low >> 64);
    [low as u64, high as u64, (high >> 64) as u64]
}

/// `a += b`, which stays below 2¹⁴⁷ for three terms.
fn add(a: &mut Sum, b: Sum) {
    let mut carry = 0u128;
    for (x, y) in a.iter_mut().zip(b) {
        let s = u128::from(*x) + u128::from(y) + carry;
        *x = s as u64;
        carry = s >> 64;
    }
    debug_assert_eq!(carry, 0);
}

/// `a` in six limbs.
fn widen(a: Sum) -> Wide {
    [a[0], a[1], a[2], 0, 0, 0]
}

/// `a · b`: below 2³⁸⁴ for factors below 2¹⁹².
fn product(a: Sum, b: Sum) -> Wide {
    let mut out = [0u64; 6];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u128;
        for (j, &y) in b.iter().enumerate() {
            let t = u128::from(x) * u128::from(y) + u128::from(out[i + j]) + carry;
            out[i + j] = t as u64;
            carry = t >> 64;
        }
        out[i + 3] = carry as u64;
    }
    out
}

/// `a · 2^bits`, for `a` below 2¹⁴⁷ and `bits` up to 237 (the product stays below 2³⁸⁴).
fn shifted(a: Sum, bits: u32) -> Wide {
    let mut out = [0u64; 6];
    let (limbs, rest) = ((bits / 64) as usize, bits % 64);
    for (i, &x) in a.iter().enumerate() {
        let x = u128::from(x) << rest;
        out[i + limbs] |= x as u64;
        if i + limbs + 1 < 6 {
            out[i + limbs + 1] |= (x >> 64) as u64;
        } else {
            debug_assert_eq!(x >> 64, 0);
        }
    }
    out
}

/// The order of two six-limb integers.
fn compare(a: &Wide, b: &Wide) -> Ordering {
    a.iter().rev().cmp(b.iter().rev())
}

#[cfg(test)]
// Exact values are the point of these tests.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn r(w: [f64; 3], met: [u32; 3], required: [u32; 3]) -> Readiness {
        ExactWeights::new(w).ratio(met, required)
    }

    #[test]
    fn equal_ratios_compare_equal_whatever_the_weights() {
        // 1/3 of integrity alone, and 1/3 of integrity and accounts together.
        for wf in [0.1, 0.3, 0.7, 1e-9, 1e9] {
            let a = r([1.0, wf, 1.0], [1, 0, 0], [3, 0, 0]);
            let b = r([1.0, wf, 1.0], [1, 1, 0], [3, 3, 0]);
            assert_eq!(a, b, "weight {wf}");
            assert_eq!(a.value(), 1.0 / 3.0);
            assert_eq!(b.value(), 1.0 / 3.0);
        }
        let y = r([0.1, 0.1, 0.2], [2, 3, 2], [3, 3, 3]);
        assert_eq!(y, r([0.1, 0.1, 0.2], [0, 3, 3], [3, 3, 3]));
        assert_eq!(y.value(), 0.75);
    }

    #[test]
    fn small_ratios_give_the_exact_ratios_value() {
        let mut next = crate::model::test_rng::below(0x6a09_e667_f3bc_c909u64);
        let weights = [
            [1.0; 3],
            [0.1, 0.3, 0.7],
            [0.0, 1.0, 2.5],
            [0.0; 3],
            [1e9, 1e-9, 1.0],
            [1e9, 1e9, 1e9],
            [3.0, 0.0, 0.0],
        ];
        let mut fast = 0;
        for w in weights {
            let exact = ExactWeights::new(w);
            for round in 0..2_000u64 {
                // Level sums of a position (small, some types absent), then large ones.
                let most = if round % 4 == 0 {
                    u64::from(u32::MAX)
                } else {
                    40
                };
                let required = [0; 3].map(|_: u32| {
                    if next(4) == 0 {
                        0
                    } else {
                        next(most + 1) as u32
                    }
                });
                let Some(quick) = exact.small_ratios(required) else {
                    continue;
                };
                for _ in 0..8 {
                    let met = required.map(|r| match next(4) {
                        0 => 0,
                        1 => r,
                        _ => next(u64::from(r) + 1) as u32,
                    });
                    let want = exact.ratio(met, required).value();
                    assert_eq!(quick.value(met), Some(want), "{w:?} {met:?} / {required:?}");
                    fast += 1;
                }
                // A met sum above the required one has no small ratio.
                if let Some(t) = (0..3).find(|&t| required[t] < u32::MAX && exact.int[t] > 0) {
                    let mut over = required;
                    over[t] += 1;
                    assert_eq!(quick.value(over), None);
                }
            }
        }
        assert!(fast > 50_000, "{fast} values taken the small way");
        // Weights 2⁶⁰ apart scale beyond 64 bits: no small ratios, whatever the sums.
        assert!(
            ExactWeights::new([1e9, 1e-9, 1.0])
                .small_ratios([1, 1, 1])
                .is_none()
        );
        assert!(
            ExactWeights::new([1.0; 3])
                .small_ratios([u32::MAX; 3])
                .is_some()
        );
    }

    #[test]
    fn a_gap_that_counts_keeps_readiness_below_one() {
        let w = [1e9, 1e-9, 1.0];
        let short = r(w, [5, 0, 0], [5, 1, 0]);
        assert_eq!(short.value(), BELOW_ONE);
        assert!(short < r(w, [5, 1, 0], [5, 1, 0]));
        assert_eq!(r(w, [5, 1, 0], [5, 1, 0]).value(), 1.0);
        assert_eq!(r([0.0; 3], [0, 0, 0], [5, 1, 0]).value(), 1.0);
        assert_eq!(r(w, [0, 0, 0], [5, 1, 0]).value(), 0.0);
    }

    #[test]
    fn arithmetic_is_exact_at_the_bounds() {
        let w = ExactWeights::new([1e9, 1e-9, 1e9]);
        assert!(w.int.iter().all(|&x| x < 1 << 113));
        let big = w.ratio([u32::MAX, u32::MAX, u32::MAX - 1], [u32::MAX; 3]);
        assert!(big.value() < 1.0);
        assert_eq!(shifted([1, 0, 0], 200), [0, 0, 0, 1 << 8, 0, 0]);
        assert_eq!(product([u64::MAX; 3], [u64::MAX; 3])[5], u64::MAX);
        assert_eq!(product([u64::MAX; 3], [u64::MAX; 3])[0], 1);
    }
}
