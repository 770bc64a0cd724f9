// The pre-commit hooks (.pre-commit-hooks.yaml, docs/pre-commit.md) through Debian's `pre-commit try-repo`, offline,
// with the native build first on PATH: each hook fails on a broken file and passes once it is fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { root, nativeCli, requireFile, run } from './helpers.mjs';

requireFile(nativeCli, 'run `npm run build:native` first');
const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-pre-commit-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));
const repo = join(scratch, 'repo');
mkdirSync(repo);
const env = {
  PATH: `${dirname(nativeCli)}:${process.env.PATH}`,
  PRE_COMMIT_HOME: join(scratch, 'cache'),
  GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
  // no network: a proxy that does not exist makes any download fail loudly instead of hanging
  http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9',
};
const gitIn = (cwd, ...args) => {
  const r = run('git', args, { cwd, env });
  assert.equal(r.status, 0, r.stderr);
};
const git = (...args) => gitIn(repo, ...args);
git('init', '-q');

// The hook repository: the shipped files, committed in a scratch repository (try-repo reads committed files, and the
// tests do not depend on the state of this checkout's git).
const hooks = join(scratch, 'hooks');
mkdirSync(hooks, { recursive: true });
cpSync(join(root, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
gitIn(hooks, 'init', '-q');
gitIn(hooks, 'add', '.');
gitIn(hooks, 'commit', '-q', '-m', 'hooks');

function write(path, text) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
  git('add', path);
}

// `pre-commit try-repo <hook repository> <hook> --all-files` in the scratch repository.
function tryHook(hook) {
  const r = run('pre-commit', ['try-repo', hooks, hook, '--all-files', '--color', 'never'], { cwd: repo, env });
  return { status: r.status, out: r.stdout.toString() + r.stderr };
}

const hasPreCommit = run('sh', ['-c', 'command -v pre-commit']).status === 0;

test('mta-sts-lint hook: fails on a broken policy, passes once it is fixed', { skip: !hasPreCommit && 'pre-commit is not installed (scripts/setup.sh installs it)' }, () => {
  write('site/.well-known/mta-sts.txt', 'version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 86400\n');
  write('notes/other.txt', 'not a policy\n'); // not named mta-sts.txt: not checked
  let r = tryHook('mta-sts-lint');
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /mta-sts-lint \(MTA-STS policy files\)\.+Failed/);
  assert.match(r.out, /site\/\.well-known\/mta-sts\.txt:3:21: error: .*\[STS239\]/);
  assert.doesNotMatch(r.out, /other\.txt/);
  write('site/.well-known/mta-sts.txt', 'version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400\n');
  r = tryHook('mta-sts-lint');
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /mta-sts-lint \(MTA-STS policy files\)\.+Passed/);
});

test('mta-sts-lint-zone hook: checks the _mta-sts and _smtp._tls records of a zone file, nothing else', { skip: !hasPreCommit && 'pre-commit is not installed (scripts/setup.sh installs it)' }, () => {
  const zone = (id, rua) => `$ORIGIN example.com.
$TTL 3600
@          IN SOA ns1.example.com. hostmaster.example.com. ( 2024010101 7200 3600
                                                           1209600 3600 )
           IN NS  ns1.example.com.
           IN MX  10 mail.example.com.
mail       IN A   192.0.2.1
mta-sts    IN CNAME www.example.com.
_mta-sts   IN TXT "v=STSv1; ${id}"
_smtp._tls IN TXT ( "v=TLSRPTv1; "
                    "${rua}" )
`;
  write('dns/example.com.zone', zone('id = 20240101', 'rua=mailto:tlsrpt@example.com'));
  write('dns/db.example.org', zone('id=20240101', 'RUA=mailto:tlsrpt@example.org'));
  let r = tryHook('mta-sts-lint-zone');
  assert.equal(r.status, 1, r.out);
  // the errors of both records, at their lines in the zone files; no false alarm on the SOA, NS, MX, A or CNAME lines
  assert.match(r.out, /dns\/example\.com\.zone:9:\d+: error: .*\[STS109\]/);
  assert.match(r.out, /dns\/db\.example\.org:11:\d+: error: .*\[RPT505\]/);
  assert.equal((r.out.match(/: (error|warning):/g) ?? []).length, 2, r.out);
  // an owner written '@' under a $ORIGIN of _mta-sts (RFC 1035 §5.1): the record is found and checked at its line
  write('dns/sub.example.net.zone', `$ORIGIN _mta-sts.example.net.
$TTL 300
@ IN TXT "v=STSv1; id = 1"
`);
  r = tryHook('mta-sts-lint-zone');
  assert.match(r.out, /dns\/sub\.example\.net\.zone:3:\d+: error: .*\[STS109\]/, r.out);
  write('dns/sub.example.net.zone', '$ORIGIN _mta-sts.example.net.\n$TTL 300\n@ IN TXT "v=STSv1; id=1"\n');
  write('dns/example.com.zone', zone('id=20240101', 'rua=mailto:tlsrpt@example.com'));
  write('dns/db.example.org', zone('id=20240101', 'rua=mailto:tlsrpt@example.org'));
  r = tryHook('mta-sts-lint-zone');
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /Passed/);
});
