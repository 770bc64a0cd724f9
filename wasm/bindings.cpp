// The WebAssembly face of the core, declared once with embind (EMSCRIPTEN_BINDINGS at the end of this file and, for
// other subjects of the "./full" module, in their own bindings_*.cpp). Every function returns plain JS values (numbers,
// strings, objects and arrays built with emscripten::val, typed_memory_view for bytes): no embind class handle is ever
// created, so nothing needs .delete(). Nothing here decides anything about policies: it only moves data across.
//
//   _mtasts_lint(), lintArgs()        the hot path (below; lint is a plain export, not an embind binding)
//   info(lang)                        the catalogue and the names the JS side needs, once
//   format(files, format, color)      the CLI's formatters
//   ./full only (MTASTS_WASM_FULL): generate(options), generateDmarc(options), presets(lang), batch(entry)
//   the bin's module only (MTASTS_WASM_FIX): fix(file)
//
// lint() keeps a compact encoding, because it is the call that must stay faster than mailauth's parser: building its
// result as JS objects through emscripten::val costs one JS round trip per field (docs/api.md has the figures).
// wasm/src/api.js writes the text into the heap with TextEncoder.encodeInto (native, where embind's std::string is a
// JS loop per character), lint() lints it and returns the address of a compact int32 record (layout below) plus one
// UTF-8 blob holding every string (messages, fix titles and inserts, fact values). api.js decodes the blob once and builds plain JS objects. Both buffers are static and reused, so
// repeated calls do not grow the heap.
//
// Record layout (int32 words):
//   [0] kind linted (Kind)       [1] errors      [2] warnings     [3] infos     [4] diagnostic count
//   [5] blob pointer             [6] blob bytes  [7] blob is ASCII (0/1)         [8] facts: 0 none, 1 policy, 2 record
//   [9] word count of the whole record
//   then per diagnostic:
//     code, severity, from, to, line, column, endLine, endColumn, message(off, len), editCount (-1: no fix),
//     [title(off, len), then per edit: from, to, insert(off, len)]
//   then the facts:
//     policy: version(str?), mode(str?), hasMaxAge, maxAgeLow, maxAgeHigh, mxCount, mx(str)*, extCount, (name, value)*
//     record: value(str), fieldCount, (name, value)*, version(str?), id(str?), ruaCount, rua(str)*, p(str?)
//   then for kind bundle: the parts found: count, then (kind(str), from, to, line, endLine, label(str))*
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

#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/val.h>

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

// Everything but lint() runs once per user action: built for size (lint() is -O3, as the core's hot path).
#define MTASTS_SMALL __attribute__( ( minsize ) )

namespace {

using emscripten::typed_memory_view;
using emscripten::val;
using mtasts::Diagnostic;
using mtasts::GenerateMessage;
using mtasts::GenerateOptions;
using mtasts::GenerateResult;
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

// The strings of this call already in the blob, one per length (tagged with the call's number, 64 bits so it never
// comes round again, and so nothing is cleared between calls): the diagnostics of a long text repeat the same messages, fix titles and inserts thousands of times
// (the page's 64 KiB text of 12,108 diagnostics: 6,054 times one message, 12,108 titles of two kinds), and each is now
// written, scanned and decoded by api.js once. (By length rather than a hash of the bytes: as good on such texts, and
// less code in the default module.)
struct Seen
{
   std::uint64_t call = 0;
   std::size_t offset = 0;
};
Seen seen[ 128 ];
std::uint64_t call_number = 0;

void put_str( std::string_view s )
{
   Seen& e = seen[ s.size() & 127 ];
   if( e.call == call_number && blob.compare( e.offset, s.size(), s ) == 0 ) {
      put( e.offset );
      put( s.size() );
      return;
   }
   e = { call_number, blob.size() };
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

// A language index from JS (its position in info()'s list of tags); English for anything else.
mtasts::Lang lang_of( int index )
{
   const auto l = static_cast< mtasts::Lang >( index );
   return index >= 0 && static_cast< std::size_t >( index ) < mtasts::lang_count && mtasts::lang_available( l ) ? l : mtasts::Lang::en;
}

// Sets `options` from lint()'s arguments: kind, flags (1 verbose, 4 MX hosts given, language from bit 3) and the
// evidence "domain\0host\0host\0". lint() reuses one LintOptions call after call (building and destroying one, with
// its strings and optional vectors, was ~1 % of a typical call, node --cpu-prof).
void set_lint_options( mtasts::LintOptions& options, int kind, int flags, std::string_view evidence )
{
   options.kind = static_cast< mtasts::Kind >( kind );
   options.verbose = ( flags & 1 ) != 0;
   options.lang = lang_of( flags >> 3 );
   options.domain.clear();
   options.mx_hosts.reset();
   if( !evidence.empty() || ( flags & 4 ) != 0 ) {
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
   }
   if( mtasts::detail::cert_linter ) {
      // The certificate checks' validation time (the core has no clock): now, as certificates() defaults to.
      options.now = static_cast< std::int64_t >( emscripten_date_now() / 1000 );
   }
}

void put_pairs( const std::vector< std::pair< std::string, std::string > >& pairs )
{
   put( pairs.size() );
   for( const auto& [ name, value ] : pairs ) {
      put_str( name );
      put_str( value );
   }
}

// text: UTF-8 bytes (size bytes); kind: mtasts::Kind; flags: bit 0 verbose, bit 1 the text is ASCII, bit 2 MX hosts
// given, bits 3 and up the language index (0 English); evidence (evidence_size bytes): the domain, then each MX host, each followed by a NUL byte.
// The hot path, shaped by measurement (docs/api.md): embind's generic call (no eval under the page's CSP, so the
// invoker is a closure that loops over its arguments, applies the table function and converts the result) costs
// about 180 ns more than a plain export with no argument and about 340 ns with six, a fifth of a typical lint() in
// Node. So lint() is the one function of the module that is not an embind binding: a plain export
// (`_mtasts_lint`, EXPORTED_FUNCTIONS in wasm/CMakeLists.txt) that takes no argument. api.js writes its six int32
// arguments into the static block whose address lintArgs() (embind) gives once (text address, size, kind, flags,
// evidence address, evidence size). It returns the record's address (valid until the next call), a plain number that
// api.js reads through its HEAP32 view, rather than a typed_memory_view (a new Int32Array and an emval handle per call).
std::int32_t args_block[ 6 ];

std::uintptr_t lint_args()
{
   return reinterpret_cast< std::uintptr_t >( args_block );
}

std::uintptr_t lint()
{
   const auto at = []( std::int32_t a ) { return reinterpret_cast< const char* >( static_cast< std::uintptr_t >( a ) ); };
   const auto size = static_cast< std::size_t >( args_block[ 1 ] );
   const int kind = args_block[ 2 ];
   const int flags = args_block[ 3 ];
   const std::string_view input( at( args_block[ 0 ] ), size );
   // One Linter for the module (single-threaded): its working memory and the result are reused call after call
   // (docs/embedding.md); r is read before the next call.
   static mtasts::Linter linter;
   static mtasts::LintOptions options;
   set_lint_options( options, kind, flags, std::string_view( at( args_block[ 4 ] ), static_cast< std::size_t >( args_block[ 5 ] ) ) );
   const LintResult& r = linter.lint( input, options );

   out.clear();
   blob.clear();
   blob_ascii = true;
   ++call_number;
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
   return reinterpret_cast< std::uintptr_t >( out.data() );
}


// A JS string (made well-formed first: embind's std::string pairs lone surrogates blindly, design notes P8) or a
// Uint8Array (the bin's raw file bytes, which reach the core unchanged) as bytes.
std::string bytes( const val& v )
{
   if( v.isString() ) {
      return v.call< val >( "toWellFormed" ).as< std::string >();
   }
   std::string s( v[ "length" ].as< std::size_t >(), '\0' );
   val( typed_memory_view( s.size(), reinterpret_cast< unsigned char* >( s.data() ) ) ).call< void >( "set", v );
   return s;
}

// The catalogue and the names the JS side needs, read once at start-up (so nothing is copied by hand into JS):
// { rules: [{ index, severity, dualSeverity, code, title, message, reference }], kinds, severities, version, langs },
// the rules' title and message in language `lang`, kinds and severities by enum value; the index of a language in
// langs is what lint()'s flags, format()'s color and info()'s lang take.
val info( int lang )
{
#ifdef MTASTS_WASM_FULL
   mtasts::enable_all_languages();  // the default module leaves the translations out (docs/i18n.md)
   mtasts::evidence::enable_bundles();  // pasted tool output: ./full (the page) and the bin, not the lint-only module
#endif
   const mtasts::Lang l = lang_of( lang );
   val rules = val::array();
   int n = 0;
   for( const auto* r = mtasts::rules_begin(); r != mtasts::rules_end(); ++r ) {
      val rule = val::object();
      rule.set( "index", static_cast< int >( r->code ) );
      rule.set( "severity", static_cast< int >( r->severity ) );
      rule.set( "dualSeverity", r->dual_severity );
      rule.set( "code", std::string( r->id ) );
      rule.set( "title", std::string( mtasts::rule_title( r->code, l ) ) );
      rule.set( "message", std::string( mtasts::rule_message( r->code, l ) ) );
      rule.set( "reference", std::string( r->reference ) );
      rules.set( n++, rule );
   }
   val kinds = val::array();
   n = 0;
   for( const auto k : { mtasts::Kind::auto_, mtasts::Kind::policy, mtasts::Kind::txt, mtasts::Kind::tlsrpt, mtasts::Kind::dmarc, mtasts::Kind::bundle } ) {
      kinds.set( n++, std::string( mtasts::kind_name( k ) ) );
   }
   if( mtasts::detail::cert_linter ) {  // ./full (wasm/bindings_cert.cpp): the certificate reader
      kinds.set( n++, std::string( mtasts::kind_name( mtasts::Kind::cert ) ) );
   }
   val severities = val::array();
   n = 0;
   for( const auto v : { mtasts::Severity::error, mtasts::Severity::warning, mtasts::Severity::info } ) {
      severities.set( n++, std::string( mtasts::severity_name( v ) ) );
   }
   val langs = val::array();
   for( std::size_t k = 0; k < mtasts::lang_count && mtasts::lang_available( static_cast< mtasts::Lang >( k ) ); ++k ) {
      langs.set( k, std::string( mtasts::lang_tag( static_cast< mtasts::Lang >( k ) ) ) );
   }
   val o = val::object();
   o.set( "rules", rules );
   o.set( "kinds", kinds );
   o.set( "severities", severities );
   o.set( "version", std::string( MTASTS_VERSION ) );
   o.set( "langs", langs );
   return o;
}

// Formats files with the formatter the native CLI uses, so both print the same bytes. Each file is linted again:
// the JS results keep their input for this, and the bin passes a file's raw bytes (invalid UTF-8 reaches the core
// as it does natively). `files`: [{ name, text (string or Uint8Array), kind, flags, evidence, set }], kind, flags and
// evidence as lint() takes them; set (on the first file) makes them one evidence set. color: bit 0 ANSI colour, bits 1 and up the language index of the output's own
// words (the messages are each file's, from its flags). Returns { output (Uint8Array view, valid until the next
// call), errors, warnings }, or null for an unknown format name.
val format( const val& files, const std::string& format_name, int color )
{
   static std::string printed;
   const auto f = mtasts::parse_format( format_name );
   if( !f ) {
      return val::null();
   }
   const std::size_t count = files[ "length" ].as< std::size_t >();
   std::vector< std::string > names( count ), texts( count );
   std::vector< LintResult > results( count );
   std::vector< mtasts::FileReport > reports( count );
   std::size_t errors = 0;
   std::size_t warnings = 0;
   // set: the files are one evidence set (the bin's several files with --domain, as cli/main.cpp), linted together
   // with the first file's options.
#ifdef MTASTS_WASM_FULL
   const bool set = count > 1 && files[ 0 ][ "set" ].isTrue();
#else
   const bool set = false;  // lint_evidence() would link the paste reader into the lint-only module (+35 KiB gzip)
#endif
   // The options of a file: its kind, flags and evidence, and in ./full the certificate options that the bin gives on
   // the first file for all of them (cli/main.cpp's --now, --expiry-warning-days, --cert-host, --policy-mode).
   const auto options_of = [ & ]( const val& file ) {
      mtasts::LintOptions o;
      set_lint_options( o, file[ "kind" ].as< int >(), file[ "flags" ].as< int >(), bytes( file[ "evidence" ] ) );
#ifdef MTASTS_WASM_FULL
      const val cert = files[ 0 ][ "cert" ];
      if( !cert.isUndefined() ) {
         o.now = static_cast< std::int64_t >( cert[ "now" ].as< double >() );
         o.expiry_warning_days = cert[ "expiryWarningDays" ].as< unsigned >();
         o.cert_host = cert[ "certHost" ].as< std::string >();
         o.mode = cert[ "policyMode" ].as< std::string >();
      }
#endif
      return o;
   };
   std::vector< std::string_view > views;
   std::vector< std::size_t > at;  // the files of the set, by index
   for( std::size_t i = 0; i < count; ++i ) {
      const val file = files[ i ];
      names[ i ] = bytes( file[ "name" ] );
      texts[ i ] = bytes( file[ "text" ] );
      // In a set, certificate captures are linted on their own (below, with the policy's mode and mx patterns), as
      // cli/main.cpp does; the rest of the files form the evidence set.
      if( set && !( file[ "kind" ].as< int >() == static_cast< int >( mtasts::Kind::auto_ ) && mtasts::detect_kind( texts[ i ] ) == mtasts::Kind::cert ) ) {
         views.push_back( texts[ i ] );
         at.push_back( i );
      }
      else {
         results[ i ] = mtasts::lint( texts[ i ], options_of( file ) );
      }
   }
#ifdef MTASTS_WASM_FULL
   if( set ) {
      auto linted = mtasts::lint_evidence( views, options_of( files[ 0 ] ) );
      for( std::size_t k = 0; k < at.size() && k < linted.size(); ++k ) {
         results[ at[ k ] ] = std::move( linted[ k ] );
      }
   }
   // Certificates given with the policy in one run, as cli/main.cpp does it (the bin gives every file the same options)
   mtasts::lint_with_policy( results, std::vector< std::string_view >( texts.begin(), texts.end() ), options_of( files[ 0 ] ) );
#endif
   for( std::size_t i = 0; i < count; ++i ) {
      reports[ i ] = mtasts::FileReport{ names[ i ], texts[ i ], &results[ i ] };
      errors += results[ i ].error_count();
      warnings += results[ i ].warning_count();
   }
   mtasts::FormatOptions options;
   options.color = ( color & 1 ) != 0;
   options.lang = lang_of( color >> 1 );  // the words of the text output and SARIF's rule texts
   options.version = MTASTS_VERSION;
   printed = mtasts::format( *f, reports, options );
   val o = val::object();
   o.set( "output", typed_memory_view( printed.size(), reinterpret_cast< const unsigned char* >( printed.data() ) ) );
   o.set( "errors", static_cast< double >( errors ) );
   o.set( "warnings", static_cast< double >( warnings ) );
   return o;
}

#ifdef MTASTS_WASM_FULL
// Only in mta-sts-lint-full.wasm (the "./full" entry of the package): the default module leaves the generator out,
// 11 KiB gzip that a linter does not need (wasm/CMakeLists.txt).

// o[key] is there (neither undefined nor null).
MTASTS_SMALL bool has( const val& o, const char* key )
{
   const val v = o[ key ];
   return !v.isUndefined() && !v.isNull();
}

MTASTS_SMALL void take( const val& o, const char* key, std::string& to )
{
   if( has( o, key ) ) {
      to = bytes( o[ key ] );
   }
}

MTASTS_SMALL void take_list( const val& o, const char* key, std::vector< std::string >& to )
{
   if( has( o, key ) ) {
      const val list = o[ key ];
      if( list.isString() ) {
         to.push_back( bytes( list ) );
         return;
      }
      const std::size_t n = list[ "length" ].as< std::size_t >();
      for( std::size_t k = 0; k < n; ++k ) {
         to.push_back( bytes( list[ k ] ) );
      }
   }
}

MTASTS_SMALL int lang_index( const val& o )
{
   return has( o, "lang" ) ? o[ "lang" ].as< int >() : 0;
}

// A JSON text of the core as a JS value (JSON.parse).
MTASTS_SMALL val parsed( const std::string& json )
{
   return val::global( "JSON" ).call< val >( "parse", json );
}

// { result, output }: the JSON object the native `generate --format json` prints (plus "ok" and "errors"), parsed,
// and the bytes `generate --format F` writes on standard output, as a string ('' unless asked for).
MTASTS_SMALL val generated( const std::string& json, const std::string& output )
{
   val o = val::object();
   o.set( "result", parsed( json ) );
   o.set( "output", output );
   return o;
}

// The generator (core/generator.hpp). `options` has been checked by wasm/src/generator.js: { lang (index), domain,
// mode, preset, id, mx, fromMx, rua (arrays of strings), maxAge (decimal text, as typed: checked as the CLI checks
// --max-age, STS229 for text that is not a whole number), now (a safe integer), format (text, json, zone or policy:
// also render what the native `generate --format F` prints; the Node bin's `generate`) }.
MTASTS_SMALL val generate( const val& options )
{
   GenerateOptions o;
   o.lang = lang_of( lang_index( options ) );
   std::optional< GenerateMessage > refused;  // a --max-age that is not a whole number: refused before generating
   take( options, "domain", o.domain );
   take( options, "mode", o.mode );
   take( options, "preset", o.preset );
   take( options, "id", o.id );
   take_list( options, "mx", o.mx );
   take_list( options, "fromMx", o.from_mx );
   take_list( options, "rua", o.rua );
   if( has( options, "maxAge" ) ) {
      std::int64_t n = 0;
      if( auto r = mtasts::parse_max_age( bytes( options[ "maxAge" ] ), n, o.lang ) ) {
         refused = std::move( r );
      }
      else {
         o.max_age = n;
      }
   }
   if( has( options, "now" ) ) {
      o.now = static_cast< std::int64_t >( options[ "now" ].as< double >() );
   }
   std::string format;
   take( options, "format", format );
   GenerateResult r;
   if( refused ) {
      r.errors.push_back( std::move( *refused ) );
   }
   else {
      r = mtasts::generate( o );
   }
   std::string output;
   if( r.ok() ) {
      // The bytes of the native `mta-sts-lint generate --format F` (cli/generate.cpp) on standard output.
      output = format == "json" ? mtasts::generate_json( r, true ) + "\n" : format == "text" ? mtasts::generate_text( r, o.lang ) : format == "zone" ? r.zone : format == "policy" ? r.policy : "";
   }
   return generated( mtasts::generate_json( r ), output );
}

// The DMARC generator (core/dmarc/dmarc_generator.hpp), as `mta-sts-lint generate dmarc --format json` prints it.
// options: { domain, policy, subdomainPolicy, adkim, aspf, rua, ruf (arrays of strings), pct (decimal text; anything
// else is refused with DMC608, as the CLI refuses --pct), format (text, json or zone), lang (index) }. Returns
// { result, output }.
MTASTS_SMALL val generate_dmarc( const val& options )
{
   mtasts::DmarcOptions o;
   o.lang = lang_of( lang_index( options ) );
   take( options, "domain", o.domain );
   take( options, "policy", o.policy );
   take( options, "subdomainPolicy", o.subdomain_policy );
   take( options, "adkim", o.adkim );
   take( options, "aspf", o.aspf );
   take_list( options, "rua", o.rua );
   take_list( options, "ruf", o.ruf );
   std::string pct;
   take( options, "pct", pct );
   std::string format;
   take( options, "format", format );
   mtasts::DmarcResult r;
   if( has( options, "pct" ) && !mtasts::parse_whole_number( pct ) ) {
      r.errors.push_back( GenerateMessage{ "DMC608", "pct", mtasts::render_message( mtasts::Code::DMC608, { { "v", pct.empty() ? " " : pct } }, mtasts::Hint::none, o.lang ) } );
   }
   else {
      if( has( options, "pct" ) ) {
         o.pct = *mtasts::parse_whole_number( pct );
      }
      r = mtasts::generate_dmarc( o );
   }
   std::string output;
   if( r.ok() ) {
      output = format == "json" ? mtasts::dmarc_json( r, true ) + "\n" : format == "zone" ? r.zone : format == "text" ? mtasts::dmarc_text( r, o.lang ) : "";
   }
   return generated( mtasts::dmarc_json( r ), output );
}

// The presets: [{ name, description, mx }], the descriptions in language `lang` (an index, as lang_index() gives).
MTASTS_SMALL val presets( int lang )
{
   const auto l = lang_of( lang );
   val list = val::array();
   int n = 0;
   for( const auto& p : mtasts::presets() ) {
      val mx = val::array();
      int k = 0;
      for( const char* m : p.mx ) {
         mx.set( k++, std::string( m ) );
      }
      val o = val::object();
      o.set( "name", std::string( p.name ) );
      o.set( "description", std::string( mtasts::preset_description( p, l ) ) );
      o.set( "mx", mx );
      list.set( n++, o );
   }
   return list;
}

// One answer line of `mta-sts-lint --batch` (core/batch.hpp), for the Node bin, which reads and parses the JSON
// Lines itself. entry: { line (the input line number), lang (index), domain, policy, txt, tlsrpt, dmarc, http, dns (strings),
// mx (array of strings), verbose, error (a message: the answer is then the error line, with the domain when given),
// tooLong (the error line of an over-long line), usage (the usage text instead of an answer) }. Returns the line's
// UTF-8 bytes (with its "\n") as a Uint8Array view, valid until the next call.
MTASTS_SMALL val batch( const val& entry )
{
   static std::string line;
   static mtasts::LintResult results[ mtasts::batch::text_count ];
   line.clear();
   const auto lang = lang_of( lang_index( entry ) );
   const auto line_no = has( entry, "line" ) ? static_cast< std::size_t >( entry[ "line" ].as< double >() ) : 0;
   std::string domain;
   take( entry, "domain", domain );
   const std::string_view domain_view( domain );
   if( has( entry, "usage" ) ) {
      line = mtasts::batch::usage( lang );
   }
   else if( has( entry, "tooLong" ) ) {
      mtasts::batch::write_error( line, line_no, nullptr, mtasts::batch::line_too_long( lang ) );
   }
   else if( has( entry, "error" ) ) {
      mtasts::batch::write_error( line, line_no, has( entry, "domain" ) ? &domain_view : nullptr, bytes( entry[ "error" ] ) );
   }
   else {
      std::string texts[ mtasts::batch::text_count ];
      std::vector< std::string > mx;
      mtasts::batch::Entry e;
      e.domain = domain_view;
      for( int t = 0; t < mtasts::batch::text_count; ++t ) {
         if( has( entry, mtasts::batch::text_names[ t ] ) ) {
            texts[ t ] = bytes( entry[ mtasts::batch::text_names[ t ] ] );
            e.text[ t ] = texts[ t ];
         }
      }
      const bool mx_given = has( entry, "mx" );
      take_list( entry, "mx", mx );
      e.mx_hosts = mx_given ? &mx : nullptr;
      static mtasts::Linter linter;  // with results[]: memory reused line after line
      const bool valid = mtasts::batch::lint_entry( e, has( entry, "verbose" ), results, lang, &linter );
      mtasts::batch::write_answer( line, line_no, e, valid, results );
   }
   return val( typed_memory_view( line.size(), reinterpret_cast< const unsigned char* >( line.data() ) ) );
}

#ifdef MTASTS_WASM_FIX
// Only in mta-sts-lint-cli.wasm, the module of the Node bin's --fix (wasm/CMakeLists.txt): 8 KiB gzip that the page,
// which loads mta-sts-lint-full.wasm, does not need.
// One file of `mta-sts-lint --fix` / `--fix-dry-run` for the Node bin (core/fix/), which does the file I/O.
// file: { name (reported; "<stdin>" for standard input), text (the file's bytes), kind (name), verbose, domain,
// mxHosts (array of strings), dryRun (also write the diff), lang (index) }. Returns { changed, text (bytes),
// summary (what the native CLI prints on standard error), diff (bytes) }, the bytes as fresh Uint8Arrays.
// A fresh Uint8Array holding a copy of `s` (JS keeps it after the next call).
MTASTS_SMALL val copy_of( std::string_view s )
{
   return val( typed_memory_view( s.size(), reinterpret_cast< const unsigned char* >( s.data() ) ) ).call< val >( "slice" );
}

MTASTS_SMALL val fix( const val& file )
{
   mtasts::LintOptions options;
   const std::string name = bytes( file[ "name" ] );
   const std::string text = bytes( file[ "text" ] );
   std::string kind;
   take( file, "kind", kind );
   options.kind = mtasts::parse_kind( kind ).value_or( mtasts::Kind::auto_ );
   options.verbose = has( file, "verbose" ) && file[ "verbose" ].as< bool >();
   std::string domain;
   take( file, "domain", domain );
   if( !domain.empty() ) {
      options.domain = domain;
   }
   if( has( file, "mxHosts" ) ) {
      options.mx_hosts.emplace();
      take_list( file, "mxHosts", *options.mx_hosts );
   }
   const bool dry_run = has( file, "dryRun" ) && file[ "dryRun" ].as< bool >();
   options.lang = lang_of( lang_index( file ) );
   const mtasts::FixAllResult r = mtasts::fix_all( text, options );
   val o = val::object();
   o.set( "changed", r.changed() );
   o.set( "text", copy_of( r.text ) );
   o.set( "summary", mtasts::fix_summary( name, r, dry_run, options.lang ) );
   o.set( "diff", copy_of( dry_run && r.changed() ? mtasts::fix_diff( name, text, r.text ) : std::string() ) );
   return o;
}
#endif  // MTASTS_WASM_FIX
#endif  // MTASTS_WASM_FULL

}  // namespace

// The whole API of the module. Raw heap addresses (lint's text and evidence) travel as plain integers.
// The hot lint() as a plain export (see lint() above): Module._mtasts_lint() in wasm/src/api.js.
extern "C" EMSCRIPTEN_KEEPALIVE std::uintptr_t mtasts_lint()
{
   return lint();
}

EMSCRIPTEN_BINDINGS( mtasts )
{
   // lint(): the plain export mtasts_lint() below
   emscripten::function( "lintArgs", &lint_args );
   emscripten::function( "info", &info );
   emscripten::function( "format", &format );
#ifdef MTASTS_WASM_FULL
   emscripten::function( "generate", &generate );
   emscripten::function( "generateDmarc", &generate_dmarc );
   emscripten::function( "presets", &presets );
   emscripten::function( "batch", &batch );
#ifdef MTASTS_WASM_FIX
   emscripten::function( "fix", &fix );
#endif
#endif
}
