// `mta-sts-lint --batch`: JSON Lines in, JSON Lines out, for checking many domains in one process.
//
// Input, one object per line:  {"domain": "example.com", "policy": "...", "txt": "...", "tlsrpt": "...", "dmarc": "...",
//   "http": "...", "dns": "..."}
//   "domain" is required (a string); "policy", "txt", "tlsrpt", "dmarc", "http" (a raw HTTP response) and "dns" (pasted
//   tool output) are optional strings (null means absent; http or dns make the domain's texts one evidence set, see
//   core/batch.hpp); an optional
//   "mx": ["mx1.example.com", ...] gives the domain's MX hosts (checked against the policy: STS401-STS406; [] = no MX
//   records, ["."] = a null MX). The domain is passed to the policy checks (STS249) and the DMARC checks (DMC638). Other keys are ignored. Blank
//   lines are skipped. "certificates" (with "now", "certHost", "policyMode", "expiryWarningDays") is read by
//   cli/batch_certificates.cpp.
// Output, one line per input line, in input order, written by core/batch.hpp (the Node bin's batch mode writes the
//   same lines): {"line": N, "domain": "...", "valid": true|false, "policy": {...}, "txt": {...}, "tlsrpt": {...}, "dmarc": {...},
//   "http": {...}, "dns": {...}}. A line that cannot be used is answered with {"line": N, "error": "..."} (plus "domain" when it was read), and the
//   stream goes on.
//
// Streaming: stdin is read in blocks and split into lines; memory stays bounded by the longest line (at most
// max_line_bytes, a longer line is answered with an error line and skipped). Output is written in blocks, and always
// before the process waits for more input, so an interactive writer gets each answer as soon as its line is in.
// Exit status: 0 once the whole stream has been answered (whatever the verdicts), 2 on a usage or I/O error.
#include <algorithm>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/batch.hpp"
#include "core/json_string.hpp"
#include "core/lint.hpp"
#include "core/utf8.hpp"

namespace mtasts::cli {

namespace {

   using batch::max_line_bytes;
   constexpr std::size_t out_block = std::size_t( 64 ) << 10;       // write when this much output is pending

   // Splits a file descriptor into lines without holding more than one line (plus one read block) in memory.
   class LineReader
   {
   public:
      enum class Status { line, too_long, eof, error };

      explicit LineReader( int fd )
         : fd_( fd ), buf_( std::size_t( 256 ) << 10 )
      {}

      // `before_read` runs before every read(2), which may block.
      template< typename F >
      Status next( std::string_view& line, F&& before_read )
      {
         for( ;; ) {
            if( scan_ < end_ ) {
               const auto* nl = static_cast< const char* >( std::memchr( buf_.data() + scan_, '\n', end_ - scan_ ) );
               if( nl ) {
                  const auto pos = static_cast< std::size_t >( nl - buf_.data() );
                  const bool was_discarding = discarding_;
                  line = std::string_view( buf_.data() + begin_, pos - begin_ );
                  begin_ = scan_ = pos + 1;
                  discarding_ = false;
                  return was_discarding ? Status::too_long : Status::line;
               }
               scan_ = end_;
            }
            if( eof_ ) {
               if( discarding_ ) {
                  discarding_ = false;
                  begin_ = scan_ = end_;
                  return Status::too_long;
               }
               if( begin_ < end_ ) {
                  line = std::string_view( buf_.data() + begin_, end_ - begin_ );
                  begin_ = scan_ = end_;
                  return Status::line;
               }
               return Status::eof;
            }
            if( discarding_ || end_ - begin_ >= max_line_bytes ) {
               discarding_ = true;  // drop what we have of the over-long line and keep reading to its end
               begin_ = scan_ = end_ = 0;
            }
            else if( begin_ > 0 && ( end_ == buf_.size() || begin_ >= buf_.size() / 2 ) ) {
               std::memmove( buf_.data(), buf_.data() + begin_, end_ - begin_ );
               end_ -= begin_;
               scan_ -= begin_;
               begin_ = 0;
            }
            if( end_ == buf_.size() ) {
               buf_.resize( std::min( buf_.size() * 2, max_line_bytes + ( std::size_t( 64 ) << 10 ) ) );
            }
            before_read();
            ssize_t n;
            do {
               n = ::read( fd_, buf_.data() + end_, buf_.size() - end_ );
            } while( n < 0 && errno == EINTR );
            if( n < 0 ) {
               return Status::error;
            }
            if( n == 0 ) {
               eof_ = true;
            }
            end_ += static_cast< std::size_t >( n );
         }
      }

   private:
      int fd_;
      std::vector< char > buf_;
      std::size_t begin_ = 0, end_ = 0, scan_ = 0;
      bool eof_ = false;
      bool discarding_ = false;
   };

   // The output buffer: string literals are copied with their length known at compile time, and nothing is a call
   // into the library on the common path. It only grows (to the longest answer block), so memory stays bounded.
   class Out
   {
   public:
      Out()
         : buf_( std::size_t( 1 ) << 17 )
      {}

      template< std::size_t N >
      Out& operator+=( const char ( &s )[ N ] )
      {
         append( s, N - 1 );
         return *this;
      }
      Out& operator+=( std::string_view s )
      {
         append( s.data(), s.size() );
         return *this;
      }
      Out& operator+=( char c )
      {
         *room( 1 ) = c;
         ++len_;
         return *this;
      }
      void append( const char* s, std::size_t n )
      {
         std::memcpy( room( n ), s, n );
         len_ += n;
      }
      char* room( std::size_t n )
      {
         if( buf_.size() - len_ < n ) {
            buf_.resize( std::max( buf_.size() * 2, len_ + n ) );
         }
         return buf_.data() + len_;
      }
      void advance( std::size_t n ) noexcept { len_ += n; }
      std::size_t size() const noexcept { return len_; }
      bool empty() const noexcept { return len_ == 0; }
      const char* data() const noexcept { return buf_.data(); }
      void clear() noexcept { len_ = 0; }

   private:
      std::vector< char > buf_;
      std::size_t len_ = 0;
   };

   bool write_all( int fd, Out& out )
   {
      std::size_t done = 0;
      while( done < out.size() ) {
         const ssize_t n = ::write( fd, out.data() + done, out.size() - done );
         if( n < 0 ) {
            if( errno == EINTR ) {
               continue;
            }
            return false;
         }
         done += static_cast< std::size_t >( n );
      }
      out.clear();
      return true;
   }

   // One input line, filled by the SAX parser below (no DOM: the strings are moved straight into place).
   struct Entry
   {
      enum Field { domain = 0, policy, txt, tlsrpt, dmarc, http, dns, mx, count };  // policy..dns in batch::Text order
      std::string text[ mx ];
      std::vector< std::string > mx_hosts;
      bool has[ count ] = {};

      void clear()
      {
         for( auto& t : text ) {
            t.clear();
         }
         mx_hosts.clear();
         for( auto& h : has ) {
            h = false;
         }
      }
   };

   const char* const field_names[ Entry::count ] = { "domain", "policy", "txt", "tlsrpt", "dmarc", "http", "dns", "mx" };
   constexpr std::string_view field_views[ Entry::count ] = { "domain", "policy", "txt", "tlsrpt", "dmarc", "http", "dns", "mx" };

   class EntrySax
   {
   public:
      using json = nlohmann::json;

      EntrySax( Entry& e, Lang language )
         : e_( e ), lang( language )
      {}

      std::string error;

      bool null()
      {
         if( in_mx() ) {
            return type_error();
         }
         if( depth_ == 0 ) {
            return fail( render_text( Text::batch_not_object, {}, lang ) );
         }
         if( depth_ == 1 && field_ >= 0 ) {
            if( field_ == Entry::domain ) {
               return type_error();
            }
            e_.has[ field_ ] = false;  // null: absent
         }
         return true;
      }
      bool boolean( bool ) { return scalar(); }
      bool number_integer( json::number_integer_t ) { return scalar(); }
      bool number_unsigned( json::number_unsigned_t ) { return scalar(); }
      bool number_float( json::number_float_t, const json::string_t& ) { return scalar(); }
      bool binary( json::binary_t& ) { return scalar(); }
      bool string( json::string_t& s )
      {
         if( depth_ == 0 ) {
            return fail( render_text( Text::batch_not_object, {}, lang ) );
         }
         if( in_mx() ) {
            e_.mx_hosts.push_back( std::move( s ) );
         }
         else if( depth_ == 1 && field_ >= 0 ) {
            if( field_ == Entry::mx ) {
               return type_error();
            }
            e_.text[ field_ ].swap( s );
            e_.has[ field_ ] = true;
         }
         return true;
      }
      bool start_object( std::size_t )
      {
         if( in_mx() || ( depth_ == 1 && field_ >= 0 ) ) {
            return type_error();
         }
         ++depth_;
         return true;
      }
      bool end_object()
      {
         --depth_;
         return true;
      }
      bool start_array( std::size_t )
      {
         if( depth_ == 0 ) {
            return fail( render_text( Text::batch_not_object, {}, lang ) );
         }
         if( in_mx() || ( depth_ == 1 && field_ >= 0 && field_ != Entry::mx ) ) {
            return type_error();
         }
         if( depth_ == 1 && field_ == Entry::mx ) {
            e_.has[ Entry::mx ] = true;
         }
         ++depth_;
         return true;
      }
      bool end_array()
      {
         --depth_;
         return true;
      }
      bool key( json::string_t& k )
      {
         if( depth_ != 1 ) {
            return true;
         }
         field_ = -1;
         for( int i = 0; i < Entry::count; ++i ) {
            if( k == field_names[ i ] ) {
               if( seen_[ i ] ) {
                  return fail( render_text( Text::batch_duplicate_key, { { "k", k } }, lang ) );
               }
               seen_[ i ] = true;
               field_ = i;
               break;
            }
         }
         return true;
      }
      bool parse_error( std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex )
      {
         if( lang != Lang::en ) {
            // nlohmann words its errors in English only: another language says where (the byte) and what was read last
            return fail( render_text( Text::batch_invalid_json_at, { { "n", std::to_string( position ) }, { "token", last_token } }, lang ) );
         }
         // "[json.exception.parse_error.101] parse error at line 1, column 2: ..." -> "invalid JSON: parse error at ..."
         std::string_view what = ex.what();
         const auto p = what.find( "] " );
         if( p != std::string_view::npos ) {
            what.remove_prefix( p + 2 );
         }
         return fail( render_text( Text::batch_invalid_json_detail, { { "what", what } }, lang ) );
      }

   private:
      bool in_mx() const noexcept { return depth_ == 2 && field_ == Entry::mx; }
      bool scalar()
      {
         if( depth_ == 0 ) {
            return fail( render_text( Text::batch_not_object, {}, lang ) );
         }
         return in_mx() || ( depth_ == 1 && field_ >= 0 ) ? type_error() : true;
      }
      bool type_error()
      {
         switch( field_ ) {
            case Entry::domain:
               return fail( render_text( Text::batch_domain_string, {}, lang ) );
            case Entry::mx:
               return fail( render_text( Text::batch_mx_array, {}, lang ) );
            default:
               return fail( render_text( Text::batch_field_string, { { "field", field_names[ field_ ] } }, lang ) );
         }
      }
      bool fail( std::string msg )
      {
         if( error.empty() ) {
            error = std::move( msg );
         }
         return false;
      }

      Entry& e_;
      Lang lang;  // of the error messages
      int depth_ = 0;
      int field_ = -1;
      bool seen_[ Entry::count ] = {};
   };

   // ---- the fast path: a flat object of strings, as every generator of these lines writes it ----------------------
   // Accepts only what nlohmann's parser would accept with the same result; anything else (a number, a nested value,
   // an escape it does not know, invalid UTF-8, a duplicate key...) returns false and the line goes through the SAX
   // parser above, which either reads it or words the error. The two agree on every line the fast path accepts.
   class FastParser
   {
   public:
      // `tmp` has room for at least s.size() bytes.
      FastParser( std::string_view s, Entry& e, char* tmp )
         : p_( s.data() ), end_( s.data() + s.size() ), e_( e ), tmp_( tmp )
      {}

      bool parse()
      {
         bool seen[ Entry::count ] = {};
         ws();
         if( !eat( '{' ) ) {
            return false;
         }
         ws();
         if( eat( '}' ) ) {
            return trailing();
         }
         for( ;; ) {
            key_.clear();
            if( !eat( '"' ) || !string( key_ ) ) {
               return false;
            }
            ws();
            if( !eat( ':' ) ) {
               return false;
            }
            ws();
            int field = -1;
            for( int i = 0; i < Entry::count; ++i ) {
               if( std::string_view( key_ ) == field_views[ i ] ) {
                  field = i;
                  break;
               }
            }
            if( field >= 0 ) {
               if( seen[ field ] ) {
                  return false;
               }
               seen[ field ] = true;
            }
            if( !value( field ) ) {
               return false;
            }
            ws();
            if( eat( '}' ) ) {
               return trailing();
            }
            if( !eat( ',' ) ) {
               return false;
            }
            ws();
         }
      }

   private:
      bool trailing()
      {
         ws();
         return p_ == end_;
      }
      void ws()
      {
         while( p_ < end_ && ( *p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n' ) ) {
            ++p_;
         }
      }
      bool eat( char c )
      {
         if( p_ < end_ && *p_ == c ) {
            ++p_;
            return true;
         }
         return false;
      }
      bool literal( std::string_view word )
      {
         if( static_cast< std::size_t >( end_ - p_ ) >= word.size() && std::string_view( p_, word.size() ) == word ) {
            p_ += word.size();
            return true;
         }
         return false;
      }
      bool value( int field )
      {
         if( eat( '"' ) ) {
            if( field == Entry::mx ) {
               return false;
            }
            if( field < 0 ) {
               scratch_.clear();
               return string( scratch_ );
            }
            e_.has[ field ] = true;
            return string( e_.text[ field ] );
         }
         if( literal( "null" ) ) {
            return field != Entry::domain;  // null: absent
         }
         if( field == Entry::mx && eat( '[' ) ) {
            e_.has[ Entry::mx ] = true;
            ws();
            if( eat( ']' ) ) {
               return true;
            }
            for( ;; ) {
               if( !eat( '"' ) ) {
                  return false;
               }
               e_.mx_hosts.emplace_back();
               if( !string( e_.mx_hosts.back() ) ) {
                  return false;
               }
               ws();
               if( eat( ']' ) ) {
                  return true;
               }
               if( !eat( ',' ) ) {
                  return false;
               }
               ws();
            }
         }
         return false;
      }
      // Four hex digits at p_, before `limit`; -1 when not.
      int hex4( const char* limit )
      {
         if( limit - p_ < 4 ) {
            return -1;
         }
         int v = 0;
         for( int k = 0; k < 4; ++k ) {
            const char c = *p_++;
            v <<= 4;
            if( c >= '0' && c <= '9' ) {
               v |= c - '0';
            }
            else if( c >= 'a' && c <= 'f' ) {
               v |= c - 'a' + 10;
            }
            else if( c >= 'A' && c <= 'F' ) {
               v |= c - 'A' + 10;
            }
            else {
               return -1;
            }
         }
         return v;
      }
      static char* put_utf8( char* w, std::uint32_t cp )
      {
         if( cp < 0x80 ) {
            *w++ = static_cast< char >( cp );
         }
         else if( cp < 0x800 ) {
            *w++ = static_cast< char >( 0xC0 | ( cp >> 6 ) );
            *w++ = static_cast< char >( 0x80 | ( cp & 0x3F ) );
         }
         else if( cp < 0x10000 ) {
            *w++ = static_cast< char >( 0xE0 | ( cp >> 12 ) );
            *w++ = static_cast< char >( 0x80 | ( ( cp >> 6 ) & 0x3F ) );
            *w++ = static_cast< char >( 0x80 | ( cp & 0x3F ) );
         }
         else {
            *w++ = static_cast< char >( 0xF0 | ( cp >> 18 ) );
            *w++ = static_cast< char >( 0x80 | ( ( cp >> 12 ) & 0x3F ) );
            *w++ = static_cast< char >( 0x80 | ( ( cp >> 6 ) & 0x3F ) );
            *w++ = static_cast< char >( 0x80 | ( cp & 0x3F ) );
         }
         return w;
      }
      // After the opening quote; sets out to the decoded string. Decodes into tmp_ (as long as the line: the decoded
      // text is never longer than the encoded one), then one assign: no per-run append calls.
      bool string( std::string& out )
      {
         char* w = tmp_;
         for( ;; ) {
            const char* run = p_;
            p_ = json::skip_plain( p_, end_, false );
            while( p_ < end_ && json::input_plain.t[ static_cast< unsigned char >( *p_ ) ] ) {
               ++p_;
            }
            std::memcpy( w, run, static_cast< std::size_t >( p_ - run ) );
            w += p_ - run;
            if( p_ == end_ ) {
               return false;
            }
            const auto c = static_cast< unsigned char >( *p_ );
            if( c == '"' ) {
               ++p_;
               out.assign( tmp_, static_cast< std::size_t >( w - tmp_ ) );
               return true;
            }
            if( c < 0x20 ) {
               return false;
            }
            if( c >= 0x80 ) {
               const auto seq = utf8::decode( std::string_view( p_, static_cast< std::size_t >( end_ - p_ ) ), 0 );
               if( !seq.valid ) {
                  return false;
               }
               std::memcpy( w, p_, seq.length );
               w += seq.length;
               p_ += seq.length;
               continue;
            }
            // a backslash
            if( ++p_ == end_ ) {
               return false;
            }
            switch( *p_++ ) {
               case '"':
                  *w++ = '"';
                  break;
               case '\\':
                  *w++ = '\\';
                  break;
               case '/':
                  *w++ = '/';
                  break;
               case 'b':
                  *w++ = '\b';
                  break;
               case 'f':
                  *w++ = '\f';
                  break;
               case 'n':
                  *w++ = '\n';
                  break;
               case 'r':
                  *w++ = '\r';
                  break;
               case 't':
                  *w++ = '\t';
                  break;
               case 'u': {
                  const int u = hex4( end_ );
                  if( u < 0 || ( u >= 0xDC00 && u <= 0xDFFF ) ) {
                     return false;
                  }
                  std::uint32_t cp = static_cast< std::uint32_t >( u );
                  if( u >= 0xD800 && u <= 0xDBFF ) {
                     if( end_ - p_ < 2 || p_[ 0 ] != '\\' || p_[ 1 ] != 'u' ) {
                        return false;
                     }
                     p_ += 2;
                     const int lo = hex4( end_ );
                     if( lo < 0xDC00 || lo > 0xDFFF ) {
                        return false;
                     }
                     cp = 0x10000 + ( ( cp - 0xD800 ) << 10 ) + ( static_cast< std::uint32_t >( lo ) - 0xDC00 );
                  }
                  w = put_utf8( w, cp );
                  break;
               }
               default:
                  return false;
            }
         }
      }

      const char* p_;
      const char* end_;
      Entry& e_;
      char* tmp_;  // at least as long as the line
      std::string key_, scratch_;
   };

}  // namespace

int run_batch( int argc, char** argv, Lang lang )
{
   bool verbose = false;
   std::size_t line_no = 0;  // --line-offset: the lines of the whole stream before this process's first one
   for( int i = 1; i < argc; ++i ) {
      const std::string_view a = argv[ i ];
      if( a == "--batch" ) {
         continue;
      }
      if( a == "--verbose" || a == "-v" ) {
         verbose = true;
      }
      else if( a == "--lang" && i + 1 < argc && lang_by_tag( argv[ i + 1 ] ) ) {
         ++i;  // chosen by main() (choose_lang)
      }
      else if( a.substr( 0, 7 ) == "--lang=" && lang_by_tag( a.substr( 7 ) ) ) {
         continue;
      }
      else if( a == "--line-offset" || a.rfind( "--line-offset=", 0 ) == 0 ) {
         std::string_view v;
         if( a.size() > 13 ) {
            v = a.substr( 14 );
         }
         else if( i + 1 < argc ) {
            v = argv[ ++i ];
         }
         if( v.empty() || v.size() > batch::max_line_offset_digits || v.find_first_not_of( "0123456789" ) != std::string_view::npos ) {
            std::fprintf( stderr, "mta-sts-lint: %s\n%s",
                          render_text( Text::batch_bad_line_offset, { { "n", std::to_string( batch::max_line_offset_digits ) }, { "arg", std::string( v ) } }, lang ).c_str(),
                          batch::usage( lang ).c_str() );
            return 2;
         }
         line_no = 0;
         for( const char c : v ) {
            line_no = line_no * 10 + static_cast< std::size_t >( c - '0' );
         }
      }
      else if( a == "--help" || a == "-h" ) {
         std::fputs( batch::usage( lang ).c_str(), stdout );
         return 0;
      }
      else {
         std::fprintf( stderr, "mta-sts-lint: %s\n%s", render_text( Text::batch_only_verbose, { { "arg", argv[ i ] } }, lang ).c_str(), batch::usage( lang ).c_str() );
         return 2;
      }
   }

   LineReader reader( STDIN_FILENO );
   Out out;
   bool write_failed = false;
   const auto flush = [ & ] {
      if( !out.empty() && !write_failed && !write_all( STDOUT_FILENO, out ) ) {
         write_failed = true;
      }
   };

   // MTASTS_BATCH_SLOW_PATH=1 sends every line through the SAX parser: the tests compare both paths' answers.
   const char* slow = std::getenv( "MTASTS_BATCH_SLOW_PATH" );
   const bool fast_path = !( slow && *slow && *slow != '0' );
   Entry entry;
   std::vector< char > decode_buf( std::size_t( 64 ) << 10 );  // the fast path decodes each string here first
   LintResult results[ batch::text_count ];  // reused line after line with one Linter: no allocation once warm
   Linter linter;
   std::string cert_extra, cert_error;  // the "certificates" key (cli/batch_certificates.cpp)
   std::string_view line;
   for( ;; ) {
      const auto st = reader.next( line, flush );
      if( st == LineReader::Status::eof ) {
         break;
      }
      if( st == LineReader::Status::error ) {
         flush();
         std::fprintf( stderr, "mta-sts-lint: %s\n", render_text( Text::batch_cannot_read, { { "error", error_text( errno, lang ) } }, lang ).c_str() );
         return 2;
      }
      ++line_no;
      if( st == LineReader::Status::too_long ) {
         batch::write_error( out, line_no, nullptr, batch::line_too_long( lang ) );
         continue;
      }
      if( !line.empty() && line.back() == '\r' ) {
         line.remove_suffix( 1 );
      }
      if( line.find_first_not_of( " \t" ) == std::string_view::npos ) {
         continue;  // blank line
      }

      entry.clear();
      EntrySax sax( entry, lang );
      if( decode_buf.size() < line.size() ) {
         decode_buf.resize( line.size() );
      }
      bool parsed = fast_path && FastParser( line, entry, decode_buf.data() ).parse();
      if( !parsed ) {
         entry.clear();
         parsed = nlohmann::json::sax_parse( line.begin(), line.end(), &sax ) && sax.error.empty();
      }
      if( !parsed ) {
         const std::string_view domain = entry.text[ Entry::domain ];
         batch::write_error( out, line_no, entry.has[ Entry::domain ] ? &domain : nullptr, sax.error.empty() ? render_text( Text::batch_invalid_json, {}, lang ) : sax.error );
      }
      else if( !entry.has[ Entry::domain ] ) {
         batch::write_error( out, line_no, nullptr, render_text( Text::batch_missing_domain, {}, lang ) );
      }
      else {
         batch::Entry e;
         e.domain = entry.text[ Entry::domain ];
         for( int t = 0; t < batch::text_count; ++t ) {
            if( entry.has[ Entry::policy + t ] ) {
               e.text[ t ] = entry.text[ Entry::policy + t ];
            }
         }
         e.mx_hosts = entry.has[ Entry::mx ] ? &entry.mx_hosts : nullptr;
         bool valid = batch::lint_entry( e, verbose, results, lang, &linter );
         cert_extra.clear();
         const auto certs = batch_certificates( line, e.domain, e.text[ batch::policy ] ? &results[ batch::policy ] : nullptr, verbose, lang, cert_extra, cert_error );
         if( certs == BatchCertificates::error ) {
            batch::write_error( out, line_no, &e.domain, cert_error );
         }
         else {
            batch::write_answer( out, line_no, e, valid && certs != BatchCertificates::invalid, results, cert_extra );
         }
      }
      if( out.size() >= out_block ) {
         flush();
      }
      if( write_failed ) {
         break;
      }
   }
   flush();
   if( write_failed ) {
      std::fprintf( stderr, "mta-sts-lint: %s\n", render_text( Text::batch_cannot_write, { { "error", error_text( errno, lang ) } }, lang ).c_str() );
      return 2;
   }
   return 0;
}

}  // namespace mtasts::cli
