/*
 * screen_redflag.c - the red-flag questions.
 *
 * The questions and the words shown after a "yes" live in safety.c (pure,
 * with their sources); this file only decides when to ask and asks.  The
 * questions are asked in two screens, urgent ones first, each listing its
 * questions under "Does any of this apply to you now?", so that the
 * common answer (no, no) costs two keys and every question is still read.
 *
 * The time of the last screen answered "no" is the modification time of
 * $XDG_STATE_HOME/backcoach/screened, an empty file: nothing to parse, and
 * nothing lost if it goes.
 */
#include "screen_redflag.h"

#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "paths.h"
#include "screen_dialog.h"
#include "util.h"
#include "wall.h"

/* Whether the questions are due now. */
static bool
due(enum safety_screen_freq f)
{
	char *p = paths_state_file("screened");
	time_t last = 0, now = wall_now();
	bool have = file_mtime(p, &last) == 0;

	free(p);
	return safety_screen_due(f, have, last, wall_day(last), now,
	    wall_day(now));
}

/* Remembers a clear screen; failing to is no reason to stop anyone. */
static void
remember(void)
{
	char *dir = paths_state_dir();
	char *p = paths_state_file("screened");

	if (paths_mkdir_p(dir) == 0)
		file_touch(p);
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

enum screen_end
redflag_screen(struct loop *l, const struct settings *set,
    enum safety_urgency *u)
{
	static const struct {
		enum safety_urgency u;
		const char *question;
	} screens[] = {
		{ SAFETY_URGENT, "Before you start: does any of this apply to you now?" },
		{ SAFETY_SAME_DAY, "And does any of this apply to you?" },
	};

	*u = SAFETY_OK;
	if (!due(set->red_flags))
		return SCREEN_DONE;
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		char *list = list_of(screens[i].u);
		bool yes = false;
		enum screen_end e = dialog_yes_no(l, KC_YESNO, screens[i].question,
		    list, NULL, &yes);
		free(list);
		if (e != SCREEN_DONE)
			return e;
		if (yes) {
			const struct safety_message *m =
			    safety_red_flag_message(screens[i].u);
			*u = screens[i].u;
			e = dialog_message(l, m->title, m->text);
			return e == SCREEN_SIGNAL ? e : SCREEN_DONE;
		}
	}
	remember();
	return SCREEN_DONE;
}
