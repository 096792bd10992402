/*
 * report_html.c - the report as one self-contained HTML page (report.h,
 * report_html): CSS in the page, charts as inline SVG (report_svg.c), no
 * script, nothing fetched (no external file or address: a source's
 * address is text to read, not a link).  Every string from the history
 * or a routine is escaped (sb_html).  The print style sets no paper size,
 * so the printer's own, A4 or Letter, is used; the page is laid out for
 * the smaller of the two (186 x 255 mm inside 12 mm margins), and a
 * chart or table row is never cut across pages.  Colour is never the
 * only sign: each calendar day carries its letter, each chart series its
 * marker and line style.
 *
 * Part of the pure core.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>

#include "report_html.h"
#include "safety.h"
#include "sbuf.h"
#include "words.h"

static const char style[] =
    "body{font:10pt/1.3 sans-serif;color:#000;background:#fff;"
    "max-width:186mm;margin:1em auto;padding:0 1em}\n"
    "h1{font-size:15pt;margin:0}h2{font-size:11pt;margin:.9em 0 .3em;"
    "border-bottom:1px solid #666;break-after:avoid}\n"
    "p{margin:.2em 0}table{border-collapse:collapse;margin:.2em 0}\n"
    "th,td{padding:1px 5px;text-align:left;vertical-align:top}"
    "th{border-bottom:1px solid #999}.n{text-align:right}\n"
    "tr,svg,.keep{break-inside:avoid}svg{width:100%;height:auto;"
    "display:block}\n"
    ".cal td.c{width:1.7em;text-align:center;border:1px solid #888;"
    "font-weight:bold}\n"
    ".X{background:#a5d6a7}.p{background:#fff59d}.r{background:#bbdefb}"
    ".o{color:#999;border-style:dotted!important}\n"
    ".small{font-size:8.5pt;color:#333}.src{font-size:8.5pt;"
    "overflow-wrap:anywhere}\n"
    "@page{margin:12mm}\n"
    "@media print{body{margin:0;padding:0;max-width:none;font-size:9pt}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void
h_head(struct sbuf *b, const struct report *r)
{
	char a[16], z[16];

	report_day_text(r->first_day, a, sizeof a);
	report_day_text(r->last_day, z, sizeof z);
	sb_printf(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>Back exercise report %s to %s</title>\n<style>\n%s"
	    "</style>\n</head>\n<body>\n", a, z, style);
	sb_printf(b, "<h1>Back exercise report</h1>\n<p><strong>%s to "
	    "%s</strong> (%d %s). %lld %s with exercise done (%lld completed), "
	    "%lld minutes.", a, z, r->nweeks, plural(r->nweeks, "week",
	    "weeks"), (long long)r->sessions, plural(r->sessions, "session",
	    "sessions"), (long long)r->completed,
	    (long long)((r->seconds + 30) / 60));
	if (r->rests + r->packs + r->empty > 0)
		sb_printf(b, " Apart: %lld stopped or not started for pain or a "
		    "red flag, %lld ice or heat %s, %lld ended before anything "
		    "was done.", (long long)r->rests, (long long)r->packs,
		    plural(r->packs, "pack", "packs"), (long long)r->empty);
	sb_printf(b, "</p>\n<p class=\"small\">Recorded by the person with "
	    "backcoach, a self-help exercise coach: it suggests, it does not "
	    "diagnose.</p>\n");
	if (!r->show_risk_factors)
		return;
	sb_printf(b, "<h2>Risk factors the person declared</h2>\n<ul>\n");
	for (int i = 0; i < SAFETY_RISK_COUNT; i++)
		if (r->risk_factors & (1u << i))
			sb_printf(b, "<li>%s</li>\n", safety_risk_factors[i].what);
	if (r->risk_factors == 0)
		sb_printf(b, "<li>%s</li>\n", r->risk_factors_known ? "none" :
		    "not asked yet");
	sb_printf(b, "</ul>\n");
}

static void
h_routines(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "<h2>Routines followed</h2>\n");
	if (r->nroutines == 0) {
		sb_printf(b, "<p>None in this period.</p>\n");
		return;
	}
	sb_printf(b, "<table>\n<tr><th>Routine</th><th class=\"n\">Sessions"
	    "</th><th class=\"n\">Completed</th><th class=\"n\">Minutes</th>"
	    "<th>Source</th></tr>\n");
	for (int i = 0; i < r->nroutines; i++) {
		const struct report_routine *p = &r->routines[i];
		sb_printf(b, "<tr><td>");
		sb_html(b, p->name);
		sb_printf(b, "</td><td class=\"n\">%lld</td><td class=\"n\">%lld"
		    "</td><td class=\"n\">%lld</td><td class=\"src\">",
		    (long long)p->sessions, (long long)p->completed,
		    (long long)((p->seconds + 30) / 60));
		sb_html(b, p->source ? p->source : "(the routine file was not "
		    "found)");
		sb_printf(b, "</td></tr>\n");
	}
	sb_printf(b, "</table>\n");
	if (r->more_routines > 0)
		sb_printf(b, "<p>And %lld sessions of other routines.</p>\n",
		    (long long)r->more_routines);
}

static void
h_calendar(struct sbuf *b, const struct report *r)
{
	static const char *const cls[RD_KIND_COUNT] = { "o", "m", "r", "p",
	    "X" };
	char day[16];

	sb_printf(b, "<h2>Adherence</h2>\n<table class=\"cal keep\">\n<tr>"
	    "<th>Week of</th><th>Mo</th><th>Tu</th><th>We</th><th>Th</th>"
	    "<th>Fr</th><th>Sa</th><th>Su</th><th class=\"n\">Sessions</th>"
	    "<th class=\"n\">Minutes</th></tr>\n");
	for (int w = 0; w < r->nweeks; w++) {
		report_day_text(r->weeks[w].monday, day, sizeof day);
		sb_printf(b, "<tr><td>%s</td>", day);
		for (int i = 0; i < 7; i++) {
			enum report_day_kind k = report_day_kind(r, 7 * w + i);
			sb_printf(b, "<td class=\"c %s\" title=\"%s\">%c</td>", cls[k],
			    report_day_word(k), k == RD_OUTSIDE ? ' ' :
			    report_day_mark(k));
		}
		sb_printf(b, "<td class=\"n\">%lld</td><td class=\"n\">%lld</td>"
		    "</tr>\n", (long long)r->weeks[w].sessions,
		    (long long)((r->weeks[w].seconds + 30) / 60));
	}
	sb_printf(b, "</table>\n<p class=\"small\">");
	for (int k = RD_DONE; k > RD_OUTSIDE; k--)
		sb_printf(b, "<b>%c</b> %s, ", report_day_mark(k),
		    report_day_word(k));
	sb_printf(b, "blank: not begun, or to come. ");
	sb_printf(b, "Minutes of exercise each week:</p>\n");
	report_svg_minutes(b, r);
}

/* "4.5" or "-", as the text prints it. */
static void
h_mean(struct sbuf *b, int64_t sum, int64_t n)
{
	if (n > 0)
		sb_printf(b, "<td class=\"n\">%.1f</td>", (double)sum / (double)n);
	else
		sb_printf(b, "<td class=\"n\">-</td>");
}

static void
h_pain(struct sbuf *b, const struct report *r)
{
	char day[16], trend[400];

	sb_printf(b, "<h2>Pain (0-10)</h2>\n");
	report_svg_pain(b, r);
	report_trend_text(r, trend, sizeof trend);
	sb_printf(b, "<p>%s</p>\n<table class=\"keep\">\n<tr><th>Week of</th>"
	    "<th class=\"n\">Highest</th><th class=\"n\">Before</th>"
	    "<th class=\"n\">After</th><th>Next morning better/same/worse"
	    "</th></tr>\n", trend);
	for (int w = 0; w < r->nweeks; w++) {
		const struct report_week *k = &r->weeks[w];
		report_day_text(k->monday, day, sizeof day);
		sb_printf(b, "<tr><td>%s</td>", day);
		if (k->pain_max >= 0)
			sb_printf(b, "<td class=\"n\">%d</td>", k->pain_max);
		else
			sb_printf(b, "<td class=\"n\">-</td>");
		h_mean(b, k->before_sum, k->pairs);
		h_mean(b, k->after_sum, k->pairs);
		sb_printf(b, "<td>%lld/%lld/%lld</td></tr>\n",
		    (long long)k->next[NEXT_DAY_BETTER],
		    (long long)k->next[NEXT_DAY_SAME],
		    (long long)k->next[NEXT_DAY_WORSE]);
	}
	sb_printf(b, "</table>\n");
}

static void
h_pains(struct sbuf *b, const struct report *r)
{
	char when[32];

	sb_printf(b, "<h2>Pain reported during sessions (%lld)</h2>\n",
	    (long long)r->pains_total);
	if (r->npains == 0) {
		sb_printf(b, "<p>None.</p>\n");
		return;
	}
	sb_printf(b, "<table>\n<tr><th>When</th><th class=\"n\">Score</th>"
	    "<th>During</th><th>Then</th></tr>\n");
	for (int i = 0; i < r->npains; i++) {
		const struct report_pain *p = &r->pains[i];
		report_date(p->w.start, when, sizeof when);
		sb_printf(b, "<tr><td>");
		sb_html(b, when);
		sb_printf(b, "</td><td class=\"n\">%d/10%s</td><td>", p->score,
		    p->spreads ? ", spreading down a leg" : "");
		sb_html(b, p->exercise ? p->exercise : "an exercise not recorded");
		sb_printf(b, " (");
		sb_html(b, p->routine ? p->routine : "?");
		sb_printf(b, ")</td><td>%s</td></tr>\n",
		    report_pain_step_word(p->step));
	}
	sb_printf(b, "</table>\n");
	if (r->pains_total > r->npains)
		sb_printf(b, "<p>And %lld older.</p>\n",
		    (long long)(r->pains_total - r->npains));
}

static void
h_exercise(struct sbuf *b, const struct report_exercise *e)
{
	char from[160], to[160], when[32];

	sb_printf(b, "<tr><td rowspan=\"%d\">", e->nchanges + 1);
	sb_html(b, e->name ? e->name : "?");
	sb_printf(b, "<br><span class=\"small\">");
	sb_html(b, e->routine ? e->routine : e->routine_id);
	sb_printf(b, "</span></td><td>at the start</td><td colspan=\"2\">");
	if (e->start_reps)
		report_dose_text(e->start_reps, e->start_hold, from, sizeof from);
	else if (e->nchanges > 0)
		report_dose_text(e->changes[e->nchanges - 1].from_reps,
		    e->changes[e->nchanges - 1].from_hold, from, sizeof from);
	else
		snprintf(from, sizeof from, "?");
	sb_html(b, from);
	sb_printf(b, "</td></tr>\n");
	for (int k = 0; k < e->nchanges; k++) {
		const struct report_change *c = &e->changes[k];
		report_date(c->w.start, when, sizeof when);
		report_dose_text(c->from_reps, c->from_hold, from, sizeof from);
		report_dose_text(c->to_reps, c->to_hold, to, sizeof to);
		sb_printf(b, "<tr><td>");
		sb_html(b, when);
		sb_printf(b, "</td><td>%s</td><td>", c->up ? "step up" :
		    "step back");
		sb_html(b, from);
		sb_printf(b, " &rarr; ");
		sb_html(b, to);
		sb_printf(b, "</td></tr>\n");
	}
}

static void
h_doses(struct sbuf *b, const struct report *r)
{
	int shown = 0;

	sb_printf(b, "<h2>Doses</h2>\n<p class=\"small\">Each change of an "
	    "exercise's dose the person accepted, newest first: a step up after "
	    "good sessions and a next morning no worse, a step back after a "
	    "hard one.</p>\n<table>\n<tr><th>Exercise</th><th>When</th>"
	    "<th>Change</th><th>Dose</th></tr>\n");
	for (int i = 0; i < r->nexercises; i++)
		if (r->exercises[i].changes_total > 0 ||
		    r->exercises[i].start_reps) {
			h_exercise(b, &r->exercises[i]);
			shown++;
		}
	sb_printf(b, "</table>\n");
	if (shown == 0)
		sb_printf(b, "<p>No dose changed in this period.</p>\n");
}

static void
h_flags(struct sbuf *b, const struct report *r)
{
	char when[32];

	sb_printf(b, "<h2>Red-flag answers (%lld)</h2>\n",
	    (long long)r->flags_total);
	if (r->nflags == 0) {
		sb_printf(b, "<p>No red flag answered yes in this period.</p>\n");
		return;
	}
	sb_printf(b, "<ul>\n");
	for (int i = 0; i < r->nflags; i++) {
		const struct report_flag *f = &r->flags[i];
		report_date(f->w.start, when, sizeof when);
		sb_printf(b, "<li>");
		sb_html(b, when);
		if (f->flag) {
			struct sbuf w = { 0 };
			report_flag_text(f->flag, &w);
			sb_printf(b, " <b>yes</b>: ");
			sb_html(b, w.p ? w.p : "");
			free(w.p);
		}
		if (f->checked) {
			sb_printf(b, "%s checked by a doctor the same day: ",
			    f->flag ? ";" : "");
			sb_html(b, f->checked);
		}
		sb_printf(b, "</li>\n");
	}
	sb_printf(b, "</ul>\n");
}

/* A list of dated texts, newest first. */
static void
h_dated(struct sbuf *b, const char *start, const char *who, const char *text)
{
	char when[32];

	report_date(start, when, sizeof when);
	sb_printf(b, "<li>");
	sb_html(b, when);
	if (who) {
		sb_printf(b, " <span class=\"small\">");
		sb_html(b, who);
		sb_printf(b, "</span>");
	}
	sb_printf(b, ": ");
	sb_html(b, text);
	sb_printf(b, "</li>\n");
}

static void
h_notes(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "<h2>Notes (%lld), newest first</h2>\n",
	    (long long)r->notes_total);
	if (r->nnotes == 0)
		sb_printf(b, "<p>None.</p>\n");
	else
		sb_printf(b, "<ul>\n");
	for (int i = 0; i < r->nnotes; i++)
		h_dated(b, r->notes[i].w.start, r->notes[i].routine,
		    r->notes[i].text);
	if (r->nnotes > 0)
		sb_printf(b, "</ul>\n");
	if (r->notes_total > r->nnotes)
		sb_printf(b, "<p>And %lld older.</p>\n",
		    (long long)(r->notes_total - r->nnotes));
	if (r->nfeedback == 0)
		return;
	sb_printf(b, "<h2>Feedback on exercises (%lld), newest first</h2>\n"
	    "<ul>\n", (long long)r->feedback_total);
	for (int i = 0; i < r->nfeedback; i++)
		h_dated(b, r->feedback[i].w.start, r->feedback[i].exercise,
		    r->feedback[i].what ? r->feedback[i].what : "?");
	sb_printf(b, "</ul>\n");
}

char *
report_html(const struct report *r)
{
	struct sbuf b = { 0 };

	h_head(&b, r);
	h_routines(&b, r);
	h_calendar(&b, r);
	h_pain(&b, r);
	h_pains(&b, r);
	h_doses(&b, r);
	h_flags(&b, r);
	h_notes(&b, r);
	sb_printf(&b, "</body>\n</html>\n");
	return sb_take(&b);
}
