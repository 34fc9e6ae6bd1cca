//! Processes: memory (PSS) of a whole process tree, and ending one.

use std::fs;

/// (pid, parent pid) of every process, from /proc.
fn all() -> Vec<(u32, u32)> {
    let Ok(dir) = fs::read_dir("/proc") else { return Vec::new() };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // "pid (comm) state ppid …": comm may hold spaces and parentheses.
            let rest = &stat[stat.rfind(')')? + 2..];
            let ppid = rest.split(' ').nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect()
}

/// `root` and all its descendants.
pub fn tree(root: u32) -> Vec<u32> {
    let procs = all();
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        out.extend(procs.iter().filter(|(_, pp)| *pp == parent).map(|(p, _)| *p));
        i += 1;
    }
    out
}

/// Proportional set size of one process in KiB (shared pages split fairly).
pub fn pss_kib(pid: u32) -> Option<u64> {
    let s = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    s.lines().find_map(|l| l.strip_prefix("Pss:")).and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
}

/// Summed PSS of a process tree in MiB, and how many processes it has.
pub fn tree_pss_mib(root: u32) -> (f64, usize) {
    let pids = tree(root);
    let kib: u64 = pids.iter().filter_map(|p| pss_kib(*p)).sum();
    (kib as f64 / 1024.0, pids.len())
}

/// Ends a process tree: children first, then the root.
pub fn kill_tree(root: u32) {
    let mut pids = tree(root);
    pids.reverse();
    for p in pids {
        let _ = std::process::Command::new("kill").arg("-KILL").arg(p.to_string()).status();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_a_real_process_tree() {
        let mut child =
            std::process::Command::new("sh").args(["-c", "sleep 30 & sleep 30 & wait"]).spawn().expect("spawn");
        let root = child.id();
        // Wait (with a deadline) until both children exist.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while tree(root).len() < 3 && std::time::Instant::now() < deadline {
            std::thread::yield_now();
        }
        let (mib, n) = tree_pss_mib(root);
        assert_eq!(n, 3);
        assert!(mib > 0.0);
        kill_tree(root);
        let _ = child.wait();
        assert!(pss_kib(root).is_none(), "gone");
    }
}
