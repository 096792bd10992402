/*
 * report_html.h - the report's charts (report_svg.c), for report_html.c.
 *
 * Part of the pure core.
 */
#ifndef BACKCOACH_REPORT_HTML_H
#define BACKCOACH_REPORT_HTML_H

#include "report.h"
#include "sbuf.h"

/* Pain before and after, by day, with the meaningful-change band and the
 * next mornings. */
void report_svg_pain(struct sbuf *b, const struct report *r);
/* Minutes of exercise, by week. */
void report_svg_minutes(struct sbuf *b, const struct report *r);

#endif
