// The galley command's heap in transparent huge pages.
//
// A process that converts one short document spends more on page faults than on its
// instructions: on the 2-core virtual machines galley is measured on, the first touch of
// each fresh 4 KiB page costs about 12 µs, and a web page's conversion touches 250 or
// more (3 ms of 10). A 2 MiB huge page takes one fault. The kernel gives one to memory
// the program has marked (MADV_HUGEPAGE, honoured when transparent huge pages are set
// to "madvise", Debian's default) if the whole aligned 2 MiB is in the marked mapping
// and untouched. glibc's malloc marks its heap only under
// GLIBC_TUNABLES=glibc.malloc.hugetlb=1, which a process cannot set for itself, so
// this does the equivalent before the first allocation: it moves the program break to
// just below a 2 MiB boundary (malloc's bookkeeping there takes the small pages), has
// malloc grow its heap well past it in one step, and marks the heap from the boundary.
// It is only advice: when any step fails, malloc works as it always does.
//
// Measured on 60 web pages, a process each: 15.6 ms -> 9.9 ms of CPU per page, peak
// memory 12 -> 16 MiB (bench/bench.py, as bench/bench_html.sh runs it).
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace {

constexpr std::uintptr_t kHugePage = 2u << 20;
constexpr std::uintptr_t kLead = 64u << 10;  ///< before the boundary: malloc's first chunks
constexpr std::uintptr_t kHeapPad = 32u << 20;

constexpr std::uintptr_t round_up(std::uintptr_t n, std::uintptr_t to) {
  return (n + to - 1) & ~(to - 1);
}

// Runs before the command's other constructors (with the C++ runtime linked in
// statically, its too), so normally before anything has been allocated. Were something
// allocated already, malloc takes the moved break as it takes any other sbrk.
[[gnu::constructor(101)]] void put_heap_in_huge_pages() {
  const auto start = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const std::uintptr_t boundary = round_up(start + kLead, kHugePage);
  if (sbrk(static_cast<std::intptr_t>(boundary - kLead - start)) == reinterpret_cast<void*>(-1)) {
    return;
  }
  // Every time malloc grows the heap it asks for this much more, and it gives memory
  // back only past it, so the marked mapping is neither split nor shrunk.
  mallopt(M_TOP_PAD, kHeapPad);
  void* volatile first = std::malloc(1);  // volatile: the compiler may not drop the pair
  std::free(first);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(kHugePage - 1);
  if (end > boundary) madvise(reinterpret_cast<void*>(boundary), end - boundary, MADV_HUGEPAGE);
}

}  // namespace
