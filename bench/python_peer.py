#!/usr/bin/env python3
"""The batch benchmark's peer: the same JSON Lines as `mta-sts-lint --batch`, checked with the parser of Debian's
postfix-mta-sts-resolver (the MTA-STS daemon many Postfix servers run; python3 module postfix_mta_sts_resolver).

For each line: json.loads; the _mta-sts record through utils.parse_mta_sts_record and the resolver's own checks
(resolver.py: starts with v=STSv1, v == STSv1, an id); the policy through utils.parse_mta_sts_policy and the resolver's
own checks (version STSv1, integer max_age in 0..31557600, a known mode, at least one mx unless mode none); the TLS-RPT
record (which the resolver never reads) through the same key=value parser, checking v=TLSRPTv1 and a rua. One JSON
line out per input line, in order: {"line", "domain", "valid", "policy": {"valid", "error"}, ...}.

That is much less work than mta-sts-lint does (no positions, no messages, no field grammar, no 60 other rules): the
ratio in bench/run.mjs is therefore generous to this peer.

    python3 bench/python_peer.py < domains.jsonl > verdicts.jsonl
"""
import json
import sys

from postfix_mta_sts_resolver.utils import parse_mta_sts_policy, parse_mta_sts_record


def check_txt(value):
    # resolver.py: txt_records filtered on startswith('v=STSv1'), then parse_mta_sts_record and v/id checks
    if not value.startswith('v=STSv1'):
        return 'no v=STSv1 prefix'
    rec = parse_mta_sts_record(value)
    if rec.get('v', None) != 'STSv1' or 'id' not in rec:
        return 'bad record'
    return None


def check_policy(text):
    # resolver.py after the fetch: parse_mta_sts_policy, then the same validation steps in the same order
    pol = parse_mta_sts_policy(text)
    if pol.get('version', None) != 'STSv1':
        return 'bad version'
    try:
        max_age = int(pol.get('max_age', '-1'))
        pol['max_age'] = max_age
    except ValueError:
        return 'bad max_age'
    if not 0 <= max_age <= 31557600:
        return 'max_age out of range'
    if 'mode' not in pol:
        return 'no mode'
    if pol['mode'] == 'none':
        return None
    if pol['mode'] not in ('none', 'testing', 'enforce'):
        return 'bad mode'
    if not pol['mx']:
        return 'no mx'
    return None


def check_tlsrpt(value):
    rec = parse_mta_sts_record(value)
    if rec.get('v', None) != 'TLSRPTv1' or not rec.get('rua'):
        return 'bad record'
    return None


CHECKS = (('policy', check_policy), ('txt', check_txt), ('tlsrpt', check_tlsrpt))


def main():
    out = sys.stdout
    dumps = json.dumps
    loads = json.loads
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            o = loads(line)
        except ValueError as e:
            out.write(dumps({'line': n, 'error': 'invalid JSON: %s' % e}) + '\n')
            continue
        if not isinstance(o, dict) or not isinstance(o.get('domain'), str):
            out.write(dumps({'line': n, 'error': 'missing "domain"'}) + '\n')
            continue
        res = {'line': n, 'domain': o['domain'], 'valid': True}
        for key, check in CHECKS:
            value = o.get(key)
            if isinstance(value, str):
                err = check(value)
                res[key] = {'valid': err is None, 'error': err}
                if err is not None:
                    res['valid'] = False
        out.write(dumps(res) + '\n')
    out.flush()


if __name__ == '__main__':
    main()
