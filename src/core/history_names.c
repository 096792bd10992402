/*
 * history_names.c - the words of the history file (statuses, reasons,
 * kinds, steps, the next-morning answers), what each reason makes of a
 * session, and a new record.
 *
 * Part of the pure core; history.c reads the words back.
 */
#include "history.h"
#include "history_names.h"

#include <string.h>

const char *const history_status_names[HS_COUNT] = {
	[HS_COMPLETED] = "completed",
	[HS_PARTIAL] = "partial",
	[HS_STOPPED] = "stopped",
};

const char *const history_reason_names[HR_COUNT] = {
	[HR_COMPLETED] = "completed",
	[HR_QUIT] = "quit",
	[HR_PAIN] = "pain",
	[HR_RED_FLAG] = "red-flag",
	[HR_SIGNAL] = "signal",
	[HR_SKIPPED] = "skipped",
};

const char *const history_kind_names[HK_COUNT] = {
	[HK_EXERCISE] = "exercise",
	[HK_PACK] = "pack",
};

const char *const history_pain_step_names[HP_COUNT] = {
	[HP_FINE] = "fine",
	[HP_GENTLY] = "gently",
	[HP_NEXT] = "next",
	[HP_END] = "end",
	[HP_URGENT] = "urgent",
};

/* Per exercise status: the file's word, and the end screen's. */
const struct history_ex_word history_ex_status_words[EXS_COUNT] = {
	[EXS_PENDING] = { "pending", "not reached" },
	[EXS_COMPLETED] = { "completed", "completed" },
	[EXS_SKIPPED] = { "skipped", "skipped" },
	[EXS_PARTIAL] = { "partial", "partial" },
};

const char *const history_feedback_names[FB_COUNT] = {
	[FB_NONE] = "",
	[FB_EASY] = "easy",
	[FB_RIGHT] = "right",
	[FB_HARD] = "hard",
	[FB_HURT] = "hurt",
};

static const char *const feedback_texts[FB_COUNT] = {
	[FB_NONE] = "not rated",
	[FB_EASY] = "too easy",
	[FB_RIGHT] = "about right",
	[FB_HARD] = "too hard",
	[FB_HURT] = "it hurt",
};

const char *
history_feedback_name(enum ex_feedback f)
{
	return (unsigned)f < FB_COUNT ? history_feedback_names[f] : "?";
}

const char *
history_feedback_text(enum ex_feedback f)
{
	return (unsigned)f < FB_COUNT ? feedback_texts[f] : "?";
}

const char *const history_next_day_names[NEXT_DAY_COUNT] = {
	[NEXT_DAY_UNKNOWN] = "",
	[NEXT_DAY_BETTER] = "better",
	[NEXT_DAY_SAME] = "same",
	[NEXT_DAY_WORSE] = "worse",
	[NEXT_DAY_SKIPPED] = "skipped",
};

const char *
history_next_day_name(enum next_day n)
{
	return (unsigned)n < NEXT_DAY_COUNT ? history_next_day_names[n] : "?";
}

const char *
history_status_name(enum hist_status st)
{
	return (unsigned)st < HS_COUNT ? history_status_names[st] : "?";
}

const char *
history_reason_name(enum hist_reason r)
{
	return (unsigned)r < HR_COUNT ? history_reason_names[r] : "?";
}

const char *
history_ex_status_name(enum ex_status st)
{
	return (unsigned)st < EXS_COUNT ? history_ex_status_words[st].name : "?";
}

const char *
history_kind_name(enum hist_kind k)
{
	return (unsigned)k < HK_COUNT ? history_kind_names[k] : "?";
}

const char *
history_pain_step_name(enum hist_pain_step st)
{
	return (unsigned)st < HP_COUNT ? history_pain_step_names[st] : "?";
}

const char *
history_ex_status_text(enum ex_status st)
{
	return (unsigned)st < EXS_COUNT ? history_ex_status_words[st].text : "?";
}

enum hist_status
history_status_of(enum hist_reason r)
{
	switch (r) {
	case HR_COMPLETED:
		return HS_COMPLETED;
	case HR_PAIN:
	case HR_RED_FLAG:
		return HS_STOPPED;
	case HR_SKIPPED:                /* nothing was done: not completed */
	default:
		return HS_PARTIAL;
	}
}

void
history_session_init(struct hist_session *s, const char *id,
    const char *name, struct hist_exercise *ex, int nex)
{
	memset(s, 0, sizeof *s);
	s->routine_id = id;
	s->routine_name = name ? name : "";
	s->pain_before = s->pain_after = s->pain_max = -1;
	s->note = s->flag = s->checked = "";
	s->kind = HK_EXERCISE;
	s->next_day = NEXT_DAY_UNKNOWN;
	s->ex = ex;
	s->nex = s->ex_total = nex;
	for (int i = 0; i < nex; i++)
		ex[i] = (struct hist_exercise){ .status = EXS_PENDING };
}
