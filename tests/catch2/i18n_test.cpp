// Languages (core/i18n/): choosing one (tags, POSIX locale order), and Spanish output that differs from English only
// in its words: same codes, severities, positions and edits; no English sentence left in a Spanish message.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/dmarc/dmarc_generator.hpp"
#include "core/format.hpp"
#include "core/generator.hpp"
#include "core/x509/cert_lint.hpp"
#include "helpers.hpp"

namespace {

using mtasts::Lang;

// The translations are linked into a program that asks for them (core/i18n/translations.cpp).
const bool languages_enabled = ( mtasts::enable_all_languages(), mtasts::x509::enable_certificates(), true );

mtasts::LintResult lint_in( std::string_view text, mtasts::Kind kind, Lang lang, std::optional< std::vector< std::string > > mx = std::nullopt )
{
   mtasts::LintOptions o;
   o.kind = kind;
   o.verbose = true;
   o.lang = lang;
   o.domain = "example.com";
   o.mx_hosts = std::move( mx );
   return mtasts::lint( text, o );
}

// Words that are English and not Spanish (nor RFC tokens such as mode, version, testing, none, host).
const std::set< std::string > english_words = {
   "the", "is", "are", "must", "should", "with", "without", "this", "that", "these", "only", "line", "lines", "field",
   "fields", "value", "values", "record", "records", "senders", "sender", "remove", "write", "missing", "invalid",
   "not", "found", "allowed", "name", "names", "file", "policy", "whitespace", "trailing", "leading", "duplicate", "empty",
   "unknown", "of", "and", "or", "to", "in", "at", "for", "from", "has", "have", "does", "did", "you", "your", "it", "its",
   "looks", "like", "give", "be", "will", "may", "can", "each", "every", "several", "first", "after", "before", "between",
   "separate", "quote", "quotes", "string", "strings", "joined", "space", "spaces", "warning", "note", "fix", "checked",
   "mean", "delete", "add", "put", "keep", "own", "pattern", "patterns", "wildcard", "serve", "publish", "reports",
   "change", "make", "sure", "start", "switch", "raise", "mail", "domain", "generator", "refused", "preset", "presets",
   "seconds", "digits", "number", "characters", "here", "there", "which", "when", "than", "too", "large",
};

// The prose of a message: quoted parts ('...', "...") and {placeholders} removed, lower case.
std::vector< std::string > prose_words( std::string_view m )
{
   std::string s;
   char quote = 0;
   for( std::size_t i = 0; i < m.size(); ++i ) {
      const char c = m[ i ];
      const bool word_edge_before = i == 0 || !std::isalnum( static_cast< unsigned char >( m[ i - 1 ] ) );
      if( quote ) {
         if( c == quote ) {
            quote = 0;
         }
         continue;
      }
      if( ( c == '\'' && word_edge_before ) || c == '"' ) {
         quote = c;
         continue;
      }
      if( c == '{' ) {
         quote = '}';  // a placeholder
         continue;
      }
      s += static_cast< char >( std::tolower( static_cast< unsigned char >( c ) ) );
   }
   std::vector< std::string > words;
   std::string w;
   for( const char c : s + " " ) {
      if( std::isalpha( static_cast< unsigned char >( c ) ) || static_cast< unsigned char >( c ) >= 0x80 ) {
         w += c;
      }
      else {
         if( !w.empty() ) {
            words.push_back( w );
         }
         w.clear();
      }
   }
   return words;
}

// tokens: words the text uses as command-line values (--kind policy, --format text), not as English.
std::string english_left( std::string_view m, const std::set< std::string >& tokens = {} )
{
   std::string s( m );
   for( auto at = s.find( "--" ); at != std::string::npos; at = s.find( "--", at ) ) {
      auto end = at + 2;
      while( end < s.size() && ( std::isalnum( static_cast< unsigned char >( s[ end ] ) ) || s[ end ] == '-' ) ) {
         ++end;
      }
      s.erase( at, end - at );  // an option name
   }
   // host names and addresses (reports.example.net, d@example.com, mail.example.com) are values, not prose
   s = std::regex_replace( s, std::regex( "[A-Za-z0-9_.+-]*@[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+" ), " " );
   for( const auto& w : prose_words( s ) ) {
      if( english_words.count( w ) && !tokens.count( w ) ) {
         return w;
      }
   }
   return {};
}

// Inputs that draw most codes, their hints and their fixes, with real values in the placeholders.
const std::vector< std::pair< mtasts::Kind, std::string > > inputs = {
   { mtasts::Kind::policy, "\xEF\xBB\xBFversion: STSv1\r\nmode: enforce\r\nmx: mail.example.com.\r\nmax_age: 604800\r\n" },
   { mtasts::Kind::policy, "Version: STSv1\nmode: Enforce\nmx: a.example.com, b.example.com\nmax_age: 0604800\n" },
   { mtasts::Kind::policy, "version: STSv1\nmode : enforce\nmx: .example.com\nmax_age=604800\n" },
   { mtasts::Kind::policy, "version: STSv1\nmode: [testing]\nmx: mail.example.com\n\nmax_age: 604800 # one week\n# comment\n" },
   { mtasts::Kind::policy, "mode: enforce\r\nmx: https://mail.example.com/\r\nmx: mail.example.com:25\r\nmax_age: 86400s\r\n" },
   { mtasts::Kind::policy, "version: STSv1\rmode: report\rmx: mail.example.com\rmax_age: 86400" },
   { mtasts::Kind::policy, "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400\nmode: testing\nmx: mail.example.com\n" },
   { mtasts::Kind::policy, "mode: none\nversion: STSv2\nmax_age: 99999999999\nmx_: x\nmxx: y\nfoo: bär\n  mx: *.com\nmx: 192.0.2.1\nmx: mail\nmx: m*.example.com\nmx: a..b\n" },
   { mtasts::Kind::policy, "version: STSv1\nmode: testing\nmax_age: 0\nmx: *.example.com\nmx: xn--zz.example.com\nmx: münchen.example\nmx:\n" },
   { mtasts::Kind::policy, "<html><body>not found</body></html>\n" },
   { mtasts::Kind::policy, "{\"version\": \"STSv1\"}\n" },
   { mtasts::Kind::policy, "v=STSv1; id=1\n" },
   { mtasts::Kind::policy, std::string( "version: STSv1\nmode: enforce\n\0mx: a\xFF.example.com\nmax_age: 3600\n", 49 ) },
   { mtasts::Kind::policy, "" },
   { mtasts::Kind::txt, "V=STSv1 ; id = 1;; ID=2" },
   { mtasts::Kind::txt, " v=STSv1; id=1 " },
   { mtasts::Kind::txt, "v=STSv1; id=123456789012345678901234567890123; foo=bar; id=2" },
   { mtasts::Kind::txt, "v=STSv1;" },
   { mtasts::Kind::txt, "v=spf1 -all" },
   { mtasts::Kind::txt, "_mta-sts IN TXT v=STSv1; id=1\n\"v=STSv1; \" \"id=2\"\n" },
   { mtasts::Kind::txt, "\"v=STSv1; id=“1”\"" },
   { mtasts::Kind::tlsrpt, "v=TLSRPTv1 ; RUA=reports@example.com, mailto:b@example.com!10m" },
   { mtasts::Kind::tlsrpt, "v=TLSRPTv1; rua=ftp://x.example.com, https:///x, mailto:a@b?subject=x,mailto:a@b?subject=x; rua=; foo=1; x" },
   { mtasts::Kind::tlsrpt, "v=TLSRPTv1;" },
};

}  // namespace

TEST_CASE( "parse_lang: a tag or locale whose primary subtag is a catalogue language" )
{
   CHECK( languages_enabled );
   CHECK( mtasts::lang_available( Lang::es ) );
   CHECK( mtasts::parse_lang( "es" ) == Lang::es );
   CHECK( mtasts::parse_lang( "ES" ) == Lang::es );
   CHECK( mtasts::parse_lang( "es-ES" ) == Lang::es );
   CHECK( mtasts::parse_lang( "es_MX.UTF-8" ) == Lang::es );
   CHECK( mtasts::parse_lang( "es@euro" ) == Lang::es );
   CHECK( mtasts::parse_lang( "en_US.UTF-8" ) == Lang::en );
   CHECK_FALSE( mtasts::parse_lang( "C" ) );
   CHECK_FALSE( mtasts::parse_lang( "POSIX" ) );
   CHECK_FALSE( mtasts::parse_lang( "C.UTF-8" ) );
   CHECK_FALSE( mtasts::parse_lang( "est" ) );
   CHECK_FALSE( mtasts::parse_lang( "fr_FR" ) );
   CHECK_FALSE( mtasts::parse_lang( "" ) );
   CHECK( std::string( mtasts::lang_tag( Lang::es ) ) == "es" );
   CHECK( std::string( mtasts::lang_name( Lang::es ) ) == "Español" );
}

TEST_CASE( "lang_from_locale: LC_ALL, then LC_MESSAGES, then LANG, the first set and non-empty one decides" )
{
   CHECK( mtasts::lang_from_locale( nullptr, nullptr, "es_ES.UTF-8" ) == Lang::es );
   CHECK( mtasts::lang_from_locale( "es_MX.UTF-8", nullptr, "en_US.UTF-8" ) == Lang::es );
   CHECK( mtasts::lang_from_locale( "C", nullptr, "es_ES.UTF-8" ) == Lang::en );  // LC_ALL=C wins over LANG
   CHECK( mtasts::lang_from_locale( "", "es_AR", "C" ) == Lang::es );             // empty = unset
   CHECK( mtasts::lang_from_locale( nullptr, "en_GB", "es_ES" ) == Lang::en );
   CHECK( mtasts::lang_from_locale( nullptr, nullptr, "C" ) == Lang::en );
   CHECK( mtasts::lang_from_locale( nullptr, nullptr, nullptr ) == Lang::en );
   CHECK( mtasts::lang_from_locale( nullptr, nullptr, "fr_FR.UTF-8" ) == Lang::en );
}

TEST_CASE( "every catalogue text exists in Spanish with no English prose left" )
{
   for( auto c = 0; c < static_cast< int >( mtasts::rule_count ); ++c ) {
      const auto code = static_cast< mtasts::Code >( c );
      const std::string en = mtasts::rule_message( code, Lang::en ), es = mtasts::rule_message( code, Lang::es );
      INFO( mtasts::rule( code ).id << ": " << es );
      CHECK( es != en );
      CHECK( english_left( es ) == "" );
      CHECK( english_left( mtasts::rule_title( code, Lang::es ) ) == "" );
      CHECK( es.find( '\n' ) == std::string::npos );
      CHECK( std::string( mtasts::rule_message( code, Lang::en ) ) == mtasts::rule( code ).message );
   }
   for( auto h = 1; h < static_cast< int >( mtasts::Hint::count_ ); ++h ) {
      const std::string es = mtasts::hint_template( static_cast< mtasts::Hint >( h ), Lang::es );
      INFO( "hint " << h << ": " << es );
      CHECK( es != mtasts::hint_template( static_cast< mtasts::Hint >( h ), Lang::en ) );
      CHECK( english_left( es ) == "" );
   }
   for( auto f = 0; f < static_cast< int >( mtasts::FixTitle::count_ ); ++f ) {
      const std::string es = mtasts::fix_template( static_cast< mtasts::FixTitle >( f ), Lang::es );
      INFO( "fix " << f << ": " << es );
      CHECK( english_left( es ) == "" );
   }
   for( auto t = 0; t < static_cast< int >( mtasts::Text::count_ ); ++t ) {
      const std::string es = mtasts::text_template( static_cast< mtasts::Text >( t ), Lang::es );
      INFO( "text " << t << ": " << es );
      const bool name = t >= static_cast< int >( mtasts::Text::preset_google_workspace ) && t <= static_cast< int >( mtasts::Text::preset_icloud );  // "Proton Mail"
      CHECK( english_left( es, { "policy", "text", "zone", "json", "lines", name ? "mail" : "" } ) == "" );  // option values, JSON keys, "JSON Lines"
      CHECK( es.find( '\n' ) == std::string::npos );
   }
}

TEST_CASE( "Spanish diagnostics: same codes, severities, positions and edits as English, messages filled and translated" )
{
   std::set< std::string > seen;
   std::size_t fixes = 0;
   const auto compare = [ & ]( std::string_view text, mtasts::Kind kind, std::optional< std::vector< std::string > > mx ) {
      const auto en = lint_in( text, kind, Lang::en, mx );
      const auto es = lint_in( text, kind, Lang::es, mx );
      REQUIRE( en.diagnostics.size() == es.diagnostics.size() );
      for( std::size_t i = 0; i < en.diagnostics.size(); ++i ) {
         const auto& a = en.diagnostics[ i ];
         const auto& b = es.diagnostics[ i ];
         INFO( "input: " << text << "\n" << mtasts::rule( a.code ).id << "\nen: " << a.message << "\nes: " << b.message );
         CHECK( a.code == b.code );
         CHECK( a.severity == b.severity );
         CHECK( a.offset == b.offset );
         CHECK( a.length == b.length );
         CHECK( a.message != b.message );
         CHECK( english_left( b.message ) == "" );
         CHECK( ( b.message.find( '{' ) == std::string::npos ) == ( a.message.find( '{' ) == std::string::npos ) );  // filled as in English
         CHECK( b.message.find( '\n' ) == std::string::npos );
         REQUIRE( a.fix.has_value() == b.fix.has_value() );
         if( a.fix ) {
            ++fixes;
            CHECK( a.fix->title != b.fix->title );
            CHECK( english_left( b.fix->title ) == "" );
            REQUIRE( a.fix->edits.size() == b.fix->edits.size() );
            for( std::size_t k = 0; k < a.fix->edits.size(); ++k ) {
               CHECK( a.fix->edits[ k ].offset == b.fix->edits[ k ].offset );
               CHECK( a.fix->edits[ k ].length == b.fix->edits[ k ].length );
               CHECK( a.fix->edits[ k ].insert == b.fix->edits[ k ].insert );
            }
         }
         seen.insert( mtasts::rule( a.code ).id );
      }
   };
   for( const auto& [ kind, text ] : inputs ) {
      compare( text, kind, std::nullopt );
   }
   const std::string policy = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 604800\n";
   compare( policy, mtasts::Kind::policy, std::vector< std::string >{ "MX2.Example.com.", "a.b.example.net" } );
   compare( policy, mtasts::Kind::policy, std::vector< std::string >{} );
   compare( policy, mtasts::Kind::policy, std::vector< std::string >{ "." } );
   // The shared corpus: real policies.
   std::size_t files = 0;
   for( const auto& entry : std::filesystem::directory_iterator( std::string( MTASTS_CORPUS_DIR ) + "/policies" ) ) {
      std::ifstream in( entry.path(), std::ios::binary );
      std::stringstream ss;
      ss << in.rdbuf();
      compare( ss.str(), mtasts::Kind::policy, std::nullopt );
      ++files;
   }
   CHECK( files > 100 );
   CHECK( fixes >= 20 );
   CHECK( seen.size() >= 70 );  // of the 116 codes
}

TEST_CASE( "text and SARIF output in Spanish, JSON keys and SARIF rule ids unchanged" )
{
   const std::string text = "version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 86400\n";
   const auto r = lint_in( text, mtasts::Kind::policy, Lang::es );
   const std::vector< mtasts::FileReport > files = { { "p.txt", text, &r } };
   mtasts::FormatOptions fo;
   fo.lang = Lang::es;
   const auto out = mtasts::format_text( files, fo );
   CHECK( out.find( "p.txt:3:21: error: Quite el punto final del patrón mx ('mail.example.com.'). [STS239]" ) != std::string::npos );
   CHECK( out.find( "= corrección: Quitar el punto final" ) != std::string::npos );
   CHECK( out.find( "1 archivo revisado: 1 error, 0 advertencias, 2 notas\n" ) != std::string::npos );
   const auto sarif = mtasts::format_sarif( files, fo );
   CHECK( sarif.find( "\"id\": \"STS239\"" ) != std::string::npos );
   CHECK( sarif.find( "\"text\": \"punto final en mx\"" ) != std::string::npos );
   CHECK( sarif.find( "\"level\": \"warning\"" ) != std::string::npos );  // SARIF keywords stay
   const auto json = mtasts::format_json( files, fo );
   CHECK( json.find( "\"message\":\"Quite el punto final" ) != std::string::npos );
   CHECK( json.find( "\"severity\":\"error\"" ) != std::string::npos );
}

TEST_CASE( "generator in Spanish: checklist, notes and refusals translated, same codes and outputs" )
{
   mtasts::GenerateOptions o;
   o.domain = "example.com.";
   o.mx = { "mail.example.com.", "mail.example.com" };
   o.now = 1700000000;
   auto en = mtasts::generate( o );
   o.lang = Lang::es;
   auto es = mtasts::generate( o );
   REQUIRE( es.ok() );
   CHECK( es.policy == en.policy );
   CHECK( es.txt == en.txt );
   REQUIRE( es.notes.size() == en.notes.size() );
   for( std::size_t i = 0; i < es.notes.size(); ++i ) {
      CHECK( es.notes[ i ].code == en.notes[ i ].code );
      CHECK( es.notes[ i ].field == en.notes[ i ].field );
      CHECK( english_left( es.notes[ i ].message ) == "" );
   }
   REQUIRE( es.checklist.size() == en.checklist.size() );
   CHECK( es.checklist[ 0 ] == "Sirva el archivo de política en https://mta-sts.example.com/.well-known/mta-sts.txt (RFC 8461 §3.2)." );
   const auto txt = mtasts::generate_text( es, Lang::es );
   CHECK( txt.find( "# Lista de verificación\n1. Sirva el archivo" ) != std::string::npos );
   o.domain = "";
   o.max_age = 99999999999;
   const auto bad = mtasts::generate( o );
   REQUIRE( !bad.ok() );
   CHECK( bad.errors[ 0 ].code == "missing-domain" );
   CHECK( bad.errors[ 0 ].message == "Se requiere un dominio de la política, p. ej., 'example.com'." );
}

TEST_CASE( "STS238 names the line of the empty mx value, in both languages" )
{
   const std::string text = "version: STSv1\nmode: testing\nmax_age: 86400\nmx:\n";
   const auto en = lint_in( text, mtasts::Kind::policy, Lang::en );
   const auto es = lint_in( text, mtasts::Kind::policy, Lang::es );
   const auto a = test::with_code( en, "STS238" ), b = test::with_code( es, "STS238" );
   REQUIRE( a.size() == 1 );
   REQUIRE( b.size() == 1 );
   CHECK( a[ 0 ]->message == "Empty 'mx' value on line 4." );
   CHECK( b[ 0 ]->message == "Valor de 'mx' vacío en la línea 4." );
   CHECK( a[ 0 ]->offset == b[ 0 ]->offset );
   // CRLF and a later line: the number follows the line, not the byte
   const auto crlf = lint_in( "version: STSv1\r\nmx: a.example.com\r\nmode: testing\r\nmx: \r\nmax_age: 86400\r\n", mtasts::Kind::policy, Lang::es );
   REQUIRE( test::with_code( crlf, "STS238" ).size() == 1 );
   CHECK( test::with_code( crlf, "STS238" )[ 0 ]->message == "Valor de 'mx' vacío en la línea 4." );
}

TEST_CASE( "values the checks fill in are in the run's language: DMC629's protocol, CRT801's reason" )
{
   // DMC629: the protocol a record belongs to (RFC 7489 §6.6.3: not a DMARC record)
   const auto en = lint_in( "v=spf1 -all", mtasts::Kind::dmarc, Lang::en );
   const auto es = lint_in( "v=spf1 -all", mtasts::Kind::dmarc, Lang::es );
   REQUIRE( test::with_code( es, "DMC629" ).size() == 1 );
   CHECK( test::with_code( en, "DMC629" )[ 0 ]->message == "This is an SPF record ('v=spf1'), not a DMARC record; it is not checked here." );
   CHECK( test::with_code( es, "DMC629" )[ 0 ]->message == "Esto es un registro SPF ('v=spf1'), no un registro DMARC; aquí no se comprueba." );
   // CRT801: base64 that is not, DER cut short, DER with bytes after the certificate
   const std::vector< std::pair< std::string, std::string > > certs = {
      { "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "not valid base64 inside the PEM block" },
      { "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n", "of its DER" },
      { "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "of its DER" },
      { "-----BEGIN CERTIFICATE-----\nAgEA\n-----END CERTIFICATE-----\n", "of its DER" },
   };
   for( const auto& [ pem, english ] : certs ) {
      const auto e = lint_in( pem, mtasts::Kind::cert, Lang::en );
      const auto s = lint_in( pem, mtasts::Kind::cert, Lang::es );
      const auto a = test::with_code( e, "CRT801" ), b = test::with_code( s, "CRT801" );
      INFO( pem << "\nen: " << ( a.empty() ? "" : a[ 0 ]->message ) << "\nes: " << ( b.empty() ? "" : b[ 0 ]->message ) );
      REQUIRE( a.size() == 1 );
      REQUIRE( b.size() == 1 );
      CHECK( a[ 0 ]->message.find( english ) != std::string::npos );
      CHECK( a[ 0 ]->message.rfind( "Certificate 0 cannot be read: ", 0 ) == 0 );
      CHECK( b[ 0 ]->message.rfind( "No se puede leer el certificado 0: ", 0 ) == 0 );
      CHECK( english_left( b[ 0 ]->message ) == "" );
      CHECK( ( a[ 0 ]->message.find( "(byte " ) == std::string::npos ) == ( b[ 0 ]->message.find( "(byte " ) == std::string::npos ) );
      CHECK( s.certificates_json.find( "of its DER" ) == std::string::npos );  // the facts' "error" is the same sentence
   }
   CHECK( test::with_code( lint_in( certs[ 1 ].first, mtasts::Kind::cert, Lang::es ), "CRT801" )[ 0 ]->message.find( "de su DER)" ) != std::string::npos );
}

TEST_CASE( "every reason of the DER reader has its row in the catalogue (CRT801 is translated by them)" )
{
   // The reader's reasons are string literals in core/x509/certificate.cpp and der.hpp; each must be a der_* text.
   std::set< std::string > catalogue;
   for( auto t = static_cast< int >( mtasts::Text::der_dsa_params ); t <= static_cast< int >( mtasts::Text::der_version_int ); ++t ) {
      catalogue.insert( mtasts::text_template( static_cast< mtasts::Text >( t ), Lang::en ) );
   }
   std::size_t found = 0;
   for( const char* file : { "/core/x509/certificate.cpp", "/core/x509/der.hpp" } ) {
      std::ifstream in( std::string( MTASTS_SOURCE_DIR ) + file );
      REQUIRE( in );
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string src = ss.str();
      // fail( at, "..." ), expect( tag, out, err, "..." ), err = { at, "..." }, read_algorithm_oid( p, r, out, "..." ), ParseError{ 0, "..." }
      for( std::size_t at = src.find( '"' ); at != std::string::npos; at = src.find( '"', at ) ) {
         const auto end = src.find( '"', at + 1 );
         const std::string lit = src.substr( at + 1, end - at - 1 );
         const auto before = src.substr( at > 60 ? at - 60 : 0, at > 60 ? 60 : at );
         const bool reason = before.find( "fail(" ) != std::string::npos || before.find( "p.err, " ) != std::string::npos || before.find( "err = {" ) != std::string::npos ||
                             before.find( "read_algorithm_oid(" ) != std::string::npos || before.find( "ParseError{" ) != std::string::npos ||
                             before.find( "p.err.what : " ) != std::string::npos;
         if( reason && lit.find( ' ' ) != std::string::npos ) {
            INFO( file << ": " << lit );
            CHECK( catalogue.count( lit ) == 1 );
            ++found;
         }
         at = end + 1;
      }
   }
   CHECK( found >= 55 );
}

TEST_CASE( "pasted evidence in Spanish: labels, tool names and what is missing, with the same codes, positions and kinds" )
{
   std::size_t files = 0, labels = 0;
   std::set< std::string > codes;
   for( const auto& entry : std::filesystem::directory_iterator( std::string( MTASTS_FIXTURES_DIR ) + "/paste" ) ) {
      if( entry.path().extension() != ".txt" ) {
         continue;
      }
      std::ifstream in( entry.path(), std::ios::binary );
      std::stringstream ss;
      ss << in.rdbuf();
      const auto en = lint_in( ss.str(), mtasts::Kind::auto_, Lang::en );
      const auto es = lint_in( ss.str(), mtasts::Kind::auto_, Lang::es );
      INFO( entry.path().filename().string() );
      REQUIRE( en.diagnostics.size() == es.diagnostics.size() );
      for( std::size_t i = 0; i < en.diagnostics.size(); ++i ) {
         const auto& a = en.diagnostics[ i ];
         const auto& b = es.diagnostics[ i ];
         INFO( mtasts::rule( a.code ).id << "\nen: " << a.message << "\nes: " << b.message );
         CHECK( a.code == b.code );
         CHECK( a.offset == b.offset );
         CHECK( a.length == b.length );
         CHECK( english_left( b.message ) == "" );
         codes.insert( mtasts::rule( a.code ).id );
      }
      REQUIRE( en.artefacts.size() == es.artefacts.size() );
      for( std::size_t i = 0; i < en.artefacts.size(); ++i ) {
         INFO( "en: " << en.artefacts[ i ].label << "\nes: " << es.artefacts[ i ].label );
         CHECK( en.artefacts[ i ].kind == es.artefacts[ i ].kind );
         CHECK( en.artefacts[ i ].offset == es.artefacts[ i ].offset );
         CHECK( english_left( es.artefacts[ i ].label ) == "" );
         labels += en.artefacts[ i ].label != es.artefacts[ i ].label;
      }
      ++files;
   }
   CHECK( files >= 20 );
   CHECK( labels >= 20 );
   for( const char* c : { "EVD703", "EVD704", "EVD705" } ) {
      CHECK( codes.count( c ) == 1 );
   }
   // the words themselves
   const auto dig = lint_in( "$ dig +short TXT _mta-sts.example.com\n\"v=STSv1; id=1\"\n", mtasts::Kind::auto_, Lang::es );
   REQUIRE( test::with_code( dig, "EVD704" ).size() == 1 );
   CHECK( test::with_code( dig, "EVD704" )[ 0 ]->message == "Se reconoció: salida de dig." );
   const auto missing = test::with_code( dig, "EVD705" );
   REQUIRE( !missing.empty() );
   CHECK( missing[ 0 ]->message == "Lo pegado no contiene la política (la respuesta HTTP o el archivo); no se comprueban la política ni la cobertura MX." );
   const auto dig_en = lint_in( "$ dig +short TXT _mta-sts.example.com\n\"v=STSv1; id=1\"\n", mtasts::Kind::auto_, Lang::en );
   CHECK( test::with_code( dig_en, "EVD704" )[ 0 ]->message == "Recognised dig output." );
   CHECK( test::with_code( dig_en, "EVD705" )[ 0 ]->message == "The policy (the HTTP response or the file) is not in the paste; the policy and MX coverage are not checked." );
}

TEST_CASE( "the DMARC generator in Spanish: refusals, notes, checklist and text output, with the same record and codes" )
{
   mtasts::DmarcOptions o;
   o.domain = "example.com";
   o.policy = "quarantine";
   o.rua = { "d@reports.example.net" };
   const auto en = mtasts::generate_dmarc( o );
   o.lang = Lang::es;
   const auto es = mtasts::generate_dmarc( o );
   REQUIRE( es.ok() );
   CHECK( es.record == en.record );
   CHECK( es.zone == en.zone );
   CHECK( es.stage == en.stage );
   REQUIRE( es.checklist.size() == en.checklist.size() );
   for( std::size_t i = 0; i < es.checklist.size(); ++i ) {
      INFO( es.checklist[ i ] );
      CHECK( es.checklist[ i ] != en.checklist[ i ] );
      CHECK( english_left( es.checklist[ i ] ) == "" );
   }
   CHECK( en.checklist[ 0 ] == "Publish the TXT record at _dmarc.example.com (the zone line above), and only one: with two DMARC records at one name receivers apply no DMARC at all (RFC 7489 §6.6.3)." );
   CHECK( en.checklist[ 4 ] == "Roll-out stage 2, quarantine (this record): p=quarantine sends failing mail to spam; RFC 7489's pct=10, then 50, then 100 can phase it in (DMARCbis drops pct and has t=y for testing instead)." );
   CHECK( es.checklist[ 4 ].rfind( "Etapa 2 del despliegue, cuarentena (este registro): p=quarantine", 0 ) == 0 );
   REQUIRE( es.notes.size() == en.notes.size() );
   for( std::size_t i = 0; i < es.notes.size(); ++i ) {
      CHECK( es.notes[ i ].code == en.notes[ i ].code );
      CHECK( english_left( es.notes[ i ].message ) == "" );
   }
   CHECK( es.notes[ 0 ].message == "'d@reports.example.net' se escribe 'mailto:d@reports.example.net' en el registro." );
   const auto text = mtasts::dmarc_text( es, Lang::es );
   CHECK( text.find( "# Registro DNS TXT en _dmarc.example.com" ) != std::string::npos );
   CHECK( text.find( "# Registros de autorización de reportes" ) != std::string::npos );
   CHECK( text.find( "# Lista de verificación\n1. Publique el registro TXT en _dmarc.example.com" ) != std::string::npos );
   CHECK( mtasts::dmarc_text( en ).find( "# Report authorization records, published by the report domains (RFC 7489 §7.1)\n" ) != std::string::npos );
   // refusals
   mtasts::DmarcOptions bad;
   bad.lang = Lang::es;
   bad.policy = "rejct";
   const auto r = mtasts::generate_dmarc( bad );
   REQUIRE( r.errors.size() == 2 );
   CHECK( r.errors[ 0 ].code == "missing-domain" );
   CHECK( r.errors[ 0 ].message == "Se requiere un dominio, p. ej., 'example.com': el registro va en _dmarc.DOMINIO." );
   CHECK( r.errors[ 1 ].code == "DMC605" );
   for( const auto& e : r.errors ) {
      CHECK( english_left( e.message ) == "" );
   }
   bad.domain = "exa mple.com";
   CHECK( english_left( mtasts::generate_dmarc( bad ).errors[ 0 ].message ) == "" );
}

TEST_CASE( "the generator's preset descriptions in both languages" )
{
   const auto* zoho = mtasts::find_preset( "zoho" );
   REQUIRE( zoho );
   CHECK( std::string( mtasts::preset_description( *zoho, Lang::en ) ) == "Zoho Mail (US data centre)" );
   CHECK( std::string( mtasts::preset_description( *zoho, Lang::en ) ) == zoho->description );
   CHECK( std::string( mtasts::preset_description( *zoho, Lang::es ) ) == "Zoho Mail (centro de datos de EE. UU.)" );
   for( const auto& p : mtasts::presets() ) {
      CHECK( std::string( mtasts::preset_description( p, Lang::en ) ) == p.description );  // each preset names its own row
      CHECK( english_left( mtasts::preset_description( p, Lang::es ), { "mail" } ) == "" );  // "Zoho Mail", "Proton Mail": names
   }
}

TEST_CASE( "a message's placeholders: any argument length, a missing argument kept as written, rendering into a used string" )
{
   // rules.def: STS239 "Remove the trailing dot from the mx pattern ('{p}').", STS214 "... write '{canonical}' in lower
   // case."; en.def: write_quoted "Write '{s}'". Arguments longer than the renderer's 256-byte stack buffer, and
   // around it, come out whole.
   for( const std::size_t n : { std::size_t( 0 ), std::size_t( 1 ), std::size_t( 200 ), std::size_t( 210 ), std::size_t( 256 ), std::size_t( 300 ), std::size_t( 5000 ) } ) {
      const std::string v( n, 'a' );
      CHECK( mtasts::render_message( mtasts::Code::STS239, { { "x", "other" }, { "p", v } } ) == "Remove the trailing dot from the mx pattern ('" + v + "')." );
      CHECK( mtasts::render_fix( mtasts::FixTitle::write_quoted, { { "s", v } } ) == "Write '" + v + "'" );
   }
   CHECK( mtasts::render_message( mtasts::Code::STS214, {} ) == "Field names are case-sensitive: write '{canonical}' in lower case." );
   CHECK( mtasts::render_message( mtasts::Code::STS214, { { "canonica", "mx" }, { "canonicalx", "mx" } } ) == "Field names are case-sensitive: write '{canonical}' in lower case." );
   std::string out( 400, 'z' );  // what a reused diagnostic held
   mtasts::render_message_to( out, mtasts::Code::STS214, { { "canonical", "mx" } } );
   CHECK( out == "Field names are case-sensitive: write 'mx' in lower case." );
   mtasts::render_fix_to( out, mtasts::FixTitle::write_quoted, { { "s", "mx" } } );
   CHECK( out == "Write 'mx'" );
   const std::string hinted = mtasts::render_message( mtasts::Code::STS229, {}, mtasts::Hint::unit_suffix );
   mtasts::render_message_to( out, mtasts::Code::STS229, {}, mtasts::Hint::unit_suffix );
   CHECK( out == hinted );
   CHECK( hinted == std::string( mtasts::rule_message( mtasts::Code::STS229, mtasts::Lang::en ) ) + " " + mtasts::hint_template( mtasts::Hint::unit_suffix, mtasts::Lang::en ) );
}
