/*
 * history.h - the history file's records: format, parse, dates.
 *
 * Part of the pure core: no I/O, no clock.  store.c reads and writes the
 * file; history_join.c puts a session's records together as they are
 * read; history_stats.c sums them up.
 *
 * The file is plain text, one record per line, fields separated by TAB,
 * so that `cut -f` and `awk -F'\t'` read it.  Version 4:
 *
 *   #backcoach-history 4          the version of the records that follow
 *   S start dur rid rname status reason exc exs ext worked pb pa note
 *     flag checked painmax kind
 *   E start rid n name status sets_done sets_planned reps_done reps_planned worked
 *   P start rid at score spreads step
 *   A start rid pa note
 *   N start rid answer
 *   D at rid n name from_reps from_hold to_reps to_hold why
 *   F start rid n rating
 *
 * An S line is one session, written when it ends; its E lines (one per
 * exercise, n = 1..ext) and P lines (each pain report during it) follow
 * at once, in the same write().  An A line, written later, amends it with
 * what was asked after it (the pain after, a note); an N line, written on
 * a later day, with how the back was the next morning (better, same,
 * worse, or skipped when the question was put aside).  Every line after the
 * S repeats its start time and routine id as the key that joins them,
 * also after a merge.  Each S line is complete on its own, so session
 * sums need only `$1 == "S"`.  A D line records a change of one
 * exercise's dose that the person accepted: when (at), which routine and
 * exercise (n, 1-based, and its name), the reps of each set ("5,3,1") and
 * the hold (seconds, empty for none) before and after, and why ("up" or
 * "down").  An F line (version 4) is the person's rating of exercise n
 * of the session, asked at its end: "easy" (too easy), "right" (about
 * right), "hard" (too hard) or "hurt" (it hurt); written later, like an
 * A line, and handed on after its session's E and P lines.  Version 3
 * files have no F lines, version 2 files no N or D lines, version 1 files S lines
 * of 14 fields (no flag, checked, painmax, kind) and no P or A lines;
 * both read as they are.  A version line may come again mid-file: the records after it
 * are of that version.  Other lines starting with '#' are comments; blank
 * lines are ignored.  In text fields TAB, LF, CR and backslash are written
 * \t \n \r \\.
 *
 * Version 4 adds one field, sid, at the end of the S, A, N and F lines:
 *
 *   S ... kind sid     A start rid pa note sid     N start rid answer sid
 *   F start rid n rating sid
 *
 * a session id (1-32 letters, digits, '-' or '_'; made at random when the
 * session starts), so that an A, N or F line finds its session even when
 * two sessions of one routine started in the same second.  E and P lines
 * are written in one piece with their S line and need none.  An A, N or F
 * line without one (or with an empty one) joins the newest session of its
 * start and routine, as before; the lines of versions 1 to 3 read as they
 * are.
 */
#ifndef BACKCOACH_HISTORY_H
#define BACKCOACH_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendar.h"

#define HISTORY_VERSION   4
#define HISTORY_HEADER    "#backcoach-history 4\n"
#define HISTORY_HEADER_PREFIX "#backcoach-history "
#define HISTORY_S_FIELDS  18     /* fields of an S line */
#define HISTORY_S_FIELDS_V1 14   /* ... written by version 1 */
/* Version 4: a session id after the fields of S, A, N and F lines. */
#define HISTORY_S_FIELDS_V4 (HISTORY_S_FIELDS + 1)
#define HISTORY_SID_MAX   32     /* a session id's longest */
#define HISTORY_E_FIELDS  11     /* fields of an E line */
#define HISTORY_P_FIELDS  7      /* fields of a P line */
#define HISTORY_A_FIELDS  5      /* fields of an A line */
#define HISTORY_F_FIELDS  5      /* fields of an F line */
#define HISTORY_N_FIELDS  4      /* fields of an N line */
#define HISTORY_D_FIELDS  10     /* fields of a D line */
#define HISTORY_START_LEN 25     /* "2026-03-29T23:30:00+02:00" */
/* The longest of the file's fixed words (history_*_name(): statuses,
 * reasons, kinds, steps, answers), for a writer that sizes its room
 * before it writes (history_tsv.c); test_history checks it. */
#define HISTORY_WORD_MAX 16
#define HISTORY_MAX_SECONDS (31 * 86400)  /* longest time a record may give */

/* What became of one exercise of a session. */
enum ex_status {
	EXS_PENDING,            /* not reached */
	EXS_COMPLETED,          /* every work step ran its full length */
	EXS_SKIPPED,            /* passed over without any work */
	EXS_PARTIAL,            /* some work done, not all */
	EXS_COUNT
};

enum hist_status {
	HS_COMPLETED,           /* the whole routine ran */
	HS_PARTIAL,             /* ended early by the user: quit, signal */
	HS_STOPPED,             /* ended early for safety: pain, red flag */
	HS_COUNT
};

/* Why a session ended: the one list, from the event loop to the file.
 * Each reason has one status (history_status_of). */
enum hist_reason {
	HR_COMPLETED,           /* the plan ran to its end */
	HR_QUIT,                /* `q`, confirmed */
	HR_PAIN,                /* not started for pain: 6 or more before it,
	                           and the person chose not to start */
	HR_RED_FLAG,            /* not started: a yes on the red-flag screen */
	HR_SIGNAL,              /* SIGINT, SIGTERM, SIGHUP, or the terminal gone */
	HR_SKIPPED,             /* the plan ran to its end with nothing worked:
	                           every exercise skipped */
	HR_COUNT
};

/* What kind of session: exercise, or an ice or heat pack. */
enum hist_kind {
	HK_EXERCISE,
	HK_PACK,
	HK_COUNT
};

/* How the back was the morning after a session, compared with before it:
 * the answer that judges it (the pain-monitoring model). */
enum next_day {
	NEXT_DAY_UNKNOWN,       /* not asked yet */
	NEXT_DAY_BETTER,
	NEXT_DAY_SAME,
	NEXT_DAY_WORSE,
	NEXT_DAY_SKIPPED,       /* asked, and put aside */
	NEXT_DAY_COUNT
};

/* How an exercise felt, as the person rated it at the end (F lines). */
enum ex_feedback {
	FB_NONE,                /* not rated */
	FB_EASY,                /* too easy */
	FB_RIGHT,               /* about right */
	FB_HARD,                /* too hard */
	FB_HURT,                /* it hurt */
	FB_COUNT
};

/* What a pain report during a session led to. */
enum hist_pain_step {
	HP_FINE,                /* 0-3: carried on */
	HP_GENTLY,              /* 4-5: carried on gently */
	HP_NEXT,                /* stopped the exercise, went on to the next */
	HP_END,                 /* stopped the exercise and ended the session */
	HP_URGENT,              /* urgent advice; the session ended */
	HP_COUNT
};

enum hist_rtype {
	HREC_BLANK,             /* empty line or comment */
	HREC_HEADER,            /* "#backcoach-history N"; version set */
	HREC_SESSION,           /* an S line */
	HREC_EXERCISE,          /* an E line */
	HREC_PAIN,              /* a P line */
	HREC_AMEND,             /* an A line */
	HREC_NEXT_DAY,          /* an N line (read apart from its session) */
	HREC_DOSE,              /* a D line */
	HREC_FEEDBACK,          /* an F line: ex_index, feedback */
	HREC_BAD,               /* malformed; why says what */
	HREC_SESSION_END,       /* not a line: the reader's mark that a
	                           session's lines are all handed on (its S
	                           and member records' strings last until
	                           this one is handled) */
};

/* One pain report during a session. */
struct hist_pain {
	int64_t at_s;           /* seconds into the session */
	int score;              /* 0-10 */
	bool spreads;           /* down a leg */
	enum hist_pain_step step;
};

/* One exercise of a session, as the file records it. */
struct hist_exercise {
	const char *name;
	enum ex_status status;  /* pending (not reached) .. partial */
	int sets_done, sets_planned;
	int reps_done, reps_planned;
	int64_t worked_s;       /* seconds worked in it */
	enum ex_feedback feedback;      /* the rating given at the end (F) */
};

/*
 * One session: the history record.  The coach fills it as the session
 * goes (history_session_init, session_record, the pain answers), the
 * store writes it, and the reader gives it back; nothing copies it into
 * another shape on the way.  Strings are borrowed: from the routine and
 * the coach while a session is recorded, from the line when read.
 */
struct hist_session {
	char start[HISTORY_START_LEN + 1];  /* ISO 8601 local time with offset */
	char sid[HISTORY_SID_MAX + 1];      /* session id (version 4), or "" */
	int day;                /* days since 1970-01-01 of start's date part */
	int64_t duration_s;     /* wall time, pauses excluded */
	int64_t clock_s;        /* wall time, pauses included: not in the
	                           file, for the summary (0 when read) */
	const char *routine_id;
	const char *routine_name;
	enum hist_status status;        /* history_status_of(reason) */
	enum hist_reason reason;
	int ex_completed, ex_skipped, ex_total;
	int64_t worked_s;       /* seconds in work steps */
	int pain_before;        /* 0-10, or -1: not asked or skipped */
	int pain_after;         /* 0-10, or -1 */
	const char *note;       /* "" when none */
	const char *flag;       /* the red flag that stopped it, or "" */
	const char *checked;    /* same-day flags a doctor has checked, or "" */
	int pain_max;           /* highest pain reported during it, or -1 */
	enum hist_kind kind;
	enum next_day next_day; /* from its N line */
	struct hist_exercise *ex;       /* its exercises (NULL when read) */
	int nex;
	const struct hist_pain *pains;  /* its pain reports (NULL when read) */
	int npains;
};

/* A change of an exercise's dose (a D line). */
struct hist_dose {
	const char *at;                 /* when: ISO 8601, as start */
	const char *routine_id;
	int ex;                         /* 1-based */
	const char *ex_name;
	const char *from_reps, *to_reps;        /* "5,3,1" */
	double from_hold, to_hold;      /* seconds, 0: none */
	bool up;                        /* a step up, else back */
};

/* One parsed line.  Strings point into the line, which parsing unescapes
 * in place. */
struct hist_record {
	enum hist_rtype type;
	int version;                    /* HREC_HEADER */
	struct hist_session s;          /* HREC_SESSION; HREC_AMEND: pain_after
	                                   and note */
	const char *key_start;          /* E, P and A: the session's key */
	const char *key_routine;
	const char *key_sid;            /* A, N and F: the session id, or "" */
	bool plain;                     /* the line is printable ASCII with no
	                                   escape: its texts were not looked at
	                                   one by one */
	bool member;                    /* E, P, A, N, F: read as a line of the
	                                   session before it, whose key it has
	                                   (history_parse_member) */
	int ex_index;                   /* HREC_EXERCISE: 1-based */
	struct hist_exercise e;
	struct hist_pain p;             /* HREC_PAIN */
	enum next_day next_day;         /* HREC_NEXT_DAY */
	struct hist_dose dose;          /* HREC_DOSE */
	enum ex_feedback feedback;      /* HREC_FEEDBACK, of ex_index */
	const char *why;                /* HREC_BAD: what is wrong */
};

/*
 * Formats a session, its exercises (s->ex, s->nex) and pain reports
 * (s->pains, s->npains) as one S line, its E lines and its P lines into
 * buf.  Returns the length the text needs (not counting the NUL), like
 * snprintf; the text is complete only when that is < cap.
 */
size_t history_format(const struct hist_session *s, char *buf, size_t cap);
/* The A line that amends session s with its pain_after and note; as
 * history_format. */
size_t history_format_amend(const struct hist_session *s, char *buf,
    size_t cap);

/* The N line of session s's next_day answer; as history_format. */
size_t history_format_next_day(const struct hist_session *s, char *buf,
    size_t cap);
/* The F lines of session s: one for each of its exercises (s->ex) that
 * has a feedback; as history_format. */
size_t history_format_feedback(const struct hist_session *s, char *buf,
    size_t cap);
/* The D line of dose change d; as history_format. */
size_t history_format_dose(const struct hist_dose *d, char *buf, size_t cap);

/*
 * Parses one line (without its '\n'; a trailing '\r' is part of it) of
 * length len, in place: line[len] must be writable (it becomes a NUL).
 * Fills rec; returns rec->type.
 */
enum hist_rtype history_parse(char *line, size_t len, struct hist_record *rec);
/* The key of a session's S line that parsed, as its lines share it: the
 * lengths of its start and routine id as written, and whether the line
 * was plain (hist_record). */
struct hist_key {
	size_t start_n, id_n;
	bool plain;
};
/* history_parse for a line whose start and routine id are, byte for byte,
 * those of an S line that parsed (the joiner matched them): they are not
 * checked again, only unescaped.  With key (not NULL), that S line's, the
 * line is not even split up to its id: most lines of a history are such
 * lines, and that is half of each. */
enum hist_rtype history_parse_member(char *line, size_t len,
    const struct hist_key *key, struct hist_record *rec);

/* Escapes TAB, LF, CR and backslash in src as the file does (\t \n \r
 * \\) into dst (cap bytes, NUL-terminated when cap > 0); returns the
 * escaped length, like snprintf. */
size_t history_escape(const char *src, char *dst, size_t cap);

/* Starts a record of routine id (named name) with nex exercises in ex,
 * every one pending: no time, no pain scores, no note. */
void history_session_init(struct hist_session *s, const char *id,
    const char *name, struct hist_exercise *ex, int nex);

/*
 * One sentence on a session's pain scores for the end screen: the change
 * and whether it is meaningful (safety_pain_change), either way.  Empty
 * when either is missing.
 */
void history_pain_summary(int before, int after, char *buf, size_t len);
/* "today", "yesterday", "3 days ago", "5 weeks ago" for a day number
 * relative to today. */
void history_ago(int day, int today, char *buf, size_t len);

/* The status a reason gives a session. */
enum hist_status history_status_of(enum hist_reason r);
/* The words the file uses. */
const char *history_status_name(enum hist_status st);
const char *history_reason_name(enum hist_reason r);
const char *history_ex_status_name(enum ex_status st);
const char *history_kind_name(enum hist_kind k);
/* A rating's word in the file ("easy"), and as said ("too easy"). */
const char *history_feedback_name(enum ex_feedback f);
const char *history_feedback_text(enum ex_feedback f);

/*
 * The ratings of one routine's exercises over the sessions read: fed
 * every joined record (an F record follows its session's S record, so
 * the routine is known), it counts each exercise's ratings, and keeps
 * the latest session's; and, from the E records, the sessions in which
 * each exercise was done in full (every rep or hold planned done).  For
 * progress and the next dose.
 */
#define HIST_FEEDBACK_EX 64             /* exercises counted */
struct hist_feedback {
	const char *routine_id;         /* whose ratings; borrowed */
	bool in;                        /* the last S record was of it */
	bool fresh;                     /* and none of its F records yet */
	char cur[HISTORY_START_LEN + 1];        /* its start */
	int count[HIST_FEEDBACK_EX][FB_COUNT];
	enum ex_feedback last[HIST_FEEDBACK_EX];        /* latest session's */
	int full[HIST_FEEDBACK_EX];     /* sessions with it done in full */
	/* Done in full in the latest session of the routine in which
	 * something was worked, and in the one before it; and whether those
	 * sessions recorded their exercises at all (E records). */
	bool full_last[HIST_FEEDBACK_EX], full_before[HIST_FEEDBACK_EX];
	bool ex_last, ex_before;
};
void history_feedback_init(struct hist_feedback *t, const char *routine_id);
void history_feedback_add(struct hist_feedback *t,
    const struct hist_record *rec);
const char *history_pain_step_name(enum hist_pain_step st);
const char *history_next_day_name(enum next_day n);
/* What the end screen says of an exercise: "not reached", "completed". */
const char *history_ex_status_text(enum ex_status st);

#endif
