/*
 * territory.c - the language and territory the locale names (territory.h).
 */
#include "territory.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emergency.h"

const char *
locale_name(const char **var)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0') {
			if (var != NULL)
				*var = vars[i];
			return v;
		}
	}
	if (var != NULL)
		*var = NULL;
	return "";
}

void
locale_territory(const char *name, char out[3])
{
	const char *u = name ? strchr(name, '_') : NULL;

	out[0] = '\0';
	if (u == NULL || !isalpha((unsigned char)u[1]) ||
	    !isalpha((unsigned char)u[2]) || isalpha((unsigned char)u[3]))
		return;
	out[0] = (char)toupper((unsigned char)u[1]);
	out[1] = (char)toupper((unsigned char)u[2]);
	out[2] = '\0';
}

void
locale_call(struct settings *s)
{
	const char *var, *name = locale_name(&var);
	char t[3];

	locale_territory(name, t);
	s->call.ae = emergency_says_ae(t);
	if (s->emergency_number != NULL) {
		s->call.number = s->emergency_number;
		snprintf(s->call_from, sizeof s->call_from, "set by emergency_number");
		return;
	}
	s->call.number = emergency_number(t);
	if (var == NULL)
		snprintf(s->call_from, sizeof s->call_from, "none: no locale is set; "
		    "set emergency_number");
	else if (s->call.number != NULL)
		snprintf(s->call_from, sizeof s->call_from, "from the locale: "
		    "%s=%.40s", var, name);
	else if (t[0] != '\0')
		snprintf(s->call_from, sizeof s->call_from, "none: no confirmed "
		    "number for %s (%s=%.40s); set emergency_number", t, var, name);
	else
		snprintf(s->call_from, sizeof s->call_from, "none: %s=%.40s names no "
		    "country; set emergency_number", var, name);
}
