# One command runs every test:   make test
# One command runs the demo:     make demo
#
# `make test` (scripts/test-all) installs what the machine lacks, builds everything it needs
# (the workspace, the C tests, the Python package, the .NET binding) and runs every suite, even
# after one fails: lint, header, build, Rust, C (under valgrind), Python, .NET. It ends with
# the counts each suite measured.

CARGO   ?= cargo

.PHONY: test demo lint header header-check check-build test-rust test-c test-python \
        test-dotnet tools bench bench-quick bench-dotnet

test:
	@scripts/test-all

# Installs what the tests need and the machine lacks (valgrind, a C compiler, ...).
tools:
	@scripts/ensure-tools

lint:
	@scripts/lint

# Writes include/lode.h from the C ABI (crates/lode-ffi); commit the result.
header:
	$(CARGO) run -q -p lode-header

# The committed header must be what `make header` writes, every macro LODE_-prefixed.
header-check:
	@scripts/header-check

# The workspace builds offline from vendor/, and a build leaves the source tree as it was.
check-build:
	@scripts/check-build

test-rust:
	@scripts/run-rust-tests

test-c:
	$(CARGO) build -p liblode
	@scripts/run-c-tests

test-python:
	$(CARGO) build -p liblode
	@PYTHON=$$(scripts/python-for-tests) scripts/run-python-tests

test-dotnet:
	@scripts/run-dotnet-tests

# The bank-account walk-through of the quickstart: in Rust, then in C# (the reference program
# with only the provider's construction changed).
demo:
	$(CARGO) run --release -p lode --example bank_account
	$(CARGO) build --release -p liblode
	LODE_LIBRARY=$(CURDIR)/target/release/liblode.so dotnet run -c Release --project bindings/dotnet/examples/BankAccount

bench:
	$(CARGO) run --release -p lode-bench

bench-quick:
	$(CARGO) run --release -p lode-bench -- --quick

# The .NET binding's benchmark (with Marten on a private PostgreSQL): bindings/dotnet/README.md.
bench-dotnet:
	@scripts/run-dotnet-bench
