/*
 * cmd.c - what the commands share: printing diagnostics and loading a
 * routine to use.
 */
#include "cmd.h"

#include <stdio.h>

#include "catalog.h"
#include "text.h"
#include "util.h"

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

int
cmd_load_routine(const struct settings *set, const char *name,
    const char *verb, struct routine *r)
{
	struct diags d = { 0 };
	int errors = catalog_load(name, set, r, &d);

	cmd_print_diags(&d);
	diags_free(&d);
	if (errors < 0) {
		warn("no routine '%s' (try 'backcoach list')", name);
		return 1;
	}
	if (errors > 0) {
		warn("%s has errors; not %s it", name, verb);
		routine_free(r);
		return 1;
	}
	return 0;
}
