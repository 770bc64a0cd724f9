// The examples one click away. The texts live in web/examples/*.txt (also usable with the CLI) and are inlined by esbuild.
import enforce from '../examples/enforce.txt';
import google from '../examples/google-workspace.txt';
import microsoft from '../examples/microsoft-365.txt';
import stsRecord from '../examples/mta-sts-record.txt';
import tlsrpt from '../examples/tls-rpt-record.txt';
import mistakes from '../examples/common-mistakes.txt';
import dmarc from '../examples/dmarc-record.txt';
import pasted from '../examples/pasted-evidence.txt';

export const EXAMPLES = [
  { id: 'enforce', label: 'Enforce policy', kind: 'auto', text: enforce },
  { id: 'google', label: 'Google Workspace', kind: 'auto', text: google },
  { id: 'microsoft', label: 'Microsoft 365', kind: 'auto', text: microsoft },
  { id: 'sts-record', label: '_mta-sts TXT record', kind: 'auto', text: stsRecord },
  { id: 'tlsrpt', label: 'TLS-RPT record', kind: 'auto', text: tlsrpt },
  { id: 'mistakes', label: 'Common mistakes', kind: 'auto', text: mistakes },
  { id: 'dmarc', label: 'DMARC record', kind: 'auto', text: dmarc },
  { id: 'pasted', label: 'Pasted dig + curl output', kind: 'auto', text: pasted },
];
