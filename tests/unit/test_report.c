/*
 * test_report.c - the report's figures (report.c) on histories written
 * here line by line and read through the joiner, as store_read reads a
 * file; and what the three renderers make of them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "calendar.h"
#include "history_join.h"
#include "report.h"
#include "safety.h"
#include "sbuf.h"
#include "text.h"

static void
to_report(const struct hist_record *rec, long line, void *arg)
{
	(void)line;
	report_add(arg, rec);
}

/* A report of the 6 weeks up to Sunday 2026-12-06 of text's lines. */
static void
build(struct report *r, const char *text)
{
	struct hist_join j;
	int today, first;
	long n = 0;

	calendar_parse_date("2026-12-06", &today);
	first = calendar_week_monday(today) - 35;
	assert_int_equal(report_init(r, first, today), 0);
	hist_join_init(&j, to_report, r);
	for (const char *p = text; *p; ) {
		size_t len = strcspn(p, "\n");
		if (len > 0)
			hist_join_line(&j, p, len, ++n);
		p += len + (p[len] == '\n');
	}
	hist_join_flush(&j);
	hist_join_free(&j);
	report_finish(r);
}

static int
day_of(const char *date)
{
	int d;

	calendar_parse_date(date, &d);
	return d;
}

/* S start dur rid rname status reason exc exs ext worked pb pa note flag
 * checked painmax kind */
#define S(start, st, reason, worked, pb, pa, note, flag, chk, max, kind) \
	"S\t" start "\t600\tbig3\tMcGill Big 3\t" st "\t" reason "\t1\t0\t3\t" \
	worked "\t" pb "\t" pa "\t" note "\t" flag "\t" chk "\t" max "\t" kind "\n"

static const char calendar_history[] =
    S("2026-10-26T08:00:00+01:00", "completed", "completed", "300", "5", "3",
        "", "", "", "", "exercise")
    S("2026-10-27T08:00:00+01:00", "partial", "quit", "100", "6", "4", "", "",
        "", "", "exercise")
    S("2026-10-28T08:00:00+01:00", "stopped", "pain", "0", "8", "", "", "", "",
        "9", "exercise")
    "S\t2026-10-30T08:00:00+01:00\t1200\tice\tIce pack\tcompleted\tcompleted"
        "\t1\t0\t1\t1200\t\t\t\t\t\t\tpack\n"
    S("2026-11-02T08:00:00+01:00", "completed", "completed", "300", "4", "2",
        "", "", "", "", "exercise")
    "N\t2026-11-02T08:00:00+01:00\tbig3\tworse\n"
    S("2026-12-07T08:00:00+01:00", "completed", "completed", "300", "4", "2",
        "", "", "", "", "exercise");

static void
test_calendar(void **state)
{
	struct report r;

	(void)state;
	build(&r, calendar_history);
	assert_int_equal(r.nweeks, 6);
	assert_int_equal(r.first_monday, day_of("2026-10-26"));
	int i = 0;
	assert_int_equal(report_day_kind(&r, i++), RD_DONE);
	assert_int_equal(report_day_kind(&r, i++), RD_PARTLY);
	assert_int_equal(report_day_kind(&r, i++), RD_REST);   /* pain stop */
	assert_int_equal(report_day_kind(&r, i++), RD_MISSED);
	assert_int_equal(report_day_kind(&r, i++), RD_REST);   /* a pack */
	assert_int_equal(r.weeks[0].sessions, 2);
	assert_int_equal(r.weeks[0].completed, 1);
	assert_int_equal(r.weeks[0].seconds, 1200);
	assert_int_equal(r.weeks[0].done_days, 1);
	assert_int_equal(r.weeks[0].partly_days, 1);
	assert_int_equal(r.weeks[0].rest_days, 2);
	assert_int_equal(r.weeks[0].missed_days, 3);
	assert_int_equal(r.weeks[1].sessions, 1);
	assert_int_equal(r.sessions, 3);
	assert_int_equal(r.rests, 1);
	assert_int_equal(r.packs, 1);
	assert_int_equal(r.later, 1);           /* dated after today */
	assert_int_equal(r.nroutines, 1);       /* packs are not routines */
	assert_string_equal(r.routines[0].name, "McGill Big 3");
	assert_int_equal(r.routines[0].sessions, 3);
	report_free(&r);
}

static void
test_pain(void **state)
{
	struct report r;
	double lo, hi;

	(void)state;
	build(&r, calendar_history);
	/* pairs: 5->3 and 6->4; the stop's 9 is the week's highest */
	assert_int_equal(r.weeks[0].pairs, 2);
	assert_int_equal(r.weeks[0].before_sum, 11);
	assert_int_equal(r.weeks[0].after_sum, 7);
	assert_int_equal(r.weeks[0].pain_max, 9);
	assert_int_equal(r.weeks[1].pain_max, 4);
	assert_int_equal(r.weeks[2].pain_max, -1);
	assert_int_equal(r.weeks[1].next[NEXT_DAY_WORSE], 1);
	assert_int_equal(r.first_pain, 5);
	assert_int_equal(r.last_pain, 2);
	report_band(5, &lo, &hi);               /* 2 points: 30 % is 1.5 */
	assert_true(lo == 3 && hi == 7);
	report_band(10, &lo, &hi);              /* 30 %: 3 points */
	assert_true(lo == 7 && hi == 10);
	report_band(0, &lo, &hi);
	assert_true(lo == 0 && hi == 2);
	report_free(&r);
}

/* An ice pack on either side of the exercise sessions: its pain is the
 * week's highest, but the first and last scores are the exercise's. */
static const char pack_history[] =
    "S\t2026-10-26T07:00:00+01:00\t900\tice\tIce pack\tcompleted\tcompleted"
        "\t1\t0\t1\t900\t8\t6\t\t\t\t\tpack\n"
    S("2026-10-27T08:00:00+01:00", "completed", "completed", "300", "5", "3",
        "", "", "", "", "exercise")
    S("2026-11-03T08:00:00+01:00", "completed", "completed", "300", "4", "2",
        "", "", "", "", "exercise")
    "S\t2026-11-04T07:00:00+01:00\t900\tice\tIce pack\tcompleted\tcompleted"
        "\t1\t0\t1\t900\t7\t7\t\t\t\t\tpack\n";

static void
test_pain_packs(void **state)
{
	struct report r;

	(void)state;
	build(&r, pack_history);
	assert_int_equal(r.first_pain, 5);
	assert_int_equal(r.last_pain, 2);
	assert_int_equal(r.weeks[0].pain_max, 8);
	assert_int_equal(r.weeks[1].pain_max, 7);
	assert_int_equal(r.packs, 2);
	report_free(&r);
}

/* E start rid n name status sets_done sets_planned reps_done reps_planned
 * worked */
static const char pain_history[] =
    S("2026-11-10T08:00:00+01:00", "stopped", "pain", "70", "2", "", "", "",
        "", "6", "exercise")
    "E\t2026-11-10T08:00:00+01:00\tbig3\t1\tCurl-up\tcompleted\t1\t1\t5\t5\t60\n"
    "E\t2026-11-10T08:00:00+01:00\tbig3\t2\tBird dog\tpartial\t0\t1\t1\t5\t10\n"
    "E\t2026-11-10T08:00:00+01:00\tbig3\t3\tSide bridge\tpending\t0\t1\t0\t5\t0\n"
    "P\t2026-11-10T08:00:00+01:00\tbig3\t5\t3\t0\tfine\n"
    "P\t2026-11-10T08:00:00+01:00\tbig3\t75\t6\t1\tnext\n"
    "P\t2026-11-10T08:00:00+01:00\tbig3\t80\t6\t0\tgently\n";

static void
test_pain_reports(void **state)
{
	struct report r;

	(void)state;
	build(&r, pain_history);
	assert_int_equal(r.pains_total, 3);
	assert_int_equal(r.npains, 3);
	/* newest first: in one session, the order read */
	assert_int_equal(r.pains[0].at_s, 80);
	assert_null(r.pains[0].exercise);       /* curl-up or bird dog */
	assert_int_equal(r.pains[1].score, 6);
	assert_true(r.pains[1].spreads);
	assert_string_equal(r.pains[1].exercise, "Bird dog");
	assert_string_equal(r.pains[2].exercise, "Curl-up");    /* at 5 s */
	assert_string_equal(r.pains[2].routine, "McGill Big 3");
	assert_int_equal(r.weeks[2].pain_max, 6);
	report_free(&r);
}

/* D at rid n name from_reps from_hold to_reps to_hold why */
static const char dose_history[] =
    "D\t2026-10-01T08:00:00+01:00\tbig3\t2\tBird dog\t5,3,1\t8\t6,4,2\t8\tup\n"
    "D\t2026-11-20T08:00:00+01:00\tbig3\t2\tBird dog\t7,5,3\t8\t6,4,2\t8\tdown\n"
    "D\t2026-11-05T08:00:00+01:00\tbig3\t2\tBird dog\t6,4,2\t8\t7,5,3\t8\tup\n"
    "D\t2026-11-05T08:00:00+01:00\tbig3\t1\tCurl-up\t5\t10\t6\t10\tup\n";

static void
test_doses(void **state)
{
	struct report r;
	char buf[80];

	(void)state;
	build(&r, dose_history);
	assert_int_equal(r.nexercises, 2);
	struct report_exercise *e = &r.exercises[0];
	assert_string_equal(e->name, "Bird dog");
	assert_string_equal(e->start_reps, "6,4,2");    /* before the period */
	assert_int_equal(e->changes_total, 2);
	assert_int_equal(e->nchanges, 2);
	assert_string_equal(e->changes[0].to_reps, "6,4,2");    /* newest */
	assert_false(e->changes[0].up);
	assert_string_equal(e->changes[1].to_reps, "7,5,3");
	assert_true(e->changes[1].up);
	assert_null(r.exercises[1].start_reps);
	report_dose_text("7,5,3", 8, buf, sizeof buf);
	assert_string_equal(buf, "3 sets of 7,5,3, hold 8 s");
	report_dose_text("6", 0, buf, sizeof buf);
	assert_string_equal(buf, "1 set of 6");
	report_free(&r);
}

/* Notes and flags newest first, from a file out of order; only the
 * newest REPORT_KEEP_NOTES notes are kept, all are counted. */
static void
test_lists(void **state)
{
	struct report r;
	char *h = calloc(1, 200 * 200), *p = h;

	(void)state;
	for (int i = 0; i < 40; i++) {
		int d = (i * 17) % 40 + 1;      /* days 1..40, out of order */
		int y, m, dd;
		calendar_civil_from_days(day_of("2026-10-26") + d - 1, &y, &m, &dd);
		p += sprintf(p, "S\t%04d-%02d-%02dT08:00:00+01:00\t60\tbig3\tB3\t"
		    "completed\tcompleted\t1\t0\t1\t60\t\t\tnote of day %d\t%s\t%s"
		    "\t\texercise\n", y, m, dd, d, d == 40 ? "fever" : "",
		    d == 3 ? "fever" : "");
	}
	build(&r, h);
	assert_int_equal(r.notes_total, 40);
	assert_int_equal(r.nnotes, REPORT_KEEP_NOTES);
	assert_string_equal(r.notes[0].text, "note of day 40");
	assert_string_equal(r.notes[REPORT_KEEP_NOTES - 1].text,
	    "note of day 11");
	assert_int_equal(r.flags_total, 2);
	assert_string_equal(r.flags[0].flag, "fever");
	assert_null(r.flags[0].checked);
	assert_null(r.flags[1].flag);
	assert_string_equal(r.flags[1].checked, "fever");
	/* several signs at once, signs of the pain key, an id not known */
	struct sbuf w = { 0 };
	report_flag_text("fever,one-leg-during,made-up", &w);
	int f = safety_flag_find("fever");
	assert_true(f >= 0);
	assert_non_null(strstr(w.p, safety_red_flags[f].text));
	assert_non_null(strstr(w.p, "; during a session: new numbness or "
	    "weakness in one leg; made-up"));
	free(w.p);
	report_free(&r);
	free(h);
}

/* The three renderers: the same numbers; text in 80 columns; hostile
 * text escaped. */
static void
test_render(void **state)
{
	struct report r;
	struct hist_record rec = { .type = HREC_SESSION };

	(void)state;
	build(&r, calendar_history);
	snprintf(rec.s.start, sizeof rec.s.start, "2026-11-03T08:00:00+01:00");
	rec.s.day = day_of("2026-11-03");
	rec.s.routine_id = "x";
	rec.s.routine_name = "R\x1b[31m<b>";
	rec.s.note = "</svg><script>alert(1)</script>\x01\x9b & 'q' \"q\"";
	rec.s.flag = rec.s.checked = "";
	rec.s.worked_s = rec.s.duration_s = 60;
	rec.s.pain_before = rec.s.pain_after = -1;
	report_add(&r, &rec);
	report_finish(&r);
	char *t = report_text(&r), *h = report_html(&r), *j = report_json(&r);
	assert_non_null(strstr(t, "2026-10-26 to 2026-12-06"));
	assert_non_null(strstr(h, "2026-10-26 to 2026-12-06"));
	assert_non_null(strstr(j, "\"from\": \"2026-10-26\""));
	assert_non_null(strstr(t, "week of 2026-10-26       9     5.5    3.5"));
	assert_non_null(strstr(h, "<td class=\"n\">9</td><td class=\"n\">5.5"
	    "</td><td class=\"n\">3.5</td>"));
	assert_non_null(strstr(j, "\"pain_highest\": 9, \"pain_before\": 5.5, "
	    "\"pain_after\": 3.5"));
	for (char *l = t; *l; ) {
		size_t n = strcspn(l, "\n");
		char line[512];
		snprintf(line, sizeof line, "%.*s", (int)n, l);
		assert_in_range(text_width(line), 0, 80);
		l += n + (l[n] == '\n');
	}
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "</svg><"));
	assert_non_null(strstr(h, "&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script"
	    "&gt;\xef\xbf\xbd\xef\xbf\xbd &amp; &#39;q&#39; &quot;q&quot;"));
	assert_null(strchr(h, '\x1b'));
	assert_null(strchr(t, '\x1b'));
	assert_null(strchr(j, '\x1b'));
	assert_non_null(strstr(j, "\\u0001"));
	free(t);
	free(h);
	free(j);
	report_free(&r);
}

static void
test_period(void **state)
{
	struct report r;

	(void)state;
	assert_int_equal(report_init(&r, 10, 9), -1);
	report_free(&r);
	assert_int_equal(report_init(&r, 0, 7 * REPORT_MAX_WEEKS + 7), -1);
	report_free(&r);
	/* Wednesday to Sunday; the first session ever on Thursday */
	assert_int_equal(report_init(&r, day_of("2026-12-02"),
	    day_of("2026-12-06")), 0);
	assert_int_equal(r.nweeks, 1);
	char line[] = S("2026-12-03T08:00:00+01:00", "completed", "completed",
	    "300", "", "", "", "", "", "", "exercise");
	struct hist_record rec;
	assert_int_equal(history_parse(line, strlen(line) - 1, &rec),
	    HREC_SESSION);
	report_add(&r, &rec);
	report_finish(&r);
	assert_int_equal(report_day_kind(&r, 0), RD_OUTSIDE);   /* Monday */
	assert_int_equal(report_day_kind(&r, 2), RD_OUTSIDE);   /* not begun */
	assert_int_equal(report_day_kind(&r, 3), RD_DONE);
	assert_int_equal(report_day_kind(&r, 4), RD_MISSED);
	assert_int_equal(report_day_kind(&r, 5), RD_MISSED);
	assert_int_equal(report_day_kind(&r, 6), RD_OUTSIDE);   /* today: not
	                                                           over yet */
	assert_int_equal(r.weeks[0].missed_days, 2);
	report_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_pain),
		cmocka_unit_test(test_pain_packs),
		cmocka_unit_test(test_pain_reports),
		cmocka_unit_test(test_doses),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_period),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
