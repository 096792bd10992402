/*
 * safety.c - the health rules from CONTENT.md as tables and small pure
 * functions: the red-flag screen, the stop rules, the pain traffic light,
 * the meaningful change in pain and the progression rule.
 *
 * Part of the pure core.  The words suggest and never diagnose: "please
 * get checked", with where to go, and nothing about what the cause is.
 */
#include "safety.h"

#include <stddef.h>

#define X_QUESTION(id, urgency, question) { #id, urgency, question },
const struct safety_question safety_red_flags[SAFETY_FLAG_COUNT] = {
	SAFETY_RED_FLAGS(X_QUESTION)
};
#undef X_QUESTION

#define X_RULE(id, text) text,
const char *const safety_stop_rules[SAFETY_STOP_COUNT] = {
	SAFETY_STOP_RULES(X_RULE)
};
#undef X_RULE

const char safety_stop_title[] = "Stop the session and rest if:";

static const struct safety_message urgent_message = {
	"Please get checked urgently",
	"You answered yes to a sign that a doctor should check straight away. "
	"Please go to an emergency department now, or call your local emergency "
	"number (in the UK, 999; NHS 111 can advise if you are unsure). "
	"This screen cannot tell what the cause is; a doctor can. "
	"No exercises for now.",
};

static const struct safety_message same_day_message = {
	"Please see a doctor today",
	"You answered yes to a sign that a doctor should check today. "
	"Please contact your doctor today (in the UK, call NHS 111 if you cannot "
	"get an appointment). If things get worse quickly, go to an emergency "
	"department or call your local emergency number. "
	"This screen cannot tell what the cause is; a doctor can. "
	"No exercises until you have been checked.",
};

enum safety_urgency
safety_screen_result(const bool yes[SAFETY_FLAG_COUNT])
{
	enum safety_urgency worst = SAFETY_OK;

	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		if (yes[i] && safety_red_flags[i].urgency > worst)
			worst = safety_red_flags[i].urgency;
	return worst;
}

const struct safety_message *
safety_red_flag_message(enum safety_urgency u)
{
	switch (u) {
	case SAFETY_URGENT:
		return &urgent_message;
	case SAFETY_SAME_DAY:
		return &same_day_message;
	case SAFETY_OK:
		break;
	}
	return NULL;
}

static bool
valid_pain(int pain)
{
	return pain >= SAFETY_PAIN_MIN && pain <= SAFETY_PAIN_MAX;
}

/* The traffic light (CONTENT.md, Pain tracking): 0-3 fine, 4-5 go on with
 * care and do less next time, 6-10 stop. */
struct safety_pain_advice
safety_pain_advice(int pain)
{
	static const struct safety_pain_advice table[] = {
		{ SAFETY_GREEN, "Pain 0 to 3: fine, carry on." },
		{ SAFETY_AMBER, "Pain 4 or 5: go on with care, and do less next time." },
		{ SAFETY_RED, "Pain 6 or more: stop now and rest." },
		{ SAFETY_LIGHT_INVALID, "Pain is a number from 0 (none) to 10 (worst imaginable)." },
	};

	if (!valid_pain(pain))
		return table[3];
	if (pain <= 3)
		return table[0];
	if (pain <= 5)
		return table[1];
	return table[2];
}

/*
 * A meaningful change (after Farrar et al. 2001,
 * https://pubmed.ncbi.nlm.nih.gov/11690728/ : about 2 points or 30 % of
 * the starting score), either way: 6 -> 4, 10 -> 7 and 3 -> 2 all count;
 * 10 -> 8 counts by the 2 points; 5 -> 6 does not.  Scores need not be
 * whole: weekly means get the same rule (with a little slack for the
 * rounding of sums).
 */
enum safety_change
safety_pain_change(double before, double after)
{
	if (!(before >= SAFETY_PAIN_MIN && before <= SAFETY_PAIN_MAX) ||
	    !(after >= SAFETY_PAIN_MIN && after <= SAFETY_PAIN_MAX))
		return SAFETY_CHANGE_UNKNOWN;
	double delta = after - before;
	double size = delta < 0 ? -delta : delta;
	if (size < 1e-9 || (size < 2 - 1e-9 && size * 10 < before * 3 - 1e-9))
		return SAFETY_CHANGE_NONE;
	return delta < 0 ? SAFETY_CHANGE_BETTER : SAFETY_CHANGE_WORSE;
}

bool
safety_screen_due(enum safety_screen_freq f, bool have_last, long long last,
    int last_day, long long now, int today)
{
	switch (f) {
	case SAFETY_SCREEN_EVERY:
		return true;
	case SAFETY_SCREEN_NEVER:
		return false;
	default:
		break;
	}
	if (!have_last || last > now)           /* a clock set back: ask */
		return true;
	if (f == SAFETY_SCREEN_WEEKLY)
		return now - last >= 7 * 24 * 3600;
	return last_day != today;
}

const char *
safety_change_text(enum safety_change c)
{
	switch (c) {
	case SAFETY_CHANGE_BETTER:
		return "Your pain is clearly less than before.";
	case SAFETY_CHANGE_WORSE:
		return "Your pain is clearly worse than before: do less next time.";
	case SAFETY_CHANGE_NONE:
		return "No clear change in your pain.";
	case SAFETY_CHANGE_UNKNOWN:
		break;
	}
	return "";
}

/* The highest pain known for a session, or SAFETY_PAIN_NONE. */
static int
highest_pain(const struct safety_session_facts *s)
{
	int hi = SAFETY_PAIN_NONE;

	if (valid_pain(s->pain_max))
		hi = s->pain_max;
	if (valid_pain(s->pain_after) && s->pain_after > hi)
		hi = s->pain_after;
	return hi;
}

/* Whether a session calls for doing less next time. */
static bool
went_badly(const struct safety_session_facts *s)
{
	/* the next-day rule is 2 points, not the 30 % of a change */
	return s->stopped_for_pain || highest_pain(s) >= 6 ||
	    (valid_pain(s->pain_before) && valid_pain(s->pain_after) &&
	    s->pain_after - s->pain_before >= 2);
}

/* Whether a session counts towards progressing: completed, pain known and
 * at most 5, and not 2 or more points worse after than before. */
static bool
went_well(const struct safety_session_facts *s)
{
	int hi = highest_pain(s);

	return s->completed && !went_badly(s) && hi != SAFETY_PAIN_NONE &&
	    hi <= 5;
}

/*
 * CONTENT.md, Progression: progress only when the last two sessions of
 * the routine were completed, in-session pain stayed at 5 or less and the
 * pain after was not 2 or more points worse than before; step back when
 * the last session made the pain worse by 2 or more (or had to stop).
 * A session with no pain scores cannot show the rule is met, so it is
 * repeated rather than progressed.
 */
struct safety_progress_advice
safety_progression(const struct safety_session_facts *last, int n)
{
	static const struct safety_progress_advice step_back = {
		SAFETY_STEP_BACK,
		"Last time your pain went up: do less next time (fewer reps or"
		" sets), then build up again slowly.",
	};
	static const struct safety_progress_advice progress = {
		SAFETY_PROGRESS,
		"Your last two sessions went well: you can add 1 or 2 reps. For"
		" held exercises, add one rep per set rather than longer holds.",
	};
	static const struct safety_progress_advice repeat = {
		SAFETY_REPEAT,
		"Repeat this routine as it is until two sessions in a row are"
		" completed with pain at 5 out of 10 or less.",
	};

	if (n >= 1 && went_badly(&last[0]))
		return step_back;
	if (n >= 2 && went_well(&last[0]) && went_well(&last[1]))
		return progress;
	return repeat;
}
