/*
 * figure_load.c - figure files found and read (figure_load.h).
 *
 * A figure is looked up by its id as routines are: the user's directory
 * before the bundled one, so that a figure of yours with the name of a
 * bundled one is drawn instead of it; between them the figures beside
 * the routine's own file, so that a routine kept anywhere can bring its
 * own.  Files are read as routines are (file_read: regular files only,
 * never waited on, capped), and parsed by figure.c.
 */
#include "figure_load.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file.h"
#include "paths.h"
#include "text.h"
#include "util.h"
#include "words.h"

struct figure *
figure_load(const char *path, struct diags *d)
{
	size_t len;
	char *text = file_read(path, FIGURE_MAX_BYTES, 0, &len, d);

	if (text == NULL)
		return NULL;
	struct figure *f = xmalloc(sizeof *f);
	figure_parse(f, text, len, path, d);
	free(text);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	f->id = strndup(base, n > 4 && strcmp(base + n - 4, ".fig") == 0 ?
	    n - 4 : n);
	if (f->id == NULL)
		oom();
	return f;
}

/* The directories figures are looked up in, in order (malloc'd, NULL
 * where there is none); returns how many. */
static int
figure_dirs(const char *dir, char *v[3])
{
	int n = 0;

	v[n++] = paths_user_figures();
	if (dir != NULL)
		v[n++] = xasprintf("%s/figures", dir);
	v[n++] = paths_bundled_figures();
	return n;
}

static void
dirs_free(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
}

char *
figure_find(const char *id, const char *dir)
{
	char *v[3], *found = NULL;
	int n = figure_dirs(dir, v);
	struct stat st;

	if (!figure_id_ok(id, NULL))
		n = 0;
	for (int i = 0; i < n && found == NULL; i++) {
		char *p = xasprintf("%s/%s.fig", v[i], id);
		if (stat(p, &st) == 0 && !S_ISDIR(st.st_mode))
			found = p;
		else
			free(p);
	}
	dirs_free(v, 3 - (dir == NULL));
	return found;
}

/* The figure id nearest to id in the figure directories (did you mean),
 * or NULL; malloc'd. */
static char *
figure_suggest(const char *id, const char *dir)
{
	char *v[3], *best = NULL;
	int n = figure_dirs(dir, v);
	struct suggest s = SUGGEST_INIT;

	for (int i = 0; i < n; i++) {
		DIR *dp = opendir(v[i]);
		struct dirent *de;
		while (dp != NULL && (de = readdir(dp)) != NULL) {
			size_t len = strlen(de->d_name);
			if (len <= 4 || strcmp(de->d_name + len - 4, ".fig") != 0)
				continue;
			de->d_name[len - 4] = '\0';
			if (!figure_id_ok(de->d_name, NULL))
				continue;
			suggest_try(&s, id, de->d_name);
			if (s.best == de->d_name) {
				free(best);
				best = xstrdup(de->d_name);
				s.best = best;
			}
		}
		if (dp != NULL)
			closedir(dp);
	}
	dirs_free(v, n);
	return best;
}

/* "no figure 'x' (did you mean 'y'?): looked for x.fig in A, B and C",
 * at the exercise's figure line. */
static void
not_found(const struct routine *r, const struct exercise *e, const char *dir,
    struct diags *d)
{
	char *near = figure_suggest(e->figure, dir);
	char *v[3];
	int n = figure_dirs(dir, v);

	diags_add(d, DIAG_ERROR, e->file ? e->file : r->path, e->line[XS_figure],
	    "no figure '%s'%s%s%s: looked for %s.fig in %s%s%s and %s",
	    e->figure, near ? " (did you mean '" : "", near ? near : "",
	    near ? "'?)" : "", e->figure, v[0], n > 2 ? ", " : "",
	    n > 2 ? v[1] : "", v[n - 1]);
	free(near);
	dirs_free(v, n);
}

/* The figure of id, already loaded for r (or failed: *bad), or NULL. */
static struct figure *
known(struct figure **v, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i]->id, id) == 0)
			return v[i];
	return NULL;
}

/* Loads e's figure into r->figs (or the failed ones, bad); NULL when it
 * is missing or invalid, reported. */
static const struct figure *
load_one(struct routine *r, const struct exercise *e, const char *dir,
    struct figure ***bad, int *nbad, struct diags *d)
{
	struct figure *f = known(r->figs, r->nfigs, e->figure);
	const char *at = e->file ? e->file : r->path;

	if (f != NULL)
		return f;
	if ((f = known(*bad, *nbad, e->figure)) == NULL) {
		char *path = figure_find(e->figure, dir);
		if (path == NULL) {
			not_found(r, e, dir, d);
			return NULL;
		}
		int before = d->nerrors;
		f = figure_load(path, d);
		if (f != NULL && d->nerrors == before) {
			r->figs = xrealloc(r->figs, (size_t)(r->nfigs + 1) *
			    sizeof *r->figs);
			r->figs[r->nfigs++] = f;
			free(path);
			return f;
		}
		if (f == NULL) {        /* unreadable: an empty one stands for it */
			f = xcalloc(1, sizeof *f);
			f->id = xstrdup(e->figure);
			f->path = xstrdup(path);
		}
		free(path);
		*bad = xrealloc(*bad, (size_t)(*nbad + 1) * sizeof **bad);
		(*bad)[(*nbad)++] = f;
	}
	diags_add(d, DIAG_ERROR, at, e->line[XS_figure], "figure '%s' (%s) is "
	    "not valid: see its errors", e->figure, f->path);
	return NULL;
}

int
figure_load_routine(struct routine *r, const char *dir, struct diags *d)
{
	struct figure **bad = NULL;
	int nbad = 0, before = d->nerrors;

	for (int i = 0; i < r->nex; i++) {
		struct exercise *e = &r->ex[i];
		if (e->figure == NULL || !text_check(e->figure, "", NULL) ||
		    !figure_id_ok(e->figure, NULL))
			continue;               /* none, or reported by validation */
		e->fig = load_one(r, e, dir, &bad, &nbad, d);
	}
	for (int i = 0; i < nbad; i++) {
		figure_free(bad[i]);
		free(bad[i]);
	}
	free(bad);
	return diags_status(d, before);
}
