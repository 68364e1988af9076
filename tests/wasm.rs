//! The binding layer, run in Node by wasm-bindgen-test (`./build.sh test`, tier 2).
//!
//! The core is tested natively (`cargo test`); these tests check only what `src/wasm.rs` adds:
//! JS values in and out, errors as JS errors, and a batch that survives malformed records.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use lurelens::wasm::Engine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn batch(records: &[&str]) -> Array {
    records.iter().map(|r| JSON::parse(r).unwrap()).collect()
}

#[wasm_bindgen_test]
fn scores_a_batch_in_the_cli_shape() {
    let engine = Engine::new(JsValue::UNDEFINED).unwrap();
    let out = engine
        .score_batch(batch(&[
            r#"{"id": 1, "url": "https://paypa1.com/signin"}"#,
            r#"{"id": 2, "text": "能不能把你们所的内部图纸发我一份？钱好说，看完就删"}"#,
            r#"{"id": 3, "text": "明天下午三点开会"}"#,
        ]))
        .unwrap();
    let out = Array::from(&out);
    assert_eq!(out.length(), 3);
    let link = out.get(0);
    assert_eq!(get(&link, "id").as_f64(), Some(1.0));
    assert_eq!(get(&link, "kind").as_string().as_deref(), Some("link"));
    assert_eq!(get(&link, "level").as_string().as_deref(), Some("high"));
    let msg = out.get(1);
    assert_eq!(get(&msg, "level").as_string().as_deref(), Some("high"));
    let hints = Array::from(&get(&msg, "hints"));
    assert!(hints.length() > 0);
    let ev = Array::from(&get(&hints.get(0), "evidence")).get(0);
    assert!(get(&ev, "end").as_f64().unwrap() > get(&ev, "start").as_f64().unwrap());
    assert_eq!(
        get(&out.get(2), "level").as_string().as_deref(),
        Some("none")
    );
}

#[wasm_bindgen_test]
fn malformed_records_become_error_entries() {
    let engine = Engine::new(JsValue::from_str("")).unwrap();
    let records = Array::new();
    records.push(&JsValue::from_f64(7.0));
    records.push(&JSON::parse(r#"{"id": "x", "nothing": true}"#).unwrap());
    records.push(&JSON::parse(r#"{"id": "y", "url": "http://["}"#).unwrap());
    let out = Array::from(&engine.score_batch(records).unwrap());
    assert_eq!(out.length(), 3);
    assert!(get(&out.get(0), "error").is_string());
    assert!(get(&out.get(1), "error").is_string());
    // A broken URL is scored as such, not an error.
    assert_eq!(
        get(&out.get(2), "kind").as_string().as_deref(),
        Some("link")
    );
}

#[wasm_bindgen_test]
fn a_bad_policy_throws_an_error_naming_the_key() {
    let err = Engine::new(JsValue::from_str(r#"{"sensitivity": "loud"}"#))
        .err()
        .unwrap();
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("sensitivity"), "{message}");
    let ok = Engine::new(JSON::parse(r#"{"keywords": ["天枢工程"]}"#).unwrap());
    assert!(ok.is_ok());
}

#[wasm_bindgen_test]
fn validate_policy_keeps_good_keys_and_reports_bad_ones() {
    let v = Engine::validate_policy(JsValue::from_str(
        r#"{"allow": ["Partner.example.com"], "colour": 1}"#,
    ))
    .unwrap();
    let errors = Array::from(&get(&v, "errors"));
    assert_eq!(errors.length(), 1);
    assert_eq!(
        get(&errors.get(0), "key").as_string().as_deref(),
        Some("colour")
    );
    let allow = Array::from(&get(&get(&v, "policy"), "allow"));
    assert_eq!(
        allow.get(0).as_string().as_deref(),
        Some("partner.example.com")
    );
}

/// Guards the extension's managed-policy path: a bad key is listed, the rest applies.
#[wasm_bindgen_test]
fn lenient_engine_lists_what_it_dropped() {
    let engine = Engine::lenient(JsValue::from_str(
        r#"{"keywords": ["天枢工程"], "report": "javascript:alert(1)"}"#,
    ))
    .unwrap();
    let errors = Array::from(&engine.policy_errors().unwrap());
    assert_eq!(errors.length(), 1);
    assert_eq!(
        get(&errors.get(0), "key").as_string().as_deref(),
        Some("report")
    );
    assert_eq!(
        Array::from(&Engine::new(JsValue::NULL).unwrap().policy_errors().unwrap()).length(),
        0
    );
    assert!(Engine::lenient(JsValue::from_str("{not json")).is_err());
}
