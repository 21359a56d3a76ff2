#include "loadbench.h"

int main(int argc, char *argv[])
{
    return linecard::bench::runLoadBench(argc, argv);
}
