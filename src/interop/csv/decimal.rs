//! Exact decimal numbers as CSV files write them ([`Decimal`]), compared and divided
//! without floating point.

/// An exact non-negative decimal number: `units / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    units: u64,
    scale: u32,
}

impl Decimal {
    /// Parses `d+`, `d+.d+` or `d+,d+` (ASCII digits, at most 18 of them); a negative zero
    /// (`-0`, `-0.00`, as a spreadsheet writes a zero computed as negative) is zero.
    ///
    /// A decimal comma (`4,12`) is how a spreadsheet in most of Europe saves a file it
    /// opened (with `;` between the fields), and reads as the point does; but a comma
    /// followed by exactly three digits after a whole part other than 0 (`1,000`) is
    /// refused, as CASE rubric scores refuse it: it is a thousands separator in English and
    /// a decimal comma elsewhere, and which is meant is unknowable.
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        if let Some(unsigned) = text.strip_prefix('-') {
            return Decimal::parse(unsigned).filter(|d| d.units == 0 && !unsigned.starts_with('-'));
        }
        let point = if text.contains('.') { '.' } else { ',' };
        let (whole, fraction) = text.split_once(point).unwrap_or((text, ""));
        if point == ',' && fraction.len() == 3 && whole.bytes().any(|b| b != b'0') {
            return None;
        }
        let digits = || whole.bytes().chain(fraction.bytes());
        let well_formed = !whole.is_empty()
            && fraction.is_empty() != text.contains(point)
            && digits().all(|b| b.is_ascii_digit())
            && whole.len() + fraction.len() <= 18;
        if !well_formed {
            return None;
        }
        let units = digits().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        Some(Decimal {
            units,
            scale: fraction.len() as u32,
        })
    }

    /// `10^scale`, the denominator: at most 10^18 (a parsed number has at most 18
    /// digits), so always `Some`.
    fn denominator(self) -> Option<u64> {
        10u64.checked_pow(self.scale)
    }

    /// Whether the number lies in `low..=high`.
    ///
    /// In `u64`, without 128-bit arithmetic (which WebAssembly runs as library calls): a
    /// bound times the denominator that passes `u64::MAX` is above every `u64` of units.
    pub(crate) fn within(self, low: u32, high: u32) -> bool {
        let Some(denominator) = self.denominator() else {
            return false;
        };
        let bound = |b: u32| u64::from(b).checked_mul(denominator);
        bound(low).is_some_and(|low| self.units >= low)
            && bound(high).is_none_or(|high| self.units <= high)
    }

    /// The nearest `f64` (ties to even), the value `str::parse::<f64>` gives for the same
    /// text.
    ///
    /// Not `str::parse` itself: in WebAssembly that would compile in the standard library's
    /// float parser and its 10 KB table of powers of five for this one use, while
    /// `serde_json` has its own correctly rounded parser in the module anyway.
    pub(crate) fn to_f64(self) -> f64 {
        /// 2^53: every integer up to it is an exact `f64`.
        const EXACT: u64 = 1 << 53;
        // Every power of ten up to 10^22 is an exact `f64` (5^22 < 2^53), so for an exact
        // numerator the one rounding of the division is the nearest `f64` to the quotient.
        const POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if let Some(&power) = POWERS.get(self.scale as usize)
            && self.units <= EXACT
        {
            return self.units as f64 / power;
        }
        serde_json::from_str(&format!("{}e-{}", self.units, self.scale)).unwrap_or(f64::NAN)
    }

    /// `⌈self × numerator / denominator⌉`, exactly.
    ///
    /// In `u64`, without the 128-bit division that WebAssembly runs as a kilobyte of library
    /// code: the units are under 10^18 and the denominator at most 10^18, so for a
    /// `numerator` and a `denominator` up to 18 neither `self × numerator` nor
    /// `denominator × 10^scale` passes `u64::MAX`. `None` when one would (larger arguments)
    /// or when `denominator` is 0.
    pub(crate) fn ceil_ratio(self, numerator: u32, denominator: u32) -> Option<u64> {
        let top = self.units.checked_mul(u64::from(numerator))?;
        let bottom = self.denominator()?.checked_mul(u64::from(denominator))?;
        (bottom > 0).then(|| top.div_ceil(bottom))
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
        for bad in [
            "",
            ".5",
            "5.",
            "1e3",
            "-1",
            "+1",
            "1.2.3",
            " 1",
            "1234567890123456789",
        ] {
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
}
