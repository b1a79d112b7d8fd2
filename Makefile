# Convene: `make run` serves the demo forum on http://127.0.0.1:8080; `make test` runs every test.
# Both install what is missing first (Debian packages, npm packages for browser tests).
SHELL := /bin/bash
BUILD ?= build
ASAN_BUILD ?= build-asan
LISTEN ?= 127.0.0.1:8080
DATABASE ?= sqlite:var/convene.db
DEMO_SEED ?= 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Exactly the Debian packages Convene builds, runs, tests and benchmarks with.
APT_PACKAGES := g++ cmake ninja-build ccache pkg-config \
	libboost-dev nlohmann-json3-dev libkainjow-mustache-dev libsodium-dev libcli11-dev \
	libspdlog-dev libfmt-dev libsqlite3-dev libpq-dev libgtest-dev libbenchmark-dev libxlsxwriter-dev \
	libcurl4-openssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev python3-aiosmtpd liblemon-dev coinor-libcbc-dev libicu-dev \
	zlib1g-dev libbrotli-dev python3-openpyxl \
	postgresql chromium nginx wrk procps curl clang-format

.PHONY: all deps build build-asan run test bench clean format-check

all: build

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "Installing Node.js and npm"; DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --silent --no-audit --no-fund

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONVENE_TEST_HOOKS=ON >/dev/null

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

test: build build-asan format-check
	tests/check_layers.sh
	tests/run.sh $(BUILD) $(ASAN_BUILD)

# The C++ of src/, tests/ and bench/ as clang-format writes it (.clang-format).
format-check: deps
	@clang-format --dry-run --Werror $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp') \
		&& echo "Formatting: every C++ file as clang-format writes it."

bench: build
	$(BUILD)/convene_bench
	bench/startup.sh $(BUILD)/convene
	bench/http.sh $(BUILD)/convene
	bench/screening.sh $(BUILD)/convene
	bench/submit.sh $(BUILD)/convene
	bench/assign.sh $(BUILD)/convene
	bench/select.sh $(BUILD)/convene
	bench/evaluate.sh $(BUILD)/convene
	bench/synthesis.sh $(BUILD)/convene

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
