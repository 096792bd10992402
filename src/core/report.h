/*
 * report.h - the report for a physiotherapist (`backcoach report`): one
 * computation over the history for a period, three renderers (HTML,
 * text, JSON) of the same figures.
 *
 * Part of the pure core.  The command layer streams the history through
 * store_read and hands each record to report_add; nothing is kept per
 * session but what the page shows, and lists that could grow with the
 * history (notes, pain reports, red-flag answers, dose changes) keep
 * only their newest REPORT_KEEP_* entries and count the rest, so a
 * million sessions cost what six weeks do.  Sessions may come in any
 * order (two machines' files put together): days and weeks are sums, and
 * the lists are ordered by the instant each start names.
 *
 * What counts is what `stats` counts (history_stats.c): an exercise
 * session with something worked, not stopped for safety.
 */
#ifndef BACKCOACH_REPORT_H
#define BACKCOACH_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history.h"

#define REPORT_DEFAULT_WEEKS 6
#define REPORT_MAX_WEEKS     530        /* ten years and a little */
#define REPORT_KEEP_NOTES    30         /* newest notes shown */
#define REPORT_KEEP_PAINS    40         /* newest pain-key reports */
#define REPORT_KEEP_FLAGS    40         /* newest red-flag answers */
#define REPORT_KEEP_CHANGES  12         /* newest dose changes an exercise */
#define REPORT_KEEP_FEEDBACK 30         /* newest per-exercise feedback */
#define REPORT_MAX_ROUTINES  32         /* routines listed; more counted */
#define REPORT_MAX_EXERCISES 48         /* exercises whose doses are shown */
#define REPORT_EX_MAX        64         /* exercises of a session followed */

/* What a day of the calendar was. */
enum report_day_kind {
	RD_OUTSIDE,             /* before the period or the first session
	                           ever recorded, or after today */
	RD_MISSED,              /* nothing recorded (today, with nothing
	                           yet, is not over: RD_OUTSIDE) */
	RD_REST,                /* no exercise, but a pack, or a session not
	                           started or stopped for pain or a red flag */
	RD_PARTLY,              /* something done, nothing completed */
	RD_DONE,                /* a session completed */
	RD_KIND_COUNT
};

struct report_day {
	int64_t sessions;       /* exercise sessions with something done */
	int64_t completed;
	int64_t seconds;        /* their durations */
	int64_t rests;          /* packs, stops for safety */
	int64_t before_sum, after_sum, pairs;   /* pain before and after, over
	                                   the sessions that have both */
	int pain_max;           /* highest score of the day, or -1 */
	int64_t next[NEXT_DAY_COUNT];   /* the next-morning answers */
};

/* A week (Monday to Sunday), summed from its days. */
struct report_week {
	int monday;             /* day number */
	int64_t sessions, completed, seconds;
	int64_t before_sum, after_sum, pairs;
	int pain_max;           /* highest score of the week, or -1 */
	int64_t next[NEXT_DAY_COUNT];
	int done_days, partly_days, rest_days, missed_days;
};

/* A routine followed in the period. */
struct report_routine {
	char *id, *name;        /* the name as last recorded */
	int64_t sessions, completed, seconds;
	char *source;           /* where its doses come from (the routine's
	                           `source`), set by the command layer from
	                           the routine file; NULL: not found */
};

/* Something kept newest-first: when, and a place in the file to break
 * ties. */
struct report_when {
	int64_t t;              /* the instant its start names */
	int64_t seq;            /* order read */
	char start[HISTORY_START_LEN + 1];
};

struct report_note {
	struct report_when w;
	char *routine;          /* the routine's name */
	char *text;
};

/* A pain report during a session (the pain key). */
struct report_pain {
	struct report_when w;
	char *routine;
	char *exercise;         /* the exercise it came during, or NULL when
	                           the record leaves more than one (a P line
	                           names no exercise; see report.c) */
	int64_t at_s;           /* seconds into the session */
	int score;
	bool spreads;
	enum hist_pain_step step;
};

/* A red-flag answer: a "yes" that stopped a session, or flags a doctor
 * had checked that day. */
struct report_flag {
	struct report_when w;
	char *flag;             /* the flag's id ("fever"), or NULL */
	char *checked;          /* the ids checked, or NULL */
};

struct report_change {
	struct report_when w;
	char *from_reps, *to_reps;      /* "5,3,1" */
	double from_hold, to_hold;      /* seconds, 0: none */
	bool up;
};

/* One exercise's dose over the period, from the D lines. */
struct report_exercise {
	char *routine_id, *routine, *name;      /* routine: its name, if seen */
	int ex;                 /* 1-based, in its routine */
	char *start_reps;       /* the dose when the period began, or NULL:
	                           the first change's from */
	double start_hold;
	int64_t start_t;        /* when that dose was set (INT64_MIN: none) */
	struct report_change changes[REPORT_KEEP_CHANGES];
	int nchanges;           /* kept, newest first after report_finish */
	int64_t changes_total;  /* in the period */
};

/*
 * Per-exercise feedback (too easy, too hard, it hurt): the place for the
 * F lines of history version 4, once the coaching work records them.
 * Nothing fills it yet (nfeedback stays 0); every renderer already shows
 * what is here, newest first, beside the notes.
 */
struct report_feedback {
	struct report_when w;
	char *routine, *exercise;
	char *what;             /* "too easy", "too hard", "it hurt" */
};

struct report {
	int first_day, last_day;        /* the period: first day and today */
	int first_monday;               /* Monday of the first week shown */
	int nweeks;
	struct report_day *days;        /* 7 * nweeks, from first_monday */
	struct report_week *weeks;      /* nweeks, filled by report_finish */
	unsigned risk_factors;          /* SAFETY_RISK_BIT()s, or 0 */
	bool show_risk_factors;         /* --include-risk-factors */
	bool risk_factors_known;        /* the person has answered */

	int64_t sessions, completed, seconds;   /* in the period */
	int64_t rests, empty, packs;    /* counted apart */
	int64_t later;                  /* dated after today: left out */
	int first_ever;                 /* the day of the first session in the
	                                   whole history (INT_MAX: none) */
	int first_pain, last_pain;      /* the period's first and last pain
	                                   score (before, else after), or -1 */
	int64_t first_pain_t, last_pain_t;

	struct report_routine routines[REPORT_MAX_ROUTINES];
	int nroutines;
	int64_t more_routines;          /* sessions of routines not listed */

	struct report_note notes[REPORT_KEEP_NOTES];
	int nnotes;
	int64_t notes_total;
	struct report_pain pains[REPORT_KEEP_PAINS];
	int npains;
	int64_t pains_total;
	struct report_flag flags[REPORT_KEEP_FLAGS];
	int nflags;
	int64_t flags_total;
	struct report_exercise exercises[REPORT_MAX_EXERCISES];
	int nexercises;
	int64_t more_exercises;         /* changes of exercises not listed */
	struct report_feedback feedback[REPORT_KEEP_FEEDBACK];
	int nfeedback;
	int64_t feedback_total;

	/* the session being read, for its E and P lines */
	bool cur_in;                    /* it is in the period */
	char *cur_id;                   /* its routine id (with cur_w.start,
	                                   the key of its E and P lines) */
	struct report_when cur_w;
	char *cur_name;                 /* its routine's name */
	char *cur_ex[REPORT_EX_MAX];    /* its exercises' names */
	enum ex_status cur_status[REPORT_EX_MAX];
	int64_t cur_worked[REPORT_EX_MAX];
	int cur_nex;
	int64_t seq;
	int oom;                        /* memory ran out: lists incomplete */
};

/*
 * Prepares r for the period from first_day to last_day (today), both day
 * numbers; the calendar starts on the Monday of first_day's week.  0, or
 * -1 when the period is empty, longer than REPORT_MAX_WEEKS or memory
 * runs out.
 */
int report_init(struct report *r, int first_day, int last_day);
/* Adds one record as store_read hands it on (S, then its E and P; D). */
void report_add(struct report *r, const struct hist_record *rec);
/* Sums the weeks and orders the lists newest first; once, at the end. */
void report_finish(struct report *r);
void report_free(struct report *r);

/* A dose change (a D line); report_dose.c. */
void report_add_dose(struct report *r, const struct hist_dose *d);

/* What a day was. */
enum report_day_kind report_day_kind(const struct report *r, int i);
/* Its word ("done", "partly done", "rest day", "missed"), and a
 * one-character mark for the text calendar and the legend. */
const char *report_day_word(enum report_day_kind k);
char report_day_mark(enum report_day_kind k);
/* The band of scores no meaningfully different from `base` (2 points and
 * 30 %, safety_pain_change), clipped to 0-10: [*lo, *hi]. */
void report_band(double base, double *lo, double *hi);
/* The words of a next-morning answer in the report ("better"). */
const char *report_next_word(enum next_day n);

/* What a pain report led to, in the report's words ("stopped the
 * exercise"). */
const char *report_pain_step_word(enum hist_pain_step st);
/* The words of the signs an S line's flag names (ids joined by commas;
 * an id not known as it is), appended to b unescaped: the renderer
 * escapes them. */
struct sbuf;
void report_flag_text(const char *ids, struct sbuf *b);
/* A dose: "3 sets of 5,3,1, hold 8 s". */
void report_dose_text(const char *reps, double hold, char *buf, size_t len);
/* A start as "2026-12-01 08:10"; a day number as "2026-12-01". */
void report_date(const char *start, char *buf, size_t len);
void report_day_text(int day, char *buf, size_t len);

/* The pain trend in one sentence: first and last score, whether the
 * change is meaningful, the band. */
void report_trend_text(const struct report *r, char *buf, size_t len);

/* The three renderers; malloc'd text, or NULL when memory ran out. */
char *report_text(const struct report *r);     /* fits 80 columns */
char *report_html(const struct report *r);     /* one self-contained page */
char *report_json(const struct report *r);

#endif
