// A list of short strings in one buffer: what PolicyFacts::mx holds. A 64 KiB policy has thousands of mx patterns;
// one std::string each cost a heap allocation per line (a third of the time of linting such a policy, callgrind).
// Elements are read as std::string_view, valid until the list changes.
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>
#include <vector>

namespace mtasts {

class StringList
{
public:
   class const_iterator
   {
   public:
      using iterator_category = std::random_access_iterator_tag;
      using value_type = std::string_view;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = std::string_view;

      const_iterator( const StringList* list, std::size_t k ) noexcept
         : list_( list ), k_( k )
      {}
      std::string_view operator*() const noexcept { return ( *list_ )[ k_ ]; }
      const_iterator& operator++() noexcept
      {
         ++k_;
         return *this;
      }
      const_iterator operator++( int ) noexcept
      {
         auto old = *this;
         ++k_;
         return old;
      }
      difference_type operator-( const const_iterator& o ) const noexcept { return static_cast< difference_type >( k_ ) - static_cast< difference_type >( o.k_ ); }
      bool operator==( const const_iterator& o ) const noexcept { return k_ == o.k_; }
      bool operator!=( const const_iterator& o ) const noexcept { return k_ != o.k_; }

   private:
      const StringList* list_;
      std::size_t k_;
   };

   void push_back( std::string_view s )
   {
      if( ends_.empty() && ends_.capacity() == 0 ) {
         reserve( 8, 256 );  // a typical policy: one allocation each, not a reallocation per pattern
      }
      chars_.insert( chars_.end(), s.begin(), s.end() );  // inline, unlike std::string::append (callgrind)
      ends_.push_back( chars_.size() );
   }
   void reserve( std::size_t count, std::size_t bytes )
   {
      ends_.reserve( count );
      chars_.reserve( bytes );
   }

   void clear() noexcept  // keeps the capacity (mtasts::Linter reuses the list between calls)
   {
      chars_.clear();
      ends_.clear();
   }

   std::size_t size() const noexcept { return ends_.size(); }
   bool empty() const noexcept { return ends_.empty(); }
   std::string_view operator[]( std::size_t k ) const noexcept
   {
      const std::size_t b = k == 0 ? 0 : ends_[ k - 1 ];
      return std::string_view( chars_.data() + b, ends_[ k ] - b );
   }
   std::string_view back() const noexcept { return ( *this )[ size() - 1 ]; }
   const_iterator begin() const noexcept { return const_iterator( this, 0 ); }
   const_iterator end() const noexcept { return const_iterator( this, size() ); }

   friend bool operator==( const StringList& a, const StringList& b ) noexcept { return a.ends_ == b.ends_ && a.chars_ == b.chars_; }
   friend bool operator!=( const StringList& a, const StringList& b ) noexcept { return !( a == b ); }

private:
   std::vector< char > chars_;
   std::vector< std::size_t > ends_;
};

}  // namespace mtasts
