// A DER (ITU-T X.690 §10) TLV reader over a byte view: no allocation, no exceptions, every length checked against what
// remains. Positions are byte offsets into the outermost buffer (`base` + index), for diagnostics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mtasts::x509 {

// Universal tags (class and constructed bits included, as they appear in the identifier octet).
namespace tag {
constexpr std::uint8_t boolean = 0x01, integer = 0x02, bit_string = 0x03, octet_string = 0x04, null = 0x05, oid = 0x06,
                       utf8_string = 0x0c, printable_string = 0x13, t61_string = 0x14, ia5_string = 0x16,
                       utc_time = 0x17, generalized_time = 0x18, visible_string = 0x1a, universal_string = 0x1c,
                       bmp_string = 0x1e, sequence = 0x30, set = 0x31;
}

struct Tlv
{
   std::uint8_t tag = 0;          // the identifier octet (high tag numbers are refused)
   std::size_t offset = 0;        // where the identifier octet is
   std::size_t header = 0;        // identifier + length octets
   std::string_view value;        // the contents octets
   std::size_t value_offset() const noexcept { return offset + header; }
   std::size_t end() const noexcept { return offset + header + value.size(); }
   bool constructed() const noexcept { return ( tag & 0x20 ) != 0; }
};

struct DerError
{
   std::size_t offset = 0;
   const char* what = nullptr;  // a static string, one line
};

// Reads consecutive TLVs from `data`, which starts at absolute offset `base`.
class DerReader
{
public:
   DerReader( std::string_view data, std::size_t base ) noexcept
      : data_( data ), base_( base )
   {}

   bool empty() const noexcept { return pos_ >= data_.size(); }
   std::size_t position() const noexcept { return base_ + pos_; }
   std::uint8_t peek_tag() const noexcept { return empty() ? 0 : static_cast< std::uint8_t >( data_[ pos_ ] ); }

   // Reads the next TLV; on malformed input sets `err` (offset and reason) and returns false.
   bool next( Tlv& out, DerError& err ) noexcept
   {
      const std::size_t start = pos_;
      if( pos_ >= data_.size() ) {
         err = { base_ + pos_, "unexpected end of data: an element is missing" };
         return false;
      }
      const auto id = static_cast< std::uint8_t >( data_[ pos_++ ] );
      if( ( id & 0x1f ) == 0x1f ) {
         err = { base_ + start, "high tag numbers are not used in certificates" };
         return false;
      }
      if( pos_ >= data_.size() ) {
         err = { base_ + pos_, "truncated: the length octet is missing" };
         return false;
      }
      const auto first = static_cast< std::uint8_t >( data_[ pos_++ ] );
      std::size_t len = 0;
      if( first < 0x80 ) {
         len = first;
      }
      else if( first == 0x80 ) {
         err = { base_ + pos_ - 1, "indefinite length is not DER" };
         return false;
      }
      else {
         const std::size_t n = first & 0x7f;
         if( n > 4 ) {
            err = { base_ + pos_ - 1, "length of more than 4 octets" };
            return false;
         }
         if( data_.size() - pos_ < n ) {
            err = { base_ + pos_ - 1, "truncated: the length octets run past the end" };
            return false;
         }
         for( std::size_t k = 0; k < n; ++k ) {
            len = ( len << 8 ) | static_cast< std::uint8_t >( data_[ pos_++ ] );
         }
      }
      if( len > data_.size() - pos_ ) {
         err = { base_ + start, "length runs past the end of the enclosing element (truncated or over-long)" };
         return false;
      }
      out.tag = id;
      out.offset = base_ + start;
      out.header = pos_ - start;
      out.value = data_.substr( pos_, len );
      pos_ += len;
      return true;
   }

   // Reads the next TLV and requires its tag.
   bool expect( std::uint8_t want, Tlv& out, DerError& err, const char* what ) noexcept
   {
      const std::size_t at = base_ + pos_;
      if( !next( out, err ) ) {
         return false;
      }
      if( out.tag != want ) {
         err = { at, what };
         return false;
      }
      return true;
   }

   // A reader over the contents of a constructed TLV.
   static DerReader inside( const Tlv& t ) noexcept { return DerReader( t.value, t.value_offset() ); }

private:
   std::string_view data_;
   std::size_t base_ = 0;
   std::size_t pos_ = 0;
};

}  // namespace mtasts::x509
