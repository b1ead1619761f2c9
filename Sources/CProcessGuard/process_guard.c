#include "CProcessGuard.h"

#include <sys/resource.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

int closte_forbid_dumps(void) {
  int status = 0;
  struct rlimit none = {0, 0};
  if (setrlimit(RLIMIT_CORE, &none) != 0) status = -1;
#if defined(__linux__)
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) status = -1;
#endif
  return status;
}
