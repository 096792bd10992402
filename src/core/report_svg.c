/*
 * report_svg.c - the report's charts as inline SVG (report_html.h): pain
 * before and after each day's sessions with the meaningful-change band,
 * and the minutes of each week.  Readable without colour: the two pain
 * series differ in marker (circle, square) and line (solid, dashed), the
 * band is hatched, and every bar carries its number.
 *
 * Part of the pure core.
 */
#include "report_html.h"

#include <stdio.h>

#include "safety.h"

#define W 680                   /* the drawing's width, in user units */
#define H 190
#define X0 34                   /* the plot's left edge */
#define Y0 16                   /* its top */
#define PW (W - X0 - 10)        /* its width */
#define PH 130                  /* its height: 0-10 */

static double
px(const struct report *r, int i)
{
	int n = 7 * r->nweeks;

	return X0 + PW * (i + 0.5) / n;
}

static double
py(double score)
{
	return Y0 + PH * (10 - score) / 10;
}

/* The grid, the axis words and the hatched band. */
static void
pain_frame(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	    "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#777\" "
	    "stroke-width=\"1.5\"/></pattern></defs>\n");
	for (int s = 0; s <= 10; s += 2)
		sb_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
		    "stroke=\"#ccc\"/><text x=\"%d\" y=\"%.1f\" "
		    "text-anchor=\"end\">%d</text>\n", X0, py(s), X0 + PW, py(s),
		    X0 - 4, py(s) + 4, s);
	if (r->first_pain >= 0) {
		double lo, hi;
		report_band(r->first_pain, &lo, &hi);
		sb_printf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" "
		    "height=\"%.1f\" fill=\"url(#hatch)\" fill-opacity=\"0.5\"/>\n",
		    X0, py(hi), PW, py(lo) - py(hi));
	}
	for (int w = 0; w < r->nweeks; w++) {
		char day[16];
		report_day_text(r->weeks[w].monday, day, sizeof day);
		sb_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
		    "stroke=\"#999\"/>", X0 + (double)PW * w / r->nweeks, Y0,
		    X0 + (double)PW * w / r->nweeks, Y0 + PH + 4);
		if (r->nweeks <= 12 || w % (r->nweeks / 12 + 1) == 0)
			sb_printf(b, "<text x=\"%.1f\" y=\"%d\">%.5s</text>\n",
			    X0 + (double)PW * w / r->nweeks + 2, Y0 + PH + 14,
			    day + 5);
	}
}

/* One series: a polyline through the days that have a mean, and a
 * marker (circle or square) on each. */
static void
pain_series(struct sbuf *b, const struct report *r, bool after)
{
	int n = 0;

	sb_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\""
	    "%s points=\"", after ? "#1565c0" : "#b71c1c",
	    after ? " stroke-dasharray=\"5 3\"" : "");
	for (int i = 0; i < 7 * r->nweeks; i++) {
		const struct report_day *d = &r->days[i];
		if (d->pairs > 0)
			sb_printf(b, "%s%.1f,%.1f", n++ ? " " : "", px(r, i),
			    py((double)(after ? d->after_sum : d->before_sum) /
			    (double)d->pairs));
	}
	sb_printf(b, "\"/>\n");
	for (int i = 0; i < 7 * r->nweeks; i++) {
		const struct report_day *d = &r->days[i];
		if (d->pairs == 0)
			continue;
		double y = py((double)(after ? d->after_sum : d->before_sum) /
		    (double)d->pairs);
		if (after)
			sb_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" "
			    "height=\"5\" fill=\"#1565c0\"/>", px(r, i) - 2.5,
			    y - 2.5);
		else
			sb_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
			    "fill=\"none\" stroke=\"#b71c1c\" stroke-width=\"1.5\"/>",
			    px(r, i), y);
	}
	sb_put(b, "\n", 1);
}

/* The next morning, above each day that was asked: + better, = same,
 * - worse (the most given that day; worse wins a tie). */
static void
pain_mornings(struct sbuf *b, const struct report *r)
{
	for (int i = 0; i < 7 * r->nweeks; i++) {
		const int64_t *v = r->days[i].next;
		const char *m = NULL;
		if (v[NEXT_DAY_WORSE] > 0 && v[NEXT_DAY_WORSE] >=
		    v[NEXT_DAY_BETTER] && v[NEXT_DAY_WORSE] >= v[NEXT_DAY_SAME])
			m = "\xe2\x88\x92";     /* minus */
		else if (v[NEXT_DAY_BETTER] > 0 && v[NEXT_DAY_BETTER] >=
		    v[NEXT_DAY_SAME])
			m = "+";
		else if (v[NEXT_DAY_SAME] > 0)
			m = "=";
		if (m)
			sb_printf(b, "<text x=\"%.1f\" y=\"%d\" "
			    "text-anchor=\"middle\">%s</text>", px(r, i), Y0 - 4, m);
	}
	sb_put(b, "\n", 1);
}

void
report_svg_pain(struct sbuf *b, const struct report *r)
{
	sb_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-label=\"Pain before and after sessions, by day\" "
	    "font-size=\"10\" font-family=\"sans-serif\">\n", W, H);
	pain_frame(b, r);
	pain_series(b, r, false);
	pain_series(b, r, true);
	pain_mornings(b, r);
	int y = Y0 + PH + 32;
	sb_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"none\" "
	    "stroke=\"#b71c1c\" stroke-width=\"1.5\"/><text x=\"%d\" y=\"%d\">"
	    "before (solid)</text>", X0 + 4, y - 3, X0 + 12, y);
	sb_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"5\" height=\"5\" "
	    "fill=\"#1565c0\"/><text x=\"%d\" y=\"%d\">after (dashed)</text>",
	    X0 + 100, y - 6, X0 + 110, y);
	sb_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"8\" "
	    "fill=\"url(#hatch)\"/><text x=\"%d\" y=\"%d\">no meaningful "
	    "change from the first score</text>", X0 + 200, y - 8, X0 + 218, y);
	sb_printf(b, "<text x=\"%d\" y=\"%d\">next morning: + better, = same, "
	    "\xe2\x88\x92 worse</text>\n</svg>\n", X0 + 430, y);
}

void
report_svg_minutes(struct sbuf *b, const struct report *r)
{
	int h = 90, top = 14, bw;
	int64_t most = 1;

	for (int w = 0; w < r->nweeks; w++)
		if (r->weeks[w].seconds / 60 > most)
			most = r->weeks[w].seconds / 60;
	bw = PW / r->nweeks;
	sb_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-label=\"Minutes of exercise each week\" font-size=\"10\" "
	    "font-family=\"sans-serif\">\n", W, h + top + 16);
	for (int w = 0; w < r->nweeks; w++) {
		int64_t min = (r->weeks[w].seconds + 30) / 60;
		double bh = (double)h * (double)min / (double)most;
		double x = X0 + (double)bw * w;
		char day[16];
		report_day_text(r->weeks[w].monday, day, sizeof day);
		sb_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" fill=\"#9e9e9e\" stroke=\"#000\"/>", x + 1,
		    top + h - bh, bw > 3 ? bw - 2.0 : 1.0, bh);
		if (r->nweeks <= 26)
			sb_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor="
			    "\"middle\">%lld</text>", x + bw / 2.0, top + h - bh - 2,
			    (long long)min);
		if (w % (r->nweeks / 12 + 1) == 0)     /* a dozen dates at most */
			sb_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor="
			    "\"middle\">%.5s</text>", x + bw / 2.0, top + h + 12,
			    day + 5);
		sb_put(b, "\n", 1);
	}
	sb_printf(b, "</svg>\n");
}
