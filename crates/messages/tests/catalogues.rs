//! The message files, checked as a translator's mistakes would show: every
//! file reads, every language has every message with the same placeables,
//! every message the app asks for exists and none is left unused, and our
//! resolver writes every message exactly as the reference implementation
//! (fluent-bundle) does.

#![cfg(feature = "parse")]

use std::collections::BTreeSet;
use std::path::Path;

use muc_messages::{parse, Arg, Catalogue, Locale, Part, Pattern, FILES, LANGUAGES, PORTAL_FILES};

fn catalogues() -> Vec<Catalogue> {
    read(&FILES)
}

fn read(files: &[(&str, &str)]) -> Vec<Catalogue> {
    files
        .iter()
        .map(|(code, ftl)| match parse(code, ftl) {
            Ok(c) => c,
            Err(problems) => {
                panic!("{code}.ftl: {}", problems.iter().map(|p| p.0.clone()).collect::<Vec<_>>().join("\n"))
            }
        })
        .collect()
}

fn variables(p: &Pattern, into: &mut BTreeSet<String>) {
    for part in p {
        match part {
            Part::Text(_) => {}
            Part::Var(v) => {
                into.insert(v.clone());
            }
            Part::Select { var, variants, .. } => {
                into.insert(var.clone());
                for (_, p) in variants {
                    variables(p, into);
                }
            }
        }
    }
}

#[test]
fn every_language_of_the_app_has_a_file() {
    let files: Vec<&str> = FILES.iter().map(|(c, _)| *c).collect();
    let languages: Vec<&str> = LANGUAGES.iter().map(|l| l.code).collect();
    assert_eq!(files, languages);
}

#[test]
fn every_language_has_every_message_with_the_same_placeables() {
    complete(&catalogues());
    complete(&read(&PORTAL_FILES));
}

fn complete(all: &[Catalogue]) {
    let german = all.iter().find(|c| c.lang == "de").expect("German is the source");
    let mut problems = Vec::new();
    for c in all {
        for (id, p) in &german.messages {
            match c.messages.get(id) {
                None => problems.push(format!("{}: {id} is missing", c.lang)),
                Some(q) => {
                    let (mut a, mut b) = (BTreeSet::new(), BTreeSet::new());
                    variables(p, &mut a);
                    variables(q, &mut b);
                    if a != b {
                        problems.push(format!("{}: {id} uses {b:?}, German {a:?}", c.lang));
                    }
                }
            }
        }
        for id in c.messages.keys().filter(|id| !german.messages.contains_key(*id)) {
            problems.push(format!("{}: {id} is not in German (renamed or left over?)", c.lang));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every id the frontend asks for (a string literal that names a message)
/// exists; every German message is asked for somewhere.
#[test]
fn the_app_asks_for_every_message_and_only_for_existing_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../frontend/src");
    let mut code = String::new();
    read_rs(&src, &mut code);
    let german = parse("de", FILES[0].1).expect("German");
    let unused: Vec<&String> = german.messages.keys().filter(|id| !code.contains(&format!("\"{id}\""))).collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
    // `t(lang, "id")` and `t_args(lang, "id", …)`: each id must exist.
    let mut missing = Vec::new();
    for call in ["t(", "t_args("] {
        for (i, _) in code.match_indices(call) {
            // `t(` itself, not the end of `set(` or `at(`.
            if code[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[i + call.len()..];
            let Some((_, after)) = rest.split_once(',') else { continue };
            let after = after.trim_start();
            if let Some(lit) = after.strip_prefix('"').and_then(|s| s.split_once('"')).map(|(id, _)| id) {
                if !german.messages.contains_key(lit) {
                    missing.push(lit.to_string());
                }
            }
        }
    }
    assert!(missing.is_empty(), "asked for but not in de.ftl: {missing:?}");
}

/// The portal's messages: every one is said somewhere in the portal.
#[test]
fn the_portal_says_every_message_it_has() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut code = String::new();
    read_rs(&root.join("portal/src"), &mut code);
    let german = parse("de", PORTAL_FILES[0].1).expect("German");
    let unused: Vec<&String> = german.messages.keys().filter(|id| !code.contains(&format!("\"{id}\""))).collect();
    assert!(unused.is_empty(), "portal messages nothing says: {unused:?}");
}

fn read_rs(dir: &Path, into: &mut String) {
    for entry in std::fs::read_dir(dir).expect("frontend/src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            read_rs(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push_str(&std::fs::read_to_string(&path).expect("read"));
        }
    }
}

/// Plural categories from the same CLDR rules fluent-bundle uses; numbers
/// written plainly, as fluent-bundle does without a number formatter.
struct Cldr(intl_pluralrules::PluralRules);

impl Locale for Cldr {
    fn number(&self, n: f64) -> String {
        n.to_string()
    }
    fn plural(&self, n: f64) -> String {
        use intl_pluralrules::PluralCategory as P;
        match self.0.select(n).expect("plural") {
            P::ZERO => "zero",
            P::ONE => "one",
            P::TWO => "two",
            P::FEW => "few",
            P::MANY => "many",
            P::OTHER => "other",
        }
        .to_string()
    }
}

#[test]
fn our_resolver_writes_what_fluent_bundle_writes() {
    for (language, (code, ftl)) in LANGUAGES.iter().zip(FILES).chain(LANGUAGES.iter().zip(PORTAL_FILES)) {
        let langid: unic_langid::LanguageIdentifier = language.html.parse().expect("langid");
        let mut bundle = fluent_bundle::FluentBundle::new(vec![langid.clone()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(fluent_bundle::FluentResource::try_new(ftl.to_string()).expect("ftl")).expect("add");
        let ours = parse(code, ftl).expect("parse");
        let rules =
            intl_pluralrules::PluralRules::create(langid, intl_pluralrules::PluralRuleType::CARDINAL).expect("rules");
        let locale = Cldr(rules);
        for (id, pattern) in &ours.messages {
            let mut vars = BTreeSet::new();
            variables(pattern, &mut vars);
            // Each placeable as a number (0, 1, 2, 3, 5, 11, 21) and as text.
            for n in [0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 21.0] {
                for text in [false, true] {
                    let value = |v: &str| if text { Arg::Text(format!("‹{v}›")) } else { Arg::Number(n) };
                    let args: Vec<(&str, Arg)> = vars.iter().map(|v| (v.as_str(), value(v))).collect();
                    let mut fargs = fluent_bundle::FluentArgs::new();
                    for (k, v) in &args {
                        match v {
                            Arg::Number(n) => fargs.set(*k, *n),
                            Arg::Text(t) => fargs.set(*k, t.clone()),
                        }
                    }
                    let msg = bundle.get_message(id).and_then(|m| m.value()).expect("message");
                    let mut errors = Vec::new();
                    let theirs = bundle.format_pattern(msg, Some(&fargs), &mut errors);
                    assert!(errors.is_empty(), "{code}: {id}: {errors:?}");
                    let mine = ours.format(id, &args, &locale).expect("ours");
                    assert_eq!(mine, theirs, "{code}: {id} with {args:?}");
                }
            }
        }
    }
}

#[test]
fn what_the_resolver_refuses_is_named() {
    let problems = parse("de", "a = { NUMBER($n) }\nb = { c }\nc = C\nd = { -nope }\n").expect_err("refused");
    let text: Vec<String> = problems.iter().map(|p| p.0.clone()).collect();
    assert!(text.iter().any(|p| p.contains("a: functions")), "{text:?}");
    assert!(text.iter().any(|p| p.contains("b: a message cannot include another")), "{text:?}");
    assert!(text.iter().any(|p| p.contains("d: unknown term -nope")), "{text:?}");
    let broken = parse("de", "a = { $n ->\n  [one] x\n}\n").expect_err("no default variant");
    assert!(broken[0].0.contains("syntax error"), "{broken:?}");
}

#[test]
fn terms_are_written_out_and_spaces_kept() {
    let c =
        parse("de", "-city = München\ngreet = Willkommen in { -city }!\nreq = {\" \"}(Pflichtfeld)\n").expect("parse");
    assert_eq!(c.plain("greet"), Some("Willkommen in München!"));
    assert_eq!(c.plain("req"), Some(" (Pflichtfeld)"));
}

#[test]
fn a_request_s_languages_choose_the_first_the_app_speaks() {
    use muc_messages::matching;
    assert_eq!(matching(["fr-FR", "tr-TR", "de"]).map(|l| l.code), Some("tr"));
    assert_eq!(matching(["de-DE"]).map(|l| l.code), Some("de"));
    assert_eq!(matching(["de-x-ls"]).map(|l| l.code), Some("de-x-ls"));
    assert_eq!(matching(["uk_UA.UTF-8"]).map(|l| l.code), Some("uk"));
    assert_eq!(matching(["fr", "C"]), None);
}
