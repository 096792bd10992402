/*
 * cmd_pack.c - `backcoach ice [MINUTES]` and `backcoach heat [MINUTES]`:
 * ice and heat pack timers.
 *
 * Each runs a bundled timer routine (ice-pack, heat-pack; a user routine
 * of the same id is used instead), its minutes optionally changed within
 * the limits CONTENT.md gives, after showing its caution.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "coach.h"
#include "sig.h"
#include "ui.h"
#include "util.h"

struct pack {
	const char *cmd;        /* the command */
	const char *routine;    /* the routine it runs */
	int usual;              /* minutes guidance agrees on, at most */
	int most;               /* minutes accepted at all */
	const char *longer;     /* caution for usual < minutes <= most */
	const char *limit;      /* why no longer than `most` */
};

/* CONTENT.md, "Ice, heat, water". */
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
		fprintf(stderr, "%s: %s: '%s' is not a number of minutes\n",
		    progname, pk->cmd, arg);
		return -1;
	}
	if (m > pk->most) {
		fprintf(stderr, "%s: %s: at most %d minutes: %s\n", progname,
		    pk->cmd, pk->most, pk->limit);
		return -1;
	}
	return (int)m;
}

int
cmd_pack(int argc, char **argv)
{
	const struct pack *pk = pack_find(argv[0]);
	struct routine r;
	int minutes = 0;

	if (pk == NULL || argc > 2)
		return command_usage(argv[0]);
	if (argc == 2 && (minutes = parse_minutes(pk, argv[1])) < 0)
		return 2;
	sig_init();
	if (cmd_load_routine(pk->routine, "starting", &r) != 0)
		return 1;
	if (r.nex != 1 || exercise_kind(&r.ex[0]) != EX_TIMER) {
		fprintf(stderr, "%s: %s: '%s' must be a single timer\n",
		    progname, pk->cmd, pk->routine);
		routine_free(&r);
		return 1;
	}
	if (minutes > 0)
		r.ex[0].duration = minutes * 60.0;

	char *text = xasprintf("%s%s%s", r.caution ? r.caution : "",
	    minutes > pk->usual ? "\n\n" : "", minutes > pk->usual ? pk->longer : "");
	coach_sound_open();
	ui_start();
	ui_message(r.name, text);
	int rc = coach_session(&r, false);
	ui_stop();
	coach_sound_close();
	free(text);
	routine_free(&r);
	return rc;
}
