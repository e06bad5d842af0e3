// cxx.cc: C++ on glibc and libstdc++: exceptions thrown across frames and
// caught by base class, rethrown, nested, through destructors (RAII order),
// std::exception_ptr carried out of a catch and rethrown later,
// noexcept and std::nested_exception; then iostreams (std::cout with
// widths, fills, precision, fixed/scientific/hex, booleans), std::string,
// std::vector, std::map, std::sort and a std::ostringstream, and
// std::istringstream parsing. The unwinder reads .eh_frame through
// dl_iterate_phdr; output is deterministic.
#include <algorithm>
#include <cmath>
#include <exception>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

std::vector<std::string> events;

// records its construction and destruction, to show unwinding order
struct Guard {
    std::string name;
    explicit Guard(std::string n) : name(std::move(n)) { events.push_back("+" + name); }
    ~Guard() { events.push_back("-" + name); }
};

struct AppError : std::runtime_error {
    int code;
    AppError(const std::string &what, int c) : std::runtime_error(what), code(c) {}
};

struct ParseError : AppError {
    ParseError(const std::string &what, int line) : AppError("parse: " + what, line) {}
};

[[gnu::noinline]] int level3(int n)
{
    Guard g("level3");
    if (n == 1) throw ParseError("unexpected token", 42);
    if (n == 2) throw std::out_of_range("index 7 of 3");
    if (n == 3) throw 17;
    if (n == 4) throw std::string("a string");
    return n * 10;
}

[[gnu::noinline]] int level2(int n)
{
    Guard g("level2");
    return level3(n) + 1;
}

[[gnu::noinline]] int level1(int n)
{
    Guard g("level1");
    try {
        return level2(n);
    } catch (const std::logic_error &e) {
        events.push_back(std::string("level1 saw logic_error, rethrows: ") + e.what());
        throw;
    }
}

std::string joined_events()
{
    std::string all;
    for (const auto &e : events) all += (all.empty() ? "" : " ") + e;
    events.clear();
    return all;
}

void exceptions()
{
    for (int n = 0; n <= 4; n++) {
        try {
            int v = level1(n);
            std::cout << "case " << n << ": returned " << v;
        } catch (const AppError &e) {           // catches ParseError by base class
            std::cout << "case " << n << ": AppError code " << e.code << " what '" << e.what() << "'";
        } catch (const std::exception &e) {
            std::cout << "case " << n << ": std::exception '" << e.what() << "'";
        } catch (int i) {
            std::cout << "case " << n << ": int " << i;
        } catch (...) {
            std::cout << "case " << n << ": something else";
        }
        std::cout << " [" << joined_events() << "]\n";
    }

    // exception_ptr: captured in one place, rethrown in another
    std::exception_ptr saved;
    try {
        level3(1);
    } catch (...) {
        saved = std::current_exception();
    }
    std::cout << "saved exception_ptr: " << (saved ? "set" : "empty") << " [" << joined_events() << "]\n";
    try {
        std::rethrow_exception(saved);
    } catch (const ParseError &e) {
        std::cout << "rethrown from exception_ptr: " << e.what() << " code " << e.code << "\n";
    }
    auto made = std::make_exception_ptr(std::invalid_argument("made"));
    try {
        std::rethrow_exception(made);
    } catch (const std::logic_error &e) {
        std::cout << "make_exception_ptr: " << e.what() << "\n";
    }

    // nested exceptions
    try {
        try {
            throw std::runtime_error("inner");
        } catch (...) {
            std::throw_with_nested(std::runtime_error("outer"));
        }
    } catch (const std::exception &e) {
        std::cout << "nested: " << e.what();
        try {
            std::rethrow_if_nested(e);
        } catch (const std::exception &inner) {
            std::cout << " <- " << inner.what();
        }
        std::cout << "\n";
    }

    // exceptions from the library itself
    try {
        std::vector<int> v(3);
        (void) v.at(5);
    } catch (const std::out_of_range &) {
        std::cout << "vector::at threw out_of_range\n";
    }
    try {
        (void) std::stoi("not a number");
    } catch (const std::invalid_argument &) {
        std::cout << "stoi threw invalid_argument\n";
    }
    try {
        volatile size_t bytes = static_cast<size_t>(1) << 58;
        void *huge = ::operator new(bytes);     // a call, not a new-expression: cannot be elided
        std::cout << "allocated 2^58 bytes?\n";
        ::operator delete(huge);
    } catch (const std::bad_alloc &) {
        std::cout << "new of 2^58 bytes threw bad_alloc\n";
    }
    // a hundred throws, three frames unwound each time
    int caught = 0;
    for (int i = 0; i < 100; i++) {
        try {
            level1(1 + i % 4);
        } catch (...) {
            caught++;
        }
    }
    events.clear();
    std::cout << "100 throws, caught " << caught << "\n";
}

void streams()
{
    std::cout << "[" << std::setw(8) << 42 << "] [" << std::left << std::setw(8) << 42 << std::right << "] ["
              << std::setfill('*') << std::setw(8) << -42 << std::setfill(' ') << "]\n";
    std::cout << std::hex << std::showbase << 255 << " " << std::oct << 8 << " " << std::dec << std::noshowbase << 255
              << " " << std::boolalpha << true << " " << false << std::noboolalpha << " " << true << "\n";
    const double pi = std::acos(-1.0);
    std::cout << pi << " " << std::setprecision(15) << pi << " " << std::fixed << std::setprecision(3) << pi << " "
              << std::scientific << pi << " " << std::hexfloat << pi << std::defaultfloat << std::setprecision(6) << "\n";
    std::cout << 1e100 << " " << 1.0 / 3 << " " << -0.0 << " " << std::sqrt(2.0) << " " << 123456789.0 << "\n";

    std::string s = "The quick brown fox jumps over the lazy dog";
    std::vector<std::string> words;
    std::istringstream in(s);
    for (std::string w; in >> w;) words.push_back(w);
    std::map<char, int> letters;
    for (char c : s)
        if (c != ' ') letters[static_cast<char>(std::tolower(static_cast<unsigned char>(c)))]++;
    std::sort(words.begin(), words.end(), [](const std::string &a, const std::string &b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    std::ostringstream out;
    for (const auto &w : words) out << w << ',';
    std::cout << "words by length: " << out.str() << " (" << words.size() << ")\n";
    std::cout << "letters:";
    for (const auto &[c, n] : letters)
        if (n > 1) std::cout << ' ' << c << '=' << n;
    std::cout << " distinct " << letters.size() << "\n";

    std::vector<long> squares(20);
    std::iota(squares.begin(), squares.end(), 1);
    for (auto &x : squares) x *= x;
    std::cout << "sum of squares 1..20 = " << std::accumulate(squares.begin(), squares.end(), 0L) << "\n";
    std::string upper = s.substr(4, 11);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    std::cout << "substr+upper: '" << upper << "' find(fox)=" << s.find("fox") << " rfind(o)=" << s.rfind('o') << "\n";

    std::istringstream numbers("3.25 -17 0x1f 1e3 word");
    double d; int i; std::string rest;
    numbers >> d >> i;
    numbers >> std::hex >> i;
    std::cout << "parsed " << d << " " << i;
    numbers >> std::dec >> d >> rest;
    std::cout << " " << d << " '" << rest << "' eof-after: " << (numbers >> rest ? "no" : "yes") << "\n";
}

}  // namespace

int main()
{
    exceptions();
    streams();
    std::cout << "cxx: done" << std::endl;
    return 0;
}
