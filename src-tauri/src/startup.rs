//! The page's start-up timeline on the process's clock, for the benchmark
//! (`MUC_BENCH_FIRST_PAINT`): which step between launch and the first
//! screen takes the time.

use std::time::{SystemTime, UNIX_EPOCH};

use muc_wire::ipc::TimelineMark;

/// The page's marks as milliseconds since the process started, in order of
/// time, as one JSON line: `[["muc_frontend_bg.wasm received", 312.5], …]`.
/// The page stamps its marks with the wall clock (its time origin plus the
/// offset), which is the only clock the two sides share.
pub fn timeline_line(process_start: SystemTime, marks: &[TimelineMark]) -> String {
    let start = process_start.duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0);
    let mut rows: Vec<(&str, f64)> = marks
        .iter()
        .filter(|m| m.at.is_finite())
        .map(|m| (m.name.as_str(), ((m.at - start) * 10.0).round() / 10.0))
        .collect();
    rows.sort_by(|a, b| a.1.total_cmp(&b.1));
    serde_json::to_string(&rows).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn marks_are_placed_on_the_process_clock_in_order() {
        let start = UNIX_EPOCH + Duration::from_millis(1_700_000_000_000);
        let mark = |name: &str, at: f64| TimelineMark { name: name.into(), at };
        let line = timeline_line(
            start,
            &[
                mark("first render", 1_700_000_000_480.25),
                mark("navigation start", 1_700_000_000_120.0),
                mark("broken", f64::NAN),
            ],
        );
        assert_eq!(line, r#"[["navigation start",120.0],["first render",480.3]]"#);
    }
}
