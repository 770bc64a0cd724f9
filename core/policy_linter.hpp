// The policy linter's state, shared by its two halves: core/policy_lint.cpp (line splitting and the lines every policy
// has: the hot path) and core/policy_checks.cpp (everything else). Internal to core/. The WebAssembly build compiles
// the second half for size (wasm/CMakeLists.txt), which keeps the module small and a typical lint() as fast.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.hpp"
#include "lint.hpp"
#include "small_vector.hpp"

namespace mtasts::detail::policy {

   enum Field { f_version = 0, f_mode, f_max_age, f_mx, f_count };
   inline constexpr std::string_view field_names[ f_count ] = { "version", "mode", "max_age", "mx" };

   struct Line
   {
      std::size_t number;
      std::size_t offset;    // start of content
      std::string_view content;
      std::size_t term_len;  // 0, 1 or 2
   };

   struct Occurrence
   {
      std::size_t line_offset;
      std::size_t line_length;   // content
      std::size_t term_len;
      std::size_t value_offset;
      std::string_view value;
   };

   class PolicyLinter
   {
   public:
      PolicyLinter( std::string_view text, const LintOptions& options, Sink& sink, PolicyFacts& facts, Workspace* ws = nullptr )
         : text_( text ), options_( options ), sink_( sink ), facts_( facts ), ws_( ws )
      {}

      void run();

   private:
      bool whole_document_checks_first( std::size_t& start );
      void split_lines( std::size_t start );
      void line( const Line& l );
      bool special_bytes( const Line& l );
      void plain_line( const Line& l );
      void value_version( const Line& l, std::size_t voff, std::string_view v, bool record );
      void value_mode( const Line& l, std::size_t voff, std::string_view v, bool record );
      void value_max_age( const Line& l, std::size_t voff, std::string_view v, bool record );
      void value_mx( const Line& l, std::size_t voff, std::string_view v, bool record );
      void value_extension( const Line& l, std::string_view name, std::size_t voff, std::string_view v );
      void document_checks();
      void mx_host_checks();
      Fix delete_line( const Line& l ) const;
      void record_mx( std::string_view v, std::size_t voff )  // a valid pattern of an 'mx:' line: a fact
      {
         if( facts_.mx_offsets.capacity() == 0 ) {
            facts_.mx_offsets.reserve( 8 );  // a typical policy: one allocation, not a reallocation per pattern
         }
         facts_.mx.push_back( v );
         facts_.mx_offsets.push_back( voff );
      }
      // A valid value of a version, mode or max_age line that strict senders see (n: max_age's number). The first
      // occurrence is a fact, the one senders use; the caller has added this line to occ_.
      void record_value( Field f, std::string_view v, std::size_t voff, std::uint64_t n )
      {
         if( occ_[ f ].size() != 1 ) {
            return;
         }
         if( f == f_version ) {
            facts_.version = std::string( v );
            facts_.version_offset = voff;
         }
         else if( f == f_mode ) {
            facts_.mode = std::string( v );
            facts_.mode_offset = voff;
         }
         else {
            facts_.max_age = n;
            max_age_offset_ = voff;
            max_age_len_ = v.size();
         }
      }

      std::string_view text_;
      const LintOptions& options_;
      Sink& sink_;
      PolicyFacts& facts_;
      Workspace* ws_;  // a Linter's memory for the duplicate check, or nullptr
      std::string_view terminator_ = "\r\n";  // the file's own line ending, for fixes that insert lines (a literal)
      Line last_{};
      std::size_t first_non_ascii_ = std::string_view::npos;
      std::size_t bom_len_ = 0;  // byte-order marks at the start
      bool has_lines_ = false;
      std::size_t mx_lines_ = 0;
      SmallVector< Occurrence, 2 > occ_[ f_count ];
      bool variant_seen_[ f_count ] = {};
      std::map< std::string, std::vector< Occurrence > > ext_occ_;
      std::vector< std::pair< std::string_view, std::size_t > > variant_mx_;  // valid patterns of 'MX:' lines (not facts)
      std::size_t first_field_offset_ = std::string_view::npos;
      int first_field_ = -2;
      std::size_t lf_ = 0, crlf_ = 0;
      std::size_t max_age_offset_ = 0, max_age_len_ = 0;
   };

}  // namespace mtasts::detail::policy
