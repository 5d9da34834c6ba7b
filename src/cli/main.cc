// raingan command-line entry point (subcommands are wired in src/cli/).
#include <iostream>

int main() {
  std::cerr << "raingan: under construction\n";
  return 2;
}
