/* placeholder until written */
#include "mizan-exchange.h"
