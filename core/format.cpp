#include "format.hpp"

#include <algorithm>

#include "json_writer.hpp"
#include "source_map.hpp"
#include "utf8.hpp"

namespace mtasts {

namespace {

   // gcc's words for the levels in text; SARIF uses the same ("note" for info)
   const char* note_level( Severity s ) noexcept
   {
      switch( s ) {
         case Severity::error:
            return "error";
         case Severity::warning:
            return "warning";
         case Severity::info:
            return "note";
      }
      return "error";
   }

   std::string plural( std::size_t n, Text one, Text many, Lang lang )
   {
      return render_text( n == 1 ? one : many, { { "n", std::to_string( n ) } }, lang );
   }

   // The level word of the text output, in the user's language (SARIF's levels are keywords: note_level()).
   const char* level_word( Severity s, Lang lang ) noexcept
   {
      switch( s ) {
         case Severity::error:
            return text_template( Text::level_error, lang );
         case Severity::warning:
            return text_template( Text::level_warning, lang );
         case Severity::info:
            return text_template( Text::level_note, lang );
      }
      return text_template( Text::level_error, lang );
   }

   // Printable form of a line of the text output (a source line for the excerpt, a message, a certificate table's
   // line): control characters shown as spaces so the caret stays aligned, bytes that are not UTF-8 and C1 controls
   // (U+0080-U+009F: U+009B starts an escape sequence on some terminals) as U+FFFD, one column each.
   void excerpt_line( std::string& out, std::string_view line )
   {
      std::size_t i = 0;
      while( i < line.size() ) {
         const auto c = static_cast< unsigned char >( line[ i ] );
         if( c >= 0x80 ) {
            const auto seq = utf8::decode( line, i );
            if( seq.valid && seq.code_point >= 0xA0 ) {
               out.append( line.substr( i, seq.length ) );
            }
            else {
               out += "\xEF\xBF\xBD";
            }
            i += seq.length;
            continue;
         }
         out += ( c == '\t' ) ? '\t' : ( c < 0x20 || c == 0x7F ) ? ' ' : static_cast< char >( c );
         ++i;
      }
   }

   // Width in columns of line[0, n): one per code point, tabs kept as tabs by the caller.
   void pad_to( std::string& out, std::string_view line, std::size_t n )
   {
      std::size_t i = 0;
      while( i < n && i < line.size() ) {
         const auto seq = utf8::decode( line, i );
         out += ( line[ i ] == '\t' ) ? '\t' : ' ';
         i += seq.length;
      }
   }

   std::size_t count_cols( std::string_view s )
   {
      std::size_t cols = 0, i = 0;
      while( i < s.size() ) {
         i += utf8::decode( s, i ).length;
         ++cols;
      }
      return cols;
   }

   constexpr std::size_t max_excerpt = 200;  // bytes of a long line shown around the caret

   struct Colors
   {
      const char* bold = "";
      const char* reset = "";
      const char* error = "";
      const char* warning = "";
      const char* note = "";
      const char* caret = "";
      const char* for_level( Severity s ) const noexcept { return s == Severity::error ? error : s == Severity::warning ? warning : note; }
   };

}  // namespace

std::optional< Format > parse_format( std::string_view name ) noexcept
{
   if( name == "text" ) {
      return Format::text;
   }
   if( name == "json" ) {
      return Format::json;
   }
   if( name == "sarif" ) {
      return Format::sarif;
   }
   return std::nullopt;
}

namespace detail {
CertTableHeading cert_table_heading = nullptr;
}  // namespace detail

std::string format_text( const std::vector< FileReport >& files, const FormatOptions& options )
{
   Colors col;
   if( options.color ) {
      col = Colors{ "\x1b[1m", "\x1b[0m", "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m", "\x1b[1;32m" };
   }
   std::string out;
   std::size_t errors = 0, warnings = 0, infos = 0;
   for( const auto& f : files ) {
      if( !f.result ) {
         continue;
      }
      errors += f.result->error_count();
      warnings += f.result->warning_count();
      infos += f.result->info_count();
      const SourceMap map( f.source );
      for( const auto& d : f.result->diagnostics ) {
         const auto lc = map.locate( d.offset );
         out += col.bold;
         out += f.name + ":" + std::to_string( lc.line ) + ":" + std::to_string( lc.column ) + ": ";
         out += col.reset;
         out += col.for_level( d.severity );
         out += level_word( d.severity, options.lang );
         out += ":";
         out += col.reset;
         out += " ";
         std::string msg;
         excerpt_line( msg, d.message );
         out += msg;
         out += " [";
         out += rule( d.code ).id;
         out += "]\n";
         // the source line, cut around the caret when very long
         std::string_view line = map.line_text( lc.line );
         std::size_t col0 = lc.column - 1;
         std::size_t span = std::min( d.length, line.size() > col0 ? line.size() - col0 : 0 );
         std::string prefix;
         if( line.size() > max_excerpt ) {
            std::size_t from = col0 > max_excerpt / 2 ? col0 - max_excerpt / 2 : 0;
            while( from > 0 && from < line.size() && ( static_cast< unsigned char >( line[ from ] ) & 0xC0 ) == 0x80 ) {
               --from;
            }
            std::size_t to = std::min( line.size(), from + max_excerpt );
            while( to < line.size() && ( static_cast< unsigned char >( line[ to ] ) & 0xC0 ) == 0x80 ) {
               ++to;
            }
            line = line.substr( from, to - from );
            col0 -= from;
            span = std::min( span, line.size() > col0 ? line.size() - col0 : 0 );
            prefix = from > 0 ? "..." : "";
         }
         const std::string gutter = std::to_string( lc.line );
         out += std::string( 4 > gutter.size() ? 4 - gutter.size() : 0, ' ' ) + gutter + " | " + prefix;
         excerpt_line( out, line );
         out += "\n";
         out += std::string( std::max< std::size_t >( 4, gutter.size() ), ' ' ) + " | " + std::string( prefix.size(), ' ' );
         pad_to( out, line, col0 );
         out += col.caret;
         out += '^';
         const std::size_t cols = span > 0 ? count_cols( line.substr( col0, span ) ) : 0;
         if( cols > 1 ) {
            out.append( cols - 1, '~' );
         }
         out += col.reset;
         out += "\n";
         if( d.fix ) {
            out += std::string( std::max< std::size_t >( 4, gutter.size() ), ' ' ) + " = " + text_template( Text::fix_label, options.lang ) + ": ";
            std::string title;
            excerpt_line( title, d.fix->title );
            out += title + "\n";
         }
      }
   }
   const Lang lang = options.lang;
   std::string summary = plural( files.size(), Text::files_one, Text::files_many, lang ) + ": " + plural( errors, Text::errors_one, Text::errors_many, lang ) +
                         ", " + plural( warnings, Text::warnings_one, Text::warnings_many, lang );
   if( infos > 0 ) {
      summary += ", " + plural( infos, Text::notes_one, Text::notes_many, lang );
   }
   out += col.bold + summary + col.reset + "\n";
   // under the summary, the certificate table of each file linted as certificates: its heading, then its lines (the
   // first line of LintResult::certificates_table is the time the heading names), each printable as every line here
   for( const auto& f : files ) {
      if( !detail::cert_table_heading || !f.result || f.result->kind != Kind::cert || f.result->certificates_table.empty() ) {
         continue;
      }
      const std::string_view table = f.result->certificates_table;
      std::size_t eol = std::min( table.find( '\n' ), table.size() );
      excerpt_line( out, detail::cert_table_heading( f.name, table.substr( 0, eol ), lang ) );
      out += '\n';
      while( eol < table.size() ) {
         const std::size_t b = eol + 1;
         eol = std::min( table.find( '\n', b ), table.size() );
         if( b < eol ) {
            excerpt_line( out, table.substr( b, eol - b ) );
            out += '\n';
         }
      }
   }
   return out;
}

std::string format_json( const std::vector< FileReport >& files, const FormatOptions& options )
{
   std::string out;
   JsonWriter w( out );
   w.begin_object().key( "tool" ).value( "mta-sts-lint" ).key( "version" ).value( options.version ).key( "files" ).begin_array();
   for( const auto& f : files ) {
      if( !f.result ) {
         continue;
      }
      const auto& r = *f.result;
      const SourceMap map( f.source );
      w.begin_object().key( "file" ).value( f.name ).key( "kind" ).value( kind_name( r.kind ) ).key( "valid" ).value( r.valid() );
      w.key( "errorCount" ).value( r.error_count() ).key( "warningCount" ).value( r.warning_count() ).key( "infoCount" ).value( r.info_count() );
      w.key( "diagnostics" ).begin_array();
      for( const auto& d : r.diagnostics ) {
         const auto b = map.locate( d.offset );
         const auto e = map.locate( d.offset + d.length );
         w.begin_object().key( "code" ).value( rule( d.code ).id ).key( "severity" ).value( severity_name( d.severity ) ).key( "message" ).value( d.message );
         w.key( "line" ).value( b.line ).key( "column" ).value( b.column ).key( "endLine" ).value( e.line ).key( "endColumn" ).value( e.column );
         w.key( "offset" ).value( d.offset ).key( "length" ).value( d.length );
         if( d.fix ) {
            w.key( "fix" ).begin_object().key( "title" ).value( d.fix->title ).key( "edits" ).begin_array();
            for( const auto& ed : d.fix->edits ) {
               w.begin_object().key( "offset" ).value( ed.offset ).key( "length" ).value( ed.length ).key( "insert" ).value( ed.insert ).end_object();
            }
            w.end_array().end_object();
         }
         w.end_object();
      }
      w.end_array();
      if( !r.artefacts.empty() ) {  // Kind::bundle: the parts found in the paste
         w.key( "artefacts" ).begin_array();
         for( const auto& a : r.artefacts ) {
            const auto b = map.locate( a.offset );
            const auto e = map.locate( a.offset + a.length );
            w.begin_object().key( "kind" ).value( a.kind ).key( "label" ).value( a.label );
            w.key( "line" ).value( b.line ).key( "column" ).value( b.column ).key( "endLine" ).value( e.line ).key( "endColumn" ).value( e.column );
            w.key( "offset" ).value( a.offset ).key( "length" ).value( a.length ).end_object();
         }
         w.end_array();
      }
      if( r.policy ) {
         const auto& p = *r.policy;
         w.key( "policy" ).begin_object();
         w.key( "version" );
         p.version ? w.value( *p.version ) : w.null();
         w.key( "mode" );
         p.mode ? w.value( *p.mode ) : w.null();
         w.key( "maxAge" );
         p.max_age ? w.value_u64( *p.max_age ) : w.null();
         w.key( "mx" ).begin_array();
         for( const auto& m : p.mx ) {
            w.value( m );
         }
         w.end_array().key( "extensions" ).begin_object();
         for( const auto& [ k, v ] : p.extensions ) {
            w.key( k ).value( v );
         }
         w.end_object().end_object();
      }
      if( r.record ) {
         const auto& rec = *r.record;
         w.key( "record" ).begin_object().key( "value" ).value( rec.value ).key( "version" );
         rec.version ? w.value( *rec.version ) : w.null();
         if( r.kind == Kind::txt || r.kind == Kind::bundle ) {  // (a bundle's record is its _mta-sts record)
            w.key( "id" );
            rec.id ? w.value( *rec.id ) : w.null();
         }
         else {
            w.key( "rua" ).begin_array();
            for( const auto& u : rec.rua ) {
               w.value( u );
            }
            w.end_array();
            if( r.kind == Kind::dmarc ) {
               w.key( "p" );
               rec.p ? w.value( *rec.p ) : w.null();
            }
         }
         w.key( "fields" ).begin_array();
         for( const auto& [ k, v ] : rec.fields ) {
            w.begin_object().key( "name" ).value( k ).key( "value" ).value( v ).end_object();
         }
         w.end_array().end_object();
      }
      if( !r.certificates_json.empty() ) {
         w.key( "certificates" ).raw( r.certificates_json );
      }
      w.end_object();
   }
   w.end_array().end_object();
   out += '\n';
   return out;
}

std::string format_sarif( const std::vector< FileReport >& files, const FormatOptions& options )
{
   std::string out;
   JsonWriter w( out, true );
   w.begin_object();
   w.key( "$schema" ).value( "https://json.schemastore.org/sarif-2.1.0.json" ).key( "version" ).value( "2.1.0" );
   w.key( "runs" ).begin_array().begin_object();
   w.key( "tool" ).begin_object().key( "driver" ).begin_object();
   w.key( "name" ).value( "mta-sts-lint" ).key( "version" ).value( options.version ).key( "informationUri" ).value( "https://www.rfc-editor.org/rfc/rfc8461" );
   w.key( "rules" ).begin_array();
   for( auto* r = rules_begin(); r != rules_end(); ++r ) {
      w.begin_object().key( "id" ).value( r->id ).key( "shortDescription" ).begin_object().key( "text" ).value( rule_title( r->code, options.lang ) ).end_object();
      w.key( "fullDescription" ).begin_object().key( "text" ).value( rule_message( r->code, options.lang ) ).end_object();
      w.key( "defaultConfiguration" ).begin_object().key( "level" ).value( note_level( r->severity ) ).end_object();
      w.key( "properties" ).begin_object().key( "reference" ).value( r->reference ).end_object();
      w.end_object();
   }
   w.end_array().end_object().end_object();
   w.key( "columnKind" ).value( "utf16CodeUnits" );
   // Kind::bundle: the parts found in each paste, in the run's property bag (SARIF 2.1.0 §3.8)
   bool any_artefact = false;
   for( const auto& f : files ) {
      any_artefact = any_artefact || ( f.result && !f.result->artefacts.empty() );
   }
   if( any_artefact ) {
      w.key( "properties" ).begin_object().key( "artefacts" ).begin_array();
      for( const auto& f : files ) {
         if( !f.result || f.result->artefacts.empty() ) {
            continue;
         }
         const SourceMap map( f.source );
         std::vector< std::size_t > offs;
         for( const auto& a : f.result->artefacts ) {
            offs.push_back( a.offset );
            offs.push_back( map.line_start( map.locate( a.offset ).line ) );
            offs.push_back( a.offset + a.length );
            offs.push_back( map.line_start( map.locate( a.offset + a.length ).line ) );
         }
         const auto u = utf16_offsets( f.source, offs );
         std::size_t k = 0;
         for( const auto& a : f.result->artefacts ) {
            w.begin_object().key( "uri" ).value( f.name ).key( "kind" ).value( a.kind ).key( "label" ).value( a.label );
            w.key( "region" ).begin_object().key( "startLine" ).value( map.locate( a.offset ).line ).key( "startColumn" ).value( u[ k ] - u[ k + 1 ] + 1 );
            w.key( "endLine" ).value( map.locate( a.offset + a.length ).line ).key( "endColumn" ).value( u[ k + 2 ] - u[ k + 3 ] + 1 ).end_object();
            w.end_object();
            k += 4;
         }
      }
      w.end_array().end_object();
   }
   w.key( "results" ).begin_array();
   for( const auto& f : files ) {
      if( !f.result ) {
         continue;
      }
      const SourceMap map( f.source );
      // UTF-16 columns: convert every needed offset (positions and their line starts) in one pass.
      std::vector< std::size_t > offs;
      for( const auto& d : f.result->diagnostics ) {
         const auto b = map.locate( d.offset );
         const auto e = map.locate( d.offset + d.length );
         offs.push_back( d.offset );
         offs.push_back( map.line_start( b.line ) );
         offs.push_back( d.offset + d.length );
         offs.push_back( map.line_start( e.line ) );
      }
      const auto u = utf16_offsets( f.source, offs );
      std::size_t k = 0;
      for( const auto& d : f.result->diagnostics ) {
         const auto b = map.locate( d.offset );
         const auto e = map.locate( d.offset + d.length );
         const std::size_t sc = u[ k ] - u[ k + 1 ] + 1, ec = u[ k + 2 ] - u[ k + 3 ] + 1;
         k += 4;
         w.begin_object().key( "ruleId" ).value( rule( d.code ).id ).key( "ruleIndex" ).value( static_cast< std::size_t >( d.code ) );
         w.key( "level" ).value( note_level( d.severity ) ).key( "message" ).begin_object().key( "text" ).value( d.message ).end_object();
         w.key( "locations" ).begin_array().begin_object().key( "physicalLocation" ).begin_object();
         w.key( "artifactLocation" ).begin_object().key( "uri" ).value( f.name ).end_object();
         w.key( "region" ).begin_object().key( "startLine" ).value( b.line ).key( "startColumn" ).value( sc ).key( "endLine" ).value( e.line ).key( "endColumn" ).value( ec ).end_object();
         w.end_object().end_object().end_array();
         w.end_object();
      }
   }
   w.end_array().end_object().end_array().end_object();
   out += '\n';
   return out;
}

std::string format( Format f, const std::vector< FileReport >& files, const FormatOptions& options )
{
   switch( f ) {
      case Format::text:
         return format_text( files, options );
      case Format::json:
         return format_json( files, options );
      case Format::sarif:
         return format_sarif( files, options );
   }
   return {};
}

}  // namespace mtasts
