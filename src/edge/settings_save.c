/*
 * settings_save.c - an answer saved in the settings file (settings.h),
 * through the loader that reads it.
 *
 * The file is the person's: it is changed in one place, the setting's
 * value (or a line added at its end), and only when the loader reads the
 * new text back with no more to say than about the old one.
 */
#include "settings.h"
#include "settings_conf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "routine_text.h"
#include "util.h"

/* What the loader says of text as the file at path: 0 when it reads with
 * no more warnings than `most` (-1: any number), else -1 with the first
 * problem in d. */
static int
loads(const char *path, const char *text, size_t len, int most,
    int *warnings, struct diags *d)
{
	struct settings s;
	struct diags ld = { 0 };
	config_t cfg;

	settings_defaults(&s);
	config_init(&cfg);
	bool ok = settings_parse(&cfg, path, text, len, DIAG_ERROR, "", &ld) == 0;
	if (ok)
		settings_apply(&s, path, &cfg, &ld);
	config_destroy(&cfg);
	settings_free(&s);
	*warnings = ld.nwarnings;
	int rc = ok && ld.nerrors == 0 && (most < 0 || ld.nwarnings <= most) ?
	    0 : -1;
	if (rc != 0 && ld.n > 0) {
		const struct diag *g = &ld.v[ld.n - 1];
		for (size_t i = 0; i < ld.n; i++)
			if (ld.v[i].sev == DIAG_ERROR) {
				g = &ld.v[i];
				break;
			}
		diags_add(d, DIAG_ERROR, g->file, g->line, "%s", g->msg);
	}
	diags_free(&ld);
	return rc;
}

/* Where the file sets name: its line, 0 when it does not, -1 when an
 * included file does (*inc: that file's name). */
static int
set_at(const char *path, const char *text, size_t len, const char *name,
    char **inc)
{
	struct diags ld = { 0 };
	config_t cfg;
	int line = 0;

	config_init(&cfg);
	if (settings_parse(&cfg, path, text, len, DIAG_ERROR, "", &ld) == 0) {
		config_setting_t *s = config_setting_get_member(
		    config_root_setting(&cfg), name);
		const char *f = s ? config_setting_source_file(s) : NULL;
		if (s != NULL && f != NULL) {
			*inc = xstrdup(f);
			line = -1;
		} else if (s != NULL) {
			line = config_setting_source_line(s);
		}
	}
	config_destroy(&cfg);
	diags_free(&ld);
	return line;
}

/* comment's lines as # comments, then name = value;, after text. */
static char *
appended(const char *text, size_t len, const char *name, const char *value,
    const char *comment)
{
	char *out = xasprintf("%.*s%s", (int)len, text,
	    len > 0 && text[len - 1] != '\n' ? "\n" : "");

	for (const char *c = comment; c != NULL && *c; ) {
		size_t n = strcspn(c, "\n");
		char *o = xasprintf("%s# %.*s\n", out, (int)n, c);
		free(out);
		out = o;
		c += n + (c[n] == '\n');
	}
	char *o = xasprintf("%s%s = %s;\n", out, name, value);
	free(out);
	return o;
}

/* The new text of the file, or NULL with the reason in d. */
static char *
new_text(const char *path, const char *old, size_t len, const char *name,
    const char *value, const char *comment, size_t *newlen, struct diags *d)
{
	char *inc = NULL, *out;
	int line = old ? set_at(path, old, len, name, &inc) : 0;

	if (line < 0) {
		diags_add(d, DIAG_ERROR, path, 0, "'%s' is set in %s, which the "
		    "settings include: not saved there; change it in that file",
		    name, inc);
		free(inc);
		return NULL;
	}
	if (line == 0) {
		out = appended(old ? old : "", old ? len : 0, name, value, comment);
		*newlen = strlen(out);
		return out;
	}
	if ((out = routine_text_set(old, len, line, name, value, newlen)) == NULL)
		diags_add(d, DIAG_ERROR, path, line, "'%s' cannot be changed here "
		    "(its value must start on the line of its name): not saved",
		    name);
	return out;
}

int
settings_save(const char *path, const char *name, const char *value,
    const char *comment, struct diags *d)
{
	struct diags rd = { 0 };
	size_t len = 0, newlen = 0;
	int before = 0, after;

	char *old = file_read(path, FILE_MAX_BYTES, FILE_MISSING_OK, &len, &rd);
	if (old == NULL && rd.n > 0) {
		diags_add(d, DIAG_ERROR, path, 0, "cannot save '%s': %s", name,
		    rd.v[0].msg);
		diags_free(&rd);
		return -1;
	}
	diags_free(&rd);
	if (old != NULL && loads(path, old, len, -1, &before, d) != 0) {
		diags_add(d, DIAG_ERROR, path, 0, "cannot save '%s': the file does "
		    "not read as settings (try 'backcoach check --config')", name);
		free(old);
		return -1;
	}
	char *text = new_text(path, old, len, name, value, comment, &newlen, d);
	int rc = -1;
	if (text != NULL && loads(path, text, newlen, before, &after, d) != 0)
		diags_add(d, DIAG_ERROR, path, 0, "'%s = %s;' would not read back "
		    "as a setting: not saved", name, value);
	else if (text != NULL)
		rc = file_install(path, text, newlen, old == NULL, d);
	free(text);
	free(old);
	return rc;
}

/* The risk factors as the setting writes them: "\"cancer\", \"immune\"". */
static char *
risk_words(unsigned risks)
{
	char *out = xstrdup("");

	for (int i = 0; i < SAFETY_RISK_COUNT; i++) {
		if (!(risks & (1u << i)))
			continue;
		char *n = xasprintf("%s%s\"%s\"", out, *out ? ", " : "",
		    safety_risk_factors[i].id);
		free(out);
		out = n;
	}
	return out;
}

int
settings_save_risks(const char *path, unsigned risks, struct diags *d)
{
	char *words = risk_words(risks);
	char *value = xasprintf("[%s]", words);
	int rc = settings_save(path, "risk_factors", value, "Risk factors, "
	    "asked before the first session (see backcoach(1), SETTINGS):\n"
	    "they add red-flag questions and never stop a session on their own.",
	    d);

	free(value);
	free(words);
	return rc;
}
