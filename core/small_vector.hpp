// A vector that keeps its first N elements inline: the common policy (a handful of fields and mx lines) is checked
// without heap allocations.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace mtasts {

template< typename T, std::size_t N >
class SmallVector
{
public:
   void push_back( const T& v )
   {
      if( size_ < N ) {
         inline_[ size_ ] = v;
      }
      else {
         more_.push_back( v );
      }
      ++size_;
   }
   template< typename... A >
   void emplace_back( A&&... a )
   {
      push_back( T{ std::forward< A >( a )... } );
   }
   std::size_t size() const noexcept { return size_; }
   bool empty() const noexcept { return size_ == 0; }
   const T& operator[]( std::size_t i ) const noexcept { return i < N ? inline_[ i ] : more_[ i - N ]; }
   T& operator[]( std::size_t i ) noexcept { return i < N ? inline_[ i ] : more_[ i - N ]; }
   const T& back() const noexcept { return ( *this )[ size_ - 1 ]; }

private:
   std::array< T, N > inline_{};
   std::vector< T > more_;
   std::size_t size_ = 0;
};

}  // namespace mtasts
