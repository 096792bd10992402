/*
 * commands.h - the command table (commands.def): each command's name,
 * aliases, synopsis, words and options, and the help, usage and
 * did-you-mean messages made from it.  The handlers are called from
 * main.c, which makes its own array of them from the same rows, so that
 * this module links none of them.
 */
#ifndef BACKCOACH_COMMANDS_H
#define BACKCOACH_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

#include "cmd.h"

/* getopt_long's values of the global options that have no short form. */
enum { OPT_CONFIG = 256, OPT_HISTORY, OPT_NO_COLOR, OPT_NO_SOUND };

struct command {
	const char *name;
	const char *aliases;    /* other names, space-separated, or "" */
	const char *synopsis;   /* after the name; "\n" before another form */
	const char *summary;    /* one line, for --help */
	const char *help;       /* the rest of `backcoach help NAME`, or NULL */
	const char *operands;   /* what they complete (commands.def) */
	const struct cmd_opts *opts;
};

/* The global options (GLOBAL_OPTS in commands.def), described: the
 * last has a NULL name.  shown: whether --help lists it. */
struct global_opt {
	struct cmd_opt o;
	bool shown;
};
extern const struct global_opt global_opts[];

/* Every command, in the table's order; the last has a NULL name. */
extern const struct command commands[];

/* Whether command c has an option of that long name. */
bool command_has_option(const struct command *c, const char *name);
/* Whether global option g is offered after command c: the ones --help
 * shows but --version, unless c has an option of that name. */
bool command_global_after(const struct command *c, const struct global_opt *g);
/* Calls fn with each command's name, then each of its aliases. */
void command_each_name(void (*fn)(const char *name, const struct command *c));

/* The command of that name or alias, or NULL. */
const struct command *command_find(const char *name);
/* The whole help (`backcoach --help`) to f. */
void usage(FILE *f);
/* `backcoach help NAME`: its usage, summary and help, to stdout. */
void command_help(const struct command *c);
/* After a usage error: "usage: backcoach NAME ARGS" on stderr. */
void command_usage(const struct command *c);
/* After a usage error of the program's own: "Try 'backcoach --help'." */
void usage_hint(void);
/* `backcoach NAME` where NAME is neither a command nor a routine: said,
 * with the command or routine id nearest to it (a name it begins, or
 * one within 2 edits), and the hint.  Returns the exit status, 2. */
int no_such(const char *name);

#endif
