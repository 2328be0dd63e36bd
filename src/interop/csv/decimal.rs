//! Exact decimal numbers as CSV files write them ([`Decimal`]), compared and divided
//! without floating point.

/// An exact non-negative decimal number: `units / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    units: u64,
    scale: u32,
}

impl Decimal {
    /// Parses `d+` or `d+.d+` (ASCII digits, at most 18 of them).
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = || whole.bytes().chain(fraction.bytes());
        let well_formed = !whole.is_empty()
            && fraction.is_empty() != text.contains('.')
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

    /// `10^scale`, the denominator.
    fn denominator(self) -> u128 {
        10u128.pow(self.scale)
    }

    /// Whether the number lies in `low..=high`.
    pub(crate) fn within(self, low: u32, high: u32) -> bool {
        let units = u128::from(self.units);
        units >= u128::from(low) * self.denominator()
            && units <= u128::from(high) * self.denominator()
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
    pub(crate) fn ceil_ratio(self, numerator: u32, denominator: u32) -> u128 {
        let top = u128::from(self.units) * u128::from(numerator);
        let bottom = u128::from(denominator) * self.denominator();
        top.div_ceil(bottom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(d("4.75").ceil_ratio(5, 7), 4);
        assert_eq!(d("1.4").ceil_ratio(5, 7), 1);
        assert_eq!(d("1.40000001").ceil_ratio(5, 7), 2);
        assert_eq!(d("0").ceil_ratio(5, 7), 0);
        assert!(d("7.00").within(0, 7) && !d("7.01").within(0, 7));
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
