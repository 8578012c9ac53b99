#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct {

} Foo;
#define FOO_GA 10
#define FOO_ZO 3.14

void root(Foo x);
