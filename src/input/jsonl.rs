//! JSON Lines: one JSON object per line; only the configured fields are
//! decoded (the others are skipped without allocating).

use std::borrow::Cow;
use std::fmt;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Arc;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;

use super::compress::{read_line_limited, Line, LineEnds};
use super::{io_detail, io_kind, make_doc, FieldSpec, Item};
use crate::error::{ErrorKind, RecordError};

/// Streams the records of one JSONL file.
pub struct JsonlReader {
    inner: Box<dyn BufRead + Send>,
    path: PathBuf,
    source: Arc<str>,
    spec: Arc<FieldSpec>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    /// Reads from an already decompressed stream.
    pub fn new(inner: Box<dyn BufRead + Send>, path: PathBuf, source: Arc<str>, spec: Arc<FieldSpec>) -> Self {
        JsonlReader { inner, path, source, spec, line: 0, buf: Vec::new(), done: false }
    }

    /// Numbers the records as lines `before + 1…` of a file: the reader of
    /// a part that starts after `before` lines.
    pub fn after(mut self, before: u64) -> Self {
        self.line = before;
        self
    }

    fn bad(&self, kind: ErrorKind, detail: String) -> Item {
        Item::Bad(RecordError { path: self.path.clone(), record: Some(self.line), kind, detail })
    }
}

impl Iterator for JsonlReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let got =
                read_line_limited(&mut self.inner, &mut self.buf, self.spec.max_document_bytes, LineEnds::Universal);
            match got {
                Err(e) => {
                    self.done = true;
                    return Some(Item::Bad(RecordError {
                        path: self.path.clone(),
                        record: Some(self.line + 1),
                        kind: io_kind(&e),
                        detail: io_detail(&e),
                    }));
                }
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(n)) => {
                    self.line += 1;
                    let max = self.spec.max_document_bytes;
                    return Some(self.bad(
                        ErrorKind::TooLarge,
                        format!("line of {n} bytes exceeds input.max_document_bytes = {max}"),
                    ));
                }
                Ok(Line::Read) => {
                    self.line += 1;
                    if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                        self.buf.drain(..3);
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse_line());
                }
            }
        }
        None
    }
}

impl JsonlReader {
    fn parse_line(&mut self) -> Item {
        if simdutf8::basic::from_utf8(&self.buf).is_err() {
            let at = std::str::from_utf8(&self.buf).err().map_or(0, |e| e.valid_up_to());
            return self.bad(ErrorKind::InvalidUtf8, format!("invalid UTF-8 at byte {at} of the line"));
        }
        let mut de = serde_json::Deserializer::from_slice(&self.buf);
        let fields = match (Extract { spec: &self.spec }).deserialize(&mut de).and_then(|f| de.end().map(|()| f)) {
            Ok(f) => f,
            Err(e) => return self.bad(ErrorKind::MalformedJson, describe_json_error(&e)),
        };
        let text = match fields.text {
            Some(Value::Str(t)) => t,
            Some(other) => {
                return self.bad(
                    ErrorKind::MissingText,
                    format!("field {:?} is {}, not a string", self.spec.text, other.type_name()),
                )
            }
            None => {
                let keys = fields.keys.join(", ");
                return self
                    .bad(ErrorKind::MissingText, format!("no field {:?} (fields present: {keys})", self.spec.text));
            }
        };
        let id = fields.id.and_then(Value::into_string);
        let lang = fields.lang.and_then(Value::into_string);
        let meta = fields.meta.into_iter().map(|v| v.and_then(Value::into_string)).collect();
        Item::Doc(make_doc(&self.source, self.line, id, text, lang, meta))
    }
}

/// serde_json's own messages can quote the offending value (which may be
/// personal data); say only what kind of error and where.
fn describe_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        // serde_json stops at 128 levels, before the stack could overflow.
        Category::Syntax if e.to_string().starts_with("recursion limit exceeded") => {
            "JSON nested more than 128 levels deep"
        }
        Category::Syntax => "invalid JSON syntax",
        Category::Eof => "the line ends inside a JSON value",
        Category::Data => "not a JSON object",
        Category::Io => "read error",
    };
    format!("{what} at column {}", e.column())
}

/// A decoded field value, reduced to what we keep.
#[derive(Clone)]
enum Value {
    Str(String),
    Other(&'static str, Option<String>),
}

impl Value {
    fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Other(t, _) => t,
        }
    }

    /// Strings as they are; numbers and booleans as JSON text; null as None;
    /// arrays and objects as compact JSON.
    fn into_string(self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s),
            Value::Other(_, s) => s,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        Ok(match v {
            serde_json::Value::String(s) => Value::Str(s),
            serde_json::Value::Null => Value::Other("null", None),
            serde_json::Value::Bool(_) => Value::Other("a boolean", Some(v.to_string())),
            serde_json::Value::Number(_) => Value::Other("a number", Some(v.to_string())),
            serde_json::Value::Array(_) => Value::Other("an array", Some(v.to_string())),
            serde_json::Value::Object(_) => Value::Other("an object", Some(v.to_string())),
        })
    }
}

struct Fields {
    text: Option<Value>,
    id: Option<Value>,
    lang: Option<Value>,
    meta: Vec<Option<Value>>,
    keys: Vec<String>,
}

struct Extract<'a> {
    spec: &'a FieldSpec,
}

impl<'de> DeserializeSeed<'de> for Extract<'_> {
    type Value = Fields;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Fields, D::Error> {
        d.deserialize_map(self)
    }
}

struct Key<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Visitor<'de> for Extract<'_> {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let spec = self.spec;
        let mut out = Fields { text: None, id: None, lang: None, meta: Vec::new(), keys: Vec::new() };
        out.meta.resize_with(spec.metadata.len(), || None);
        while let Some(Key(key)) = map.next_key::<Key>()? {
            let key: &str = &key;
            let is_text = key == spec.text;
            let is_id = !spec.id.is_empty() && key == spec.id;
            let is_lang = !spec.lang.is_empty() && key == spec.lang;
            let meta_slot = spec.metadata.iter().position(|m| m == key);
            if is_text || is_id || is_lang || meta_slot.is_some() {
                let v: Value = map.next_value()?;
                if let Some(i) = meta_slot {
                    out.meta[i] = Some(v.clone());
                }
                if is_text {
                    out.text = Some(v);
                } else if is_id {
                    out.id = Some(v);
                } else if is_lang {
                    out.lang = Some(v);
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            if out.keys.len() < 32 {
                out.keys.push(key.to_string());
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TextSplit;

    fn spec(meta: &[&str]) -> Arc<FieldSpec> {
        Arc::new(FieldSpec {
            text: "text".into(),
            id: "id".into(),
            lang: "lang".into(),
            metadata: meta.iter().map(|s| s.to_string()).collect(),
            max_document_bytes: 90,
            text_split: TextSplit::File,
        })
    }

    fn read(data: &'static [u8], meta: &[&str]) -> Vec<Item> {
        JsonlReader::new(Box::new(data), "f.jsonl".into(), Arc::from("f.jsonl"), spec(meta)).collect()
    }

    #[test]
    fn extracts_fields_and_numbers_lines() {
        let items = read(
            b"{\"id\":7,\"text\":\"Gr\\u00fc\\u00dfe\",\"lang\":\"de\",\"url\":\"u\",\"n\":{\"x\":[1]}}\n\n{\"text\":\"b\",\"n\":1.5}\r\n",
            &["url", "n"],
        );
        assert_eq!(items.len(), 2);
        let Item::Doc(a) = &items[0] else { panic!() };
        assert_eq!((a.id.as_str(), a.text.as_str(), a.lang.as_str(), a.record), ("7", "Grüße", "de", 1));
        assert_eq!(a.meta, vec![Some("u".into()), Some("{\"x\":[1]}".into())]);
        let Item::Doc(b) = &items[1] else { panic!() };
        assert_eq!((b.id.as_str(), b.record), ("f.jsonl:3", 3));
        assert_eq!(b.meta, vec![None, Some("1.5".into())]);
    }

    #[test]
    fn bad_lines_are_located_and_never_quoted() {
        let items = read(
            b"{\"text\": \"secret@example.com\"\n\"secret@example.com\"\n{\"body\":\"x\"}\n{\"text\":null}\n{\"text\":\"\xff\"}\n{\"text\":\"long long long long long long long long long long long long long long long long long long\"}\n{\"text\":\"ok\"}",
            &[],
        );
        let kinds: Vec<_> = items
            .iter()
            .map(|i| match i {
                Item::Bad(e) => {
                    assert!(!e.detail.contains("secret"), "{e}");
                    (e.kind.name(), e.record.unwrap())
                }
                Item::Doc(d) => ("doc", d.record),
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("malformed_json", 1),
                ("malformed_json", 2),
                ("missing_text", 3),
                ("missing_text", 4),
                ("invalid_utf8", 5),
                ("too_large", 6),
                ("doc", 7)
            ]
        );
        let Item::Bad(e) = &items[2] else { panic!() };
        assert_eq!(e.detail, "no field \"text\" (fields present: body)");
    }
}
