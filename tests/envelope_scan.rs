//! The one-pass envelope reader (`crates/lode/src/scan.rs`) against the serde reading it speeds
//! up: on every document, generated or mutated, checking a message for an append gives the same
//! outcome either way: the same metadata, the same place for the stream version (B-APP-4), the
//! same error for a bad message (B-APP-8), the same depth rule (R-BAD-6).
//!
//! Run: `cargo test --test envelope_scan` (`PROPTEST_CASES` raises the number of documents).

use lode::{create_message, readings_for_tests, NewMessage};
use proptest::prelude::*;

/// Both readings of one document agree; returns whether the fast reader was sure of it.
fn agree(doc: &[u8]) -> bool {
    let (sure, fast, serde) = readings_for_tests(doc);
    assert_eq!(
        fast,
        serde,
        "the readings differ on {:?}",
        String::from_utf8_lossy(doc)
    );
    sure
}

/// Whitespace serde_json accepts between tokens (and a form feed, which it does not).
fn ws() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        120 => Just(""),
        40 => Just(" "),
        20 => Just("\n\t "),
        20 => Just("\r\n"),
        1 => Just("\u{c}"),
    ]
}

/// Valid string contents: plain text, escapes of every kind, multi-byte characters.
fn good_string_body() -> impl Strategy<Value = String> {
    prop_oneof![
        240 => "[a-zA-Z0-9 _.-]{1,12}",
        2 => Just(String::new()),
        1 => Just("é😀中".into()),
        1 => Just("a\\\"b".into()),
        1 => Just("\\\\".into()),
        1 => Just("\\/\\b\\f\\n\\r\\t".into()),
        1 => Just("\\u00e9".into()),
        1 => Just("\\uD83D\\uDE00".into()),
        // A lone surrogate: serde_json skips it in values it does not decode.
        1 => Just("\\ud800".into()),
        1 => Just("\u{7f}del".into()),
        1 => Just("x".repeat(300)),
    ]
}

/// String contents serde_json refuses.
fn bad_string_body() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\\u12".into()),
        Just("\\uZZZZ".into()),
        Just("\\x".into()),
        Just("\\".into()),
        Just("tab\there".into()),
        Just("nul\u{0}".into()),
        Just("unit\u{1f}sep".into()),
        Just("line\nfeed".into()),
    ]
}

/// A string: valid, and about one in three hundred not.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![300 => good_string_body(), 1 => bad_string_body()].prop_map(|s| format!("\"{s}\""))
}

/// Valid number texts, some out of the range of the fields the store reads.
fn good_number() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => (-5i64..100_000).prop_map(|n| n.to_string()),
        1 => Just(i64::MAX.to_string()),
        1 => Just(i64::MIN.to_string()),
        1 => Just("9223372036854775808".into()),
        1 => Just("4294967296".into()),
        1 => Just("123456789012345678901234567890".into()),
        1 => Just("-0".into()),
        1 => Just("1.5".into()),
        1 => Just("2e3".into()),
        1 => Just("1E+2".into()),
        1 => Just("0.5e-3".into()),
        1 => Just("1e400".into()),
    ]
}

/// Number texts serde_json refuses.
fn bad_number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("01".into()),
        Just("-01".into()),
        Just("1.".into()),
        Just(".5".into()),
        Just("-".into()),
        Just("1e".into()),
        Just("1e+".into()),
        Just("+1".into()),
        Just("0x10".into()),
        Just("1.e5".into()),
    ]
}

/// A number: valid, and about one in three hundred not.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![300 => good_number(), 1 => bad_number()]
}

/// Any scalar; a few are not valid JSON.
fn scalar() -> BoxedStrategy<String> {
    prop_oneof![
        90 => string(),
        90 => number(),
        30 => Just("null".into()),
        15 => Just("true".into()),
        15 => Just("false".into()),
        // Numbers written as strings, as Hexalith's serializer options read them.
        45 => number().prop_map(|n| format!("\"{n}\"")),
        9 => Just("\"\\u0035\"".into()),
        1 => Just("nul".into()),
        1 => Just("True".into()),
        1 => Just("undefined".into()),
    ]
    .boxed()
}

/// Any JSON-like value: scalars, arrays and objects nested a few levels, with keys that repeat.
fn value() -> BoxedStrategy<String> {
    scalar()
        .prop_recursive(4, 24, 5, |inner| {
            prop_oneof![
                (prop::collection::vec(inner.clone(), 0..5), ws())
                    .prop_map(|(items, w)| format!("[{w}{}{w}]", items.join(&format!("{w},{w}")))),
                (
                    prop::collection::vec((key_any(), inner), 0..5),
                    ws(),
                    prop::bool::weighted(0.01)
                )
                    .prop_map(|(fields, w, trailing_comma)| {
                        let body: Vec<String> = fields
                            .into_iter()
                            .map(|(k, v)| format!("{k}{w}:{w}{v}"))
                            .collect();
                        let comma = if trailing_comma && !body.is_empty() {
                            ","
                        } else {
                            ""
                        };
                        format!("{{{w}{}{comma}{w}}}", body.join(","))
                    }),
            ]
        })
        .boxed()
}

/// A value nested `n` levels deep (around the limit of 64), closed or not.
fn deep() -> BoxedStrategy<String> {
    (60usize..70, any::<bool>(), any::<bool>())
        .prop_map(|(n, objects, closed)| {
            let (open, close) = if objects {
                ("{\"a\":", "}")
            } else {
                ("[", "]")
            };
            let mut s = open.repeat(n);
            s.push('1');
            if closed {
                s.push_str(&close.repeat(n));
            }
            s
        })
        .boxed()
}

fn key_any() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,6}".prop_map(|k| format!("\"{k}\"")),
        1 => Just("\"Id\"".into()),
        1 => Just("\"Metadata\"".into()),
        1 => Just("\"\"".into()),
        1 => Just("\"k\\u0065y\"".into()),
    ]
}

/// A key of one level of the envelope: one of `names`, another key, or one of the names with an
/// escape in it (which serde_json decodes to the same name).
fn key(names: &'static [&'static str]) -> impl Strategy<Value = String> {
    let pick = prop::sample::select(names);
    prop_oneof![
        30 => pick.clone().prop_map(|k| format!("\"{k}\"")),
        3 => Just("\"Other\"".into()),
        1 => pick.clone().prop_map(|k| format!("\"{}\\u{:04x}\"", &k[..k.len() - 1], k.as_bytes()[k.len() - 1])),
        1 => pick.prop_map(|k| format!("\"{}\"", k.to_lowercase())),
    ]
}

/// An object of `fields`, with the given whitespace, maybe a trailing comma or a missing one.
fn object(fields: Vec<(String, String)>, w: &str, flaw: u8) -> String {
    let body: Vec<String> = fields
        .into_iter()
        .map(|(k, v)| format!("{k}{w}:{w}{v}"))
        .collect();
    match flaw {
        0 if !body.is_empty() => format!("{{{w}{},}}", body.join(",")),
        1 if body.len() > 1 => format!("{{{w}{}}}", body.join(" ")),
        2 => format!("{{{w}{}", body.join(",")),
        _ => format!("{{{w}{}{w}}}", body.join(&format!(",{w}"))),
    }
}

/// `flaw` is mostly "none": 1 of 100 objects has one.
fn flaw() -> impl Strategy<Value = u8> {
    prop_oneof![297 => Just(9u8), 1 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)]
}

/// A text field value: mostly a string, sometimes null or another type.
fn text_value() -> BoxedStrategy<String> {
    prop_oneof![200 => string(), 3 => Just("null".into()), 1 => scalar(), 1 => value()].boxed()
}

fn domain() -> BoxedStrategy<String> {
    let fields = prop::sample::subsequence(&["Id", "Name"][..], 0..=2).prop_shuffle();
    (fields, text_value(), text_value(), ws(), flaw())
        .prop_map(|(names, a, b, w, x)| {
            let f = names
                .into_iter()
                .zip([a, b])
                .map(|(n, v)| (format!("\"{n}\""), v));
            object(f.collect(), w, x)
        })
        .boxed()
}

fn message() -> BoxedStrategy<String> {
    let field = prop_oneof![
        30 => (Just("\"Version\"".to_string()), scalar()),
        30 => (Just("\"Other\"".to_string()), value()),
        1 => (Just("\"Id\"".to_string()), text_value()),
        1 => (Just("\"Name\"".to_string()), text_value()),
        1 => (Just("\"Domain\"".to_string()), prop_oneof![6 => domain(), 1 => scalar()]),
        1 => (key(&["Id", "Name", "Version", "Domain"]), value()),
    ];
    let required = (text_value(), text_value(), domain());
    (
        required,
        prop::collection::vec(field, 0..2),
        any::<u8>(),
        ws(),
        flaw(),
    )
        .prop_map(|((id, name, dom), mut extra, order, w, x)| {
            let mut fields = vec![
                ("\"Id\"".to_string(), id),
                ("\"Name\"".to_string(), name),
                ("\"Domain\"".to_string(), dom),
            ];
            fields.append(&mut extra);
            let n = fields.len();
            fields.rotate_left(order as usize % n);
            object(fields, w, x)
        })
        .boxed()
}

fn context() -> BoxedStrategy<String> {
    let names: &'static [&'static str] = &[
        "SequenceNumber",
        "CorrelationId",
        "CausationId",
        "UserId",
        "ActorType",
        "Source",
    ];
    // Each field at most once, in any order, sometimes one of them twice.
    let fields = prop::sample::subsequence(names, 0..=names.len()).prop_shuffle();
    let values = prop::collection::vec((prop::bool::weighted(0.8), text_value(), scalar()), 6);
    let twice = prop::option::weighted(0.03, (key(names), scalar()));
    (fields, values, twice, ws(), flaw())
        .prop_map(|(names, values, twice, w, x)| {
            let mut f: Vec<(String, String)> = names
                .into_iter()
                .zip(values)
                .map(|(name, (text, t, sc))| {
                    // The sequence number is mostly an integer, or one in a string.
                    let v = match (name, text) {
                        ("SequenceNumber", _) | (_, false) => sc,
                        _ => t,
                    };
                    (format!("\"{name}\""), v)
                })
                .collect();
            f.extend(twice);
            object(f, w, x)
        })
        .boxed()
}

fn metadata() -> BoxedStrategy<String> {
    let msg = prop_oneof![12 => message(), 1 => scalar()];
    let ctx = prop_oneof![
        8 => context().prop_map(Some),
        2 => Just(None),
        1 => Just(Some("null".to_string())),
        1 => scalar().prop_map(Some),
    ];
    (
        msg,
        ctx,
        prop::option::of(value()),
        any::<bool>(),
        ws(),
        flaw(),
    )
        .prop_map(|(m, c, other, context_first, w, x)| {
            let mut fields = vec![("\"Message\"".to_string(), m)];
            if let Some(c) = c {
                fields.insert(usize::from(!context_first), ("\"Context\"".into(), c));
            }
            if let Some(o) = other {
                fields.push(("\"Extra\"".into(), o));
            }
            object(fields, w, x)
        })
        .boxed()
}

/// A whole envelope: Event (any value, sometimes too deep), Metadata, maybe more.
fn envelope() -> BoxedStrategy<String> {
    let event =
        prop_oneof![6 => value(), 1 => deep(), 1 => Just("{\"$type\":\"X\",\"A\":1}".into())];
    let meta = prop_oneof![16 => metadata(), 1 => scalar(), 1 => Just("null".into())];
    (
        event,
        meta,
        prop::option::weighted(0.05, (key(&["Event", "Metadata"]), value())),
        any::<bool>(),
        ws(),
        ws(),
        flaw(),
        prop_oneof![80 => Just(""), 1 => Just(" x"), 1 => Just("}"), 10 => Just(" \n")],
    )
        .prop_map(|(e, m, more, event_first, lead, w, x, tail)| {
            let mut fields = vec![("\"Metadata\"".to_string(), m)];
            fields.insert(usize::from(!event_first), ("\"Event\"".into(), e));
            if let Some(f) = more {
                fields.push(f);
            }
            format!("{lead}{}{tail}", object(fields, w, x))
        })
        .boxed()
}

/// Byte edits: (where, as a fraction of the length, what).
fn mutations() -> impl Strategy<Value = Vec<(u16, u8)>> {
    prop::collection::vec((any::<u16>(), any::<u8>()), 1..4)
}

fn mutate(doc: &str, edits: &[(u16, u8)]) -> Vec<u8> {
    const SIGNIFICANT: &[u8] = b"{}[]\":,\\ 0123-.eEntfu\x01\xff";
    let mut b = doc.as_bytes().to_vec();
    for &(at, what) in edits {
        if b.is_empty() {
            break;
        }
        let i = at as usize * b.len() / (u16::MAX as usize + 1);
        let c = SIGNIFICANT[what as usize % SIGNIFICANT.len()];
        match what % 4 {
            0 => {
                b.remove(i);
            }
            1 => b.insert(i, c),
            2 => b[i] = c,
            _ => b.truncate(i),
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// B-APP-4, B-APP-8, R-BAD-6: the two readings agree on generated envelopes.
    #[test]
    fn b_app_8_the_fast_reader_agrees_with_serde_on_generated_envelopes(doc in envelope()) {
        agree(doc.as_bytes());
    }

    /// The same on envelopes with a few bytes deleted, inserted, replaced or cut off.
    #[test]
    fn b_app_8_the_fast_reader_agrees_with_serde_on_mutated_envelopes(
        doc in envelope(),
        edits in mutations(),
    ) {
        agree(&mutate(&doc, &edits));
    }
}

/// The comparison above means something only if the fast reader takes most ordinary
/// messages: it must be sure of every message `create_message` writes, in every context shape,
/// and of the same documents pretty-printed.
#[test]
fn b_app_4_the_fast_reader_reads_ordinary_messages_itself() {
    let mut docs = Vec::new();
    for i in 0..20u32 {
        let (id, corr) = (format!("acc-{i}"), format!("corr-{i}"));
        let mut m = NewMessage::new(
            "BankAccountCreated",
            "BankAccount",
            &id,
            serde_json::json!({"$type": "BankAccountCreated", "Owner": "Joe Dalton", "N": i,
                "Nested": {"List": [1, 2.5, "é", null, {"x": [true, false]}]}}),
        );
        m.version = i;
        if i % 2 == 0 {
            m.correlation_id = Some(&corr);
        }
        let doc = create_message(&m);
        let value: serde_json::Value = serde_json::from_slice(&doc).unwrap();
        docs.push(doc);
        docs.push(serde_json::to_vec_pretty(&value).unwrap());
        // Every context shape the store edits (B-APP-4).
        let mut v = value.clone();
        v["Metadata"]["Context"] = serde_json::Value::Null;
        docs.push(serde_json::to_vec(&v).unwrap());
        v["Metadata"]
            .as_object_mut()
            .unwrap()
            .remove("Context")
            .unwrap();
        docs.push(serde_json::to_vec(&v).unwrap());
        let mut v = value.clone();
        v["Metadata"]["Context"] = serde_json::json!({});
        docs.push(serde_json::to_vec(&v).unwrap());
        let mut v = value;
        v["Metadata"]["Context"]["SequenceNumber"] = serde_json::json!(i + 1);
        docs.push(serde_json::to_vec(&v).unwrap());
    }
    for doc in &docs {
        assert!(
            agree(doc),
            "the fast reader left an ordinary message to serde: {}",
            String::from_utf8_lossy(doc)
        );
    }
}

/// Documents the fast reader must leave to serde, each for its own reason, and still agree on.
#[test]
fn b_app_8_the_fast_reader_leaves_what_it_cannot_be_sure_of_to_serde() {
    let m = |ctx: &str| {
        format!(
            r#"{{"Event":{{}},"Metadata":{{"Message":{{"Id":"a","Name":"X","Domain":{{"Id":"1","Name":"A"}}}},"Context":{ctx}}}}}"#
        )
    };
    let plain = m(r#"{"CorrelationId":"c"}"#);
    assert!(
        agree(plain.as_bytes()),
        "the plain message is the fast reader's"
    );
    for doc in [
        // An escape in a field the store returns: serde decodes it.
        m(r#"{"CorrelationId":"c\u0041"}"#),
        // An escape in a key.
        m(r#"{"Correlation\u0049d":"c"}"#),
        // A duplicate field: serde refuses it.
        m(r#"{"CorrelationId":"c","CorrelationId":"d"}"#),
        // A field of the wrong type.
        m(r#"{"CorrelationId":5}"#),
        // A sequence number that is not an integer.
        m(r#"{"SequenceNumber":1.5}"#),
        // An empty key field.
        m(r#"{"CorrelationId":""}"#),
        // Trailing characters.
        format!("{plain}x"),
        // Nesting deeper than 64.
        plain.replacen(
            r#""Event":{}"#,
            &format!(r#""Event":{}1{}"#, "[".repeat(64), "]".repeat(64)),
            1,
        ),
    ] {
        assert!(
            !agree(doc.as_bytes()),
            "the fast reader should have left this to serde: {doc}"
        );
    }
}

/// The generated envelopes exercise both sides: many the fast reader reads itself, many it
/// leaves to serde (a seeded sample, so the shares are the same on every run).
#[test]
fn the_generated_envelopes_exercise_both_readers() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = envelope();
    let (mut fast, mut serde_ok, n) = (0, 0, 2000);
    for _ in 0..n {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        let (sure, _, outcome) = readings_for_tests(doc.as_bytes());
        fast += usize::from(sure);
        serde_ok += usize::from(outcome.starts_with("Ok"));
    }
    eprintln!("of {n} envelopes: {fast} read by the fast reader, {serde_ok} accepted");
    assert!(fast * 5 >= n, "only {fast} of {n} read by the fast reader");
    assert!(
        (n - fast) * 5 >= n,
        "only {} of {n} left to serde",
        n - fast
    );
}

/// Every kind of flaw, alone in an otherwise ordinary message, at every kind of place: both
/// readings refuse it the same way (the generated documents above rarely hold exactly one).
#[test]
fn b_app_8_one_flaw_in_an_ordinary_message_is_refused_alike() {
    const TEMPLATE: &str = r#"{"Event":{"$type":"X","A":@,"L":[1,@]},"Metadata":{"Message":{"Id":"a","Name":"X","Version":@,"Domain":{"Id":"1","Name":"A"}},"Context":{"CorrelationId":"c","SequenceNumber":@,"Other":@}}}"#;
    let places = TEMPLATE.matches('@').count();
    let strings = [
        "\\u12",
        "\\uZZZZ",
        "\\x",
        "\\",
        "tab\there",
        "nul\u{0}",
        "unit\u{1f}sep",
        "line\nfeed",
    ];
    let mut flaws: Vec<String> = strings.iter().map(|s| format!("\"{s}\"")).collect();
    flaws.extend(
        [
            "01",
            "-01",
            "00",
            "1.",
            ".5",
            "-",
            "1e",
            "1e+",
            "+1",
            "0x10",
            "1.e5",
            "nul",
            "True",
            "undefined",
            "",
            "[1,]",
            "{\"a\":1,}",
            "[1",
            "{\"a\"}",
            "{1:2}",
        ]
        .map(String::from),
    );
    for flaw in &flaws {
        for place in 0..places {
            let mut n = 0;
            let doc: String = TEMPLATE
                .split('@')
                .enumerate()
                .map(|(i, part)| {
                    let filler = if i == 0 {
                        ""
                    } else {
                        n += 1;
                        if n - 1 == place {
                            flaw.as_str()
                        } else {
                            "7"
                        }
                    };
                    format!("{filler}{part}")
                })
                .collect();
            let (sure, fast, serde) = readings_for_tests(doc.as_bytes());
            assert_eq!(fast, serde, "the readings differ on {doc}");
            assert!(
                !sure && serde.starts_with("Err"),
                "{doc} was accepted: {serde}"
            );
        }
    }
    // The template itself, filled with good values, is the fast reader's.
    assert!(agree(TEMPLATE.replace('@', "7").as_bytes()));
}
