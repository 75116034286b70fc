#ifndef KAIRAN_CMARK_GFM_SHIM_H
#define KAIRAN_CMARK_GFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

/* Debian does not always ship cmark-gfm-core-extensions.h; declare the one entry point we use. */
void cmark_gfm_core_extensions_ensure_registered(void);

#endif
