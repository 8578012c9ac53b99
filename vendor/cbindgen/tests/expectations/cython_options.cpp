#include <cstdarg>
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <new>
