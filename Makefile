# Convene: `make run` serves the demo forum on http://127.0.0.1:8080; `make test` runs every test.
# Both install what is missing first: `make run` only what running needs, `make test` also
# the test tools (Chromium, PostgreSQL, nginx, wrk, systemd-analyze, Node and the npm packages
# of the tests).
SHELL := /bin/bash
BUILD ?= build
ASAN_BUILD ?= build-asan
LISTEN ?= 127.0.0.1:8080
DATABASE ?= sqlite:var/convene.db
DEMO_SEED ?= 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# What building and running needs; testing and benchmarking need the rest (a browser, a
# PostgreSQL server and nginx to compare against, wrk, Node for the browser and HTTP tests).
RUN_PACKAGES := g++ cmake ninja-build ccache pkg-config \
	libboost-dev nlohmann-json3-dev libkainjow-mustache-dev libsodium-dev libcli11-dev \
	libspdlog-dev libfmt-dev libsqlite3-dev libpq-dev libgtest-dev libbenchmark-dev libxlsxwriter-dev \
	libcurl4-openssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev liblemon-dev coinor-libcbc-dev libicu-dev \
	zlib1g-dev libdeflate-dev libbrotli-dev libgoogle-perftools-dev
TEST_PACKAGES := python3-aiosmtpd python3-openpyxl python3-icalendar libxml2-utils python3-jsonschema postgresql chromium nginx wrk procps curl clang-format systemd

.PHONY: all deps test-deps build build-asan run test bench clean format-check fuzz

all: build

# Installs the Debian packages in $(1) that are missing. A PostgreSQL or nginx installed
# here is stopped and not started at boot: the tests start their own, on other ports.
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
		for svc in postgresql nginx; do \
			if echo " $$missing " | grep -q " $$svc "; then \
				{ $(SUDO) systemctl disable --now $$svc || $(SUDO) service $$svc stop; } >/dev/null 2>&1 || true; \
			fi; \
		done; \
	fi
endef

deps:
	$(call install_missing,$(RUN_PACKAGES))

test-deps: deps
	$(call install_missing,$(TEST_PACKAGES))
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "Installing Node.js and npm"; DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --silent --no-audit --no-fund

# Optimised without debug information: a third less compile time on two cores (the
# sanitizer build below keeps it, for its stack traces).
$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
		-DCONVENE_TEST_HOOKS=ON >/dev/null

build: deps $(BUILD)/build.ninja
	@ninja -C $(BUILD) | grep -v '^\[' || true
	@test -x $(BUILD)/convene

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONVENE_SANITIZE=ON -DCONVENE_UNIT_TESTS_ONLY=ON >/dev/null

build-asan: deps $(ASAN_BUILD)/build.ninja
	@ninja -C $(ASAN_BUILD) convene_unit_tests | grep -v '^\[' || true

run: build
	@mkdir -p var
	@if [ "$(DATABASE)" = "sqlite:var/convene.db" ] && [ ! -f var/convene.db ]; then \
		$(BUILD)/convene --database $(DATABASE) demo --seed $(DEMO_SEED) --credentials var/demo-credentials.txt >/dev/null; fi
	@[ -f var/demo-credentials.txt ] && cat var/demo-credentials.txt || true
	$(BUILD)/convene --database $(DATABASE) serve --listen $(LISTEN)

test: test-deps build build-asan format-check
	tests/check_layers.sh
	tests/run.sh $(BUILD) $(ASAN_BUILD)

# The C++ of src/, tests/ and bench/ as clang-format writes it (.clang-format).
format-check: test-deps
	@clang-format --dry-run --Werror $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'fuzz/*.cpp' 'fuzz/*.hpp') \
		&& echo "Formatting: every C++ file as clang-format writes it."

bench: test-deps build
	$(BUILD)/convene_bench
	bench/startup.sh $(BUILD)/convene
	bench/http.sh $(BUILD)/convene
	bench/screening.sh $(BUILD)/convene
	bench/submit.sh $(BUILD)/convene
	bench/assign.sh $(BUILD)/convene
	bench/select.sh $(BUILD)/convene
	bench/schedule.sh $(BUILD)/convene
	bench/evaluate.sh $(BUILD)/convene
	bench/synthesis.sh $(BUILD)/convene
	CONVENE_BIN=$$(realpath $(BUILD)/convene) node bench/programme.mjs sqlite 10 16
	CONVENE_BIN=$$(realpath $(BUILD)/convene) node bench/messages.mjs sqlite 10 16
	CONVENE_BIN=$$(realpath $(BUILD)/convene) node bench/reports.mjs sqlite 10 16
	CONVENE_BIN=$$(realpath $(BUILD)/convene) node bench/live.mjs sqlite 200 200,2000 15
	CONVENE_BIN=$$(realpath $(BUILD)/convene) node bench/captions.mjs sqlite 5000 20 ws,sse 4
	CONVENE_BIN=$$(realpath $(BUILD)/convene) node bench/soak.mjs 1000 10 3

# Each parser's fuzz target under libFuzzer (clang), FUZZ_SECONDS each, from its corpus
# (fuzz/corpus/<target>/, made from the test data; what libFuzzer adds goes to
# build-fuzz/corpus/); findings are written to build-fuzz/findings/ and stop the run.
# make test replays the same targets and corpora (tests/unit/fuzz/).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $$(ninja -C build-fuzz -t targets all | grep -o '^fuzz_[a-z_0-9]*' | sort -u)
fuzz: deps
	$(call install_missing,clang)
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCONVENE_LIBFUZZER=ON -DCONVENE_UNIT_TESTS_ONLY=ON >/dev/null
	@set -o pipefail; ninja -C build-fuzz $(FUZZ_TARGETS) | { grep -v '^\[' || true; }
	@mkdir -p build-fuzz/findings
	@for t in $(FUZZ_TARGETS); do name=$${t#fuzz_}; mkdir -p build-fuzz/corpus/$$name; \
		echo "$$name: $(FUZZ_SECONDS) s"; \
		build-fuzz/$$t build-fuzz/corpus/$$name fuzz/corpus/$$name -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -artifact_prefix=build-fuzz/findings/$$name- -print_final_stats=1 \
			>build-fuzz/$$name.log 2>&1 || { tail -n 60 build-fuzz/$$name.log; exit 1; }; \
		grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|(DONE|INITED) +cov:' build-fuzz/$$name.log; \
	done

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
