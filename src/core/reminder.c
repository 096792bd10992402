/*
 * reminder.c - a reminder's time and days, as units and a crontab line
 * (reminder.h).
 */
#include "reminder.h"

#include <stdio.h>
#include <string.h>

#include "programme.h"

static const char *const day_caps[PROG_DAYS] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

bool
reminder_parse_time(const char *s, struct reminder *r)
{
	if (strlen(s) != 5 || s[2] != ':' ||
	    strspn(s, "0123456789") != 2 || strspn(s + 3, "0123456789") != 2)
		return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return false;
	r->hour = h;
	r->minute = m;
	return true;
}

/* One weekday of three letters at s; -1 when none. */
static int
day_at(const char *s, size_t len)
{
	char w[4];

	if (len != 3)
		return -1;
	memcpy(w, s, 3);
	w[3] = '\0';
	return programme_day_find(w);
}

bool
reminder_parse_days(const char *s, struct reminder *r)
{
	unsigned days = 0;

	if (strcmp(s, "daily") == 0) {
		r->days = REMINDER_EVERY_DAY;
		return true;
	}
	for (;;) {
		size_t len = strcspn(s, ",");
		const char *dash = memchr(s, '-', len);
		int a = day_at(s, dash ? (size_t)(dash - s) : len);
		int b = dash ? day_at(dash + 1, len - (size_t)(dash - s) - 1) : a;
		if (a < 0 || b < 0 || b < a)
			return false;
		for (int d = a; d <= b; d++)
			days |= 1u << d;
		if (s[len] == '\0')
			break;
		s += len + 1;
	}
	r->days = days;
	return true;
}

size_t
reminder_days_text(unsigned days, char *buf, size_t cap)
{
	size_t len = 0;

	if (cap > 0)
		buf[0] = '\0';
	if ((days & REMINDER_EVERY_DAY) == REMINDER_EVERY_DAY)
		return 0;
	for (int d = 0; d < PROG_DAYS; d++) {
		if (!(days & (1u << d)))
			continue;
		int e = d;
		while (e + 1 < PROG_DAYS && (days & (1u << (e + 1))))
			e++;
		int n = snprintf(len < cap ? buf + len : NULL, len < cap ? cap - len : 0,
		    "%s%s%s%s", len ? "," : "", day_caps[d], e > d ? ".." : "",
		    e > d ? day_caps[e] : "");
		len += n > 0 ? (size_t)n : 0;
		d = e;
	}
	return len;
}

size_t
reminder_timer_text(const struct reminder *r, char *buf, size_t cap)
{
	char days[64];

	reminder_days_text(r->days, days, sizeof days);
	int n = snprintf(buf, cap,
	    REMINDER_MARK "; 'backcoach remind --off' removes it.\n"
	    "[Unit]\n"
	    "Description=backcoach: a reminder of today's exercise\n"
	    "\n"
	    "[Timer]\n"
	    "OnCalendar=%s%s*-*-* %02d:%02d:00\n"
	    "Persistent=true\n"
	    "Unit=" REMINDER_UNIT ".service\n"
	    "\n"
	    "[Install]\n"
	    "WantedBy=timers.target\n", days, days[0] ? " " : "", r->hour,
	    r->minute);
	return n > 0 ? (size_t)n : 0;
}

/* exe quoted for ExecStart=: in double quotes, with \ and " escaped, %
 * doubled (a specifier otherwise) and $ doubled (a variable). */
static size_t
quote_exe(const char *exe, char *buf, size_t cap)
{
	size_t len = 0;

	for (const char *p = exe; *p; p++) {
		const char *s = *p == '\\' ? "\\\\" : *p == '"' ? "\\\"" :
		    *p == '%' ? "%%" : *p == '$' ? "$$" : NULL;
		char one[2] = { *p, '\0' };
		size_t n = strlen(s ? s : one);
		if (len + n < cap)
			memcpy(buf + len, s ? s : one, n);
		len += n;
	}
	if (cap > 0)
		buf[len < cap ? len : cap - 1] = '\0';
	return len;
}

size_t
reminder_service_text(const char *exe, char *buf, size_t cap)
{
	char q[4096];

	if (quote_exe(exe, q, sizeof q) >= sizeof q)
		q[0] = '\0';
	int n = snprintf(buf, cap,
	    REMINDER_MARK "; 'backcoach remind --off' removes it.\n"
	    "[Unit]\n"
	    "Description=backcoach: a reminder of today's exercise\n"
	    "\n"
	    "[Service]\n"
	    "Type=oneshot\n"
	    "ExecStart=\"%s\" notify\n", q);
	return n > 0 ? (size_t)n : 0;
}

size_t
reminder_cron_text(const struct reminder *r, const char *exe, char *buf,
    size_t cap)
{
	char dow[32] = "*";
	size_t len = 0;

	if ((r->days & REMINDER_EVERY_DAY) != REMINDER_EVERY_DAY) {
		for (int d = 0; d < PROG_DAYS; d++)     /* cron: Sunday 0 */
			if (r->days & (1u << d))
				len += (size_t)snprintf(dow + len, sizeof dow - len, "%s%d",
				    len ? "," : "", (d + 1) % 7);
	}
	int n = snprintf(buf, cap, "%d %d * * %s '%s' notify", r->minute, r->hour,
	    dow, exe);
	return n > 0 ? (size_t)n : 0;
}

bool
reminder_from_timer(const char *text, struct reminder *r)
{
	const char *p = strstr(text, "\nOnCalendar=");
	char days[64] = "", *dd;
	int h, m;

	if (p == NULL)
		return false;
	p += strlen("\nOnCalendar=");
	const char *star = strstr(p, "*-*-* ");
	const char *nl = strchr(p, '\n');
	if (star == NULL || (nl && star > nl) || (size_t)(star - p) >= sizeof days ||
	    sscanf(star + 6, "%2d:%2d:00", &h, &m) != 2)
		return false;
	memcpy(days, p, (size_t)(star - p));
	days[star - p] = '\0';
	if ((dd = strchr(days, ' ')) != NULL)
		*dd = '\0';
	for (char *q; (q = strstr(days, "..")) != NULL; )
		memmove(q, q + 1, strlen(q));   /* "Mon..Fri" -> "Mon.Fri" */
	for (char *q = days; *q; q++)
		if (*q == '.')
			*q = '-';
	r->hour = h;
	r->minute = m;
	return days[0] == '\0' ? (r->days = REMINDER_EVERY_DAY, true) :
	    reminder_parse_days(days, r);
}
