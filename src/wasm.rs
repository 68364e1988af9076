//! The WebAssembly bindings: conversions between JavaScript values and the core, nothing else.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::{Outcome, Policy};

/// The engine, built once with a policy.
#[wasm_bindgen]
pub struct Engine {
    inner: crate::Engine,
    /// What `Engine.lenient` dropped, as `[{key, message}]`.
    policy_errors: Vec<Value>,
}

/// A policy given as JSON text, an object, or nothing (the defaults).
fn policy_value(policy: &JsValue) -> Result<Value, JsError> {
    if policy.is_undefined() || policy.is_null() {
        return Ok(Value::Object(Default::default()));
    }
    if let Some(text) = policy.as_string() {
        if text.trim().is_empty() {
            return Ok(Value::Object(Default::default()));
        }
        return parse_json(&text)
            .map_err(|e| JsError::new(&format!("policy key `(document)`: not valid JSON: {e}")));
    }
    serde_wasm_bindgen::from_value(policy.clone())
        .map_err(|e| JsError::new(&format!("policy key `(document)`: {e}")))
}

/// JSON text through the browser's `JSON.parse`, so serde_json's text parser stays out of the
/// WASM build (the core's [`crate::rules::ParseJson`]).
fn parse_json(text: &str) -> Result<Value, String> {
    let parsed = js_sys::JSON::parse(text).map_err(|e| {
        js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default()
    })?;
    serde_wasm_bindgen::from_value(parsed).map_err(|e| e.to_string())
}

fn error_value(e: &crate::Error) -> Value {
    serde_json::json!({"key": e.key(), "message": e.message()})
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
impl Engine {
    /// Build an engine; throws an Error naming the bad policy key.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue) -> Result<Engine, JsError> {
        console_error_panic_hook::set_once();
        let policy = Policy::from_value(&policy_value(&policy)?)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let inner = crate::Engine::with_json_parser(policy, parse_json)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Engine {
            inner,
            policy_errors: Vec::new(),
        })
    }

    /// Build an engine from the usable part of a policy (a managed policy with one mistake
    /// must still protect): each bad key or extra rule is dropped and listed by
    /// `policyErrors()`. Throws only when the policy is not JSON at all.
    pub fn lenient(policy: JsValue) -> Result<Engine, JsError> {
        console_error_panic_hook::set_once();
        let (inner, errors) =
            crate::Engine::lenient_with_json_parser(&policy_value(&policy)?, parse_json)
                .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Engine {
            inner,
            policy_errors: errors.iter().map(error_value).collect(),
        })
    }

    /// What `Engine.lenient` dropped: `[{key, message}]` (empty for `new Engine`).
    #[wasm_bindgen(js_name = policyErrors)]
    pub fn policy_errors(&self) -> Result<JsValue, JsError> {
        to_js(&self.policy_errors)
    }

    /// Score an array of records (the CLI input shape); returns one verdict (or
    /// `{id, error}`) per record, in order. A malformed record never fails the batch.
    #[wasm_bindgen(js_name = scoreBatch)]
    pub fn score_batch(&self, records: js_sys::Array) -> Result<JsValue, JsError> {
        let out: Vec<Outcome> = records
            .iter()
            .map(|r| match serde_wasm_bindgen::from_value::<Value>(r) {
                Ok(v) => self.inner.score_record(&v),
                Err(e) => Outcome::Error {
                    id: Value::Null,
                    error: format!("not a JSON record: {e}"),
                },
            })
            .collect();
        to_js(&out)
    }

    /// Validate a policy leniently: `{policy, errors: [{key, message}]}`, where `policy` keeps
    /// every valid key and each invalid or unknown key is dropped and reported.
    #[wasm_bindgen(js_name = validatePolicy)]
    pub fn validate_policy(policy: JsValue) -> Result<JsValue, JsError> {
        let value = policy_value(&policy)?;
        let (policy, errors) = Policy::lenient(&value);
        let errors: Vec<Value> = errors.iter().map(error_value).collect();
        to_js(&serde_json::json!({"policy": policy.to_value(), "errors": errors}))
    }

    /// The crate version.
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }
}
