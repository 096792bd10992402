/*
 * cmd_coach.c - the commands that coach: `start ROUTINE` (also `backcoach
 * ROUTINE`), the picker (`backcoach` alone), and the ice and heat pack
 * timers.  Each loads what it needs, saying what is wrong before the
 * screen changes, and hands the rest to the coach runner (coach.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "coach.h"
#include "plan.h"
#include "util.h"

int
cmd_start(const struct settings *set, int argc, char **argv)
{
	struct routine r;

	optind = 0;
	if (cmd_getopt(argc, argv, &cmd_no_opts) != -1 ||
	    cmd_operands(argc, argv, 1, 1, "ROUTINE") != 0)
		return EXIT_USAGE;
	if (cmd_load_routine(set, argv[optind], "starting", &r) != 0)
		return 1;
	int rc = coach_routine(set, &r, 0);
	routine_free(&r);
	return rc;
}

int
cmd_pick(const struct settings *set, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return EXIT_USAGE;
	return coach_picker(set);
}

struct pack {
	const char *cmd;        /* the command */
	const char *routine;    /* the routine it runs */
	int most;               /* minutes at most */
	const char *limit;      /* why no longer */
};

/* Ice: "never leave on for longer than 20 minutes" (Midlands Partnership
 * NHS, Safe use of cold treatment,
 * https://mpft.nhs.uk/services/msk/self-help/general-advice/safe-use-cold-treatment );
 * the source article's 30 is refused.  Heat: 15 to 20 minutes on a pad is
 * a safety convention (ACP 2017 recommends heat and gives no time). */
static const struct pack packs[] = {
	{ "ice", "ice-pack", 20, "the NHS says never longer than 20 minutes" },
	{ "heat", "heat-pack", 20, "15 to 20 minutes on a pad is the usual "
	  "safety limit" },
};

static const struct pack *
pack_find(const char *cmd)
{
	for (size_t i = 0; i < sizeof packs / sizeof packs[0]; i++)
		if (strcmp(packs[i].cmd, cmd) == 0)
			return &packs[i];
	return NULL;
}

/* MINUTES: a whole number from 1 to the pack's most; -1 otherwise. */
static int
parse_minutes(const struct pack *pk, const char *arg)
{
	char *end;
	long m;

	errno = 0;
	m = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || m < 1) {
		warn("%s: MINUTES must be a whole number from 1 to %d, not '%s'",
		    pk->cmd, pk->most, arg);
		return -1;
	}
	if (m > pk->most) {
		warn("%s: MINUTES must be from 1 to %d, not %ld: %s", pk->cmd,
		    pk->most, m, pk->limit);
		return -1;
	}
	return (int)m;
}

/* `ice [MINUTES]`, `heat [MINUTES]`: the bundled timer routine (or the
 * user's of the same id), its minutes changed within the limit; its
 * cautions are on its start card. */
int
cmd_pack(const struct settings *set, int argc, char **argv)
{
	const struct pack *pk = pack_find(argv[0]);
	struct routine r;
	int minutes = 0;

	optind = 0;
	if (pk == NULL || cmd_getopt(argc, argv, &cmd_no_opts) != -1 ||
	    cmd_operands(argc, argv, 0, 1, "MINUTES") != 0)
		return EXIT_USAGE;
	if (optind < argc && (minutes = parse_minutes(pk, argv[optind])) < 0)
		return EXIT_USAGE;
	if (cmd_load_routine(set, pk->routine, "starting", &r) != 0)
		return 1;
	if (r.nex != 1 || exercise_kind(&r.ex[0]) != EX_TIMER ||
	    r.ex[0].duration > pk->most * 60.0) {
		warn("%s: '%s' must be a single timer of at most %d minutes",
		    pk->cmd, pk->routine, pk->most);
		routine_free(&r);
		return 1;
	}
	if (minutes > 0)
		r.ex[0].duration = minutes * 60.0;
	int rc = coach_routine(set, &r, (int64_t)pk->most * 60 * NS_PER_SEC);
	routine_free(&r);
	return rc;
}
