/*
 * template.c - the text a new routine starts from (`backcoach new NAME`):
 * a short, safe example that is valid as written, every line explained,
 * then a reference list of every setting made from the loader's own
 * tables, so that it can never leave one out.
 */
#include "template.h"

#include <stdio.h>

#include "routine.h"
#include "util.h"

/* The example a new routine starts from: valid as written, every line
 * explained.  %s is the routine's name. */
static const char template_head[] =
"# %s.cfg - a backcoach routine (format 1); see backcoach-routine(5).\n"
"#\n"
"# Lines starting with '#' are comments.  Save and quit the editor: the\n"
"# routine is checked as 'backcoach check' does and saved only when it has\n"
"# no errors.  Times are in seconds, whole or not (10, 2.5).  Use the doses\n"
"# your physiotherapist gave you.  Stop an exercise if pain rises sharply\n"
"# or above 5/10, or spreads down a leg.\n"
"\n"
"version = 1;             # the format version: always 1\n"
"# the name shown in the list and on screen (required):\n"
"name = \"%s\";\n"
"summary = \"A short, gentle routine.\";   # one line for the list\n"
"# description = \"A longer text about the routine.\";\n"
"tags = [\"gentle\"];       # words to sort routines by\n"
"caution = \"Stop if pain rises sharply or spreads down a leg.\";\n"
"                         # shown before the routine starts\n"
"source = \"Where the doses come from: your physiotherapist, or a page's title and URL.\";\n"
"lead_in = 5;             # seconds to get into position before each exercise\n"
"rest = 15;               # seconds of rest between sets and between sides\n"
"\n"
"exercises = (\n"
"  {\n"
"    name = \"Pelvic tilt\";                     # required\n"
"    cue = \"Flatten your back to the floor; keep breathing.\";\n"
"    figure = \"pelvic-tilt\";  # its picture: a bundled figure, or one of\n"
"                        # yours in routines/figures (backcoach-routine(5))\n"
"    # caution = \"One line of caution.\";\n"
"    hold = 3;       # held reps: hold each rep for 3 s ...\n"
"    relax = 2;      # ... then relax for 2 s (default 2)\n"
"    reps = 5;       # reps in each set\n"
"    sets = 2;       # sets; or the reps of each set: [5, 3, 1]\n"
"    # sides = true;     # each set on the left, then on the right;\n"
"                        # or two names: [\"left leg\", \"right leg\"]\n"
"    # rest = 15;        # rest after each set, this exercise only\n"
"    # lead_in = 5;      # time to get ready, this exercise only\n"
"    # reps_max = 15;    # the most reps a set may grow to: with it,\n"
"                        # backcoach may raise the dose (with your yes)\n"
"    # easier = [\"Smaller tilt\", \"Only a small movement.\"];\n"
"    # harder = [\"Longer tilt\", \"Hold the tilt a little longer.\"];\n"
"    # source = \"Where this exercise's dose comes from, if not above.\";\n"
"  }\n"
"  # More exercises follow, each in { } and separated by commas:\n"
"  # , { name = \"Cat-camel\"; tempo = [2, 2]; phases = [\"Arch\", \"Round\"];\n"
"  #     reps = 6; }     # paced reps: one timed phase per tempo entry\n"
"  # , { name = \"Easy walk\"; duration = 300; }   # a plain timer\n"
");\n"
"\n"
"# Every setting there is (one exercise uses one of hold, tempo, duration):\n";

char *
template_routine(const char *name, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (f == NULL)
		oom();
	fprintf(f, template_head, name, name);
	fprintf(f, "#   routine:\n");
	for (int i = 0; i < RS_COUNT; i++)
		fprintf(f, "#     %-12s %s\n", routine_settings[i].name,
		    routine_settings[i].doc);
	fprintf(f, "#   each exercise:\n");
	for (int i = 0; i < XS_COUNT; i++)
		fprintf(f, "#     %-12s %s\n", exercise_settings[i].name,
		    exercise_settings[i].doc);
	if (fclose(f) != 0)
		oom();
	return buf;
}

