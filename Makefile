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
CORE     = diag routine plan session safety
# The edges: one external library each.
EDGES    = util paths settings routine_load cmd_routine file edit
CORE_OBJ = $(CORE:%=build/%.o)
EDGE_OBJ = $(EDGES:%=build/%.o)
OBJ      = $(CORE_OBJ) $(EDGE_OBJ) build/main.o

UNIT     = $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))
MANPAGES = $(wildcard man/*.[1-9])

# Debian packages: to build, and to test.
BUILD_DEBS = gcc make pkg-config libncurses-dev libconfig-dev libcanberra-dev
TEST_DEBS  = libcmocka-dev tmux mandoc groff-base man-db valgrind

.PHONY: all run check unit check-routines lint-man man-routine check-edit \
	check-settings check-install install uninstall clean deps build-deps \
	test-deps help
.DELETE_ON_ERROR:

all: build-deps backcoach

backcoach: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS) -lm

build/%.o: src/%.c | build build-deps
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build:
	@mkdir -p build

-include $(OBJ:.o=.d) $(UNIT:%=build/%.d)

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
	[ -z "$$missing" ] || { \
		echo "backcoach: test tools missing:$$missing; installing them"; \
		$(call install_debs,$$missing); }

deps:
	@$(call install_debs,$(BUILD_DEBS) $(TEST_DEBS))

# --- running and testing -----------------------------------------------

run: all
	./backcoach

check: all test-deps unit check-routines lint-man man-routine check-edit \
	check-settings check-install
	@echo "make check: all tests passed"

build/test_%: tests/test_%.c $(CORE_OBJ) | build
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -MMD -MP -o $@ $< $(CORE_OBJ) $(CMOCKA_LIBS) -lm

# Tests of an edge module link that module and its library too.
build/test_load: tests/test_load.c $(CORE_OBJ) build/routine_load.o | build
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -o $@ $< \
		$(CORE_OBJ) build/routine_load.o $(CMOCKA_LIBS) $(PKG_LIBS) -lm

# settings.c reads paths (XDG) and util (xasprintf): link those too.
build/test_settings: tests/test_settings.c $(CORE_OBJ) build/settings.o build/paths.o build/util.o | build
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -o $@ $< \
		$(CORE_OBJ) build/settings.o build/paths.o build/util.o \
		$(CMOCKA_LIBS) $(PKG_LIBS) -lm

unit: test-deps $(UNIT:%=build/%)
	@for t in $(UNIT); do \
		echo "== $$t"; \
		(cd tests && ../build/$$t) || exit 1; \
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

check-edit: backcoach
	sh tests/edit.sh

check-settings: backcoach
	sh tests/settings.sh

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
	rm -rf build backcoach

help:
	@echo "targets: all (default) run check install uninstall clean deps"
	@echo "variables: PREFIX=$(PREFIX) DESTDIR=$(DESTDIR) CFLAGS='$(CFLAGS)'"
