#ifndef CLOSTE_BUILD_INFO_H
#define CLOSTE_BUILD_INFO_H

/// Facts about the build that made this binary, fixed at compile time (see closte_build_info.c).
const char *closte_build_commit(void);
const char *closte_build_date(void);
const char *closte_build_swift_version(void);

#endif
