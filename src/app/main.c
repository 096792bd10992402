/*
 * main.c - backcoach: the command line.
 *
 * Parses the global options, resolves them and the settings file into one
 * settings value, picks a subcommand from the table and runs it with that
 * value.  Everything a user can type starts here; everything it does
 * lives in the cmd_*.c files.  No option or setting is a global: what a
 * command needs, it is handed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "paths.h"
#include "diag.h"
#include "safety.h"
#include "settings.h"
#include "store.h"
#include "util.h"

struct command {
	const char *name;
	int (*run)(const struct settings *set, int argc, char **argv);
	const char *args;       /* synopsis after the name */
	const char *summary;    /* one line, for --help */
	const char *help;       /* the rest of `backcoach help NAME` */
};

/* The command line's options, before they are folded into the settings. */
struct options {
	const char *config;     /* --config FILE, or NULL */
	const char *history;    /* --history FILE, or NULL */
	bool no_color;          /* --no-color or NO_COLOR */
	bool no_sound;          /* --no-sound */
};

static int cmd_help(const struct settings *set, int argc, char **argv);

static const struct command commands[] = {
	{ "start", cmd_start, "ROUTINE",
	  "coach a routine full-screen, at once",
	  "ROUTINE is an id (see 'backcoach list') or a path to a .cfg file;\n"
	  "'backcoach ROUTINE' does the same when ROUTINE is no command name.\n"
	  "Without a command, backcoach shows a picker of every routine.\n"
	  "Press ? during a session for the keys (backcoach(1), KEYS)." },
	{ "list", cmd_list, "",
	  "list every routine: id, name, time and file",
	  "Lists the user's routines and the bundled ones; a user routine with\n"
	  "the id of a bundled one is used instead of it, and says so." },
	{ "show", cmd_show, "ROUTINE",
	  "print a routine's plan, step by step, with its total time",
	  "ROUTINE is an id (see 'backcoach list') or a path to a .cfg file." },
	{ "check", cmd_check, "[-q] ROUTINE...",
	  "validate routines (or settings: --config); FILE:LINE: problems",
	  "Exit status 0 when every routine is valid, 1 when any has an error,\n"
	  "2 on a usage error.  Warnings (an unknown setting) do not fail.\n"
	  "'check --config [FILE]' checks a settings file instead: FILE, else\n"
	  "the one --config names, else ~/.config/backcoach/config.  There any\n"
	  "problem fails the check; at start-up it is only a warning, and the\n"
	  "setting keeps its default.\n"
	  "  -q, --quiet   print only problems" },
	{ "edit", cmd_edit, "ROUTINE",
	  "edit a routine in $VISUAL or $EDITOR; saved only when valid",
	  "Opens a private copy of ROUTINE in your editor ($VISUAL, else $EDITOR,\n"
	  "else editor or vi).  When you quit, the copy is checked as 'check'\n"
	  "does: with errors, you are asked to edit again (answer n to give up,\n"
	  "keeping the routine as it was); valid, it replaces the routine\n"
	  "atomically.  A bundled routine is never changed: your edit is saved\n"
	  "as your own copy in ~/.config/backcoach/routines, used instead of it." },
	{ "new", cmd_new, "NAME [--from ROUTINE]",
	  "write a new routine of yours, from a template or a copy",
	  "Starts from a commented template (or a copy of ROUTINE) and edits it\n"
	  "as 'edit' does; it is saved as ~/.config/backcoach/routines/NAME.cfg.\n"
	  "NAME is letters, digits, '-' and '_'.  Never overwrites a routine;\n"
	  "leaving the editor without a change creates nothing.\n"
	  "  -f, --from ROUTINE   start from a copy of ROUTINE" },
	{ "history", cmd_history, "[--since DATE] [--routine ID] [--format F]",
	  "print the recorded sessions: table, tsv, csv or json",
	  "Reads the history file (see FILES in backcoach(1)); never changes it.\n"
	  "  --since DATE    only sessions started on or after DATE (YYYY-MM-DD)\n"
	  "  --routine ID    only sessions of this routine\n"
	  "  --format F      table (default), tsv, csv (RFC 4180, CRLF) or json\n"
	  "Every format carries every field, the exercises included.  A malformed\n"
	  "line is reported as FILE:LINE and skipped." },
	{ "stats", cmd_stats, "[--weeks N]",
	  "weekly sessions and minutes, streaks, routines, pain trend",
	  "  --weeks N       chart the last N weeks (default 8, at most 520)\n"
	  "A streak counts days in a row with a completed session; it is current\n"
	  "while it reaches today or yesterday.  A pain change of 2 points or\n"
	  "30 % of the starting score, both, is called meaningful." },
	{ "progress", cmd_progress, "ROUTINE [--apply]",
	  "the dose of each exercise, and the next step from your history",
	  "Shows each exercise's dose and its limits, the changes made so far,\n"
	  "the sessions the rule reads, and the next step with its reason: one\n"
	  "more rep per set after two good sessions and a morning no worse, one\n"
	  "step back after a hard one.\n"
	  "  --apply   make that step: the routine (your copy of a bundled one)\n"
	  "            is changed, within its reps_max and hold_max only" },
	{ "ice", cmd_pack, "[MINUTES]",
	  "time an ice pack (20 minutes at most)",
	  "Runs the ice-pack routine after showing its caution: wrapped in a\n"
	  "cloth, never on bare skin; 20 to 40 minutes between applications." },
	{ "heat", cmd_pack, "[MINUTES]",
	  "time a heat pack (15 minutes; at most 20)",
	  "Runs the heat-pack routine after showing its caution: a medium\n"
	  "setting over a layer of fabric; never sleep on a plug-in pad; not on\n"
	  "numb skin; not after a blow or a fall." },
	{ "sound-test", cmd_sound_test, "[--theme NAME] [CUE...]",
	  "play every sound cue with its name, to check the sound set-up",
	  "Plays each cue (get ready, countdown, start, tempo phases, relax, rest,\n"
	  "switch sides, exercise/session done, timer done, warning) and\n"
	  "prints its name and sound-theme event id as it sounds; with CUE\n"
	  "names (ready, tick-3, go, go-1, phase-1, rest, session-done, ...),\n"
	  "only those.\n"
	  "  -t, --theme NAME   the sound theme: backcoach (tones), backcoach-voice\n"
	  "                     (spoken) or any installed freedesktop sound theme\n"
	  "Exit status 1, with the reason, when there is no sound." },
	{ "help", cmd_help, "[COMMAND]",
	  "show help for backcoach or for one command",
	  NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

static const struct command *
command_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Prints "usage: backcoach NAME ARGS" for a command to stderr. */
static void
command_usage(const struct command *c)
{
	fprintf(stderr, "usage: %s %s%s%s\n", progname, c->name,
	    *c->args ? " " : "", c->args);
	fprintf(stderr, "Try '%s help %s' for more.\n", progname, c->name);
}

/* `backcoach ROUTINE`: a routine id or file, when it is one. */
static int
run_routine_name(const struct settings *set, int argc, char **argv)
{
	char *path = routine_find(argv[0]);
	int found = path != NULL;

	free(path);
	if (found && argc == 1) {
		char *start[] = { "start", argv[0], NULL };
		return cmd_start(set, 2, start);
	}
	warn("no command or routine '%s'; try '%s --help'", argv[0], progname);
	return EXIT_USAGE;
}

static void
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
		char syn[128];
		snprintf(syn, sizeof syn, "%s %s", c->name, c->args);
		if (strlen(syn) > 28)   /* a long synopsis gets a line of its own */
			fprintf(f, "  %s\n  %-28s %s\n", syn, "", c->summary);
		else
			fprintf(f, "  %-28s %s\n", syn, c->summary);
	}
	fprintf(f,
	    "\n"
	    "Options:\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "      --config FILE     read settings from FILE\n"
	    "      --history FILE    keep the history in FILE\n"
	    "      --no-color        no colours (also: NO_COLOR=1)\n"
	    "      --no-sound        no sound cues\n"
	    "\n"
	    "This program suggests exercises; it does not diagnose.  If your pain\n"
	    "is so bad you can hardly move, or comes with numbness, weakness or\n"
	    "trouble peeing, see a doctor before exercising.  See backcoach(1).\n");
}

static int
cmd_help(const struct settings *set, int argc, char **argv)
{
	(void)set;
	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	const struct command *c = command_find(argv[1]);
	if (c == NULL) {
		warn("no command '%s'; try '%s --help'", argv[1], progname);
		return EXIT_USAGE;
	}
	printf("usage: %s %s%s%s\n\n%s.\n", progname, c->name,
	    *c->args ? " " : "", c->args, c->summary);
	if (c->help)
		printf("\n%s\n", c->help);
	return 0;
}

/* The emergency number of the country the locale names (LC_ALL, else
 * LC_MESSAGES, else LANG), as POSIX orders them. */
static const char *
locale_emergency_number(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	char territory[3] = "";

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0') {
			safety_locale_territory(v, territory);
			break;
		}
	}
	return safety_emergency_number(territory);
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

	settings_defaults(set);
	set->file = o->config ? xstrdup(o->config) : settings_default_path();
	if (!skip_file)
		settings_load(set, set->file, o->config != NULL, &d);
	cmd_print_diags(&d);
	int fatal = d.nerrors > 0;
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
	if (set->emergency_number == NULL)
		set->emergency_number = xstrdup(locale_emergency_number());
	return fatal;
}

/* Reads the global options; returns the index of the first argument after
 * them, or -1 - the exit status when the program is done. */
static int
parse_options(int argc, char **argv, struct options *o)
{
	enum { OPT_CONFIG = 256, OPT_HISTORY, OPT_NO_COLOR, OPT_NO_SOUND };
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "history", required_argument, NULL, OPT_HISTORY },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
		{ "no-sound", no_argument, NULL, OPT_NO_SOUND },
		{ NULL, 0, NULL, 0 },
	};
	const char *nc = getenv("NO_COLOR");
	int c;

	o->no_color = nc != NULL && nc[0] != '\0';
	/* '+': stop at the command, whose own options follow it */
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return -1 - 0;
		case 'V':
			printf("backcoach %s\n", VERSION);
			return -1 - 0;
		case OPT_CONFIG:   o->config = optarg; break;
		case OPT_HISTORY:  o->history = optarg; break;
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_NO_SOUND: o->no_sound = true; break;
		default:
			usage(stderr);
			return -1 - EXIT_USAGE;
		}
	}
	return optind;
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
	int rc = c->run(set, argc, argv);

	if (rc == EXIT_USAGE)
		command_usage(c);
	return rc;
}

int
main(int argc, char **argv)
{
	struct options o = { 0 };
	struct settings set;
	int first = parse_options(argc, argv, &o), rc;

	if (first < 0)
		return flushed(-1 - first);
	argc -= first;
	argv += first;
	const struct command *cmd = argc > 0 ? command_find(argv[0]) : NULL;
	/* `check` reads no settings: it may be checking them */
	if (resolve_settings(&set, &o, cmd != NULL &&
	    strcmp(cmd->name, "check") == 0) != 0) {
		settings_free(&set);
		return 1;
	}
	if (argc == 0) {
		char *pick[] = { "pick", NULL };
		rc = cmd_pick(&set, 1, pick);
	} else if (cmd != NULL) {
		rc = run(cmd, &set, argc, argv);
	} else {
		rc = run_routine_name(&set, argc, argv);
	}
	settings_free(&set);
	return flushed(rc);
}
