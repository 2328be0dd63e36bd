//! Totals of hours as the library reports them.
//!
//! Course hours are decimal numbers held as binary floating point, so a sum of them can
//! carry noise in its last digits (`0.1 + 0.2` is `0.30000000000000004`; courses of 0.8,
//! 9.9 and 1.3 hours sum to `12.000000000000002`). Every total of
//! hours the library reports (a plan's total, its blend and terms, an enrolment, a
//! department plan, a career move) is summed in order and then rounded to 9 decimal
//! places (about 4 microseconds), which removes that noise, is exact for course hours of
//! up to 9 decimals, and is far below any course's length. Totals of a million hours or
//! more, whose floating-point resolution is coarser than that, are left as summed.

/// `hours` rounded to 9 decimal places, as the module docs state; totals of a million
/// hours or more, NaN and infinities unchanged.
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
    use super::round_total;

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
