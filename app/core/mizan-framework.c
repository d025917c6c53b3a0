/* placeholder until written */
#include "mizan-framework.h"
