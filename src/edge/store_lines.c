/*
 * store_lines.c - the history file's lines, one by one, through the
 * joiner or the order pass (store_reader.h): the reading both
 * store_read.c and store_ahead.c's thread do.  Malformed lines are
 * reported by number; reading never writes.
 */
#include "store_reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "history.h"
#include "util.h"

/* Reports a line that could not be read. */
static void
report_bad(struct reader *r, long line, const char *why)
{
	if (r->nbad++ < STORE_MAX_REPORTS)
		diags_add(r->d, DIAG_WARNING, r->path, (int)line,
		    "skipped malformed record (%s)", why);
}

/* What the joiner hands on: records for the caller, problems for d. */
void
reader_joined(const struct hist_record *rec, long line, void *arg)
{
	struct reader *r = arg;

	if (rec->type == HREC_BAD)
		report_bad(r, line, rec->why);
	else if ((rec->type == HREC_AMEND || rec->type == HREC_NEXT_DAY) &&
	    r->norphans++ < STORE_MAX_REPORTS)
		diags_add(r->d, DIAG_WARNING, r->path, (int)line, "skipped %s "
		    "without its session", rec->type == HREC_AMEND ?
		    "an amendment" : "a next-morning answer");
	else if (rec->type != HREC_AMEND && rec->type != HREC_NEXT_DAY &&
	    rec->type != HREC_BLANK)
		r->fn(rec, line, r->arg);
}

/* A version line: the records after it are of that version. */
static void
version_line(struct reader *r, char *s, size_t len)
{
	struct hist_record rec;

	if (history_parse(s, len, &rec) == HREC_BAD) {
		report_bad(r, r->line, rec.why);
		return;
	}
	if (rec.type != HREC_HEADER)
		return;                         /* a comment */
	r->skip_version = rec.version > HISTORY_VERSION ? rec.version : 0;
	/* an amendment after a newer writer's header still joins a session
	 * read before it: the window is emptied only when reading stops */
	if (r->skip_version)
		hist_join_flush(&r->join);
	if (r->skip_version)
		diags_add(r->d, DIAG_WARNING, r->path, (int)r->line, "history "
		    "version %d is newer than this backcoach reads (%d); its "
		    "records are skipped", rec.version, HISTORY_VERSION);
}

/* An S line's start, against the latest before it; nothing else is
 * parsed (a line that does not read is the real pass's to report).  Two
 * starts with the same offset are in the order of their bytes: only a
 * change of offset, or bytes that go back, are worked out as instants
 * (a start the real pass will refuse can only make the file look out of
 * order: then it is sorted, which is always right). */
static void
order_line(struct reader *r, const char *s, size_t len)
{
	char start[HISTORY_START_LEN + 1];
	int64_t t;

	if (len < 2 + HISTORY_START_LEN || s[0] != 'S' || s[1] != '\t')
		return;
	memcpy(start, s + 2, HISTORY_START_LEN);
	start[HISTORY_START_LEN] = '\0';
	if (r->prev[0] != '\0' && memcmp(start + 19, r->prev + 19, 6) == 0 &&
	    memcmp(start, r->prev, HISTORY_START_LEN) >= 0) {
		memcpy(r->prev, start, sizeof start);
		r->prev_stale = true;   /* r->last is not its instant */
		return;
	}
	if (!calendar_instant(start, &t))
		return;
	if (r->prev_stale && !calendar_instant(r->prev, &r->last))
		r->sorted = false;      /* bytes that went on but do not read */
	if (!r->have_first)
		r->first = t;
	r->have_first = true;
	r->prev_stale = false;
	memcpy(r->prev, start, sizeof start);
	r->sorted &= t >= r->last;
	if (t > r->last)
		r->last = t;
}

static void
one_line(struct reader *r, char *s, size_t len)
{
	r->line++;
	if (r->skip_line) {
		r->skip_line = false;
		return;
	}
	if (r->line == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;                 /* a byte-order mark an editor added */
		len -= 3;
	}
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (len == 0)
		return;
	if (r->order_only)
		order_line(r, s, len);
	else if (s[0] == '#')
		version_line(r, s, len);
	else if (!r->skip_version)
		hist_join_line(&r->join, s, len, r->line);
}

/* Parses every whole line in buf[0..len); returns the bytes consumed. */
static size_t
lines(struct reader *r, char *buf, size_t len)
{
	char *p = buf, *end = buf + len, *nl;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		one_line(r, p, (size_t)(nl - p));
		p = nl + 1;
	}
	return (size_t)(p - buf);
}

/* In a line longer than READ_BLOCK (buf[0..have) is more of it, without
 * its end, or with it; have 0 at the end of the file): drops it up to its
 * end, and reports it once that is found.  Returns what is left in buf. */
static size_t
skip_long(struct reader *r, char *buf, size_t have)
{
	char *nl = memchr(buf, '\n', have);

	r->too_long = true;
	if (nl == NULL && have > 0)
		return 0;
	r->too_long = false;
	r->line++;
	if (r->order_only)
		;
	else if (r->nbad++ < STORE_MAX_REPORTS)
		diags_add(r->d, DIAG_WARNING, r->path, (int)r->line, "skipped a "
		    "line longer than %d MiB: no record is that long",
		    READ_BLOCK >> 20);
	if (nl == NULL)
		return 0;
	size_t rest = have - (size_t)(nl + 1 - buf);
	memmove(buf, nl + 1, rest);
	return rest;
}

int
reader_read_all(struct reader *r, int fd, off_t left)
{
	size_t cap = READ_BLOCK, have = 0;
	char *buf = xmalloc(cap + 1);
	ssize_t n;

	for (;;) {
		if (have == cap)                /* one line longer than the buffer */
			have = skip_long(r, buf, have);
		size_t want = cap - have < READ_CHUNK ? cap - have : READ_CHUNK;
		if (left >= 0 && (off_t)want > left)
			want = (size_t)left;
		n = want > 0 ? read(fd, buf + have, want) : 0;
		if (n > 0 && left >= 0)
			left -= n;
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		have += (size_t)n;
		if (r->too_long)
			have = skip_long(r, buf, have);
		size_t used = lines(r, buf, have);
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	int saved = errno;
	if (n == 0 && r->too_long)              /* a last line, too long */
		skip_long(r, buf, 0);
	else if (n == 0 && have > 0)            /* a last line without '\n' */
		one_line(r, buf, have);
	free(buf);
	if (n < 0)
		diags_add(r->d, DIAG_ERROR, r->path, 0, "%s", strerror(saved));
	return n < 0 ? -1 : 0;
}
