/*
 * cmd_coach.c - the commands that coach: `start ROUTINE` (also `backcoach
 * ROUTINE`), the picker (`backcoach` alone), and the ice and heat pack
 * timers.  Each loads what it needs, saying what is wrong before the
 * screen changes, and hands the rest to the coach runner (coach.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "coach.h"
#include "util.h"

int
cmd_start(const struct settings *set, int argc, char **argv)
{
	struct routine r;

	if (argc != 2)
		return EXIT_USAGE;
	if (cmd_load_routine(set, argv[1], "starting", &r) != 0)
		return 1;
	int rc = coach_routine(set, &r, NULL);
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
	int usual;              /* minutes guidance agrees on, at most */
	int most;               /* minutes accepted at all */
	const char *longer;     /* caution for usual < minutes <= most */
	const char *limit;      /* why no longer than `most` */
};

/* Ice: the source article suggests 30 minutes; most guidance caps ice at
 * 20 (Mersey Care NHS, https://www.merseycare.nhs.uk/physiotherapy/
 * protection-rest-ice).  Heat: 15 to 20 minutes per area on a pad is a
 * safety convention (ACP 2017 gives no duration). */
static const struct pack packs[] = {
	{ "ice", "ice-pack", 20, 30,
	  "Longer than the usual 20 minutes: the source article suggests 30, "
	  "but most guidance caps ice at 20. Check your skin every few "
	  "minutes and take the pack off if it burns, stings or goes numb.",
	  "most guidance caps ice at 20 minutes" },
	{ "heat", "heat-pack", 20, 20, NULL,
	  "guidance is 15 to 20 minutes per area" },
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
		warn("%s: '%s' is not a number of minutes", pk->cmd, arg);
		return -1;
	}
	if (m > pk->most) {
		warn("%s: at most %d minutes: %s", pk->cmd, pk->most, pk->limit);
		return -1;
	}
	return (int)m;
}

/* `ice [MINUTES]`, `heat [MINUTES]`: the bundled timer routine (or the
 * user's of the same id), its minutes changed within the limits, after
 * its caution. */
int
cmd_pack(const struct settings *set, int argc, char **argv)
{
	const struct pack *pk = pack_find(argv[0]);
	struct routine r;
	int minutes = 0;

	if (pk == NULL || argc > 2)
		return EXIT_USAGE;
	if (argc == 2 && (minutes = parse_minutes(pk, argv[1])) < 0)
		return EXIT_USAGE;
	if (cmd_load_routine(set, pk->routine, "starting", &r) != 0)
		return 1;
	if (r.nex != 1 || exercise_kind(&r.ex[0]) != EX_TIMER) {
		warn("%s: '%s' must be a single timer", pk->cmd, pk->routine);
		routine_free(&r);
		return 1;
	}
	if (minutes > 0)
		r.ex[0].duration = minutes * 60.0;
	char *text = xasprintf("%s%s%s", r.caution ? r.caution : "",
	    minutes > pk->usual ? "\n\n" : "", minutes > pk->usual ? pk->longer : "");
	int rc = coach_routine(set, &r, text);
	free(text);
	routine_free(&r);
	return rc;
}
