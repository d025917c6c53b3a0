/* placeholder until written */
#include "mizan-text.h"
