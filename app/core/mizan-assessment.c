/* placeholder until written */
#include "mizan-assessment.h"
