/*
 * main.c - backcoach: the command line.
 *
 * Parses the global options (before the command, and after it when the
 * command has no option of that name), resolves them and the settings
 * file into one settings value, picks a subcommand from the table
 * (commands.def) and runs it with that value.  Everything a user can type
 * starts here; everything it does lives in the cmd_*.c files.  No option
 * or setting is a global: what a command needs, it is handed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "commands.h"
#include "territory.h"
#include "paths.h"
#include "diag.h"
#include "safety.h"
#include "settings.h"
#include "sig.h"
#include "speech.h"
#include "store.h"
#include "util.h"
#include "words.h"

/* The command line's options, before they are folded into the settings. */
struct options {
	const char *config;     /* --config FILE, or NULL */
	const char *history;    /* --history FILE, or NULL */
	bool no_color;          /* --no-color or NO_COLOR */
	bool no_sound;          /* --no-sound */
};

/* The espeak-ng voice of the locale's language ("de" for de_DE.UTF-8);
 * English for C, POSIX or none. */
static char *
locale_voice(void)
{
	const char *l = locale_name(NULL);
	size_t n = strspn(l, "abcdefghijklmnopqrstuvwxyz");

	return n >= 2 && n <= 3 ? xasprintf("%.*s", (int)n, l) : xstrdup("en");
}

/* Fills set: the defaults, the settings file (unless skip_file), then
 * the command line.  Problems in the file are warnings, and the program
 * goes on; only a --config file that cannot be read stops it.  Returns 0
 * or 1. */
static int
resolve_settings(struct settings *set, const struct options *o,
    bool skip_file)
{
	struct diags d = { 0 };
	int fatal = 0;

	settings_defaults(set);
	set->file = o->config ? xstrdup(o->config) : settings_default_path();
	set->file_named = o->config != NULL;
	if (!skip_file)
		fatal = settings_load(set, set->file, o->config != NULL, &d) != 0;
	cmd_print_diags(&d);
	if (d.n > 0 && (set->warnings = diags_text(&d, "\n")) == NULL)
		oom();
	diags_free(&d);
	if (o->no_color)
		set->color = false;
	if (o->no_sound)
		set->sound = false;
	set->sound_option_off = o->no_sound;
	if (o->history) {
		free(set->history);
		set->history = xstrdup(o->history);
	} else if (set->history == NULL) {
		set->history = store_default_path();
	}
	locale_call(set);
	if (set->voice == NULL)
		set->voice = locale_voice();
	return fatal;
}

/* The global options (commands.def), for getopt_long. */
#define GOPT_LONG(val, sh, lo, has, arg, comp, help, shown) \
	{ lo, has, NULL, val },
#define GOPT_SHORT(val, sh, lo, has, arg, comp, help, shown) sh
static const struct option global_longopts[] = {
	GLOBAL_OPTS(GOPT_LONG)
	{ NULL, 0, NULL, 0 },
};

/* Each command's handler, in the order of the table (commands.def). */
#define CMD(id, name, aliases, handler, synopsis, summary, operands, OPTS, \
	    help) handler,
static int (*const handlers[])(const struct settings *, int, char **) = {
#include "commands.def"
};
#undef CMD

/* Records a global option but -h and -V; 0, or 2 after saying what is
 * wrong with its argument. */
static int
set_option(struct options *o, int c, const char *arg)
{
	const char *name = c == OPT_CONFIG ? "--config" : "--history";

	if ((c == OPT_CONFIG || c == OPT_HISTORY) && *arg == '\0') {
		warn("option '%s' needs a file name, not ''", name);
		return EXIT_USAGE;
	}
	switch (c) {
	case OPT_CONFIG:   o->config = arg; break;
	case OPT_HISTORY:  o->history = arg; break;
	case OPT_NO_COLOR: o->no_color = true; break;
	case OPT_NO_SOUND: o->no_sound = true; break;
	}
	return 0;
}

/* Reads the global options before the command; returns the index of the
 * first argument after them, or -1 - the exit status when the program is
 * done. */
static int
parse_options(int argc, char **argv, struct options *o)
{
	const char *nc = getenv("NO_COLOR");
	int c;

	o->no_color = nc != NULL && nc[0] != '\0';
	opterr = 0;
	/* '+': stop at the command, whose own options follow it */
	while ((c = getopt_long(argc, argv,
	    "+:" GLOBAL_OPTS(GOPT_SHORT), global_longopts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return -1 - 0;
		} else if (c == 'V') {
			printf("backcoach %s\n", VERSION);
			return -1 - 0;
		} else if (c == '?' || c == ':') {
			cmd_option_error(NULL, c, argv);
			usage_hint();
			return -1 - EXIT_USAGE;
		} else if (set_option(o, c, optarg) != 0) {
			usage_hint();
			return -1 - EXIT_USAGE;
		}
	}
	return optind;
}

/* How many words option word a of command c takes (1, or 2 with its
 * argument), or 0 when a is not one of c's options. */
static int
command_option(const struct command *c, const char *a)
{
	if (a[0] != '-' || a[1] == '\0')
		return 0;
	if (a[1] == '-') {
		size_t n = strcspn(a + 2, "=");
		for (const struct option *l = c->opts->longs; l && l->name; l++)
			if (strlen(l->name) == n && strncmp(l->name, a + 2, n) == 0)
				return l->has_arg == required_argument &&
				    a[2 + n] == '\0' ? 2 : 1;
		return 0;
	}
	for (const char *p = a + 1; *p; p++) {
		const char *k = strchr(c->opts->shorts, *p);
		if (k == NULL || *p == ':')
			return 0;
		if (k[1] == ':')
			return p[1] == '\0' ? 2 : 1;
	}
	return 1;
}

/* The global options written after command c (--no-sound, --history F,
 * and --help for c's help) taken out of argv and recorded, unless c has
 * an option of that name; "--" ends them.  0, or -1 - the exit status
 * when the program is done. */
static int
split_globals(const struct command *c, int *argc, char **argv,
    struct options *o)
{
	int out = 1, i;

	for (i = 1; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		int own = command_option(c, argv[i]);
		const struct option *g = NULL;
		size_t n = strcspn(argv[i], "=");
		for (const struct option *l = global_longopts; !own && l->name; l++)
			if (strncmp(argv[i], "--", 2) == 0 && strlen(l->name) == n - 2 &&
			    strncmp(l->name, argv[i] + 2, n - 2) == 0)
				g = l;
		if (g == NULL && !own && strcmp(argv[i], "-h") == 0)
			g = &global_longopts[0];        /* --help */
		if (g == NULL) {
			argv[out++] = argv[i];
			if (own == 2 && i + 1 < *argc)
				argv[out++] = argv[++i];
			continue;
		}
		if (g->val == 'h') {
			command_help(c);
			return -1 - 0;
		}
		const char *arg = argv[i][n] == '=' ? argv[i] + n + 1 : NULL;
		if (g->has_arg == no_argument && arg != NULL) {
			warn("option '--%s' takes no argument", g->name);
			return -1 - EXIT_USAGE;
		}
		if (g->has_arg == required_argument && arg == NULL &&
		    (arg = i + 1 < *argc ? argv[++i] : NULL) == NULL) {
			warn("option '--%s' needs an argument", g->name);
			return -1 - EXIT_USAGE;
		}
		if (g->val == 'V') {
			printf("backcoach %s\n", VERSION);
			return -1 - 0;
		}
		if (set_option(o, g->val, arg) != 0)
			return -1 - EXIT_USAGE;
	}
	while (i < *argc)
		argv[out++] = argv[i++];
	argv[out] = NULL;
	*argc = out;
	return 0;
}

/* rc, or 1 when what was printed could not all be written (a full disk,
 * a closed pipe): a listing cut short must not look complete. */
static int
flushed(int rc)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno != 0)
			warn("write error:");
		else
			warn("write error");
		return rc ? rc : 1;
	}
	return rc;
}

/* Runs command c, and prints its usage after a usage error. */
static int
run(const struct command *c, const struct settings *set, int argc,
    char **argv)
{
	int rc = handlers[c - commands](set, argc, argv);

	if (rc == EXIT_USAGE)
		command_usage(c);
	return rc;
}

/* The command argv names, or for `backcoach ROUTINE ...` `start` with
 * argv made `start ROUTINE ...` (*freed: to free); NULL when argv[0] is
 * neither. */
static const struct command *
command_of(int *argc, char ***argv, char ***freed)
{
	const struct command *c = command_find((*argv)[0]);
	char *path;

	if (c != NULL || (path = routine_find((*argv)[0])) == NULL)
		return c;
	free(path);
	char **v = xcalloc((size_t)*argc + 2, sizeof *v);
	v[0] = "start";
	memcpy(v + 1, *argv, (size_t)*argc * sizeof *v);
	*freed = v;
	*argv = v;
	(*argc)++;
	return command_find("start");
}

int
main(int argc, char **argv)
{
	struct options o = { 0 };
	struct settings set;
	char **freed = NULL;
	const struct command *cmd = NULL;
	int first, rc;

	sig_ignore_xfsz();      /* before anything writes, or libraries start */
	/* not a command: the speech engine's own process (speech.h) */
	if (argc > 1 && strcmp(argv[1], SPEECH_WORKER_OPTION) == 0)
		return speech_worker(argc - 1, argv + 1);
	if ((first = parse_options(argc, argv, &o)) < 0)
		return flushed(-1 - first);
	argc -= first;
	argv += first;
	if (argc > 0 && (cmd = command_of(&argc, &argv, &freed)) == NULL)
		return flushed(no_such(argv[0]));
	if (cmd != NULL && (rc = split_globals(cmd, &argc, argv, &o)) < 0) {
		if (-1 - rc == EXIT_USAGE)
			command_usage(cmd);
		free(freed);
		return flushed(-1 - rc);
	}
	/* `check` reads no settings: it may be checking them */
	if (resolve_settings(&set, &o, cmd != NULL &&
	    strcmp(cmd->name, "check") == 0) != 0) {
		settings_free(&set);
		free(freed);
		return 1;
	}
	if (cmd == NULL) {
		char *pick[] = { "pick", NULL };
		rc = cmd_pick(&set, 1, pick);
	} else {
		rc = run(cmd, &set, argc, argv);
	}
	settings_free(&set);
	free(freed);
	return flushed(rc);
}
