/* placeholder until written */
#include "mizan-store.h"
