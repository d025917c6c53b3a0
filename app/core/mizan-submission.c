/* placeholder until written */
#include "mizan-submission.h"
