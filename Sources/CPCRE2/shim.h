// Shim for PCRE2: selects the 8-bit library and exports as plain constants the macros Swift
// cannot import (cast expressions).
#ifndef SHIPSHAPE_CPCRE2_SHIM_H
#define SHIPSHAPE_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/// PCRE2_UNSET: the value of an ovector slot for a group that did not participate.
static inline PCRE2_SIZE shipshape_pcre2_unset(void) { return PCRE2_UNSET; }

/// dladdr(3)'s result, declared here because Swift's Glibc module hides Dl_info (_GNU_SOURCE).
typedef struct {
    const char *file;
    void *base;
    const char *symbol;
    void *address;
} shipshape_pcre2_dl_info;

#ifdef __APPLE__
int shipshape_pcre2_dladdr(const void *address, shipshape_pcre2_dl_info *info) __asm__("_dladdr");
#else
int shipshape_pcre2_dladdr(const void *address, shipshape_pcre2_dl_info *info) __asm__("dladdr");
#endif

/// The file PCRE2 was loaded from, or NULL when the system cannot say.
static inline const char *shipshape_pcre2_path(void) {
    shipshape_pcre2_dl_info info;
    if (shipshape_pcre2_dladdr((const void *)pcre2_config_8, &info) && info.file) return info.file;
    return 0;
}

#endif
