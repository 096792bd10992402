/*
 * completion.c - `backcoach completion bash|zsh|fish`: the completion
 * script of each shell, written from the command table (commands.def),
 * so that a command, an option and what its words complete are said
 * once.  Routine ids are asked of the program itself when completing
 * (`backcoach list --ids`), so they are never out of date.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "commands.h"
#include "completion.h"
#include "util.h"
#include "words.h"

/* s, its lines joined by spaces, to go inside single quotes for sh and
 * zsh ('\''); with zsh's brackets escaped when brackets. */
static void
put_text(const char *s, bool brackets)
{
	for (; *s; s++) {
		if (*s == '\n')
			putchar(' ');
		else if (*s == '\'')
			fputs("'\\''", stdout);
		else if (brackets && (*s == '[' || *s == ']'))
			printf("\\%c", *s);
		else
			putchar(*s);
	}
}

/* Every command name and alias, space-separated. */
static void
put_names(void)
{
	for (const struct command *c = commands; c->name; c++)
		printf("%s%s%s%s", c == commands ? "" : " ", c->name,
		    *c->aliases ? " " : "", c->aliases);
}

/* "name | alias" for a case pattern. */
static void
put_pattern(const struct command *c, const char *sep)
{
	char buf[128];
	const char *w[8];
	int n = words_split(c->aliases, buf, sizeof buf, w, 8);

	printf("%s", c->name);
	for (int i = 0; i < n; i++)
		printf("%s%s", sep, w[i]);
}

/* --- bash -------------------------------------------------------------- */

static const char bash_add[] =
"# _backcoach_add PROGRAM WHAT CUR: adds to COMPREPLY the words WHAT names\n"
"# (commands.def): words as they are, @routine, @.EXT, @programme, @file, @command.\n"
"_backcoach_add()\n"
"{\n"
"\tlocal w\n"
"\tfor w in $2; do\n"
"\t\tcase $w in\n"
"\t\t@routine)\n"
"\t\t\tCOMPREPLY+=($(compgen -W \"$(\"$1\" list --ids 2>/dev/null)\" -- \"$3\"))\n"
"\t\t\t[[ $3 == */* || $3 == .* ]] &&\n"
"\t\t\t    COMPREPLY+=($(compgen -f -X '!*.cfg' -- \"$3\") $(compgen -d -- \"$3\"))\n"
"\t\t\t;;\n"
"\t\t@.*)\n"
"\t\t\t[[ $3 == */* || $3 == .* ]] &&\n"
"\t\t\t    COMPREPLY+=($(compgen -f -X \"!*${w#@}\" -- \"$3\"))\n"
"\t\t\t;;\n"
"\t\t@programme)\n"
"\t\t\tCOMPREPLY+=($(compgen -W \"$(\"$1\" programme list 2>/dev/null |\n"
"\t\t\t    awk '{ print $1 }')\" -- \"$3\"))\n"
"\t\t\t;;\n"
"\t\t@file) COMPREPLY+=($(compgen -f -- \"$3\")) ;;\n"
"\t\t@command) COMPREPLY+=($(compgen -W \"$_backcoach_commands\" -- \"$3\")) ;;\n"
"\t\t*) COMPREPLY+=($(compgen -W \"$w\" -- \"$3\")) ;;\n"
"\t\tesac\n"
"\tdone\n"
"}\n\n";

/* The case arms: each command's options and operands. */
static void
bash_commands(void)
{
	printf("\tcase $cmd in\n");
	for (const struct command *c = commands; c->name; c++) {
		printf("\t");
		put_pattern(c, " | ");
		printf(")\n\t\topts=\"");
		for (const struct cmd_opt *o = c->opts->v; o->name; o++)
			printf("--%s ", o->name);
		for (const struct global_opt *g = global_opts; g->o.name; g++)
			if (command_global_after(c, g))
				printf("--%s ", g->o.name);
		printf("\"\n\t\tops=\"%s\"\n", c->operands);
		printf("\t\t;;\n");
	}
	/* a routine (`backcoach ROUTINE`): the global options after it */
	printf("\t?*)\n\t\topts=\"");
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (g->shown && g->o.val != 'V')
			printf("--%s ", g->o.name);
	printf("\"\n\t\tops=\n\t\t;;\n\tesac\n");
}

/* The case arms of an option that takes an argument: what it completes
 * ("-": nothing). */
static void
bash_arg(const struct command *c, const struct cmd_opt *o)
{
	char names[160], buf[160];
	const char *w[9];
	int n;

	/* names unquoted ("*" a glob), the option quoted: new" --from" */
	snprintf(names, sizeof names, "%s %s", c ? c->name : "*",
	    c ? c->aliases : "");
	n = words_split(names, buf, sizeof buf, w, 9);
	for (int i = 0; i < n; i++) {
		printf("%s%s\" --%s\"", i ? " | " : "\t", w[i], o->name);
		if (*o->shortopt)
			printf(" | %s\" -%.1s\"", w[i], o->shortopt);
	}
	printf(") arg=\"%s\" ;;\n", *o->complete ? o->complete : "-");
}

static void
bash_args(void)
{
	printf("\tcase \"$cmd $prev\" in\n");
	for (const struct command *c = commands; c->name; c++)
		for (const struct cmd_opt *o = c->opts->v; o->name; o++)
			if (o->has_arg != no_argument)
				bash_arg(c, o);
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (g->o.has_arg != no_argument)
			bash_arg(NULL, &g->o);
	printf("\tesac\n");
}

static void
bash(void)
{
	printf("# bash completion for backcoach(1): commands, options, routine "
	    "ids, files.\n# Written by 'backcoach completion bash' from the "
	    "program's command table.\n\n_backcoach_commands=\"");
	put_names();
	printf("\"\n\n%s", bash_add);
	printf("_backcoach()\n{\n"
	    "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
	    "\tlocal bc=${COMP_WORDS[0]} cmd= i opts= ops= arg=\n"
	    "\tCOMPREPLY=()\n"
	    "\t# the command: the first word that is not an option or its argument\n"
	    "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	    "\t\tcase ${COMP_WORDS[i]} in\n\t\t");
	const char *sep = "";
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (g->o.has_arg == required_argument) {
			printf("%s--%s", sep, g->o.name);
			sep = " | ";
		}
	printf(") ((i++)) ;;\n"
	    "\t\t-*) ;;\n"
	    "\t\t*) cmd=${COMP_WORDS[i]}; break ;;\n"
	    "\t\tesac\n\tdone\n");
	bash_args();
	printf("\tif [[ -n $arg ]]; then\n"
	    "\t\t[[ $arg == - ]] || _backcoach_add \"$bc\" \"$arg\" \"$cur\"\n"
	    "\t\treturn\n\tfi\n"
	    "\tif [[ -z $cmd ]]; then\n\t\topts=\"");
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (g->shown)
			printf("%s%.1s%s--%s ", *g->o.shortopt ? "-" : "",
			    g->o.shortopt, *g->o.shortopt ? " " : "", g->o.name);
	printf("\"\n\t\tops=\"@command @routine\"\n\tfi\n");
	bash_commands();
	printf("\tif [[ $ops == *\" / \"* ]]; then\n"
	    "\t\t# FIRST / REST: the first operand, then the others\n"
	    "\t\tlocal n=0 j\n"
	    "\t\tfor ((j = i + 1; j < COMP_CWORD; j++)); do\n"
	    "\t\t\t[[ ${COMP_WORDS[j]} == -* ]] || ((n++))\n"
	    "\t\tdone\n"
	    "\t\tif ((n == 0)); then ops=${ops%%%% / *}; else ops=${ops#* / }; fi\n"
	    "\tfi\n"
	    "\tif [[ $cur == -* ]]; then\n"
	    "\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	    "\telse\n\t\t_backcoach_add \"$bc\" \"$ops\" \"$cur\"\n\tfi\n"
	    "}\ncomplete -F _backcoach backcoach\n");
}

/* --- zsh --------------------------------------------------------------- */

static const char zsh_add[] =
"# _backcoach_add WHAT...: the words WHAT names (commands.def): words as\n"
"# they are, @routine, @.EXT, @programme, @file, @command.\n"
"_backcoach_add() {\n"
"  local w ret=1\n"
"  local -a ids copts\n"
"  # what _arguments adds to an action's words: compadd's options\n"
"  zparseopts -D -E -a copts J: V: X: x: M: o: F: P: S: r: R: 1 2 n q Q\n"
"  for w in \"$@\"; do\n"
"    case $w in\n"
"    @routine)\n"
"      ids=(${(f)\"$(_call_program routines $_backcoach_prog list --ids 2>/dev/null)\"})\n"
"      compadd \"${copts[@]}\" -a ids && ret=0\n"
"      [[ $PREFIX == */* || $PREFIX == .* ]] && _files -g '*.cfg' && ret=0 ;;\n"
"    @.*) [[ $PREFIX == */* || $PREFIX == .* ]] && _files -g \"*${w#@}\" && ret=0 ;;\n"
"    @programme)\n"
"      ids=(${(f)\"$(_call_program programmes $_backcoach_prog programme list 2>/dev/null)\"})\n"
"      ids=(${ids%% *})\n"
"      compadd \"${copts[@]}\" -a ids && ret=0 ;;\n"
"    @file) _files && ret=0 ;;\n"
"    @command) _backcoach_commands && ret=0 ;;\n"
"    *) compadd \"${copts[@]}\" -- $w && ret=0 ;;\n"
"    esac\n"
"  done\n"
"  return ret\n"
"}\n\n";

/* One option for _arguments, in single quotes:
 * '(-f --figures)'{-f,--figures}'[help]' or '--since=[help]:DATE: ' */
static void
zsh_option(const struct cmd_opt *o)
{
	printf("    ");
	if (*o->shortopt)
		printf("'(-%.1s --%s)'{-%.1s,--%s}'", o->shortopt, o->name,
		    o->shortopt, o->name);
	else
		printf("'--%s%s", o->name, o->has_arg != no_argument ? "=" : "");
	printf("[");
	put_text(o->help, true);
	printf("]");
	if (o->has_arg != no_argument)
		printf(":%s:%s%s", o->arg, *o->complete ? "_backcoach_add " : " ",
		    o->complete);
	printf("' \\\n");
}

static void
zsh_name(const char *name, const struct command *c)
{
	printf("    '%s:", name);
	put_text(c->summary, false);
	printf("'\n");
}

/* _backcoach_commands: each name and alias with its summary. */
static void
zsh_commands(void)
{
	printf("_backcoach_commands() {\n  local -a cmds\n  cmds=(\n");
	command_each_name(zsh_name);
	printf("  )\n  _describe -t commands 'backcoach command' cmds\n}\n\n");
}

/* The _arguments of one command, after its name. */
static void
zsh_command(const struct command *c)
{
	printf("  ");
	put_pattern(c, "|");
	printf(")\n    _arguments -s \\\n");
	for (const struct cmd_opt *o = c->opts->v; o->name; o++)
		zsh_option(o);
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (command_global_after(c, g)) {
			struct cmd_opt o = g->o;
			o.shortopt = "";        /* after the command: long only */
			zsh_option(&o);
		}
	const char *rest = strstr(c->operands, " / ");
	if (rest != NULL)               /* FIRST / REST */
		printf("    '1: :_backcoach_add %.*s' \\\n    '*: :_backcoach_add %s' "
		    "\\\n", (int)(rest - c->operands), c->operands, rest + 3);
	else if (*c->operands)
		printf("    '*: :_backcoach_add %s' \\\n", c->operands);
	printf("      && ret=0\n    ;;\n");
}

static void
zsh(void)
{
	printf("#compdef backcoach\n# zsh completion for backcoach(1): commands, "
	    "options, routine ids, files.\n# Written by 'backcoach completion "
	    "zsh' from the program's command table.\n\n");
	zsh_commands();
	printf("%s", zsh_add);
	printf("_backcoach() {\n"
	    "  local curcontext=$curcontext state line ret=1\n"
	    "  typeset -A opt_args\n"
	    "  _backcoach_prog=${words[1]}\n"
	    "  _arguments -C \\\n");
	for (const struct global_opt *g = global_opts; g->o.name; g++)
		if (g->shown)
			zsh_option(&g->o);
	printf("    '1: :->command' \\\n    '*:: :->args' && ret=0\n"
	    "  case $state in\n"
	    "  command) _backcoach_add @command @routine && ret=0 ;;\n"
	    "  args)\n"
	    "    curcontext=${curcontext%%:*:*}:backcoach-$words[1]:\n"
	    "    case $words[1] in\n");
	for (const struct command *c = commands; c->name; c++)
		zsh_command(c);
	printf("    esac\n    ;;\n  esac\n  return ret\n}\n\n"
	    "_backcoach \"$@\"\n");
}

int
cmd_completion(const struct settings *set, int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*write)(void);
	} shells[] = { { "bash", bash }, { "zsh", zsh },
		{ "fish", completion_fish } };

	(void)set;
	optind = 0;
	if (cmd_getopt(argc, argv, &cmd_no_opts) != -1 ||
	    cmd_operands(argc, argv, 1, 1, "SHELL") != 0)
		return EXIT_USAGE;
	for (size_t i = 0; i < sizeof shells / sizeof *shells; i++)
		if (strcmp(argv[optind], shells[i].name) == 0) {
			shells[i].write();
			return 0;
		}
	warn("completion: no shell '%s': bash, zsh or fish",
	    cmd_safe(argv[optind]));
	return EXIT_USAGE;
}
