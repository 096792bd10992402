/*
 * programme.h - a programme over weeks (format 1) and its validation.
 *
 * Part of the pure core: programme_load.c fills these structs from a
 * libconfig file and records where each setting was written; then
 * programme_validate() checks ranges and combinations and reports
 * problems at those lines.  The settings tables are the one list of what
 * a programme may contain: the loader, the did-you-mean, the validator
 * and the man page test read them.  schedule.h decides what a day holds.
 *
 * A week names the routine of each weekday (a group, mon = "id"), or one
 * routine on named weekdays (days = ["mon", "thu"]), or one routine on
 * any N days (days = 3); what to do on a rest day; a word on the dose;
 * and its source.
 */
#ifndef BACKCOACH_PROGRAMME_H
#define BACKCOACH_PROGRAMME_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "routine.h"

#define PROG_FORMAT_VERSION 1
#define PROG_MAX_WEEKS      52
#define PROG_DAYS           7       /* Monday first */
#define PROG_ID_MAX         64      /* longest programme or routine id */

/* X-macros: name, type, the longest text allowed (strings), what it is. */
#define PROGRAMME_SETTINGS(X) \
	X(programme,   ST_INT,       0,    "format version, must be 1") \
	X(name,        ST_STRING,    80,   "programme name (required)") \
	X(summary,     ST_STRING,    300,  "one-line summary") \
	X(source,      ST_STRING,    600,  "where the plan comes from, with a URL") \
	X(resume,      ST_BOOL,      0,    "when it ends, the programme it interrupted goes on (a flare-up programme)") \
	X(weeks,       ST_EXERCISES, 0,    "list of weeks (at least one)")

#define WEEK_SETTINGS(X) \
	X(routine,     ST_STRING,    PROG_ID_MAX, "the routine of every training day") \
	X(days,        ST_INT,       0,    "training days: a count (any N days), weekday names, or a group mon = \"id\"") \
	X(rest,        ST_STRING,    300,  "what to do on a rest day") \
	X(rest_routine, ST_STRING,   PROG_ID_MAX, "a routine offered on a rest day") \
	X(dose,        ST_STRING,    300,  "what to do about the dose this week") \
	X(source,      ST_STRING,    600,  "where this week comes from, with a URL")

#define X_ENUM(name, type, max, doc) PS_##name,
enum programme_setting { PROGRAMME_SETTINGS(X_ENUM) PS_COUNT };
#undef X_ENUM
#define X_ENUM(name, type, max, doc) WS_##name,
enum week_setting { WEEK_SETTINGS(X_ENUM) WS_COUNT };
#undef X_ENUM

extern const struct setting_info programme_settings[PS_COUNT];
extern const struct setting_info week_settings[WS_COUNT];
/* "mon" .. "sun" */
extern const char *const programme_day_names[PROG_DAYS];

/* How a week's `days` was written. */
enum prog_days {
	DAYS_NONE,                      /* not at all */
	DAYS_COUNT,                     /* days = 3: any 3 days, `routine` */
	DAYS_NAMED,                     /* days = ["mon", "thu"], `routine` */
	DAYS_GROUP,                     /* days = { mon = "id"; }, no `routine` */
	DAYS_BAD,                       /* of the wrong form: reported */
};

struct prog_week {
	enum prog_days form;
	char *routine;                  /* with days = N or a weekday array */
	int64_t per_week;               /* any N days a week; 0: named days */
	char *day[PROG_DAYS];           /* each weekday's routine, or NULL: a
	                                   rest day (named days; the loader
	                                   fills them from `routine` too) */
	int day_line[PROG_DAYS];        /* where each was named */
	char *rest, *rest_routine, *dose, *source;      /* or NULL */
	bool has[WS_COUNT];             /* which settings were written */
	int line[WS_COUNT];             /* where each one was written */
	int group_line;                 /* where its group starts */
};

struct programme {
	char *id;                       /* file name without .programme */
	char *path;                     /* the file it came from, as shown */
	int64_t version;
	char *name, *summary, *source;
	bool resume;
	struct prog_week week[PROG_MAX_WEEKS];
	int nweeks;
	bool has[PS_COUNT];
	int line[PS_COUNT];
	bool weeks_bad;                 /* of the wrong type: reported */
};

void programme_init(struct programme *p);
void programme_free(struct programme *p);
/* The weekday named ("mon" .. "sun", any case), Monday 0; or -1. */
int programme_day_find(const char *name);
/* Monday 0 .. Sunday 6 of a day number. */
int programme_weekday(int day);
/* How many training days week w asks for. */
int programme_week_target(const struct prog_week *w);
/* The routine week w holds on weekday wd: its named day's, or the one
 * routine of any-N-days; NULL for a rest day. */
const char *programme_week_routine(const struct prog_week *w, int wd);
/* Whether routine id is one of week w's training routines. */
bool programme_week_has(const struct prog_week *w, const char *id);
/* Checks what the loader could not: presence, ranges, combinations, the
 * text of every string, routine ids that could name a file.  Appends to
 * d (the problems at the file's lines); returns 0, or -1 when it found an
 * error. */
int programme_validate(const struct programme *p, struct diags *d);

#endif
