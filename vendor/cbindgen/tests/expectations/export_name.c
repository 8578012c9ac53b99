#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

void do_the_thing_with_export_name(void);

void do_the_thing_with_unsafe_export_name(void);
