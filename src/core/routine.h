/*
 * routine.h - the routine model (format 1) and its validation.
 *
 * Part of the pure core: no libconfig here.  routine_load.c fills these
 * structs from a file and records where each setting was written; then
 * routine_validate() checks ranges and combinations and reports problems
 * with those lines.  The settings tables below are the one list of what a
 * routine may contain: the loader, the did-you-mean, the validator and the
 * man page test all read them.
 */
#ifndef BACKCOACH_ROUTINE_H
#define BACKCOACH_ROUTINE_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "figure.h"

#define ROUTINE_FORMAT_VERSION 1
#define ROUTINE_MAX_PHASES   8      /* entries in a tempo array */
#define ROUTINE_MAX_SETS     100    /* entries in a sets array, or a count */
#define ROUTINE_MAX_REPS     1000   /* reps in one set */
#define ROUTINE_MAX_EXERCISES 200
#define ROUTINE_MAX_TAGS     32
#define ROUTINE_MAX_EQUIPMENT 16
#define ROUTINE_MIN_SECONDS  0.1    /* shortest hold, phase or timer */
#define ROUTINE_MAX_SECONDS  86400  /* longest of anything: one day */
#define ROUTINE_MAX_STEPS    100000 /* steps a routine may expand to */
/* A typo guard, not a dose: no source behind the bundled routines gives a
 * hold longer than 2 minutes (prone lying, 60 to 120 s in McKenzie
 * practice; a stretch, up to 60 s for older adults, ACSM), and none gives
 * a most for every hold.  A hold or hold_max over this many seconds is
 * checked with a warning, never refused. */
#define ROUTINE_HOLD_TYPO    300

/* Settings types as the format names them. */
enum setting_type {
	ST_INT,                 /* integer */
	ST_NUMBER,              /* integer or float: seconds */
	ST_STRING,
	ST_BOOL,
	ST_STRINGS,             /* array of strings */
	ST_SETS,                /* integer, or array of integers */
	ST_TEMPO,               /* number, or array of numbers */
	ST_SIDES,               /* bool, or array of two strings */
	ST_VARIANT,             /* array of two strings: a name and a cue */
	ST_EXERCISES,           /* list of groups */
};

/*
 * X-macros: name, type, the longest text allowed (strings), what it is.
 * Routine-level settings, then exercise-level ones.
 */
#define ROUTINE_SETTINGS(X) \
	X(version,     ST_INT,       0,   "format version, must be 1") \
	X(name,        ST_STRING,    80,  "routine name (required)") \
	X(summary,     ST_STRING,    300, "one-line summary") \
	X(description, ST_STRING,    4000, "longer description") \
	X(tags,        ST_STRINGS,   40,  "array of tags") \
	X(caution,     ST_STRING,    300, "safety line shown before the start") \
	X(equipment,   ST_STRINGS,   40,  "what it needs: [\"mat\", \"towel\"]") \
	X(source,      ST_STRING,    600, "where the doses come from, with a URL") \
	X(off_back,    ST_STRING,    40,  "a routine like it with no exercise on the back: offered in pregnancy") \
	X(lead_in,     ST_NUMBER,    0,   "seconds to get into position (default 5)") \
	X(rest,        ST_NUMBER,    0,   "seconds of rest between sets and sides (default 15)") \
	X(exercises,   ST_EXERCISES, 0,   "list of exercises (at least one)")

#define EXERCISE_SETTINGS(X) \
	X(name,        ST_STRING,    80,  "exercise name (required)") \
	X(cue,         ST_STRING,    300, "one line of coaching") \
	X(caution,     ST_STRING,    300, "one line of caution") \
	X(hold,        ST_NUMBER,    0,   "held reps: seconds per hold") \
	X(relax,       ST_NUMBER,    0,   "seconds between held reps (default 2)") \
	X(tempo,       ST_TEMPO,     0,   "paced reps: seconds per rep, or per phase") \
	X(phases,      ST_STRINGS,   24,  "one word per tempo phase") \
	X(reps,        ST_INT,       0,   "reps per set (default 1 held, 10 paced)") \
	X(sets,        ST_SETS,      0,   "number of sets, or reps of each set") \
	X(sides,       ST_SIDES,     24,  "true, or two side names") \
	X(rest,        ST_NUMBER,    0,   "seconds of rest, for this exercise") \
	X(lead_in,     ST_NUMBER,    0,   "seconds to get ready, for this exercise") \
	X(duration,    ST_NUMBER,    0,   "a plain timer: seconds") \
	X(reps_max,    ST_INT,       0,   "the most reps a set may grow to") \
	X(hold_max,    ST_NUMBER,    0,   "the longest a hold may grow to: seconds") \
	X(easier,      ST_VARIANT,   300, "an easier version: [name, cue]") \
	X(harder,      ST_VARIANT,   300, "a harder version: [name, cue]") \
	X(source,      ST_STRING,    600, "where this exercise's dose comes from") \
	X(figure,      ST_STRING,    40,  "its picture: a file of routines/figures, without .fig") \
	X(position,    ST_STRING,    24,  "where the body is: standing, sitting, back, front, side, all-fours, kneeling") \
	X(alternate,   ST_BOOL,      0,   "reps alternate sides: an even number, growing by 2")

#define X_ENUM(name, type, max, doc) RS_##name,
enum routine_setting { ROUTINE_SETTINGS(X_ENUM) RS_COUNT };
#undef X_ENUM
#define X_ENUM(name, type, max, doc) XS_##name,
enum exercise_setting { EXERCISE_SETTINGS(X_ENUM) XS_COUNT };
#undef X_ENUM

struct setting_info {
	const char *name;
	enum setting_type type;
	int maxlen;             /* longest string allowed, 0 for no strings */
	const char *doc;
};

extern const struct setting_info routine_settings[RS_COUNT];
extern const struct setting_info exercise_settings[XS_COUNT];

enum exercise_kind {
	EX_NONE,                /* no hold, tempo or duration: an error */
	EX_HOLD,                /* held reps */
	EX_TEMPO,               /* paced reps */
	EX_TIMER,               /* one countdown */
};

struct exercise {
	char *name;                          /* required */
	char *cue, *caution;                 /* or NULL */
	double hold, relax;                  /* seconds */
	double tempo[ROUTINE_MAX_PHASES];    /* seconds per phase */
	int ntempo;                          /* 0 when no tempo */
	char *phases[ROUTINE_MAX_PHASES];    /* words, or NULL */
	int nphases;
	int64_t reps;                        /* -1: not given */
	int64_t sets_count;                  /* -1: not given, or an array */
	int64_t sets[ROUTINE_MAX_SETS];      /* reps of each set, if an array */
	int nsets;                           /* entries in sets[], 0 if none */
	bool sides;                          /* left then right */
	char *side_names[2];                 /* or NULL: "left", "right" */
	double rest, lead_in;                /* < 0: routine's value */
	double duration;                     /* timer seconds */
	int64_t reps_max;                    /* ceilings for progression, */
	double hold_max;                     /* when has[] says written */
	char *easier[2], *harder[2];         /* name and cue, or NULL */
	char *source;                        /* or NULL: the routine's */
	char *figure;                        /* the figure's id, or NULL */
	char *position;                      /* position.h's word, or NULL */
	bool alternate;                      /* reps alternate sides (even) */
	const struct figure *fig;            /* it, loaded (the routine's
	                                        figs[]), or NULL */
	bool has[XS_COUNT];                  /* which settings were written */
	int line[XS_COUNT];                  /* where each one was written */
	int group_line;                      /* where the group starts */
	char *file;                          /* file the group is in (owned) */
};

struct routine {
	char *id;                            /* file name without .cfg */
	char *path;                          /* file it came from */
	int64_t version;
	char *name, *summary, *description, *caution, *source;
	char *off_back;                      /* a routine's id, or NULL */
	char *tags[ROUTINE_MAX_TAGS];
	int ntags;
	char *equipment[ROUTINE_MAX_EQUIPMENT];   /* "mat", "towel" */
	int nequipment;
	double lead_in, rest;                /* defaults for the exercises */
	struct exercise *ex;
	int nex;
	bool has[RS_COUNT];
	int line[RS_COUNT];
	bool exercises_bad;                  /* of the wrong type: reported */
	struct figure **figs;                /* the exercises' figures, each */
	int nfigs;                           /* once (figure_load.c) */
};

#define ROUTINE_DEFAULT_LEAD_IN  5.0
#define ROUTINE_DEFAULT_REST     15.0
#define ROUTINE_DEFAULT_RELAX    2.0
#define ROUTINE_DEFAULT_REPS_HOLD  1
#define ROUTINE_DEFAULT_REPS_TEMPO 10

void routine_init(struct routine *r);
void routine_free(struct routine *r);
struct exercise *routine_add_exercise(struct routine *r);

enum exercise_kind exercise_kind(const struct exercise *e);
int exercise_nsets(const struct exercise *e);
int64_t exercise_set_reps(const struct exercise *e, int set);
double exercise_rest(const struct routine *r, const struct exercise *e);
double exercise_lead_in(const struct routine *r, const struct exercise *e);
double exercise_relax(const struct exercise *e);
/* Whether every exercise of r is a timer ('duration'): an ice or heat
 * pack, a walk.  Such a routine has no reps or holds, so no dose to grow:
 * it is summed up in timers, never in exercises, sets and reps. */
bool routine_timers_only(const struct routine *r);

/* Makes every exercise of r get ready for lead_in seconds: the lead_in
 * setting, over what the routine says.  lead_in < 0 leaves r as it is. */
void routine_set_lead_in(struct routine *r, double lead_in);

/* Checks everything the loader could not: presence, ranges, combinations.
 * Appends to d; returns 0, or -1 when it found an error. */
int routine_validate(const struct routine *r, struct diags *d);

/* The known name nearest to `name` (edit distance at most 2, or a
 * case-insensitive match), or NULL.  (In words.c, with setting_lookup.) */
const char *setting_suggest(const char *name, const struct setting_info *tab,
    int n);
/* The index of setting `name` in tab; or -1 after a warning at file:line,
 * "unknown WHERE setting 'x' (did you mean 'y'?); it is ignored" (where
 * may be NULL).  The one look-up of routines and of the settings file. */
int setting_lookup(struct diags *d, const char *file, int line,
    const char *where, const char *name, const struct setting_info *tab,
    int n);
/* What kind of value setting name (len bytes) of tab takes, in words ("a
 * whole number, such as 5"), for a hint; NULL for a string, or a name tab
 * does not have.  (In words.c.) */
const char *setting_hint(const char *name, size_t len,
    const struct setting_info *tab, int n);

#endif
