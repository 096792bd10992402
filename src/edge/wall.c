/*
 * wall.c - the wall clock and the local time zone.
 */
#include "wall.h"

#include <stdio.h>
#include <string.h>

#include "calendar.h"

time_t
wall_now(void)
{
	return time(NULL);
}

int
wall_day(time_t t)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return (int)(t / 86400);
	return calendar_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

void
wall_iso(time_t t, char buf[HISTORY_START_LEN + 1])
{
	struct tm tm;
	char z[8];
	size_t len = HISTORY_START_LEN + 1;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, len,
	    "%Y-%m-%dT%H:%M:%S", &tm) == 0 || strftime(z, sizeof z, "%z", &tm) != 5) {
		snprintf(buf, len, "1970-01-01T00:00:00Z");
		return;
	}
	size_t n = strlen(buf);
	snprintf(buf + n, len - n, "%.3s:%.2s", z, z + 3);
}
