//! Medians and ranges: what every figure in the table is made of.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

pub fn summary(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    let median = if v.len() % 2 == 1 { v[mid] } else { (v[mid - 1] + v[mid]) / 2.0 };
    Some(Summary { median, min: v[0], max: v[v.len() - 1], n: v.len() })
}

impl Summary {
    /// "412 (398–430, n=5)" with the given formatter.
    pub fn show(&self, f: impl Fn(f64) -> String) -> String {
        format!("{} ({}–{}, n={})", f(self.median), f(self.min), f(self.max), self.n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_ranges() {
        assert_eq!(summary(&[]), None);
        let s = summary(&[3.0, 1.0, 2.0]).expect("summary");
        assert_eq!((s.median, s.min, s.max, s.n), (2.0, 1.0, 3.0, 3));
        assert_eq!(summary(&[1.0, 2.0, 3.0, 10.0]).expect("s").median, 2.5);
        assert_eq!(s.show(|x| format!("{x:.0}")), "2 (1–3, n=3)");
    }
}
