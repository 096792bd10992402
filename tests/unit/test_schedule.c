/*
 * test_schedule.c - the days and weeks of a programme (schedule.c), its
 * state file (schedule_state.c), its validation (programme.c) and the
 * reminder's units (reminder.c): one session a day, the week that waits,
 * a gap that repeats it, a flare that steps back, consent to move on, the
 * local calendar day across time zones and DST changes.
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
#include "programme.h"
#include "reminder.h"
#include "safety.h"
#include "schedule.h"

/* Three weeks: any 2 days of "a"; Monday "a" and Thursday "b"; any 3
 * days of "b". */
static void
make(struct programme *p)
{
	programme_init(p);
	p->id = strdup("three");
	p->path = strdup("three.programme");
	p->name = strdup("Three weeks");
	p->version = 1;
	p->has[PS_programme] = p->has[PS_name] = p->has[PS_weeks] = true;
	p->nweeks = 3;
	p->week[0].form = DAYS_COUNT;
	p->week[0].per_week = 2;
	p->week[0].routine = strdup("a");
	p->week[0].rest = strdup("a walk");
	p->week[1].form = DAYS_GROUP;
	p->week[1].day[0] = strdup("a");
	p->week[1].day[3] = strdup("b");
	p->week[2].form = DAYS_COUNT;
	p->week[2].per_week = 3;
	p->week[2].routine = strdup("b");
	for (int i = 0; i < 3; i++)
		p->week[i].has[WS_days] = true;
	p->week[0].has[WS_routine] = p->week[2].has[WS_routine] = true;
}

/* A completed session of routine id at local time t. */
static struct sched_session
done_at(const char *t, const char *id)
{
	struct sched_session s = { .routine_id = id, .completed = true };

	assert_int_equal(calendar_parse_date(t, &s.day), 0);
	assert_true(calendar_instant(t, &s.at));
	return s;
}

static struct prog_state
started(const struct programme *p, const char *when)
{
	struct prog_state st = { 0 };

	schedule_start(p, &st, when);
	return st;
}

/* 2026-03-02 is a Monday. */
static void
test_one_session_a_day_counts(void **state)
{
	struct programme p;
	struct sched_today t;
	make(&p);
	struct prog_state st = started(&p, "2026-03-02T08:00:00+00:00");
	struct sched_session v[3] = {
		done_at("2026-03-02T09:00:00+00:00", "a"),
		done_at("2026-03-02T18:00:00+00:00", "a"),      /* the same day */
		done_at("2026-03-03T09:00:00+00:00", "other"),  /* not the week's */
	};

	(void)state;
	assert_int_equal(schedule_today(&p, &st, v, 0, NULL,
	    "2026-03-02T08:30:00+00:00", &t), 0);
	assert_string_equal(t.routine, "a");
	assert_false(t.done);
	assert_int_equal(t.week, 1);
	assert_int_equal(t.day, 1);
	assert_int_equal(t.target, 2);
	assert_int_equal(schedule_today(&p, &st, v, 3, NULL,
	    "2026-03-02T20:00:00+00:00", &t), 0);
	assert_true(t.done);
	assert_int_equal(t.sessions, 1);                /* twice today: once */
	assert_int_equal(schedule_today(&p, &st, v, 3, NULL,
	    "2026-03-03T08:00:00+00:00", &t), 0);
	assert_false(t.done);                           /* "other" is no part */
	assert_string_equal(t.routine, "a");
	assert_int_equal(t.day, 2);
	assert_int_equal(t.change, SCHED_NONE);
	programme_free(&p);
}

/* The week's work done early: rest days until day 8, then consent. */
static void
test_week_waits_for_consent(void **state)
{
	struct programme p;
	struct sched_today t;
	make(&p);
	struct prog_state st = started(&p, "2026-03-02T08:00:00+00:00");
	struct sched_session v[2] = {
		done_at("2026-03-02T09:00:00+00:00", "a"),
		done_at("2026-03-04T09:00:00+00:00", "a"),
	};

	(void)state;
	schedule_today(&p, &st, v, 2, NULL, "2026-03-05T08:00:00+00:00", &t);
	assert_true(t.week_done);
	assert_null(t.routine);                         /* rest: done */
	assert_string_equal(t.rest, "a walk");
	assert_false(t.ready);                          /* not a week yet */
	assert_int_equal(schedule_next(&p, &st, &t, "2026-03-05T08:00:00+00:00"),
	    SCHED_NEXT_NOT_READY);
	schedule_today(&p, &st, v, 2, NULL, "2026-03-09T08:00:00+00:00", &t);
	assert_true(t.ready);
	assert_int_equal(t.week, 1);                    /* never on its own */
	struct sched_feedback hurt = { .hurt = 1 };
	schedule_today(&p, &st, v, 2, &hurt, "2026-03-09T08:00:00+00:00", &t);
	assert_false(t.ready);                          /* the feedback holds */
	assert_true(t.held);
	schedule_today(&p, &st, v, 2, NULL, "2026-03-09T08:00:00+00:00", &t);
	assert_int_equal(schedule_next(&p, &st, &t, "2026-03-09T08:00:00+00:00"),
	    SCHED_NEXT_WEEK);
	assert_int_equal(st.week, 2);
	assert_int_equal(st.change, SCHED_NEXT);
	/* week 2: Monday "a", Thursday "b", rest between; the sessions of
	 * week 1 are not week 2's */
	schedule_today(&p, &st, v, 2, NULL, "2026-03-09T10:00:00+00:00", &t);
	assert_string_equal(t.routine, "a");
	assert_int_equal(t.sessions, 0);
	schedule_today(&p, &st, v, 2, NULL, "2026-03-10T10:00:00+00:00", &t);
	assert_null(t.routine);
	schedule_today(&p, &st, v, 2, NULL, "2026-03-12T10:00:00+00:00", &t);
	assert_string_equal(t.routine, "b");
	programme_free(&p);
}

/* A missed Monday is not made up on Tuesday: the week waits for it. */
static void
test_missed_days_never_double_up(void **state)
{
	struct programme p;
	struct sched_today t;
	make(&p);
	struct prog_state st = started(&p, "2026-03-02T08:00:00+00:00");
	st.week = 2;
	struct sched_session v[1] = { done_at("2026-03-05T09:00:00+00:00", "b") };

	(void)state;
	schedule_today(&p, &st, v, 1, NULL, "2026-03-06T08:00:00+00:00", &t);
	assert_null(t.routine);                         /* Friday: rest */
	assert_int_equal(t.sessions, 1);
	schedule_today(&p, &st, v, 1, NULL, "2026-03-09T08:00:00+00:00", &t);
	assert_string_equal(t.routine, "a");            /* the next Monday */
	assert_int_equal(t.day, 8);                     /* the week waited */
	assert_false(t.ready);
	assert_int_equal(t.change, SCHED_NONE);
	programme_free(&p);
}

/* Seven whole days without a session: the week again, from today. */
static void
test_gap_repeats_the_week(void **state)
{
	struct programme p;
	struct sched_today t;
	make(&p);
	struct prog_state st = started(&p, "2026-03-02T08:00:00+00:00");
	struct sched_session v[1] = { done_at("2026-03-03T09:00:00+00:00", "a") };

	(void)state;
	schedule_today(&p, &st, v, 1, NULL, "2026-03-10T08:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_NONE);         /* 6 days: waits */
	assert_int_equal(t.gap_days, 6);
	assert_int_equal(t.sessions, 1);
	schedule_today(&p, &st, v, 1, NULL, "2026-03-11T08:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_REPEAT);       /* 7: again */
	assert_int_equal(st.change, SCHED_REPEAT);
	assert_string_equal(st.began, "2026-03-11T08:00:00+00:00");
	assert_int_equal(t.week, 1);
	assert_int_equal(t.day, 1);
	assert_int_equal(t.sessions, 0);
	schedule_today(&p, &st, v, 1, NULL, "2026-03-11T09:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_NONE);         /* once */
	programme_free(&p);
}

/* A flare steps back a week, once; today is then a rest day. */
static void
test_flare_steps_back(void **state)
{
	struct programme p;
	struct sched_today t;
	make(&p);
	struct prog_state st = started(&p, "2026-03-02T08:00:00+00:00");
	st.week = 3;
	struct sched_session v[2] = {
		done_at("2026-03-02T09:00:00+00:00", "b"),
		done_at("2026-03-03T09:00:00+00:00", "b"),
	};

	(void)state;
	v[1].completed = false;
	v[1].flare = true;
	schedule_today(&p, &st, v, 2, NULL, "2026-03-03T10:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_BACK);
	assert_int_equal(st.week, 2);
	assert_null(t.routine);                         /* rest after it */
	schedule_today(&p, &st, v, 2, NULL, "2026-03-03T11:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_NONE);         /* the same flare: once */
	assert_int_equal(st.week, 2);
	schedule_today(&p, &st, v, 2, NULL, "2026-03-05T08:00:00+00:00", &t);
	assert_string_equal(t.routine, "b");            /* Thursday of week 2 */
	st.week = 1;
	v[1].at += 86400 * 3;                           /* a flare in week 1 */
	v[1].day += 3;
	schedule_today(&p, &st, v, 2, NULL, "2026-03-06T12:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_BACK);
	assert_int_equal(st.week, 1);                   /* no week 0 */
	programme_free(&p);
}

/* The flare-up routine done in a week that does not have it is a flare
 * (a week back, rest today); in a week whose plan it is, a session like
 * any other. */
static void
test_flare_routine(void **state)
{
	struct programme p;
	struct sched_today t;
	struct hist_session h;
	make(&p);
	free(p.week[0].routine);
	p.week[0].routine = strdup(SAFETY_FLARE_ROUTINE);
	struct prog_state st = started(&p, "2026-03-02T08:00:00+00:00");
	struct sched_session v[1] = {
		done_at("2026-03-03T09:00:00+00:00", SAFETY_FLARE_ROUTINE),
	};

	(void)state;
	history_session_init(&h, SAFETY_FLARE_ROUTINE, "Gentle", NULL, 0);
	strcpy(h.start, "2026-03-03T09:00:00+00:00");
	h.status = HS_COMPLETED;
	h.reason = HR_COMPLETED;
	h.worked_s = 300;
	schedule_session_of(&h, &v[0]);
	assert_true(v[0].flare_routine);
	assert_false(v[0].flare);                       /* by its record: fine */
	schedule_today(&p, &st, v, 1, NULL, "2026-03-03T10:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_NONE);         /* week 1's own routine */
	assert_int_equal(t.sessions, 1);
	st = started(&p, "2026-03-02T08:00:00+00:00");
	st.week = 3;                                    /* "b" only */
	schedule_today(&p, &st, v, 1, NULL, "2026-03-03T10:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_BACK);
	assert_int_equal(st.week, 2);
	assert_null(t.routine);                         /* rest after it */
	st = started(&p, "2026-03-02T08:00:00+00:00");  /* the version off */
	v[0].routine_id = SAFETY_FLARE_ROUTINE_OFF_BACK; /* the back, in week 1 */
	schedule_today(&p, &st, v, 1, NULL, "2026-03-03T10:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_NONE);         /* stands in: no flare */
	assert_int_equal(t.sessions, 1);                /* and counts as done */
	st.week = 3;
	schedule_today(&p, &st, v, 1, NULL, "2026-03-03T10:00:00+00:00", &t);
	assert_int_equal(t.change, SCHED_BACK);         /* in week 3: a flare */
	h.worked_s = 0;                                 /* begun, nothing done */
	schedule_session_of(&h, &v[0]);
	assert_false(v[0].flare_routine);
	programme_free(&p);
}

/* What makes a flare, from the history's record. */
static void
test_what_is_a_flare(void **state)
{
	struct hist_session s;
	struct sched_session out;

	(void)state;
	history_session_init(&s, "a", "A", NULL, 0);
	strcpy(s.start, "2026-03-02T09:00:00+00:00");
	s.status = HS_COMPLETED;
	s.reason = HR_COMPLETED;
	assert_false(schedule_is_flare(&s));
	s.pain_before = 5;
	s.pain_max = 5;
	assert_false(schedule_is_flare(&s));            /* 0-5: acceptable */
	s.pain_max = 6;
	assert_true(schedule_is_flare(&s));             /* the pain key */
	s.pain_max = -1;
	s.pain_before = 6;
	assert_true(schedule_is_flare(&s));             /* high before */
	s.pain_before = 2;
	s.next_day = NEXT_DAY_WORSE;
	assert_true(schedule_is_flare(&s));             /* worse next morning */
	s.next_day = NEXT_DAY_SAME;
	s.status = HS_STOPPED;
	s.reason = HR_PAIN;
	assert_true(schedule_is_flare(&s));
	schedule_session_of(&s, &out);
	assert_false(out.completed);
	s.status = HS_COMPLETED;
	s.reason = HR_COMPLETED;
	s.kind = HK_PACK;
	schedule_session_of(&s, &out);
	assert_false(out.completed);                    /* a pack is no session */
	assert_false(out.flare);
}

/* The day is the local calendar day: a session at 00:30 local time is
 * today's, though it was yesterday in UTC; a week across the spring DST
 * change (a day of 23 hours) is still 7 days; a time zone change between
 * sessions does not move their days. */
static void
test_local_day_and_dst(void **state)
{
	struct programme p;
	struct sched_today t;
	make(&p);
	/* Europe/Paris: 2026-03-29 02:00 +01:00 becomes 03:00 +02:00 */
	struct prog_state st = started(&p, "2026-03-23T08:00:00+01:00");
	struct sched_session v[2] = {
		done_at("2026-03-29T00:30:00+01:00", "a"),      /* Sunday */
		done_at("2026-03-30T00:30:00+02:00", "a"),      /* 22:30Z Sunday */
	};

	(void)state;
	schedule_today(&p, &st, v, 1, NULL, "2026-03-29T23:30:00+02:00", &t);
	assert_true(t.done);                            /* same local day */
	assert_int_equal(t.day, 7);
	schedule_today(&p, &st, v, 2, NULL, "2026-03-30T07:00:00+02:00", &t);
	assert_true(t.done);                            /* 00:30 is Monday's */
	assert_int_equal(t.day, 8);                     /* 7 days, one of 23 h */
	assert_true(t.ready);
	/* autumn: 2026-10-25 03:00 +02:00 becomes 02:00 +01:00 */
	st = started(&p, "2026-10-19T08:00:00+02:00");
	schedule_today(&p, &st, v, 0, NULL, "2026-10-26T07:00:00+01:00", &t);
	assert_int_equal(t.day, 8);
	/* a flight from UTC-5 to UTC+9: the gap is counted in the local
	 * days of each (in UTC it would be 03-03 to 03-09, 5 days) */
	st = started(&p, "2026-03-02T08:00:00-05:00");
	struct sched_session w = done_at("2026-03-02T20:00:00-05:00", "a");
	schedule_today(&p, &st, &w, 1, NULL, "2026-03-09T07:00:00+09:00", &t);
	assert_int_equal(t.change, SCHED_NONE);         /* 3rd..8th: 6 days */
	schedule_today(&p, &st, &w, 1, NULL, "2026-03-10T07:00:00+09:00", &t);
	assert_int_equal(t.change, SCHED_REPEAT);       /* 3rd..9th: 7 days */
	programme_free(&p);
}

/* A flare-up programme started over another ends by resuming it. */
static void
test_flare_programme_resumes(void **state)
{
	struct programme p, flare;
	struct sched_today t;
	make(&p);
	make(&flare);
	free(flare.id);
	flare.id = strdup("flare");
	flare.resume = true;
	flare.nweeks = 1;
	struct prog_state st = started(&p, "2026-03-02T08:00:00+00:00");
	st.week = 3;
	struct sched_session v[2] = {
		done_at("2026-03-10T09:00:00+00:00", "a"),
		done_at("2026-03-12T09:00:00+00:00", "a"),
	};

	(void)state;
	schedule_start(&flare, &st, "2026-03-10T08:00:00+00:00");
	assert_string_equal(st.id, "flare");
	assert_string_equal(st.resume_id, "three");
	assert_int_equal(st.resume_week, 3);
	schedule_today(&flare, &st, v, 2, NULL, "2026-03-17T08:00:00+00:00", &t);
	assert_true(t.ready);
	assert_true(t.last_week);
	assert_int_equal(schedule_next(&flare, &st, &t, "2026-03-17T08:00:00+00:00"),
	    SCHED_NEXT_RESUMED);
	assert_string_equal(st.id, "three");
	assert_int_equal(st.week, 3);
	assert_int_equal(st.change, SCHED_RESUME);
	assert_string_equal(st.resume_id, "");
	/* the main programme's last week done: finished */
	st.week = 1;
	p.nweeks = 1;
	struct sched_session w[2] = {
		done_at("2026-03-18T09:00:00+00:00", "a"),
		done_at("2026-03-19T09:00:00+00:00", "a"),
	};
	schedule_today(&p, &st, w, 2, NULL, "2026-03-24T08:00:00+00:00", &t);
	assert_int_equal(schedule_next(&p, &st, &t, "2026-03-24T08:00:00+00:00"),
	    SCHED_NEXT_FINISHED);
	p.nweeks = 3;
	flare.nweeks = 3;               /* so that every week is freed */
	programme_free(&p);
	programme_free(&flare);
}

static void
test_state_round_trip(void **state)
{
	struct programme p;
	struct prog_state st, back;
	struct diags d = { 0 };
	char buf[512];
	make(&p);

	(void)state;
	st = started(&p, "2026-03-02T08:00:00+01:00");
	st.week = 2;
	strcpy(st.resume_id, "six-weeks");
	st.resume_week = 4;
	assert_true(schedule_state_format(&st, buf, sizeof buf) < sizeof buf);
	assert_int_equal(schedule_state_parse(buf, "state", &back, &d), 0);
	assert_string_equal(back.id, "three");
	assert_int_equal(back.week, 2);
	assert_string_equal(back.began, "2026-03-02T08:00:00+01:00");
	assert_int_equal(back.change, SCHED_START);
	assert_string_equal(back.resume_id, "six-weeks");
	assert_int_equal(back.resume_week, 4);
	assert_int_equal(schedule_state_parse("#backcoach-programme 1\nid x\n"
	    "week zero\n", "state", &back, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_string_equal(d.v[0].msg, "malformed line");
	diags_free(&d);
	assert_int_equal(schedule_state_parse("hello\n", "state", &back, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.v[0].line, 1);
	diags_free(&d);
	programme_free(&p);
}

static void
test_validate(void **state)
{
	struct programme p;
	struct diags d = { 0 };

	(void)state;
	make(&p);
	assert_int_equal(programme_validate(&p, &d), 0);
	p.week[0].per_week = 9;
	p.week[0].line[WS_days] = 12;
	free(p.week[1].day[3]);
	p.week[1].day[3] = strdup("../etc");
	p.week[1].day_line[3] = 20;
	assert_int_equal(programme_validate(&p, &d), -1);
	assert_int_equal(d.nerrors, 2);
	assert_int_equal(d.v[0].line, 12);
	assert_non_null(strstr(d.v[0].msg, "from 1 to 7"));
	assert_int_equal(d.v[1].line, 20);
	assert_non_null(strstr(d.v[1].msg, "'thu' must be a routine id"));
	diags_free(&d);
	assert_int_equal(programme_weekday(calendar_days_from_civil(2026, 3, 2)), 0);
	assert_int_equal(programme_day_find("Sun"), 6);
	assert_int_equal(programme_day_find("sunday"), -1);
	programme_free(&p);
}

static void
test_reminder(void **state)
{
	struct reminder r = { 0 };
	char buf[1024];

	(void)state;
	assert_true(reminder_parse_time("08:00", &r));
	assert_false(reminder_parse_time("8:00", &r));
	assert_false(reminder_parse_time("24:00", &r));
	assert_true(reminder_parse_days("mon-fri", &r));
	assert_int_equal(r.days, 0x1f);
	reminder_days_text(r.days, buf, sizeof buf);
	assert_string_equal(buf, "Mon..Fri");
	assert_true(reminder_parse_days("mon,wed-thu,Sun", &r));
	reminder_days_text(r.days, buf, sizeof buf);
	assert_string_equal(buf, "Mon,Wed..Thu,Sun");
	assert_false(reminder_parse_days("fri-mon", &r));
	assert_false(reminder_parse_days("mon,", &r));
	assert_true(reminder_parse_days("mon-fri", &r));
	reminder_timer_text(&r, buf, sizeof buf);
	assert_non_null(strstr(buf, "\nOnCalendar=Mon..Fri *-*-* 08:00:00\n"));
	assert_non_null(strstr(buf, "\nPersistent=true\n"));
	struct reminder back;
	assert_true(reminder_from_timer(buf, &back));
	assert_int_equal(back.hour, 8);
	assert_int_equal(back.days, 0x1f);
	reminder_cron_text(&r, "/usr/bin/backcoach", buf, sizeof buf);
	assert_string_equal(buf, "0 8 * * 1,2,3,4,5 '/usr/bin/backcoach' notify");
	r.days = REMINDER_EVERY_DAY;
	reminder_timer_text(&r, buf, sizeof buf);
	assert_non_null(strstr(buf, "\nOnCalendar=*-*-* 08:00:00\n"));
	assert_true(reminder_from_timer(buf, &back));
	assert_int_equal(back.days, REMINDER_EVERY_DAY);
	reminder_service_text("/opt/my 100%/backcoach", buf, sizeof buf);
	assert_non_null(strstr(buf, "ExecStart=\"/opt/my 100%%/backcoach\" notify\n"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_session_a_day_counts),
		cmocka_unit_test(test_week_waits_for_consent),
		cmocka_unit_test(test_missed_days_never_double_up),
		cmocka_unit_test(test_gap_repeats_the_week),
		cmocka_unit_test(test_flare_steps_back),
		cmocka_unit_test(test_what_is_a_flare),
		cmocka_unit_test(test_flare_routine),
		cmocka_unit_test(test_local_day_and_dst),
		cmocka_unit_test(test_flare_programme_resumes),
		cmocka_unit_test(test_state_round_trip),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_reminder),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
