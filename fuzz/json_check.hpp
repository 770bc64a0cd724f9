// A minimal, strict JSON (RFC 8259) parser for the fuzz targets: it checks that the formatters' output is valid JSON
// (grammar, escapes, no raw control characters, valid UTF-8 in strings) and builds a small tree the targets query.
// Independent of core/json_writer.cpp on purpose: it shares no code with what it checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "utf8_oracle.hpp"

namespace fuzzjson {

struct Value
{
   enum class Type { null, boolean, number, string, array, object } type = Type::null;
   bool b = false;
   double num = 0;
   bool integer = false;     // a number without fraction or exponent
   std::uint64_t u = 0;      // its value when integer and non-negative
   std::string str;          // unescaped (UTF-8)
   std::vector< Value > arr;
   std::vector< std::pair< std::string, Value > > obj;

   const Value* get( std::string_view key ) const
   {
      if( type != Type::object ) {
         return nullptr;
      }
      for( const auto& [ k, v ] : obj ) {
         if( k == key ) {
            return &v;
         }
      }
      return nullptr;
   }
};

class Parser
{
public:
   explicit Parser( std::string_view s )
      : s_( s )
   {}

   // Parses one document (surrounding whitespace allowed). Returns false with error() set when invalid.
   bool parse( Value& out )
   {
      ws();
      if( !value( out, 0 ) ) {
         return false;
      }
      ws();
      if( i_ != s_.size() ) {
         return fail( "trailing bytes after the document" );
      }
      return true;
   }

   const std::string& error() const { return error_; }
   std::size_t position() const { return i_; }

private:
   static constexpr int max_depth = 256;

   bool fail( const char* what )
   {
      if( error_.empty() ) {
         error_ = std::string( what ) + " at byte " + std::to_string( i_ );
      }
      return false;
   }

   void ws()
   {
      while( i_ < s_.size() && ( s_[ i_ ] == ' ' || s_[ i_ ] == '\t' || s_[ i_ ] == '\n' || s_[ i_ ] == '\r' ) ) {
         ++i_;
      }
   }

   bool literal( std::string_view word )
   {
      if( s_.substr( i_, word.size() ) != word ) {
         return fail( "bad literal" );
      }
      i_ += word.size();
      return true;
   }

   bool value( Value& v, int depth )
   {
      if( depth > max_depth ) {
         return fail( "nesting too deep" );
      }
      if( i_ >= s_.size() ) {
         return fail( "unexpected end" );
      }
      switch( s_[ i_ ] ) {
         case '{':
            return object( v, depth );
         case '[':
            return array( v, depth );
         case '"':
            v.type = Value::Type::string;
            return string( v.str );
         case 't':
            v.type = Value::Type::boolean;
            v.b = true;
            return literal( "true" );
         case 'f':
            v.type = Value::Type::boolean;
            return literal( "false" );
         case 'n':
            v.type = Value::Type::null;
            return literal( "null" );
         default:
            return number( v );
      }
   }

   bool object( Value& v, int depth )
   {
      v.type = Value::Type::object;
      ++i_;
      ws();
      if( i_ < s_.size() && s_[ i_ ] == '}' ) {
         ++i_;
         return true;
      }
      while( true ) {
         ws();
         if( i_ >= s_.size() || s_[ i_ ] != '"' ) {
            return fail( "expected a key" );
         }
         std::string k;
         if( !string( k ) ) {
            return false;
         }
         ws();
         if( i_ >= s_.size() || s_[ i_ ] != ':' ) {
            return fail( "expected ':'" );
         }
         ++i_;
         ws();
         Value member;
         if( !value( member, depth + 1 ) ) {
            return false;
         }
         v.obj.emplace_back( std::move( k ), std::move( member ) );
         ws();
         if( i_ < s_.size() && s_[ i_ ] == ',' ) {
            ++i_;
            continue;
         }
         if( i_ < s_.size() && s_[ i_ ] == '}' ) {
            ++i_;
            return true;
         }
         return fail( "expected ',' or '}'" );
      }
   }

   bool array( Value& v, int depth )
   {
      v.type = Value::Type::array;
      ++i_;
      ws();
      if( i_ < s_.size() && s_[ i_ ] == ']' ) {
         ++i_;
         return true;
      }
      while( true ) {
         ws();
         Value element;
         if( !value( element, depth + 1 ) ) {
            return false;
         }
         v.arr.push_back( std::move( element ) );
         ws();
         if( i_ < s_.size() && s_[ i_ ] == ',' ) {
            ++i_;
            continue;
         }
         if( i_ < s_.size() && s_[ i_ ] == ']' ) {
            ++i_;
            return true;
         }
         return fail( "expected ',' or ']'" );
      }
   }

   static bool digit( char c ) { return c >= '0' && c <= '9'; }

   bool number( Value& v )
   {
      v.type = Value::Type::number;
      const std::size_t b = i_;
      bool negative = false;
      if( i_ < s_.size() && s_[ i_ ] == '-' ) {
         negative = true;
         ++i_;
      }
      if( i_ >= s_.size() || !digit( s_[ i_ ] ) ) {
         return fail( "bad number" );
      }
      if( s_[ i_ ] == '0' ) {
         ++i_;
         if( i_ < s_.size() && digit( s_[ i_ ] ) ) {
            return fail( "leading zero in number" );
         }
      }
      else {
         while( i_ < s_.size() && digit( s_[ i_ ] ) ) {
            ++i_;
         }
      }
      bool integer = true;
      if( i_ < s_.size() && s_[ i_ ] == '.' ) {
         integer = false;
         ++i_;
         if( i_ >= s_.size() || !digit( s_[ i_ ] ) ) {
            return fail( "bad fraction" );
         }
         while( i_ < s_.size() && digit( s_[ i_ ] ) ) {
            ++i_;
         }
      }
      if( i_ < s_.size() && ( s_[ i_ ] == 'e' || s_[ i_ ] == 'E' ) ) {
         integer = false;
         ++i_;
         if( i_ < s_.size() && ( s_[ i_ ] == '+' || s_[ i_ ] == '-' ) ) {
            ++i_;
         }
         if( i_ >= s_.size() || !digit( s_[ i_ ] ) ) {
            return fail( "bad exponent" );
         }
         while( i_ < s_.size() && digit( s_[ i_ ] ) ) {
            ++i_;
         }
      }
      v.integer = integer && !negative;
      if( v.integer ) {
         std::uint64_t u = 0;
         for( std::size_t k = b; k < i_; ++k ) {
            u = u * 10 + static_cast< std::uint64_t >( s_[ k ] - '0' );
         }
         v.u = u;
         v.num = static_cast< double >( u );
      }
      return true;
   }

   static void put_utf8( std::string& out, std::uint32_t cp )
   {
      if( cp < 0x80 ) {
         out += static_cast< char >( cp );
      }
      else if( cp < 0x800 ) {
         out += static_cast< char >( 0xC0 | ( cp >> 6 ) );
         out += static_cast< char >( 0x80 | ( cp & 0x3F ) );
      }
      else if( cp < 0x10000 ) {
         out += static_cast< char >( 0xE0 | ( cp >> 12 ) );
         out += static_cast< char >( 0x80 | ( ( cp >> 6 ) & 0x3F ) );
         out += static_cast< char >( 0x80 | ( cp & 0x3F ) );
      }
      else {
         out += static_cast< char >( 0xF0 | ( cp >> 18 ) );
         out += static_cast< char >( 0x80 | ( ( cp >> 12 ) & 0x3F ) );
         out += static_cast< char >( 0x80 | ( ( cp >> 6 ) & 0x3F ) );
         out += static_cast< char >( 0x80 | ( cp & 0x3F ) );
      }
   }

   bool hex4( std::uint32_t& cp )
   {
      if( i_ + 4 > s_.size() ) {
         return fail( "short \\u escape" );
      }
      cp = 0;
      for( int k = 0; k < 4; ++k ) {
         const char c = s_[ i_++ ];
         cp <<= 4;
         if( c >= '0' && c <= '9' ) {
            cp |= static_cast< std::uint32_t >( c - '0' );
         }
         else if( c >= 'a' && c <= 'f' ) {
            cp |= static_cast< std::uint32_t >( c - 'a' + 10 );
         }
         else if( c >= 'A' && c <= 'F' ) {
            cp |= static_cast< std::uint32_t >( c - 'A' + 10 );
         }
         else {
            return fail( "bad hex digit in \\u escape" );
         }
      }
      return true;
   }

   // One UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF), copied to out.
   bool utf8( std::string& out )
   {
      bool ok = false;
      const std::size_t len = fuzzinv::utf8_len( s_, i_, &ok );
      if( !ok ) {
         return fail( "invalid or truncated UTF-8 sequence in string" );
      }
      out.append( s_.substr( i_, len ) );
      i_ += len;
      return true;
   }

   bool string( std::string& out )
   {
      ++i_;  // opening quote
      while( true ) {
         if( i_ >= s_.size() ) {
            return fail( "unterminated string" );
         }
         const auto c = static_cast< unsigned char >( s_[ i_ ] );
         if( c == '"' ) {
            ++i_;
            return true;
         }
         if( c < 0x20 ) {
            return fail( "raw control character in string" );
         }
         if( c >= 0x80 ) {
            if( !utf8( out ) ) {
               return false;
            }
            continue;
         }
         if( c != '\\' ) {
            out += static_cast< char >( c );
            ++i_;
            continue;
         }
         ++i_;
         if( i_ >= s_.size() ) {
            return fail( "unterminated escape" );
         }
         const char e = s_[ i_++ ];
         switch( e ) {
            case '"':
               out += '"';
               break;
            case '\\':
               out += '\\';
               break;
            case '/':
               out += '/';
               break;
            case 'b':
               out += '\b';
               break;
            case 'f':
               out += '\f';
               break;
            case 'n':
               out += '\n';
               break;
            case 'r':
               out += '\r';
               break;
            case 't':
               out += '\t';
               break;
            case 'u': {
               std::uint32_t cp;
               if( !hex4( cp ) ) {
                  return false;
               }
               if( cp >= 0xD800 && cp <= 0xDBFF ) {
                  // a high surrogate must be followed by an escaped low surrogate
                  if( s_.substr( i_, 2 ) != "\\u" ) {
                     return fail( "lone high surrogate" );
                  }
                  i_ += 2;
                  std::uint32_t lo;
                  if( !hex4( lo ) ) {
                     return false;
                  }
                  if( lo < 0xDC00 || lo > 0xDFFF ) {
                     return fail( "high surrogate without low surrogate" );
                  }
                  cp = 0x10000 + ( ( cp - 0xD800 ) << 10 ) + ( lo - 0xDC00 );
               }
               else if( cp >= 0xDC00 && cp <= 0xDFFF ) {
                  return fail( "lone low surrogate" );
               }
               put_utf8( out, cp );
               break;
            }
            default:
               return fail( "invalid escape" );
         }
      }
   }

   std::string_view s_;
   std::size_t i_ = 0;
   std::string error_;
};

}  // namespace fuzzjson
