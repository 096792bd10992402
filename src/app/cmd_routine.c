/*
 * cmd_routine.c - `check`, `list` and `show`: the routine commands that
 * print rather than coach.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "cmd.h"
#include "dosing.h"
#include "figure_load.h"
#include "paths.h"
#include "territory.h"
#include "plan.h"
#include "position.h"
#include "routine_load.h"
#include "settings.h"
#include "text.h"
#include "util.h"
#include "wall.h"
#include "words.h"

/* The risk factors the settings hold: what the red-flag questions add. */
static void
print_risks(const struct settings *s)
{
	printf("risk factors:");
	if (!s->risk_factors_known)
		printf(" not asked yet (asked before the first session)");
	else if (s->risk_factors == 0)
		printf(" none");
	for (int i = 0; i < SAFETY_RISK_COUNT; i++)
		if (s->risk_factors & (1u << i))
			printf(" %s", safety_risk_factors[i].id);
	printf("\n");
}

/* The emergency number the advice says, and where it came from. */
static void
print_call(struct settings *s)
{
	locale_call(s);
	printf("emergency number: %s (%s)\n",
	    cmd_safe(emergency_number_words(&s->call)), cmd_safe(s->call_from));
}

/* `check --config [FILE]`: every problem in a settings file, which at
 * start-up would only be a warning, fails the check.  The default file
 * (not named) need not be there. */
static int
check_config(const char *file, bool named, int quiet)
{
	struct settings s;
	struct diags d = { 0 };
	struct stat st;

	settings_defaults(&s);
	if (!named && lstat(file, &st) != 0 && errno == ENOENT) {
		if (!quiet) {
			printf("No settings file: %s does not exist, so the defaults "
			    "apply.\n", cmd_safe(file));
			print_call(&s);
		}
		settings_free(&s);
		return 0;
	}
	settings_load(&s, file, true, &d);
	int problems = d.nerrors + d.nwarnings;
	cmd_print_diags(&d);
	if (!quiet && problems == 0)
		printf("%s: ok\n", cmd_safe(file));
	if (!quiet) {
		print_risks(&s);
		if (s.risk_factors_known)
			printf("  (to answer them again: backcoach%s%s risk-factors)\n",
			    named ? " --config " : "", named ? cmd_safe(file) : "");
		print_call(&s);
	}
	diags_free(&d);
	settings_free(&s);
	return problems > 0;
}

static bool
is_figure_file(const char *arg)
{
	size_t n = strlen(arg);
	return n > 4 && strcmp(arg + n - 4, ".fig") == 0;
}

/* `check FILE.fig`: a figure on its own; 1 when it has an error. */
static int
check_figure(const char *path, int quiet)
{
	struct diags d = { 0 };
	struct figure *f = figure_load(path, &d);

	cmd_print_diags(&d);
	if (!quiet && f != NULL && d.nerrors == 0)
		printf("%s: ok, figure %s, %d %s\n", cmd_safe(path),
		    cmd_safe(f->name), f->nframes,
		    plural(f->nframes, "frame", "frames"));
	int bad = f == NULL || d.nerrors > 0;
	if (f != NULL)
		figure_free(f);
	free(f);
	diags_free(&d);
	return bad;
}

/* The routine off_back names, offered to a person who is pregnant, must
 * be there to be started: a warning at its line when it is not. */
static void
off_back_check(const struct routine *r, const char *file, struct diags *d)
{
	char *p = r->off_back ? routine_find(r->off_back) : NULL;

	if (r->off_back && p == NULL)
		diags_add(d, DIAG_WARNING, file, r->line[RS_off_back], "'off_back'"
		    " names '%s', which is no routine here: the offer would fail",
		    r->off_back);
	free(p);
}

/* `check ROUTINE`: a routine by id or file; 1 when it has an error (a
 * routine that is not there too). */
static int
check_routine(const char *arg, int quiet)
{
	struct routine r;
	struct diags d = { 0 };
	char *path = routine_find(arg);
	int bad = 1;

	if (path == NULL) {
		char *near = strchr(arg, '/') ? NULL : cmd_routine_suggest(arg);
		diags_add(&d, DIAG_ERROR, arg, 0, "no such routine or file%s%s%s",
		    near ? " (did you mean '" : "", near ? near : "",
		    near ? "'?)" : "");
		free(near);
	} else {
		bad = routine_load(&r, path, arg, &d) != 0;
		off_back_check(&r, arg, &d);
	}
	cmd_print_diags(&d);
	if (path != NULL && !quiet && !bad)
		printf("%s: ok, %s%s\n", cmd_safe(arg), cmd_safe(r.name),
		    d.nwarnings ? " (with warnings)" : "");
	if (path != NULL)
		routine_free(&r);
	diags_free(&d);
	free(path);
	return bad;
}

/* `check FILE|ID...`: exit 0 when every routine is valid, 1 otherwise. */
int
cmd_check(const struct settings *set, int argc, char **argv)
{
	int bad = 0, quiet = 0, config = 0, c;
	const char *config_file = NULL;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, &cmd_check_opts)) != -1) {
		if (c == '?')
			return EXIT_USAGE;
		quiet |= c == 'q';
		if (c == 'c') {
			config = 1;
			config_file = optarg;
		}
	}
	if (config) {
		/* --config FILE as well as --config=FILE */
		if (config_file == NULL && optind < argc)
			config_file = argv[optind++];
		if (cmd_operands(argc, argv, 0, 0, "") != 0)
			return EXIT_USAGE;
		return check_config(config_file ? config_file : set->file,
		    config_file != NULL || set->file_named, quiet);
	}
	if (cmd_operands(argc, argv, 1, argc, "ROUTINE") != 0)
		return EXIT_USAGE;
	for (int i = optind; i < argc; i++) {
		if (is_figure_file(argv[i])) {
			bad |= check_figure(argv[i], quiet);
			continue;
		}
		if (strlen(argv[i]) > strlen(PROGRAMME_SUFFIX) &&
		    strcmp(argv[i] + strlen(argv[i]) - strlen(PROGRAMME_SUFFIX),
		    PROGRAMME_SUFFIX) == 0) {
			bad |= cmd_check_programme(argv[i], quiet);
			continue;
		}
		bad |= check_routine(argv[i], quiet);
	}
	return bad;
}

/* `list --ids`: the ids alone, one a line, read from the file names
 * without loading a routine (for the completions). */
static int
list_ids(void)
{
	struct routine_entry *e;
	size_t n = routine_list(&e);

	for (size_t i = 0; i < n; i++)
		printf("%s\n", cmd_safe(e[i].id));
	routine_list_free(e, n);
	return n == 0;
}

int
cmd_list(const struct settings *set, int argc, char **argv)
{
	struct routine_row *v;
	int c, ids = 0;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, &cmd_list_opts)) != -1) {
		if (c == '?')
			return EXIT_USAGE;
		ids = 1;
	}
	if (cmd_operands(argc, argv, 0, 0, "") != 0)
		return EXIT_USAGE;
	if (ids)
		return list_ids();
	int n = catalog_rows(set, &v);
	if (n == 0) {
		warn("no routines found in %s", paths_bundled_routines());
		catalog_free(v, n);
		return 1;
	}
	/* ids are never cut (they are what `start` takes): the column is as
	 * wide as the widest; names are cut at 32 columns */
	int idw = 20;
	for (int i = 0; i < n; i++)
		if (text_width(cmd_safe(v[i].id)) > idw)
			idw = text_width(cmd_safe(v[i].id));
	printf("%s %s %8s  %s\n", cmd_col("ID", idw, false),
	    cmd_col("NAME", 32, false), "TIME", "FILE");
	for (int i = 0; i < n; i++) {
		char dur[32] = "invalid";
		if (v[i].error == NULL)
			plan_format_duration(v[i].total_ns, dur, sizeof dur);
		printf("%s %s %8s  %s%s\n", cmd_col(v[i].id, idw, false),
		    cmd_col(v[i].name, 32, false), dur, cmd_safe(v[i].path),
		    v[i].shadows ? "  (yours, shadows the bundled one)" : "");
	}
	catalog_free(v, n);
	return 0;
}

/* An exercise's caution, versions, ceilings and source, under its name. */
static void
show_notes(const struct exercise *e)
{
	if (e->caution)
		printf("   Caution: %s\n", cmd_safe(e->caution));
	if (e->easier[0])
		printf("   Easier: %s: %s\n", cmd_safe(e->easier[0]),
		    cmd_safe(e->easier[1]));
	if (e->harder[0])
		printf("   Harder: %s: %s\n", cmd_safe(e->harder[0]),
		    cmd_safe(e->harder[1]));
	if (e->has[XS_reps_max] && e->has[XS_hold_max])
		printf("   Grows to at most %lld reps a set, then holds of at most"
		    " %g s\n", (long long)e->reps_max, e->hold_max);
	else if (e->has[XS_reps_max])
		printf("   Grows to at most %lld reps a set\n",
		    (long long)e->reps_max);
	else if (e->has[XS_hold_max])
		printf("   Holds grow to at most %g s\n", e->hold_max);
	if (e->source)
		printf("   Source: %s\n", cmd_safe(e->source));
}

/* What a routine is: its names, what it needs, its caution and source. */
static void
show_head(const struct routine *r)
{
	char need[512];

	printf("%s (%s)\n", cmd_safe(r->name), cmd_safe(r->id));
	if (r->summary)
		printf("%s\n", cmd_safe(r->summary));
	if (r->description)
		printf("\n%s\n", cmd_safe(r->description));
	equipment_words(r, need, sizeof need);
	if (*need)
		printf("\nYou need: %s.\n", cmd_safe(need));
	if (r->caution)
		printf("\nCaution: %s\n", cmd_safe(r->caution));
	if (r->source)
		printf("Source: %s\n", cmd_safe(r->source));
}

/* What the history says of the dose: the next step, and why. */
static void
show_next_step(const struct settings *set, const struct routine *r)
{
	struct dosing d;
	struct diags dg = { 0 };

	dosing_plan(&d, r, set->history, wall_day(wall_now()), &dg);
	char *text = dosing_text(&d, r);
	/* a routine named by its file, not found by its id, is named the
	 * same way to `progress`, so that the command it is told works */
	char *user = paths_user_routines();
	size_t n = strlen(user);
	bool by_id = paths_is_bundled(r->path) ||
	    (strncmp(r->path, user, n) == 0 && r->path[n] == '/');
	printf("\nNext step (backcoach progress %s): %s\n",
	    cmd_safe(by_id ? r->id : r->path), cmd_safe(text));
	free(user);
	free(text);
	dosing_free(&d);
	cmd_print_diags(&dg);
	diags_free(&dg);
}

/* `show --figures`: each exercise's figure, every frame labelled, in
 * ASCII unless the locale is UTF-8. */
static void
show_figures(const struct routine *r)
{
	bool ascii = !cmd_utf8();

	printf("%s (%s)\n", cmd_safe(r->name), cmd_safe(r->id));
	for (int i = 0; i < r->nex; i++) {
		const struct exercise *e = &r->ex[i];
		printf("\n%d. %s", i + 1, cmd_safe(e->name));
		if (e->fig == NULL) {
			printf(": no figure\n");
			continue;
		}
		printf(" (figure %s)\n\n", cmd_safe(e->fig->id));
		char *text = figure_render(e->fig, ascii, 77, true);
		if (text == NULL)
			oom();
		for (char *l = text, *nl; *l; l = nl + 1) {
			nl = strchr(l, '\n');
			*nl = '\0';
			printf("%s%s\n", *l ? "   " : "", cmd_safe(l));
		}
		free(text);
	}
}

/* show's options: what it prints (0 the plan, 'f' the figures, 's' the
 * script) and the speech of the script.  0, or EXIT_USAGE. */
static int
show_options(const struct settings *set, int argc, char **argv, int *what,
    enum speech_mode *m)
{
	int c;

	optind = 0;
	*what = 0;
	*m = set->speech;
	while ((c = cmd_getopt(argc, argv, &cmd_show_opts)) != -1) {
		if (c == '?')
			return EXIT_USAGE;
		if (c == 'f' || c == 's')
			*what = c;
		if (c != 'S')
			continue;
		int k = 0;
		while (k < SPEECH_MODE_COUNT && strcmp(optarg, speech_mode_words[k]))
			k++;
		if (k == SPEECH_MODE_COUNT) {
			warn("show: unknown speech '%s': use off, names or full",
			    optarg);
			return EXIT_USAGE;
		}
		*m = (enum speech_mode)k;
	}
	return cmd_operands(argc, argv, 1, 1, "ROUTINE");
}

int
cmd_show(const struct settings *set, int argc, char **argv)
{
	struct routine r;
	struct plan p;
	char at[32], len[32], pos[128];
	int what;
	enum speech_mode m;

	if (show_options(set, argc, argv, &what, &m) != 0)
		return EXIT_USAGE;
	if (cmd_load_routine(set, argv[optind], "showing", &r) != 0)
		return 1;
	if (what != 0) {
		if (what == 'f')
			show_figures(&r);
		else
			cmd_show_script(set, &r, m);
		routine_free(&r);
		return 0;
	}
	if (plan_build(&p, &r) != 0)
		oom();
	show_head(&r);

	int64_t t = 0;
	int ex = -1;
	for (int i = 0; i < p.n; i++) {
		const struct step *s = &p.steps[i];
		if (s->ex != ex) {
			ex = s->ex;
			plan_format_duration(plan_exercise_ns(&p, ex), len, sizeof len);
			printf("\n%d. %s (%s)\n", ex + 1, cmd_safe(r.ex[ex].name), len);
			if (r.ex[ex].position)
				printf("   Position: %s\n", cmd_safe(r.ex[ex].position));
			if (r.ex[ex].cue)
				printf("   %s\n", cmd_safe(r.ex[ex].cue));
			show_notes(&r.ex[ex]);
		}
		plan_format_clock(t, at, sizeof at);
		snprintf(len, sizeof len, "%g s", (double)s->ns / 1e9);
		plan_step_position(&p, s, true, pos, sizeof pos);
		printf("   %7s  %s %s %8s\n", at, cmd_col(s->label, 16, false),
		    cmd_col(pos, 26, false), len);
		t += s->ns;
	}
	plan_format_duration(p.total_ns, len, sizeof len);
	bool timers = routine_timers_only(&r);   /* a pack: no dose */
	printf("\nTotal: %s, %d %s, %d %s\n", len, r.nex,
	    timers ? plural(r.nex, "timer", "timers") :
	    plural(r.nex, "exercise", "exercises"), p.n,
	    plural(p.n, "step", "steps"));
	if (!timers)
		show_next_step(set, &r);
	plan_free(&p);
	routine_free(&r);
	return 0;
}
