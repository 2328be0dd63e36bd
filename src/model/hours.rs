//! Totals of hours as the library reports them, and sums of hours compared with a budget.
//!
//! Course hours are decimal numbers held as binary floating point, so a sum of them in
//! floating point carries noise in its last digits (`0.1 + 0.2` is `0.30000000000000004`;
//! courses of 0.8, 9.9 and 1.3 hours sum to `12.000000000000002`), and the noise grows with
//! the number of terms: 2,320 enrolments of 5.1 hours sum to `11832.000000001`, 100,000 to
//! `509999.99999908`, so rounding the sum afterwards cannot remove it. The library sums
//! hours as integers of **pico-hours** (10⁻¹² h): each course's hours, a budget or cap, and
//! each officer's own hours in a department plan (a sum of their few courses) are taken to
//! the nearest pico-hour, and sums of them are integer sums, exact on any number of terms.
//! Taking hours to the nearest pico-hour is exact for hours written with up to 12 decimals
//! below 2,048 hours; above, each value is within a pico-hour, so a sum's error stays below
//! 2⁻⁵¹ of the sum, within the floating-point resolution of the sum itself.
//!
//! Every total of hours the library reports (a plan's total, its blend and terms, an
//! enrolment, a course's person-hours, a department plan, a career move) is that exact sum
//! rounded to 9 decimal places (a nano-hour, about 4 microseconds), as the double nearest
//! the 9-decimal number (within one unit in the last place above 9·10⁶ hours): for course
//! hours written with up to 9 decimals, the decimal sum. A department's budget and an
//! officer's cap are compared with such exact sums within 10⁻⁹ hours, so a budget equal to
//! the decimal sum of the hours enrolled always admits them, and one more than 10⁻⁹ hours
//! below it never does (at a million hours and more, within the budget's own resolution).
//!
//! Since hours are held in whole pico-hours, taken to the nearest with halves rounding up,
//! the smallest positive hours held are half a pico-hour, [`SMALLEST_HOURS`] (5·10⁻¹³ h,
//! held as 1 pico-hour); below it a positive number would be held as 0. A course's hours
//! (and a duration read as them, a term's cap) below it are refused, so that no course
//! counts as free in a plan's sums while its hours say otherwise.

/// Pico-hours in an hour.
const PER_HOUR: f64 = 1e12;

/// The smallest positive hours held: half a pico-hour (5·10⁻¹³ h), which [`picos`] rounds
/// up to 1 pico-hour; the double just below it is held as 0.
pub(crate) const SMALLEST_HOURS: f64 = 5e-13;

/// The most hours a course may take.
pub(crate) const MOST_HOURS: f64 = 10_000.0;

/// What a course's hours must be, as errors and reports state it.
pub(crate) const HOURS_EXPECTED: &str = "a number from 5e-13 to 10000 (hours are held in \
    whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the \
    smallest above 0)";

/// Whether `hours` are a course's hours: from [`SMALLEST_HOURS`] to [`MOST_HOURS`] (NaN
/// is not).
pub(crate) fn course_hours(hours: f64) -> bool {
    (SMALLEST_HOURS..=MOST_HOURS).contains(&hours)
}

/// Pico-hours in a nano-hour: reported totals are rounded to nano-hours, and sums are
/// compared with a budget within one.
pub(crate) const TOLERANCE: i128 = 1_000;

/// `hours` in whole pico-hours, to the nearest (see the module docs); saturating at the
/// ends of `i128` (an infinite budget is `i128::MAX`), NaN as 0.
pub(crate) fn picos(hours: f64) -> i128 {
    // Below 2,048 hours the product is below 2⁵¹, where a double resolves quarters, and the
    // input's own rounding is under 2.3·10⁻¹³ h: together below half a pico-hour, so a
    // decimal of up to 12 decimals comes back whole.
    let scaled = hours * PER_HOUR;
    if scaled.abs() < I64_END {
        // The same number as `round() as i128`, without the two library calls (`round` and
        // the conversion to 128 bits) the cover search's every step paid: `as i64`
        // truncates in one instruction, and the fraction it drops is exact (a double's
        // bits below its units), so halves go away from zero as `round` takes them. At 2⁵²
        // and above a double is whole and the fraction 0, so `± 1` never overflows.
        let whole = scaled as i64;
        let fraction = scaled - whole as f64;
        let rounded = if fraction >= 0.5 {
            whole + 1
        } else if fraction <= -0.5 {
            whole - 1
        } else {
            whole
        };
        return i128::from(rounded);
    }
    scaled.round() as i128
}

/// 2⁶³: doubles below it in magnitude convert to `i64` exactly once truncated.
const I64_END: f64 = 9_223_372_036_854_775_808.0;

/// The hours `picos` pico-hours make, as a double (correctly rounded below 2⁵³ pico-hours,
/// within one unit in the last place above): what a comparison reads.
pub(crate) fn hours_of(picos: i128) -> f64 {
    picos as f64 / PER_HOUR + 0.0
}

/// The hours `picos` pico-hours make, rounded to 9 decimal places (halves away from zero):
/// the double nearest that decimal number, as every reported total is (module docs).
pub(crate) fn total_of(picos: i128) -> f64 {
    // Within 64 bits the same integer sums and quotient, without 128-bit division.
    if let Ok(picos) = i64::try_from(picos)
        && picos.unsigned_abs() < 1 << 62
    {
        let (half, tolerance) = (TOLERANCE as i64 / 2, TOLERANCE as i64);
        let nanos = if picos >= 0 {
            (picos + half) / tolerance
        } else {
            (picos - half) / tolerance
        };
        return nanos as f64 / 1e9 + 0.0;
    }
    let half = TOLERANCE / 2;
    let nanos = if picos >= 0 {
        (picos.saturating_add(half)) / TOLERANCE
    } else {
        (picos.saturating_sub(half)) / TOLERANCE
    };
    // Below 2⁵³ the conversion is exact and the division correctly rounded. `+ 0.0` keeps
    // -0.0 from printing as `-0`.
    nanos as f64 / 1e9 + 0.0
}

/// The sum of `hours`, each taken to the nearest pico-hour, summed exactly and rounded to 9
/// decimal places: the reported total of those hours. O(terms).
pub(crate) fn exact_sum(hours: impl IntoIterator<Item = f64>) -> f64 {
    total_of(hours.into_iter().map(picos).sum())
}

/// `hours` rounded to 9 decimal places (an officer's own hours, a sum of their few courses,
/// as the module docs state); a million hours or more, NaN and infinities unchanged.
pub(crate) fn round_total(hours: f64) -> f64 {
    if hours.abs() < 1e6 {
        // Below 1e15, so the scaled value and its rounding are exact integers in an `f64`,
        // and the division gives the `f64` nearest the 9-decimal number. `+ 0.0` keeps a
        // rounded -0.0 from printing as `-0`.
        (hours * 1e9).round() / 1e9 + 0.0
    } else {
        hours
    }
}

#[cfg(test)]
mod tests {
    use super::{
        HOURS_EXPECTED, SMALLEST_HOURS, course_hours, exact_sum, hours_of, picos, round_total,
        total_of,
    };

    #[test]
    fn the_smallest_hours_held_are_half_a_pico_hour() {
        assert_eq!(picos(SMALLEST_HOURS), 1);
        assert_eq!(picos(SMALLEST_HOURS.next_down()), 0);
        assert!(course_hours(SMALLEST_HOURS) && course_hours(10_000.0));
        for refused in [
            SMALLEST_HOURS.next_down(),
            1e-13,
            0.0,
            -1.0,
            10_000.5,
            f64::NAN,
        ] {
            assert!(!course_hours(refused), "{refused:e}");
        }
        // Every double accepted is held as at least one pico-hour.
        let mut h = SMALLEST_HOURS;
        for _ in 0..1_000 {
            assert!(course_hours(h) && picos(h) >= 1, "{h:e}");
            h = h.next_up();
        }
        assert!(HOURS_EXPECTED.starts_with("a number from 5e-13 to 10000 ("));
    }

    #[test]
    fn sums_in_pico_hours_are_the_decimal_sum_on_any_number_of_terms() {
        // Summed in `f64`, 2,320 × 5.1 is 11832.000000001 and 100,000 × 5.1 drifts further.
        assert_eq!(exact_sum(vec![5.1; 2_320]).to_string(), "11832");
        assert_eq!(exact_sum(vec![5.1; 100_000]).to_string(), "510000");
        assert_eq!(exact_sum(vec![19.9; 1_658]).to_string(), "32994.2");
        // Below a nano-hour each, as the sum rounds.
        assert_eq!(exact_sum(vec![4e-10; 3]).to_string(), "0.000000001");
        assert_eq!(exact_sum([]).to_string(), "0");
        assert_eq!(picos(2_047.999_999_999_999), 2_047_999_999_999_999);
        assert_eq!(picos(f64::INFINITY), i128::MAX);
        assert_eq!(hours_of(picos(19.9)).to_bits(), 19.9_f64.to_bits());
        assert_eq!(total_of(-400).to_string(), "0");
        assert_eq!(total_of(-600).to_string(), "-0.000000001");
    }

    #[test]
    fn the_64_bit_paths_give_the_128_bit_results() {
        // The arithmetic the 64-bit paths replace, as it was written.
        let picos_128 = |hours: f64| (hours * 1e12).round() as i128;
        let total_of_128 = |picos: i128| {
            let nanos = if picos >= 0 {
                picos.saturating_add(500) / 1_000
            } else {
                picos.saturating_sub(500) / 1_000
            };
            nanos as f64 / 1e9 + 0.0
        };
        let mut hours = vec![
            0.0,
            -0.0,
            0.5e-12,
            -0.5e-12,
            1.5e-12,
            -1.5e-12,
            2.5e-12,
            19.9,
            0.1,
            2_047.999_999_999_999,
            4_503.599_627_370_496,
            4_503.599_627_370_497,
            9_223_372.036_854_775,
            9_223_372.036_854_776,
            9_223_372.036_854_777,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        // Halves of a pico-hour and their neighbours, and random magnitudes from 10⁻¹⁵ to
        // 10¹⁰ hours (a fixed xorshift sequence).
        for k in 0..2_000_i32 {
            let half = (f64::from(k) + 0.5) * 1e-12;
            hours.extend([half, -half, half.next_up(), half.next_down()]);
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mantissa = (x >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = (x % 26) as i32 - 15;
            let h = mantissa * 10f64.powi(exponent);
            hours.extend([h, -h]);
        }
        for &h in &hours {
            let p = picos(h);
            assert_eq!(p, picos_128(h), "picos({h:e})");
            assert_eq!(total_of(p).to_bits(), total_of_128(p).to_bits(), "{p}");
        }
        for p in [
            i128::MAX,
            i128::MIN,
            i128::from(i64::MAX),
            i128::from(i64::MIN),
            (1 << 62) - 1,
            1 << 62,
            -(1 << 62),
            (1 << 53) + 1,
            (1 << 63) + 1,
            499,
            500,
            -500,
            -501,
            1_499,
            1_500,
        ] {
            assert_eq!(total_of(p).to_bits(), total_of_128(p).to_bits(), "{p}");
        }
    }

    #[test]
    fn sums_of_decimal_hours_print_as_the_decimal_sum() {
        let sum = |hours: &[f64]| round_total(hours.iter().fold(0.0, |s, h| s + h));
        assert_eq!(sum(&[0.1, 0.2]).to_string(), "0.3");
        assert_eq!(sum(&[0.8, 9.9, 1.3]).to_string(), "12");
        assert_eq!(sum(&[1.1; 10]).to_string(), "11"); // 10.999999999999998 summed
        assert_eq!(sum(&[0.000_000_001; 3]).to_string(), "0.000000003");
        assert_eq!(sum(&[1.5, 2.25]).to_string(), "3.75");
        assert_eq!(sum(&[]).to_string(), "0");
        assert_eq!(round_total(-1e-12).to_string(), "0");
        let large = 2_000_000.000_000_1_f64;
        assert_eq!(round_total(large).to_bits(), large.to_bits());
        assert!(round_total(f64::NAN).is_nan());
        assert_eq!(
            round_total(f64::INFINITY).to_bits(),
            f64::INFINITY.to_bits()
        );
    }
}
