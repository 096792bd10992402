/*
 * calendar.h - civil dates as day numbers, ISO 8601 weeks and times.
 *
 * Part of the pure core: arithmetic on the text of dates, no clock and
 * no time zone.
 */
#ifndef BACKCOACH_CALENDAR_H
#define BACKCOACH_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int calendar_days_from_civil(int y, int m, int d);
void calendar_civil_from_days(int days, int *y, int *m, int *d);
/* Parses "YYYY-MM-DD" at the start of s (a date or an ISO 8601 time);
 * returns 0 and sets *day, or -1 when it is no valid date. */
int calendar_parse_date(const char *s, int *day);
/* True when s is a full local time "YYYY-MM-DDTHH:MM:SS+HH:MM" (or Z). */
bool calendar_valid_time(const char *s);
/* The same, and *day set to its date's day (one pass: the history reader
 * asks both of every session). */
bool calendar_time_day(const char *s, int *day);
/* The instant such a time names, in seconds since 1970-01-01T00:00Z; false
 * when s is no such time.  Orders times written at different offsets. */
bool calendar_instant(const char *s, int64_t *t);
/* The ISO 8601 week of a day: *year (ISO week-year) and *week (1-53). */
void calendar_iso_week(int day, int *year, int *week);
/* Monday of the week holding day. */
int calendar_week_monday(int day);

#endif
