// Reads pasted evidence: what `dig`, `kdig`, `drill`, `delv`, `host`, `nslookup` (BIND and Windows), PowerShell's
// Resolve-DnsName and Invoke-WebRequest, `curl` and `wget` print, RFC 1035 master files, and bare policies or records,
// several in one text. Produces the parts with their byte spans in the text; checks nothing (core/evidence/bundle_lint.cpp
// lints each part where it stands and checks them against each other).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../diagnostic.hpp"
#include "../presentation.hpp"

namespace mtasts::evidence {

// Whether the first lines of `text` are tool output, a zone file or an HTTP response (not a bare policy or record).
// Looks at no more than the first eight lines (512 bytes of each): a plain policy or record costs one line.
bool looks_like_bundle( std::string_view text ) noexcept;
// The same, with the one case it decides for the detection too: a first line "name: value" (a policy), so that a
// plain policy is not read twice.
enum class FirstLines : std::uint8_t { plain, bundle, policy };
FirstLines first_lines( std::string_view text ) noexcept;

enum class Tool : std::uint8_t { none, dig, host, nslookup, resolve_dnsname, zone, curl, wget, invoke_webrequest, policy, record };
const char* tool_name( Tool t ) noexcept;  // English: "dig output"
// The same in `lang` ("salida de dig"): the label of a pasted part, and {tool} in EVD703, EVD707.
const char* tool_label( Tool t, Lang lang ) noexcept;

struct Span
{
   std::size_t offset = 0, length = 0;
   std::size_t end() const noexcept { return offset + length; }
};

// A resource record read from any tool's output (or a zone file), with its owner made absolute where possible.
struct Rr
{
   std::string owner;  // lower case, no trailing dot; empty when the output does not show it
   Span owner_span;    // where the owner is written (or the record's start)
   std::string type;   // upper case: TXT, MX, CNAME, ...
   Span span;          // the whole record as written (all its lines)
   std::size_t block = 0;
   Tool tool = Tool::none;
   // TXT: the value in presentation form, read by core/presentation.cpp (offsets into the whole text)
   std::optional< TxtRecord > txt;
   std::vector< Diagnostic > unquoting;  // DNS6xx found while reading the TXT value
   bool truncated = false;  // the tool cut the value ("..." in Resolve-DnsName's table)
   char forced = 0;         // 't' or 'r': a record file the caller named as _mta-sts or _smtp._tls
   // MX / CNAME
   std::string target;  // exchange or canonical name, lower case, no trailing dot ("." for a null MX)
   Span target_span;
};

enum class Rcode : std::uint8_t { unknown, noerror, nxdomain, servfail, refused };

// A query whose answer the paste shows (from dig's question section, a shell prompt's command, host's or nslookup's
// messages): what was asked and whether it returned records.
struct Query
{
   std::string name;  // lower case, no trailing dot
   std::string type;  // upper case; empty when unknown
   Rcode rcode = Rcode::unknown;
   bool nodata = false;  // NOERROR with no record of the type (or "has no TXT record", "No answer")
   Span span;            // what shows the outcome (status, message), or the query itself
   std::size_t block = 0;
   std::size_t answers = 0;  // records of the type (or CNAMEs) read for this name in the block
};

struct Header
{
   std::string name;  // lower case
   std::string value;
   Span name_span, value_span;
};

struct HttpResponse
{
   Tool tool = Tool::curl;
   Span span;
   int status = 0;
   Span status_span;  // the status code
   std::vector< Header > headers;
   bool headers_shown = false;  // a real header block (not Invoke-WebRequest's summary)
   std::optional< Span > body;  // the body as served, when the paste shows it verbatim
   bool body_truncated = false;
   // Invoke-WebRequest's Content, re-indented by PowerShell: the body's lines, each without the indentation (the last
   // one empty when the body ends with a line break); `body` then spans them all. Empty for a verbatim body.
   std::vector< Span > body_lines;
   std::string url;  // from the command, curl -v's request or wget's first line
   Span url_span;
   std::size_t block = 0;
};

struct Block
{
   Tool tool = Tool::none;
   Span span;
   std::string label;  // e.g. "dig output", "zone file"
   bool whole_answer = false;  // dig +short / +noall +answer: no output means no record
};

struct Bundle
{
   std::vector< Block > blocks;
   std::vector< Rr > records;
   std::vector< Query > queries;
   std::vector< HttpResponse > responses;
   std::vector< Span > policies;  // bare policies (curl -s output, a pasted file)
   Sink problems{ true };         // what could not be read (DNS607, EVD707), and DNS6xx from unquoting values
};

// Several texts of one evidence set, joined (see lint_evidence()): where each starts and what it is. A policy or a
// record file is taken whole as what the caller says it is; a bundle is read as above.
struct Part
{
   enum Kind : char { bundle = 'b', policy = 'p', txt = 't', tlsrpt = 'r' };
   std::size_t offset = 0, length = 0;
   Kind kind = bundle;
};

Bundle read_bundle( std::string_view text, const std::vector< Part >& parts = {}, Lang lang = Lang::en );  // lang: of problems' messages

}  // namespace mtasts::evidence
