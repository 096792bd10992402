/*
 * programme.c - the programme model and its validation (programme.h).
 */
#include "programme.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define X_INFO(name, type, max, doc) { #name, type, max, doc },
const struct setting_info programme_settings[PS_COUNT] = {
	PROGRAMME_SETTINGS(X_INFO)
};
const struct setting_info week_settings[WS_COUNT] = { WEEK_SETTINGS(X_INFO) };
#undef X_INFO

const char *const programme_day_names[PROG_DAYS] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

void
programme_init(struct programme *p)
{
	memset(p, 0, sizeof *p);
	p->version = -1;
}

void
programme_free(struct programme *p)
{
	for (int i = 0; i < p->nweeks; i++) {
		struct prog_week *w = &p->week[i];
		free(w->routine);
		free(w->rest);
		free(w->rest_routine);
		free(w->dose);
		free(w->source);
		for (int d = 0; d < PROG_DAYS; d++)
			free(w->day[d]);
	}
	free(p->id);
	free(p->path);
	free(p->name);
	free(p->summary);
	free(p->source);
	programme_init(p);
}

int
programme_day_find(const char *name)
{
	for (int i = 0; i < PROG_DAYS; i++) {
		const char *a = programme_day_names[i];
		if ((name[0] | 0x20) == a[0] && (name[1] | 0x20) == a[1] &&
		    name[1] && (name[2] | 0x20) == a[2] && name[2] && !name[3])
			return i;
	}
	return -1;
}

int
programme_weekday(int day)
{
	return ((day + 3) % 7 + 7) % 7;         /* 1970-01-01 was a Thursday */
}

int
programme_week_target(const struct prog_week *w)
{
	int n = 0;

	if (w->form == DAYS_COUNT)
		return (int)w->per_week;
	for (int d = 0; d < PROG_DAYS; d++)
		n += w->day[d] != NULL;
	return n;
}

const char *
programme_week_routine(const struct prog_week *w, int wd)
{
	if (w->form == DAYS_COUNT)
		return w->routine;
	return wd >= 0 && wd < PROG_DAYS ? w->day[wd] : NULL;
}

bool
programme_week_has(const struct prog_week *w, const char *id)
{
	if (w->form == DAYS_COUNT)
		return w->routine && strcmp(w->routine, id) == 0;
	for (int d = 0; d < PROG_DAYS; d++)
		if (w->day[d] && strcmp(w->day[d], id) == 0)
			return true;
	return false;
}

struct pctx {
	struct diags *d;
	const char *file;
};

#define ERR(c, line, ...) diags_add((c)->d, DIAG_ERROR, (c)->file, (line), __VA_ARGS__)

/* A string's text: what the loaders accept, and not too long. */
static void
check_string(struct pctx *c, int line, const char *what, const char *s,
    int max)
{
	const char *why;

	if (s == NULL)
		return;
	if (!text_check(s, "", &why))
		ERR(c, line, "'%s' %s", what, why);
	else if (text_chars(s) > (size_t)max)
		ERR(c, line, "'%s' is too long: %zu characters, at most %d", what,
		    text_chars(s), max);
}

/* A routine id names a file: letters, digits, '-' and '_' only. */
static void
check_id(struct pctx *c, int line, const char *what, const char *id)
{
	size_t n = id ? strlen(id) : 0;

	if (id == NULL)
		return;
	if (n == 0 || n > PROG_ID_MAX || id[0] == '-' ||
	    strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_-") != n)
		ERR(c, line, "'%s' must be a routine id (letters, digits, '-' and "
		    "'_', as 'backcoach list' shows them), not \"%s\"", what,
		    text_check(id, "", NULL) ? id : "...");
}

static void
validate_week(struct pctx *c, const struct prog_week *w, int n)
{
	int line = w->has[WS_days] ? w->line[WS_days] : w->group_line;

	if (w->form == DAYS_NONE)
		ERR(c, line, "week %d has no 'days': a count (days = 3), weekday "
		    "names (days = [\"mon\", \"thu\"]) or a group (days = { mon = "
		    "\"gentle-flare-up\"; })", n);
	if (w->form == DAYS_COUNT && (w->per_week < 1 || w->per_week > PROG_DAYS))
		ERR(c, line, "'days' must be from 1 to 7 days a week, not %lld",
		    (long long)w->per_week);
	if ((w->form == DAYS_COUNT || w->form == DAYS_NAMED) && !w->has[WS_routine])
		ERR(c, line, "week %d needs a 'routine' for its days", n);
	if (w->form == DAYS_GROUP && w->has[WS_routine])
		ERR(c, w->line[WS_routine], "week %d names a routine for each day: "
		    "no 'routine' as well", n);
	if (((w->form == DAYS_NAMED && w->has[WS_routine]) ||
	    w->form == DAYS_GROUP) && programme_week_target(w) == 0)
		ERR(c, line, "week %d names no training day", n);
	check_id(c, w->line[WS_routine], "routine", w->routine);
	check_id(c, w->line[WS_rest_routine], "rest_routine", w->rest_routine);
	for (int d = 0; d < PROG_DAYS && w->form == DAYS_GROUP; d++)
		check_id(c, w->day_line[d], programme_day_names[d], w->day[d]);
	check_string(c, w->line[WS_rest], "rest", w->rest,
	    week_settings[WS_rest].maxlen);
	check_string(c, w->line[WS_dose], "dose", w->dose,
	    week_settings[WS_dose].maxlen);
	check_string(c, w->line[WS_source], "source", w->source,
	    week_settings[WS_source].maxlen);
}

int
programme_validate(const struct programme *p, struct diags *d)
{
	struct pctx c = { d, p->path };
	int before = d->nerrors;

	if (!p->has[PS_programme])
		ERR(&c, 1, "missing 'programme = %d;' (the format version) at the "
		    "top", PROG_FORMAT_VERSION);
	else if (p->version != PROG_FORMAT_VERSION)
		ERR(&c, p->line[PS_programme], "unsupported programme format %lld "
		    "(this backcoach reads format %d)", (long long)p->version,
		    PROG_FORMAT_VERSION);
	if (p->name == NULL)
		ERR(&c, 1, "missing 'name'");
	else if (strspn(p->name, " ") == strlen(p->name))
		ERR(&c, p->line[PS_name], "'name' is blank");
	check_string(&c, p->line[PS_name], "name", p->name,
	    programme_settings[PS_name].maxlen);
	check_string(&c, p->line[PS_summary], "summary", p->summary,
	    programme_settings[PS_summary].maxlen);
	check_string(&c, p->line[PS_source], "source", p->source,
	    programme_settings[PS_source].maxlen);
	if (!p->has[PS_weeks])
		ERR(&c, 1, "missing 'weeks': a list of weeks ( { days = 3; "
		    "routine = \"...\"; }, ... )");
	else if (p->nweeks == 0 && !p->weeks_bad)
		ERR(&c, p->line[PS_weeks], "'weeks' is empty: at least one week");
	for (int i = 0; i < p->nweeks; i++)
		validate_week(&c, &p->week[i], i + 1);
	return diags_status(d, before);
}
