// The summary of a sweep (see summary.hpp): reading answer lines with a SAX handler (no DOM per line: a sweep has
// millions of them), merging partial summaries, and the text, JSON and HTML outputs.
#include "cli/summary.hpp"

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalogue.hpp"
#include "core/json_string.hpp"

namespace mtasts::cli::sweep {

namespace {

   using njson = nlohmann::json;

   std::uint64_t sat_add( std::uint64_t a, std::uint64_t b ) noexcept
   {
      return a > std::numeric_limits< std::uint64_t >::max() - b ? std::numeric_limits< std::uint64_t >::max() : a + b;
   }

   void add_to( std::uint64_t& a, std::uint64_t b ) noexcept
   {
      a = sat_add( a, b );
   }

   // At most max_key_bytes, never ending inside a UTF-8 sequence (the strings come from parsed JSON: valid UTF-8).
   std::string cut( std::string_view s )
   {
      std::size_t n = std::min( s.size(), max_key_bytes );
      while( n < s.size() && n > 0 && ( static_cast< unsigned char >( s[ n ] ) & 0xC0 ) == 0x80 ) {
         --n;
      }
      return std::string( s.substr( 0, n ) );
   }

   void offer_example( CodeStat& c, std::string_view domain )
   {
      if( domain.size() <= max_example_bytes && ( !c.example || domain < *c.example ) ) {
         c.example = std::string( domain );
      }
   }

   // Adds `n` to the message's count; past max_messages distinct messages, to "other".
   void count_message( std::map< std::string, std::uint64_t >& m, std::string_view message, std::uint64_t n )
   {
      std::string key = cut( message );
      auto it = m.find( key );
      if( it == m.end() ) {
         if( m.size() >= max_messages ) {
            key = "other";
         }
         it = m.emplace( std::move( key ), 0 ).first;
      }
      add_to( it->second, n );
   }

   void merge_code( CodeStat& into, const CodeStat& from )
   {
      into.severities |= from.severities;
      add_to( into.domains, from.domains );
      add_to( into.count, from.count );
      if( from.example ) {
         offer_example( into, *from.example );
      }
   }

   unsigned severity_bit( std::string_view s ) noexcept
   {
      return s == "error" ? unsigned( sev_error ) : s == "warning" ? unsigned( sev_warning ) : s == "info" ? unsigned( sev_info ) : 0u;
   }

   // One answer line, as the SAX handler reads it.
   struct Answer
   {
      struct Text
      {
         bool present = false;
         bool bad = false;  // given, but not an object
         int valid = -1;
         std::optional< std::string > mode;
         std::optional< std::uint64_t > max_age;
      };
      bool root_seen = false;
      bool has_line = false;
      std::optional< std::string > domain;
      int valid = -1;
      std::optional< std::string > error;
      bool is_summary = false;
      Text texts[ text_count ];
      std::vector< std::pair< std::string, unsigned > > codes;  // distinct codes of this line: (code, severities)
      std::vector< std::uint64_t > code_counts;
      std::optional< mtasts::Text > why;  // the first reason this is not an answer line (a sum_why_* text)
   };

   class AnswerSax
   {
   public:
      explicit AnswerSax( Answer& a )
         : a_( a )
      {}

      bool null()
      {
         if( stack_.empty() ) {
            a_.why = Text::sum_why_not_object;
            return false;
         }
         return true;  // "policy": null is no policy, as in the batch's input
      }
      bool boolean( bool b )
      {
         if( !scalar() ) {
            return false;
         }
         if( top() == root && key_ == "valid" ) {
            a_.valid = b;
         }
         else if( top() == text && key_ == "valid" ) {
            a_.texts[ text_ ].valid = b;
         }
         return true;
      }
      bool number_integer( njson::number_integer_t n )
      {
         if( n >= 0 ) {
            return number_unsigned( static_cast< njson::number_unsigned_t >( n ) );
         }
         return scalar();
      }
      bool number_unsigned( njson::number_unsigned_t n )
      {
         if( !scalar() ) {
            return false;
         }
         if( top() == root && key_ == "line" ) {
            a_.has_line = true;
         }
         else if( top() == text && key_ == "maxAge" ) {
            a_.texts[ text_ ].max_age = n;
         }
         return true;
      }
      bool number_float( njson::number_float_t, const njson::string_t& ) { return scalar(); }
      bool binary( njson::binary_t& ) { return scalar(); }
      bool string( njson::string_t& s )
      {
         if( !scalar() ) {
            return false;
         }
         if( top() == root ) {
            if( key_ == "domain" ) {
               a_.domain = std::move( s );
            }
            else if( key_ == "error" ) {
               a_.error = std::move( s );
            }
         }
         else if( top() == text && key_ == "mode" ) {
            a_.texts[ text_ ].mode = cut( s );
         }
         else if( top() == diag ) {
            if( key_ == "code" ) {
               code_ = cut( s );
               has_code_ = true;
            }
            else if( key_ == "severity" ) {
               sev_ = severity_bit( s );
            }
         }
         return true;
      }
      bool start_object( std::size_t )
      {
         if( stack_.empty() ) {
            a_.root_seen = true;
            stack_.push_back( root );
         }
         else if( top() == root && ( text_of( key_ ) >= 0 ) ) {
            text_ = text_of( key_ );
            a_.texts[ text_ ].present = true;
            stack_.push_back( text );
         }
         else if( top() == diags ) {
            code_.clear();
            has_code_ = false;
            sev_ = 0;
            stack_.push_back( diag );
         }
         else {
            stack_.push_back( other );
         }
         return true;
      }
      bool end_object()
      {
         if( top() == diag && has_code_ ) {
            add_code();
         }
         stack_.pop_back();
         return true;
      }
      bool start_array( std::size_t )
      {
         if( stack_.empty() ) {
            a_.why = Text::sum_why_not_object;
            return false;
         }
         if( top() == root && text_of( key_ ) >= 0 ) {
            a_.texts[ text_of( key_ ) ].bad = true;
         }
         stack_.push_back( top() == text && key_ == "diagnostics" ? diags : other );
         return true;
      }
      bool end_array()
      {
         stack_.pop_back();
         return true;
      }
      bool key( njson::string_t& k )
      {
         if( top() == root && k == "summary" ) {
            a_.is_summary = true;
            return false;  // the caller reads it again as a summary
         }
         key_.swap( k );
         return true;
      }
      bool parse_error( std::size_t, const std::string&, const nlohmann::detail::exception& )
      {
         if( !a_.why ) {
            a_.why = Text::sum_why_not_json;
         }
         return false;
      }

   private:
      enum Role { root, text, diags, diag, other };

      Role top() const noexcept { return stack_.empty() ? other : stack_.back(); }

      static int text_of( std::string_view k ) noexcept
      {
         for( int t = 0; t < text_count; ++t ) {
            if( k == text_keys[ t ] ) {
               return t;
            }
         }
         return -1;
      }

      // A scalar value: at the top level it makes the line something other than an object.
      bool scalar()
      {
         if( stack_.empty() ) {
            a_.why = Text::sum_why_not_object;
            return false;
         }
         if( top() == root && text_of( key_ ) >= 0 ) {
            a_.texts[ text_of( key_ ) ].bad = true;
         }
         return true;
      }

      void add_code()
      {
         for( std::size_t i = 0; i < a_.codes.size(); ++i ) {
            if( a_.codes[ i ].first == code_ ) {
               a_.codes[ i ].second |= sev_;
               ++a_.code_counts[ i ];
               return;
            }
         }
         a_.codes.emplace_back( code_, sev_ );
         a_.code_counts.push_back( 1 );
      }

      Answer& a_;
      std::vector< Role > stack_;
      std::string key_;
      int text_ = 0;
      std::string code_;
      bool has_code_ = false;
      unsigned sev_ = 0;
   };

   void add_answer( Summary& s, const Answer& a )
   {
      const std::string& domain = *a.domain;
      add_to( s.domains, 1 );
      if( a.valid == 1 ) {
         add_to( s.valid, 1 );
      }
      for( int t = 0; t < text_count; ++t ) {
         if( a.texts[ t ].present ) {
            add_to( s.given[ t ], 1 );
            if( a.texts[ t ].valid == 1 ) {
               add_to( s.text_valid[ t ], 1 );
            }
         }
      }
      if( a.texts[ txt ].present && !a.texts[ policy ].present ) {
         add_to( s.record_without_policy, 1 );
      }
      if( a.texts[ policy ].present && !a.texts[ txt ].present ) {
         add_to( s.policy_without_record, 1 );
      }
      if( a.texts[ policy ].present ) {
         const auto& p = a.texts[ policy ];
         int m = mode_unread;
         if( p.mode ) {
            for( int i = 0; i < mode_unread; ++i ) {
               if( *p.mode == mode_keys[ i ] ) {
                  m = i;
               }
            }
         }
         add_to( s.mode_domains[ m ], 1 );
         if( a.valid == 1 ) {
            add_to( s.mode_valid[ m ], 1 );
         }
         add_to( s.max_age[ p.max_age ? age_bucket( *p.max_age ) : age_unread ], 1 );
      }
      bool mx_failure = false;
      for( std::size_t i = 0; i < a.codes.size(); ++i ) {
         const auto& code = a.codes[ i ].first;
         mx_failure = mx_failure || code == "STS401" || code == "STS402";
         auto it = s.codes.find( code );
         if( it == s.codes.end() ) {
            if( s.codes.size() >= max_codes ) {
               add_to( s.other_codes, a.code_counts[ i ] );
               continue;
            }
            it = s.codes.emplace( code, CodeStat{} ).first;
         }
         it->second.severities |= a.codes[ i ].second;
         add_to( it->second.domains, 1 );
         add_to( it->second.count, a.code_counts[ i ] );
         offer_example( it->second, domain );
      }
      if( mx_failure ) {
         add_to( s.mx_coverage_failures, 1 );
      }
   }

   // True when the JSON text nests objects and arrays at most `limit` deep (strings skipped).
   bool max_depth( std::string_view s, int limit ) noexcept
   {
      int depth = 0;
      bool in_string = false;
      for( std::size_t i = 0; i < s.size(); ++i ) {
         const char c = s[ i ];
         if( in_string ) {
            if( c == '\\' ) {
               ++i;
            }
            else if( c == '"' ) {
               in_string = false;
            }
         }
         else if( c == '"' ) {
            in_string = true;
         }
         else if( c == '[' || c == '{' ) {
            if( ++depth > limit ) {
               return false;
            }
         }
         else if( c == ']' || c == '}' ) {
            --depth;
         }
      }
      return true;
   }

   // --- reading a summary back ---------------------------------------------------------------------------------

   bool get_count( const njson& o, const char* key, std::uint64_t& out, bool optional = false )
   {
      const auto it = o.find( key );
      if( it == o.end() ) {
         return optional;
      }
      if( !it->is_number_unsigned() ) {
         return false;
      }
      out = it->get< std::uint64_t >();
      return true;
   }

   // false: a summary line that this version cannot read
   bool read_summary( const njson& j, Summary& s )
   {
      if( !j.is_object() || j.value( "summary", njson() ) != "mta-sts-lint sweep" || j.value( "version", njson() ) != 1 ) {
         return false;
      }
      if( !get_count( j, "lines", s.lines ) || !get_count( j, "domains", s.domains ) || !get_count( j, "valid", s.valid ) ||
          !get_count( j, "inputErrors", s.input_errors ) || !get_count( j, "malformed", s.malformed ) ||
          !get_count( j, "recordWithoutPolicy", s.record_without_policy ) || !get_count( j, "policyWithoutRecord", s.policy_without_record ) ||
          !get_count( j, "mxCoverageFailures", s.mx_coverage_failures ) || !get_count( j, "otherCodes", s.other_codes ) ) {
         return false;
      }
      const auto msgs = j.find( "inputErrorMessages" );
      if( msgs == j.end() || !msgs->is_object() ) {
         return false;
      }
      for( const auto& [ k, v ] : msgs->items() ) {
         if( !v.is_number_unsigned() ) {
            return false;
         }
         count_message( s.input_error_messages, k, v.get< std::uint64_t >() );
      }
      const auto texts = j.find( "texts" );
      if( texts == j.end() || !texts->is_object() ) {
         return false;
      }
      for( int t = 0; t < text_count; ++t ) {
         const auto o = texts->find( text_keys[ t ] );
         if( o == texts->end() || !o->is_object() || !get_count( *o, "given", s.given[ t ] ) || !get_count( *o, "valid", s.text_valid[ t ] ) ) {
            return false;
         }
      }
      const auto modes = j.find( "modes" );
      if( modes == j.end() || !modes->is_object() ) {
         return false;
      }
      for( int m = 0; m < mode_count; ++m ) {
         const auto o = modes->find( mode_keys[ m ] );
         if( o == modes->end() || !o->is_object() || !get_count( *o, "domains", s.mode_domains[ m ] ) || !get_count( *o, "valid", s.mode_valid[ m ] ) ) {
            return false;
         }
      }
      const auto ages = j.find( "maxAge" );
      if( ages == j.end() || !ages->is_object() ) {
         return false;
      }
      for( int a = 0; a < age_count; ++a ) {
         if( !get_count( *ages, age_keys[ a ], s.max_age[ a ] ) ) {
            return false;
         }
      }
      const auto codes = j.find( "codes" );
      if( codes == j.end() || !codes->is_array() ) {
         return false;
      }
      for( const auto& c : *codes ) {
         if( !c.is_object() ) {
            return false;
         }
         const auto code = c.find( "code" );
         const auto sev = c.find( "severity" );
         const auto ex = c.find( "example" );
         CodeStat st;
         if( code == c.end() || !code->is_string() || sev == c.end() || !sev->is_string() || !get_count( c, "domains", st.domains ) ||
             !get_count( c, "count", st.count ) || ( ex != c.end() && !ex->is_string() ) ) {
            return false;
         }
         std::string_view sv = sev->get_ref< const std::string& >();
         for( std::size_t b = 0; b <= sv.size(); ) {
            const auto e = std::min( sv.find( '/', b ), sv.size() );
            st.severities |= severity_bit( sv.substr( b, e - b ) );
            b = e + 1;
         }
         if( ex != c.end() ) {
            offer_example( st, ex->get_ref< const std::string& >() );
         }
         const std::string key = cut( code->get_ref< const std::string& >() );
         auto it = s.codes.find( key );
         if( it == s.codes.end() ) {
            if( s.codes.size() >= max_codes ) {
               add_to( s.other_codes, st.count );
               continue;
            }
            s.codes.emplace( key, std::move( st ) );
         }
         else {
            merge_code( it->second, st );  // the same code twice in one summary (ours never does it): add up
         }
      }
      return true;
   }

   // --- writing ------------------------------------------------------------------------------------------------

   std::vector< std::pair< std::string, const CodeStat* > > sorted_codes( const Summary& s )
   {
      std::vector< std::pair< std::string, const CodeStat* > > v;
      v.reserve( s.codes.size() );
      for( const auto& [ k, c ] : s.codes ) {
         v.emplace_back( k, &c );
      }
      std::stable_sort( v.begin(), v.end(), []( const auto& a, const auto& b ) { return a.second->domains > b.second->domains; } );
      return v;  // equal counts stay in code order (the map's)
   }

   std::string number( std::uint64_t n )
   {
      std::string d = std::to_string( n );
      std::string out;
      for( std::size_t i = 0; i < d.size(); ++i ) {
         if( i > 0 && ( d.size() - i ) % 3 == 0 ) {
            out += ',';
         }
         out += d[ i ];
      }
      return out;
   }

   // n * k / total (n <= total), rounded to nearest or up, in integers; both scaled down first when n * k would not fit.
   std::uint64_t scaled( std::uint64_t n, std::uint64_t k, std::uint64_t total, bool up )
   {
      while( n > std::numeric_limits< std::uint64_t >::max() / k / 2 ) {
         n /= 2;
         total /= 2;
      }
      if( total == 0 ) {
         return 0;
      }
      return ( n * k + ( up ? total - 1 : total / 2 ) ) / total;
   }

   // "12.5%": n of total, rounded to one decimal, in integers (no floating point: the same text everywhere).
   std::string percent( std::uint64_t n, std::uint64_t total )
   {
      if( total == 0 ) {
         return "-";
      }
      const auto t = scaled( n, 1000, total, false );
      return std::to_string( t / 10 ) + "." + std::to_string( t % 10 ) + "%";
   }

   std::string pad_right( std::string s, std::size_t w )
   {
      if( s.size() < w ) {
         s.append( w - s.size(), ' ' );
      }
      return s;
   }

   std::string pad_left( const std::string& s, std::size_t w )
   {
      return s.size() < w ? std::string( w - s.size(), ' ' ) + s : s;
   }

   std::string bar( std::uint64_t n, std::uint64_t total, std::size_t width = 30 )
   {
      if( total == 0 || n == 0 ) {
         return "";
      }
      const auto w = static_cast< std::size_t >( std::min< std::uint64_t >( scaled( n, width, total, true ), width ) );  // n > total: a summary that does not add up
      return std::string( w, '#' );
   }

   // Code text in the output: control characters and non-ASCII bytes of a foreign code are shown escaped.
   std::string printable( std::string_view s )
   {
      std::string out;
      for( const char ch : s ) {
         const auto c = static_cast< unsigned char >( ch );
         if( c < 0x20 || c == 0x7f ) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[ c >> 4 ];
            out += hex[ c & 15 ];
         }
         else {
            out += ch;
         }
      }
      return out;
   }

   const char* title_of( const std::string& code, Lang lang = Lang::en )
   {
      const RuleInfo* r = find_rule( code );
      return r ? rule_title( r->code, lang ) : "";
   }

   // The words of the text and HTML summaries in `lang` (core/i18n/en.def sum_*).
   struct Words
   {
      Lang lang;
      std::string operator()( Text t, const Args& args = {} ) const { return render_text( t, args, lang ); }
      std::string severity( unsigned bits ) const
      {
         if( lang == Lang::en ) {
            return severity_text( bits );  // the JSON's words
         }
         std::string s;
         for( const auto& [ bit, t ] : { std::pair{ sev_info, Text::level_note }, std::pair{ sev_warning, Text::level_warning }, std::pair{ sev_error, Text::level_error } } ) {
            if( bits & bit ) {
               s += s.empty() ? "" : "/";
               s += text_template( t, lang );
            }
         }
         return s.empty() ? ( *this )( Text::sum_unknown ) : s;
      }
      std::string text_label( int t ) const { return ( *this )( t == policy ? Text::sum_text_policy : t == txt ? Text::sum_text_txt : Text::sum_text_tlsrpt ); }
      std::string mode_label( int m ) const { return m == mode_unread ? ( *this )( Text::sum_no_mode ) : std::string( mode_keys[ m ] ); }
      std::string age_label( int a ) const
      {
         static constexpr Text ids[ age_count ] = { Text::sum_age_zero, Text::sum_age_under_day, Text::sum_age_under_week, Text::sum_age_under_4_weeks,
                                                   Text::sum_age_under_year, Text::sum_age_year, Text::sum_age_over_year, Text::sum_age_unread };
         return ( *this )( ids[ a ] );
      }
   };

   std::string html_escape( std::string_view s )
   {
      std::string out;
      for( const char ch : printable( s ) ) {
         switch( ch ) {
            case '&':
               out += "&amp;";
               break;
            case '<':
               out += "&lt;";
               break;
            case '>':
               out += "&gt;";
               break;
            case '"':
               out += "&quot;";
               break;
            case '\'':
               out += "&#39;";
               break;
            default:
               out += ch;
         }
      }
      return out;
   }

}  // namespace

AgeIndex age_bucket( std::uint64_t n ) noexcept
{
   if( n == 0 ) {
      return age_zero;
   }
   if( n < 86400 ) {
      return age_under_day;
   }
   if( n < 604800 ) {
      return age_under_week;
   }
   if( n < 2419200 ) {
      return age_under_4_weeks;
   }
   if( n < 31536000 ) {
      return age_under_year;
   }
   if( n <= 31557600 ) {
      return age_year;
   }
   return age_over_year;
}

std::string severity_text( unsigned bits )
{
   std::string s;
   for( const auto& [ bit, name ] : { std::pair{ sev_info, "info" }, std::pair{ sev_warning, "warning" }, std::pair{ sev_error, "error" } } ) {
      if( bits & bit ) {
         s += s.empty() ? "" : "/";
         s += name;
      }
   }
   return s.empty() ? "unknown" : s;
}

void Summary::merge( const Summary& o )
{
   add_to( lines, o.lines );
   add_to( domains, o.domains );
   add_to( valid, o.valid );
   add_to( input_errors, o.input_errors );
   for( const auto& [ k, n ] : o.input_error_messages ) {
      count_message( input_error_messages, k, n );
   }
   add_to( malformed, o.malformed );
   for( int t = 0; t < text_count; ++t ) {
      add_to( given[ t ], o.given[ t ] );
      add_to( text_valid[ t ], o.text_valid[ t ] );
   }
   add_to( record_without_policy, o.record_without_policy );
   add_to( policy_without_record, o.policy_without_record );
   for( int m = 0; m < mode_count; ++m ) {
      add_to( mode_domains[ m ], o.mode_domains[ m ] );
      add_to( mode_valid[ m ], o.mode_valid[ m ] );
   }
   for( int a = 0; a < age_count; ++a ) {
      add_to( max_age[ a ], o.max_age[ a ] );
   }
   add_to( mx_coverage_failures, o.mx_coverage_failures );
   add_to( other_codes, o.other_codes );
   for( const auto& [ k, c ] : o.codes ) {
      auto it = codes.find( k );
      if( it == codes.end() ) {
         if( codes.size() >= max_codes ) {
            add_to( other_codes, c.count );
            continue;
         }
         it = codes.emplace( k, CodeStat{} ).first;
      }
      merge_code( it->second, c );
   }
}

LineResult add_line( Summary& s, std::string_view line )
{
   if( !line.empty() && line.back() == '\r' ) {
      line.remove_suffix( 1 );
   }
   if( line.find_first_not_of( " \t" ) == std::string_view::npos ) {
      return { LineKind::blank, {}, {} };
   }
   Answer a;
   AnswerSax sax( a );
   bool ok = false;
   try {
      ok = njson::sax_parse( line.begin(), line.end(), &sax );
   }
   catch( ... ) {  // sax_parse reports through parse_error(); nothing else is expected, and nothing may escape
      ok = false;
   }
   if( a.is_summary ) {
      Summary part;
      // A summary nests 3 deep; a deeper line is not one (and a DOM of a million nested arrays would exhaust the stack).
      const bool shallow = max_depth( line, 4 );
      const njson j = shallow ? njson::parse( line.begin(), line.end(), nullptr, false ) : njson( njson::value_t::discarded );
      if( !j.is_discarded() && read_summary( j, part ) ) {
         s.merge( part );
         return { LineKind::summary, {}, {} };
      }
      add_to( s.lines, 1 );
      add_to( s.malformed, 1 );
      return { LineKind::malformed, !shallow ? Text::sum_why_too_deep : j.is_discarded() ? Text::sum_why_not_json : Text::sum_why_old_summary, {} };
   }
   std::optional< mtasts::Text > why = a.why;
   std::string key;
   if( ok ) {
      if( a.error ) {
         add_to( s.lines, 1 );
         add_to( s.input_errors, 1 );
         count_message( s.input_error_messages, *a.error, 1 );
         return { LineKind::input_error, {}, {} };
      }
      if( !a.domain ) {
         why = Text::sum_why_no_domain;
      }
      else if( a.valid < 0 ) {
         why = Text::sum_why_no_valid;
      }
      else {
         for( int t = 0; t < text_count; ++t ) {
            if( a.texts[ t ].bad ) {
               why = Text::sum_why_key_not_object;
               key = text_keys[ t ];
            }
         }
      }
      if( !why ) {
         add_to( s.lines, 1 );
         add_answer( s, a );
         return { LineKind::answer, {}, {} };
      }
   }
   add_to( s.lines, 1 );
   add_to( s.malformed, 1 );
   return { LineKind::malformed, why ? *why : Text::sum_why_not_json, std::move( key ) };
}

std::string to_json( const Summary& s )
{
   std::string o = "{\"summary\":\"mta-sts-lint sweep\",\"version\":1";
   const auto num = [ &o ]( const char* key, std::uint64_t n ) {
      o += ",\"";
      o += key;
      o += "\":";
      o += std::to_string( n );
   };
   num( "lines", s.lines );
   num( "domains", s.domains );
   num( "valid", s.valid );
   num( "inputErrors", s.input_errors );
   num( "malformed", s.malformed );
   o += ",\"inputErrorMessages\":{";
   bool first = true;
   for( const auto& [ k, n ] : s.input_error_messages ) {
      o += first ? "" : ",";
      first = false;
      mtasts::json::append_string( o, k );
      o += ':';
      o += std::to_string( n );
   }
   o += "},\"texts\":{";
   for( int t = 0; t < text_count; ++t ) {
      o += t ? ",\"" : "\"";
      o += text_keys[ t ];
      o += "\":{\"given\":" + std::to_string( s.given[ t ] ) + ",\"valid\":" + std::to_string( s.text_valid[ t ] ) + "}";
   }
   o += "}";
   num( "recordWithoutPolicy", s.record_without_policy );
   num( "policyWithoutRecord", s.policy_without_record );
   o += ",\"modes\":{";
   for( int m = 0; m < mode_count; ++m ) {
      o += m ? ",\"" : "\"";
      o += mode_keys[ m ];
      o += "\":{\"domains\":" + std::to_string( s.mode_domains[ m ] ) + ",\"valid\":" + std::to_string( s.mode_valid[ m ] ) + "}";
   }
   o += "},\"maxAge\":{";
   for( int a = 0; a < age_count; ++a ) {
      o += a ? ",\"" : "\"";
      o += age_keys[ a ];
      o += "\":" + std::to_string( s.max_age[ a ] );
   }
   o += "}";
   num( "mxCoverageFailures", s.mx_coverage_failures );
   num( "otherCodes", s.other_codes );
   o += ",\"codes\":[";
   first = true;
   for( const auto& [ code, c ] : sorted_codes( s ) ) {
      o += first ? "{\"code\":" : ",{\"code\":";
      first = false;
      mtasts::json::append_string( o, code );
      o += ",\"severity\":\"" + severity_text( c->severities ) + "\",\"domains\":" + std::to_string( c->domains ) + ",\"count\":" + std::to_string( c->count );
      if( c->example ) {
         o += ",\"example\":";
         mtasts::json::append_string( o, *c->example );
      }
      o += "}";
   }
   o += "]}\n";
   return o;
}

std::string to_text( const Summary& s, std::size_t top, Lang lang )
{
   const Words w{ lang };
   std::string o;
   const auto line = [ &o ]( const std::string& l ) {
      o += l;
      o += '\n';
   };
   std::uint64_t policies = s.given[ policy ];
   line( w( Text::sum_title ) );
   line( "" );
   line( w( Text::sum_domains, { { "n", number( s.domains ) }, { "v", number( s.valid ) }, { "p", percent( s.valid, s.domains ) }, { "i", number( s.domains - std::min( s.valid, s.domains ) ) } } ) );
   line( w( Text::sum_lines, { { "n", number( s.lines ) }, { "a", number( s.domains ) }, { "e", number( s.input_errors ) }, { "m", number( s.malformed ) } } ) );
   for( const auto& [ k, n ] : s.input_error_messages ) {
      line( "  " + w( Text::sum_input_error, { { "n", pad_left( number( n ), 10 ) }, { "what", printable( k ) } } ) );
   }
   line( "" );
   line( pad_right( w( Text::sum_checked ), 22 ) + pad_left( w( Text::sum_given ), 10 ) + pad_left( w( Text::sum_valid ), 11 ) );
   for( int t = 0; t < text_count; ++t ) {
      line( "  " + pad_right( w.text_label( t ), 20 ) + pad_left( number( s.given[ t ] ), 10 ) + pad_left( number( s.text_valid[ t ] ), 11 ) + "  " +
            pad_left( percent( s.text_valid[ t ], s.given[ t ] ), 6 ) );
   }
   line( "  " + w( Text::sum_record_no_policy, { { "n", number( s.record_without_policy ) } } ) );
   line( "  " + w( Text::sum_policy_no_record, { { "n", number( s.policy_without_record ) } } ) );
   line( "" );
   line( w( Text::sum_mode_head, { { "n", number( policies ) } } ) );
   for( int m = 0; m < mode_count; ++m ) {
      line( "  " + pad_right( w.mode_label( m ), 20 ) + pad_left( number( s.mode_domains[ m ] ), 10 ) + pad_left( percent( s.mode_domains[ m ], policies ), 8 ) +
            pad_left( number( s.mode_valid[ m ] ), 11 ) + "  " + bar( s.mode_domains[ m ], policies ) );
   }
   line( "" );
   line( w( Text::sum_age_head, { { "n", number( policies ) } } ) );
   for( int a = 0; a < age_count; ++a ) {
      line( "  " + pad_right( w.age_label( a ), 40 ) + pad_left( number( s.max_age[ a ] ), 10 ) + pad_left( percent( s.max_age[ a ], policies ), 8 ) + "  " +
            bar( s.max_age[ a ], policies ) );
   }
   line( "" );
   line( w( Text::sum_mx_head, { { "n", number( s.mx_coverage_failures ) }, { "p", percent( s.mx_coverage_failures, s.domains ) } } ) );
   for( const char* c : { "STS401", "STS402", "STS403", "STS404", "STS405", "STS406" } ) {
      const auto it = s.codes.find( c );
      if( it != s.codes.end() ) {
         line( "  " + std::string( c ) + pad_left( number( it->second.domains ), 10 ) + "  " + title_of( c, lang ) );
      }
   }
   line( "" );
   const auto codes = sorted_codes( s );
   const std::size_t shown = top == 0 ? codes.size() : std::min( top, codes.size() );
   line( w( Text::sum_codes_head, { { "shown", std::to_string( shown ) }, { "total", std::to_string( codes.size() ) } } ) );
   line( "  " + w( Text::sum_codes_cols ) );
   for( std::size_t i = 0; i < shown; ++i ) {
      const auto& [ code, c ] = codes[ i ];
      line( "  " + pad_right( printable( code ), 8 ) + " " + pad_right( w.severity( c->severities ), 13 ) + pad_left( number( c->domains ), 11 ) +
            pad_left( percent( c->domains, s.domains ), 8 ) + pad_left( number( c->count ), 13 ) + "  " + printable( c->example.value_or( "" ) ) +
            ( *title_of( code ) ? std::string( "  (" ) + title_of( code, lang ) + ")" : "" ) );
   }
   if( s.other_codes > 0 ) {
      line( "  " + w( Text::sum_other_codes, { { "n", number( s.other_codes ) }, { "max", std::to_string( max_codes ) } } ) );
   }
   return o;
}

std::string to_html( const Summary& s, std::size_t top, Lang lang )
{
   const Words tr{ lang };
   const std::uint64_t policies = s.given[ policy ];
   std::string o;
   o += "<!DOCTYPE html>\n<html lang=\"" + std::string( lang_tag( lang ) ) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" + tr( Text::sum_html_title ) + "</title>\n<style>\n"
        "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:62em;padding:0 1em;color:#1b1b1b}\n"
        "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{padding:.2em .7em;text-align:left;border-bottom:1px solid #ddd}\n"
        "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}code{font:13px ui-monospace,monospace}\n"
        "svg{display:block;margin:.3em 0 1.5em}.big{font-size:1.4em}\n"
        "</style>\n</head>\n<body>\n<h1>" + tr( Text::sum_html_title ) + "</h1>\n";
   o += "<p class=\"big\">" + tr( Text::sum_html_big, { { "n", number( s.domains ) }, { "v", number( s.valid ) }, { "p", percent( s.valid, s.domains ) } } ) + "</p>\n";
   o += "<p>" + tr( Text::sum_html_lines, { { "n", number( s.lines ) }, { "a", number( s.domains ) }, { "e", number( s.input_errors ) }, { "m", number( s.malformed ) } } ) + "</p>\n";
   const auto th = [ & ]( Text t, bool numeric = false ) { return std::string( numeric ? "<th class=\"n\">" : "<th>" ) + tr( t ) + "</th>"; };
   if( !s.input_error_messages.empty() ) {
      o += "<table><tr>" + th( Text::sum_html_input_error ) + th( Text::sum_html_lines_col, true ) + "</tr>\n";
      for( const auto& [ k, n ] : s.input_error_messages ) {
         o += "<tr><td>" + html_escape( k ) + "</td><td class=\"n\">" + number( n ) + "</td></tr>\n";
      }
      o += "</table>\n";
   }
   // A horizontal bar chart: one row per (label, n), bars scaled to `total`.
   const auto chart = [ &o ]( const char* title, const std::vector< std::pair< std::string, std::uint64_t > >& rows, std::uint64_t total ) {
      const int row_h = 22, label_w = 260, bar_w = 360;
      const int h = static_cast< int >( rows.size() ) * row_h + 4;
      o += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string( label_w + bar_w + 140 ) + "\" height=\"" + std::to_string( h ) +
           "\" aria-label=\"" + html_escape( title ) + "\">\n";
      int y = 2;
      for( const auto& [ label, n ] : rows ) {
         const auto w = static_cast< int >( std::min< std::uint64_t >( scaled( n, bar_w, total, true ), bar_w ) );
         o += "<text x=\"0\" y=\"" + std::to_string( y + 15 ) + "\" font-size=\"13\" font-family=\"sans-serif\">" + html_escape( label ) + "</text>";
         o += "<rect x=\"" + std::to_string( label_w ) + "\" y=\"" + std::to_string( y + 3 ) + "\" width=\"" + std::to_string( w ) +
              "\" height=\"15\" fill=\"#3b6ea8\"/>";
         o += "<text x=\"" + std::to_string( label_w + w + 6 ) + "\" y=\"" + std::to_string( y + 15 ) + "\" font-size=\"13\" font-family=\"sans-serif\">" +
              number( n ) + " (" + percent( n, total ) + ")</text>\n";
         y += row_h;
      }
      o += "</svg>\n";
   };

   o += "<h2>" + tr( Text::sum_checked ) + "</h2>\n<table><tr><th></th>" + th( Text::sum_given, true ) + th( Text::sum_valid, true ) + th( Text::sum_share_valid, true ) + "</tr>\n";
   for( int t = 0; t < text_count; ++t ) {
      o += "<tr><td>" + tr.text_label( t ) + "</td><td class=\"n\">" + number( s.given[ t ] ) + "</td><td class=\"n\">" + number( s.text_valid[ t ] ) +
           "</td><td class=\"n\">" + percent( s.text_valid[ t ], s.given[ t ] ) + "</td></tr>\n";
   }
   o += "</table>\n<p>" + tr( Text::sum_html_record_policy, { { "n", number( s.record_without_policy ) }, { "m", number( s.policy_without_record ) } } ) + "</p>\n";

   o += "<h2>" + tr( Text::sum_html_mode ) + "</h2>\n<table><tr>" + th( Text::sum_html_mode_col ) + th( Text::sum_html_domains, true ) + th( Text::sum_html_share, true ) +
        th( Text::sum_valid, true ) + "</tr>\n";
   std::vector< std::pair< std::string, std::uint64_t > > rows;
   for( int m = 0; m < mode_count; ++m ) {
      o += "<tr><td>" + tr.mode_label( m ) + "</td><td class=\"n\">" + number( s.mode_domains[ m ] ) + "</td><td class=\"n\">" +
           percent( s.mode_domains[ m ], policies ) + "</td><td class=\"n\">" + number( s.mode_valid[ m ] ) + "</td></tr>\n";
      rows.emplace_back( tr.mode_label( m ), s.mode_domains[ m ] );
   }
   o += "</table>\n";
   chart( tr( Text::sum_html_mode_chart ).c_str(), rows, policies );

   o += "<h2>max_age</h2>\n<table><tr><th>max_age</th>" + th( Text::sum_html_policies, true ) + th( Text::sum_html_share, true ) + "</tr>\n";
   rows.clear();
   for( int a = 0; a < age_count; ++a ) {
      o += "<tr><td>" + tr.age_label( a ) + "</td><td class=\"n\">" + number( s.max_age[ a ] ) + "</td><td class=\"n\">" +
           percent( s.max_age[ a ], policies ) + "</td></tr>\n";
      rows.emplace_back( tr.age_label( a ), s.max_age[ a ] );
   }
   o += "</table>\n";
   chart( tr( Text::sum_html_age_chart ).c_str(), rows, policies );

   o += "<h2>" + tr( Text::sum_html_mx ) + "</h2>\n<p>" + tr( Text::sum_html_mx_text, { { "n", number( s.mx_coverage_failures ) }, { "p", percent( s.mx_coverage_failures, s.domains ) } } ) +
        "</p>\n<table><tr>" + th( Text::sum_html_code ) + th( Text::sum_html_domains, true ) + th( Text::sum_html_title_col ) + "</tr>\n";
   for( const char* c : { "STS401", "STS402", "STS403", "STS404", "STS405", "STS406" } ) {
      const auto it = s.codes.find( c );
      o += "<tr><td><code>" + std::string( c ) + "</code></td><td class=\"n\">" + number( it == s.codes.end() ? 0 : it->second.domains ) + "</td><td>" +
           html_escape( title_of( c, lang ) ) + "</td></tr>\n";
   }
   o += "</table>\n";

   const auto codes = sorted_codes( s );
   const std::size_t shown = top == 0 ? codes.size() : std::min( top, codes.size() );
   o += "<h2>" + tr( Text::sum_html_codes ) + "</h2>\n<p>" + tr( Text::sum_html_codes_text, { { "shown", std::to_string( shown ) }, { "total", std::to_string( codes.size() ) } } ) +
        "</p>\n<table><tr>" + th( Text::sum_html_code ) + th( Text::sum_html_severity ) + th( Text::sum_html_domains, true ) + th( Text::sum_html_share, true ) +
        th( Text::sum_html_occurrences, true ) + th( Text::sum_html_example ) + th( Text::sum_html_title_col ) + "</tr>\n";
   rows.clear();
   for( std::size_t i = 0; i < shown; ++i ) {
      const auto& [ code, c ] = codes[ i ];
      o += "<tr><td><code>" + html_escape( code ) + "</code></td><td>" + tr.severity( c->severities ) + "</td><td class=\"n\">" + number( c->domains ) +
           "</td><td class=\"n\">" + percent( c->domains, s.domains ) + "</td><td class=\"n\">" + number( c->count ) + "</td><td>" +
           html_escape( c->example.value_or( "" ) ) + "</td><td>" + html_escape( title_of( code, lang ) ) + "</td></tr>\n";
      rows.emplace_back( code, c->domains );
   }
   o += "</table>\n";
   if( s.other_codes > 0 ) {
      o += "<p>" + tr( Text::sum_html_other, { { "n", number( s.other_codes ) }, { "max", std::to_string( max_codes ) } } ) + "</p>\n";
   }
   chart( tr( Text::sum_html_code_chart ).c_str(), rows, s.domains );
   o += "<p>" + tr( Text::sum_html_footer ) + "</p>\n</body>\n</html>\n";
   return o;
}

}  // namespace mtasts::cli::sweep
