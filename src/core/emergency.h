/*
 * emergency.h - the emergency (ambulance) number of a territory, and how
 * the advice names the place to go.
 *
 * Part of the pure core: a table looked up by an ISO 3166 code ("AU");
 * which territory the locale names is decided in the command layer.
 */
#ifndef BACKCOACH_EMERGENCY_H
#define BACKCOACH_EMERGENCY_H

#include <stdbool.h>
#include <stddef.h>

/* One territory: its code and ambulance number, or NULL when the list
 * gives none that could be confirmed. */
struct emergency_row {
	const char *territory;
	const char *number;
};

extern const struct emergency_row emergency_table[];
extern const size_t emergency_count;

/* The ambulance number of territory ("AU"), or NULL when it is not in the
 * table, has no confirmed number, or is "" (C and POSIX locales). */
const char *emergency_number(const char *territory);
/* Whether the emergency department is called "A&E" there (GB, IE). */
bool emergency_says_ae(const char *territory);

/* How the advice says it: which number to call ... */
struct emergency_call {
	const char *number;     /* digits, or NULL: not known */
	bool ae;                /* "A&E (the emergency department)" */
};
/* "000" or "your local emergency number". */
const char *emergency_number_words(const struct emergency_call *c);
/* "A&E (the emergency department)" or "the emergency department". */
const char *emergency_department(const struct emergency_call *c);

#endif
