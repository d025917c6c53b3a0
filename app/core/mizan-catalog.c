/* placeholder until written */
#include "mizan-catalog.h"
