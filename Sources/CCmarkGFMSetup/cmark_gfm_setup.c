#define _GNU_SOURCE
#include "cmark_gfm_setup.h"
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <dlfcn.h>
#include <stddef.h>

void cmark_gfm_core_extensions_ensure_registered(void);

typedef void (*manage_special_characters)(cmark_parser *parser, int add);

/* The library's own definition, found once by kairan_cmark_gfm_setup. */
static manage_special_characters library_manage;

/* Bound by the dynamic linker in place of the library's definition: after setup the special
 * characters stay on, and no parse switches them off under another thread. */
void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  (void)parser;
  (void)add;
}

bool kairan_cmark_gfm_setup(const char *const *extension_names, int count) {
  cmark_gfm_core_extensions_ensure_registered();
  library_manage = (manage_special_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
  void *bound = dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters");
  if (library_manage == NULL || bound != (void *)&cmark_manage_extensions_special_characters) return false;
  cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  if (parser == NULL) return false;
  for (int i = 0; i < count; i++) {
    cmark_syntax_extension *extension = cmark_find_syntax_extension(extension_names[i]);
    if (extension != NULL) cmark_parser_attach_syntax_extension(parser, extension);
  }
  library_manage(parser, 1);
  /* Freeing a parser does not touch the table (only cmark_parser_finish does), so the
   * characters stay on. */
  cmark_parser_free(parser);
  return true;
}
