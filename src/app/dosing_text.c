/*
 * dosing_text.c - a routine's next dose in words (dosing.h): each
 * exercise's line, why the one stepped up was chosen, how each felt.
 */
#include "dosing.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"
#include "words.h"

/* Why this exercise is the one stepped up, of several ready: "" when it
 * was the only one. */
static void
chosen_text(const struct dosing_ex *x, char *out, size_t len)
{
	*out = '\0';
	if (x->easy >= 0)
		snprintf(out, len, " Chosen of those ready for more: rated \"too "
		    "easy\" %d %s, done in full in %d %s (the one most often "
		    "rated too easy, then most often done in full).", x->easy,
		    plural(x->easy, "time", "times"), x->full,
		    plural(x->full, "session", "sessions"));
}

/* One exercise's line of the plan, or NULL when it has none. */
static char *
ex_line(const struct dosing_ex *x, const struct routine *r)
{
	const struct exercise *e = &r->ex[x->ex];
	char now[80], next[80], why[200];

	dose_text(&x->now, now, sizeof now);
	dose_text(&x->next, next, sizeof next);
	chosen_text(x, why, sizeof why);
	switch (x->step) {
	case DOSE_CHANGED:
		return xasprintf("- %s: %s (now %s)%s%s%s.%s", e->name, next, now,
		    x->felt ? "; last time you rated it \"" : "",
		    x->felt ? history_feedback_text(x->felt) : "",
		    x->felt ? "\"" : "", why);
	case DOSE_SUGGESTED:
		return xasprintf("- %s: %s (now %s), if it feels right: its routine "
		    "sets no limit, so backcoach leaves the change to you "
		    "(backcoach edit).%s", e->name, next, now, why);
	case DOSE_AT_CEILING:
		return xasprintf("- %s: %s is the most its routine allows%s%s.",
		    e->name, now, e->harder[0] ? "; try the harder version: " : "",
		    e->harder[0] ? e->harder[0] : "");
	case DOSE_AT_START:
		return xasprintf("- %s: %s, the dose it started with%s%s.", e->name,
		    now, e->easier[0] ? "; if that is too much, the easier "
		    "version: " : "", e->easier[0] ? e->easier[0] : "");
	case DOSE_WAIT:
		return xasprintf("- %s: %s again, for now: one exercise at a time.",
		    e->name, now);
	case DOSE_NOT_FULL:
		return xasprintf("- %s: %s again: not every rep of it was done in "
		    "your last two sessions; the step up waits until they are.",
		    e->name, now);
	case DOSE_HELD:
		return xasprintf("- %s: %s again, no more: last time you rated it "
		    "\"%s\".", e->name, now, history_feedback_text(x->felt));
	case DOSE_FIXED:
		break;
	}
	return NULL;
}

/* "How each felt last time: Bird dog too easy; Curl-up about right." or
 * "" when none was rated. */
static char *
felt_text(const struct dosing *d, const struct routine *r)
{
	char *out = xstrdup("");

	for (int i = 0; i < d->n; i++) {
		const struct dosing_ex *x = &d->v[i];
		if (x->felt == FB_NONE)
			continue;
		char *n = xasprintf("%s%s%s %s", out, *out ? "; " :
		    "\n\nHow each felt the last time you rated it: ",
		    r->ex[x->ex].name, history_feedback_text(x->felt));
		free(out);
		out = n;
	}
	if (*out) {
		char *n = xasprintf("%s.", out);
		free(out);
		out = n;
	}
	return out;
}

char *
dosing_text(const struct dosing *d, const struct routine *r)
{
	char *felt = felt_text(d, r);

	if (d->dir == 0) {
		char *why = xasprintf("%s%s", d->advice.why, felt);
		free(felt);
		return why;
	}
	char *out = xasprintf("%s%s\n\nNext time, %s:", d->advice.why, felt,
	    d->dir > 0 ? "one step more" : "one step back");
	free(felt);
	for (int i = 0; i < d->n; i++) {
		char *line = ex_line(&d->v[i], r);
		if (line == NULL)
			continue;
		char *n = xasprintf("%s\n%s", out, line);
		free(out);
		free(line);
		out = n;
	}
	return out;
}
