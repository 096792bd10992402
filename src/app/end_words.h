/*
 * end_words.h - the words under the summary's counts at the end of a
 * session.
 */
#ifndef BACKCOACH_END_WORDS_H
#define BACKCOACH_END_WORDS_H

#include <stdbool.h>

#include "history.h"
#include "routine.h"
#include "settings.h"

/* The pain since the start, less next time after pain of 4-5 (gently),
 * the NHS's words on seeing a GP after pain above 5 (safety_pain_after),
 * whether it is time to see someone (the first week against the latest,
 * with the numbers), the next dose (exercise only; never a step up beside
 * "do less" or the GP), and the programme's day (programme_day.h).
 * Malloc'd. */
char *end_words(const struct settings *set, const struct routine *r,
    enum hist_kind kind, const struct hist_session *rec, bool gently);

#endif
