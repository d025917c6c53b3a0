/* placeholder until written */
#include "mizan-status.h"
