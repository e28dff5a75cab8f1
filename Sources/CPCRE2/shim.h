// Shim for PCRE2: selects the 8-bit library and exports as plain constants the macros Swift
// cannot import (cast expressions).
#ifndef SHIPSHAPE_CPCRE2_SHIM_H
#define SHIPSHAPE_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/// PCRE2_UNSET: the value of an ovector slot for a group that did not participate.
static inline PCRE2_SIZE shipshape_pcre2_unset(void) { return PCRE2_UNSET; }

#endif
