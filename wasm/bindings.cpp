// The WebAssembly face of the core: plain C exports, mtasts_lint (the hot path), mtasts_info (the catalogue,
// once), mtasts_format (the CLI's formatters), and in the full module only (MTASTS_WASM_FULL), mtasts_generate
// and mtasts_presets (the generator, as JSON) and mtasts_batch (the Node bin's --batch answers); in the bin's module
// only (MTASTS_WASM_FIX), mtasts_fix (its --fix and --fix-dry-run). Nothing
// here decides anything about policies: it only moves data across. No embind: its JS runtime and C++ support cost
// about 9 KiB gzip (a third of the glue) for a few rare calls.
//
// mtasts_lint() reads UTF-8 text that wasm/src/api.js wrote into the heap with TextEncoder.encodeInto, lints it and
// returns a pointer to a compact int32 record (layout below) plus one UTF-8 blob holding every string (messages,
// fix titles and inserts, fact values). api.js decodes the blob once and builds plain JS objects. Both buffers are
// static and reused, so repeated calls do not grow the heap.
//
// Result layout (int32 words):
//   [0] kind linted (Kind)       [1] errors      [2] warnings     [3] infos     [4] diagnostic count
//   [5] blob pointer             [6] blob bytes  [7] blob is ASCII (0/1)         [8] facts: 0 none, 1 policy, 2 record
//   [9] word count of the whole record
//   then per diagnostic:
//     code, severity, from, to, line, column, endLine, endColumn, message(off, len), editCount (-1: no fix),
//     [title(off, len), then per edit: from, to, insert(off, len)]
//   then the facts:
//     policy: version(str?), mode(str?), hasMaxAge, maxAgeLow, maxAgeHigh, mxCount, mx(str)*, extCount, (name, value)*
//     record: value(str), fieldCount, (name, value)*, version(str?), id(str?), ruaCount, rua(str)*, p(str?)
//   A string is (offset, length) into the blob; an absent optional string has length -1. For ASCII text, the policy's
//   version, mode and mx values are (-1 - offset, length): a slice of the text itself.
// Positions: from/to are 0-based UTF-16 code-unit offsets; line/column 1-based, column in UTF-16 code units.
// Lines end at LF, CRLF or a bare CR (core/source_map.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/emscripten.h>

#include "core/batch.hpp"
#include "core/catalogue.hpp"
#include "core/fix/diff.hpp"
#include "core/fix/fix.hpp"
#include "core/format.hpp"
#include "core/dmarc/dmarc_generator.hpp"
#include "core/generator.hpp"
#include "core/json_writer.hpp"
#include "core/lint.hpp"
#include "core/source_map.hpp"

namespace {

using mtasts::Diagnostic;
using mtasts::LintResult;

// The int32 record being written: reused across calls, so after the first calls writing a word is a compare and a
// store (std::vector::push_back was not inlined here: about 5 % of a typical lint's time in wasm, --cpu-prof).
class Words
{
public:
   void clear() noexcept { n_ = 0; }
   void push_back( std::int32_t v )
   {
      if( n_ == w_.size() ) {
         grow();
      }
      w_[ n_++ ] = v;
   }
   std::int32_t& operator[]( std::size_t k ) noexcept { return w_[ k ]; }
   std::size_t size() const noexcept { return n_; }
   const std::int32_t* data() const noexcept { return w_.data(); }

private:
   [[gnu::noinline]] void grow() { w_.resize( std::max< std::size_t >( 256, 2 * w_.size() ) ); }
   std::vector< std::int32_t > w_;
   std::size_t n_ = 0;
};

Words out;                        // reused across calls
std::string blob;                 // reused across calls
bool blob_ascii = true;

void put( std::size_t v )
{
   out.push_back( static_cast< std::int32_t >( v ) );
}

void put_str( std::string_view s )
{
   put( blob.size() );
   put( s.size() );
   if( blob_ascii ) {
      for( const char c : s ) {
         if( static_cast< unsigned char >( c ) >= 0x80 ) {
            blob_ascii = false;
            break;
         }
      }
   }
   blob.append( s );
}

// A string that is the caller's own text from UTF-16 offset `at` (ASCII text only): (-1 - at, length).
void put_slice( std::size_t at, std::size_t length )
{
   out.push_back( -1 - static_cast< std::int32_t >( at ) );
   put( length );
}

void put_opt( const std::optional< std::string >& s )
{
   if( s ) {
      put_str( *s );
   }
   else {
      out.push_back( 0 );
      out.push_back( -1 );
   }
}

// Byte offsets -> UTF-16 offsets and 1-based UTF-16 line/column for every position of the diagnostics.
struct Positions
{
   std::vector< std::size_t > bytes;  // per diagnostic: begin, end, start of begin's line, start of end's line;
                                      // then every edit's begin and end
   std::vector< std::size_t > lines;  // per diagnostic: begin line, end line
   std::vector< std::size_t > units;  // bytes converted (or the same values for ASCII text)
};

Positions positions( std::string_view text, const LintResult& r, bool ascii )
{
   Positions p;
   const mtasts::SourceMap map( text );
   p.bytes.reserve( r.diagnostics.size() * 4 );
   for( const Diagnostic& d : r.diagnostics ) {
      const std::size_t b = std::min( d.offset, text.size() );
      const std::size_t e = std::min( d.offset + d.length, text.size() );
      const auto lb = map.locate( b );
      const auto le = map.locate( e );
      p.bytes.push_back( b );
      p.bytes.push_back( e );
      p.bytes.push_back( b - ( lb.column - 1 ) );
      p.bytes.push_back( e - ( le.column - 1 ) );
      p.lines.push_back( lb.line );
      p.lines.push_back( le.line );
   }
   for( const Diagnostic& d : r.diagnostics ) {
      if( d.fix ) {
         for( const auto& edit : d.fix->edits ) {
            p.bytes.push_back( edit.offset );
            p.bytes.push_back( edit.offset + edit.length );
         }
      }
   }
   p.units = ascii ? p.bytes : mtasts::utf16_offsets( text, p.bytes );
   return p;
}

// A language index from JS (its position in mtasts_info's list of tags); English for anything else.
mtasts::Lang lang_of( int index )
{
   const auto l = static_cast< mtasts::Lang >( index );
   return index >= 0 && static_cast< std::size_t >( index ) < mtasts::lang_count && mtasts::lang_available( l ) ? l : mtasts::Lang::en;
}

mtasts::LintOptions lint_options( int kind, int flags, std::string_view evidence )
{
   mtasts::LintOptions options;
   options.kind = static_cast< mtasts::Kind >( kind );
   options.verbose = ( flags & 1 ) != 0;
   options.lang = lang_of( flags >> 3 );
   std::vector< std::string > parts;
   for( std::size_t at = 0; at < evidence.size(); ) {
      const std::size_t end = evidence.find( '\0', at );
      const std::size_t stop = end == std::string_view::npos ? evidence.size() : end;
      parts.emplace_back( evidence.substr( at, stop - at ) );
      at = stop + 1;
   }
   if( !parts.empty() ) {
      options.domain = parts[ 0 ];
   }
   if( ( flags & 4 ) != 0 ) {
      options.mx_hosts.emplace( parts.begin() + ( parts.empty() ? 0 : 1 ), parts.end() );
   }
   return options;
}

void put_pairs( const std::vector< std::pair< std::string, std::string > >& pairs )
{
   put( pairs.size() );
   for( const auto& [ name, value ] : pairs ) {
      put_str( name );
      put_str( value );
   }
}

}  // namespace

extern "C" {

// text: UTF-8 bytes (size bytes); kind: mtasts::Kind; flags: bit 0 verbose, bit 1 the text is ASCII, bit 2 MX hosts
// given, bits 3 and up the language index (0 English); evidence (evidence_size bytes): the domain, then each MX host, each followed by a NUL byte.
EMSCRIPTEN_KEEPALIVE const std::int32_t* mtasts_lint( const char* text, std::size_t size, int kind, int flags, const char* evidence, std::size_t evidence_size )
{
   const std::string_view input( text, size );
   const LintResult r = mtasts::lint( input, lint_options( kind, flags, std::string_view( evidence, evidence_size ) ) );

   out.clear();
   blob.clear();
   blob_ascii = true;
   put( static_cast< std::size_t >( r.kind ) );
   put( r.error_count() );
   put( r.warning_count() );
   put( r.info_count() );
   put( r.diagnostics.size() );
   put( 0 );  // [5] blob pointer, [6] blob size, [7] ASCII: filled in below
   put( 0 );
   put( 0 );
   put( ( r.policy ? 1 : 0 ) | ( r.record ? 2 : 0 ) );  // 3: a bundle's policy, then its _mta-sts record
   put( 0 );  // [9] word count

   if( !r.diagnostics.empty() ) {
      const Positions p = positions( input, r, ( flags & 2 ) != 0 );
      std::size_t edit = r.diagnostics.size() * 4;
      for( std::size_t i = 0; i < r.diagnostics.size(); ++i ) {
         const Diagnostic& d = r.diagnostics[ i ];
         const std::size_t from = p.units[ 4 * i ];
         const std::size_t to = p.units[ 4 * i + 1 ];
         put( static_cast< std::size_t >( d.code ) );
         put( static_cast< std::size_t >( d.severity ) );
         put( from );
         put( to );
         put( p.lines[ 2 * i ] );
         put( from - p.units[ 4 * i + 2 ] + 1 );
         put( p.lines[ 2 * i + 1 ] );
         put( to - p.units[ 4 * i + 3 ] + 1 );
         put_str( d.message );
         if( !d.fix ) {
            out.push_back( -1 );
            continue;
         }
         put( d.fix->edits.size() );
         put_str( d.fix->title );
         for( const auto& e : d.fix->edits ) {
            put( p.units[ edit++ ] );
            put( p.units[ edit++ ] );
            put_str( e.insert );
         }
      }
   }

   if( r.policy ) {
      const auto& f = *r.policy;
      // ASCII text: the values are slices of the caller's string (offsets are the same in bytes and UTF-16 units),
      // so JS takes them with String.prototype.substring, without a blob to decode (about 0.2 of 1.3 µs in Node).
      const bool slices = ( flags & 2 ) != 0;
      const auto put_value = [ & ]( const std::optional< std::string >& v, std::size_t at ) {
         if( v && slices ) {
            put_slice( at, v->size() );
         }
         else {
            put_opt( v );
         }
      };
      put_value( f.version, f.version_offset );
      put_value( f.mode, f.mode_offset );
      put( f.max_age ? 1 : 0 );
      const std::uint64_t age = f.max_age.value_or( 0 );
      out.push_back( static_cast< std::int32_t >( static_cast< std::uint32_t >( age & 0xFFFFFFFFu ) ) );
      out.push_back( static_cast< std::int32_t >( static_cast< std::uint32_t >( age >> 32 ) ) );
      put( f.mx.size() );
      for( std::size_t k = 0; k < f.mx.size(); ++k ) {
         if( slices ) {
            put_slice( f.mx_offsets[ k ], f.mx[ k ].size() );
         }
         else {
            put_str( f.mx[ k ] );
         }
      }
      put_pairs( f.extensions );
   }
   if( r.record ) {
      const auto& f = *r.record;
      put_str( f.value );
      put_pairs( f.fields );
      put_opt( f.version );
      put_opt( f.id );
      put( f.rua.size() );
      for( const auto& u : f.rua ) {
         put_str( u );
      }
      put_opt( f.p );
   }

   // Kind::bundle: the parts found (kind, UTF-16 from/to, first and last line, label)
   if( r.kind == mtasts::Kind::bundle ) {
      std::vector< std::size_t > offs;
      for( const auto& a : r.artefacts ) {
         offs.push_back( a.offset );
         offs.push_back( a.offset + a.length );
      }
      const auto units = ( flags & 2 ) != 0 ? offs : mtasts::utf16_offsets( input, offs );
      const mtasts::SourceMap map( input );
      put( r.artefacts.size() );
      for( std::size_t k = 0; k < r.artefacts.size(); ++k ) {
         put_str( r.artefacts[ k ].kind );
         put( units[ 2 * k ] );
         put( units[ 2 * k + 1 ] );
         put( map.locate( offs[ 2 * k ] ).line );
         put( map.locate( r.artefacts[ k ].length ? offs[ 2 * k + 1 ] - 1 : offs[ 2 * k ] ).line );  // its last byte's line
         put_str( r.artefacts[ k ].label );
      }
   }

   out[ 5 ] = static_cast< std::int32_t >( reinterpret_cast< std::uintptr_t >( blob.data() ) );
   out[ 6 ] = static_cast< std::int32_t >( blob.size() );
   out[ 7 ] = blob_ascii ? 1 : 0;
   out[ 9 ] = static_cast< std::int32_t >( out.size() );
   return out.data();
}

}  // extern "C"

extern "C" {

// The catalogue and the names the JS side needs, read once at start-up (so nothing is copied by hand into JS):
//   [0] rule count, [1] blob pointer, [2] blob bytes, then per rule: code (enum value), severity, dual severity,
//   id, title, message, reference (strings, title and message in language `lang`); then 6 kind names, 3 severity
//   names (by enum value), the version, the number of languages and their tags (the index of a tag is what
//   mtasts_lint's flags, mtasts_format's and mtasts_info's lang take).
EMSCRIPTEN_KEEPALIVE const std::int32_t* mtasts_info( int lang )
{
#ifdef MTASTS_WASM_FULL
   mtasts::enable_all_languages();  // the default module leaves the translations out (docs/i18n.md)
   mtasts::evidence::enable_bundles();  // pasted tool output: ./full (the page) and the bin, not the lint-only module
#endif
   const mtasts::Lang l = lang_of( lang );
   out.clear();
   blob.clear();
   blob_ascii = true;
   put( mtasts::rule_count );
   put( 0 );
   put( 0 );
   for( const auto* r = mtasts::rules_begin(); r != mtasts::rules_end(); ++r ) {
      put( static_cast< std::size_t >( r->code ) );
      put( static_cast< std::size_t >( r->severity ) );
      put( r->dual_severity ? 1 : 0 );
      put_str( r->id );
      put_str( mtasts::rule_title( r->code, l ) );
      put_str( mtasts::rule_message( r->code, l ) );
      put_str( r->reference );
   }
   for( const auto k : { mtasts::Kind::auto_, mtasts::Kind::policy, mtasts::Kind::txt, mtasts::Kind::tlsrpt, mtasts::Kind::dmarc, mtasts::Kind::bundle } ) {
      put_str( mtasts::kind_name( k ) );
   }
   for( const auto v : { mtasts::Severity::error, mtasts::Severity::warning, mtasts::Severity::info } ) {
      put_str( mtasts::severity_name( v ) );
   }
   put_str( MTASTS_VERSION );
   std::size_t available = 0;
   while( available < mtasts::lang_count && mtasts::lang_available( static_cast< mtasts::Lang >( available ) ) ) {
      ++available;
   }
   out.push_back( static_cast< std::int32_t >( available ) );
   for( std::size_t k = 0; k < available; ++k ) {
      put_str( mtasts::lang_tag( static_cast< mtasts::Lang >( k ) ) );
   }
   out[ 1 ] = static_cast< std::int32_t >( reinterpret_cast< std::uintptr_t >( blob.data() ) );
   out[ 2 ] = static_cast< std::int32_t >( blob.size() );
   return out.data();
}

// Formats files with the formatter the native CLI uses, so both print the same bytes. Each file is linted again:
// the JS results keep their input for this, and the bin passes a file's raw bytes (invalid UTF-8 reaches the core
// as it does natively). `files` holds `count` descriptors of 8 words: name (pointer, bytes), text (pointer, bytes),
// kind, flags and evidence (pointer, bytes) as for mtasts_lint. color: bit 0 ANSI colour, bits 1 and up the language
// index of the output's own words (the messages are each file's, from its flags). Returns [output pointer, output bytes, errors,
// warnings], or null for an unknown format name. The output stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const std::int32_t* mtasts_format( const std::int32_t* files, std::size_t count, const char* format_name, std::size_t format_size, int color )
{
   static std::string printed;
   static std::int32_t answer[ 4 ];
   const auto f = mtasts::parse_format( std::string_view( format_name, format_size ) );
   if( !f ) {
      return nullptr;
   }
   const auto view = [ & ]( std::size_t i, std::size_t word ) {
      const std::int32_t* d = files + 8 * i + word;
      return std::string_view( reinterpret_cast< const char* >( static_cast< std::uintptr_t >( d[ 0 ] ) ), static_cast< std::size_t >( d[ 1 ] ) );
   };
   std::vector< LintResult > results( count );
   std::vector< mtasts::FileReport > reports( count );
   std::size_t errors = 0;
   std::size_t warnings = 0;
   for( std::size_t i = 0; i < count; ++i ) {
      results[ i ] = mtasts::lint( view( i, 2 ), lint_options( files[ 8 * i + 4 ], files[ 8 * i + 5 ], view( i, 6 ) ) );
      reports[ i ] = mtasts::FileReport{ std::string( view( i, 0 ) ), view( i, 2 ), &results[ i ] };
      errors += results[ i ].error_count();
      warnings += results[ i ].warning_count();
   }
   mtasts::FormatOptions options;
   options.color = ( color & 1 ) != 0;
   options.lang = lang_of( color >> 1 );  // the words of the text output and SARIF's rule texts
   options.version = MTASTS_VERSION;
   printed = mtasts::format( *f, reports, options );
   answer[ 0 ] = static_cast< std::int32_t >( reinterpret_cast< std::uintptr_t >( printed.data() ) );
   answer[ 1 ] = static_cast< std::int32_t >( printed.size() );
   answer[ 2 ] = static_cast< std::int32_t >( errors );
   answer[ 3 ] = static_cast< std::int32_t >( warnings );
   return answer;
}

}  // extern "C"

#ifdef MTASTS_WASM_FULL
// Only in mta-sts-lint-full.wasm (the "./full" entry of the package): the default module leaves the generator out,
// 11 KiB gzip that a linter does not need (wasm/CMakeLists.txt).
// The generator (core/generator.hpp), as the native `mta-sts-lint generate --format json` prints it, plus "ok" and
// "errors". wasm/src/generator.js checks the JS types and writes the options as one blob of items, each
//   tag (1 byte), length (4 bytes, little-endian), UTF-8 bytes
// with tags 1 domain, 2 mode, 3 mx, 4 fromMx, 5 preset, 6 maxAge, 7 id, 8 rua, 9 now, 10 output format (mx, fromMx
// and rua repeat; an absent tag keeps the C++ default). maxAge and now are decimal text: maxAge is checked as the
// CLI checks --max-age (core parse_max_age: text that is not a whole number gets the CLI's STS229 refusal, with the
// units hint when it has a letter); now is a safe integer. Tag 10 (text, json, zone or policy; the Node bin's
// `generate`) also renders what the native `generate --format F` writes on standard output. Tag 11: the language
// index (decimal; it must come before tag 6, whose refusal it words).
// Returns [JSON pointer, JSON bytes, output pointer, output bytes] (UTF-8, valid until the next call).
namespace {

using mtasts::GenerateMessage;
using mtasts::GenerateOptions;
using mtasts::GenerateResult;

// The generator runs once per user action: its glue is built for size (bindings.cpp is -O3 for mtasts_lint).
#define MTASTS_SMALL __attribute__( ( minsize ) )

std::int32_t answer_words[ 4 ];
const std::string no_output;

// Calls f(tag, value) for each item of a blob written by wasm/src/generator.js: tag (1 byte), length (4 bytes,
// little-endian), bytes. Stops at an item that does not fit.
template< typename F >
void for_each_item( const unsigned char* data, std::size_t size, F&& f )
{
   for( std::size_t at = 0; at + 5 <= size; ) {
      const unsigned tag = data[ at ];
      const std::size_t len = std::size_t( data[ at + 1 ] ) | std::size_t( data[ at + 2 ] ) << 8 |
                              std::size_t( data[ at + 3 ] ) << 16 | std::size_t( data[ at + 4 ] ) << 24;
      at += 5;
      if( len > size - at ) {
         return;
      }
      f( tag, std::string_view( reinterpret_cast< const char* >( data + at ), len ) );
      at += len;
   }
}

// [JSON pointer, JSON bytes, output pointer, output bytes] (the output is empty unless asked for, tag 10).
const std::int32_t* answer( const std::string& json, const std::string& output = no_output )
{
   answer_words[ 0 ] = static_cast< std::int32_t >( reinterpret_cast< std::uintptr_t >( json.data() ) );
   answer_words[ 1 ] = static_cast< std::int32_t >( json.size() );
   answer_words[ 2 ] = static_cast< std::int32_t >( reinterpret_cast< std::uintptr_t >( output.data() ) );
   answer_words[ 3 ] = static_cast< std::int32_t >( output.size() );
   return answer_words;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE MTASTS_SMALL const std::int32_t* mtasts_generate( const unsigned char* data, std::size_t size )
{
   static std::string json;
   static std::string output;
   GenerateOptions o;
   std::optional< GenerateMessage > refused;  // a --max-age that is not a whole number: refused before generating
   std::string format;                        // tag 10: also render what `generate --format F` prints
   for_each_item( data, size, [ & ]( unsigned tag, std::string_view item ) {
      std::string value( item );
      switch( tag ) {
         case 1: o.domain = std::move( value ); break;
         case 2: o.mode = std::move( value ); break;
         case 3: o.mx.push_back( std::move( value ) ); break;
         case 4: o.from_mx.push_back( std::move( value ) ); break;
         case 5: o.preset = std::move( value ); break;
         case 6: {
            std::int64_t n = 0;
            if( auto r = mtasts::parse_max_age( value, n, o.lang ) ) {
               refused = std::move( r );
            }
            else {
               o.max_age = n;
            }
            break;
         }
         case 7: o.id = std::move( value ); break;
         case 8: o.rua.push_back( std::move( value ) ); break;
         case 9:
            if( const auto n = mtasts::parse_whole_number( value ) ) {
               o.now = *n;
            }
            break;
         case 10: format = std::move( value ); break;
         case 11: o.lang = lang_of( static_cast< int >( mtasts::parse_whole_number( value ).value_or( 0 ) ) ); break;
         default: break;
      }
   } );
   GenerateResult r;
   if( refused ) {
      r.errors.push_back( std::move( *refused ) );
   }
   else {
      r = mtasts::generate( o );
   }
   json = mtasts::generate_json( r );
   output.clear();
   if( r.ok() ) {
      // The bytes of the native `mta-sts-lint generate --format F` (cli/generate.cpp) on standard output.
      if( format == "json" ) {
         output = mtasts::generate_json( r, true ) + "\n";
      }
      else if( format == "text" ) {
         output = mtasts::generate_text( r, o.lang );
      }
      else if( format == "zone" ) {
         output = r.zone;
      }
      else if( format == "policy" ) {
         output = r.policy;
      }
   }
   return answer( json, output );
}

// The DMARC generator (core/dmarc/dmarc_generator.hpp), as `mta-sts-lint generate dmarc --format json` prints it.
// Items as for mtasts_generate, with tags 1 domain, 2 policy, 3 subdomainPolicy, 4 rua, 5 ruf (both repeat), 6 adkim,
// 7 aspf, 8 pct (decimal text; anything else is refused with DMC608, as the CLI refuses --pct), 10 output format
// (text, json or zone: the bytes of the native command). Returns [JSON pointer, JSON bytes, output pointer, bytes].
EMSCRIPTEN_KEEPALIVE MTASTS_SMALL const std::int32_t* mtasts_generate_dmarc( const unsigned char* data, std::size_t size )
{
   static std::string json;
   static std::string output;
   mtasts::DmarcOptions o;
   std::string format;
   std::string bad_pct;  // pct text that is not a whole number
   for_each_item( data, size, [ & ]( unsigned tag, std::string_view item ) {
      std::string value( item );
      switch( tag ) {
         case 1: o.domain = std::move( value ); break;
         case 2: o.policy = std::move( value ); break;
         case 3: o.subdomain_policy = std::move( value ); break;
         case 4: o.rua.push_back( std::move( value ) ); break;
         case 5: o.ruf.push_back( std::move( value ) ); break;
         case 6: o.adkim = std::move( value ); break;
         case 7: o.aspf = std::move( value ); break;
         case 8:
            if( const auto n = mtasts::parse_whole_number( value ) ) {
               o.pct = *n;
            }
            else {
               bad_pct = value.empty() ? " " : value;
            }
            break;
         case 10: format = std::move( value ); break;
         default: break;
      }
   } );
   mtasts::DmarcResult r;
   if( !bad_pct.empty() ) {
      r.errors.push_back( GenerateMessage{ "DMC608", "pct", mtasts::render_message( mtasts::Code::DMC608, { { "v", bad_pct } } ) } );
   }
   else {
      r = mtasts::generate_dmarc( o );
   }
   json = mtasts::dmarc_json( r );
   output.clear();
   if( r.ok() ) {
      output = format == "json" ? mtasts::dmarc_json( r, true ) + "\n" : format == "zone" ? r.zone : format == "text" ? mtasts::dmarc_text( r ) : "";
   }
   return answer( json, output );
}

// The presets, once: [{"name","description","mx":[...]}] as compact JSON. Returns [JSON pointer, JSON bytes].
EMSCRIPTEN_KEEPALIVE MTASTS_SMALL const std::int32_t* mtasts_presets()
{
   static std::string json;
   json.clear();
   mtasts::JsonWriter w( json );
   w.begin_array();
   for( const auto& p : mtasts::presets() ) {
      w.begin_object();
      w.key( "name" ).value( p.name );
      w.key( "description" ).value( p.description );
      w.key( "mx" ).begin_array();
      for( const char* m : p.mx ) {
         w.value( m );
      }
      w.end_array();
      w.end_object();
   }
   w.end_array();
   return answer( json );
}

// One answer line of `mta-sts-lint --batch` (core/batch.hpp), for the Node bin, which reads and parses the JSON
// Lines itself. Items as for mtasts_generate: tags 1 domain, 2 policy, 3 txt, 4 tlsrpt, 12 dmarc, 5 an MX host
// (repeats), 6 "mx" given (no value: an empty list), 7 verbose (no value), 8 the input line number (decimal), 9 an
// error message (the answer is then the error line, with the domain when tag 1 is there), 10 the line was too long
// (error line), 11 the usage text instead of an answer, 13 the language index (decimal). Returns [pointer, bytes] of
// the line (with its "\n").
EMSCRIPTEN_KEEPALIVE MTASTS_SMALL const std::int32_t* mtasts_batch( const unsigned char* data, std::size_t size )
{
   static std::string line;
   static mtasts::LintResult results[ mtasts::batch::text_count ];
   constexpr unsigned text_tags[ mtasts::batch::text_count ] = { 2, 3, 4, 12 };  // by batch::Text
   std::string_view values[ 14 ];
   bool has[ 14 ] = {};
   std::vector< std::string > mx;
   for_each_item( data, size, [ & ]( unsigned tag, std::string_view value ) {
      if( tag == 0 || tag > 13 ) {
         return;
      }
      has[ tag ] = true;
      if( tag == 5 ) {
         mx.emplace_back( value );
      }
      else if( tag != 11 ) {
         values[ tag ] = value;
      }
   } );
   line.clear();
   const auto lang = lang_of( static_cast< int >( mtasts::parse_whole_number( values[ 13 ] ).value_or( 0 ) ) );
   if( has[ 11 ] ) {
      line = mtasts::batch::usage( lang );
      return answer( line );
   }
   const auto line_no = static_cast< std::size_t >( mtasts::parse_whole_number( values[ 8 ] ).value_or( 0 ) );
   if( has[ 10 ] ) {
      mtasts::batch::write_error( line, line_no, nullptr, mtasts::batch::line_too_long( lang ) );
   }
   else if( has[ 9 ] ) {
      mtasts::batch::write_error( line, line_no, has[ 1 ] ? &values[ 1 ] : nullptr, values[ 9 ] );
   }
   else {
      mtasts::batch::Entry e;
      e.domain = values[ 1 ];
      for( int t = 0; t < mtasts::batch::text_count; ++t ) {
         if( has[ text_tags[ t ] ] ) {
            e.text[ t ] = values[ text_tags[ t ] ];
         }
      }
      e.mx_hosts = has[ 5 ] || has[ 6 ] ? &mx : nullptr;
      const bool valid = mtasts::batch::lint_entry( e, has[ 7 ], results, lang );
      mtasts::batch::write_answer( line, line_no, e, valid, results );
   }
   return answer( line );
}

#ifdef MTASTS_WASM_FIX
// Only in mta-sts-lint-cli.wasm, the module of the Node bin's --fix (wasm/CMakeLists.txt): 8 KiB gzip that the page,
// which loads mta-sts-lint-full.wasm, does not need.
// One file of `mta-sts-lint --fix` / `--fix-dry-run` for the Node bin (core/fix/), which does the file I/O. Items as
// for mtasts_batch: tags 1 the name reported ("<stdin>" for standard input), 2 the file's bytes, 3 the kind name,
// 4 verbose (no value), 5 the domain, 6 an MX host (repeats), 7 MX hosts given (no value: an empty list), 8 dry run
// (no value: also write the diff), 9 the language index (decimal). Returns [changed (0/1), fixed text pointer, bytes, summary pointer, bytes, diff
// pointer, bytes] (the summary as the native CLI prints it on standard error; valid until the next call).
EMSCRIPTEN_KEEPALIVE MTASTS_SMALL const std::int32_t* mtasts_fix( const unsigned char* data, std::size_t size )
{
   static mtasts::FixAllResult r;
   static std::string summary;
   static std::string diff;
   static std::int32_t words[ 7 ];
   std::string_view name, text;
   mtasts::LintOptions options;
   bool dry_run = false;
   for_each_item( data, size, [ & ]( unsigned tag, std::string_view value ) {
      switch( tag ) {
         case 1: name = value; break;
         case 2: text = value; break;
         case 3: options.kind = mtasts::parse_kind( value ).value_or( mtasts::Kind::auto_ ); break;
         case 4: options.verbose = true; break;
         case 5: options.domain = std::string( value ); break;
         case 6:
            if( !options.mx_hosts ) {
               options.mx_hosts.emplace();
            }
            options.mx_hosts->emplace_back( value );
            break;
         case 7:
            if( !options.mx_hosts ) {
               options.mx_hosts.emplace();
            }
            break;
         case 8: dry_run = true; break;
         case 9: options.lang = lang_of( static_cast< int >( mtasts::parse_whole_number( value ).value_or( 0 ) ) ); break;
         default: break;
      }
   } );
   r = mtasts::fix_all( text, options );
   summary = mtasts::fix_summary( name, r, dry_run, options.lang );
   diff = dry_run && r.changed() ? mtasts::fix_diff( name, text, r.text ) : std::string();
   const auto at = []( const std::string& s ) { return static_cast< std::int32_t >( reinterpret_cast< std::uintptr_t >( s.data() ) ); };
   words[ 0 ] = r.changed() ? 1 : 0;
   words[ 1 ] = at( r.text );
   words[ 2 ] = static_cast< std::int32_t >( r.text.size() );
   words[ 3 ] = at( summary );
   words[ 4 ] = static_cast< std::int32_t >( summary.size() );
   words[ 5 ] = at( diff );
   words[ 6 ] = static_cast< std::int32_t >( diff.size() );
   return words;
}
#endif  // MTASTS_WASM_FIX

}  // extern "C"
#endif  // MTASTS_WASM_FULL
