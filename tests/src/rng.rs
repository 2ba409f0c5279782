//! A small deterministic generator (xorshift64*) for randomised scenarios: a run prints its seed
//! and repeats from it.

/// The generator.
pub struct Rng(u64);

impl Rng {
    /// Seeded from `env` (to repeat a run) or the time; returns the seed too, to print.
    pub fn seeded(env: &str) -> (Rng, u64) {
        let seed = std::env::var(env).ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
            let nanos =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            nanos.as_nanos() as u64 | 1
        });
        (Rng(seed | 1), seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Heads or tails.
    pub fn chance(&mut self) -> bool {
        self.next_u64().is_multiple_of(2)
    }
}
