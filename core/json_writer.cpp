#include "json_writer.hpp"

#include "json_string.hpp"

namespace mtasts {

void json_string( std::string& out, std::string_view s )
{
   json::append_string( out, s );
}

void JsonWriter::newline()
{
   if( pretty_ ) {
      out_ += '\n';
      out_.append( static_cast< std::size_t >( depth_ ) * 2, ' ' );
   }
}

void JsonWriter::separator()
{
   if( after_key_ ) {
      after_key_ = false;
      return;
   }
   if( !first_ ) {
      out_ += ',';
   }
   if( depth_ > 0 ) {
      newline();
   }
   first_ = false;
}

JsonWriter& JsonWriter::begin_object()
{
   separator();
   out_ += '{';
   ++depth_;
   first_ = true;
   return *this;
}

JsonWriter& JsonWriter::end_object()
{
   --depth_;
   if( !first_ ) {
      newline();
   }
   out_ += '}';
   first_ = false;
   return *this;
}

JsonWriter& JsonWriter::begin_array()
{
   separator();
   out_ += '[';
   ++depth_;
   first_ = true;
   return *this;
}

JsonWriter& JsonWriter::end_array()
{
   --depth_;
   if( !first_ ) {
      newline();
   }
   out_ += ']';
   first_ = false;
   return *this;
}

JsonWriter& JsonWriter::key( std::string_view k )
{
   separator();
   json_string( out_, k );
   out_ += pretty_ ? ": " : ":";
   after_key_ = true;
   return *this;
}

JsonWriter& JsonWriter::value( std::string_view s )
{
   separator();
   json_string( out_, s );
   return *this;
}

JsonWriter& JsonWriter::value( std::size_t n )
{
   separator();
   out_ += std::to_string( n );
   return *this;
}

JsonWriter& JsonWriter::value_u64( std::uint64_t n )
{
   separator();
   out_ += std::to_string( n );
   return *this;
}

JsonWriter& JsonWriter::value( bool b )
{
   separator();
   out_ += b ? "true" : "false";
   return *this;
}

JsonWriter& JsonWriter::raw( std::string_view json )
{
   separator();
   out_ += json;
   return *this;
}

JsonWriter& JsonWriter::null()
{
   separator();
   out_ += "null";
   return *this;
}

}  // namespace mtasts
