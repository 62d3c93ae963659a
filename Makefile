# The two commands (README): `make run` and `make test`. Both set
# everything up first and are quick the second time.
SHELL := /bin/bash
DB ?= coopatlas.db
PORT ?= 8080
HOST ?= 127.0.0.1
RELEASE := build/release/coopatlas

.PHONY: run test setup build db asan bench format format-check tidy clean

run: setup build db
	$(RELEASE) serve --db $(DB) --host $(HOST) --port $(PORT)

DEMO_INPUTS := third_party/twin-towns/wikipedia-twin-towns.csv \
  data/demo/projets.csv data/demo/financements.csv package-lock.json

test: setup format-check
	@test -f build/ci/build.ninja || cmake --preset ci >/dev/null
	cmake --build --preset ci
	ctest --preset ci
	@$(MAKE) --no-print-directory tidy

setup:
	@scripts/setup.sh

# The command only (tests build with `make test`, benchmarks with `make bench`).
build: setup
	@test -f build/release/build.ninja || cmake --preset release >/dev/null
	cmake --build --preset release --target coopatlas

# The database with the reference data, the Wikipedia twin towns and the
# demonstration projects (flagged as such). Rebuilt only when an input or
# the program changed; every step is idempotent anyway.
db: build
	@$(MAKE) --no-print-directory $(DB)

$(DB): $(RELEASE) $(DEMO_INPUTS)
	$(RELEASE) init --db $(DB)
	$(RELEASE) import twinnings --db $(DB) third_party/twin-towns/wikipedia-twin-towns.csv
	$(RELEASE) import projects --db $(DB) --demo data/demo/projets.csv \
	  --funding data/demo/financements.csv
	@touch $(DB)

# Debug build with AddressSanitizer and UBSan, all tests.
asan: setup
	@test -f build/asan/build.ninja || cmake --preset asan >/dev/null
	cmake --build --preset asan
	ctest --preset asan

# Benchmarks (docs/benchmarks.md); their baselines' packages first.
bench: build
	@scripts/setup.sh deps/apt-bench.txt
	cmake --build --preset release --target foundation_bench import_bench search_latency
	bench/run.sh

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

format-check:
	@clang-format --dry-run --Werror $$(git ls-files '*.cc' '*.h') && echo "format: ok"

# clang-tidy with the checked-in .clang-tidy (naming and bug patterns) on the
# library and tool sources; part of `make test`.
tidy: setup
	@test -f build/ci/build.ninja || cmake --preset ci >/dev/null
	@run-clang-tidy -p build/ci -quiet -j $$(nproc) -extra-arg=-Wno-unknown-warning-option \
	  $$(git ls-files 'src/*.cc' | grep -v _test) \
	  > build/ci/tidy.log 2>&1 || { grep -E "error:|warning:" build/ci/tidy.log | sort -u; echo "tidy: failed (build/ci/tidy.log)"; exit 1; }
	@echo "tidy: ok"

clean:
	rm -rf build
