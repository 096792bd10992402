/*
 * report_json.c - the report as JSON (report.h, report_json), for other
 * tools: the figures the page and the text show, every string escaped
 * (sb_json: always valid JSON, whatever the history held).
 *
 * Part of the pure core.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>

#include "safety.h"
#include "sbuf.h"

/* ", "key": string or null */
static void
j_str(struct sbuf *b, const char *key, const char *s)
{
	sb_printf(b, ", \"%s\": ", key);
	if (s)
		sb_json(b, s);
	else
		sb_printf(b, "null");
}

static void
j_mean(struct sbuf *b, const char *key, int64_t sum, int64_t n)
{
	if (n > 0)
		sb_printf(b, ", \"%s\": %.1f", key, (double)sum / (double)n);
	else
		sb_printf(b, ", \"%s\": null", key);
}

static void
j_head(struct sbuf *b, const struct report *r)
{
	char a[16], z[16];

	report_day_text(r->first_day, a, sizeof a);
	report_day_text(r->last_day, z, sizeof z);
	sb_printf(b, "{\n  \"period\": {\"from\": \"%s\", \"to\": \"%s\", "
	    "\"weeks\": %d},\n", a, z, r->nweeks);
	sb_printf(b, "  \"sessions\": %lld, \"completed\": %lld, \"minutes\": "
	    "%lld, \"stopped\": %lld, \"packs\": %lld, \"empty\": %lld,\n",
	    (long long)r->sessions, (long long)r->completed,
	    (long long)((r->seconds + 30) / 60), (long long)r->rests,
	    (long long)r->packs, (long long)r->empty);
	if (r->show_risk_factors) {
		sb_printf(b, "  \"risk_factors\": [");
		int n = 0;
		for (int i = 0; i < SAFETY_RISK_COUNT; i++)
			if (r->risk_factors & (1u << i))
				sb_printf(b, "%s\"%s\"", n++ ? ", " : "",
				    safety_risk_factors[i].id);
		sb_printf(b, "], \"risk_factors_known\": %s,\n",
		    r->risk_factors_known ? "true" : "false");
	}
	sb_printf(b, "  \"routines\": [");
	for (int i = 0; i < r->nroutines; i++) {
		const struct report_routine *p = &r->routines[i];
		sb_printf(b, "%s\n    {\"id\": ", i ? "," : "");
		sb_json(b, p->id);
		j_str(b, "name", p->name);
		sb_printf(b, ", \"sessions\": %lld, \"completed\": %lld, "
		    "\"minutes\": %lld", (long long)p->sessions,
		    (long long)p->completed, (long long)((p->seconds + 30) / 60));
		j_str(b, "source", p->source);
		sb_printf(b, "}");
	}
	sb_printf(b, "],\n");
}

static void
j_weeks(struct sbuf *b, const struct report *r)
{
	char day[16];

	sb_printf(b, "  \"weeks\": [");
	for (int w = 0; w < r->nweeks; w++) {
		const struct report_week *k = &r->weeks[w];
		report_day_text(k->monday, day, sizeof day);
		sb_printf(b, "%s\n    {\"monday\": \"%s\", \"days\": [", w ? "," :
		    "", day);
		for (int i = 0; i < 7; i++)
			sb_printf(b, "%s\"%s\"", i ? ", " : "",
			    report_day_word(report_day_kind(r, 7 * w + i)));
		sb_printf(b, "], \"sessions\": %lld, \"completed\": %lld, "
		    "\"minutes\": %lld", (long long)k->sessions,
		    (long long)k->completed, (long long)((k->seconds + 30) / 60));
		if (k->pain_max >= 0)
			sb_printf(b, ", \"pain_highest\": %d", k->pain_max);
		else
			sb_printf(b, ", \"pain_highest\": null");
		j_mean(b, "pain_before", k->before_sum, k->pairs);
		j_mean(b, "pain_after", k->after_sum, k->pairs);
		sb_printf(b, ", \"next_morning\": {\"better\": %lld, \"same\": "
		    "%lld, \"worse\": %lld}}", (long long)k->next[NEXT_DAY_BETTER],
		    (long long)k->next[NEXT_DAY_SAME],
		    (long long)k->next[NEXT_DAY_WORSE]);
	}
	sb_printf(b, "],\n");
}

static void
j_days(struct sbuf *b, const struct report *r)
{
	char day[16];
	int n = 0;

	sb_printf(b, "  \"days\": [");
	for (int i = 0; i < 7 * r->nweeks; i++) {
		const struct report_day *d = &r->days[i];
		if (report_day_kind(r, i) == RD_OUTSIDE || (d->pairs == 0 &&
		    d->sessions == 0))
			continue;
		report_day_text(r->first_monday + i, day, sizeof day);
		sb_printf(b, "%s\n    {\"date\": \"%s\", \"sessions\": %lld",
		    n++ ? "," : "", day, (long long)d->sessions);
		j_mean(b, "pain_before", d->before_sum, d->pairs);
		j_mean(b, "pain_after", d->after_sum, d->pairs);
		sb_printf(b, ", \"next_morning\": {\"better\": %lld, \"same\": "
		    "%lld, \"worse\": %lld}}", (long long)d->next[NEXT_DAY_BETTER],
		    (long long)d->next[NEXT_DAY_SAME],
		    (long long)d->next[NEXT_DAY_WORSE]);
	}
	sb_printf(b, "],\n  \"pain_trend\": {");
	if (r->first_pain >= 0) {
		double lo, hi;
		report_band(r->first_pain, &lo, &hi);
		enum safety_change c = safety_pain_change(r->first_pain,
		    r->last_pain);
		sb_printf(b, "\"first\": %d, \"last\": %d, \"band\": [%.1f, %.1f], "
		    "\"change\": \"%s\"", r->first_pain, r->last_pain, lo, hi,
		    c == SAFETY_CHANGE_BETTER ? "better" :
		    c == SAFETY_CHANGE_WORSE ? "worse" : "none");
	}
	sb_printf(b, "},\n");
}

static void
j_pains(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "  \"pain_reports_total\": %lld, \"pain_reports\": [",
	    (long long)r->pains_total);
	for (int i = 0; i < r->npains; i++) {
		const struct report_pain *p = &r->pains[i];
		sb_printf(b, "%s\n    {\"start\": ", i ? "," : "");
		sb_json(b, p->w.start);
		j_str(b, "routine", p->routine);
		j_str(b, "exercise", p->exercise);
		sb_printf(b, ", \"at_s\": %lld, \"score\": %d, \"spreads\": %s, "
		    "\"step\": \"%s\"}", (long long)p->at_s, p->score,
		    p->spreads ? "true" : "false",
		    history_pain_step_name(p->step));
	}
	sb_printf(b, "],\n");
}

static void
j_doses(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "  \"doses\": [");
	for (int i = 0; i < r->nexercises; i++) {
		const struct report_exercise *e = &r->exercises[i];
		sb_printf(b, "%s\n    {\"routine\": ", i ? "," : "");
		sb_json(b, e->routine_id);
		j_str(b, "exercise", e->name);
		sb_printf(b, ", \"n\": %d", e->ex);
		j_str(b, "start_reps", e->start_reps);
		sb_printf(b, ", \"start_hold\": %g, \"changes_total\": %lld, "
		    "\"changes\": [", e->start_hold, (long long)e->changes_total);
		for (int k = 0; k < e->nchanges; k++) {
			const struct report_change *c = &e->changes[k];
			sb_printf(b, "%s{\"at\": ", k ? ", " : "");
			sb_json(b, c->w.start);
			j_str(b, "from_reps", c->from_reps);
			j_str(b, "to_reps", c->to_reps);
			sb_printf(b, ", \"from_hold\": %g, \"to_hold\": %g, "
			    "\"why\": \"%s\"}", c->from_hold, c->to_hold,
			    c->up ? "up" : "down");
		}
		sb_printf(b, "]}");
	}
	sb_printf(b, "],\n");
}

static void
j_lists(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "  \"red_flags_total\": %lld, \"red_flags\": [",
	    (long long)r->flags_total);
	for (int i = 0; i < r->nflags; i++) {
		sb_printf(b, "%s\n    {\"start\": ", i ? "," : "");
		sb_json(b, r->flags[i].w.start);
		j_str(b, "yes", r->flags[i].flag);
		j_str(b, "checked", r->flags[i].checked);
		sb_printf(b, "}");
	}
	sb_printf(b, "],\n  \"notes_total\": %lld, \"notes\": [",
	    (long long)r->notes_total);
	for (int i = 0; i < r->nnotes; i++) {
		sb_printf(b, "%s\n    {\"start\": ", i ? "," : "");
		sb_json(b, r->notes[i].w.start);
		j_str(b, "routine", r->notes[i].routine);
		j_str(b, "note", r->notes[i].text);
		sb_printf(b, "}");
	}
	sb_printf(b, "],\n  \"feedback_total\": %lld, \"feedback\": [",
	    (long long)r->feedback_total);
	for (int i = 0; i < r->nfeedback; i++) {
		sb_printf(b, "%s\n    {\"start\": ", i ? "," : "");
		sb_json(b, r->feedback[i].w.start);
		j_str(b, "exercise", r->feedback[i].exercise);
		j_str(b, "feedback", r->feedback[i].what);
		sb_printf(b, "}");
	}
	sb_printf(b, "]\n}\n");
}

char *
report_json(const struct report *r)
{
	struct sbuf b = { 0 };

	j_head(&b, r);
	j_weeks(&b, r);
	j_days(&b, r);
	j_pains(&b, r);
	j_doses(&b, r);
	j_lists(&b, r);
	return sb_take(&b);
}
