// libFuzzer target: mtasts::format_json. The output is valid JSON (strict RFC 8259 parser with UTF-8 checks, see
// json_check.hpp), has one entry per file and per diagnostic with the code, offset, length, line/column and end
// line/column that the result and an independent line count give, and the same counts; formatting is deterministic.
#include "format_target.hpp"
#include "json_check.hpp"

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   fuzzinv::Reports rep;
   fuzzinv::make_reports( rep, data, size, true );
   mtasts::FormatOptions options;
   options.version = "0.0.0-fuzz";
   const std::string out = mtasts::format_json( rep.files, options );
   FUZZ_CHECK( out == mtasts::format_json( rep.files, options ), "format_json is not deterministic" );
   FUZZ_CHECK( out == mtasts::format( mtasts::Format::json, rep.files, options ), "format(json) differs from format_json" );
   fuzzjson::Value doc;
   fuzzjson::Parser parser( out );
   FUZZ_CHECK( parser.parse( doc ), "format_json output is not valid JSON: " + parser.error() + " near: " + out.substr( parser.position() > 40 ? parser.position() - 40 : 0, 80 ) );
   const auto* files = doc.get( "files" );
   FUZZ_CHECK( files && files->type == fuzzjson::Value::Type::array && files->arr.size() == rep.files.size(), "files array" );
   const fuzzinv::Lines lines( rep.text );
   for( std::size_t f = 0; f < rep.files.size(); ++f ) {
      const auto& r = *rep.files[ f ].result;
      const auto& jf = files->arr[ f ];
      const auto* diags = jf.get( "diagnostics" );
      FUZZ_CHECK( diags && diags->type == fuzzjson::Value::Type::array && diags->arr.size() == r.diagnostics.size(), "diagnostics array size" );
      const auto* valid = jf.get( "valid" );
      FUZZ_CHECK( valid && valid->type == fuzzjson::Value::Type::boolean && valid->b == r.valid(), "valid" );
      const auto* ec = jf.get( "errorCount" );
      FUZZ_CHECK( ec && ec->integer && ec->u == r.error_count(), "errorCount" );
      const auto* kind = jf.get( "kind" );
      FUZZ_CHECK( kind && kind->str == mtasts::kind_name( r.kind ), "kind" );
      if( fuzzinv::valid_utf8( rep.files[ f ].name ) ) {
         FUZZ_CHECK( jf.get( "file" ) && jf.get( "file" )->str == rep.files[ f ].name, "file name round trip" );
      }
      for( std::size_t i = 0; i < r.diagnostics.size(); ++i ) {
         const auto& d = r.diagnostics[ i ];
         const auto& jd = diags->arr[ i ];
         const std::string what = fuzzinv::describe( d );
         const auto num = [ & ]( const char* key ) -> std::uint64_t {
            const auto* v = jd.get( key );
            FUZZ_CHECK( v && v->type == fuzzjson::Value::Type::number && v->integer, std::string( "missing or non-integer " ) + key + ": " + what );
            return v->u;
         };
         FUZZ_CHECK( jd.get( "code" ) && jd.get( "code" )->str == mtasts::rule( d.code ).id, "code: " + what );
         FUZZ_CHECK( jd.get( "severity" ) && jd.get( "severity" )->str == mtasts::severity_name( d.severity ), "severity: " + what );
         if( fuzzinv::valid_utf8( d.message ) ) {
            FUZZ_CHECK( jd.get( "message" ) && jd.get( "message" )->str == d.message, "message round trip: " + what );
         }
         const auto b = lines.locate( d.offset );
         const auto e = lines.locate( d.offset + d.length );
         FUZZ_CHECK( num( "offset" ) == d.offset && num( "length" ) == d.length, "offset/length: " + what );
         FUZZ_CHECK( num( "line" ) == b.line && num( "column" ) == b.column, "line/column: " + what );
         FUZZ_CHECK( num( "endLine" ) == e.line && num( "endColumn" ) == e.column, "endLine/endColumn: " + what );
         FUZZ_CHECK( ( jd.get( "fix" ) != nullptr ) == d.fix.has_value(), "fix presence: " + what );
         if( d.fix ) {
            const auto* edits = jd.get( "fix" )->get( "edits" );
            FUZZ_CHECK( edits && edits->arr.size() == d.fix->edits.size(), "fix edits: " + what );
            for( std::size_t k = 0; k < d.fix->edits.size(); ++k ) {
               if( fuzzinv::valid_utf8( d.fix->edits[ k ].insert ) ) {
                  FUZZ_CHECK( edits->arr[ k ].get( "insert" ) && edits->arr[ k ].get( "insert" )->str == d.fix->edits[ k ].insert, "fix insert round trip: " + what );
               }
            }
         }
      }
      FUZZ_CHECK( ( jf.get( "policy" ) != nullptr ) == r.policy.has_value() && ( jf.get( "record" ) != nullptr ) == r.record.has_value(), "facts" );
      if( r.policy ) {
         const auto* mx = jf.get( "policy" )->get( "mx" );
         FUZZ_CHECK( mx && mx->arr.size() == r.policy->mx.size(), "policy.mx" );
      }
      if( r.record && r.kind == mtasts::Kind::tlsrpt ) {
         const auto* rua = jf.get( "record" )->get( "rua" );
         FUZZ_CHECK( rua && rua->arr.size() == r.record->rua.size(), "record.rua" );
      }
   }
   return 0;
}
