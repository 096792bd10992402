/*
 * report_text.c - the report for a terminal (report.h, report_text):
 * the same figures as the page, in lines of at most 80 columns, every
 * string from the history escaped (text_escape) and wrapped.
 *
 * Part of the pure core.
 */
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safety.h"
#include "sbuf.h"
#include "text.h"
#include "words.h"

#define COLS 80

/* Appends one word of display width w (a cut one when wider than a
 * line), breaking the line first when it would not fit. */
static void
wrap_word(struct sbuf *b, const char *s, size_t n, int indent, int *col)
{
	uint32_t c;

	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(s + i, n - i, &c);
		int w = len ? text_cp_width(c) : 1;
		if (len == 0)
			len = 1;
		if (*col + w > COLS) {
			sb_printf(b, "\n%*s", indent, "");
			*col = indent;
		}
		sb_put(b, s + i, len);
		*col += w;
		i += len;
	}
}

/* s escaped and wrapped to 80 columns, its first line starting at
 * column *col (already written), the others indented; ends the line. */
static void
wrap(struct sbuf *b, const char *s, int indent, int col)
{
	struct sbuf e = { 0 };
	const char *p;
	bool fresh = true;      /* no word on this line yet */

	sb_term(&e, s);
	p = e.p ? e.p : "";
	while (*p) {
		size_t n = strcspn(p, " \n");
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%.*s", (int)(n < 4095 ? n : 4095), p);
		int w = text_width(tmp);
		if (!fresh && col + 1 + w > COLS) {
			sb_printf(b, "\n%*s", indent, "");
			col = indent;
		} else if (!fresh) {
			sb_put(b, " ", 1);
			col++;
		}
		wrap_word(b, p, n, indent, &col);
		fresh = n == 0 && fresh;
		p += n;
		if (*p == '\n') {              /* a line break of the text */
			sb_printf(b, "\n%*s", indent, "");
			col = indent;
			fresh = true;
		}
		if (*p)
			p++;
	}
	sb_put(b, "\n", 1);
	b->oom |= e.oom;
	free(e.p);
}

static void
text_head(struct sbuf *b, const struct report *r)
{
	char a[16], z[16];

	report_day_text(r->first_day, a, sizeof a);
	report_day_text(r->last_day, z, sizeof z);
	sb_printf(b, "Back exercise report: %s to %s\n", a, z);
	sb_printf(b, "%lld %s with exercise done (%lld completed), %lld "
	    "minutes.\n", (long long)r->sessions,
	    plural(r->sessions, "session", "sessions"), (long long)r->completed,
	    (long long)((r->seconds + 30) / 60));
	if (r->rests + r->packs + r->empty > 0) {
		char line[300];
		snprintf(line, sizeof line, "Apart: %lld stopped or not started "
		    "for pain or a red flag, %lld ice or heat %s, %lld ended "
		    "before anything was done.", (long long)r->rests,
		    (long long)r->packs, plural(r->packs, "pack", "packs"),
		    (long long)r->empty);
		wrap(b, line, 0, 0);
	}
	wrap(b, "Recorded by the person with backcoach, a self-help exercise "
	    "coach: it suggests, it does not diagnose.", 0, 0);
}

static void
text_routines(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "\nRoutines followed\n");
	if (r->nroutines == 0)
		sb_printf(b, "  none in this period\n");
	for (int i = 0; i < r->nroutines; i++) {
		const struct report_routine *p = &r->routines[i];
		sb_printf(b, "  ");
		sb_fit(b, p->name, 40, 0);
		sb_printf(b, " %5lld %-8s %5lld done %6lld min\n",
		    (long long)p->sessions, plural(p->sessions, "session",
		    "sessions"), (long long)p->completed,
		    (long long)((p->seconds + 30) / 60));
		sb_printf(b, "    Source: ");
		wrap(b, p->source ? p->source : "(the routine file was not "
		    "found)", 4, 12);
	}
	if (r->more_routines > 0)
		sb_printf(b, "  and %lld sessions of other routines\n",
		    (long long)r->more_routines);
}

static void
text_calendar(struct sbuf *b, const struct report *r)
{
	char day[16];

	sb_printf(b, "\nAdherence             Mo Tu We Th Fr Sa Su  sessions  "
	    "minutes\n");
	for (int w = 0; w < r->nweeks; w++) {
		const struct report_week *k = &r->weeks[w];
		report_day_text(k->monday, day, sizeof day);
		sb_printf(b, "  week of %s", day);
		for (int i = 0; i < 7; i++)
			sb_printf(b, "  %c", report_day_mark(report_day_kind(r,
			    7 * w + i)));
		sb_printf(b, " %10lld %8lld\n", (long long)k->sessions,
		    (long long)((k->seconds + 30) / 60));
	}
	sb_printf(b, "  ");
	for (int k = RD_DONE; k > RD_OUTSIDE; k--)
		sb_printf(b, "%c %s, ", report_day_mark(k), report_day_word(k));
	sb_printf(b, "blank: not begun, or to come\n");
}

/* "4.5" or "-" */
static void
mean(char *buf, size_t len, int64_t sum, int64_t n)
{
	if (n > 0)
		snprintf(buf, len, "%.1f", (double)sum / (double)n);
	else
		snprintf(buf, len, "-");
}

static void
text_trend(struct sbuf *b, const struct report *r)
{
	char line[400];

	report_trend_text(r, line, sizeof line);
	sb_printf(b, "  ");
	wrap(b, line, 2, 2);
}

static void
text_pain(struct sbuf *b, const struct report *r)
{
	char day[16], bf[16], af[16];

	sb_printf(b, "\nPain (0-10)         highest  before  after  next "
	    "morning better/same/worse\n");
	for (int w = 0; w < r->nweeks; w++) {
		const struct report_week *k = &r->weeks[w];
		report_day_text(k->monday, day, sizeof day);
		mean(bf, sizeof bf, k->before_sum, k->pairs);
		mean(af, sizeof af, k->after_sum, k->pairs);
		char hi[16] = "-";
		if (k->pain_max >= 0)
			snprintf(hi, sizeof hi, "%d", k->pain_max);
		sb_printf(b, "  week of %s %7s %7s %6s  %lld/%lld/%lld\n", day,
		    hi, bf, af, (long long)k->next[NEXT_DAY_BETTER],
		    (long long)k->next[NEXT_DAY_SAME],
		    (long long)k->next[NEXT_DAY_WORSE]);
	}
	text_trend(b, r);
}

static void
text_pains(struct sbuf *b, const struct report *r)
{
	char when[32], line[160];

	sb_printf(b, "\nPain reported during sessions (%lld), newest first\n",
	    (long long)r->pains_total);
	if (r->pains_total == 0)
		sb_printf(b, "  none\n");
	for (int i = 0; i < r->npains; i++) {
		const struct report_pain *p = &r->pains[i];
		report_date(p->w.start, when, sizeof when);
		snprintf(line, sizeof line, "%d/10%s, %s, during ", p->score,
		    p->spreads ? " spreading down a leg" : "",
		    report_pain_step_word(p->step));
		sb_printf(b, "  %s  ", when);
		struct sbuf t = { 0 };
		sb_printf(&t, "%s%s (%s)", line, p->exercise ? p->exercise :
		    "an exercise not recorded", p->routine ? p->routine : "?");
		wrap(b, t.p ? t.p : "", 4, 20);
		b->oom |= t.oom;
		free(t.p);
	}
	if (r->pains_total > r->npains)
		sb_printf(b, "  and %lld older\n",
		    (long long)(r->pains_total - r->npains));
}

static void
text_exercise(struct sbuf *b, const struct report_exercise *e)
{
	char from[160], to[160], when[32];

	sb_printf(b, "  ");
	struct sbuf t = { 0 };
	sb_printf(&t, "%s (%s)", e->name ? e->name : "?", e->routine ?
	    e->routine : e->routine_id);
	wrap(b, t.p ? t.p : "", 4, 2);
	b->oom |= t.oom;
	free(t.p);
	if (e->start_reps) {
		report_dose_text(e->start_reps, e->start_hold, from, sizeof from);
		sb_printf(b, "    at the start:    ");
		wrap(b, from, 21, 21);
	}
	for (int k = 0; k < e->nchanges; k++) {
		const struct report_change *c = &e->changes[k];
		report_date(c->w.start, when, sizeof when);
		report_dose_text(c->from_reps, c->from_hold, from, sizeof from);
		report_dose_text(c->to_reps, c->to_hold, to, sizeof to);
		sb_printf(b, "    %.10s %-9s", when, c->up ? "step up" :
		    "step back");
		t = (struct sbuf){ 0 };
		sb_printf(&t, "%s -> %s", from, to);
		wrap(b, t.p ? t.p : "", 25, 25);
		b->oom |= t.oom;
		free(t.p);
	}
	if (e->changes_total > e->nchanges)
		sb_printf(b, "    and %lld older changes\n",
		    (long long)(e->changes_total - e->nchanges));
}

static void
text_doses(struct sbuf *b, const struct report *r)
{
	int shown = 0;

	sb_printf(b, "\nDoses: each change the person accepted, newest first\n");
	for (int i = 0; i < r->nexercises; i++)
		if (r->exercises[i].changes_total > 0 ||
		    r->exercises[i].start_reps) {
			text_exercise(b, &r->exercises[i]);
			shown++;
		}
	if (shown == 0)
		sb_printf(b, "  no dose changed in this period\n");
	if (r->more_exercises > 0)
		sb_printf(b, "  and %lld changes of other exercises\n",
		    (long long)r->more_exercises);
}

static void
text_flags(struct sbuf *b, const struct report *r)
{
	char when[32];

	sb_printf(b, "\nRed-flag answers (%lld), newest first\n",
	    (long long)r->flags_total);
	if (r->flags_total == 0)
		sb_printf(b, "  no red flag answered yes in this period\n");
	for (int i = 0; i < r->nflags; i++) {
		const struct report_flag *f = &r->flags[i];
		report_date(f->w.start, when, sizeof when);
		struct sbuf t = { 0 };
		if (f->flag) {
			sb_printf(&t, "yes: ");
			report_flag_text(f->flag, &t);
		}
		if (f->checked)
			sb_printf(&t, "%schecked by a doctor the same day: %s",
			    f->flag ? "; " : "", f->checked);
		sb_printf(b, "  %s  ", when);
		wrap(b, t.p ? t.p : "", 4, 20);
		b->oom |= t.oom;
		free(t.p);
	}
	if (r->flags_total > r->nflags)
		sb_printf(b, "  and %lld older\n",
		    (long long)(r->flags_total - r->nflags));
}

static void
text_notes(struct sbuf *b, const struct report *r)
{
	char when[32];

	sb_printf(b, "\nNotes (%lld), newest first\n", (long long)r->notes_total);
	if (r->notes_total == 0)
		sb_printf(b, "  none\n");
	for (int i = 0; i < r->nnotes; i++) {
		report_date(r->notes[i].w.start, when, sizeof when);
		sb_printf(b, "  %s  ", when);
		wrap(b, r->notes[i].text, 4, 20);
	}
	if (r->notes_total > r->nnotes)
		sb_printf(b, "  and %lld older\n",
		    (long long)(r->notes_total - r->nnotes));
	if (r->nfeedback > 0)
		sb_printf(b, "\nFeedback on exercises (%lld), newest first\n",
		    (long long)r->feedback_total);
	for (int i = 0; i < r->nfeedback; i++) {
		const struct report_feedback *f = &r->feedback[i];
		report_date(f->w.start, when, sizeof when);
		struct sbuf t = { 0 };
		sb_printf(&t, "%s: %s", f->exercise ? f->exercise : "?",
		    f->what ? f->what : "?");
		sb_printf(b, "  %s  ", when);
		wrap(b, t.p ? t.p : "", 4, 20);
		b->oom |= t.oom;
		free(t.p);
	}
}

static void
text_risks(struct sbuf *b, const struct report *r)
{
	if (!r->show_risk_factors)
		return;
	sb_printf(b, "\nRisk factors the person declared\n");
	if (r->risk_factors == 0)
		sb_printf(b, "  %s\n", r->risk_factors_known ? "none" :
		    "not asked yet");
	for (int i = 0; i < SAFETY_RISK_COUNT; i++)
		if (r->risk_factors & (1u << i)) {
			sb_printf(b, "  - ");
			wrap(b, safety_risk_factors[i].what, 4, 4);
		}
}

char *
report_text(const struct report *r)
{
	struct sbuf b = { 0 };

	text_head(&b, r);
	text_risks(&b, r);
	text_routines(&b, r);
	text_calendar(&b, r);
	text_pain(&b, r);
	text_pains(&b, r);
	text_doses(&b, r);
	text_flags(&b, r);
	text_notes(&b, r);
	return sb_take(&b);
}
