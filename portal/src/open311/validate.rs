//! Reading and checking a new report against its service definition.

use std::collections::BTreeMap;

use muc_messages::Arg;
use muc_wire::open311::Datatype;

use crate::says::Lang;
use serde::Deserialize;

/// Why a report is refused, in words a citizen can read, in the request's
/// language: a message of the portal's Fluent files (`crate::says`) with
/// its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Refusal {
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn text(&self, lang: Lang) -> String {
        crate::says::say(lang, self.id, &self.args)
    }
}

/// Munich's city limits, generously rounded: reports elsewhere go to another city.
pub const MUNICH_BBOX: [f64; 4] = [11.36, 48.06, 11.73, 48.25];

/// A service definition attribute as stored: texts in German and English.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct StoredAttribute {
    pub code: String,
    pub datatype: Datatype,
    pub required: bool,
    pub variable: bool,
    pub order: u32,
    pub description: [String; 2],
    #[serde(default)]
    pub datatype_description: Option<[String; 2]>,
    #[serde(default)]
    pub values: Vec<StoredValue>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct StoredValue {
    pub key: String,
    pub name: [String; 2],
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct NewRequest {
    pub service_code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub address_id: Option<String>,
    pub zipcode: Option<String>,
    pub description: Option<String>,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    pub device_id: Option<String>,
    pub account_id: Option<String>,
    /// attribute code → value(s)
    pub attributes: BTreeMap<String, Vec<String>>,
}

/// Text as people type it: CRLF (what browsers send from a text area)
/// becomes LF; other control characters than tab and newline are refused,
/// since they have no meaning in a report and make XML answers ill-formed.
fn plain(v: &str, field: &str) -> Result<String, Refusal> {
    let v = v.replace("\r\n", "\n");
    match v.chars().find(|c| c.is_control() && *c != '\t' && *c != '\n') {
        None => Ok(v),
        Some(c) => Err(Refusal::new("refuse-control-char")
            .with("field", field)
            .with("char", format!("U+{:04X}", u32::from(c)))),
    }
}

fn text(v: &str, field: &str, max: usize) -> Result<Option<String>, Refusal> {
    let v = plain(v, field)?;
    let t = v.trim();
    if t.chars().count() > max {
        return Err(Refusal::new("refuse-too-long").with("field", field).with("max", max));
    }
    Ok((!t.is_empty()).then(|| t.to_string()))
}

/// Reads the form fields of `POST requests` (GeoReport names).
pub fn parse(fields: &[(String, String)]) -> Result<NewRequest, Refusal> {
    let mut r = NewRequest::default();
    for (k, v) in fields {
        match k.as_str() {
            "service_code" => r.service_code = plain(v, "service_code")?.trim().to_string(),
            "lat" | "long" => {
                let n: f64 = v.trim().parse().map_err(|_| {
                    Refusal::new("refuse-not-a-number").with("field", k.as_str()).with("value", v.as_str())
                })?;
                if k == "lat" {
                    r.lat = Some(n)
                } else {
                    r.lon = Some(n)
                }
            }
            "address_string" => r.address = text(v, "address_string", 300)?,
            "address_id" => r.address_id = text(v, "address_id", 100)?,
            "zipcode" => r.zipcode = text(v, "zipcode", 10)?,
            "description" => r.description = text(v, "description", 4000)?,
            "email" => {
                r.email = text(v, "email", 254)?;
                if r.email.as_deref().is_some_and(|e| !e.contains('@') || e.contains(char::is_whitespace)) {
                    return Err(Refusal::new("refuse-email"));
                }
            }
            "first_name" => r.first_name = text(v, "first_name", 100)?,
            "last_name" => r.last_name = text(v, "last_name", 100)?,
            "phone" => r.phone = text(v, "phone", 40)?,
            "device_id" => r.device_id = text(v, "device_id", 100)?,
            "account_id" => r.account_id = text(v, "account_id", 100)?,
            // Handled by the caller, or ignored as GeoReport allows.
            "api_key" | "jurisdiction_id" | "media_url" | "locale" | "altcha" => {}
            k if k.starts_with("attribute[") => {
                let code = k["attribute[".len()..].split(']').next().unwrap_or("").to_string();
                if code.is_empty() {
                    return Err(Refusal::new("refuse-field-name").with("field", k));
                }
                let v = plain(v, k)?;
                if !v.trim().is_empty() {
                    r.attributes.entry(code).or_default().push(v.trim().to_string());
                }
            }
            other => return Err(Refusal::new("refuse-unknown-field").with("field", other)),
        }
    }
    if r.service_code.is_empty() {
        return Err(Refusal::new("refuse-service-code-missing"));
    }
    match (r.lat, r.lon) {
        (Some(lat), Some(lon)) => {
            if !(lat.is_finite() && lon.is_finite()) {
                return Err(Refusal::new("refuse-lat-long-finite"));
            }
            let [w, s, e, n] = MUNICH_BBOX;
            if !(w..=e).contains(&lon) || !(s..=n).contains(&lat) {
                return Err(Refusal::new("refuse-outside-munich"));
            }
        }
        (None, None) if r.address.is_some() || r.address_id.is_some() => {}
        (None, None) => return Err(Refusal::new("refuse-no-location")),
        _ => return Err(Refusal::new("refuse-lat-long-together")),
    }
    Ok(r)
}

/// Checks the attributes against the service definition.
pub fn check_attributes(r: &NewRequest, definition: &[StoredAttribute], lang: Lang) -> Result<(), Refusal> {
    for code in r.attributes.keys() {
        if !definition.iter().any(|a| a.variable && &a.code == code) {
            return Err(Refusal::new("refuse-unknown-attribute").with("code", code).with("service", &r.service_code));
        }
    }
    for a in definition.iter().filter(|a| a.variable) {
        let values = r.attributes.get(&a.code).map(Vec::as_slice).unwrap_or(&[]);
        if values.is_empty() {
            if a.required {
                // The question as the person's form asked it.
                let label = crate::service_texts::Texts::of(lang)
                    .say(&format!("{}--{}", r.service_code, a.code), (&a.description[0], &a.description[1]));
                return Err(Refusal::new("refuse-attribute-required")
                    .with("code", &a.code)
                    .with("label", label.as_ref()));
            }
            continue;
        }
        let single = || {
            if values.len() > 1 {
                Err(Refusal::new("refuse-attribute-one-value").with("code", &a.code))
            } else {
                Ok(values[0].as_str())
            }
        };
        match a.datatype {
            Datatype::String | Datatype::Text => {
                let v = single()?;
                let max = if a.datatype == Datatype::String { 200 } else { 4000 };
                if v.chars().count() > max {
                    return Err(Refusal::new("refuse-attribute-too-long").with("code", &a.code).with("max", max));
                }
            }
            Datatype::Number => {
                let v = single()?.replace(',', ".");
                if !v.parse::<f64>().is_ok_and(f64::is_finite) {
                    return Err(Refusal::new("refuse-attribute-number").with("code", &a.code));
                }
            }
            Datatype::Datetime => {
                if crate::parse_rfc3339(single()?).is_none() {
                    return Err(Refusal::new("refuse-attribute-datetime").with("code", &a.code));
                }
            }
            Datatype::Singlevaluelist | Datatype::Multivaluelist => {
                if a.datatype == Datatype::Singlevaluelist {
                    single()?;
                }
                for v in values {
                    if !a.values.iter().any(|x| &x.key == v) {
                        let keys: Vec<&str> = a.values.iter().map(|x| x.key.as_str()).collect();
                        return Err(Refusal::new("refuse-attribute-choice")
                            .with("value", v)
                            .with("code", &a.code)
                            .with("choices", keys.join(", ")));
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn reads_location_and_attributes() {
        let r = parse(&f(&[
            ("service_code", "muell"),
            ("lat", "48.137"),
            ("long", "11.575"),
            ("attribute[art][]", "sperrmuell"),
            ("attribute[art][]", "hausmuell"),
        ]))
        .expect("valid");
        assert_eq!(r.attributes["art"], ["sperrmuell", "hausmuell"]);
        assert!(parse(&f(&[("service_code", "x")])).is_err(), "no location");
        assert!(parse(&f(&[("service_code", "x"), ("lat", "52.52"), ("long", "13.40")]))
            .expect_err("Berlin")
            .text(Lang::default())
            .contains("außerhalb Münchens"));
        assert!(parse(&f(&[("service_code", "x"), ("address_string", "Marienplatz 1")])).is_ok());
        assert!(parse(&f(&[("service_code", "x"), ("lat", "48.1"), ("long", "11.5"), ("evil", "1")])).is_err());
    }

    use proptest::strategy::Strategy;

    /// Found in review: one report with a control character made
    /// `requests.xml` ill-formed for every consumer.
    #[test]
    fn control_characters_are_refused_and_crlf_becomes_lf() {
        for bad in ["Laterne\u{7}aus", "\u{0}", "a\u{1b}[31mrot", "zeile\rzeile", "\u{85}"] {
            let e = parse(&f(&[
                ("service_code", "graffiti"),
                ("lat", "48.1374"),
                ("long", "11.5755"),
                ("description", bad),
            ]))
            .expect_err(bad);
            assert!(e.text(Lang::default()).contains("Steuerzeichen"), "{bad}");
            assert!(e.text(Lang::of(Some("en"), None)).contains("control character"), "{bad}");
        }
        let e =
            parse(&f(&[("service_code", "graffiti"), ("address_string", "Marienplatz"), ("attribute[art]", "x\u{8}")]))
                .expect_err("attribute");
        let en = e.text(Lang::of(Some("en"), None));
        assert!(en.contains("attribute[art]"), "{en}");
        let ok = parse(&f(&[
            ("service_code", "graffiti"),
            ("lat", "48.1374"),
            ("long", "11.5755"),
            ("description", "Erste Zeile\r\nzweite\tSpalte"),
        ]))
        .expect("plain text");
        assert_eq!(ok.description.as_deref(), Some("Erste Zeile\nzweite\tSpalte"));
    }

    proptest::proptest! {
        /// Any form a client may send: a refusal or a report, never a panic.
        #[test]
        fn any_form_is_read_without_panic(
            fields in proptest::collection::vec(
                (proptest::sample::select(vec![
                    "service_code", "lat", "long", "description", "email", "address_string",
                    "attribute[art]", "attribute[", "attribute[]x", "zipcode", "unknown",
                ]).prop_map(String::from), "\\PC{0,40}"),
                0..8,
            )
        ) {
            let _ = parse(&fields);
        }

        /// A description comes back as sent (trimmed), whatever its script.
        #[test]
        fn a_description_round_trips(text in "\\PC{1,200}") {
            let form = f(&[("service_code", "graffiti"), ("lat", "48.1374"), ("long", "11.5755"), ("description", &text)]);
            let r = parse(&form).expect("a valid report");
            let trimmed = text.trim();
            proptest::prop_assert_eq!(r.description.as_deref(), (!trimmed.is_empty()).then_some(trimmed));
        }
    }
}
