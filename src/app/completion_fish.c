/*
 * completion_fish.c - `backcoach completion fish` (completion.h): fish's
 * completions written from the command table, as completion.c writes
 * bash's and zsh's.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "completion.h"

/* s, its lines joined by spaces, in single quotes for fish (\' and
 * \\). */
static void
put_fish(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			putchar('\\');
		putchar(*s == '\n' ? ' ' : *s);
	}
	putchar('\'');
}

/* --- fish -------------------------------------------------------------- */

static const char fish_funcs[] =
"# The words before the cursor that are neither options nor their\n"
"# arguments: the command, then its operands.\n"
"function __backcoach_words\n"
"    set -l skip 0\n"
"    for w in (commandline -opc)[2..-1]\n"
"        if test $skip = 1\n"
"            set skip 0\n"
"            continue\n"
"        end\n"
"        switch $w\n"
"            case --config --history\n"
"                set skip 1\n"
"            case '-*'\n"
"            case '*'\n"
"                echo $w\n"
"        end\n"
"    end\n"
"end\n\n"
"# The command word, or nothing (false) before it.\n"
"function __backcoach_cmd\n"
"    set -l w (__backcoach_words)\n"
"    test (count $w) -gt 0; and echo $w[1]\n"
"end\n\n"
"# Whether the command has that many operands before the word.\n"
"function __backcoach_nargs\n"
"    test (math (count (__backcoach_words)) - 1) = $argv[1]\n"
"end\n\n"
"# Whether the command is one of the arguments.\n"
"function __backcoach_in\n"
"    contains -- (__backcoach_cmd) $argv\n"
"end\n\n"
"# The words its arguments name (commands.def): words as they are,\n"
"# @routine, @.EXT, @programme, @file, @command.\n"
"function __backcoach_add\n"
"    set -l tok (commandline -ct)\n"
"    set -l bc (commandline -opc)[1]\n"
"    for w in $argv\n"
"        switch $w\n"
"            case @routine\n"
"                $bc list --ids 2>/dev/null\n"
"                string match -q -r '/|^\\.' -- $tok; and __fish_complete_suffix .cfg\n"
"            case '@.*'\n"
"                string match -q -r '/|^\\.' -- $tok\n"
"                and __fish_complete_suffix (string sub -s 2 -- $w)\n"
"            case @programme\n"
"                $bc programme list 2>/dev/null | string replace -r ' .*' ''\n"
"            case @file\n"
"                __fish_complete_path $tok\n"
"            case @command\n"
"                __backcoach_commands\n"
"            case '*'\n"
"                echo $w\n"
"        end\n"
"    end\n"
"end\n\n";

static void
fish_name(const char *name, const struct command *c)
{
	printf("    printf '%%s\\t%%s\\n' %s ", name);
	put_fish(c->summary);
	printf("\n");
}

/* One option of a command (cond: its condition). */
static void
fish_option(const char *cond, const struct cmd_opt *o)
{
	printf("complete -c backcoach -n '%s'", cond);
	if (*o->shortopt)
		printf(" -s %.1s", o->shortopt);
	printf(" -l %s", o->name);
	if (o->has_arg != no_argument) {
		if (strcmp(o->complete, "@file") == 0)
			printf(" -r -F");
		else if (*o->complete == '@')
			printf(" -x -a '(__backcoach_add %s)'", o->complete);
		else
			printf(" -x -a '%s'", o->complete);
	}
	printf(" -d ");
	put_fish(o->help);
	printf("\n");
}

/* A command's options and operands. */
static void
fish_command(const struct command *c)
{
	char cond[160];

	snprintf(cond, sizeof cond, "__backcoach_in %s%s%s", c->name,
	    *c->aliases ? " " : "", c->aliases);
	for (const struct cmd_opt *o = c->opts->v; o->name; o++)
		fish_option(cond, o);
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (command_global_after(c, g)) {
			struct cmd_opt o = g->o;
			o.shortopt = "";        /* after the command: long only */
			fish_option(cond, &o);
		}
	const char *rest = strstr(c->operands, " / ");
	if (rest != NULL) {             /* FIRST / REST */
		printf("complete -c backcoach -n '%s; and __backcoach_nargs 0' "
		    "-a '(__backcoach_add %.*s)'\n", cond,
		    (int)(rest - c->operands), c->operands);
		printf("complete -c backcoach -n '%s; and not __backcoach_nargs 0' "
		    "-a '(__backcoach_add %s)'\n", cond, rest + 3);
	} else if (*c->operands) {
		printf("complete -c backcoach -n '%s' -a '(__backcoach_add %s)'\n",
		    cond, c->operands);
	}
}

void
completion_fish(void)
{
	printf("# fish completion for backcoach(1): commands, options, routine "
	    "ids, files.\n# Written by 'backcoach completion fish' from the "
	    "program's command table.\n\n%s", fish_funcs);
	printf("function __backcoach_commands\n");
	command_each_name(fish_name);
	printf("end\n\ncomplete -c backcoach -f\n");
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (g->shown)
			fish_option("not __backcoach_cmd", &g->o);
	printf("complete -c backcoach -n 'not __backcoach_cmd' "
	    "-a '(__backcoach_add @command @routine)'\n");
	for (const struct command *c = commands; c->name; c++)
		fish_command(c);
}

