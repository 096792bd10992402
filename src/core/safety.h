/*
 * safety.h - the health rules backcoach applies: the red-flag questions
 * and what a "yes" means, the risk factors that add questions, the stop
 * rules, pain before and during a session, the meaningful change in pain,
 * when it is time to see someone, and when to progress a routine.
 *
 * Part of the pure core.  Every rule and every word comes from a public
 * source named beside it in safety.c (and in backcoach(1), SOURCES); the
 * wording suggests ("please get checked") and never diagnoses.  The
 * screens show these texts; they do not write their own.
 */
#ifndef BACKCOACH_SAFETY_H
#define BACKCOACH_SAFETY_H

#include <stdbool.h>
#include <stddef.h>

#include "emergency.h"

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
	SAFETY_SAME_DAY,        /* contact a doctor today */
	SAFETY_URGENT,          /* the emergency number or A&E, now */
};

/*
 * Risk factors: not red flags, and never a reason to stop on their own.
 * Asked once and kept in the risk_factors setting; a person who has one
 * is asked the questions that matter for them.  X-macro: id (the
 * setting's word), what it is.
 */
#define SAFETY_RISK_FACTORS(X) \
	X(cancer,       "Cancer, now or in the past") \
	X(steroids,     "Steroid tablets taken for a long time") \
	X(osteoporosis, "Osteoporosis (thin, fragile bones)") \
	X(immune,       "A weakened immune system, from an illness or its treatment") \
	X(age50,        "You are 50 or over") \
	X(pregnant,     "You are pregnant")

#define X_ENUM(id, what) SAFETY_RISK_##id,
enum safety_risk { SAFETY_RISK_FACTORS(X_ENUM) SAFETY_RISK_COUNT };
#undef X_ENUM
#define SAFETY_RISK_BIT(id) (1u << SAFETY_RISK_##id)

struct safety_risk_factor {
	const char *id;         /* the word in the risk_factors setting */
	const char *what;       /* for the question */
};
extern const struct safety_risk_factor safety_risk_factors[SAFETY_RISK_COUNT];
/* The risk factor named word, or -1. */
int safety_risk_find(const char *word);

/*
 * The red flags.  X-macro: id (stable: the history records it), urgency,
 * the risk factors that add it (0: asked of everyone), a few words for
 * `backcoach --help` (safety_help_list), and the words, as an item of a
 * list under the screen's question (safety_screen_question).
 */
#define SAFETY_RED_FLAGS(X) \
	X(chest_pain, SAFETY_URGENT, 0u, "chest pain", \
	    "Chest pain as well as your back pain") \
	X(serious_accident, SAFETY_URGENT, 0u, "pain after a serious fall or accident", \
	    "The pain started after a serious fall or accident, such as a car accident") \
	X(saddle, SAFETY_URGENT, 0u, "numbness or tingling around the genitals or bottom", \
	    "Numbness or tingling around your genitals or bottom, or a changed feeling when you wipe: new, or getting worse") \
	X(bladder, SAFETY_URGENT, 0u, "trouble peeing, or no bladder feeling or control", \
	    "Trouble peeing, leaking, not knowing when your bladder is full or empty, or no feeling when you pee: new, or getting worse") \
	X(bowel, SAFETY_URGENT, 0u, "no bowel control or feeling", \
	    "Losing control of your bowels, or no feeling when you pass a stool: new, or getting worse") \
	X(both_legs, SAFETY_URGENT, 0u, "pain, tingling, weakness or numbness in both legs, or unsteadiness", \
	    "Pain, tingling, weakness or numbness in both legs, or difficulty walking or unsteadiness: new, or getting worse") \
	X(sexual, SAFETY_URGENT, 0u, "new numbness of the genitals in sex, or erection or ejaculation trouble", \
	    "Since the back pain started: numbness of the genitals during sex, or trouble getting an erection or ejaculating") \
	X(fall_knock, SAFETY_URGENT, SAFETY_RISK_BIT(osteoporosis) | SAFETY_RISK_BIT(steroids) | SAFETY_RISK_BIT(age50), \
	    "pain after a fall or knock, even a small one (50+, osteoporosis, steroids)", \
	    "The pain started after a fall or knock, even a small one") \
	X(cancer_leg, SAFETY_URGENT, SAFETY_RISK_BIT(cancer), \
	    "pain in one leg with weakness or numbness in it (cancer)", \
	    "Pain in one leg, with weakness or numbness in that leg: new, or getting worse") \
	X(fever, SAFETY_SAME_DAY, 0u, "a high temperature, or feeling generally unwell", \
	    "A high temperature (38 degrees C or more), or you feel generally unwell") \
	X(weight_loss, SAFETY_SAME_DAY, 0u, "weight lost without trying", \
	    "You have lost weight without trying") \
	X(lump, SAFETY_SAME_DAY, 0u, "a lump or swelling in the back, or a changed shape", \
	    "A lump or swelling in your back, or your back has changed shape") \
	X(night_pain, SAFETY_SAME_DAY, 0u, "pain that does not ease with rest, or is worse at night", \
	    "Pain that does not ease with rest, or is much worse at night") \
	X(upper_back, SAFETY_SAME_DAY, 0u, "pain high in the back, between the shoulder blades", \
	    "Pain high in your back, between the shoulder blades, rather than low down") \
	X(cannot_move, SAFETY_SAME_DAY, 0u, "pain so bad you can hardly move, wash or dress", \
	    "Pain so bad that you can hardly move, get out of bed, wash or dress") \
	X(cough_strain, SAFETY_SAME_DAY, 0u, "pain much worse when coughing, sneezing or going to the toilet", \
	    "Back pain that is much worse when you cough, sneeze or go to the toilet") \
	X(changed_pain, SAFETY_SAME_DAY, SAFETY_RISK_BIT(cancer) | SAFETY_RISK_BIT(steroids) | SAFETY_RISK_BIT(immune), \
	    "new, different or steadily worse pain (cancer, steroids, weak immunity)", \
	    "This pain is new, different from your usual pain, or steadily getting worse")

#define X_ENUM(id, urgency, risks, brief, text) SAFETY_FLAG_##id,
enum safety_flag { SAFETY_RED_FLAGS(X_ENUM) SAFETY_FLAG_COUNT };
#undef X_ENUM

struct safety_question {
	const char *id;                 /* stable name, for the history */
	enum safety_urgency urgency;    /* what a "yes" means */
	unsigned risks;                 /* asked only with one of these (0: all) */
	const char *brief;              /* a few words, for --help */
	const char *text;               /* the item, as listed */
};

extern const struct safety_question safety_red_flags[SAFETY_FLAG_COUNT];
/* The flag named id, or -1. */
int safety_flag_find(const char *id);
/* Whether flag f is asked of a person with these risk factors. */
bool safety_flag_asked(enum safety_flag f, unsigned risks);
/* The question over the list of the flags of urgency u. */
const char *safety_screen_question(enum safety_urgency u);

/* Flags as a set: bit f for flag f. */
#define SAFETY_FLAG_BIT(f) (1u << (f))
/* The most urgent of the flags in mask (SAFETY_OK when none). */
enum safety_urgency safety_flags_urgency(unsigned mask);
/* The flags of mask as their ids, joined by commas, into out ("" when
 * none): what the history records. */
void safety_flags_ids(unsigned mask, char *out, size_t len);

/* The red-flag lists of `backcoach --help`, from the table: each tier's
 * heading and its items' brief words as "  - " lines. */
void safety_help_list(char *out, size_t len);

/*
 * What to do after a "yes" to the flags of mask (one or more), for the
 * screen: a title and a few sentences, following the most urgent of them,
 * with the emergency number and department of call filled in.
 * cancer_care adds the acute oncology line to the same-day advice.  Never
 * a diagnosis.
 */
void safety_flags_advice(unsigned mask, const struct emergency_call *call,
    bool cancer_care, char *title, size_t tlen, char *text, size_t len);
/* "Please call 000 or go to the emergency department now, and do not
 * drive yourself." into out. */
void safety_call_now(const struct emergency_call *call, char *out,
    size_t len);

/*
 * Pregnancy: a routine tagged SAFETY_TAG_ON_BACK has exercises lying on
 * the back, and its start card says this to a person who is pregnant.
 */
#define SAFETY_TAG_ON_BACK "on-back"
extern const char safety_pregnant_on_back[];

/*
 * The flare-up routines: the gentle routine for a bad day and its
 * version off the back (for pregnancy, which the first offers), the
 * bundled ones or the person's copies (which keep their ids).  A session
 * of one says the back is in a flare: no step up of another routine's
 * dose in a week with one, and in a programme week that has neither, a
 * flare.  Their own doses grow by the ordinary rule.
 */
#define SAFETY_FLARE_ROUTINE "gentle-flare-up"
#define SAFETY_FLARE_ROUTINE_OFF_BACK "flare-up-off-back"
extern const char *const safety_flare_routines[];       /* NULL-ended */
/* Whether routine id is a flare-up routine. */
bool safety_flare_routine(const char *id);

/* The stop rules: shown before every routine and in the help.  X-macro:
 * id, the rule as one line. */
#define SAFETY_STOP_RULES(X) \
	X(pain_high, "Your pain reaches 6 out of 10, or 2 points more than when you started (when you start at 6 or more, the 2 points alone).") \
	X(pain_spreads, "Pain spreads down a leg.") \
	X(numb_weak, "You feel new numbness or weakness.")

#define X_ENUM(id, text) SAFETY_STOP_##id,
enum safety_stop_rule { SAFETY_STOP_RULES(X_ENUM) SAFETY_STOP_COUNT };
#undef X_ENUM

/* "Stop the exercise and rest if:" and the rules as "- " lines. */
extern const char safety_stop_text[];

/* Whether pain is a score of 0 to 10 (not SAFETY_PAIN_NONE). */
bool safety_pain_valid(int pain);

/* Pain before a session: what to say about it, if anything (NULL). */
const char *safety_pain_before(int pain);

/* Pain after a session: what to say about it, if anything (NULL): above
 * 5, the NHS's words on when to see a GP, never a step up beside it. */
const char *safety_pain_after(int pain);

/* What a pain report during a session calls for (the pain-monitoring
 * model; see safety.c). */
enum safety_pain_step {
	SAFETY_PAIN_FINE,       /* 0-3: go on */
	SAFETY_PAIN_GENTLY,     /* 4-5: go on gently; less next time */
	SAFETY_PAIN_STOP,       /* stop this exercise */
	SAFETY_PAIN_SAME_DAY,   /* a doctor today; the session ends */
	SAFETY_PAIN_URGENT,     /* urgent advice; the session ends */
};

/* A report of `pain` (0-10) during a session that started at `before`
 * (or SAFETY_PAIN_NONE), the pain spreading down a leg or not, with new
 * numbness (genitals or bottom, bladder or bowel, both legs) or not, with
 * new numbness or weakness in one leg or not.  *why gets one sentence
 * for the person. */
enum safety_pain_step safety_pain_during(int pain, int before, bool spreads,
    bool numb, bool one_leg, const char **why);
/* The advice after new numbness or weakness in one leg. */
extern const char safety_one_leg_text[];

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

/*
 * Whether pain improves, comparing like with like: the pain before
 * exercise sessions (never ice or heat) in the first week against the
 * latest week; and, where those scores are missing, how the back was the
 * next morning after exercise sessions (the answers better, same, worse
 * compared with before the session) in the first week against the
 * latest.  Fed one session at a time, in the order of the history.
 */
#define SAFETY_NOT_IMPROVING_DAYS 14
#define SAFETY_WEEK_SUMS 3
/* Sums of one kind of value over the first week with one (7 days from
 * the first day seen) and over the latest (the 7 days to the latest). */
struct safety_weeks {
	int first_day;          /* the first day with a value, or -1 */
	int first[SAFETY_WEEK_SUMS];    /* summed over first_day .. +6 */
	int last_day;           /* the latest day with a value, or -1 */
	int day[7];             /* the latest days, by day % 7 */
	int sum[7][SAFETY_WEEK_SUMS];
};
struct safety_trend {
	struct safety_weeks pain;       /* pain before: sum, count */
	struct safety_weeks morning;    /* next mornings: better, worse,
	                                   answered */
};
/* A next morning's answer, as the trend counts it. */
enum safety_morning {
	SAFETY_MORNING_WORSE = -1,
	SAFETY_MORNING_SAME,
	SAFETY_MORNING_BETTER,
};
void safety_trend_init(struct safety_trend *t);
/* An exercise session on day with pain before (ignored when missing). */
void safety_trend_add(struct safety_trend *t, int day, int pain_before);
/* The next morning after an exercise session on day. */
void safety_trend_morning(struct safety_trend *t, int day,
    enum safety_morning m);
/* The means of the first and the latest week (-1 when too little to
 * tell: less than SAFETY_NOT_IMPROVING_DAYS between them). */
void safety_trend_means(const struct safety_trend *t, double *first,
    double *last);
/* The next mornings of the first and the latest week: better, worse and
 * answered in each ({better, worse, n}); false when too little to tell,
 * as for the means. */
bool safety_trend_mornings(const struct safety_trend *t, int first[3],
    int last[3]);
/* Whether it has not improved meaningfully; false when too little to
 * tell, or when the first week's pain was too low to improve by 2.
 * Without the pain before in both weeks, the next mornings: not
 * improving when the latest week's were no more often better than worse,
 * and on balance no better than the first week's. */
bool safety_not_improving(const struct safety_trend *t);
/* What to say then, with the rule and the numbers (the next mornings'
 * too, when both weeks have them), into out. */
void safety_not_improving_say(const struct safety_trend *t, char *out,
    size_t len);

#endif
