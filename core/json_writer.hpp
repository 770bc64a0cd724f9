// A tiny JSON writer (strings are escaped; invalid UTF-8 becomes U+FFFD so the output is always valid JSON).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mtasts {

void json_string( std::string& out, std::string_view s );

class JsonWriter
{
public:
   explicit JsonWriter( std::string& out, bool pretty = false )
      : out_( out ), pretty_( pretty )
   {}

   JsonWriter& begin_object();
   JsonWriter& end_object();
   JsonWriter& begin_array();
   JsonWriter& end_array();
   JsonWriter& key( std::string_view k );
   JsonWriter& value( std::string_view s );
   JsonWriter& value( const char* s ) { return value( std::string_view( s ) ); }
   JsonWriter& value( std::size_t n );
   JsonWriter& value_u64( std::uint64_t n );  // 64-bit even where size_t is 32-bit (wasm)
   JsonWriter& value( bool b );
   JsonWriter& null();
   JsonWriter& raw( std::string_view json );  // an already written JSON value

private:
   void separator();
   void newline();

   std::string& out_;
   bool pretty_;
   int depth_ = 0;
   bool first_ = true;
   bool after_key_ = false;
};

}  // namespace mtasts
