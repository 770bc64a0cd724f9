// lint_evidence(): several texts of one domain read as one paste. The texts are joined (a line break between two, so
// no line runs from one into the next), each keeps the kind it has alone, and the results are cut back per text.
#include <algorithm>

#include "../checks.hpp"
#include "reader.hpp"

namespace mtasts {

namespace {

   void lint_set( const std::vector< std::string_view >& texts, const std::vector< Kind >* kinds, const LintOptions& options, std::vector< LintResult >& out )
   {
      std::string joined;
      std::vector< evidence::Part > parts;
      std::vector< std::size_t > starts;
      for( std::size_t i = 0; i < texts.size(); ++i ) {
         const auto t = texts[ i ];
         const Kind given = kinds && i < kinds->size() && ( *kinds )[ i ] != Kind::auto_ ? ( *kinds )[ i ] : options.kind;
         const Kind k = given == Kind::auto_ ? detect_kind( t ) : given;
         evidence::Part p;
         p.offset = joined.size();
         p.length = t.size();
         p.kind = k == Kind::policy ? evidence::Part::policy : k == Kind::txt ? evidence::Part::txt : k == Kind::tlsrpt ? evidence::Part::tlsrpt : evidence::Part::bundle;
         parts.push_back( p );
         starts.push_back( joined.size() );
         joined.append( t.data(), t.size() );
         joined += '\n';
      }
      LintOptions o = options;
      o.kind = Kind::bundle;
      LintResult all;
      all.kind = Kind::bundle;
      Sink sink( options.verbose, options.lang );
      detail::lint_bundle( joined, o, sink, all, parts );
      detail::finish( all, sink, joined, options.verbose );
      out.assign( texts.size(), LintResult{} );
      const auto which = [ & ]( std::size_t offset ) {
         const auto it = std::upper_bound( starts.begin(), starts.end(), offset );
         return static_cast< std::size_t >( it - starts.begin() ) - 1;
      };
      for( auto& r : out ) {
         r.kind = Kind::bundle;
      }
      for( auto& d : all.diagnostics ) {
         const std::size_t k = which( d.offset );
         const std::size_t base = starts[ k ];
         d.offset = std::min( d.offset - base, texts[ k ].size() );
         d.length = std::min( d.length, texts[ k ].size() - d.offset );
         if( d.fix ) {
            bool inside = true;
            for( auto& e : d.fix->edits ) {
               inside = inside && e.offset >= base && e.offset + e.length <= base + texts[ k ].size();
               e.offset -= std::min( e.offset, base );
            }
            if( !inside ) {
               d.fix.reset();
            }
         }
         out[ k ].diagnostics.push_back( std::move( d ) );
      }
      std::size_t policy_at = std::string_view::npos, record_at = std::string_view::npos;
      for( auto& a : all.artefacts ) {
         const std::size_t k = which( a.offset );
         if( a.kind == "policy" && policy_at == std::string_view::npos ) {
            policy_at = k;
         }
         if( a.kind == "txt" && record_at == std::string_view::npos ) {
            record_at = k;
         }
         a.offset -= starts[ k ];
         a.length = std::min( a.length, texts[ k ].size() - std::min( a.offset, texts[ k ].size() ) );
         out[ k ].artefacts.push_back( std::move( a ) );
      }
      if( all.policy && policy_at != std::string_view::npos ) {
         auto& p = *all.policy;
         const std::size_t base = starts[ policy_at ];
         p.version_offset -= std::min( p.version_offset, base );
         p.mode_offset -= std::min( p.mode_offset, base );
         for( auto& m : p.mx_offsets ) {
            m -= std::min( m, base );
         }
         out[ policy_at ].policy = std::move( all.policy );
      }
      if( all.record && record_at != std::string_view::npos ) {
         out[ record_at ].record = std::move( all.record );
      }
   }

}  // namespace

namespace {

   std::vector< LintResult > lint_evidence_impl( const std::vector< std::string_view >& texts, const std::vector< Kind >* kinds, const LintOptions& options ) noexcept
   {
      std::vector< LintResult > out;
#if defined( __cpp_exceptions )
      try {
         lint_set( texts, kinds, options, out );
      }
      catch( ... ) {
         // Only std::bad_alloc can get here (as in lint()).
      }
#else
      lint_set( texts, kinds, options, out );
#endif
      if( out.size() != texts.size() ) {
         out.assign( texts.size(), LintResult{} );
      }
      return out;
   }

}  // namespace

std::vector< LintResult > lint_evidence( const std::vector< std::string_view >& texts, const LintOptions& options ) noexcept
{
   return lint_evidence_impl( texts, nullptr, options );
}

std::vector< LintResult > lint_evidence( const std::vector< std::string_view >& texts, const std::vector< Kind >& kinds, const LintOptions& options ) noexcept
{
   return lint_evidence_impl( texts, &kinds, options );
}

}  // namespace mtasts
