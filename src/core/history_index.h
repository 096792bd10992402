/*
 * history_index.h - the statistics' routines by id (history_index.c), for
 * history_stats.c; everyone else uses hstats_routine().
 */
#ifndef BACKCOACH_HISTORY_INDEX_H
#define BACKCOACH_HISTORY_INDEX_H

#include "history_stats.h"

/* The routine entry for s's routine, created on first sight; NULL when
 * out of memory. */
struct hstats_routine *hstats_routine_slot(struct hstats *st,
    const struct hist_session *s);

#endif
