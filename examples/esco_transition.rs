//! Career move between two real ESCO occupations: the gap and readiness.
fn main() {}
