#include "screenpopbench.h"

int main(int argc, char *argv[])
{
    return linecard::bench::runScreenPopBench(argc, argv);
}
