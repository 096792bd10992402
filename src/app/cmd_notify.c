/*
 * cmd_notify.c - `backcoach notify`: a desktop notification of today's
 * routine (what the reminder's systemd service runs).
 *
 * Quiet, and exit 0, when there is nothing to say: no programme runs,
 * today is a rest day or done, or a reminder was shown today already
 * (the `notified` file's time stamp in the state directory): it never
 * fires twice a day.  Without a session bus it says so and exits 1 at
 * once.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"
#include "file.h"
#include "notify.h"
#include "paths.h"
#include "programme_day.h"
#include "util.h"

#define NOTIFY_WAIT_S 600       /* how long the Start action is waited for */

/* Whether a reminder was shown today already. */
static bool
shown_today(const char *stamp)
{
	time_t t;

	return file_mtime(stamp, &t) == 0 && wall_day(t) == wall_day(wall_now());
}

/* Shows it; 0, or 1 after saying why not. */
static int
send(const struct prog_day *d, const char *stamp)
{
	char exe[4096];
	struct diags dg = { 0 };
	const char *term = getenv("TERMINAL");
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	exe[n > 0 ? n : 0] = '\0';
	const char *name = d->routine_name ? d->routine_name : d->t.routine;
	long s = (long)((d->routine_ns + 500000000) / 1000000000);
	char *summary = s >= 60 ? xasprintf("Today: %s, about %ld minutes", name,
	    (s + 30) / 60) : s > 0 ? xasprintf("Today: %s, %ld s", name, s) :
	    xasprintf("Today: %s", name);
	char *body = xasprintf("Day %d of week %d of %s.", d->t.day, d->t.week,
	    d->p.name);
	char *argv[] = { (char *)term, (char *)"-e", exe, (char *)"start",
	    (char *)d->t.routine, NULL };
	int rc = notify_send(summary, body, term && *term && exe[0] ? argv : NULL,
	    NOTIFY_WAIT_S, &dg);
	if (rc == 0 && file_touch(stamp) != 0)
		warn("notify: cannot mark %s: a second reminder may come today",
		    cmd_safe(stamp));
	cmd_print_diags(&dg);
	diags_free(&dg);
	free(summary);
	free(body);
	return rc != 0;
}

int
cmd_notify(const struct settings *set, int argc, char **argv)
{
	struct prog_day d;

	if (cmd_no_args(argc, argv) != 0)
		return EXIT_USAGE;
	int found = prog_day_said(&d, set);
	char *stamp = paths_state_file("notified");
	int rc = found < 0;
	if (found > 0 && d.t.routine != NULL && !d.t.done && !shown_today(stamp)) {
		prog_day_facts(&d, set);
		rc = send(&d, stamp);
	}
	free(stamp);
	prog_day_free(&d);
	return rc;
}
