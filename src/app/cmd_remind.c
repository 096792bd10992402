/*
 * cmd_remind.c - `backcoach remind --at HH:MM [--days mon-fri]`, `remind
 * --off` and `remind`: a daily reminder as a systemd user timer and
 * service (systemd.timer(5): OnCalendar=, Persistent=true) that run
 * `backcoach notify`.
 *
 * The units go in ~/.config/systemd/user; with a user manager running
 * they are enabled through `systemctl --user`, else the timer is enabled
 * as `systemctl enable` would (a link in timers.target.wants) and starts
 * at the next login.  Without systemd at all nothing is written: the
 * crontab line that does the same is printed instead.  --off removes
 * exactly the files written.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "file.h"
#include "paths.h"
#include "proc.h"
#include "reminder.h"
#include "util.h"

/* The files: the units and the link that enables the timer. */
struct units {
	char *dir, *timer, *service, *wants, *link;
};

static void
units_init(struct units *u)
{
	u->dir = paths_systemd_user_dir();
	u->timer = xasprintf("%s/" REMINDER_UNIT ".timer", u->dir);
	u->service = xasprintf("%s/" REMINDER_UNIT ".service", u->dir);
	u->wants = xasprintf("%s/timers.target.wants", u->dir);
	u->link = xasprintf("%s/" REMINDER_UNIT ".timer", u->wants);
}

static void
units_free(struct units *u)
{
	free(u->dir);
	free(u->timer);
	free(u->service);
	free(u->wants);
	free(u->link);
}

/* Whether a systemd user manager runs for us now: its private socket. */
static bool
manager_runs(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	struct stat st;

	if (run == NULL || *run != '/' || !proc_on_path("systemctl"))
		return false;
	char *sock = xasprintf("%s/systemd/private", run);
	bool yes = stat(sock, &st) == 0 && S_ISSOCK(st.st_mode);
	free(sock);
	return yes;
}

/* systemctl --user ARGS...: its exit status. */
static int
systemctl(const char *a, const char *b, const char *c, bool quiet)
{
	char *argv[] = { (char *)"systemctl", (char *)"--user", (char *)a,
	    (char *)b, (char *)c, NULL };

	return proc_run(argv, quiet);
}

/* The absolute path of this program, for ExecStart= and crontab. */
static void
self_path(char *buf, size_t cap)
{
	ssize_t n = readlink("/proc/self/exe", buf, cap - 1);

	buf[n > 0 ? n : 0] = '\0';
	if (n <= 0)
		snprintf(buf, cap, "backcoach");
}

/* Whether the unit at path is missing or one `remind` wrote: a file of
 * the user's own under that name is never replaced or removed. */
static bool
ours(const char *path)
{
	struct diags d = { 0 };
	size_t len;
	char *text = file_read(path, 65536, FILE_NOFOLLOW | FILE_MISSING_OK, &len,
	    &d);
	bool yes = text == NULL ? d.nerrors == 0 :
	    strncmp(text, REMINDER_MARK, strlen(REMINDER_MARK)) == 0;

	if (!yes)
		warn("remind: %s was not written by 'backcoach remind': it is left "
		    "as it is", cmd_safe(path));
	free(text);
	diags_free(&d);
	return yes;
}

static int
remind_on(const struct reminder *r)
{
	struct units u;
	struct diags d = { 0 };
	char exe[4096], text[8192], days[64];

	self_path(exe, sizeof exe);
	reminder_days_text(r->days, days, sizeof days);
	if (!proc_on_path("systemctl")) {
		reminder_cron_text(r, exe, text, sizeof text);
		printf("No systemd here, so no timer was written.  This crontab line "
		    "does the same (add it with 'crontab -e'):\n%s\n", text);
		return 1;
	}
	units_init(&u);
	if (!ours(u.timer) || !ours(u.service)) {
		units_free(&u);
		return 1;
	}
	reminder_service_text(exe, text, sizeof text);
	int rc = file_install(u.service, text, strlen(text), 0, &d);
	reminder_timer_text(r, text, sizeof text);
	if (rc == 0)
		rc = file_install(u.timer, text, strlen(text), 0, &d);
	cmd_print_diags(&d);
	diags_free(&d);
	if (rc != 0) {
		units_free(&u);
		return 1;
	}
	printf("Wrote %s\n  and %s:\n  a reminder at %02d:%02d%s%s "
	    "(backcoach notify).\n", cmd_safe(u.timer), cmd_safe(u.service),
	    r->hour, r->minute, days[0] ? " on " : " every day", days);
	if (manager_runs()) {
		systemctl("daemon-reload", NULL, NULL, false);
		rc = systemctl("enable", "--now", REMINDER_UNIT ".timer", false);
		printf(rc == 0 ? "Enabled and started it (systemctl --user).\n" :
		    "systemctl --user could not enable it: see above.\n");
	} else {
		if (paths_mkdir_p(u.wants) != 0 ||
		    (symlink("../" REMINDER_UNIT ".timer", u.link) != 0 &&
		    errno != EEXIST)) {
			warn("remind: cannot enable it in %s: %s", cmd_safe(u.wants),
			    strerror(errno));
			rc = 1;
		} else
			printf("Enabled it.  No systemd user manager runs now, so it "
			    "starts at your next login.\n");
		reminder_cron_text(r, exe, text, sizeof text);
		printf("Without systemd, this crontab line does the same:\n%s\n",
		    text);
	}
	units_free(&u);
	return rc != 0;
}

/* Removes one file: 0, or -1 after saying why not. */
static int
remove_file(const char *path, bool *any)
{
	if (unlink(path) == 0) {
		printf("Removed %s\n", cmd_safe(path));
		*any = true;
		return 0;
	}
	if (errno == ENOENT)
		return 0;
	warn("remind: cannot remove %s: %s", cmd_safe(path), strerror(errno));
	return -1;
}

static int
remind_off(void)
{
	struct units u;
	bool any = false, ok = true, live = manager_runs();

	units_init(&u);
	if (!ours(u.timer) || !ours(u.service)) {
		units_free(&u);
		return 1;
	}
	if (live && access(u.timer, F_OK) == 0)
		systemctl("disable", "--now", REMINDER_UNIT ".timer", true);
	ok &= remove_file(u.link, &any) == 0;
	rmdir(u.wants);                 /* only when it is empty */
	ok &= remove_file(u.timer, &any) == 0;
	ok &= remove_file(u.service, &any) == 0;
	if (live && any)
		systemctl("daemon-reload", NULL, NULL, true);
	if (!any && ok)
		printf("No reminder was set.\n");
	units_free(&u);
	return !ok;
}

static int
remind_state(void)
{
	struct units u;
	struct reminder r;
	struct diags d = { 0 };
	size_t len;
	char days[64];

	units_init(&u);
	char *text = file_read(u.timer, 65536, FILE_MISSING_OK, &len, &d);
	if (text == NULL && d.nerrors == 0)
		printf("No reminder is set: 'backcoach remind --at 08:00' sets one.\n");
	else if (text != NULL && reminder_from_timer(text, &r)) {
		reminder_days_text(r.days, days, sizeof days);
		printf("A reminder at %02d:%02d%s%s (%s), %s.\n", r.hour, r.minute,
		    days[0] ? " on " : " every day", days, cmd_safe(u.timer),
		    access(u.link, F_OK) == 0 ? "enabled" : "not enabled");
		if (manager_runs())
			printf("The timer is %s.\n", systemctl("is-active", "--quiet",
			    REMINDER_UNIT ".timer", true) == 0 ? "active" :
			    "not active");
	} else if (text != NULL)
		printf("%s was not written by 'backcoach remind'.\n",
		    cmd_safe(u.timer));
	cmd_print_diags(&d);
	diags_free(&d);
	free(text);
	units_free(&u);
	return 0;
}

int
cmd_remind(const struct settings *set, int argc, char **argv)
{
	struct reminder r = { .days = REMINDER_EVERY_DAY };
	const char *at = NULL, *days = NULL;
	bool off = false;
	int c;

	(void)set;
	optind = 0;
	while ((c = cmd_getopt(argc, argv, &cmd_remind_opts)) != -1) {
		if (c == '?')
			return EXIT_USAGE;
		if (c == 'a')
			at = optarg;
		else if (c == 'd')
			days = optarg;
		else
			off = true;
	}
	if (cmd_operands(argc, argv, 0, 0, "") != 0)
		return EXIT_USAGE;
	if (off && (at || days)) {
		warn("remind: --off takes no --at or --days");
		return EXIT_USAGE;
	}
	if (days && !at) {
		warn("remind: --days needs --at HH:MM");
		return EXIT_USAGE;
	}
	if (at && !reminder_parse_time(at, &r)) {
		warn("remind: '%s' is no time: HH:MM, as 08:00", cmd_safe(at));
		return EXIT_USAGE;
	}
	if (days && !reminder_parse_days(days, &r)) {
		warn("remind: '%s' names no days: mon-fri, sat,sun, mon,wed,fri "
		    "or daily", cmd_safe(days));
		return EXIT_USAGE;
	}
	return off ? remind_off() : at ? remind_on(&r) : remind_state();
}
