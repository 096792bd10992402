# backcoach - a full-screen terminal exercise coach for lower-back pain.
# Plain GNU make and pkg-config.  `make help` lists the targets.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
DATADIR    = $(PREFIX)/share
MANDIR     = $(DATADIR)/man
DESTDIR   ?=

CC        ?= cc
CFLAGS    ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS       = ncursesw libconfig libcanberra
WARN       = -std=c11 -Wall -Wextra -Wshadow -Wpedantic
CPPFLAGS  += -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"'

# Recursively expanded on purpose: evaluated when a recipe runs, after
# `deps` may have installed the libraries.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# The pure core: no curses, audio, libconfig, clock, printing or exit.
# Unit tests link against these objects alone, so a slip fails the link.
CORE     = diag routine plan session safety keys calendar history history_stats
# The edges: one external library each.
EDGES    = util paths settings routine_load routine_include cmd_routine sig ui redflag \
	   ui_prompt draw_util draw_session draw_screens loop picker coach cmd_pack \
	   store cmd_history coach_history file edit template
CORE_OBJ = $(CORE:%=$(BUILD_DIR)/%.o)
EDGE_OBJ = $(EDGES:%=$(BUILD_DIR)/%.o)
OBJ      = $(CORE_OBJ) $(EDGE_OBJ) $(BUILD_DIR)/main.o

BUILD_DIR ?= build
BIN      ?= backcoach
UNIT     = $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))
MANPAGES = $(wildcard man/*.[1-9])

# Debian packages: to build, and to test.
BUILD_DEBS = gcc make pkg-config libncurses-dev libconfig-dev libcanberra-dev
TEST_DEBS  = libcmocka-dev tmux mandoc groff-base man-db valgrind jq clang libclang-rt-14-dev

.PHONY: all run check unit check-routines check-ui lint-man man-routine check-valgrind \
	check-history check-edit check-settings check-install check-man \
	bench bench-history bench-session fuzz-history \
	sanitize fuzz fuzz-short install uninstall clean deps build-deps test-deps help
.DELETE_ON_ERROR:

all: build-deps $(BIN)

$(BIN): $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS) -lm

$(BUILD_DIR)/%.o: src/%.c | $(BUILD_DIR) build-deps
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD_DIR):
	@mkdir -p $(BUILD_DIR)

-include $(OBJ:.o=.d) $(UNIT:%=$(BUILD_DIR)/%.d) $(BUILD_DIR)/ui_demo.d \
	$(BUILD_DIR)/history_tool.d

# --- dependencies ------------------------------------------------------

# Installs what is missing with apt-get (through sudo when not root) and
# says so; elsewhere, names the packages and stops.
define install_debs
	if command -v apt-get >/dev/null 2>&1; then \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		echo "backcoach: installing Debian packages: $(1)"; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null || exit 1; \
	else \
		echo "backcoach: please install these packages (Debian names): $(1)" >&2; \
		exit 1; \
	fi
endef

build-deps:
	@$(PKG_CONFIG) --exists $(PKGS) 2>/dev/null || { \
		echo "backcoach: pkg-config cannot find $(PKGS); installing build dependencies"; \
		$(call install_debs,$(BUILD_DEBS)); }

test-deps:
	@missing=; \
	$(PKG_CONFIG) --exists cmocka 2>/dev/null || missing="$$missing libcmocka-dev"; \
	command -v tmux >/dev/null || missing="$$missing tmux"; \
	command -v mandoc >/dev/null || missing="$$missing mandoc"; \
	command -v groff >/dev/null || missing="$$missing groff-base"; \
	command -v man >/dev/null || missing="$$missing man-db"; \
	command -v valgrind >/dev/null || missing="$$missing valgrind"; \
	command -v jq >/dev/null || missing="$$missing jq"; \
	command -v clang >/dev/null || missing="$$missing clang"; \
	echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return (int)n * 0; }' | \
		clang -fsanitize=fuzzer -x c -o /dev/null - >/dev/null 2>&1 || \
		missing="$$missing libclang-rt-14-dev"; \
	[ -z "$$missing" ] || { \
		echo "backcoach: test tools missing:$$missing; installing them"; \
		$(call install_debs,$$missing); }

deps:
	@$(call install_debs,$(BUILD_DEBS) $(TEST_DEBS))

# --- running and testing -----------------------------------------------

run: all
	./backcoach

check: all test-deps unit check-routines lint-man man-routine check-valgrind check-ui \
	check-history check-edit check-settings check-install check-man fuzz-short
	@echo "make check: all tests passed"

$(BUILD_DIR)/test_%: tests/test_%.c $(CORE_OBJ) | $(BUILD_DIR)
	$(CC) $(WARN) $(CPPFLAGS) -Isrc $(CFLAGS) -MMD -MP -o $@ $< $(CORE_OBJ) $(CMOCKA_LIBS) -lm

# Tests of an edge module link that module and its library too.
LOAD_OBJ = $(BUILD_DIR)/routine_load.o $(BUILD_DIR)/routine_include.o
$(BUILD_DIR)/test_load: tests/test_load.c $(CORE_OBJ) $(LOAD_OBJ) | $(BUILD_DIR)
	$(CC) $(WARN) $(CPPFLAGS) -Isrc $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -o $@ $< \
		$(CORE_OBJ) $(LOAD_OBJ) $(CMOCKA_LIBS) $(PKG_LIBS) -lm

# settings.c reads paths (XDG) and util (xasprintf): link those too.
$(BUILD_DIR)/test_settings: tests/test_settings.c $(CORE_OBJ) $(BUILD_DIR)/settings.o \
		$(BUILD_DIR)/paths.o $(BUILD_DIR)/util.o | $(BUILD_DIR)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -o $@ $< \
		$(CORE_OBJ) $(BUILD_DIR)/settings.o $(BUILD_DIR)/paths.o $(BUILD_DIR)/util.o \
		$(CMOCKA_LIBS) $(PKG_LIBS) -lm

unit: test-deps $(UNIT:%=$(BUILD_DIR)/%)
	@for t in $(UNIT); do \
		echo "== $$t"; \
		(cd tests && $(abspath $(BUILD_DIR))/$$t) || exit 1; \
	done

# The bundled routines are valid and draw no warning either.
check-routines: backcoach
	./backcoach check routines/*.cfg
	@out=$$(./backcoach check -q routines/*.cfg 2>&1); \
	[ -z "$$out" ] || { echo "check-routines: bundled routines must have no warnings" >&2; exit 1; }

# Every man page clean under mandoc's linter and groff's warnings.
lint-man: test-deps
	@for m in $(MANPAGES); do \
		mandoc -Tlint -W warning $$m || exit 1; \
		out=$$(groff -mandoc -ww -z $$m 2>&1); \
		[ -z "$$out" ] || { printf '%s\n' "$$out" >&2; exit 1; }; \
		echo "lint-man: $$m clean"; \
	done

# backcoach-routine(5) documents every setting of src/routine.h.
man-routine:
	sh tests/man-routine.sh

check-edit: backcoach test-deps
	sh tests/edit.sh
	bash tests/picker-edit.sh

check-settings: backcoach test-deps
	sh tests/settings.sh

# The history store, driven through a test tool and the real commands.
# (settings.o reads the settings file: it needs libconfig.)
HISTORY_TOOL_OBJ = $(CORE_OBJ) $(BUILD_DIR)/store.o $(BUILD_DIR)/util.o \
	$(BUILD_DIR)/paths.o $(BUILD_DIR)/settings.o
$(BUILD_DIR)/history_tool: tests/history_tool.c $(HISTORY_TOOL_OBJ) | $(BUILD_DIR)
	$(CC) $(WARN) $(CPPFLAGS) -Isrc $(CFLAGS) -MMD -MP -o $@ $< \
		$(HISTORY_TOOL_OBJ) $(PKG_LIBS) -lm

check-history: backcoach $(BUILD_DIR)/history_tool test-deps
	TOOL=$(BUILD_DIR)/history_tool bash tests/history.sh
	bash tests/history_ui.sh

# The history reader under libFuzzer (clang; not part of `check`).
fuzz-history: build-fuzz/fuzz_history
	@mkdir -p build-fuzz/history-corpus
	$(SAN_ENV) ./build-fuzz/fuzz_history -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=build-fuzz/ build-fuzz/history-corpus tests/fuzz/history

build-fuzz/fuzz_history: tests/fuzz/fuzz_history.c $(CORE:%=src/%.c) src/*.h
	@mkdir -p build-fuzz
	clang $(WARN) $(CPPFLAGS) $(FUZZ_FLAGS) -Isrc -o $@ \
		tests/fuzz/fuzz_history.c $(CORE:%=src/%.c) -lm

# --- benchmarks (measured, never asserted) -----------------------------

bench: bench-history bench-session

bench-session: backcoach
	bash tests/bench-session.sh

bench-history: backcoach $(BUILD_DIR)/history_tool
	TOOL=$(BUILD_DIR)/history_tool bash tests/bench_history.sh

check-valgrind: backcoach test-deps
	valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		./backcoach check routines/*.cfg
	@for f in tests/data/bad/*.cfg; do \
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
			./backcoach check -q "$$f" 2>/dev/null; \
		[ $$? -ne 99 ] || { echo "valgrind: errors on $$f:"; \
			valgrind -q --leak-check=full ./backcoach check -q "$$f"; exit 1; }; \
	done; echo "valgrind: no errors on tests/data/bad/*.cfg"

# --- robustness: sanitizers and fuzzing --------------------------------

# Everything built again with ASan and UBSan into build-asan/, then the
# unit tests and `check` over every routine, good and bad, run under it.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
SAN_ENV = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
sanitize: build-deps test-deps
	$(SAN_ENV) $(MAKE) --no-print-directory BUILD_DIR=build-asan BIN=build-asan/backcoach \
		CFLAGS='$(ASAN_FLAGS)' LDFLAGS='$(ASAN_FLAGS)' build-asan/backcoach unit
	$(SAN_ENV) ./build-asan/backcoach check routines/*.cfg
	@export $(SAN_ENV); \
	for f in tests/data/bad/*.cfg; do \
		./build-asan/backcoach check -q "$$f" 2>/dev/null; rc=$$?; \
		[ $$rc -eq 1 ] || { echo "sanitize: $$f: exit $$rc, want 1"; exit 1; }; \
	done; echo "sanitize: every tests/data/bad file rejected cleanly"

# libFuzzer over the loader, plan and session (clang only).  `fuzz` runs
# for FUZZ_SECONDS; `fuzz-short` (in `make check`) for 25 s.
FUZZ_SECONDS ?= 300
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_SRC = $(addprefix src/,diag.c routine.c plan.c session.c routine_load.c routine_include.c)
build-fuzz/fuzz_routine: tests/fuzz/fuzz_routine.c $(FUZZ_SRC) src/*.h
	@mkdir -p build-fuzz
	clang $(WARN) $(CPPFLAGS) $(FUZZ_FLAGS) -Isrc $(PKG_CFLAGS) -o $@ \
		tests/fuzz/fuzz_routine.c $(FUZZ_SRC) $(shell $(PKG_CONFIG) --libs libconfig) -lm

fuzz: build-deps test-deps build-fuzz/fuzz_routine
	@mkdir -p build-fuzz/corpus
	$(SAN_ENV) ./build-fuzz/fuzz_routine -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		-rss_limit_mb=2048 -timeout=10 -artifact_prefix=build-fuzz/ \
		build-fuzz/corpus tests/fuzz/corpus

fuzz-short:
	@if command -v clang >/dev/null 2>&1; then \
		mkdir -p build-fuzz; \
		$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=25 >build-fuzz/short.log 2>&1 || \
			{ tail -n 40 build-fuzz/short.log; exit 1; }; \
		tail -n 2 build-fuzz/short.log; \
	else echo "fuzz-short: no clang, skipped"; fi

# The full-screen coach, driven in a private tmux server.
check-ui: backcoach $(BUILD_DIR)/ui_demo test-deps
	tests/ui.sh

# The modal widgets of ui.h on their own, for tests/ui.sh.
UI_DEMO_OBJ = $(BUILD_DIR)/util.o $(BUILD_DIR)/settings.o $(BUILD_DIR)/sig.o $(BUILD_DIR)/ui.o \
	$(BUILD_DIR)/ui_prompt.o $(BUILD_DIR)/paths.o $(CORE_OBJ)
$(BUILD_DIR)/ui_demo: tests/ui_demo.c $(UI_DEMO_OBJ) | $(BUILD_DIR)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -Isrc -MMD -MP -o $@ $< \
		$(UI_DEMO_OBJ) $(PKG_LIBS) -lm

# --- installing --------------------------------------------------------

MAN1     = $(wildcard man/*.1)
MAN5     = $(wildcard man/*.5)
COMPDIR  = $(DATADIR)/bash-completion/completions

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/backcoach/routines \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPDIR)
	install -m 755 backcoach $(DESTDIR)$(BINDIR)/backcoach
	install -m 644 routines/*.cfg $(DESTDIR)$(DATADIR)/backcoach/routines/
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
ifneq ($(MAN5),)
	install -d $(DESTDIR)$(MANDIR)/man5
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
endif
	install -m 644 src/backcoach.bash-completion $(DESTDIR)$(COMPDIR)/backcoach

# Removes exactly the files install put there, and backcoach's own
# directories; shared directories (bin, man1, ...) stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/backcoach
	rm -f $(patsubst routines/%,$(DESTDIR)$(DATADIR)/backcoach/routines/%,$(wildcard routines/*.cfg))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(MAN1))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(MAN5))
	rm -f $(DESTDIR)$(COMPDIR)/backcoach
	-rmdir $(DESTDIR)$(DATADIR)/backcoach/routines $(DESTDIR)$(DATADIR)/backcoach 2>/dev/null

# Installs into a temp DESTDIR, uses the installed program, uninstalls.
check-install: backcoach
	MAKE="$(MAKE)" sh tests/install.sh

clean:
	rm -rf build build-asan build-fuzz backcoach

help:
	@echo "targets: all (default) run check bench install uninstall clean deps"
	@echo "variables: PREFIX=$(PREFIX) DESTDIR=$(DESTDIR) CFLAGS='$(CFLAGS)'"

# --- documentation tests -------------------------------------------------

# The key table printed for tests/man-keys.sh (keys.c is pure core).
$(BUILD_DIR)/keys_dump: tests/keys_dump.c $(BUILD_DIR)/keys.o | $(BUILD_DIR)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -MMD -MP -o $@ $< $(BUILD_DIR)/keys.o

# backcoach(1) documents exactly the key table, the commands and the settings.
check-man: backcoach $(BUILD_DIR)/keys_dump
	sh tests/man-keys.sh
	sh tests/man-backcoach.sh
