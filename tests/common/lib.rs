//! Nothing: the shared test helpers are `tests/common/mod.rs`, included by each test file.
