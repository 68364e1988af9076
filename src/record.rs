//! Input records, as `../shared/CLI.md` defines them.

use serde_json::Value;

use crate::error::Error;
use crate::rules::Direction;

/// One record to score.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Link {
        url: String,
        text: Option<String>,
    },
    Message {
        text: String,
        direction: Direction,
        from: Option<String>,
    },
    Thread {
        messages: Vec<ThreadMessage>,
        self_id: Option<String>,
    },
    Email(Email),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThreadMessage {
    pub from: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Email {
    pub from: String,
    pub subject: String,
    pub text: String,
    /// `(href, visible text)`
    pub links: Vec<(String, String)>,
    pub attachments: Vec<String>,
}

const KINDS: &[&str] = &["url", "thread", "email"];

impl Record {
    /// Read a record from a JSON object; returns the echoed `id` too (`null` when absent).
    pub fn from_value(v: &Value) -> Result<(Value, Record), (Value, Error)> {
        let id = v.get("id").cloned().unwrap_or(Value::Null);
        let Some(obj) = v.as_object() else {
            return Err((id, Error::record("a record must be a JSON object")));
        };
        let kinds: Vec<&str> = KINDS
            .iter()
            .copied()
            .filter(|k| obj.contains_key(*k))
            .collect();
        let kind = match kinds.as_slice() {
            [] if obj.contains_key("text") => "text",
            [] => {
                return Err((
                    id,
                    Error::record(
                        "not a known record: expected one of the keys url, text, thread, email",
                    ),
                ))
            }
            [one] => *one,
            _ => {
                return Err((
                    id,
                    Error::record(format!(
                        "a record has exactly one kind, this one has {}",
                        kinds.join(" and ")
                    )),
                ))
            }
        };
        let rec = match kind {
            "url" => Record::Link {
                url: string(v, "url").map_err(|e| (id.clone(), e))?,
                text: opt_string(v, "text").map_err(|e| (id.clone(), e))?,
            },
            "text" => {
                let direction = match v.get("direction").and_then(Value::as_str) {
                    None | Some("incoming") => Direction::Incoming,
                    Some("outgoing") => Direction::Outgoing,
                    Some(other) => {
                        return Err((
                            id,
                            Error::record(format!(
                                "direction must be \"incoming\" or \"outgoing\", not {other:?}"
                            )),
                        ))
                    }
                };
                Record::Message {
                    text: string(v, "text").map_err(|e| (id.clone(), e))?,
                    direction,
                    from: opt_string(v, "from").map_err(|e| (id.clone(), e))?,
                }
            }
            "thread" => thread(v).map_err(|e| (id.clone(), e))?,
            _ => Record::Email(email(&v["email"]).map_err(|e| (id.clone(), e))?),
        };
        Ok((id, rec))
    }
}

fn string(v: &Value, key: &str) -> Result<String, Error> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| Error::record(format!("`{key}` must be a string")))
}

fn opt_string(v: &Value, key: &str) -> Result<Option<String>, Error> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(Error::record(format!("`{key}` must be a string"))),
    }
}

fn thread(v: &Value) -> Result<Record, Error> {
    let arr = v["thread"]
        .as_array()
        .ok_or_else(|| Error::record("`thread` must be an array of {from, text}"))?;
    let mut messages = Vec::with_capacity(arr.len());
    for (i, m) in arr.iter().enumerate() {
        let text = m.get("text").and_then(Value::as_str);
        let from = m.get("from").and_then(Value::as_str).unwrap_or("");
        let Some(text) = text else {
            return Err(Error::record(format!("thread[{i}].text must be a string")));
        };
        messages.push(ThreadMessage {
            from: from.to_string(),
            text: text.to_string(),
        });
    }
    Ok(Record::Thread {
        messages,
        self_id: opt_string(v, "self")?,
    })
}

fn email(v: &Value) -> Result<Email, Error> {
    if !v.is_object() {
        return Err(Error::record("`email` must be an object"));
    }
    let field = |k: &str| -> Result<String, Error> {
        Ok(opt_string(v, k)
            .map_err(|_| Error::record(format!("email.{k} must be a string")))?
            .unwrap_or_default())
    };
    let mut e = Email {
        from: field("from")?,
        subject: field("subject")?,
        text: field("text")?,
        ..Email::default()
    };
    if let Some(links) = v.get("links").filter(|l| !l.is_null()) {
        let arr = links
            .as_array()
            .ok_or_else(|| Error::record("email.links must be an array"))?;
        for (i, l) in arr.iter().enumerate() {
            let (href, text) = match l {
                Value::String(s) => (s.clone(), String::new()),
                Value::Object(_) => (
                    l.get("href")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    l.get("text")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                ),
                _ => {
                    return Err(Error::record(format!(
                        "email.links[{i}] must be {{href, text}}"
                    )))
                }
            };
            e.links.push((href, text));
        }
    }
    if let Some(att) = v.get("attachments").filter(|a| !a.is_null()) {
        let arr = att
            .as_array()
            .ok_or_else(|| Error::record("email.attachments must be an array of file names"))?;
        for (i, a) in arr.iter().enumerate() {
            let name = a
                .as_str()
                .ok_or_else(|| Error::record(format!("email.attachments[{i}] must be a string")))?;
            e.attachments.push(name.to_string());
        }
    }
    Ok(e)
}
