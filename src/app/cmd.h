/*
 * cmd.h - the subcommands, one function each: `backcoach NAME ARGS...`.
 *
 * Each gets argv with argv[0] the command name, returns the exit status
 * (0 success, 1 failure, 2 usage error) and prints its own messages.
 */
#ifndef BACKCOACH_CMD_H
#define BACKCOACH_CMD_H

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *args;       /* synopsis after the name */
	const char *summary;    /* one line, for --help */
	const char *help;       /* the rest of `backcoach help NAME` */
};

extern const struct command commands[];
const struct command *command_find(const char *name);
/* Prints "usage: backcoach NAME ARGS" for cmd to stderr and returns 2. */
int command_usage(const char *name);

/* Global options, set by main() before a command runs. */
struct options {
	const char *config;     /* --config FILE, or NULL */
	const char *history;    /* --history FILE, or NULL */
	int no_color;           /* --no-color or NO_COLOR */
	int no_sound;           /* --no-sound */
};
extern struct options opts;

struct diags;
struct routine;
/* Prints each diagnostic as "FILE:LINE: error: message" on stderr. */
void cmd_print_diags(const struct diags *d);
/* Finds routine `name` (an id or a path) and loads it, printing its
 * problems; returns 0, or 1 after saying why it is not `verb` it. */
int cmd_load_routine(const char *name, const char *verb, struct routine *r);

int cmd_check(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_edit(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_pack(int argc, char **argv);
/* coach.c: `start ROUTINE`, and the picker (no command). */
int cmd_start(int argc, char **argv);
int cmd_pick(int argc, char **argv);
int cmd_sound_test(int argc, char **argv);

#endif
