/*
 * emergency.c - the emergency numbers by territory.
 *
 * Part of the pure core.  One public list, read once for every territory
 * glibc has a locale for (/usr/share/i18n/SUPPORTED, glibc 2.36):
 * Wikipedia, "List of emergency telephone numbers", its ambulance column
 * (https://en.wikipedia.org/wiki/List_of_emergency_telephone_numbers ,
 * revision 1362829639, August 2026).  Where the list gives two numbers
 * for the ambulance, the first is kept; where it gives none, several by
 * service or area, or a number no second source confirmed, the row has
 * none, and the advice says "your local emergency number": never a
 * guess.  A number of the list that is wrong for you is changed with the
 * emergency_number setting.
 *
 * "A&E" is what the UK and Ireland call the emergency department
 * (NHS, https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-go-to-ae/ ;
 * HSE, https://www2.hse.ie/services/urgent-and-emergency-care/ );
 * everywhere else the advice says "the emergency department".
 */
#include "emergency.h"

#include <string.h>

/* Sorted by territory. */
const struct emergency_row emergency_table[] = {
	{ "AD", "116" },	/* Andorra */
	{ "AE", "998" },	/* United Arab Emirates */
	{ "AF", "112" },	/* Afghanistan */
	{ "AG", "911" },	/* Antigua and Barbuda */
	{ "AL", "127" },	/* Albania */
	{ "AM", "112" },	/* Armenia */
	{ "AR", "911" },	/* Argentina */
	{ "AT", "144" },	/* Austria */
	{ "AU", "000" },	/* Australia */
	{ "AW", "911" },	/* Aruba */
	{ "AZ", "112" },	/* Azerbaijan */
	{ "BA", "124" },	/* Bosnia and Herzegovina */
	{ "BD", "999" },	/* Bangladesh */
	{ "BE", "112" },	/* Belgium */
	{ "BG", "112" },	/* Bulgaria */
	{ "BH", "999" },	/* Bahrain */
	{ "BO", "911" },	/* Bolivia */
	{ "BR", "192" },	/* Brazil */
	{ "BT", "112" },	/* Bhutan */
	{ "BW", "997" },	/* Botswana */
	{ "BY", "103" },	/* Belarus */
	{ "CA", "911" },	/* Canada */
	{ "CD", "112" },	/* Congo - Kinshasa */
	{ "CH", "144" },	/* Switzerland */
	{ "CL", "131" },	/* Chile */
	{ "CN", "120" },	/* China */
	{ "CO", "125" },	/* Colombia */
	{ "CR", "911" },	/* Costa Rica */
	{ "CU", "104" },	/* Cuba */
	{ "CW", NULL },	/* Curaçao: the list gives 910 and 912 */
	{ "CY", "112" },	/* Cyprus */
	{ "CZ", "112" },	/* Czechia */
	{ "DE", "112" },	/* Germany */
	{ "DJ", "19" },	/* Djibouti */
	{ "DK", "112" },	/* Denmark */
	{ "DO", "911" },	/* Dominican Republic */
	{ "DZ", "14" },	/* Algeria */
	{ "EC", "911" },	/* Ecuador */
	{ "EE", "112" },	/* Estonia */
	{ "EG", "123" },	/* Egypt */
	{ "ER", "114" },	/* Eritrea */
	{ "ES", "112" },	/* Spain */
	{ "ET", "911" },	/* Ethiopia */
	{ "FI", "112" },	/* Finland */
	{ "FJ", "911" },	/* Fiji */
	{ "FO", "112" },	/* Faroe Islands */
	{ "FR", "112" },	/* France */
	{ "GB", "999" },	/* United Kingdom */
	{ "GE", "112" },	/* Georgia */
	{ "GH", "112" },	/* Ghana */
	{ "GL", "112" },	/* Greenland */
	{ "GR", "166" },	/* Greece */
	{ "GT", NULL },	/* Guatemala: the list gives several numbers by service and area */
	{ "HK", "999" },	/* Hong Kong SAR China */
	{ "HN", "195" },	/* Honduras */
	{ "HR", "112" },	/* Croatia */
	{ "HT", "116" },	/* Haiti */
	{ "HU", "112" },	/* Hungary */
	{ "ID", "112" },	/* Indonesia */
	{ "IE", "112" },	/* Ireland */
	{ "IL", "101" },	/* Israel */
	{ "IN", "112" },	/* India */
	{ "IQ", "112" },	/* Iraq */
	{ "IR", "115" },	/* Iran */
	{ "IS", "112" },	/* Iceland */
	{ "IT", "112" },	/* Italy */
	{ "JO", "911" },	/* Jordan */
	{ "JP", "119" },	/* Japan */
	{ "KE", "112" },	/* Kenya */
	{ "KG", "112" },	/* Kyrgyzstan */
	{ "KH", "119" },	/* Cambodia */
	{ "KR", "119" },	/* South Korea */
	{ "KW", "112" },	/* Kuwait */
	{ "KZ", "112" },	/* Kazakhstan */
	{ "LA", "195" },	/* Laos */
	{ "LB", "140" },	/* Lebanon */
	{ "LI", "144" },	/* Liechtenstein */
	{ "LK", NULL },	/* Sri Lanka: the list gives 110; the national ambulance service is 1990 */
	{ "LT", "112" },	/* Lithuania */
	{ "LU", "112" },	/* Luxembourg */
	{ "LV", "112" },	/* Latvia */
	{ "LY", "1515" },	/* Libya */
	{ "MA", "15" },	/* Morocco */
	{ "ME", "124" },	/* Montenegro */
	{ "MG", "124" },	/* Madagascar */
	{ "MK", "194" },	/* North Macedonia */
	{ "MM", "999" },	/* Myanmar (Burma) */
	{ "MN", "105" },	/* Mongolia */
	{ "MT", "112" },	/* Malta */
	{ "MU", "114" },	/* Mauritius */
	{ "MV", "911" },	/* Maldives */
	{ "MX", "911" },	/* Mexico */
	{ "MY", "999" },	/* Malaysia */
	{ "NG", "112" },	/* Nigeria */
	{ "NI", "128" },	/* Nicaragua */
	{ "NL", "112" },	/* Netherlands */
	{ "NO", "113" },	/* Norway */
	{ "NP", "102" },	/* Nepal */
	{ "NU", NULL },	/* Niue: the list gives an ordinary telephone number */
	{ "NZ", "111" },	/* New Zealand */
	{ "OM", "9999" },	/* Oman */
	{ "PA", "911" },	/* Panama */
	{ "PE", "911" },	/* Peru */
	{ "PG", "111" },	/* Papua New Guinea */
	{ "PH", "911" },	/* Philippines */
	{ "PK", "115" },	/* Pakistan */
	{ "PL", "999" },	/* Poland */
	{ "PR", "911" },	/* Puerto Rico */
	{ "PT", "112" },	/* Portugal */
	{ "PY", "911" },	/* Paraguay */
	{ "QA", "999" },	/* Qatar */
	{ "RO", "112" },	/* Romania */
	{ "RS", "194" },	/* Serbia */
	{ "RU", "103" },	/* Russia */
	{ "RW", "912" },	/* Rwanda */
	{ "SA", "911" },	/* Saudi Arabia */
	{ "SC", "112" },	/* Seychelles */
	{ "SD", "999" },	/* Sudan */
	{ "SE", "112" },	/* Sweden */
	{ "SG", "995" },	/* Singapore */
	{ "SI", "112" },	/* Slovenia */
	{ "SK", "112" },	/* Slovakia */
	{ "SN", "18" },	/* Senegal */
	{ "SO", "999" },	/* Somalia */
	{ "SS", "999" },	/* South Sudan */
	{ "SV", "132" },	/* El Salvador */
	{ "SY", "110" },	/* Syria */
	{ "TH", "1669" },	/* Thailand */
	{ "TJ", "112" },	/* Tajikistan */
	{ "TM", NULL },	/* Turkmenistan: the list gives 03, which no second source confirmed */
	{ "TN", "190" },	/* Tunisia */
	{ "TO", "911" },	/* Tonga */
	{ "TR", "112" },	/* Türkiye */
	{ "TW", "119" },	/* Taiwan */
	{ "TZ", "114" },	/* Tanzania */
	{ "UA", "103" },	/* Ukraine */
	{ "UG", "911" },	/* Uganda */
	{ "US", "911" },	/* United States */
	{ "UY", "911" },	/* Uruguay */
	{ "UZ", "103" },	/* Uzbekistan */
	{ "VE", "911" },	/* Venezuela */
	{ "VN", "115" },	/* Vietnam */
	{ "VU", NULL },	/* Vanuatu: not in the list */
	{ "WS", "999" },	/* Samoa */
	{ "YE", NULL },	/* Yemen: not in the list */
	{ "ZA", "10177" },	/* South Africa */
	{ "ZM", "999" },	/* Zambia */
	{ "ZW", NULL },	/* Zimbabwe: not in the list */
};
const size_t emergency_count = sizeof emergency_table / sizeof emergency_table[0];

const char *
emergency_number(const char *territory)
{
	size_t lo = 0, hi = emergency_count;

	if (territory == NULL)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(territory, emergency_table[mid].territory);
		if (c == 0)
			return emergency_table[mid].number;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool
emergency_says_ae(const char *territory)
{
	return territory != NULL && (strcmp(territory, "GB") == 0 ||
	    strcmp(territory, "IE") == 0);
}

const char *
emergency_number_words(const struct emergency_call *c)
{
	return c->number != NULL && c->number[0] != '\0' ? c->number :
	    "your local emergency number";
}

const char *
emergency_department(const struct emergency_call *c)
{
	return c->ae ? "A&E (the emergency department)" :
	    "the emergency department";
}
