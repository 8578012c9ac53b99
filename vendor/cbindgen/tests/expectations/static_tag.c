#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

struct Bar;

struct Foo {

};

extern const int32_t NUMBER;

extern struct Foo FOO;

extern const struct Bar BAR;

void root(void);
