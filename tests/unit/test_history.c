/*
 * test_history.c - the history records and statistics (pure core).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "history.h"
#include "history_stats.h"
#include "safety.h"

static int
day(int y, int m, int d)
{
	return calendar_days_from_civil(y, m, d);
}

/* A completed session on a start text, with pain scores. */
static struct hist_session
session_at(const char *start, enum hist_status st, int pb, int pa)
{
	struct hist_session s = {
		.duration_s = 600, .routine_id = "big3",
		.routine_name = "Big 3", .status = st,
		.reason = st == HS_COMPLETED ? HR_COMPLETED : HR_QUIT,
		.ex_total = 3, .ex_completed = 3, .worked_s = 400,
		.pain_before = pb, .pain_after = pa, .note = "",
	};
	snprintf(s.start, sizeof s.start, "%s", start);
	calendar_parse_date(start, &s.day);
	return s;
}

static void
test_round_trip(void **state)
{
	struct hist_exercise ex[2] = {
		{ "Cat\tcamel\\", EXS_COMPLETED, 1, 1, 6, 6, 24, FB_NONE },
		{ "Bird\ndog", EXS_PARTIAL, 1, 3, 4, 9, 33, FB_NONE },
	};
	struct hist_session s = {
		.start = "2024-02-29T23:30:00+01:00", .duration_s = 1234,
		.routine_id = "my\\id", .routine_name = "Name\twith\ttabs",
		.status = HS_PARTIAL, .reason = HR_SIGNAL, .ex_completed = 1,
		.ex_skipped = 0, .ex_total = 2, .worked_s = 57, .pain_before = 7,
		.pain_after = -1, .note = "line one\nline two \\n not a newline",
		.flag = "", .checked = "", .pain_max = -1, .kind = HK_EXERCISE,
		.ex = ex, .nex = 2, .sid = "0123abcd",
	};
	char buf[1024];
	struct hist_record rec;
	(void)state;

	size_t n = history_format(&s, buf, sizeof buf);
	assert_true(n < sizeof buf);
	assert_int_equal(strlen(buf), n);
	/* three lines, no raw tab inside a text field */
	char *l1 = buf, *l2 = strchr(l1, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
	assert_int_equal(strchr(l3, '\n') - buf, (long)n - 1);
	assert_memory_equal(l1, "S\t2024-02-29T23:30:00+01:00\t1234\tmy\\\\id\t"
	    "Name\\twith\\ttabs\tpartial\tsignal\t1\t0\t2\t57\t7\t\t"
	    "line one\\nline two \\\\n not a newline\t\t\t\texercise\t0123abcd\n",
	    (size_t)(l2 - l1));

	l2[-1] = l3[-1] = buf[n - 1] = '\0';
	assert_int_equal(history_parse(l1, strlen(l1), &rec), HREC_SESSION);
	assert_string_equal(rec.s.start, s.start);
	assert_int_equal(rec.s.day, day(2024, 2, 29));
	assert_int_equal(rec.s.duration_s, 1234);
	assert_string_equal(rec.s.routine_id, "my\\id");
	assert_string_equal(rec.s.routine_name, "Name\twith\ttabs");
	assert_int_equal(rec.s.status, HS_PARTIAL);
	assert_int_equal(rec.s.reason, HR_SIGNAL);
	assert_int_equal(rec.s.ex_total, 2);
	assert_int_equal(rec.s.worked_s, 57);
	assert_int_equal(rec.s.pain_before, 7);
	assert_int_equal(rec.s.pain_after, -1);
	assert_string_equal(rec.s.note, s.note);
	assert_string_equal(rec.s.sid, "0123abcd");

	assert_int_equal(history_parse(l2, strlen(l2), &rec), HREC_EXERCISE);
	assert_string_equal(rec.key_start, s.start);
	assert_string_equal(rec.key_routine, "my\\id");
	assert_int_equal(rec.ex_index, 1);
	assert_string_equal(rec.e.name, "Cat\tcamel\\");
	assert_int_equal(rec.e.status, EXS_COMPLETED);
	assert_int_equal(rec.e.reps_done, 6);

	assert_int_equal(history_parse(l3, strlen(l3), &rec), HREC_EXERCISE);
	assert_string_equal(rec.e.name, "Bird\ndog");
	assert_int_equal(rec.e.status, EXS_PARTIAL);
	assert_int_equal(rec.e.sets_done, 1);
	assert_int_equal(rec.e.sets_planned, 3);
	assert_int_equal(rec.e.reps_planned, 9);
	assert_int_equal(rec.e.worked_s, 33);
}

static void
test_format_reports_size(void **state)
{
	struct hist_session s = session_at("2026-01-05T08:00:00Z", HS_COMPLETED,
	    -1, -1);
	char small[10], big[256];
	(void)state;

	size_t need = history_format(&s, small, sizeof small);
	assert_true(need >= sizeof small);
	assert_int_equal(strlen(small), sizeof small - 1);     /* terminated */
	assert_int_equal(history_format(&s, big, sizeof big), need);
	assert_int_equal(strlen(big), need);
}

/* Each of these lines must be rejected. */
static void
test_malformed(void **state)
{
	static const char *const bad[] = {
		"garbage",
		"S",
		"S\t2026-01-05T08:00:00Z",
		/* a field short, a field too many */
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2\tn\tx",
		"S\t2026-02-30T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2\tn",
		"S\t2026-01-05 08:00:00\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2\tn",
		"S\t2026-01-05T08:00:00Z\t-60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2\tn",
		"S\t2026-01-05T08:00:00Z\t60\t\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2\tn",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tdone\tcompleted\t1\t0\t1\t60\t3\t2\tn",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tbored\t1\t0\t1\t60\t3\t2\tn",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t2\t0\t1\t60\t3\t2\tn",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t11\t2\tn",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\tx\t2\tn",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2\tbad\\q",
		"S\t2026-01-05T08:00:00Z\t60\tid\tname\tcompleted\tcompleted\t1\t0\t1\t60\t3\t2\tends\\",
		"E\t2026-01-05T08:00:00Z\tid\t0\tname\tcompleted\t1\t1\t5\t5\t40",
		"E\t2026-01-05T08:00:00Z\tid\t1\tname\tfinished\t1\t1\t5\t5\t40",
		"E\t2026-01-05T08:00:00Z\tid\t1\tname\tcompleted\t2\t1\t5\t5\t40",
		"E\t2026-01-05T08:00:00Z\tid\t1\tname\tcompleted\t1\t1\t5\t5",
		"#backcoach-history x",
	};
	struct hist_record rec;
	char line[256];
	(void)state;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(line, sizeof line, "%s", bad[i]);
		if (history_parse(line, strlen(line), &rec) != HREC_BAD)
			fail_msg("accepted: %s", bad[i]);
		assert_non_null(rec.why);
	}
	snprintf(line, sizeof line, "# a comment");
	assert_int_equal(history_parse(line, strlen(line), &rec), HREC_BLANK);
	assert_int_equal(history_parse(line, 0, &rec), HREC_BLANK);
	snprintf(line, sizeof line, "#backcoach-history 1");
	assert_int_equal(history_parse(line, strlen(line), &rec), HREC_HEADER);
	assert_int_equal(rec.version, 1);
}

static void
test_calendar(void **state)
{
	int y, m, d, w;
	(void)state;

	assert_int_equal(day(1970, 1, 1), 0);
	assert_int_equal(day(2000, 3, 1) - day(2000, 2, 28), 2);   /* leap */
	assert_int_equal(day(1900, 3, 1) - day(1900, 2, 28), 1);   /* not */
	assert_int_equal(day(2024, 3, 1) - day(2024, 2, 29), 1);
	for (int z = day(1999, 12, 1); z < day(2031, 1, 1); z++) {
		calendar_civil_from_days(z, &y, &m, &d);
		assert_int_equal(day(y, m, d), z);
	}
	/* ISO weeks across year ends */
	calendar_iso_week(day(2020, 12, 31), &y, &w);
	assert_int_equal(y, 2020);
	assert_int_equal(w, 53);
	calendar_iso_week(day(2021, 1, 3), &y, &w);       /* Sunday */
	assert_int_equal(y, 2020);
	assert_int_equal(w, 53);
	calendar_iso_week(day(2021, 1, 4), &y, &w);       /* Monday */
	assert_int_equal(y, 2021);
	assert_int_equal(w, 1);
	calendar_iso_week(day(2024, 12, 30), &y, &w);     /* Monday, week 1 of 2025 */
	assert_int_equal(y, 2025);
	assert_int_equal(w, 1);
	calendar_iso_week(day(2026, 11, 25), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 48);
	assert_int_equal(calendar_week_monday(day(2026, 1, 1)), day(2025, 12, 29));
	assert_int_equal(calendar_week_monday(day(2025, 12, 29)), day(2025, 12, 29));
	assert_int_equal(calendar_week_monday(day(1969, 12, 31)), day(1969, 12, 29));
	assert_int_equal(calendar_parse_date("2023-02-29", &d), -1);
	assert_int_equal(calendar_parse_date("2024-02-29", &d), 0);
	assert_int_equal(d, day(2024, 2, 29));
	assert_true(calendar_valid_time("2026-03-29T02:30:00+02:00"));
	assert_false(calendar_valid_time("2026-03-29T24:30:00+02:00"));
	assert_false(calendar_valid_time("2026-03-29T02:30:00+0200"));
}

/* Streaks from the records' own dates, with today given. */
static int
streaks(const char *const *starts, int n, int today, int *current)
{
	struct hstats st;

	assert_int_equal(hstats_init(&st, today, 4), 0);
	for (int i = 0; i < n; i++) {
		struct hist_session s = session_at(starts[i], HS_COMPLETED, -1, -1);
		hstats_add(&st, &s);
	}
	hstats_finish(&st);
	int longest = st.longest_streak;
	*current = st.current_streak;
	hstats_free(&st);
	return longest;
}

static void
test_streaks(void **state)
{
	int cur;
	(void)state;

	/* across a month end and a leap day, out of order, duplicates */
	static const char *const leap[] = {
		"2024-03-01T07:00:00+01:00", "2024-02-28T07:00:00+01:00",
		"2024-02-29T07:00:00+01:00", "2024-02-29T19:00:00+01:00",
		"2024-02-27T07:00:00+01:00",
	};
	assert_int_equal(streaks(leap, 5, day(2024, 3, 1), &cur), 4);
	assert_int_equal(cur, 4);
	/* yesterday still counts as current; the day before not */
	assert_int_equal(streaks(leap, 5, day(2024, 3, 2), &cur), 4);
	assert_int_equal(cur, 4);
	assert_int_equal(streaks(leap, 5, day(2024, 3, 3), &cur), 4);
	assert_int_equal(cur, 0);

	/* DST starts in Europe on 2026-03-29: the local dates count, whatever
	 * the offset; in UTC the last two would fall on the same day */
	static const char *const spring[] = {
		"2026-03-28T23:30:00+01:00", "2026-03-29T23:30:00+02:00",
		"2026-03-30T00:15:00+02:00",
	};
	assert_int_equal(streaks(spring, 3, day(2026, 3, 30), &cur), 3);
	assert_int_equal(cur, 3);
	/* and ends on 2026-10-25: two sessions at 01:30 local on that day
	 * (one each side of the change) are one day */
	static const char *const autumn[] = {
		"2026-10-24T22:00:00+02:00", "2026-10-25T01:30:00+02:00",
		"2026-10-25T01:30:00+01:00", "2026-10-26T00:30:00+01:00",
	};
	assert_int_equal(streaks(autumn, 4, day(2026, 10, 26), &cur), 3);
	assert_int_equal(cur, 3);
	/* a gap breaks it; a year end does not */
	static const char *const gap[] = {
		"2025-12-30T08:00:00Z", "2025-12-31T08:00:00Z",
		"2026-01-01T08:00:00Z", "2026-01-03T08:00:00Z",
	};
	assert_int_equal(streaks(gap, 4, day(2026, 1, 3), &cur), 3);
	assert_int_equal(cur, 1);
}

static void
test_partial_sessions_break_streaks(void **state)
{
	struct hstats st;
	struct hist_session a = session_at("2026-05-01T08:00:00Z", HS_COMPLETED, -1, -1);
	struct hist_session b = session_at("2026-05-02T08:00:00Z", HS_PARTIAL, -1, -1);
	struct hist_session c = session_at("2026-05-03T08:00:00Z", HS_COMPLETED, -1, -1);
	(void)state;

	assert_int_equal(hstats_init(&st, day(2026, 5, 3), 2), 0);
	hstats_add(&st, &a);
	hstats_add(&st, &b);
	hstats_add(&st, &c);
	hstats_finish(&st);
	assert_int_equal(st.longest_streak, 1);
	assert_int_equal(st.current_streak, 1);
	assert_int_equal(st.sessions, 3);
	assert_int_equal(st.completed, 2);
	const struct hstats_routine *r = hstats_routine(&st, "big3");
	assert_non_null(r);
	assert_int_equal(r->sessions, 3);
	assert_int_equal(r->completed, 2);
	assert_string_equal(r->last_start, "2026-05-03T08:00:00Z");
	assert_null(hstats_routine(&st, "nope"));
	hstats_free(&st);
}

/* ISO week buckets across a year end: Mon 2025-12-29 .. Sun 2026-01-04 is
 * one week (2026-W01). */
static void
test_weeks_across_year_end(void **state)
{
	struct hstats st;
	static const char *const starts[] = {
		"2025-12-28T20:00:00+01:00",    /* Sunday: 2025-W52 */
		"2025-12-29T08:00:00+01:00", "2025-12-31T23:59:00+01:00",
		"2026-01-01T00:01:00+01:00", "2026-01-04T21:00:00+01:00",
		"2026-01-05T08:00:00+01:00",    /* Monday: 2026-W02 */
	};
	(void)state;

	assert_int_equal(hstats_init(&st, day(2026, 1, 5), 3), 0);
	for (int i = 0; i < 6; i++) {
		struct hist_session s = session_at(starts[i], HS_COMPLETED, 4, 2);
		hstats_add(&st, &s);
	}
	hstats_finish(&st);
	assert_int_equal(st.first_monday, day(2025, 12, 22));
	assert_int_equal(st.weeks[0].sessions, 1);
	assert_int_equal(st.weeks[1].sessions, 4);
	assert_int_equal(st.weeks[1].seconds, 4 * 600);
	assert_int_equal(st.weeks[2].sessions, 1);
	assert_int_equal(st.weeks[1].before_n, 4);
	assert_true(st.weeks[1].before_sum == 16);
	char *text = hstats_render(&st, 80);
	assert_non_null(text);
	assert_non_null(strstr(text, "2026-W01 Dec 29"));
	assert_non_null(strstr(text, "2025-W52 Dec 22"));
	assert_non_null(strstr(text, "longest: 2 days, ending 2026-01-05"));
	assert_non_null(strstr(text, "better *"));
	assert_non_null(strstr(text, "2 points and 30%"));
	free(text);
	hstats_free(&st);
}

/* One rule for session scores and weekly means: safety_pain_change()
 * takes real numbers. */
static void
test_meaningful_change(void **state)
{
	(void)state;
	assert_int_equal(safety_pain_change(6, 4), SAFETY_CHANGE_BETTER);        /* 2 points */
	assert_int_equal(safety_pain_change(4, 6), SAFETY_CHANGE_WORSE);
	assert_int_equal(safety_pain_change(9, 8), SAFETY_CHANGE_NONE);         /* 11 % */
	assert_int_equal(safety_pain_change(3, 2), SAFETY_CHANGE_NONE);        /* 1 point */
	assert_int_equal(safety_pain_change(10, 7), SAFETY_CHANGE_BETTER);       /* 30 % exactly */
	assert_int_equal(safety_pain_change(10, 7.5), SAFETY_CHANGE_NONE);     /* 2.5, 25 % */
	assert_int_equal(safety_pain_change(8, 6.5), SAFETY_CHANGE_NONE);       /* 1.5, 19 % */
	assert_int_equal(safety_pain_change(5, 5), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(0, 1), SAFETY_CHANGE_NONE);         /* 1 point */
	assert_int_equal(safety_pain_change(0, 2), SAFETY_CHANGE_WORSE);
	assert_int_equal(safety_pain_change(5, 6), SAFETY_CHANGE_NONE);         /* as safety.c */
	assert_int_equal(safety_pain_change(10, 8), SAFETY_CHANGE_NONE);       /* 20 % */
	assert_int_equal(safety_pain_change(-1, 5), SAFETY_CHANGE_UNKNOWN);        /* not asked */
	assert_int_equal(safety_pain_change(5, -1), SAFETY_CHANGE_UNKNOWN);
}

static void
test_pain_summary_and_ago(void **state)
{
	char b[256];
	(void)state;

	history_pain_summary(6, 3, b, sizeof b);
	assert_non_null(strstr(b, "Pain 6 -> 3 since you started: a fall"));
	history_pain_summary(3, 5, b, sizeof b);
	assert_non_null(strstr(b, "Pain 3 -> 5 since you started: a rise"));
	assert_non_null(strstr(b, "tomorrow morning"));
	history_pain_summary(9, 8, b, sizeof b);
	assert_non_null(strstr(b, "no meaningful change"));
	history_pain_summary(7, 6, b, sizeof b);        /* no "went up" */
	assert_non_null(strstr(b, "Pain 7 -> 6 since you started: no meaningful"));
	history_pain_summary(-1, 8, b, sizeof b);
	assert_string_equal(b, "");
	history_ago(100, 100, b, sizeof b);
	assert_string_equal(b, "today");
	history_ago(99, 100, b, sizeof b);
	assert_string_equal(b, "yesterday");
	history_ago(97, 100, b, sizeof b);
	assert_string_equal(b, "3 days ago");
	history_ago(79, 100, b, sizeof b);
	assert_string_equal(b, "3 weeks ago");
	history_ago(0, 100, b, sizeof b);
	assert_string_equal(b, "3 months ago");
}

/* What counts: stops, empty sessions, packs and sessions dated after
 * today are kept apart; weekly pain means pair before and after; "last
 * done" ignores stops; the rule's two recent sessions start anew after a
 * dose change. */
static void
test_what_counts(void **state)
{
	struct hstats st;
	struct hist_session done = session_at("2026-05-01T08:00:00Z", HS_COMPLETED, 4, 3);
	struct hist_session stop = session_at("2026-05-02T08:00:00Z", HS_STOPPED, 6, -1);
	struct hist_session empty = session_at("2026-05-02T09:00:00Z", HS_PARTIAL, -1, -1);
	struct hist_session pack = session_at("2026-05-02T10:00:00Z", HS_COMPLETED, 5, 4);
	struct hist_session half = session_at("2026-05-03T08:00:00Z", HS_COMPLETED, 8, -1);
	struct hist_session future = session_at("2026-06-01T08:00:00Z", HS_COMPLETED, 1, 1);
	(void)state;

	stop.reason = HR_PAIN;
	empty.worked_s = 0;
	pack.kind = HK_PACK;
	assert_int_equal(hstats_init(&st, day(2026, 5, 3), 1), 0);
	hstats_add(&st, &done);
	hstats_add(&st, &stop);
	hstats_add(&st, &empty);
	hstats_add(&st, &pack);
	hstats_add(&st, &half);
	hstats_add(&st, &future);
	hstats_finish(&st);
	assert_int_equal(st.sessions, 2);
	assert_int_equal(st.completed, 2);
	assert_int_equal(st.stopped, 1);
	assert_int_equal(st.empty, 1);
	assert_int_equal(st.packs, 1);
	assert_int_equal(st.future, 1);
	/* May 1 and 3: two streaks of one day, the future one not counted */
	assert_int_equal(st.longest_streak, 1);
	assert_int_equal(st.current_streak, 1);
	/* the only pair in the week is done's 4 -> 3 (half has no after) */
	assert_int_equal(st.weeks[0].before_n, 1);
	assert_true(st.weeks[0].before_sum == 4 && st.weeks[0].after_sum == 3);
	const struct hstats_routine *r = hstats_routine(&st, "big3");
	assert_string_equal(r->last_start, "2026-05-03T08:00:00Z");
	assert_int_equal(r->nrecent, 2);
	assert_string_equal(r->recent_start[0], "2026-05-03T08:00:00Z");
	assert_string_equal(r->recent_start[1], "2026-05-02T08:00:00Z");
	assert_true(r->recent[1].stopped);
	hstats_dose_changed(&st, "big3");
	assert_int_equal(r->nrecent, 0);
	char *text = hstats_render(&st, 80);
	assert_non_null(strstr(text, "all time: 2 sessions, 2 completed, 20 minutes"));
	assert_non_null(strstr(text, "stopped for your back's sake (not counted above): 1"));
	assert_non_null(strstr(text, "ice and heat packs (no exercise, not counted): 1"));
	assert_non_null(strstr(text, "dated after today, so not counted anywhere: 1"));
	free(text);
	hstats_free(&st);

	/* a stop is never "last done" */
	assert_int_equal(hstats_init(&st, day(2026, 5, 3), 1), 0);
	hstats_add(&st, &stop);
	assert_int_equal(hstats_routine(&st, "big3")->last_day, -1);
	hstats_free(&st);
}

/* Every fixed word of the file fits the room a writer sizes by it (the
 * TSV export writes a row's words unchecked). */
static void
test_words_fit(void **state)
{
	(void)state;
	for (int i = 0; i < HS_COUNT; i++)
		assert_true(strlen(history_status_name(i)) <= HISTORY_WORD_MAX);
	for (int i = 0; i < HR_COUNT; i++)
		assert_true(strlen(history_reason_name(i)) <= HISTORY_WORD_MAX);
	for (int i = 0; i < HK_COUNT; i++)
		assert_true(strlen(history_kind_name(i)) <= HISTORY_WORD_MAX);
	for (int i = 0; i < HP_COUNT; i++)
		assert_true(strlen(history_pain_step_name(i)) <= HISTORY_WORD_MAX);
	for (int i = 0; i < NEXT_DAY_COUNT; i++)
		assert_true(strlen(history_next_day_name(i)) <= HISTORY_WORD_MAX);
	for (int i = 0; i < EXS_COUNT; i++)
		assert_true(strlen(history_ex_status_name(i)) <= HISTORY_WORD_MAX);
	/* what an unknown value gives, too */
	assert_true(strlen(history_status_name(HS_COUNT)) <= HISTORY_WORD_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_format_reports_size),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_streaks),
		cmocka_unit_test(test_partial_sessions_break_streaks),
		cmocka_unit_test(test_weeks_across_year_end),
		cmocka_unit_test(test_meaningful_change),
		cmocka_unit_test(test_pain_summary_and_ago),
		cmocka_unit_test(test_what_counts),
		cmocka_unit_test(test_words_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
