/*
 * commands.c - the command table (commands.h): what `backcoach --help`,
 * `backcoach help NAME` and every usage error say come from it.
 */
#include "commands.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "safety.h"
#include "util.h"
#include "words.h"

/* Each command's options, for getopt_long and described (cmd.h). */
#define OPT_LONG(val, sh, lo, has, arg, comp, help) { lo, has, NULL, val },
#define OPT_DESC(val, sh, lo, has, arg, comp, help) \
	{ val, sh, lo, has, arg, comp, help },
#define OPT_SHORT(val, sh, lo, has, arg, comp, help) sh
#define CMD(id, name, aliases, handler, synopsis, summary, operands, OPTS, \
	    help) \
	static const struct option id##_longs[] = { \
		OPTS(OPT_LONG) { NULL, 0, NULL, 0 } }; \
	static const struct cmd_opt id##_descs[] = { \
		OPTS(OPT_DESC) { 0, "", NULL, 0, "", "", "" } }; \
	const struct cmd_opts cmd_##id##_opts = { \
		"" OPTS(OPT_SHORT), id##_longs, id##_descs };
#include "commands.def"
#undef CMD

#define CMD(id, name, aliases, handler, synopsis, summary, operands, OPTS, \
	    help) \
	{ name, aliases, synopsis, summary, help, operands, &cmd_##id##_opts },
const struct command commands[] = {
#include "commands.def"
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};
#undef CMD

#define GOPT_DESC(val, sh, lo, has, arg, comp, help, shown) \
	{ { val, sh, lo, has, arg, comp, help }, shown },
const struct global_opt global_opts[] = {
	GLOBAL_OPTS(GOPT_DESC)
	{ { 0, "", NULL, 0, "", "", "" }, false },
};

/* Whether name is one of c's aliases. */
static bool
is_alias(const struct command *c, const char *name)
{
	char buf[128];
	const char *w[8];
	int n = words_split(c->aliases, buf, sizeof buf, w, 8);

	for (int i = 0; i < n; i++)
		if (strcmp(w[i], name) == 0)
			return true;
	return false;
}

/* Tries every command's name and aliases as the nearest to typed. */
static void
suggest_command(struct suggest *sg, const char *typed)
{
	static char buf[512];   /* the aliases, split: sg->best may point here */
	const char *w[16];
	size_t used = 0;

	for (const struct command *c = commands; c->name; c++) {
		suggest_try(sg, typed, c->name);
		if (used + strlen(c->aliases) + 1 > sizeof buf)
			continue;
		int n = words_split(c->aliases, buf + used, sizeof buf - used, w, 16);
		for (int i = 0; i < n; i++)
			suggest_try(sg, typed, w[i]);
		used += strlen(c->aliases) + 1;
	}
}

const struct command *
command_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0 || is_alias(c, name))
			return c;
	return NULL;
}

/* Prints "PREFIX backcoach NAME FORM" for each form of c's synopsis, the
 * first after first, the others after as many spaces. */
static void
print_forms(FILE *f, const char *first, const struct command *c)
{
	const char *p = c->synopsis;

	for (int i = 0;; i++) {
		int n = (int)strcspn(p, "\n");
		fprintf(f, "%*s%s %s%s%.*s\n", i ? (int)strlen(first) : 0,
		    i ? "" : first, progname, c->name, n ? " " : "", n, p);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

/* After a usage error: the command's usage, on stderr. */
void
command_usage(const struct command *c)
{
	print_forms(stderr, "usage: ", c);
}

/* After a usage error of the program's own: where the help is. */
void
usage_hint(void)
{
	fprintf(stderr, "Try '%s --help'.\n", progname);
}

/* `backcoach NAME` where NAME is neither a command nor a routine: said,
 * with the command or routine id it is nearest to.  Returns 2. */
int
no_such(const char *name)
{
	struct suggest sg = SUGGEST_INIT;
	char *id = cmd_routine_suggest(name);

	suggest_command(&sg, name);
	if (id != NULL)
		suggest_try(&sg, name, id);
	if (sg.best != NULL)
		warn("no command or routine '%s' (did you mean '%s'?)",
		    name, sg.best);
	else
		warn("no command or routine '%s'", name);
	usage_hint();
	free(id);
	return EXIT_USAGE;
}

/* One option's line of help: "  -q, --quiet           print only ...",
 * its further lines under the first. */
static void
print_option(FILE *f, const struct cmd_opt *o)
{
	char left[64];
	const char *h = o->help;
	bool opt = o->has_arg == optional_argument;

	snprintf(left, sizeof left, "%s%.1s%s--%s%s%s%s",
	    *o->shortopt ? "-" : "  ", o->shortopt, *o->shortopt ? ", " : "  ",
	    o->name, opt ? "[=" : *o->arg ? " " : "", o->arg, opt ? "]" : "");
	if (strlen(left) > 21) {        /* a long one: its help under it */
		fprintf(f, "  %s\n", left);
		left[0] = '\0';
	}
	for (int i = 0;; i++) {
		int n = (int)strcspn(h, "\n");
		fprintf(f, "  %-22s%.*s\n", i ? "" : left, n, h);
		if (h[n] == '\0')
			break;
		h += n + 1;
	}
}

/* "  NAME FORM" (n bytes of form), cut before a '[' to fit 79 columns,
 * the rest under the form. */
static void
put_wrapped(FILE *f, const char *name, const char *form, int n)
{
	int col = fprintf(f, "  %s", name), indent = col + 1;
	const char *p = form, *end = form + n;

	while (p < end) {
		const char *q = p + 1;
		while (q < end && !(q[0] == ' ' && q[1] == '['))
			q++;
		int len = (int)(q - p);
		if (col + 1 + len > 79 && col > indent)
			col = fprintf(f, "\n%*s", indent, "") - 1;
		else
			col += fprintf(f, " ");
		col += fprintf(f, "%.*s", len, p);
		p = q < end ? q + 1 : q;
	}
	fprintf(f, "\n");
}

/* "  SYN                          SUMMARY", the summary cut between words
 * to fit 79 columns, the rest under it. */
static void
put_summary(FILE *f, const char *syn, const char *sum)
{
	int col = fprintf(f, "  %-28s", syn);

	while (*sum) {
		int len = (int)strcspn(sum, " ");
		if (col + 1 + len > 79 && col > 31)
			col = fprintf(f, "\n%-30s", "");
		col += fprintf(f, " %.*s", len, sum);
		sum += len;
		sum += strspn(sum, " ");
	}
	fprintf(f, "\n");
}

void
usage(FILE *f)
{
	fprintf(f,
	    "usage: %s [OPTIONS]                  (pick a routine)\n"
	    "       %s [OPTIONS] COMMAND [ARGS...]\n"
	    "       %s [OPTIONS] ROUTINE\n"
	    "\n"
	    "A full-screen exercise coach for lower-back pain.\n"
	    "\n"
	    "Commands:\n", progname, progname, progname);
	for (const struct command *c = commands; c->name; c++) {
		const char *p = c->synopsis;
		for (int i = 0;; i++) {
			char syn[160];
			int n = (int)strcspn(p, "\n");
			snprintf(syn, sizeof syn, "%s %.*s", c->name, n, p);
			const char *sum = i ? "" : c->summary;
			if (strlen(syn) > 28) { /* a line of its own */
				put_wrapped(f, c->name, p, n);
				if (*sum)
					put_summary(f, "", sum);
			} else if (*sum) {
				put_summary(f, syn, sum);
			} else {
				fprintf(f, "  %s\n", syn);
			}
			if (p[n] == '\0')
				break;
			p += n + 1;
		}
	}
	fprintf(f, "\nOptions:\n");
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (g->shown)
			print_option(f, &g->o);
	fprintf(f,
	    "\n"
	    "This program suggests exercises; it does not diagnose.\n\n");
	char signs[4096];
	safety_help_list(signs, sizeof signs);
	fprintf(f, "%s\nSee backcoach(1), SAFETY.\n", signs);
}

/* `backcoach help NAME`, `backcoach NAME --help`. */
void
command_help(const struct command *c)
{
	print_forms(stdout, "usage: ", c);
	printf("\n%s.\n", c->summary);
	if (*c->aliases)
		printf("Also: %s.\n", c->aliases);
	if (c->help)
		printf("\n%s\n", c->help);
	if (c->opts->v[0].name != NULL)
		printf("\nOptions:\n");
	for (const struct cmd_opt *o = c->opts->v; o->name; o++)
		print_option(stdout, o);
}

int
cmd_help(const struct settings *set, int argc, char **argv)
{
	int rc;

	(void)set;
	optind = 0;
	while (cmd_getopt(argc, argv, &cmd_no_opts) != -1)
		return EXIT_USAGE;
	if ((rc = cmd_operands(argc, argv, 0, 1, "COMMAND")) != 0)
		return rc;
	if (optind == argc) {
		usage(stdout);
		return 0;
	}
	const struct command *c = command_find(argv[optind]);
	if (c == NULL) {
		struct suggest sg = SUGGEST_INIT;
		suggest_command(&sg, argv[optind]);
		warn("help: no command '%s'%s%s%s", argv[optind],
		    sg.best ? " (did you mean '" : "", sg.best ? sg.best : "",
		    sg.best ? "'?)" : "");
		return EXIT_USAGE;
	}
	command_help(c);
	return 0;
}

bool
command_has_option(const struct command *c, const char *name)
{
	for (const struct cmd_opt *o = c->opts->v; o->name; o++)
		if (strcmp(o->name, name) == 0)
			return true;
	return false;
}

bool
command_global_after(const struct command *c, const struct global_opt *g)
{
	return g->shown && g->o.val != 'V' && !command_has_option(c, g->o.name);
}

void
command_each_name(void (*fn)(const char *name, const struct command *c))
{
	for (const struct command *c = commands; c->name; c++) {
		char buf[128];
		const char *w[8];
		int n = words_split(c->aliases, buf, sizeof buf, w, 8);
		fn(c->name, c);
		for (int i = 0; i < n; i++)
			fn(w[i], c);
	}
}
