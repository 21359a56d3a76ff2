#include "commentsbench.h"

int main(int argc, char *argv[])
{
    return linecard::bench::runCommentsBench(argc, argv);
}
