//! In-memory spatial index of hotspot sites for nearest-neighbour queries.
//!
//! Points live on the unit sphere in 3-D, where straight-line (chord)
//! distance orders points exactly as great-circle distance does, so an
//! R-tree's nearest-neighbour search is exact anywhere on Earth.

use muc_wire::geo::LonLat;
use rstar::primitives::GeomWithData;
use rstar::RTree;

use crate::db::SiteRow;

type Entry = GeomWithData<[f64; 3], usize>;

pub struct SiteIndex {
    sites: Vec<SiteRow>,
    tree: RTree<Entry>,
}

impl SiteIndex {
    pub fn new(sites: Vec<SiteRow>) -> Self {
        let entries = sites
            .iter()
            .enumerate()
            .map(|(i, s)| GeomWithData::new(LonLat::new(s.lon, s.lat).to_unit_sphere(), i))
            .collect();
        Self { tree: RTree::bulk_load(entries), sites }
    }

    pub fn len(&self) -> usize {
        self.sites.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sites.is_empty()
    }

    /// Sites nearest to `p` that pass `keep`, nearest first, with their
    /// distance in metres. Lazy: only as many as are taken are visited.
    pub fn nearest<'a>(
        &'a self,
        p: LonLat,
        keep: impl Fn(&SiteRow) -> bool + 'a,
    ) -> impl Iterator<Item = (f64, &'a SiteRow)> + 'a {
        self.tree
            .nearest_neighbor_iter(&p.to_unit_sphere())
            .map(move |e| &self.sites[e.data])
            .filter(move |s| keep(s))
            .map(move |s| (p.distance_m(&LonLat::new(s.lon, s.lat)), s))
    }

    /// The same answer by brute force, for tests and the benchmark.
    pub fn nearest_linear(&self, p: LonLat, n: usize) -> Vec<(f64, &SiteRow)> {
        let mut all: Vec<_> = self.sites.iter().map(|s| (p.distance_m(&LonLat::new(s.lon, s.lat)), s)).collect();
        all.sort_by(|a, b| a.0.total_cmp(&b.0));
        all.truncate(n);
        all
    }

    pub fn count(&self, keep: impl Fn(&SiteRow) -> bool) -> usize {
        self.sites.iter().filter(|s| keep(s)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: usize, lon: f64, lat: f64) -> SiteRow {
        SiteRow {
            id: format!("s{i}"),
            name: format!("Site {i}"),
            kind: if i.is_multiple_of(2) { "even" } else { "odd" }.into(),
            city: "München".into(),
            access_points: 1,
            lon,
            lat,
            source_ids: String::new(),
        }
    }

    /// A deterministic pseudo-random spread over greater Munich.
    fn spread(n: usize) -> Vec<SiteRow> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let a = (x % 100_000) as f64 / 100_000.0;
                let b = ((x / 100_000) % 100_000) as f64 / 100_000.0;
                row(i, 11.3 + 0.5 * a, 48.0 + 0.3 * b)
            })
            .collect()
    }

    #[test]
    fn index_agrees_with_linear_scan() {
        let idx = SiteIndex::new(spread(2000));
        for p in [LonLat::new(11.5755, 48.1374), LonLat::new(11.3, 48.0), LonLat::new(12.0, 49.0)] {
            let fast: Vec<_> = idx.nearest(p, |_| true).take(25).map(|(d, s)| (d, s.id.clone())).collect();
            let slow: Vec<_> = idx.nearest_linear(p, 25).into_iter().map(|(d, s)| (d, s.id.clone())).collect();
            assert_eq!(fast.len(), 25);
            for (f, s) in fast.iter().zip(&slow) {
                assert!((f.0 - s.0).abs() < 1e-6, "{f:?} vs {s:?}");
            }
            assert!(fast.windows(2).all(|w| w[0].0 <= w[1].0), "sorted");
        }
    }

    #[test]
    fn filter_applies_before_taking() {
        let idx = SiteIndex::new(spread(100));
        let odd: Vec<_> = idx.nearest(LonLat::new(11.5, 48.1), |s| s.kind == "odd").take(10).collect();
        assert_eq!(odd.len(), 10);
        assert!(odd.iter().all(|(_, s)| s.kind == "odd"));
        assert_eq!(idx.count(|s| s.kind == "odd"), 50);
    }
}
