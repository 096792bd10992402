/*
 * safety.h - the health rules backcoach applies: red-flag questions, the
 * stop rules during a session, the pain traffic light, the meaningful
 * change in pain, and when to progress a routine.
 *
 * Part of the pure core.  Every rule and every word comes from
 * ../shared/design/CONTENT.md; the wording suggests ("please get
 * checked") and never diagnoses.  The red-flag screen and the ice/heat
 * commands show these texts; they do not write their own.
 */
#ifndef BACKCOACH_SAFETY_H
#define BACKCOACH_SAFETY_H

#include <stdbool.h>

#define SAFETY_PAIN_MIN 0
#define SAFETY_PAIN_MAX 10
#define SAFETY_PAIN_NONE (-1)     /* a pain score that was not given */

/* How often the red-flag questions are asked before a session. */
enum safety_screen_freq {
	SAFETY_SCREEN_EVERY,    /* before every session */
	SAFETY_SCREEN_DAILY,    /* before the first session of a day */
	SAFETY_SCREEN_WEEKLY,   /* once a week */
	SAFETY_SCREEN_NEVER,
	SAFETY_SCREEN_FREQ_COUNT
};

/* Whether the red-flag questions are due at time now (seconds, on day
 * `today`, a local day number), given when they were last answered "no"
 * (at `last`, on day last_day; have_last false: never). */
bool safety_screen_due(enum safety_screen_freq f, bool have_last,
    long long last, int last_day, long long now, int today);

/* How soon to get help; ordered, so the worst answer is the largest. */
enum safety_urgency {
	SAFETY_OK,              /* no red flag: exercise as planned */
	SAFETY_SAME_DAY,        /* see a doctor today */
	SAFETY_URGENT,          /* emergency department or emergency number */
};

/*
 * X-macro: id, urgency, the yes/no question in plain words.  A "yes" to
 * any of them stops the session.  The last one is the source article's
 * own red flag.
 */
#define SAFETY_RED_FLAGS(X) \
	X(saddle_numbness, SAFETY_URGENT, \
	    "Do you have numbness or tingling around your genitals, buttocks or inner thighs?") \
	X(bladder,         SAFETY_URGENT, \
	    "Do you have new trouble starting or controlling your pee, or new leaking?") \
	X(bowel,           SAFETY_URGENT, \
	    "Have you newly lost control of your bowels?") \
	X(both_legs,       SAFETY_URGENT, \
	    "Do you have pain, weakness or numbness in both legs, or are your legs getting weaker?") \
	X(sexual_function, SAFETY_URGENT, \
	    "Has your sexual function changed recently?") \
	X(serious_fall,    SAFETY_URGENT, \
	    "Did the pain start after a serious fall or accident?") \
	X(chest_pain,      SAFETY_URGENT, \
	    "Do you have chest pain as well as the back pain?") \
	X(fever,           SAFETY_SAME_DAY, \
	    "Do you have a fever of 38 degrees C or more, or feel generally unwell?") \
	X(weight_loss,     SAFETY_SAME_DAY, \
	    "Have you lost weight without trying?") \
	X(lump,            SAFETY_SAME_DAY, \
	    "Is there a lump, a swelling or a change in the shape of your back?") \
	X(night_pain,      SAFETY_SAME_DAY, \
	    "Is the pain much worse at night or when you lie down?") \
	X(medical_history, SAFETY_SAME_DAY, \
	    "Have you had cancer or long-term steroids, or do you have osteoporosis or a weak immune system?") \
	X(cannot_move,     SAFETY_SAME_DAY, \
	    "Is the pain so bad that you can hardly move, get out of bed, wash or dress?")

#define X_ENUM(id, urgency, question) SAFETY_FLAG_##id,
enum safety_flag { SAFETY_RED_FLAGS(X_ENUM) SAFETY_FLAG_COUNT };
#undef X_ENUM

struct safety_question {
	const char *id;                 /* stable name, for the history */
	enum safety_urgency urgency;    /* what a "yes" means */
	const char *question;           /* yes/no question shown to the user */
};

extern const struct safety_question safety_red_flags[SAFETY_FLAG_COUNT];

/* X-macro: id, the rule as one line.  Stop the session when any holds. */
#define SAFETY_STOP_RULES(X) \
	X(pain_rises, "Your pain rises sharply, or goes above 5 out of 10.") \
	X(pain_spreads, "Pain spreads further down a leg.") \
	X(numb_weak, "You feel new numbness or weakness.")

#define X_ENUM(id, text) SAFETY_STOP_##id,
enum safety_stop_rule { SAFETY_STOP_RULES(X_ENUM) SAFETY_STOP_COUNT };
#undef X_ENUM

extern const char *const safety_stop_rules[SAFETY_STOP_COUNT];
extern const char safety_stop_title[];   /* the line above the rules */

/* A title and a few sentences to show as they are. */
struct safety_message {
	const char *title;
	const char *text;
};

/* The worst urgency among the answers (yes[i] answers safety_red_flags[i]);
 * SAFETY_OK when every answer is no. */
enum safety_urgency safety_screen_result(const bool yes[SAFETY_FLAG_COUNT]);
/* What to show when the screen's result is u; NULL for SAFETY_OK. */
const struct safety_message *safety_red_flag_message(enum safety_urgency u);

/* The pain traffic light during exercise. */
enum safety_light {
	SAFETY_GREEN,           /* 0-3: fine */
	SAFETY_AMBER,           /* 4-5: go on with care, do less next time */
	SAFETY_RED,             /* 6-10: stop */
	SAFETY_LIGHT_INVALID,   /* not a score from 0 to 10 */
};

struct safety_pain_advice {
	enum safety_light light;
	const char *text;       /* one line for the user */
};

struct safety_pain_advice safety_pain_advice(int pain);

/* Whether a pain score changed meaningfully between two moments. */
enum safety_change {
	SAFETY_CHANGE_NONE,     /* no meaningful change */
	SAFETY_CHANGE_BETTER,   /* meaningfully less pain */
	SAFETY_CHANGE_WORSE,    /* meaningfully more pain */
	SAFETY_CHANGE_UNKNOWN,  /* a score is missing or out of range */
};

/* The rule on 0-10 scores, whole (one session) or not (weekly means);
 * a negative score is a missing one. */
enum safety_change safety_pain_change(double before, double after);
/* A short sentence for a change, e.g. for the session summary. */
const char *safety_change_text(enum safety_change c);

/* What one past session of a routine tells the progression rule. */
struct safety_session_facts {
	bool completed;         /* every exercise done, not quit or stopped */
	bool stopped_for_pain;  /* ended by the user for pain or a red flag */
	int pain_before;        /* 0-10, or SAFETY_PAIN_NONE */
	int pain_after;         /* 0-10, or SAFETY_PAIN_NONE */
	int pain_max;           /* highest during the session, or SAFETY_PAIN_NONE */
};

enum safety_progress {
	SAFETY_REPEAT,          /* do the same again */
	SAFETY_PROGRESS,        /* add 1-2 reps (one rep per set for holds) */
	SAFETY_STEP_BACK,       /* do less next time */
};

struct safety_progress_advice {
	enum safety_progress what;
	const char *text;       /* one or two sentences for the user */
};

/* The progression rule over the last sessions of one routine, most recent
 * first (last[0]); n may be 0. */
struct safety_progress_advice safety_progression(
    const struct safety_session_facts *last, int n);

#endif
