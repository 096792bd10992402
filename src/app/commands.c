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

static int cmd_help(const struct settings *set, int argc, char **argv);

static const struct command commands[] = {
	{ "start", cmd_start, &cmd_no_opts, "ROUTINE",
	  "coach a routine full-screen, at once",
	  "ROUTINE is an id (see 'backcoach list') or a path to a .cfg file;\n"
	  "'backcoach ROUTINE' does the same when ROUTINE is no command name.\n"
	  "Without a command, backcoach shows a picker of every routine.\n"
	  "Press ? during a session for the keys (backcoach(1), KEYS)." },
	{ "list", cmd_list, &cmd_no_opts, "",
	  "list every routine: id, name, time and file",
	  "Lists the user's routines and the bundled ones; a user routine with\n"
	  "the id of a bundled one is used instead of it, and says so." },
	{ "show", cmd_show, &cmd_show_opts, "[--figures] ROUTINE",
	  "print a routine's plan, step by step, with its total time",
	  "ROUTINE is an id (see 'backcoach list') or a path to a .cfg file.\n"
	  "  -f, --figures   print each exercise's figure instead: every frame,\n"
	  "                  labelled (in ASCII when the locale is not UTF-8)" },
	{ "check", cmd_check, &cmd_check_opts, "[-q] ROUTINE...",
	  "validate routines (or settings: --config); FILE:LINE: problems",
	  "A FILE ending in .fig is checked as a figure (backcoach-routine(5)).\n"
	  "Exit status 0 when every routine is valid, 1 when any has an error,\n"
	  "2 on a usage error.  Warnings (an unknown setting) do not fail.\n"
	  "'check --config [FILE]' checks a settings file instead: FILE, else\n"
	  "the one --config names, else ~/.config/backcoach/config (when that\n"
	  "one is missing, the defaults apply: exit 0).  There any problem\n"
	  "fails the check; at start-up it is only a warning, and the setting\n"
	  "keeps its default.\n"
	  "  -q, --quiet   print only problems" },
	{ "edit", cmd_edit, &cmd_no_opts, "ROUTINE",
	  "edit a routine in $VISUAL or $EDITOR; saved only when valid",
	  "Opens a private copy of ROUTINE in your editor ($VISUAL, else $EDITOR,\n"
	  "else editor or vi).  When you quit, the copy is checked as 'check'\n"
	  "does: with errors, you are asked to edit again (answer n to give up,\n"
	  "keeping the routine as it was); valid, it replaces the routine\n"
	  "atomically.  A bundled routine is never changed: your edit is saved\n"
	  "as your own copy in ~/.config/backcoach/routines, used instead of it." },
	{ "new", cmd_new, &cmd_new_opts, "NAME [--from ROUTINE]",
	  "write a new routine of yours, from a template or a copy",
	  "Starts from a commented template (or a copy of ROUTINE) and edits it\n"
	  "as 'edit' does; it is saved as ~/.config/backcoach/routines/NAME.cfg.\n"
	  "NAME is letters, digits, '-' and '_'.  Never overwrites a routine;\n"
	  "leaving the editor without a change creates nothing.\n"
	  "  -f, --from ROUTINE   start from a copy of ROUTINE" },
	{ "history", cmd_history, &cmd_history_opts,
	  "[--since DATE] [--until DATE] [--routine ID] [--limit N] [--reverse] "
	  "[--format F]",
	  "print the recorded sessions: table, tsv, csv or json",
	  "Reads the history file (see FILES in backcoach(1)); never changes it.\n"
	  "Sessions are printed in time order, oldest first, whatever the order\n"
	  "of the file (two machines' histories put together).\n"
	  "  --since DATE    only sessions started on or after DATE (YYYY-MM-DD)\n"
	  "  --until DATE    only sessions started on or before DATE\n"
	  "  --routine ID    only sessions of this routine\n"
	  "  --limit N       only the last N sessions (of those)\n"
	  "  --reverse       newest first\n"
	  "  --format F      table (default), tsv, csv (RFC 4180, CRLF) or json\n"
	  "Every format carries every field, the exercises included.  A malformed\n"
	  "line is reported as FILE:LINE and skipped." },
	{ "stats", cmd_stats, &cmd_stats_opts, "[--weeks N]",
	  "weekly sessions and minutes, streaks, routines, pain trend",
	  "  --weeks N       chart the last N weeks (default 8, at most 520)\n"
	  "A streak counts days in a row with a completed session; it is current\n"
	  "while it reaches today or yesterday.  A pain change of 2 points and\n"
	  "30 % of the starting score, both, is called meaningful.  Stops, packs\n"
	  "and sessions with nothing done are counted apart." },
	{ "report", cmd_report, &cmd_report_opts,
	  "[--since DATE | --weeks N] [--format F] [-o FILE] "
	  "[--include-risk-factors]",
	  "a page on a period for your physiotherapist, to print",
	  "Sums up the history of a period (default: the last 6 weeks, this one\n"
	  "included): routines followed and their sources, a calendar of the\n"
	  "days, sessions and minutes each week, pain before and after and the\n"
	  "next morning, with the meaningful-change band, pain reported during\n"
	  "sessions, dose changes, red-flag answers and notes, newest first.\n"
	  "  --since DATE    from DATE (YYYY-MM-DD) to today\n"
	  "  --weeks N       the last N weeks, this one included (at most 530)\n"
	  "  --format F      html (default): one self-contained page that prints\n"
	  "                  on A4 or Letter; text (80 columns); json\n"
	  "  -o, --output FILE  write to FILE ('-': standard output); without\n"
	  "                  it, html goes to backcoach-report-FROM-to-TO.html in\n"
	  "                  the current directory, text and json to stdout\n"
	  "  --include-risk-factors  add the risk factors you declared (private)\n"
	  "Exit status 1 when the history holds no session." },
	{ "progress", cmd_progress, &cmd_progress_opts, "[--apply] ROUTINE",
	  "the dose of each exercise, and the next step from your history",
	  "Shows each exercise's dose and its limits, the changes made so far,\n"
	  "the sessions the rule reads, and the next step with its reason: one\n"
	  "more rep per set after two good sessions and a morning no worse, one\n"
	  "step back after a hard one.\n"
	  "  --apply   make that step: the routine (your copy of a bundled one)\n"
	  "            is changed, within its reps_max and hold_max only" },
	{ "programme", cmd_programme, &cmd_no_opts,
	  "[list | show ID | start ID | stop | status | next]",
	  "a programme over weeks: which routine on which day",
	  "  list        the programmes, yours and the bundled ones (yours\n"
	  "              used where both have an id)\n"
	  "  show ID     its weeks: the routine of each day, rest days, dose,\n"
	  "              sources\n"
	  "  start ID    start it at week 1 from today (a flare-up programme\n"
	  "              started over another goes back to it when it ends;\n"
	  "              the one that runs: stop it first)\n"
	  "  stop        stop it; the history stays as it is\n"
	  "  status      where it stands (the default)\n"
	  "  next        move on to the next week, once this one's sessions are\n"
	  "              done and it has had its 7 days (the picker asks too)\n"
	  "One session a day counts, so missed days never double up; a week\n"
	  "without a session starts the week again; a flare (a session stopped\n"
	  "for pain, pain above 5, a worse next morning) steps back a week.\n"
	  "Programme files: backcoach-programme(5)." },
	{ "today", cmd_today, &cmd_no_opts, "",
	  "what today holds in the programme, and whether it is done",
	  "Prints the programme's week and day, today's routine (or what to do\n"
	  "on a rest day), the dose and the week's sessions so far.\n"
	  "Exit status: 0 done, or a rest day; 1 not done yet; 3 no programme\n"
	  "runs; 4 the programme or its state cannot be read." },
	{ "remind", cmd_remind, &cmd_remind_opts,
	  "[--at HH:MM [--days DAYS] | --off]",
	  "a daily reminder: a systemd user timer that runs 'notify'",
	  "  --at HH:MM    write ~/.config/systemd/user/backcoach-reminder.timer\n"
	  "                and .service (Persistent=true: a reminder missed while\n"
	  "                the computer was off comes when it is next on) and\n"
	  "                enable them (systemctl --user, when a user manager runs)\n"
	  "  --days DAYS   only on these days: mon-fri, sat,sun, mon,wed,fri\n"
	  "  --off         remove exactly those files\n"
	  "Without options: the reminder set, if any.  Without systemd, prints\n"
	  "the crontab line that does the same." },
	{ "notify", cmd_notify, &cmd_no_opts, "",
	  "a desktop notification of today's routine (what 'remind' runs)",
	  "Shows today's routine and its time, and the day and week, through\n"
	  "the desktop's notification server (libnotify), with an action Start\n"
	  "that opens $TERMINAL when it is set and the server has actions.\n"
	  "Quiet when no programme runs, today is done or a rest day, or it has\n"
	  "shown today already.  Without a session bus: exit status 1." },
	{ "ice", cmd_pack, &cmd_no_opts, "[MINUTES]",
	  "time an ice pack (20 minutes at most)",
	  "Runs the ice-pack routine after showing its caution: wrapped in a\n"
	  "cloth, never on bare skin; at most 20 minutes, then 2 to 3 hours\n"
	  "before the next (Mersey Care NHS)." },
	{ "heat", cmd_pack, &cmd_no_opts, "[MINUTES]",
	  "time a heat pack (15 minutes; at most 20)",
	  "Runs the heat-pack routine after showing its caution: a medium\n"
	  "setting over a layer of fabric; never sleep on a plug-in pad; not on\n"
	  "numb skin; not after a blow or a fall." },
	{ "sound-test", cmd_sound_test, &cmd_sound_test_opts, "[--theme NAME] [--speech] [CUE...]",
	  "play every sound cue with its name, to check the sound set-up",
	  "Plays each cue (get ready, countdown, start, tempo phases, relax, rest,\n"
	  "switch sides, exercise/session done, timer done, warning) and\n"
	  "prints its name and sound-theme event id as it sounds; with CUE\n"
	  "names (ready, tick-3, go, go-1, phase-1, rest, session-done, ...),\n"
	  "only those.\n"
	  "  --speech           speak a sample phrase as a session would (speech,\n"
	  "                     voice and speech_rate settings)\n"
	  "  -t, --theme NAME   the sound theme: backcoach (tones), backcoach-voice\n"
	  "                     (spoken) or any installed freedesktop sound theme\n"
	  "Exit status 1, with the reason, when there is no sound (with no sound\n"
	  "server, what to check) or the theme is not installed." },
	{ "help", cmd_help, &cmd_no_opts, "[COMMAND]",
	  "show help for backcoach or for one command",
	  NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL },
};

const struct command *
command_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* After a usage error: the command's usage line, on stderr. */
void
command_usage(const struct command *c)
{
	fprintf(stderr, "usage: %s %s%s%s\n", progname, c->name,
	    *c->args ? " " : "", c->args);
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

	for (const struct command *c = commands; c->name; c++)
		suggest_try(&sg, name, c->name);
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
	    "This program suggests exercises; it does not diagnose.\n\n");
	char signs[4096];
	safety_help_list(signs, sizeof signs);
	fprintf(f, "%s\nSee backcoach(1), SAFETY.\n", signs);
}

/* `backcoach help NAME`, `backcoach NAME --help`. */
void
command_help(const struct command *c)
{
	printf("usage: %s %s%s%s\n\n%s.\n", progname, c->name,
	    *c->args ? " " : "", c->args, c->summary);
	if (c->help)
		printf("\n%s\n", c->help);
}

static int
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
		for (c = commands; c->name; c++)
			suggest_try(&sg, argv[optind], c->name);
		warn("help: no command '%s'%s%s%s", argv[optind],
		    sg.best ? " (did you mean '" : "", sg.best ? sg.best : "",
		    sg.best ? "'?)" : "");
		return EXIT_USAGE;
	}
	command_help(c);
	return 0;
}
