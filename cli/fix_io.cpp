// --fix: writing a fixed file in place, atomically. The fixing itself is core/fix/.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.hpp"

namespace mtasts::cli {

std::string write_in_place( const std::string& path, std::string_view content, Lang lang )
{
   // Write through a symbolic link to the file it names, so the link stays a link.
   std::string target = path;
   if( char* real = ::realpath( path.c_str(), nullptr ) ) {
      target = real;
      std::free( real );
   }
   else {
      return error_text( errno, lang );
   }
   struct stat st{};
   if( ::stat( target.c_str(), &st ) != 0 ) {
      return error_text( errno, lang );
   }
   if( !S_ISREG( st.st_mode ) ) {
      return say( Text::sys_not_regular, lang );
   }
   // The file itself must be writable: a rename would replace even a read-only file in a writable directory.
   if( ::access( target.c_str(), W_OK ) != 0 ) {
      return error_text( errno, lang );
   }
   const auto slash = target.rfind( '/' );
   const std::string dir = slash == std::string::npos ? "." : target.substr( 0, slash + 1 );
   const std::string base = slash == std::string::npos ? target : target.substr( slash + 1 );
   std::string tmp = dir + "." + base + ".mta-sts-lint-XXXXXX";
   const int fd = ::mkstemp( tmp.data() );
   if( fd < 0 ) {
      return error_text( errno, lang );
   }
   const auto fail = [ & ]( int err ) {
      ::close( fd );
      ::unlink( tmp.c_str() );
      return error_text( err, lang );
   };
   std::size_t done = 0;
   while( done < content.size() ) {
      const ssize_t n = ::write( fd, content.data() + done, content.size() - done );
      if( n < 0 ) {
         if( errno == EINTR ) {
            continue;
         }
         return fail( errno );
      }
      done += static_cast< std::size_t >( n );
   }
   if( ::fchmod( fd, st.st_mode & 07777 ) != 0 || ::fsync( fd ) != 0 ) {
      return fail( errno );
   }
   if( ::close( fd ) != 0 ) {
      const int err = errno;
      ::unlink( tmp.c_str() );
      return error_text( err, lang );
   }
   if( ::rename( tmp.c_str(), target.c_str() ) != 0 ) {
      const int err = errno;
      ::unlink( tmp.c_str() );
      return error_text( err, lang );
   }
   return {};
}

}  // namespace mtasts::cli
