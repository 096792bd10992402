/*
 * history_stats.h - statistics over history records, and their text.
 *
 * Part of the pure core.  Sessions are added one at a time as they are
 * read (nothing is kept per session), so a million records cost a few
 * kilobytes.  `today` is a day number (calendar_days_from_civil) given by
 * the caller: nothing here reads a clock.
 */
#ifndef BACKCOACH_HISTORY_STATS_H
#define BACKCOACH_HISTORY_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "history.h"
#include "progress.h"
#include "safety.h"

#define HSTATS_DEFAULT_WEEKS 8
#define HSTATS_MAX_WEEKS     520

struct hstats_week {
	int64_t sessions;       /* sessions counted (hstats_add) in the week */
	int64_t seconds;        /* their durations */
	double before_sum;      /* pain before and after, over the sessions */
	int64_t before_n;       /* that have both */
	double after_sum;
	int64_t after_n;
};

struct hstats_routine {
	char *id;               /* routine id (owned) */
	char *name;             /* its name as last recorded (owned) */
	int64_t sessions;       /* sessions of it, any status or kind */
	int64_t completed;      /* of which completed */
	int last_day;           /* day of the latest one done: not stopped for
	                           safety, something worked; -1: none */
	char last_start[HISTORY_START_LEN + 1];  /* its start time */
	/* its last two sessions in which something was worked, newest
	 * first: what the progression rule reads */
	struct progress_session recent[2];
	char recent_start[2][HISTORY_START_LEN + 1];
	int recent_day[2];
	int nrecent;
};

struct hstats {
	int today;              /* day number "today" is relative to */
	int nweeks;             /* weeks in the charts, the last is today's */
	int first_monday;       /* Monday of the oldest week charted */
	struct hstats_week *weeks;          /* nweeks buckets, oldest first */
	int *days;              /* days with a completed session (unsorted) */
	size_t ndays, capdays;
	struct hstats_routine *routines;    /* in order of first appearance */
	int nroutines, caproutines;
	int *index;             /* hash of ids: routines[] index, or -1 */
	size_t index_cap;       /* a power of two */
	int last_routine;       /* index of the last routine matched */
	int64_t sessions;       /* exercise sessions with something done */
	int64_t completed;      /* completed ones */
	int64_t seconds;        /* their total duration */
	int64_t stopped;        /* stopped for safety: apart */
	int64_t empty;          /* ended before anything was done: apart */
	int64_t packs;          /* ice and heat packs: apart */
	int64_t pack_seconds;
	int64_t future;         /* dated after today: counted nowhere */
	struct safety_trend trend;      /* pain before exercise sessions:
	                                   the first week and the latest */
	int current_streak;     /* set by hstats_finish */
	int longest_streak;
	int longest_end;        /* last day of the longest streak */
	int oom;                /* an allocation failed: results incomplete */
};

/* Prepares st for nweeks weeks ending with today's.  0 or -1 (memory). */
int hstats_init(struct hstats *st, int today, int nweeks);
/* Adds one session. */
void hstats_add(struct hstats *st, const struct hist_session *s);
/* A dose of routine id was changed (a D line): the sessions read so far
 * were at the old dose, and no longer count for the progression rule. */
void hstats_dose_changed(struct hstats *st, const char *id);
/* Computes the streaks; call once after the last hstats_add. */
void hstats_finish(struct hstats *st);
void hstats_free(struct hstats *st);

/* The routine with this id, or NULL. */
const struct hstats_routine *hstats_routine(const struct hstats *st,
    const char *id);

/*
 * The statistics as text, for a page width columns wide: weekly sessions
 * and minutes as bar charts, streaks, sessions per routine and the pain
 * trend with the meaningful-change rule.  Every table row (the lines that
 * start with a space) fits in width columns from 40 up, names cut with an
 * ellipsis; a sentence may be longer, to be wrapped.  Malloc'd, or NULL.
 */
char *hstats_render(const struct hstats *st, int width);

#endif
