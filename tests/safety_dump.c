/*
 * safety_dump.c - prints the red-flag table of src/core/safety.c, one
 * line per flag: "urgent<TAB>TEXT" or "same-day<TAB>TEXT", for
 * tests/man-safety.sh to compare with the lists of backcoach(1) and the
 * README.
 */
#include <stdio.h>

#include "safety.h"

int
main(void)
{
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		printf("%s\t%s\n", safety_red_flags[i].urgency == SAFETY_URGENT ?
		    "urgent" : "same-day", safety_red_flags[i].text);
	return 0;
}
