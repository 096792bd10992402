/*
 * session_line.c - one line on a recorded session (session_line.h).
 */
#include "session_line.h"

#include <stdio.h>

#include "cmd.h"
#include "plan.h"
#include "util.h"

char *
session_line(const struct hist_session *s)
{
	char dur[32], pb[12], pa[12], pain[48] = "";
	const char *none = cmd_utf8() ? "\u2014" : "-";

	plan_format_clock(s->duration_s * NS_PER_SEC, dur, sizeof dur);
	snprintf(pb, sizeof pb, "%d", s->pain_before);
	snprintf(pa, sizeof pa, "%d", s->pain_after);
	if (s->pain_before >= 0 || s->pain_after >= 0)
		snprintf(pain, sizeof pain, ", pain %s -> %s", s->pain_before >= 0 ?
		    pb : none, s->pain_after >= 0 ? pa : none);
	return xasprintf("Recorded: %s, %s (%s), %s%s.", cmd_safe(s->routine_name),
	    history_status_name(s->status), history_reason_name(s->reason), dur,
	    pain);
}
