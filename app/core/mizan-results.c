/* placeholder until written */
#include "mizan-results.h"
