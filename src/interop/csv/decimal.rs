//! Exact decimal numbers as CSV files write them ([`Decimal`]), compared and divided
//! without floating point, however many digits they are written with.

use std::cmp::Ordering;

/// An exact non-negative decimal number, as the digits of its text: `whole.fraction`,
/// without the whole part's leading zeros or the fraction's trailing zeros (so `0.50`,
/// `00.5` and `.5`'s well-formed spelling `0.5` are one value, and zero is two empty
/// parts).
///
/// Every digit of the text is kept, so a value written with more digits than a `u64` or a
/// double holds (`1.4000000000000000000001`, as a program printing an exact fraction or a
/// sum writes it) is compared and divided exactly: each operation is a pass over the
/// digits, linear in the length of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal<'a> {
    /// The digits before the point, without leading zeros.
    whole: &'a str,
    /// The digits after the point, without trailing zeros.
    fraction: &'a str,
}

impl<'a> Decimal<'a> {
    /// Parses `d+`, `d+.d+` or `d+,d+` (ASCII digits, any number of them); a negative zero
    /// (`-0`, `-0.00`, as a spreadsheet writes a zero computed as negative) is zero.
    ///
    /// A decimal comma (`4,12`) is how a spreadsheet in most of Europe saves a file it
    /// opened (with `;` between the fields), and reads as the point does; but a comma
    /// followed by exactly three digits after a whole part other than 0 (`1,000`) is
    /// refused, as CASE rubric scores refuse it: it is a thousands separator in English and
    /// a decimal comma elsewhere, and which is meant is unknowable.
    pub(crate) fn parse(text: &'a str) -> Option<Decimal<'a>> {
        if let Some(unsigned) = text.strip_prefix('-') {
            return Decimal::parse(unsigned).filter(|d| d.is_zero() && !unsigned.starts_with('-'));
        }
        let point = if text.contains('.') { '.' } else { ',' };
        let (whole, fraction) = text.split_once(point).unwrap_or((text, ""));
        if point == ',' && fraction.len() == 3 && whole.bytes().any(|b| b != b'0') {
            return None;
        }
        let well_formed = !whole.is_empty()
            && fraction.is_empty() != text.contains(point)
            && whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit());
        well_formed.then(|| Decimal {
            whole: whole.trim_start_matches('0'),
            fraction: fraction.trim_end_matches('0'),
        })
    }

    fn is_zero(self) -> bool {
        self.whole.is_empty() && self.fraction.is_empty()
    }

    /// The whole part as a number, `None` when it passes `u64::MAX`.
    fn whole_number(self) -> Option<u64> {
        self.whole.bytes().try_fold(0u64, |n, b| {
            n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        })
    }

    /// Whether the number lies in `low..=high`: its whole part `w` is at least `low`, and
    /// below `high` or equal to it without a fraction.
    pub(crate) fn within(self, low: u32, high: u32) -> bool {
        let Some(whole) = self.whole_number() else {
            return false;
        };
        let (low, high) = (u64::from(low), u64::from(high));
        whole >= low && (whole < high || (whole == high && self.fraction.is_empty()))
    }

    /// How the number compares with `other`, exactly.
    fn cmp_exact(self, other: Decimal<'_>) -> Ordering {
        // Without leading zeros, a longer whole part is a larger one; without trailing
        // zeros, fractions compare as their digit strings do.
        (self.whole.len(), self.whole, self.fraction).cmp(&(
            other.whole.len(),
            other.whole,
            other.fraction,
        ))
    }

    /// Whether the number is at least `threshold` (a finite non-negative double), exactly:
    /// `2.99999999999999999999` is below 3, though its nearest double is 3.
    pub(crate) fn at_least(self, threshold: f64) -> bool {
        let nearest = self.to_f64();
        // A whole number up to 2^53 is a double.
        if self.fraction.is_empty() && self.whole_number().is_some_and(|w| w <= 1 << 53) {
            return nearest >= threshold;
        }
        // Rounding to the nearest double keeps order, and a double is its own nearest: only
        // a number whose nearest double is the threshold needs its digits compared.
        match nearest.total_cmp(&threshold) {
            Ordering::Greater => return true,
            Ordering::Less => return false,
            Ordering::Equal => {}
        }
        // Every double is a finite decimal: 1,074 places after the point hold any.
        let exact = format!("{threshold:.1074}");
        Decimal::parse(&exact).is_none_or(|t| self.cmp_exact(t) != Ordering::Less)
    }

    /// The nearest `f64` (ties to even), the value `str::parse::<f64>` gives for the same
    /// text.
    ///
    /// Not `str::parse` itself: in WebAssembly that would compile in the standard library's
    /// float parser and its 10 KB table of powers of five for this one use, while
    /// `serde_json` has its own correctly rounded parser in the module anyway (its
    /// `float_roundtrip` feature rounds texts of any length correctly).
    pub(crate) fn to_f64(self) -> f64 {
        /// 2^53: every integer up to it is an exact `f64`.
        const EXACT: u64 = 1 << 53;
        // Every power of ten up to 10^22 is an exact `f64` (5^22 < 2^53), so for an exact
        // numerator the one rounding of the division is the nearest `f64` to the quotient.
        const POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        let digits = self.whole.len() + self.fraction.len();
        if digits <= 16
            && let Some(&power) = POWERS.get(self.fraction.len())
        {
            let units = self
                .whole
                .bytes()
                .chain(self.fraction.bytes())
                .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
            if units <= EXACT {
                return units as f64 / power;
            }
        }
        let whole = if self.whole.is_empty() {
            "0"
        } else {
            self.whole
        };
        let text = if self.fraction.is_empty() {
            whole.to_owned()
        } else {
            format!("{whole}.{}", self.fraction)
        };
        serde_json::from_str(&text).unwrap_or(f64::INFINITY)
    }

    /// `⌈self × numerator / denominator⌉`, exactly; `None` when `denominator` is 0 or the
    /// result passes `u64::MAX`.
    ///
    /// In `u64`, without the 128-bit division that WebAssembly runs as a kilobyte of library
    /// code, in one pass over the digits: with `w` the whole part and `f` the fraction,
    /// `f × numerator` is computed on the fraction's digits (its whole part `c`, below
    /// `numerator`, and whether a fraction `g` is left), and `w = q × denominator + r` by
    /// long division on the whole part's digits; then `self × numerator / denominator` is
    /// `q × numerator + (r × numerator + c + g) / denominator`, whose second term's
    /// numerator stays below `2^64`.
    pub(crate) fn ceil_ratio(self, numerator: u32, denominator: u32) -> Option<u64> {
        if denominator == 0 {
            return None;
        }
        if numerator == 0 {
            return Some(0);
        }
        let (numerator, denominator) = (u64::from(numerator), u64::from(denominator));
        let (mut carry, mut left) = (0u64, false);
        for digit in self.fraction.bytes().rev() {
            let value = u64::from(digit - b'0') * numerator + carry;
            left |= value % 10 != 0;
            carry = value / 10;
        }
        // A quotient past `u64::MAX` makes the result pass it too (`numerator` ≥ 1).
        let (mut quotient, mut rest) = (Some(0u64), 0u64);
        for digit in self.whole.bytes() {
            let value = rest * 10 + u64::from(digit - b'0');
            quotient = quotient.and_then(|q| q.checked_mul(10)?.checked_add(value / denominator));
            rest = value % denominator;
        }
        // `rest` and `numerator` are below 2^32, `carry` below `numerator`.
        let tail = rest * numerator + carry;
        quotient?
            .checked_mul(numerator)?
            .checked_add(tail / denominator)?
            .checked_add(u64::from(tail % denominator != 0 || left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(d("4.75").ceil_ratio(5, 7), Some(4));
        assert_eq!(d("1.4").ceil_ratio(5, 7), Some(1));
        assert_eq!(d("1.40000001").ceil_ratio(5, 7), Some(2));
        assert_eq!(d("0").ceil_ratio(5, 7), Some(0));
        assert_eq!(d("1").ceil_ratio(5, 0), None);
        assert!(d("7.00").within(0, 7) && !d("7.01").within(0, 7));
        // A negative zero is zero; no other negative number parses.
        assert_eq!(d("-0"), d("0"));
        assert!(d("-0.00").within(0, 7) && !d("-0.00").within(1, 5));
        // A decimal comma reads as the point; `1,000` (thousands or decimal?) does not.
        assert_eq!(d("4,12"), d("4.12"));
        assert_eq!(d("0,125"), d("0.125"));
        assert_eq!(d("-0,0"), d("-0.0"));
        for text in ["1,000", "4,1.2", "4.1,2", "4,", ",5", "4,,1", "1,2,3"] {
            assert_eq!(Decimal::parse(text), None, "{text}");
        }
        for text in ["-1", "-0.5", "--0", "-"] {
            assert_eq!(Decimal::parse(text), None, "{text}");
        }
        // The extremes of 18 digits: every level O*NET's loader converts has a ratio.
        assert_eq!(d("7.00000000000000000").ceil_ratio(5, 7), Some(5));
        assert_eq!(d("6.99999999999999999").ceil_ratio(5, 7), Some(5));
        assert_eq!(d("0.00000000000000001").ceil_ratio(5, 7), Some(1));
        assert_eq!(
            d("999999999999999999").ceil_ratio(18, 18),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(
            d("0.99999999999999999").ceil_ratio(18, 18),
            Some(1),
            "18 × 10^17 fits"
        );
        assert!(d("0.00000000000000000").within(0, 7));
        assert!(!d("0.00000000000000000").within(1, 5));
        assert!(!d("999999999999999999").within(0, u32::MAX));
        // Bounds whose product with 10^17 passes `u64::MAX`.
        assert!(d("1.00000000000000000").within(0, u32::MAX));
        assert!(!d("1.00000000000000000").within(u32::MAX, u32::MAX));
        assert!(!d("0.99999999999999999").within(1, 5));
        assert!(!d("5.00000000000000001").within(1, 5));
        assert!(d("4.99999999999999999").within(1, 5));
        // Against 128-bit arithmetic, the way it was computed before.
        let units = [0u64, 1, 7, 35, 99, 123_456, 999_999_999_999_999_999];
        for &u in &units {
            for scale in 0..=18u32 {
                let text = format!("{u:0>width$}", width = scale as usize + 1);
                let (whole, fraction) = text.split_at(text.len() - scale as usize);
                let text = if scale == 0 {
                    whole.to_owned()
                } else {
                    format!("{whole}.{fraction}")
                };
                let Some(x) = Decimal::parse(&text) else {
                    continue;
                };
                let den = 10u128.pow(scale);
                for (num, dn) in [(5u32, 7u32), (1, 1), (18, 18), (3, 17)] {
                    let want = (u128::from(u) * u128::from(num)).div_ceil(u128::from(dn) * den);
                    assert_eq!(x.ceil_ratio(num, dn).map(u128::from), Some(want), "{text}");
                }
                for (low, high) in [(0u32, 7u32), (1, 5), (2, 2)] {
                    let want =
                        (u128::from(low) * den..=u128::from(high) * den).contains(&u128::from(u));
                    assert_eq!(x.within(low, high), want, "{text} in {low}..={high}");
                }
            }
        }
        for bad in ["", ".5", "5.", "1e3", "-1", "+1", "1.2.3", " 1", "1.2e-30"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    /// `to_f64` is `str::parse::<f64>` on every text `parse` accepts.
    #[test]
    fn to_f64_is_the_standard_parse() {
        let same = |text: &str| {
            let d = Decimal::parse(text).expect(text);
            let expected: f64 = text.parse().unwrap();
            assert_eq!(d.to_f64().to_bits(), expected.to_bits(), "{text}");
        };
        for text in [
            "0",
            "0.0",
            "000",
            "1",
            "4.75",
            "0.1",
            "0.3",
            "3.14159",
            "5.00",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "900719925474099.3",
            "1.00000000000000005",
            "1.00000000000000011",
            "1.00000000000000022",
            "4.99999999999999999",
            "0.00000000000000001",
            "999999999999999999",
            "0.99999999999999999",
            "123456789.123456789",
        ] {
            same(text);
        }
        // Every split of digit strings of every length into whole and fraction parts.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 18 + 1) as usize;
            let digits: String = (0..len)
                .map(|i| char::from(b'0' + ((state >> (i * 3)) % 10) as u8))
                .collect();
            same(&digits);
            let point = (state >> 60) as usize % len;
            if point > 0 {
                same(&format!("{}.{}", &digits[..point], &digits[point..]));
            }
        }
    }

    /// Texts of 19 to 40 digits, as exact as shorter ones: against `u128` arithmetic and
    /// `str::parse::<f64>`.
    #[test]
    fn long_decimals_are_exact() {
        let d = |s| Decimal::parse(s).unwrap();
        assert!(d("1.4000000000000000000001").within(0, 7));
        assert_eq!(d("1.4000000000000000000001").ceil_ratio(5, 7), Some(2));
        assert_eq!(d("1.4000000000000000000000").ceil_ratio(5, 7), Some(1));
        assert_eq!(d("000000000000000000001.40").ceil_ratio(5, 7), Some(1));
        assert!(!d("7.0000000000000000000001").within(0, 7));
        assert!(d("6.9999999999999999999999").within(0, 7));
        assert!(!d("2.9999999999999999999999").at_least(3.0));
        assert!(d("3.0000000000000000000000").at_least(3.0));
        assert!(d("3.0000000000000000000001").at_least(3.0));
        assert!(!d("99999999999999999999999").within(0, u32::MAX));
        assert_eq!(d("99999999999999999999999").ceil_ratio(5, 7), None);
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 22 + 19) as usize;
            let digits: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            // Few whole digits, as levels and importances are written, or many.
            let whole =
                (next() % (len as u64 - 1)) as usize % if next() % 2 == 0 { 2 } else { len };
            let text = format!("{}.{}", &digits[..=whole], &digits[whole + 1..]);
            let x = Decimal::parse(&text).unwrap();
            let expected: f64 = text.parse().unwrap();
            assert_eq!(x.to_f64().to_bits(), expected.to_bits(), "{text}");
            if len > 36 {
                continue;
            }
            let units: u128 = digits.parse().unwrap();
            let den = 10u128.pow((len - whole - 1) as u32);
            for (num, dn) in [(5u32, 7u32), (1, 1), (18, 18), (3, 17)] {
                let want = (units * u128::from(num)).div_ceil(u128::from(dn) * den);
                let want = u64::try_from(want).ok();
                assert_eq!(x.ceil_ratio(num, dn), want, "{text} × {num} / {dn}");
            }
            for (low, high) in [(0u32, 7u32), (1, 5), (2, 2)] {
                let want = (u128::from(low) * den..=u128::from(high) * den).contains(&units);
                assert_eq!(x.within(low, high), want, "{text} in {low}..={high}");
            }
            if len > 28 {
                continue;
            }
            // Thresholds of at most 10 places: k / 1024 exactly.
            let k = next() % (5 * 1024);
            let threshold = k as f64 / 1024.0;
            let scaled = u128::from(k) * 9_765_625; // k / 1024 = k × 5^10 / 10^10
            let want = units * 10u128.pow(10) >= scaled * den;
            assert_eq!(x.at_least(threshold), want, "{text} ≥ {threshold}");
        }
    }
}
