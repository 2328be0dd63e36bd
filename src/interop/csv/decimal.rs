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
}
