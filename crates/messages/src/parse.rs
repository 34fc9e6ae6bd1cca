//! Reading a Fluent file into a [`Catalogue`], with the Fluent project's
//! parser; refusing what our resolver does not do.

use std::collections::BTreeMap;

use fluent_syntax::ast::{self, Expression, InlineExpression, PatternElement, VariantKey};

use crate::{Catalogue, Part, Pattern};

/// What is wrong in a file, naming the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The messages of one language's file. Every problem is reported, not only
/// the first: a translator fixes them in one go.
pub fn parse(lang: &str, ftl: &str) -> Result<Catalogue, Vec<Problem>> {
    let (resource, mut problems) = match fluent_syntax::parser::parse(ftl) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => {
            let problems = errors
                .iter()
                .map(|e| Problem(format!("{lang}: syntax error at byte {}: {}", e.pos.start, e.kind)))
                .collect();
            (r, problems)
        }
    };
    let terms: BTreeMap<&str, &ast::Pattern<&str>> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Term(t) => Some((t.id.name, &t.value)),
            _ => None,
        })
        .collect();
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else { continue };
        let id = m.id.name;
        if !m.attributes.is_empty() {
            problems.push(Problem(format!("{lang}: {id}: attributes are not used by the app")));
        }
        let Some(value) = &m.value else {
            problems.push(Problem(format!("{lang}: {id}: no text")));
            continue;
        };
        let mut c = Compile { lang, id, terms: &terms, problems: Vec::new(), depth: 0 };
        let pattern = c.pattern(value);
        problems.extend(c.problems);
        if messages.insert(id.to_string(), pattern).is_some() {
            problems.push(Problem(format!("{lang}: {id}: defined twice")));
        }
    }
    if problems.is_empty() {
        Ok(Catalogue { lang: lang.to_string(), messages })
    } else {
        Err(problems)
    }
}

struct Compile<'a> {
    lang: &'a str,
    id: &'a str,
    terms: &'a BTreeMap<&'a str, &'a ast::Pattern<&'a str>>,
    problems: Vec<Problem>,
    depth: u8,
}

impl Compile<'_> {
    fn refuse(&mut self, what: &str) {
        self.problems.push(Problem(format!("{}: {}: {what}", self.lang, self.id)));
    }

    fn pattern(&mut self, p: &ast::Pattern<&str>) -> Pattern {
        let mut out: Pattern = Vec::new();
        for element in &p.elements {
            match element {
                PatternElement::TextElement { value } => push_text(&mut out, value),
                PatternElement::Placeable { expression } => self.expression(expression, &mut out),
            }
        }
        out
    }

    fn expression(&mut self, e: &Expression<&str>, out: &mut Pattern) {
        match e {
            Expression::Inline(inline) => self.inline(inline, out),
            Expression::Select { selector, variants } => {
                let InlineExpression::VariableReference { id } = selector else {
                    return self.refuse("only a variable can select a variant");
                };
                let mut compiled = Vec::new();
                let mut default = 0;
                for (n, v) in variants.iter().enumerate() {
                    let key = match &v.key {
                        VariantKey::Identifier { name } => name.to_string(),
                        VariantKey::NumberLiteral { value } => value.to_string(),
                    };
                    if v.default {
                        default = n;
                    }
                    compiled.push((key, self.pattern(&v.value)));
                }
                out.push(Part::Select { var: id.name.to_string(), variants: compiled, default });
            }
        }
    }

    fn inline(&mut self, e: &InlineExpression<&str>, out: &mut Pattern) {
        match e {
            InlineExpression::StringLiteral { value } => {
                push_text(out, &fluent_syntax::unicode::unescape_unicode_to_string(value))
            }
            InlineExpression::NumberLiteral { value } => push_text(out, value),
            InlineExpression::VariableReference { id } => out.push(Part::Var(id.name.to_string())),
            InlineExpression::TermReference { id, attribute: None, arguments: None } => {
                // A term is written out where it is used (brand names, the
                // city's name): nested at most a few deep, so a cycle ends.
                match self.terms.get(id.name) {
                    Some(t) if self.depth < 4 => {
                        self.depth += 1;
                        for part in self.pattern(t) {
                            match part {
                                Part::Text(s) => push_text(out, &s),
                                other => out.push(other),
                            }
                        }
                        self.depth -= 1;
                    }
                    Some(_) => self.refuse("terms refer to each other in a circle"),
                    None => self.refuse(&format!("unknown term -{}", id.name)),
                }
            }
            InlineExpression::Placeable { expression } => self.expression(expression, out),
            InlineExpression::TermReference { .. } => self.refuse("term attributes and arguments are not used"),
            InlineExpression::MessageReference { .. } => {
                self.refuse("a message cannot include another; write the text out")
            }
            InlineExpression::FunctionReference { .. } => {
                self.refuse("functions are not used: numbers and dates are formatted by the app")
            }
        }
    }
}

/// Text next to text is one part (what the resolver borrows as a whole).
fn push_text(out: &mut Pattern, s: &str) {
    match out.last_mut() {
        Some(Part::Text(t)) => t.push_str(s),
        _ => out.push(Part::Text(s.to_string())),
    }
}
