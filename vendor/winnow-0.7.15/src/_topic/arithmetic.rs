//! # Arithmetic
//!
//! This parses arithmetic expressions and directly evaluates them.
//!
//! See also [C-style Expressions][crate::_topic::language#c-style-expressions],
//! for a more complex example.
//!
//! ```rust
#![doc = include_str!("../../examples/arithmetic/parser.rs")]
//! ```
