/*
 * schedule.h - what a day of a programme holds, and when its weeks move.
 *
 * Part of the pure core.  The state (which programme, which week, when
 * that week began) is kept in a small text file (programme_store.c); the
 * rules read it with the sessions of the history and the time now, as
 * local ISO 8601 text with its UTC offset, so that "today" is the local
 * calendar day, whatever the time zone did (a day of 23 or 25 hours is a
 * day).  The rules:
 *
 * - One session a day counts: a week's work is its number of training
 *   days with a completed session of one of its routines (two sessions
 *   on one day count once), so missed days never double up.  The week
 *   waits for its work: on named days, the next such day; on any N days,
 *   any day until N are done.
 * - A gap of 7 whole days or more without a completed session (and the
 *   week's work not done) starts the week again, from today.
 * - A flare steps back one week (or starts week 1 again), from today: a
 *   session stopped for safety (the pain key, a red flag), pain above 5
 *   before it or during it, or a next morning worse.  Pain of 0-5 is
 *   acceptable, above 5 is not, and the response the next morning is the
 *   one that matters (the pain-monitoring model,
 *   https://bim.physio/the-pain-monitoring-model/).
 * - The next week starts only with consent (schedule_next), once the
 *   week's work is done and 7 days have passed since it began; never on
 *   its own.  Feedback that an exercise was too hard or hurt holds it.
 */
#ifndef BACKCOACH_SCHEDULE_H
#define BACKCOACH_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "history.h"
#include "programme.h"

#define SCHED_GAP_DAYS   7      /* whole days without a session: again */
#define SCHED_WEEK_DAYS  7      /* a week lasts at least this long */
#define SCHED_FLARE_PAIN 6      /* pain this high, before or during: a flare */

/* What last moved the week, kept in the state for `status`. */
enum sched_change {
	SCHED_NONE,             /* nothing (this time) */
	SCHED_START,            /* the programme started */
	SCHED_NEXT,             /* the next week, with consent */
	SCHED_REPEAT,           /* the week again, after a gap */
	SCHED_BACK,             /* a week back, after a flare */
	SCHED_RESUME,           /* back to the programme a flare-up one paused */
	SCHED_CHANGE_COUNT
};

/* The programme running: the state file's contents. */
struct prog_state {
	char id[PROG_ID_MAX + 1];       /* the programme */
	int week;                       /* 1-based */
	char began[HISTORY_START_LEN + 1];      /* when this week began: local
	                                   ISO 8601, sessions before it are
	                                   earlier weeks' */
	char started[HISTORY_START_LEN + 1];    /* when the programme started */
	enum sched_change change;       /* what began this week */
	char resume_id[PROG_ID_MAX + 1];        /* the programme a flare-up one
	                                   paused, or "" */
	int resume_week;                /* its week */
};

/* One session of the history as the rules read it. */
struct sched_session {
	int day;                /* its local calendar day */
	int64_t at;             /* its start, seconds since the epoch */
	const char *routine_id;
	bool completed;         /* ran to its end with something worked */
	bool flare;             /* schedule_is_flare() */
	bool flare_routine;     /* the flare-up routine, something done in it:
	                           a flare in a week that does not have it */
};

/* Per-exercise feedback on this week's sessions ("too easy", "too hard",
 * "it hurt": the history's F lines), counted since the week began; NULL
 * when none is recorded.  Too hard or it hurt holds the week: it is not offered to
 * move on.  Too easy does not hurry it. */
struct sched_feedback {
	int too_easy, too_hard, hurt;
};

/* Today, as the rules see it. */
struct sched_today {
	int week, nweeks;       /* week M of N */
	int day;                /* day N of the week (past 7 while it waits) */
	const char *routine;    /* today's routine, or NULL: a rest day */
	const char *rest;       /* what to do on a rest day, or NULL */
	const char *rest_routine;       /* offered on a rest day, or NULL */
	const char *dose;       /* the week's word on the dose, or NULL */
	bool done;              /* a session of the week's routines today */
	int sessions, target;   /* training days done this week, of */
	bool week_done;         /* sessions >= target */
	bool ready;             /* may move on: schedule_next() */
	bool held;              /* the feedback holds the week */
	bool last_week;         /* this is the programme's last week */
	enum sched_change change;       /* what this call changed in the state
	                                   (repeat, back), to be saved */
	int64_t gap_days;       /* whole days since the last session, or -1 */
};

/* What a history record tells the rules. */
void schedule_session_of(const struct hist_session *s,
    struct sched_session *out);
/* A flare: stopped for safety, pain above 5 before or during it, or the
 * next morning worse. */
bool schedule_is_flare(const struct hist_session *s);

/*
 * Starts programme p at week 1 now (`now`: local ISO 8601 with its
 * offset).  When another programme runs (st->id not "") and p resumes
 * (a flare-up programme), that one's id and week are kept to go back to.
 */
void schedule_start(const struct programme *p, struct prog_state *st,
    const char *now);
/*
 * Today for programme p in state st, from the sessions v (n, any order)
 * and the feedback fb (or NULL), at `now`.  The gap and flare rules
 * change st (out->change says so: save it).  Returns 0, or -1 when now
 * or st->began is no valid time.
 */
int schedule_today(const struct programme *p, struct prog_state *st,
    const struct sched_session *v, int n, const struct sched_feedback *fb,
    const char *now, struct sched_today *out);

enum sched_next {
	SCHED_NEXT_WEEK,        /* on to the next week */
	SCHED_NEXT_RESUMED,     /* the flare-up programme ended: the paused
	                           one goes on (st holds it) */
	SCHED_NEXT_FINISHED,    /* the last week is done: the programme ends */
	SCHED_NEXT_NOT_READY,   /* the week's work is not done yet */
};
/* With consent: the next week, when t (schedule_today's) says ready. */
enum sched_next schedule_next(const struct programme *p, struct prog_state *st,
    const struct sched_today *t, const char *now);

/* The state file's text: "#backcoach-programme 1" then "key value"
 * lines.  As snprintf: the length needed. */
size_t schedule_state_format(const struct prog_state *st, char *buf,
    size_t cap);
/* Parses it (NUL-terminated text of `file`); problems as FILE:LINE
 * errors in d.  Returns 0, or -1 when it found an error. */
int schedule_state_parse(const char *text, const char *file,
    struct prog_state *st, struct diags *d);
/* The word for a change ("start", "next", ...) and back (-1: none). */
const char *schedule_change_name(enum sched_change c);
int schedule_change_find(const char *word);

#endif
