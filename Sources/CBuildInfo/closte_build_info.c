// The build's commit, date and Swift version, as the release build passes them:
//
//   swift build -c release -Xcc '-DCLOSTE_BUILD_COMMIT="1a2b3c4"' -Xcc '-DCLOSTE_BUILD_DATE="..."' ...
//
// (scripts/release.sh does this). Preprocessor definitions on the command line are the one way to
// hand a value to the compiler that needs no generated source file and no git at build time: a plain
// `swift build` defines nothing, so it compiles the defaults below and never runs or depends on git.
// The values live in this C file rather than in a header, so only this one file sees the definitions.
#include "closte_build_info.h"

#ifndef CLOSTE_BUILD_COMMIT
#define CLOSTE_BUILD_COMMIT "unknown"
#endif

#ifndef CLOSTE_BUILD_DATE
#define CLOSTE_BUILD_DATE "dev"
#endif

#ifndef CLOSTE_BUILD_SWIFT
#define CLOSTE_BUILD_SWIFT ""
#endif

const char *closte_build_commit(void) { return CLOSTE_BUILD_COMMIT; }
const char *closte_build_date(void) { return CLOSTE_BUILD_DATE; }
const char *closte_build_swift_version(void) { return CLOSTE_BUILD_SWIFT; }
