// GSSAPI for a statically linked libgit2 (SHIPSHAPE_GIT2_STATIC, scripts/package.sh).
//
// Debian's libgit2 uses GSSAPI for HTTP "Negotiate" (Kerberos/SPNEGO) authentication, and the
// Kerberos libraries ship no static archives. Shipshape never talks to a remote through libgit2,
// so a release build links these instead: every call fails with GSS_S_FAILURE, so libgit2 would
// report Negotiate authentication as unavailable rather than pretend to have done it. Only the
// functions and the one object libgit2 1.5 refers to are defined.
#ifdef SHIPSHAPE_GIT2_STATIC
#include <stddef.h>

typedef unsigned int OM_uint32;
typedef void *gss_opaque;

/// GSS_S_FAILURE: the routine failed (RFC 2744, calling error 0, routine error 13).
#define SHIPSHAPE_GSS_S_FAILURE (13u << 16)

static OM_uint32 fail(OM_uint32 *minor) {
    if (minor) *minor = 0;
    return SHIPSHAPE_GSS_S_FAILURE;
}

gss_opaque GSS_C_NT_HOSTBASED_SERVICE = NULL;

OM_uint32 gss_import_name(OM_uint32 *minor, gss_opaque buffer, gss_opaque type, gss_opaque *name) {
    (void)buffer; (void)type;
    if (name) *name = NULL;
    return fail(minor);
}

OM_uint32 gss_init_sec_context(
    OM_uint32 *minor, gss_opaque credential, gss_opaque *context, gss_opaque target, gss_opaque mechanism,
    OM_uint32 flags, OM_uint32 lifetime, gss_opaque bindings, gss_opaque input, gss_opaque *actual,
    gss_opaque output, OM_uint32 *returned_flags, OM_uint32 *returned_lifetime) {
    (void)credential; (void)context; (void)target; (void)mechanism; (void)flags; (void)lifetime;
    (void)bindings; (void)input; (void)actual; (void)output; (void)returned_flags; (void)returned_lifetime;
    return fail(minor);
}

OM_uint32 gss_indicate_mechs(OM_uint32 *minor, gss_opaque *mechanisms) {
    if (mechanisms) *mechanisms = NULL;
    return fail(minor);
}

OM_uint32 gss_display_status(
    OM_uint32 *minor, OM_uint32 status, int type, gss_opaque mechanism, OM_uint32 *context, gss_opaque text) {
    (void)status; (void)type; (void)mechanism; (void)text;
    if (context) *context = 0;
    return fail(minor);
}

OM_uint32 gss_delete_sec_context(OM_uint32 *minor, gss_opaque *context, gss_opaque output) {
    (void)context; (void)output;
    if (minor) *minor = 0;
    return 0;
}

OM_uint32 gss_release_buffer(OM_uint32 *minor, gss_opaque buffer) {
    (void)buffer;
    if (minor) *minor = 0;
    return 0;
}

OM_uint32 gss_release_name(OM_uint32 *minor, gss_opaque *name) {
    (void)name;
    if (minor) *minor = 0;
    return 0;
}

OM_uint32 gss_release_oid_set(OM_uint32 *minor, gss_opaque *set) {
    (void)set;
    if (minor) *minor = 0;
    return 0;
}
#endif
