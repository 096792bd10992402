/*
 * cmd.h - the subcommands, one function each: `backcoach NAME ARGS...`,
 * and what they share.
 *
 * Each gets the settings main() resolved (the file, then the command
 * line) and argv with argv[0] the command name; it returns the exit
 * status: 0 success, 1 failure, 2 a usage error, after which main()
 * prints the command's usage.  Commands print their own messages, through
 * warn() and cmd_print_diags(); nothing below this layer prints.
 */
#ifndef BACKCOACH_CMD_H
#define BACKCOACH_CMD_H

#include <stdbool.h>

#include "diag.h"
#include "routine.h"
#include "settings.h"

#define EXIT_USAGE 2
#define EXIT_TODAY_NONE   3     /* `today`: no programme runs */
#define EXIT_TODAY_BROKEN 4     /* `today`: its state cannot be read */

struct option;

/* One option of a command, as its row in commands.def describes it. */
struct cmd_opt {
	int val;                /* what getopt_long returns for it */
	const char *shortopt;   /* "q", "t:", or "": no short form */
	const char *name;       /* the long name, without "--" */
	int has_arg;            /* no_argument, required_argument, ... */
	const char *arg;        /* the argument's name: "FILE" */
	const char *complete;   /* what the argument completes (commands.def) */
	const char *help;       /* a line of help ("\n" for more) */
};

/* A command's options, as getopt_long takes them (main() reads them to
 * tell the command's options from the global ones written after it), and
 * described, for the help and the completions.  All made from
 * commands.def: cmd_<id>_opts. */
struct cmd_opts {
	const char *shorts;             /* "s:r:f:" */
	const struct option *longs;
	const struct cmd_opt *v;        /* ends with a NULL name */
};
extern const struct cmd_opts cmd_no_opts;

/* Every command's options and handler, from its row in commands.def. */
#define CMD(id, name, aliases, handler, synopsis, summary, operands, OPTS, \
	    help) \
	extern const struct cmd_opts cmd_##id##_opts; \
	int handler(const struct settings *set, int argc, char **argv);
#include "commands.def"
#undef CMD
int cmd_pick(const struct settings *set, int argc, char **argv);

/*
 * getopt_long over a command's arguments (argv[0] its name), with
 * options allowed after the other arguments (GNU getopt's permutation).
 * Set optind = 0 before the first call.  An unknown option, or one
 * without its argument, is said as "backcoach: NAME: ..." and returned
 * as '?': return EXIT_USAGE then.
 */
int cmd_getopt(int argc, char **argv, const struct cmd_opts *o);
/* Says what is wrong with the option getopt_long (opterr 0, optstring
 * starting with ':') just returned c, '?' or ':', for: "backcoach: [who:
 * ]unrecognized option '--x'", "... option '--since' needs an argument",
 * "... option '--quiet' takes no argument". */
void cmd_option_error(const char *who, int c, char **argv);
/* After the options: between min and max arguments (what names them, for
 * "ROUTINE is missing"); 0, or EXIT_USAGE after saying what is wrong. */
int cmd_operands(int argc, char **argv, int min, int max, const char *what);
/* A command that takes no option and no operand: 0, or EXIT_USAGE after
 * saying what was given. */
int cmd_no_args(int argc, char **argv);
/* "no routine 'x' (did you mean 'y'?)" or "... (try 'backcoach list')". */
void cmd_no_routine(const char *who, const char *name);
/* The known routine id nearest to name (words.h), or NULL; malloc'd. */
char *cmd_routine_suggest(const char *name);

/* Prints each diagnostic on stderr: "FILE:LINE: error: message", or
 * "backcoach: message" (an error) and "backcoach: warning: message" for
 * one without a file. */
void cmd_print_diags(const struct diags *d);
/* "QUESTION [Y/n] " on stderr, an answer read from stdin: 1 for yes
 * (Enter alone too), 0 for no or the end of input. */
int cmd_ask_yes(const char *question);
/* s escaped for a terminal (text_escape): for printing anything that came
 * from a file or a command line.  Good until eight more calls. */
const char *cmd_safe(const char *s);
/* s escaped (cmd_safe), then fitted to exactly cols display columns
 * (text_fit: cut with an ellipsis, padded; right: right-aligned), for a
 * column of a table.  Good until eight more calls of either. */
const char *cmd_col(const char *s, int cols, bool right);
/* Whether the locale (LC_CTYPE, from the environment) is UTF-8: when
 * not, figures are printed in ASCII. */
bool cmd_utf8(void);
/* Finds routine `name` (an id or a path) and loads it with the settings
 * applied, printing its problems; returns 0, or 1 after saying why it is
 * not `verb` it. */
int cmd_load_routine(const struct settings *set, const char *name,
    const char *verb, struct routine *r);
/* Edits a routine as `backcoach edit` does (cmd_edit.c), for the picker. */
int cmd_edit_routine(const char *id_or_path);

/* `show --script`: the cues of routine r, one a line, with the words
 * spoken in mode m (cmd_script.c). */
int cmd_show_script(const struct settings *set, const struct routine *r,
    enum speech_mode m);

/* `check FILE.programme`: 1 when it has an error (cmd_programme.c). */
int cmd_check_programme(const char *path, int quiet);

#endif
