// The DMARC generator: a _dmarc TXT record (RFC 7489 §6.3) from a few answers, validated by the same linter
// (lint(kind dmarc)), with its zone-file line, the report authorization records that external report domains must
// publish (§7.1) and a checklist that explains the staged roll-out none -> quarantine -> reject. No I/O, no
// exception crosses this API. Only the "./full" WebAssembly module and the CLI carry it.
//
// Options and result map 1:1 to plain JS objects (camelCase on the JS side):
//   DmarcOptions { domain, policy, subdomain_policy→subdomainPolicy, rua, ruf, adkim, aspf, pct }
//   DmarcResult  { ok, errors[{code, field, message}], notes[...], record, records[{name, type, value}],
//                  authorizations[{name, type, value}], zone, stage, checklist[] }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "../generator.hpp"

namespace mtasts {

struct DmarcOptions
{
   std::string domain;                    // the author domain, e.g. "example.com" (one trailing dot removed)
   std::string policy = "none";           // p: none | quarantine | reject
   std::string subdomain_policy;          // sp: "" = as p (the tag is left out)
   std::vector< std::string > rua;        // aggregate report addresses: "mailto:a@example.com" or "a@example.com"
   std::vector< std::string > ruf;        // failure report addresses, the same forms
   std::string adkim;                     // "" (default r) | r | s
   std::string aspf;                      // "" (default r) | r | s
   std::optional< std::int64_t > pct;     // 0..100; 100 or absent: the tag is left out
   Lang lang = Lang::en;                  // the language of messages, notes and checklist (codes never change)
};

struct DmarcResult
{
   std::vector< GenerateMessage > errors;  // non-empty: nothing else is filled
   std::vector< GenerateMessage > notes;   // corrections made and infos about the record (DMC632, DMC637, ...)
   std::string record;                     // the TXT value, "v=DMARC1; p=...; ..."
   std::vector< DnsRecord > records;       // _dmarc.DOMAIN
   std::vector< DnsRecord > authorizations;  // DOMAIN._report._dmarc.RUADOMAIN, "v=DMARC1", one per external domain
   std::string zone;                       // zone_line() of every record and authorization
   std::string stage;                      // "monitor", "quarantine" or "reject": where the roll-out stands
   std::vector< std::string > checklist;   // publishing and roll-out steps, plain sentences

   bool ok() const noexcept { return errors.empty(); }
};

DmarcResult generate_dmarc( const DmarcOptions& options ) noexcept;

// {"ok", "errors", "notes", "record", "records", "authorizations", "zone", "stage", "checklist"}
std::string dmarc_json( const DmarcResult& result, bool pretty = false );

// `mta-sts-lint generate dmarc` (--format text): the record, the zone lines, the checklist and the notes.
std::string dmarc_text( const DmarcResult& result, Lang lang = Lang::en );

}  // namespace mtasts
