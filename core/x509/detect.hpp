// Whether a text is certificate evidence (Kind::cert): cheap, so the lint-only builds can say "not in this build".
#pragma once

#include <cstdint>
#include <string_view>

namespace mtasts::x509 {

// A BEGIN CERTIFICATE line or s_client output in the first 4 KiB, or a binary DER SEQUENCE with a long-form length.
inline bool looks_like_certificates( std::string_view text ) noexcept
{
   if( text.size() >= 4 && static_cast< std::uint8_t >( text[ 0 ] ) == 0x30 && ( static_cast< std::uint8_t >( text[ 1 ] ) == 0x82 || static_cast< std::uint8_t >( text[ 1 ] ) == 0x83 ) ) {
      return true;
   }
   const auto head = text.substr( 0, 4096 );
   return head.find( "-----BEGIN CERTIFICATE-----" ) != std::string_view::npos || head.find( "CONNECTED(" ) != std::string_view::npos || head.find( "openssl s_client" ) != std::string_view::npos;
}

}  // namespace mtasts::x509
