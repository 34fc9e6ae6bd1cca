//! Forgiving search for German text: case, umlauts, ß, small typos and
//! split compounds ("Pflege heim" finds "Pflegeheim").

/// Lower case, ä→ae, ö→oe, ü→ue, ß→ss, punctuation to spaces, spaces collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Optimal string alignment distance (Levenshtein plus swapped neighbours),
/// stopping early once it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        if cur.iter().min().copied().unwrap_or(0) > max {
            return None;
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// How well one query word matches one folded text word: 0 = no match.
fn word_score(q: &str, w: &str) -> u32 {
    if q == w {
        return 100;
    }
    if w.starts_with(q) && q.len() >= 2 {
        return 80;
    }
    // Compounds: "heim" in "pflegeheim", "hebamme" in "hebammensuche".
    if q.len() >= 4 && w.contains(q) {
        return 60;
    }
    // Typos: one edit in words of 4+ letters, two in words of 8+.
    let allowed = match q.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if allowed > 0 {
        // Against the whole word, and against its start (a typo in a compound's first part).
        let prefix: String = w.chars().take(q.chars().count()).collect();
        for (cand, score) in [(w, 50), (prefix.as_str(), 40)] {
            if edit_distance(q, cand, allowed).is_some() {
                return score;
            }
        }
    }
    0
}

/// A searchable record: fields with weights (a name counts more than a description).
pub struct Haystack {
    fields: Vec<(Vec<String>, u32)>,
}

impl Haystack {
    pub fn new() -> Self {
        Self { fields: Vec::new() }
    }

    pub fn field(mut self, text: &str, weight: u32) -> Self {
        self.fields.push((fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect(), weight));
        self
    }

    fn best(&self, q: &str) -> u32 {
        self.fields
            .iter()
            .flat_map(|(words, weight)| words.iter().map(move |w| word_score(q, w) * weight))
            .max()
            .unwrap_or(0)
    }

    /// 0 if the query does not match; higher is better. Every query word must
    /// match somewhere, or the words run together must ("pflege heim").
    pub fn score(&self, query: &str) -> u32 {
        let q = fold(query);
        if q.is_empty() {
            return 1;
        }
        let words: Vec<&str> = q.split(' ').collect();
        let each: Option<u32> = words.iter().map(|w| Some(self.best(w)).filter(|s| *s > 0)).sum();
        let joined = if words.len() > 1 { self.best(&words.concat()) } else { 0 };
        each.unwrap_or(0).max(joined * words.len() as u32)
    }
}

impl Default for Haystack {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_german_text() {
        assert_eq!(fold("Straße  zur Größe!"), "strasse zur groesse");
        assert_eq!(fold("KITA-Finder+"), "kita finder");
    }

    #[test]
    fn edit_distance_counts_typos() {
        assert_eq!(edit_distance("hebame", "hebamme", 1), Some(1));
        assert_eq!(edit_distance("pfelge", "pflege", 1), Some(1), "swapped letters are one edit");
        assert_eq!(edit_distance("kita", "kino", 1), None);
        assert_eq!(edit_distance("abc", "abcdef", 2), None);
    }

    #[test]
    fn forgives_typos_umlauts_and_compounds() {
        let midwives = Haystack::new().field("Hebammensuche", 3).field("Hebamme Geburt Wochenbett", 1);
        let care = Haystack::new().field("Pflegefinder Bayern", 3).field("Pflegeheim Kurzzeitpflege", 1);
        let kita = Haystack::new().field("Kita-Finder+", 3).field("Kinderbetreuung Krippe Kindergarten", 1);
        assert!(midwives.score("hebame") > 0);
        assert!(midwives.score("Hebammen") > 0);
        assert!(care.score("Pflege heim") > 0);
        assert!(care.score("pflegeheim") > 0);
        assert!(kita.score("KITA") > 0);
        assert!(kita.score("kinderbetreuung") > 0);
        assert!(kita.score("Kinder Betreuung") > 0);
        assert_eq!(kita.score("hebamme"), 0);
        assert_eq!(care.score("kita"), 0);
        assert!(Haystack::new().field("Ärztliche Hilfe", 1).score("arztliche") > 0, "ä typed as a");
        assert!(Haystack::new().field("Ärzte", 1).score("aerzte") > 0);
    }

    #[test]
    fn names_outrank_descriptions() {
        let by_name = Haystack::new().field("Pflegefinder", 3).field("Heime", 1);
        let by_text = Haystack::new().field("Beratung", 3).field("Pflegefinder", 1);
        assert!(by_name.score("pflegefinder") > by_text.score("pflegefinder"));
    }

    proptest::proptest! {
        /// Any query: no panic; folding is idempotent; distance is symmetric.
        #[test]
        fn any_query_without_panic(q in "\\PC{0,30}", t in "\\PC{0,30}") {
            let f = super::fold(&q);
            proptest::prop_assert_eq!(super::fold(&f), f.clone());
            proptest::prop_assert_eq!(super::edit_distance(&q, &t, 2), super::edit_distance(&t, &q, 2));
            let _ = super::Haystack::new().field(&t, 3).score(&q);
        }
    }
}
