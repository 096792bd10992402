/*
 * cmd.c - what the commands share: printing diagnostics and loading a
 * routine to use.
 */
#include "cmd.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "paths.h"
#include "text.h"
#include "util.h"
#include "words.h"

static const struct cmd_opt no_opt[] = { { 0, "", NULL, 0, "", "", "" } };
const struct cmd_opts cmd_no_opts = { "", NULL, no_opt };

/* A diagnostic without a file is the program's own: "backcoach: ...". */
void
cmd_print_diags(const struct diags *d)
{
	char line[2048];

	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (g->file[0] == '\0') {
			warn("%s%s", g->sev == DIAG_WARNING ? "warning: " : "", g->msg);
			continue;
		}
		diags_format(g, line, sizeof line);
		fprintf(stderr, "%s\n", cmd_safe(line));
	}
	if (d->oom)
		warn("out of memory: some problems were not shown");
}

int
cmd_ask_yes(const char *question)
{
	char buf[64];

	for (;;) {
		fprintf(stderr, "%s [Y/n] ", question);
		fflush(stderr);
		if (fgets(buf, sizeof buf, stdin) == NULL) {
			fputc('\n', stderr);
			return 0;
		}
		char c = buf[strspn(buf, " \t")];
		if (c == '\n' || c == '\0' || c == 'y' || c == 'Y')
			return 1;
		if (c == 'n' || c == 'N')
			return 0;
	}
}

/* The next of eight buffers, of at least n bytes. */
static char *
ring_buffer(size_t n)
{
	static struct {
		char *buf;
		size_t cap;
	} ring[8];
	static unsigned next;

	next = (next + 1) % 8;
	if (ring[next].cap < n) {
		ring[next].buf = xrealloc(ring[next].buf, n);
		ring[next].cap = n;
	}
	return ring[next].buf;
}

const char *
cmd_safe(const char *s)
{
	size_t n = text_escape(s, NULL, 0);
	char *buf = ring_buffer(n + 1);

	text_escape(s, buf, n + 1);
	return buf;
}

const char *
cmd_col(const char *s, int cols, bool right)
{
	const char *safe = cmd_safe(s);
	size_t n = text_fit(safe, cols, right, NULL, 0);
	char *buf = ring_buffer(n + 1);

	text_fit(safe, cols, right, buf, n + 1);
	return buf;
}

/* The one place a usage error's option is named. */
void
cmd_option_error(const char *who, int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	const char *sep = who ? ": " : "";
	char opt[3] = { '-', (char)optopt, '\0' };

	who = who ? who : "";
	if (strncmp(arg, "--", 2) != 0)
		arg = opt;                      /* a short one, perhaps in a cluster */
	if (c == ':')
		warn("%s%soption '%s' needs an argument", who, sep, arg);
	else if (optopt != 0 && arg != opt)
		warn("%s%soption '%.*s' takes no argument", who, sep,
		    (int)strcspn(arg, "="), arg);
	else
		warn("%s%sunrecognized option '%s'", who, sep, arg);
}

int
cmd_getopt(int argc, char **argv, const struct cmd_opts *o)
{
	char shorts[32];
	static const struct option none[] = { { NULL, 0, NULL, 0 } };

	snprintf(shorts, sizeof shorts, ":%s", o->shorts);
	opterr = 0;
	int c = getopt_long(argc, argv, shorts, o->longs ? o->longs : none, NULL);
	if (c == '?' || c == ':') {
		cmd_option_error(argv[0], c, argv);
		return '?';
	}
	return c;
}

int
cmd_operands(int argc, char **argv, int min, int max, const char *what)
{
	int n = argc - optind;

	if (n < min) {
		warn("%s: %s is missing", argv[0], what);
		return EXIT_USAGE;
	}
	if (n > max) {
		warn("%s: unexpected argument '%s'", argv[0],
		    argv[optind + max]);
		return EXIT_USAGE;
	}
	return 0;
}

char *
cmd_routine_suggest(const char *name)
{
	struct routine_entry *v;
	size_t n = routine_list(&v);
	struct suggest s = SUGGEST_INIT;

	for (size_t i = 0; i < n; i++)
		suggest_try(&s, name, v[i].id);
	char *best = s.best ? xstrdup(s.best) : NULL;
	routine_list_free(v, n);
	return best;
}

void
cmd_no_routine(const char *who, const char *name)
{
	char *near = strchr(name, '/') ? NULL : cmd_routine_suggest(name);

	if (near != NULL)
		warn("%s%sno routine '%s' (did you mean '%s'?)", who ? who : "",
		    who ? ": " : "", name, near);
	else
		warn("%s%sno routine '%s' (try 'backcoach list')", who ? who : "",
		    who ? ": " : "", name);
	free(near);
}

bool
cmd_utf8(void)
{
	setlocale(LC_CTYPE, "");
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

int
cmd_load_routine(const struct settings *set, const char *name,
    const char *verb, struct routine *r)
{
	struct diags d = { 0 };
	int found = catalog_load(name, set, r, &d);

	cmd_print_diags(&d);
	diags_free(&d);
	if (found == 0)
		cmd_no_routine(NULL, name);
	else if (found < 0)
		warn("%s has errors; not %s it", name, verb);
	if (found <= 0) {
		routine_free(r);
		return 1;
	}
	return 0;
}

int
cmd_no_args(int argc, char **argv)
{
	optind = 0;
	if (cmd_getopt(argc, argv, &cmd_no_opts) != -1 ||
	    cmd_operands(argc, argv, 0, 0, "") != 0)
		return EXIT_USAGE;
	return 0;
}
