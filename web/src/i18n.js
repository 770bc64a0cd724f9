// The page's own words in English and Spanish (the diagnostics, fix titles, generator notes and checklist come from
// the core's catalogue, core/i18n/, through the validator's `lang`). No DOM here except applyStatic().
// Adding a language: one more object in STATIC and WORDS (docs/i18n.md).

export const PAGE_LANGS = ['en', 'es'];

// The language in the fragment (`l=es`), else the first of the browser's languages that the page has, else English.
export function chooseLang(hash, languages) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const l = params.get('l');
  if (PAGE_LANGS.includes(l)) return l;
  for (const tag of languages || []) {
    const primary = String(tag).toLowerCase().split(/[-_]/)[0];
    if (PAGE_LANGS.includes(primary)) return primary;
  }
  return 'en';
}

// Static texts of index.html in Spanish: [selector, what, text]; `what` is 'text', 'html' (our own markup, never
// user text) or an attribute name. English is what index.html says (read once, before the first change).
export const STATIC_ES = [
  ['title', 'text', 'mta-sts-lint: validador de MTA-STS y TLS-RPT'],
  ['meta[name="description"]', 'content', 'Validador sin conexión de políticas MTA-STS (RFC 8461), registros TXT _mta-sts y registros TLS-RPT (RFC 8460). Nada de lo que escriba sale de esta página.'],
  ['.skip', 'text', 'Ir al editor'],
  ['.tagline', 'html', 'Valide una política MTA-STS (RFC&nbsp;8461), un registro TXT <code>_mta-sts</code> o un registro TLS-RPT (RFC&nbsp;8460) sin conexión: cada error aparece en su línea exacta. Todo se ejecuta en esta página: nada de lo que escriba se envía a ningún sitio.'],
  ['.tabs', 'aria-label', 'Vista'],
  ['#tab-validate', 'text', 'Validar'],
  ['#tab-generate', 'text', 'Generar'],
  ['.toolbar', 'aria-label', 'Opciones de entrada'],
  ['label[for="kind"]', 'text', 'Tipo de entrada'],
  ['#kind option[value="auto"]', 'text', 'Automático'],
  ['#kind option[value="policy"]', 'text', 'Política (mta-sts.txt)'],
  ['label[for="verbose"]', 'text', 'Mostrar notas'],
  ['#copy-link', 'text', 'Copiar enlace'],
  ['#copy-text', 'text', 'Copiar texto'],
  ['#examples-label', 'text', 'Ejemplos:'],
  ['#editor-label', 'text', 'Texto que revisar'],
  ['.editor-pane .hint', 'html', 'Pegue el contenido de <code>https://mta-sts.&lt;su-dominio&gt;/.well-known/mta-sts.txt</code> o el valor de un registro TXT. <kbd>F8</kbd> salta al siguiente problema, al pasar el puntero sobre un subrayado se muestra su mensaje y <kbd>Tab</kbd> sale del editor.'],
  ['#results-label', 'text', 'Resultado'],
  ['#diagnostics', 'aria-label', 'Problemas'],
  ['label[for="manual-copy-text"]', 'text', 'Cópielo a mano (el portapapeles no está disponible):'],
  ['#gen-form-label', 'text', 'Su dominio'],
  ['label[for="gen-domain"]', 'html', 'Dominio de correo <span class="muted">(obligatorio)</span>'],
  ['.gen-modes legend', 'text', 'Modo'],
  ['#gen-mode-testing-help', 'text', 'Los servidores emisores entregan como siempre e informan de los fallos TLS; todavía no hay protección. Empiece aquí.'],
  ['#gen-mode-enforce-help', 'text', 'Los servidores emisores no entregan correo a un host MX que no coincida o no tenga un certificado válido.'],
  ['#gen-mode-none-help', 'text', 'Retira MTA-STS: los servidores emisores olvidan la política que tenían en caché.'],
  ['label[for="gen-preset"]', 'text', 'Proveedor de correo (predefinido)'],
  ['#gen-preset option[value=""]', 'text', 'Ninguno'],
  ['#gen-preset-help', 'text', 'Añade a la política los patrones MX del proveedor.'],
  ['label[for="gen-mx"]', 'text', 'Patrones MX, uno por línea'],
  ['#gen-mx-help', 'html', 'Nombres de host, o <code>*.</code> seguido de un dominio (coincide exactamente con una etiqueta más).'],
  ['label[for="gen-from-mx"]', 'text', 'Nombres de host MX de los que partir, uno por línea'],
  ['#gen-from-mx-help', 'html', 'Sus registros MX tal como los devuelve el DNS (<code>dig MX example.com</code>); cada uno se incluye tal cual.'],
  ['label[for="gen-max-age"]', 'text', 'max_age (segundos)'],
  ['#gen-max-age-help', 'text', 'Vacío: el valor por omisión del modo.'],
  ['label[for="gen-id"]', 'html', 'id de la política <span class="muted">(opcional)</span>'],
  ['#gen-id-help', 'text', 'Vacío: la hora UTC actual.'],
  ['label[for="gen-rua"]', 'text', 'Direcciones de los reportes TLS-RPT (rua), una por línea'],
  ['#gen-rua-help', 'html', 'URI <code>mailto:</code> o <code>https:</code>; vacío: sin registro TLS-RPT.'],
  ['#gen-results-label', 'text', 'Qué publicar'],
  ['label[for="gen-manual-copy-text"]', 'text', 'Cópielo a mano (el portapapeles no está disponible):'],
  // The DMARC view
  ['#dmarc-form-label', 'text', 'Su registro DMARC'],
  ['label[for="dmarc-domain"]', 'html', 'Dominio de correo <span class="muted">(obligatorio)</span>'],
  ['#dmarc-form .gen-modes legend', 'text', 'Política (p): el despliegue, una etapa cada vez'],
  ['#dmarc-policy-none-help', 'text', 'Etapa 1: los receptores no cambian nada y le envían reportes. Empiece aquí, con una dirección para los reportes.'],
  ['#dmarc-policy-quarantine-help', 'text', 'Etapa 2: el correo que falla va a spam, cuando los reportes muestren que su propio correo está alineado.'],
  ['#dmarc-policy-reject-help', 'text', 'Etapa 3: el correo que falla se rechaza.'],
  ['label[for="dmarc-sp"]', 'text', 'Política de subdominios (sp)'],
  ['#dmarc-sp option[value=""]', 'text', 'Como p'],
  ['label[for="dmarc-pct"]', 'text', 'Porcentaje (pct)'],
  ['#dmarc-pct-help', 'text', 'Solo RFC 7489; DMARCbis lo elimina.'],
  ['label[for="dmarc-adkim"]', 'text', 'Alineación DKIM (adkim)'],
  ['#dmarc-adkim option[value=""]', 'text', 'relajada (por omisión)'],
  ['#dmarc-adkim option[value="s"]', 'text', 'estricta'],
  ['label[for="dmarc-aspf"]', 'text', 'Alineación SPF (aspf)'],
  ['#dmarc-aspf option[value=""]', 'text', 'relajada (por omisión)'],
  ['#dmarc-aspf option[value="s"]', 'text', 'estricta'],
  ['label[for="dmarc-rua"]', 'text', 'Direcciones para los reportes agregados (rua), una por línea'],
  ['label[for="dmarc-ruf"]', 'html', 'Direcciones para los reportes de fallos (ruf), una por línea <span class="muted">(opcional)</span>'],
  ['#dmarc-ruf-help', 'text', 'Los reportes de fallos pueden contener datos personales; muchos receptores grandes no envían ninguno.'],
  ['#dmarc-results-label', 'text', 'Qué publicar'],
  ['label[for="dmarc-manual-copy-text"]', 'text', 'Cópielo a mano (el portapapeles no está disponible):'],
  ['.footer p', 'html', 'mta-sts-lint {{VERSION}} · Las mismas comprobaciones se ejecutan en la línea de comandos: <code>mta-sts-lint policy.txt</code> (<code>--lang es</code>) · Los códigos y mensajes siguen el RFC 8461 y el RFC 8460. El enlace de «Copiar enlace» guarda su texto en la parte posterior a <code>#</code>, que los navegadores nunca envían a un servidor.'],
];

// Applies the static texts of `lang` (English: what the page said at first, kept in `original`).
export function applyStatic(doc, lang, original, version) {
  for (const [selector, what, es] of STATIC_ES) {
    const node = doc.querySelector(selector);
    if (!node) continue;
    const key = `${selector}|${what}`;
    const read = () => (what === 'text' ? node.textContent : what === 'html' ? node.innerHTML : node.getAttribute(what));
    if (!original.has(key)) original.set(key, read());
    const value = lang === 'es' ? es.replace('{{VERSION}}', version) : original.get(key);
    if (read() === value) continue;
    if (what === 'text') node.textContent = value;
    else if (what === 'html') node.innerHTML = value; // constant markup of this file, never user text
    else node.setAttribute(what, value);
  }
  doc.documentElement.lang = lang;
}

// Durations with Intl: 1209600 -> "14 días (2 semanas)" / "14 days (2 weeks)".
export function intlDuration(seconds, lang) {
  const unit = (n, u) => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'long', maximumFractionDigits: 2 }).format(n);
  const w = WORDS[lang];
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds === 0) return `${unit(0, 'second')} (${w.neverCached})`;
  if (seconds === 31557600) return `${unit(365.25, 'day')} (${unit(1, 'year')}, ${w.theMaximum})`;
  const parts = [];
  let rest = Math.floor(seconds);
  for (const [u, size] of [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]]) {
    if (rest >= size) {
      const n = Math.floor(rest / size);
      parts.push(unit(n, u));
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  let text = parts.join(' ');
  if (rest > 0) text = `${w.about} ${text}`;
  if (seconds >= 604800 && seconds % 604800 === 0 && seconds < 31557600) text += ` (${unit(seconds / 604800, 'week')})`;
  else if (seconds > 31557600) text += ` (${w.overMaximum})`;
  return text;
}

const n = (count, one, many) => `${count} ${count === 1 ? one : many}`;

// The page's dynamic words.
export const WORDS = {
  en: null, // English: the literals in app.js / format.js / generator.js
  es: {
    kind: { auto: 'Automático', policy: 'política', txt: 'registro _mta-sts', tlsrpt: 'registro TLS-RPT', dmarc: 'registro DMARC', bundle: 'texto pegado', cert: 'conjunto de certificados' },
    summary(result, verbose) {
      const what = WORDS.es.kind[result.kind] || 'texto';
      const parts = [];
      if (result.errorCount) parts.push(n(result.errorCount, 'error', 'errores'));
      if (result.warningCount) parts.push(n(result.warningCount, 'advertencia', 'advertencias'));
      if (verbose && result.infoCount) parts.push(n(result.infoCount, 'nota', 'notas'));
      const adjective = result.kind === 'policy' ? ['válida', 'no válida'] : ['válido', 'no válido'];
      const head = `${what[0].toUpperCase()}${what.slice(1)}`;
      if (result.valid && result.errorCount === 0) return parts.length ? `${head} ${adjective[0]}, ${parts.join(', ')}` : `${head} ${adjective[0]}`;
      return `${head} ${adjective[1]}: ${parts.join(', ')}`;
    },
    detected: (k) => `Detectado: ${k}`,
    checkedAs: (k) => `Revisado como: ${k}`,
    fixAll: (count) => (count ? `Corregir todo (${count})` : 'Corregir todo'),
    severity: { error: 'Error', warning: 'Advertencia', info: 'Nota' },
    fix: 'Corregir',
    fixLabel: (title) => `Corrección: ${title}`,
    fixAria: (code, line, title) => `Corregir ${code} en la línea ${line}: ${title}`,
    goTo: (line, column) => `Ir a la línea ${line}, columna ${column}`,
    andMore: (k) => `…y ${k} más`,
    none: 'ninguno',
    noneFound: 'no se encontró ninguno',
    noneUsable: 'ninguno utilizable',
    notSet: 'no definido',
    modeUnset: 'no definido (la política no se puede usar)',
    mode: 'Modo',
    maxAgeNote: 'Cuánto tiempo pueden guardar en caché los servidores emisores esta política después de obtenerla.',
    mxPatterns: (k) => `Patrones mx (${k})`,
    wildcardNote: 'Un patrón «*.» coincide exactamente con una etiqueta más: *.example.com cubre mail.example.com, pero no example.com ni a.b.example.com.',
    otherFields: 'Otros campos (los servidores emisores los ignoran)',
    fields: 'Campos',
    policyId: 'id de la política',
    policyIdNote: 'Cambie el id cada vez que cambie el archivo de política, para que los servidores emisores vuelvan a obtenerlo.',
    destinations: (k) => `Destinos de los reportes (${k})`,
    senderUses: 'Lo que usaría un servidor emisor',
    reporterUses: 'Lo que usaría un emisor de reportes',
    receiverUses: 'Lo que usaría un servidor receptor',
    dmarcPolicy: 'Política (p)',
    dmarcPolicyNote: 'Qué hacen los servidores receptores con el correo que no supera DMARC: none (solo informar), quarantine (carpeta de spam) o reject.',
    found: 'encontrado: ',
    modeExplanation: {
      enforce: 'Los servidores emisores que admiten MTA-STS no entregan el correo salvo que el host MX coincida con un patrón mx y presente un certificado válido por TLS.',
      testing: 'Los servidores emisores entregan como siempre, pero informan de los fallos (mediante TLS-RPT, si publica un registro); todavía no hay protección.',
      none: 'Retira MTA-STS: los servidores emisores tratan el dominio como si no tuviera una política activa.',
    },
    examples: {
      enforce: 'Política en modo enforce', google: 'Google Workspace', microsoft: 'Microsoft 365',
      'sts-record': 'Registro TXT _mta-sts', tlsrpt: 'Registro TLS-RPT', mistakes: 'Errores frecuentes',
      dmarc: 'Registro DMARC', pasted: 'Salida pegada de dig + curl',
    },
    neverCached: 'nunca se guarda en caché',
    theMaximum: 'el máximo',
    about: 'unos',
    overMaximum: 'más que el máximo de 1 año',
    loading: 'Cargando el validador…',
    link: 'Enlace',
    text: 'Texto',
    copied: (what) => `${what}: copiado al portapapeles.`,
    copyByHand: (what) => `${what}: cópielo del cuadro de abajo (Ctrl+C o ⌘C).`,
    validatorFailed: 'El validador falló con este texto',
    switchLabel: 'Idioma',
    validatorNotLoaded: 'No se pudo cargar el validador',
    editorLabel: 'Texto de la política o del registro que revisar',
    // CodeMirror's own words (EditorState.phrases): its lint panel (Ctrl+Shift+M), screen reader notices
    editorPhrases: { Diagnostics: 'Problemas', 'No diagnostics': 'Ningún problema', close: 'cerrar', 'Selection deleted': 'Selección eliminada', 'Control character': 'Carácter de control' },
    // The "found: ..." line of a pasted bundle (format.js foundParts)
    foundWords: { line: (k) => `línea ${k}`, lines: (a, b) => `líneas ${a}\u2013${b}`, mxRecords: (k) => `${k} registros MX` },
    // The DMARC view (dmarc.js; its English words: DMARC_EN there)
    dmarc: {
      stage: { monitor: 'etapa 1 de 3 (supervisión)', quarantine: 'etapa 2 de 3 (cuarentena)', reject: 'etapa 3 de 3 (rechazo)' },
      record: 'Registro DMARC',
      publishAt: 'Publíquelo como TXT en ',
      authorization: 'Registro de autorización de reportes',
      authorizationAt: 'Lo publica el dominio que recibe los reportes, como TXT en ',
      zoneLines: 'Líneas para el archivo de zona',
      zoneWhere: 'Para un archivo de zona al estilo de BIND; se aplica el $TTL de la zona.',
      checklist: 'Lista de verificación',
      notes: 'Notas',
      copy: 'Copiar',
      copyThe: (what) => `Copiar: ${what}`,
      validateThis: 'Validar esto',
      validateThe: (what) => `Validar: ${what}`,
      enterDomain: 'Indique su dominio de correo.',
      nothing: (k) => `No se generó nada: ${n(k, 'problema', 'problemas')} en el formulario.`,
      generated: (domain, policy, stage) => `Generado para ${domain}: p=${policy}, ${stage}.`,
    },
    // The generator panel
    gen: {
      copy: 'Copiar',
      copyThe: (what) => `Copiar: ${what}`,
      validateThis: 'Validar esto',
      validateThe: (what) => `Validar: ${what}`,
      policyFile: 'Archivo de política',
      txtRecord: 'Registro TXT _mta-sts',
      txtRecordShort: 'Registro TXT',
      tlsrptRecord: 'Registro TLS-RPT',
      zoneLines: 'Líneas para el archivo de zona',
      zoneWhere: 'Para un archivo de zona al estilo de BIND; se aplica el $TTL de la zona.',
      wildcard: 'Comodín sugerido',
      wildcardShort: 'Comodín',
      wildcardWhere: 'Cubre todos los hosts MX que indicó (una etiqueta más cada uno). No está en la política: úselo en «Patrones MX» en lugar de los nombres de host si todos sus hosts MX van a seguir bajo él.',
      serveAt: 'Sírvalo en ',
      publishAt: 'Publíquelo en ',
      checklist: 'Lista de verificación',
      step: (k) => `Paso ${k}: `,
      notes: 'Notas',
      enterDomain: 'Indique su dominio de correo.',
      nothing: (k) => `No se generó nada: ${n(k, 'problema', 'problemas')} en el formulario.`,
      generated: (domain, mode) => `Generado para ${domain}, modo ${mode}.`,
    },
  },
};

// The certificate table (web/src/certs.js).
export const CERT_WORDS = {
  en: {
    title: (count, now) => `Certificates (${count}), checked at ${now}`,
    columns: ['Host', 'Position', 'Names (subjectAltName)', 'Issuer', 'Valid', 'Verdict'],
    policy: 'policy host',
    mx: 'MX host',
    leaf: 'leaf',
    noSan: 'no subjectAltName',
    validity: (from, to, days) => `${from} to ${to} (${days < 0 ? `expired ${-days} day${days === -1 ? '' : 's'} ago` : `${days} day${days === 1 ? '' : 's'} left`})`,
    covers: (host) => `valid for ${host}`,
    ok: 'ok',
  },
  es: {
    title: (count, now) => `Certificados (${count}), comprobados el ${now}`,
    columns: ['Host', 'Posición', 'Nombres (subjectAltName)', 'Emisor', 'Validez', 'Veredicto'],
    policy: 'host de la política',
    mx: 'host MX',
    leaf: 'final',
    noSan: 'sin subjectAltName',
    validity: (from, to, days) => `${from} a ${to} (${days < 0 ? `caducado hace ${-days} día${days === -1 ? '' : 's'}` : `quedan ${days} día${days === 1 ? '' : 's'}`})`,
    covers: (host) => `válido para ${host}`,
    ok: 'correcto',
  },
};
