#include "searchbench.h"

int main(int argc, char *argv[])
{
    return linecard::bench::runSearchBench(argc, argv);
}
