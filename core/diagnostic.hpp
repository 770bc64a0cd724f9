// A diagnostic: a catalogue code, its severity, a rendered one-line message and the exact byte span it is about.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue.hpp"

namespace mtasts {

// Replace bytes [offset, offset + length) of the input with `insert`.
struct Edit
{
   std::size_t offset = 0;
   std::size_t length = 0;
   std::string insert;
};

struct Fix
{
   std::string title;
   std::vector< Edit > edits;  // sorted, non-overlapping
};

struct Diagnostic
{
   Code code = Code::STS201;
   Severity severity = Severity::error;
   std::size_t offset = 0;  // byte offset into the input
   std::size_t length = 0;  // bytes; 0 for document-level diagnostics
   std::string message;
   std::optional< Fix > fix;
};

// Collects diagnostics while checks run.
class Sink
{
public:
   // keep_infos = false: info diagnostics are neither rendered nor stored (lint() without verbose).
   // lang: the language messages and fix titles are rendered in.
   explicit Sink( bool keep_infos = true, Lang lang = Lang::en )
      : keep_infos_( keep_infos ), lang_( lang )
   {}
   // The same, collecting into `storage` (emptied; its capacity is kept): mtasts::Linter hands its last result's
   // vector back so that a call allocates nothing for the list itself.
   Sink( bool keep_infos, Lang lang, std::vector< Diagnostic >&& storage ) noexcept
      : items_( std::move( storage ) ), keep_infos_( keep_infos ), lang_( lang )
   {
      items_.clear();
   }
   // The same, and add() takes its Diagnostic objects from `recycle` (a previous result's, in order) while there are
   // any, rendering into their strings rather than into new ones; set_fix() reuses their fixes' memory the same way.
   // What add() returns is then exactly what a fresh Diagnostic would be. `recycle` must outlive the sink; its
   // elements are left moved-from (the caller empties it after the call).
   Sink( bool keep_infos, Lang lang, std::vector< Diagnostic >&& storage, std::vector< Diagnostic >* recycle ) noexcept
      : Sink( keep_infos, lang, std::move( storage ) )
   {
      recycle_ = recycle;
   }

   // Cold: reporting is the rare path, so the compiler keeps the code that builds a diagnostic out of the hot loops
   // and optimises it for size (WebAssembly: -1.4 KiB gzip, no slower on valid input).
   [[gnu::cold]] Diagnostic& add( Code c, std::size_t offset, std::size_t length, const Args& args = {}, Hint hint = Hint::none );
   [[gnu::cold]] Diagnostic& add_with( Code c, Severity sev, std::size_t offset, std::size_t length, const Args& args = {}, Hint hint = Hint::none );

   std::vector< Diagnostic >& items() noexcept { return items_; }
   Lang lang() const noexcept { return lang_; }
   // A fix title in the sink's language.
   [[gnu::cold]] std::string fix_title( FixTitle f, const Args& args = {} ) const { return render_fix( f, args, lang_ ); }
   // d.fix = make_fix( fix_title( f, args ), offset, length, insert ), in memory a recycled diagnostic had.
   [[gnu::cold]] void set_fix( Diagnostic& d, FixTitle f, std::size_t offset, std::size_t length, std::string_view insert, const Args& args = {} );

private:
   std::vector< Diagnostic > items_;
   std::vector< Diagnostic >* recycle_ = nullptr;
   std::size_t next_ = 0;  // the next element of *recycle_ to reuse
   Fix spare_fix_;         // the fix of the last recycled diagnostic, for set_fix()
   bool keep_infos_ = true;
   Lang lang_ = Lang::en;
   Diagnostic dropped_;  // what add() returns for an info that is not kept
};

[[gnu::cold]] Fix make_fix( std::string title, std::size_t offset, std::size_t length, std::string insert );

}  // namespace mtasts
