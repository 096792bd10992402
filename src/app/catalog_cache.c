/*
 * catalog_cache.c - the rows of routines already read (catalog_cache.h).
 *
 * The file, $XDG_CACHE_HOME/backcoach/catalog, is text: a first line
 * naming this program (its version, and the size and time of its binary,
 * so that another build reads the routines again) and the lead_in
 * setting, then a line per routine: its path, the size and a 64-bit hash
 * of its text, its time, and its name, summary and tags.  A line
 * that does not read, a routine whose text changed, a routine that
 * includes another file (@include: its text is not all in the hash) or
 * one that does not load is simply read the slow way.  Nothing here is
 * the user's: it is made again whenever it is wrong or missing.
 */
#include "catalog_cache.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "text.h"
#include "util.h"

#define CACHE_MAX (256 * 1024)  /* bytes read: far more than rows need */
#define CACHE_FIELDS 8

/* The first line: what made the rows, so that rows of another build or
 * another lead_in are never used. */
static char *
cache_head(const struct settings *set)
{
	struct stat st;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	exe[n > 0 ? n : 0] = '\0';
	if (n <= 0 || stat(exe, &st) != 0)
		memset(&st, 0, sizeof st);
	return xasprintf("backcoach-catalog 1\t%s\t%lld\t%lld.%09ld\t%.3f\n",
	    VERSION, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
	    st.st_mtim.tv_nsec, set->lead_in);
}

void
catalog_cache_open(struct catalog_cache *c, const struct settings *set)
{
	struct diags d = { 0 };
	size_t len;

	memset(c, 0, sizeof *c);
	c->head = cache_head(set);
	char *dir = paths_cache_dir();
	c->path = xasprintf("%s/catalog", dir);
	free(dir);
	c->text = file_read(c->path, CACHE_MAX, FILE_MISSING_OK | FILE_NOFOLLOW,
	    &len, &d);
	diags_free(&d);
	if (c->text != NULL && strncmp(c->text, c->head, strlen(c->head)) != 0) {
		free(c->text);                  /* another build's: unused */
		c->text = NULL;
	}
}

/* A 64-bit hash of n bytes of s, eight at a time (a byte at a time, it
 * cost the picker a tenth of its start-up): each word mixed in with a
 * multiply by the golden ratio and a shift. */
static uint64_t
hash(const char *s, size_t n)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = 0xcbf29ce484222325ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * k;
		h ^= h >> 32;
	}
	for (; n > 0; s++, n--)
		h = (h ^ (unsigned char)*s) * k;
	return h ^ (h >> 29);
}

/* Whether s may be a field: text as the loaders take it, without the
 * TAB and line breaks that separate fields and lines. */
static bool
plain(const char *s)
{
	return s != NULL && s[strcspn(s, "\t\n\r")] == '\0' &&
	    text_check(s, "", NULL);
}

/* The line of the cache for key (its first three fields): a copy,
 * split into f (free f[0]), or NULL. */
static char *
find_line(const struct catalog_cache *c, const char *key, char **f)
{
	size_t klen = strlen(key);
	char *p = c->text ? strchr(c->text, '\n') : NULL;

	for (; p != NULL; p = strchr(p, '\n')) {
		p++;
		if (strncmp(p, key, klen) != 0)
			continue;
		char *end = strchr(p, '\n');
		if (end == NULL)
			return NULL;
		char *line = xasprintf("%.*s\n", (int)(end - p), p);
		char *split = xstrdup(line);
		if (text_split_tabs(split, strlen(split) - 1, f, CACHE_FIELDS) ==
		    CACHE_FIELDS && plain(f[5]) && plain(f[6]) && plain(f[7]))
			return line;
		free(split);
		free(line);
		return NULL;
	}
	return NULL;
}

bool
catalog_cache_row(struct catalog_cache *c, struct routine_row *row)
{
	struct diags d = { 0 };
	size_t len;
	char *text = file_read(row->path, 1 << 20, 0, &len, &d);
	char *f[CACHE_FIELDS];

	diags_free(&d);
	free(c->key);
	c->key = NULL;
	if (text == NULL || memmem(text, len, "@include", 8) != NULL ||
	    !plain(row->path)) {
		free(text);
		return false;                   /* read the slow way, uncached */
	}
	c->key = xasprintf("%s\t%zu\t%016" PRIx64 "\t", row->path, len,
	    hash(text, len));
	free(text);
	char *line = find_line(c, c->key, f);
	if (line == NULL)
		return false;
	char *end;
	errno = 0;
	long long total = strtoll(f[3], &end, 10);
	bool ok = errno == 0 && *end == '\0' && total >= 0 &&
	    (f[4][0] == '0' || f[4][0] == '1') && f[4][1] == '\0';
	if (ok) {
		row->total_ns = total;
		row->name = xstrdup(f[5]);
		row->summary = f[4][0] == '1' ? xstrdup(f[6]) : NULL;
		row->tags = xstrdup(f[7]);
		sb_str(&c->rows, line);
	}
	free(f[0]);
	free(line);
	return ok;
}

void
catalog_cache_add(struct catalog_cache *c, const struct routine_row *row)
{
	if (c->key == NULL || row->error != NULL || !plain(row->name) ||
	    (row->summary != NULL && !plain(row->summary)) || !plain(row->tags))
		return;
	char *line = xasprintf("%s%" PRId64 "\t%d\t%s\t%s\t%s\n", c->key,
	    row->total_ns, row->summary != NULL, row->name,
	    row->summary ? row->summary : "", row->tags);
	sb_str(&c->rows, line);
	c->added = true;
	free(line);
}

void
catalog_cache_close(struct catalog_cache *c)
{
	if (c->added && !c->rows.oom) {
		/* the rows looked up now, found or added, and no others */
		char *text = xasprintf("%s%s", c->head, c->rows.p);
		struct diags d = { 0 };
		file_install(c->path, text, strlen(text), 0, &d);
		diags_free(&d);         /* a cache that cannot be written is no
		                           matter: the rows were read */
		free(text);
	}
	free(c->head);
	free(c->path);
	free(c->text);
	free(c->key);
	free(c->rows.p);
	memset(c, 0, sizeof *c);
}
