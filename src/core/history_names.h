/*
 * history_names.h - the words of the history file, for history.c to read
 * them back (history_names.c).  Internal to the history module: everyone
 * else asks history.h's history_*_name().
 */
#ifndef BACKCOACH_HISTORY_NAMES_H
#define BACKCOACH_HISTORY_NAMES_H

#include "history.h"

struct history_ex_word {
	const char *name;       /* the file's word */
	const char *text;       /* the end screen's */
};

extern const char *const history_status_names[HS_COUNT];
extern const char *const history_reason_names[HR_COUNT];
extern const char *const history_kind_names[HK_COUNT];
extern const char *const history_pain_step_names[HP_COUNT];
extern const char *const history_next_day_names[NEXT_DAY_COUNT];
extern const char *const history_feedback_names[FB_COUNT];
extern const struct history_ex_word history_ex_status_words[EXS_COUNT];

#endif
