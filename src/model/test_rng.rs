//! A seeded xorshift generator for unit tests: the same sequence on every run and
//! platform, with no dependency.

/// Numbers below the bound passed to each call, from Marsaglia's 64-bit xorshift (shifts
/// 13, 7, 17) seeded with `seed` (not 0).
pub(crate) fn below(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut x = seed;
    move |bound: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % bound
    }
}
