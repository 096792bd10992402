/*
 * cmd.c - what the commands share: printing diagnostics and loading a
 * routine to use.
 */
#include "cmd.h"

#include <stdio.h>

#include "catalog.h"
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
		fprintf(stderr, "%s\n", line);
	}
	if (d->oom)
		warn("out of memory: some problems were not shown");
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
