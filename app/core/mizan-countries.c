/* placeholder until written */
#include "mizan-countries.h"
