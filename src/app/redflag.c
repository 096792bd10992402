/*
 * redflag.c - the red-flag screen.
 *
 * The questions and the words shown after a "yes" live in safety.c (pure,
 * sourced from CONTENT.md); this file only decides when to ask and asks.
 * The questions are asked in two screens, urgent ones first, each listing
 * its questions under "Does any of this apply to you now?", so that the
 * common answer (no, no) costs two keys and every question is still read.
 *
 * The time of the last screen answered "no" is the modification time of
 * $XDG_STATE_HOME/backcoach/screened, an empty file: nothing to parse, and
 * nothing lost if it goes.
 */
#include "redflag.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"
#include "settings.h"
#include "ui.h"
#include "util.h"

static char *
stamp_path(void)
{
	char *dir = paths_state_dir();
	char *p = xasprintf("%s/screened", dir);
	free(dir);
	return p;
}

/* Whether the screen is due now, given when it was last answered "no". */
static bool
due(time_t now)
{
	struct stat st;
	struct tm a, b;
	char *p;

	if (settings.red_flags == RED_FLAGS_EVERY)
		return true;
	if (settings.red_flags == RED_FLAGS_NEVER)
		return false;
	p = stamp_path();
	int found = stat(p, &st) == 0;
	free(p);
	if (!found || st.st_mtime > now)
		return true;
	if (settings.red_flags == RED_FLAGS_WEEKLY)
		return now - st.st_mtime >= 7 * 24 * 3600;
	localtime_r(&st.st_mtime, &a);
	localtime_r(&now, &b);
	return a.tm_year != b.tm_year || a.tm_yday != b.tm_yday;
}

/* Remembers a clear screen; failing to is no reason to stop anyone. */
static void
remember(void)
{
	char *dir = paths_state_dir();
	char *p = stamp_path();

	if (paths_mkdir_p(dir) == 0) {
		int fd = open(p, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (fd >= 0) {
			futimens(fd, NULL);
			close(fd);
		}
	}
	free(p);
	free(dir);
}

/* "- question" lines for every flag of urgency u. */
static char *
list_of(enum safety_urgency u)
{
	size_t len = 1;
	char *s;

	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		if (safety_red_flags[i].urgency == u)
			len += strlen(safety_red_flags[i].question) + 4;
	s = xmalloc(len);
	s[0] = '\0';
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		if (safety_red_flags[i].urgency == u) {
			strcat(s, "- ");
			strcat(s, safety_red_flags[i].question);
			strcat(s, "\n");
		}
	return s;
}

enum safety_urgency
redflag_screen(void)
{
	static const struct {
		enum safety_urgency u;
		const char *question;
	} screens[] = {
		{ SAFETY_URGENT, "Before you start: does any of this apply to you now?" },
		{ SAFETY_SAME_DAY, "And does any of this apply to you?" },
	};

	if (!due(time(NULL)))
		return SAFETY_OK;
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		char *list = list_of(screens[i].u);
		int yes = ui_ask_yes_no(screens[i].question, list);
		free(list);
		if (yes) {
			const struct safety_message *m =
			    safety_red_flag_message(screens[i].u);
			ui_message(m->title, m->text);
			return screens[i].u;
		}
	}
	remember();
	return SAFETY_OK;
}
