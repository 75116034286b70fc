#ifndef KAIRAN_CMARK_GFM_SETUP_H
#define KAIRAN_CMARK_GFM_SETUP_H
#include <stdbool.h>

/*
 * Makes cmark-gfm safe to use from many threads at once.
 *
 * cmark-gfm keeps the syntax extensions' special inline characters ('~' for strikethrough, ':'
 * and 'w' for autolinks) in one process-wide table. Every cmark_parser_finish switches them on
 * before parsing inlines and off again afterwards (cmark_manage_extensions_special_characters),
 * so one thread finishing a document switches them off under another thread's parse.
 *
 * kairan_cmark_gfm_setup registers the core extensions and switches the characters of the given
 * extensions on once. From then on the per-parse switching is a no-op: this file defines
 * cmark_manage_extensions_special_characters, which the dynamic linker binds in place of the
 * library's (the library calls it through its PLT). Every Kairan parser attaches the same inline
 * extensions, so the characters being always on is exactly what each parse needs.
 *
 * Returns whether the per-parse switching is really disabled (our definition is the one the
 * library binds to). When it returns false the caller must serialise cmark_parser_finish.
 * Call it once, before any parallel work.
 */
bool kairan_cmark_gfm_setup(const char *const *extension_names, int count);

#endif
