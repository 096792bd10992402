/*
 * safety_dump.c - prints the red-flag table of src/core/safety.c, one
 * line per flag: "urgent<TAB>TEXT" or "same-day<TAB>TEXT" (with --brief,
 * the few words `backcoach --help` lists; with --asked, only the flags a
 * risk factor adds), for tests/lint/man-safety.sh to compare with the lists of
 * backcoach(1), the README and --help.  With --territories: the
 * territories of the emergency-number table (emergency.c), one a line.
 */
#include <stdio.h>
#include <string.h>

#include "emergency.h"
#include "safety.h"

int
main(int argc, char **argv)
{
	int brief = argc > 1 && strcmp(argv[1], "--brief") == 0;
	int asked = argc > 1 && strcmp(argv[1], "--asked") == 0;

	if (argc > 1 && strcmp(argv[1], "--territories") == 0) {
		for (size_t i = 0; i < emergency_count; i++)
			printf("%s\n", emergency_table[i].territory);
		return 0;
	}

	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		if (!asked || safety_red_flags[i].risks != 0)
				printf("%s\t%s\n", safety_red_flags[i].urgency == SAFETY_URGENT ?
			    "urgent" : "same-day", brief ? safety_red_flags[i].brief :
			    safety_red_flags[i].text);
	return 0;
}
