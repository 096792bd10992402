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

/* Prints each diagnostic on stderr: "FILE:LINE: error: message", or
 * "backcoach: message" (an error) and "backcoach: warning: message" for
 * one without a file. */
void cmd_print_diags(const struct diags *d);
/* s escaped for a terminal (text_escape): for printing anything that came
 * from a file or a command line.  Good until eight more calls. */
const char *cmd_safe(const char *s);
/* s escaped (cmd_safe), then fitted to exactly cols display columns
 * (text_fit: cut with an ellipsis, padded; right: right-aligned), for a
 * column of a table.  Good until eight more calls of either. */
const char *cmd_col(const char *s, int cols, bool right);
/* Finds routine `name` (an id or a path) and loads it with the settings
 * applied, printing its problems; returns 0, or 1 after saying why it is
 * not `verb` it. */
int cmd_load_routine(const struct settings *set, const char *name,
    const char *verb, struct routine *r);
/* Edits a routine as `backcoach edit` does (cmd_edit.c), for the picker. */
int cmd_edit_routine(const char *id_or_path);

int cmd_check(const struct settings *set, int argc, char **argv);
int cmd_list(const struct settings *set, int argc, char **argv);
int cmd_show(const struct settings *set, int argc, char **argv);
int cmd_edit(const struct settings *set, int argc, char **argv);
int cmd_new(const struct settings *set, int argc, char **argv);
int cmd_history(const struct settings *set, int argc, char **argv);
int cmd_stats(const struct settings *set, int argc, char **argv);
int cmd_start(const struct settings *set, int argc, char **argv);
int cmd_pick(const struct settings *set, int argc, char **argv);
int cmd_pack(const struct settings *set, int argc, char **argv);
int cmd_sound_test(const struct settings *set, int argc, char **argv);

#endif
