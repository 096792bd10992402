/*
 * calendar.c - civil dates as day numbers, ISO 8601 weeks and times.
 *
 * Part of the pure core.  Day numbers come from Howard Hinnant's
 * days_from_civil / civil_from_days (proleptic Gregorian), so month ends
 * and leap years need no special case; the history counts days by the
 * local date written in each record, so DST changes and time zones never
 * enter into it and no time zone database is needed.
 */
#include "calendar.h"

int
calendar_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;                                 /* [0, 399] */
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

void
calendar_civil_from_days(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
month_days(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

/* "YYYY-MM-DD" at s into *y, *m, *d; false when it is not a date.  No
 * day number is worked out: a history reader checks a time on every
 * line. */
static bool
ymd(const char *s, int *y, int *m, int *d)
{
	if ((*y = digits(s, 4)) < 1 || s[4] != '-' ||
	    (*m = digits(s + 5, 2)) < 1 || *m > 12 || s[7] != '-' ||
	    (*d = digits(s + 8, 2)) < 1)
		return false;
	return *d <= 28 || *d <= month_days(*y, *m);
}

int
calendar_parse_date(const char *s, int *day)
{
	int y, m, d;

	if (!ymd(s, &y, &m, &d))
		return -1;
	*day = calendar_days_from_civil(y, m, d);
	return 0;
}

bool
calendar_valid_time(const char *s)
{
	int day;

	return calendar_time_day(s, &day);
}

bool
calendar_time_day(const char *s, int *day)
{
	int y, mo, d;

	if (!ymd(s, &y, &mo, &d) || s[10] != 'T')
		return false;
	*day = calendar_days_from_civil(y, mo, d);
	int h = digits(s + 11, 2), mi = digits(s + 14, 2), sec = digits(s + 17, 2);
	if (h < 0 || h > 23 || s[13] != ':' || mi < 0 || mi > 59 ||
	    s[16] != ':' || sec < 0 || sec > 60)
		return false;
	if (s[19] == 'Z')
		return s[20] == '\0';
	if (s[19] != '+' && s[19] != '-')
		return false;
	int oh = digits(s + 20, 2), om = digits(s + 23, 2);
	return oh >= 0 && oh <= 14 && s[22] == ':' && om >= 0 && om <= 59 &&
	    s[25] == '\0';
}

bool
calendar_instant(const char *s, int64_t *t)
{
	int y, m, d;

	if (!calendar_valid_time(s) || !ymd(s, &y, &m, &d))
		return false;
	int64_t secs = (int64_t)calendar_days_from_civil(y, m, d) * 86400 +
	    digits(s + 11, 2) * 3600 + digits(s + 14, 2) * 60 +
	    digits(s + 17, 2);
	if (s[19] != 'Z') {
		int off = digits(s + 20, 2) * 3600 + digits(s + 23, 2) * 60;
		secs -= s[19] == '+' ? off : -off;
	}
	*t = secs;
	return true;
}

int
calendar_week_monday(int day)
{
	int wd = ((day + 3) % 7 + 7) % 7;       /* 1970-01-01 was a Thursday */
	return day - wd;
}

void
calendar_iso_week(int day, int *year, int *week)
{
	int thu = calendar_week_monday(day) + 3; /* the week's Thursday */
	int m, d;

	calendar_civil_from_days(thu, year, &m, &d);
	*week = (thu - calendar_days_from_civil(*year, 1, 1)) / 7 + 1;
}
