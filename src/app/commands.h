/*
 * commands.h - the command table: each command's name, function, options
 * and words, and the help and usage messages made from it.
 */
#ifndef BACKCOACH_COMMANDS_H
#define BACKCOACH_COMMANDS_H

#include <stdio.h>

#include "cmd.h"

struct command {
	const char *name;
	int (*run)(const struct settings *set, int argc, char **argv);
	const struct cmd_opts *opts;    /* its options (main tells them from
	                                   the global ones after it) */
	const char *args;       /* synopsis after the name */
	const char *summary;    /* one line, for --help */
	const char *help;       /* the rest of `backcoach help NAME` */
};

/* The command of that name, or NULL. */
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
 * with the command or routine id nearest to it, and the hint.  Returns
 * the exit status, 2. */
int no_such(const char *name);

#endif
