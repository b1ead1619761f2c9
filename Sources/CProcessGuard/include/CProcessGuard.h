#ifndef CLOSTE_PROCESS_GUARD_H
#define CLOSTE_PROCESS_GUARD_H

/// Makes the process non-dumpable (prctl PR_SET_DUMPABLE 0: no core file, and /proc/<pid>/mem,
/// environ and the like are closed to other processes of the same user) and sets the core-file
/// size limit to 0 (soft and hard). Returns 0 when both took, else -1. prctl is variadic in C, so
/// Swift cannot call it: this is the one C line closte needs for it.
int closte_forbid_dumps(void);

#endif
