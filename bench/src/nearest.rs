//! Nearest-site queries from the R-tree beside a linear scan, for growing
//! numbers of sites.

use std::time::Instant;

use muc_portal::db::SiteRow;
use muc_portal::index::SiteIndex;
use muc_wire::geo::LonLat;

/// A deterministic spread of `n` sites over greater Munich.
pub fn sites(n: usize) -> Vec<SiteRow> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| SiteRow {
            id: format!("s{i}"),
            name: format!("Site {i}"),
            kind: "bench".into(),
            city: "München".into(),
            access_points: 1,
            lon: 11.36 + 0.37 * rng.unit(),
            lat: 48.06 + 0.19 * rng.unit(),
            source_ids: String::new(),
        })
        .collect()
}

struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 1_000_000) as f64 / 1_000_000.0
    }
}

/// Microseconds per query (10 nearest), one figure per round: (index, linear scan).
pub fn measure(n: usize, queries: usize, rounds: usize) -> (Vec<f64>, Vec<f64>) {
    let idx = SiteIndex::new(sites(n));
    let mut rng = Rng(42);
    let points: Vec<LonLat> =
        (0..queries).map(|_| LonLat::new(11.36 + 0.37 * rng.unit(), 48.06 + 0.19 * rng.unit())).collect();
    // A full scan of 100,000 sites is slow: fewer queries keep the run short.
    let linear_queries = if n > 20_000 { queries.min(50) } else { queries };
    let (mut tree, mut scan) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        let mut sink = 0usize;
        for p in &points {
            sink += idx.nearest(*p, |_| true).take(10).count();
        }
        tree.push(t.elapsed().as_secs_f64() * 1e6 / queries as f64);
        let t = Instant::now();
        for p in &points[..linear_queries] {
            sink += idx.nearest_linear(*p, 10).len();
        }
        scan.push(t.elapsed().as_secs_f64() * 1e6 / linear_queries as f64);
        assert!(sink > 0);
    }
    (tree, scan)
}
