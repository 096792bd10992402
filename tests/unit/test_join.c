/*
 * test_join.c - history formats 2 to 4 and the reader's join: pain reports,
 * per-exercise ratings and
 * amendments round-trip, version 1 lines still read, and an amendment
 * finds its session even after other sessions' lines.  Linked against the
 * pure core only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "history.h"
#include "history_join.h"

/* What the joiner handed on, one line of text per record. */
struct seen {
	char text[4096];
	size_t len;
	int n;
};

static void
note(const struct hist_record *rec, long line, void *arg)
{
	struct seen *s = arg;
	const char *what = "?";
	char extra[256] = "";

	switch (rec->type) {
	case HREC_SESSION:
		what = "S";
		snprintf(extra, sizeof extra, " %s %s pa=%d note=%s flag=%s max=%d %s%s%s",
		    rec->s.start, rec->s.routine_id, rec->s.pain_after, rec->s.note,
		    rec->s.flag, rec->s.pain_max, history_kind_name(rec->s.kind),
		    rec->s.next_day ? " next=" : "", history_next_day_name(rec->s.next_day));
		break;
	case HREC_EXERCISE:
		what = "E";
		snprintf(extra, sizeof extra, " %s %s", rec->key_routine, rec->e.name);
		break;
	case HREC_PAIN:
		what = "P";
		snprintf(extra, sizeof extra, " %lld %d %s", (long long)rec->p.at_s,
		    rec->p.score, history_pain_step_name(rec->p.step));
		break;
	case HREC_AMEND:
		what = "A";
		break;
	case HREC_NEXT_DAY:
		what = "N";
		break;
	case HREC_DOSE:
		what = "D";
		snprintf(extra, sizeof extra, " %s %d %s %s %g -> %s %g %s",
		    rec->dose.routine_id, rec->dose.ex, rec->dose.ex_name,
		    rec->dose.from_reps, rec->dose.from_hold, rec->dose.to_reps,
		    rec->dose.to_hold, rec->dose.up ? "up" : "down");
		break;
	case HREC_FEEDBACK:
		what = "F";
		snprintf(extra, sizeof extra, " %s %d %s", rec->key_routine,
		    rec->ex_index, history_feedback_name(rec->feedback));
		break;
	case HREC_BAD:
		what = "BAD";
		snprintf(extra, sizeof extra, " (%s)", rec->why);
		break;
	case HREC_SESSION_END:
		return;                 /* test_session_end follows these */
	default:
		break;
	}
	s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len,
	    "%ld:%s%s\n", line, what, extra);
	s->n++;
}

/* Feeds text, line by line, to a joiner that hands on to fn. */
static void
feed(const char *text, hist_join_fn *fn, void *arg)
{
	struct hist_join j;
	long n = 0;

	hist_join_init(&j, fn, arg);
	for (const char *p = text; *p; ) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		hist_join_line(&j, p, len, ++n);
		p += len + (nl != NULL);
	}
	hist_join_flush(&j);
	hist_join_free(&j);
}

/* Feeds text to a joiner; returns what it handed on. */
static void
join(const char *text, struct seen *s)
{
	memset(s, 0, sizeof *s);
	feed(text, note, s);
}

static struct hist_session
sample(struct hist_exercise *ex, const struct hist_pain *pains, int npains)
{
	struct hist_session s;

	history_session_init(&s, "big3", "Big 3", ex, 1);
	snprintf(s.start, sizeof s.start, "2026-03-01T10:00:00+00:00");
	ex[0] = (struct hist_exercise){ "Curl-up", EXS_PARTIAL, 0, 3, 2, 9, 20, FB_NONE };
	s.reason = HR_PAIN;
	s.status = history_status_of(s.reason);
	s.pain_before = 3;
	s.pain_max = 7;
	s.pains = pains;
	s.npains = npains;
	s.flag = "";
	s.checked = "night_pain";
	return s;
}

/* A session with its pain reports, then its amendment, read back. */
static void
test_v2_round_trip(void **state)
{
	struct hist_exercise ex[1];
	struct hist_pain pains[2] = {
		{ 65, 4, false, HP_GENTLY }, { 130, 7, true, HP_END },
	};
	struct hist_session s = sample(ex, pains, 2);
	char buf[2048], amend[256];
	struct seen seen;

	(void)state;
	assert_int_equal(s.status, HS_STOPPED);
	history_format(&s, buf, sizeof buf);
	assert_non_null(strstr(buf, "\tnight_pain\t7\texercise\t\n"));
	assert_non_null(strstr(buf, "P\t2026-03-01T10:00:00+00:00\tbig3\t130\t7\t1\tend\n"));
	s.pain_after = 5;
	s.note = "sore\tknee";
	history_format_amend(&s, amend, sizeof amend);
	assert_string_equal(amend,
	    "A\t2026-03-01T10:00:00+00:00\tbig3\t5\tsore\\tknee\t\n");
	strcat(buf, amend);
	join(buf, &seen);
	assert_string_equal(seen.text,
	    "1:S 2026-03-01T10:00:00+00:00 big3 pa=5 note=sore\tknee flag= max=7 exercise\n"
	    "2:E big3 Curl-up\n"
	    "3:P 65 4 gently\n"
	    "4:P 130 7 end\n");
}

/* A version 1 S line (14 fields) reads, with the new fields empty. */
static void
test_v1_line(void **state)
{
	char line[] = "S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\t"
	    "completed\t1\t0\t1\t60\t3\t2\tn";
	struct hist_record rec;

	(void)state;
	assert_int_equal(history_parse(line, strlen(line), &rec), HREC_SESSION);
	assert_string_equal(rec.s.flag, "");
	assert_string_equal(rec.s.checked, "");
	assert_int_equal(rec.s.pain_max, -1);
	assert_int_equal(rec.s.kind, HK_EXERCISE);
	assert_int_equal(rec.s.pain_after, 2);
}

/* An amendment after another session's lines still finds its own; one
 * with no session in the window is handed on, for the reader to report;
 * a NUL in a field makes a line malformed. */
static void
test_join_order(void **state)
{
	struct seen seen;
	static const char text[] =
	    "S\t2026-03-01T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\tpack\n"
	    "E\t2026-03-01T10:00:00Z\ta\t1\tone\tcompleted\t1\t1\t1\t1\t60\n"
	    "S\t2026-03-01T11:00:00Z\t60\tb\tB\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "A\t2026-03-01T10:00:00Z\ta\t1\tlate\n"
	    "A\t2026-03-01T09:00:00Z\tz\t1\tnobody's\n"
	    "E\t2026-03-01T11:00:00Z\tb\t1\ttwo\tcompleted\t1\t1\t1\t1\t60\n";

	(void)state;
	join(text, &seen);
	assert_string_equal(seen.text,
	    "5:A\n"
	    "1:S 2026-03-01T10:00:00Z a pa=1 note=late flag= max=-1 pack\n"
	    "2:E a one\n"
	    "3:S 2026-03-01T11:00:00Z b pa=-1 note= flag= max=-1 exercise\n"
	    "6:E b two\n");
	char nul[] = "S\t2026-01-05T08:00:00Z\t60\tid\tna\0me\tcompleted\t"
	    "completed\t1\t0\t1\t60\t3\t2\tn";
	struct hist_record rec;
	assert_int_equal(history_parse(nul, sizeof nul - 1, &rec), HREC_BAD);
}

/* What a consumer that keeps no copy sees: each session's end after its
 * last member, and the strings of its records still whole then (the
 * `history` export prints rows from them). */
struct borrowed {
	const char *id, *name, *ex;     /* the records' strings, not copied */
	char ends[512];
	size_t len;
};

static void
borrow(const struct hist_record *rec, long line, void *arg)
{
	struct borrowed *b = arg;

	if (rec->type == HREC_SESSION) {
		b->id = rec->s.routine_id;
		b->name = rec->s.routine_name;
		b->ex = NULL;
	} else if (rec->type == HREC_EXERCISE) {
		b->ex = rec->e.name;
	} else if (rec->type == HREC_SESSION_END) {
		b->len += (size_t)snprintf(b->ends + b->len, sizeof b->ends - b->len,
		    "%ld:%s/%s/%s ", line, b->id, b->name, b->ex ? b->ex : "-");
	}
}

static void
test_session_end(void **state)
{
	static const char text[] =
	    "S\t2026-03-01T10:00:00Z\t60\ta\tAlpha\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "E\t2026-03-01T10:00:00Z\ta\t1\tone\\tx\tcompleted\t1\t1\t1\t1\t60\n"
	    "S\t2026-03-01T11:00:00Z\t60\tb\tBeta\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "A\t2026-03-01T10:00:00Z\ta\t1\tlate\n"
	    "S\t2026-03-01T12:00:00Z\t60\tc\tGamma\tnonsense\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "E\t2026-03-01T12:00:00Z\tc\t1\tthree\tcompleted\t1\t1\t1\t1\t60\n"
	    "E\t2026-03-01T11:00:00Z\tb\t1\ttwo\tcompleted\t1\t1\t1\t1\t60\n";
	struct borrowed b = { 0 };

	(void)state;
	feed(text, borrow, &b);
	/* a session whose S line is bad has no end: it was never begun */
	assert_string_equal(b.ends, "1:a/Alpha/one\tx 3:b/Beta/two ");
}

/* A reader that wants the sessions only: their exercise, pain and
 * rating lines are dropped unread, a broken one too; the rest as ever. */
static void
test_skip(void **state)
{
	struct seen seen;
	struct hist_join j;
	static const char *const lines[] = {
	    "S\t2026-03-01T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise",
	    "E\t2026-03-01T10:00:00Z\ta\t1\tone\tcompleted\t1\t1\t1\t1\t60",
	    "E\t2026-03-01T10:00:00Z\ta\t2\ttwo\tno-such-status\t1\t1\t1\t1\t60",
	    "P\t2026-03-01T10:00:00Z\ta\t30\t4\t0\tfine",
	    "A\t2026-03-01T10:00:00Z\ta\t2\tbetter",
	    "S\tbroken",
	};

	(void)state;
	memset(&seen, 0, sizeof seen);
	hist_join_init(&j, note, &seen);
	hist_join_skip(&j, "EP");
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		hist_join_line(&j, lines[i], strlen(lines[i]), (long)i + 1);
	hist_join_flush(&j);
	hist_join_free(&j);
	/* (a line that is no record is handed on at once; the session
	 * when it leaves the window) */
	assert_string_equal(seen.text,
	    "6:BAD (wrong number of fields)\n"
	    "1:S 2026-03-01T10:00:00Z a pa=2 note=better flag= max=-1 exercise\n");
}

/* More sessions than the window holds: each still comes out whole, in
 * the order they were written. */
static void
test_join_window(void **state)
{
	char text[8192] = "", line[256];
	struct seen seen;

	(void)state;
	for (int i = 0; i < HIST_JOIN_WINDOW + 3; i++) {
		snprintf(line, sizeof line, "S\t2026-03-01T10:%02d:00Z\t60\tr%d\tR\t"
		    "completed\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n"
		    "E\t2026-03-01T10:%02d:00Z\tr%d\t1\tx\tcompleted\t1\t1\t1\t1\t60\n",
		    i, i, i, i);
		strcat(text, line);
	}
	join(text, &seen);
	assert_int_equal(seen.n, 2 * (HIST_JOIN_WINDOW + 3));
	assert_non_null(strstr(seen.text, "1:S 2026-03-01T10:00:00Z r0"));
	assert_non_null(strstr(seen.text, "2:E r0 x\n3:S"));
	assert_null(strstr(seen.text, "BAD"));
}

/* Format 3: the next-morning answer joins its session a day later, after
 * other sessions; a dose change keeps its place among the sessions; both
 * round-trip through their formatters; bad ones are malformed. */
static void
test_next_day_and_dose(void **state)
{
	struct seen seen;
	static const char text[] =
	    "S\t2026-03-01T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "D\t2026-03-01T11:00:00Z\ta\t1\tone\t5,3,1\t8\t6,4,2\t8\tup\n"
	    "S\t2026-03-02T10:00:00Z\t60\tb\tB\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "N\t2026-03-01T10:00:00Z\ta\tsame\n"
	    "N\t2026-03-01T10:00:00Z\tz\tworse\n"
	    "D\t2026-03-02T11:00:00Z\ta\t1\tone\t6,4,2\t8\t6,4,2\t9\tsideways\n";

	(void)state;
	join(text, &seen);
	assert_string_equal(seen.text,
	    "5:N\n"
	    "1:S 2026-03-01T10:00:00Z a pa=-1 note= flag= max=-1 exercise next=same\n"
	    "2:D a 1 one 5,3,1 8 -> 6,4,2 8 up\n"
	    "3:S 2026-03-02T10:00:00Z b pa=-1 note= flag= max=-1 exercise\n"
	    "6:BAD (bad dose change)\n");

	struct hist_session s;
	char buf[256];
	struct hist_record rec;
	history_session_init(&s, "big3", "Big 3", NULL, 0);
	snprintf(s.start, sizeof s.start, "2026-03-01T10:00:00+00:00");
	s.next_day = NEXT_DAY_WORSE;
	size_t n = history_format_next_day(&s, buf, sizeof buf);
	assert_string_equal(buf, "N\t2026-03-01T10:00:00+00:00\tbig3\tworse\t\n");
	assert_int_equal(history_parse(buf, n - 1, &rec), HREC_NEXT_DAY);
	assert_int_equal(rec.next_day, NEXT_DAY_WORSE);

	struct hist_dose d = { "2026-03-01T11:00:00+00:00", "big3", 2, "Bird\tdog",
	    "5,3,1", "4,2,1", 8, 0, false };
	n = history_format_dose(&d, buf, sizeof buf);
	assert_string_equal(buf, "D\t2026-03-01T11:00:00+00:00\tbig3\t2\tBird\\tdog"
	    "\t5,3,1\t8\t4,2,1\t\tdown\n");
	assert_int_equal(history_parse(buf, n - 1, &rec), HREC_DOSE);
	assert_string_equal(rec.dose.ex_name, "Bird\tdog");
	assert_true(rec.dose.from_hold == 8 && rec.dose.to_hold == 0 && !rec.dose.up);
	char bad1[] = "D\t2026-03-01T11:00:00Z\ta\t1\tone\t5,,1\t8\t6\t8\tup";
	assert_int_equal(history_parse(bad1, sizeof bad1 - 1, &rec), HREC_BAD);
	char bad2[] = "N\t2026-03-01T10:00:00Z\ta\tfine";
	assert_int_equal(history_parse(bad2, sizeof bad2 - 1, &rec), HREC_BAD);
}

/* Per-exercise feedback (F lines, version 4): written for the rated
 * exercises only, read back, handed on after its session's E lines even
 * when written after another session, and tallied per routine over the
 * joined records (the latest session's ratings apart). */
static void
test_feedback(void **state)
{
	struct seen seen;
	static const char text[] =
	    "S\t2026-03-01T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t2\t0\t2\t60\t3\t\t\t\t\t\texercise\n"
	    "E\t2026-03-01T10:00:00Z\ta\t1\tone\tcompleted\t1\t1\t5\t5\t30\n"
	    "S\t2026-03-02T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t2\t0\t2\t60\t3\t\t\t\t\t\texercise\n"
	    "F\t2026-03-01T10:00:00Z\ta\t1\teasy\n"
	    "F\t2026-03-01T10:00:00Z\ta\t2\thurt\n"
	    "F\t2026-03-02T10:00:00Z\ta\t1\teasy\n"
	    "F\t2026-03-02T10:00:00Z\ta\t1\tgreat\n";
	struct hist_exercise ex[3] = {
		{ "one", EXS_COMPLETED, 1, 1, 5, 5, 30, FB_EASY },
		{ "two", EXS_SKIPPED, 0, 1, 0, 5, 0, FB_NONE },
		{ "three", EXS_PARTIAL, 1, 1, 2, 5, 9, FB_HURT },
	};
	struct hist_session s;
	struct hist_record rec;
	char buf[256];

	(void)state;
	join(text, &seen);
	assert_string_equal(seen.text,
	    "1:S 2026-03-01T10:00:00Z a pa=-1 note= flag= max=-1 exercise\n"
	    "2:E a one\n"
	    "4:F a 1 easy\n"
	    "5:F a 2 hurt\n"
	    "3:S 2026-03-02T10:00:00Z a pa=-1 note= flag= max=-1 exercise\n"
	    "6:F a 1 easy\n"
	    "7:BAD (bad rating)\n");
	history_session_init(&s, "big3", "Big 3", ex, 3);
	ex[0].feedback = FB_EASY, ex[2].feedback = FB_HURT;
	snprintf(s.start, sizeof s.start, "2026-03-01T10:00:00+00:00");
	snprintf(s.sid, sizeof s.sid, "0123abcd");
	size_t n = history_format_feedback(&s, buf, sizeof buf);
	/* each ends in its session's id, as an A line does */
	assert_string_equal(buf, "F\t2026-03-01T10:00:00+00:00\tbig3\t1\teasy\t0123abcd\n"
	    "F\t2026-03-01T10:00:00+00:00\tbig3\t3\thurt\t0123abcd\n");
	buf[n / 2 - 1] = '\0';
	assert_int_equal(history_parse(buf, n / 2 - 1, &rec), HREC_FEEDBACK);
	assert_int_equal(rec.ex_index, 1);
	assert_int_equal(rec.feedback, FB_EASY);
	assert_string_equal(rec.key_sid, "0123abcd");
	assert_string_equal(history_feedback_text(FB_HURT), "it hurt");
}

/* The tally a later reader (progress, a programme) takes the ratings
 * from. */
static void
tally(const struct hist_record *rec, long line, void *arg)
{
	(void)line;
	history_feedback_add(arg, rec);
}

static void
test_feedback_tally(void **state)
{
	static const char text[] =
	    "S\t2026-03-01T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t2\t0\t2\t60\t3\t\t\t\t\t\texercise\n"
	    "S\t2026-03-01T11:00:00Z\t60\tb\tB\tcompleted\tcompleted\t2\t0\t2\t60\t3\t\t\t\t\t\texercise\n"
	    "S\t2026-03-02T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t2\t0\t2\t60\t3\t\t\t\t\t\texercise\n"
	    "F\t2026-03-01T10:00:00Z\ta\t1\teasy\n"
	    "F\t2026-03-01T10:00:00Z\ta\t2\thurt\n"
	    "F\t2026-03-01T11:00:00Z\tb\t1\thard\n"
	    "F\t2026-03-02T10:00:00Z\ta\t1\teasy\n";
	struct hist_feedback t;
	struct hist_join j;
	long ln = 0;

	(void)state;
	history_feedback_init(&t, "a");
	hist_join_init(&j, tally, &t);
	for (const char *p = text; *p; ) {
		const char *nl = strchr(p, '\n');
		hist_join_line(&j, p, (size_t)(nl - p), ++ln);
		p = nl + 1;
	}
	hist_join_flush(&j);
	hist_join_free(&j);
	assert_int_equal(t.count[0][FB_EASY], 2);
	assert_int_equal(t.count[1][FB_HURT], 1);
	assert_int_equal(t.count[0][FB_HARD], 0);       /* b's, not a's */
	assert_int_equal(t.last[0], FB_EASY);           /* the latest session */
	assert_int_equal(t.last[1], FB_NONE);           /* ... did not rate it */
}

/* Format 4: two sessions of one routine started in the same second, each
 * with its own session id; their A and N lines, written later and in the
 * other order, find each its own session.  A line without an id (version
 * 3) still joins the newest of its start and routine. */
static void
test_session_ids(void **state)
{
	struct hist_exercise ex[1];
	struct hist_session s1 = sample(ex, NULL, 0), s2 = sample(ex, NULL, 0);
	char text[4096] = "", buf[1024];
	struct seen seen;

	(void)state;
	snprintf(s1.sid, sizeof s1.sid, "aaaa0001");
	snprintf(s2.sid, sizeof s2.sid, "bbbb0002");
	history_format(&s1, buf, sizeof buf);
	strcat(text, buf);
	history_format(&s2, buf, sizeof buf);
	strcat(text, buf);
	s2.pain_after = 2;
	s2.note = "second";
	history_format_amend(&s2, buf, sizeof buf);
	strcat(text, buf);
	s1.pain_after = 6;
	s1.note = "first";
	history_format_amend(&s1, buf, sizeof buf);
	strcat(text, buf);
	s1.next_day = NEXT_DAY_WORSE;
	history_format_next_day(&s1, buf, sizeof buf);
	strcat(text, buf);
	assert_non_null(strstr(text, "\texercise\taaaa0001\n"));
	assert_non_null(strstr(text, "\tsecond\tbbbb0002\n"));
	join(text, &seen);
	assert_string_equal(seen.text,
	    "1:S 2026-03-01T10:00:00+00:00 big3 pa=6 note=first flag= max=7 exercise next=worse\n"
	    "2:E big3 Curl-up\n"
	    "3:S 2026-03-01T10:00:00+00:00 big3 pa=2 note=second flag= max=7 exercise\n"
	    "4:E big3 Curl-up\n");
	struct hist_record rec;
	char sline[1024];
	history_format(&s1, sline, sizeof sline);
	*strchr(sline, '\n') = '\0';
	assert_int_equal(history_parse(sline, strlen(sline), &rec), HREC_SESSION);
	assert_string_equal(rec.s.sid, "aaaa0001");

	/* version 3: no ids; the A line joins the newest, as before */
	static const char v3[] =
	    "S\t2026-03-01T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "S\t2026-03-01T10:00:00Z\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\n"
	    "A\t2026-03-01T10:00:00Z\ta\t1\tlate\n";
	join(v3, &seen);
	assert_string_equal(seen.text,
	    "1:S 2026-03-01T10:00:00Z a pa=-1 note= flag= max=-1 exercise\n"
	    "2:S 2026-03-01T10:00:00Z a pa=1 note=late flag= max=-1 exercise\n");
	/* a bad session id is a malformed line */
	char bad[] = "A\t2026-03-01T10:00:00Z\ta\t1\tx\tno spaces";
	assert_int_equal(history_parse(bad, sizeof bad - 1, &rec), HREC_BAD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v2_round_trip),
		cmocka_unit_test(test_v1_line),
		cmocka_unit_test(test_join_order),
		cmocka_unit_test(test_join_window),
		cmocka_unit_test(test_next_day_and_dose),
		cmocka_unit_test(test_feedback),
		cmocka_unit_test(test_feedback_tally),
		cmocka_unit_test(test_session_ids),
		cmocka_unit_test(test_session_end),
		cmocka_unit_test(test_skip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
