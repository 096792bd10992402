/*
 * cmd_today.c - `backcoach today`: what today holds in the programme
 * running (routine, dose, day N of week M) and whether it is done.
 *
 * Exit status, for scripts: 0 done (or a rest day: nothing to do), 1 not
 * done yet, 3 no programme runs, 4 the programme or its state cannot be
 * read.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "programme_day.h"
#include "util.h"

int
cmd_today(const struct settings *set, int argc, char **argv)
{
	struct prog_day d;

	if (cmd_no_args(argc, argv) != 0)
		return EXIT_USAGE;
	int rc = prog_day_said(&d, set);
	if (rc == 0)
		printf("No programme runs: 'backcoach programme list' shows them, "
		    "'backcoach programme start ID' starts one.\n");
	if (rc == 1) {
		prog_day_facts(&d, set);
		prog_day_print(&d);
	}
	int status = rc < 0 ? EXIT_TODAY_BROKEN : rc == 0 ? EXIT_TODAY_NONE :
	    d.t.routine == NULL || d.t.done ? 0 : 1;
	prog_day_free(&d);
	return status;
}
