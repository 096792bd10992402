/*
 * reminder.h - a daily reminder's time and days, and the systemd user
 * units and crontab line that carry it.
 *
 * Part of the pure core: text in, text out.  cmd_remind.c writes the
 * files and runs systemctl.  The units follow systemd.timer(5) and
 * systemd.service(5): OnCalendar= "Mon..Fri *-*-* 08:00:00", and
 * Persistent=true, so a reminder missed while the machine was off fires
 * when it is next on (`backcoach notify` itself never tells twice a day).
 */
#ifndef BACKCOACH_REMINDER_H
#define BACKCOACH_REMINDER_H

#include <stdbool.h>
#include <stddef.h>

#define REMINDER_UNIT "backcoach-reminder"
/* The first line of every unit written: what `remind` may replace. */
#define REMINDER_MARK "# Written by 'backcoach remind'"

struct reminder {
	int hour, minute;       /* local time */
	unsigned days;          /* bit 0 Monday .. bit 6 Sunday */
};

#define REMINDER_EVERY_DAY 0x7fu

/* "08:00" (HH:MM, 24 hours) into r; false when it is no such time. */
bool reminder_parse_time(const char *s, struct reminder *r);
/* "mon-fri", "mon,wed,fri", "sat,sun", "daily" (any case; ranges and
 * lists mixed: "mon-wed,sat") into r->days; false when s is none. */
bool reminder_parse_days(const char *s, struct reminder *r);
/* The days as the timer writes them: "Mon..Fri", "Mon,Wed,Fri", "" for
 * every day.  As snprintf. */
size_t reminder_days_text(unsigned days, char *buf, size_t cap);
/* The timer unit's text. */
size_t reminder_timer_text(const struct reminder *r, char *buf, size_t cap);
/* The service unit's text: it runs `exe notify` (exe an absolute path,
 * quoted for systemd as needed). */
size_t reminder_service_text(const char *exe, char *buf, size_t cap);
/* The crontab(5) line that does the same: "0 8 * * 1-5 EXE notify". */
size_t reminder_cron_text(const struct reminder *r, const char *exe,
    char *buf, size_t cap);
/* Reads the time and days back from a timer's text (its OnCalendar=);
 * false when it has none that reminder_timer_text() writes. */
bool reminder_from_timer(const char *text, struct reminder *r);

#endif
