# One command runs every test:   make test
# One command runs the demo:     make demo
#
# `make test` builds everything it needs (the Rust library, the C tests, the Python package)
# and runs, in order: formatting and lint checks, the header freshness check, the Rust tests,
# the C tests (under valgrind), and the Python tests.

CARGO   ?= cargo
PYTHON  ?= python3
CC      ?= cc
LIB_DIR := target/debug
CFLAGS  := -std=c11 -Wall -Wextra -Werror -g -Iinclude

.PHONY: test demo lint header-check test-rust test-c test-python tools bench bench-quick

# Every suite, even after one fails, then the counts each measured (scripts/test-all).
test:
	@scripts/test-all

# Installs what the tests need and the machine lacks (valgrind for the C tests).
tools:
	@scripts/ensure-tools

lint:
	@scripts/lint

# The committed header must be what build.rs generates from src/ffi.
header-check:
	@scripts/header-check

test-rust:
	@scripts/run-rust-tests

$(LIB_DIR)/liblode.so: FORCE
	$(CARGO) build --lib

FORCE:

test-c: $(LIB_DIR)/liblode.so
	@scripts/run-c-tests

test-python: $(LIB_DIR)/liblode.so
	@scripts/run-python-tests

demo:
	$(CARGO) run --release --example bank_account

bench:
	$(CARGO) run --release -p lode-bench

bench-quick:
	$(CARGO) run --release -p lode-bench -- --quick
