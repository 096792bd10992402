/*
 * test_coaching.c - the bundled routines coach someone who cannot see the
 * screen (issue 20): every exercise has a position, every lead-in where
 * the position changes lasts at least 15 s (and so does a switch of sides
 * lying on one side), every two-sided exercise names its sides in words
 * of its own, every exercise's lead-in has a phrase that starts with its
 * name, every rest says what is next, full says all that names says, and
 * knee rolls alternate sides and stay an even number through a step of
 * their dose.  Links the core and the
 * routine loader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dose.h"
#include "phrases.h"
#include "plan.h"
#include "position.h"
#include "routine_load.h"

#define MOVE_NS ((int64_t)(POSITION_MOVE_SECONDS * NS_PER_SEC))

static int
is_cfg(const struct dirent *e)
{
	size_t len = strlen(e->d_name);
	return len > 4 && strcmp(e->d_name + len - 4, ".cfg") == 0;
}

/* Each step's phrase in mode m, or NULL (p->n entries). */
static struct phrase **
by_step(const struct plan *p, enum speech_mode m, struct phrase **v, int *n)
{
	struct phrase **at = calloc((size_t)p->n + 1, sizeof *at);

	*n = phrases_of(p, m, v);
	assert_true(*n >= 0 && at != NULL);
	for (int i = 0; i < *n; i++)
		at[(*v)[i].step] = &(*v)[i];
	return at;
}

/* Is text among the forms of phrase f? */
static int
has_form(const struct phrase *f, const char *text)
{
	for (int k = 0; f != NULL && k < PHRASE_FORMS && f->form[k]; k++)
		if (strcmp(f->form[k], text) == 0)
			return 1;
	return 0;
}

static void
check_steps(const struct routine *r, const struct plan *p)
{
	struct phrase *vn, *vf, **names, **full;
	int nn, nf;

	names = by_step(p, SPEECH_NAMES, &vn, &nn);
	full = by_step(p, SPEECH_FULL, &vf, &nf);
	for (int i = 0; i < p->n; i++) {
		const struct step *s = &p->steps[i];
		const struct exercise *e = &r->ex[s->ex];
		if (s->kind == STEP_LEAD_IN && position_changes(r, s->ex))
			assert_true(s->ns >= MOVE_NS);
		if (s->kind == STEP_SWITCH && exercise_position(e) == POS_SIDE)
			assert_true(s->ns >= MOVE_NS);
		if (s->kind == STEP_LEAD_IN) {
			assert_non_null(names[i]);
			assert_true(strncmp(names[i]->form[0], e->name,
			    strlen(e->name)) == 0);
		}
		if (s->kind == STEP_REST)
			assert_non_null(strstr(names[i]->form[0], ". Next: set "));
		if (s->kind == STEP_SWITCH)
			assert_non_null(strstr(names[i]->form[0], "Other side: "));
		/* full says what names says, and more */
		for (int k = 0; names[i] && k < PHRASE_FORMS && names[i]->form[k]; k++)
			assert_true(has_form(full[i], names[i]->form[k]));
	}
	phrases_free(vn, nn);
	phrases_free(vf, nf);
	free(names);
	free(full);
}

static void
check_exercises(const struct routine *r)
{
	for (int i = 0; i < r->nex; i++) {
		const struct exercise *e = &r->ex[i];
		int64_t reps = exercise_set_reps(e, 0);
		/* a pack is not a pose */
		if (strstr(e->name, "pack") == NULL)
			assert_int_not_equal(exercise_position(e), POS_NONE);
		if (e->sides) {
			assert_non_null(e->side_names[0]);
			assert_non_null(e->side_names[1]);
		}
		if (strstr(e->name, "Knee rolls") != NULL) {
			struct dose start, next;
			assert_true(e->alternate);
			assert_int_equal(reps % 2, 0);
			if (e->has[XS_reps_max])
				assert_int_equal(e->reps_max % 2, 0);
			/* a step up and a step back keep them even */
			dose_of(e, &start);
			if (dose_step(e, &start, 1, &next) == DOSE_CHANGED)
				assert_int_equal(next.reps[0], reps + 2);
			assert_int_equal(next.reps[0] % 2, 0);
		}
	}
}

static void
test_bundled_routines(void **state)
{
	struct dirent **v;
	char path[512];

	(void)state;
	int n = scandir("../routines", &v, is_cfg, alphasort);
	assert_true(n >= 8);
	for (int i = 0; i < n; i++) {
		struct routine r;
		struct diags d = { 0 };
		struct plan p;
		snprintf(path, sizeof path, "../routines/%s", v[i]->d_name);
		print_message("%s\n", path);
		assert_int_equal(routine_load(&r, path, NULL, &d), 0);
		assert_int_equal(plan_build(&p, &r), 0);
		check_exercises(&r);
		check_steps(&r, &p);
		plan_free(&p);
		diags_free(&d);
		routine_free(&r);
		free(v[i]);
	}
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled_routines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
